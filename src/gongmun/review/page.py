"""One document's review pages: its normalized text with every record in place, cut into
sheets (``1.html``, ``2.html``…) so a 300-page document loads one part at a time.

Each sheet has the text of its part, a side list of the records standing there (each
linking to its place, with its fields in a ``<details>``), the links between a project
and its figures (across sheets too), the document's warnings, and the tables its
figures were read from. Everything from the document is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

from gongmun.models import Amount, Document, Period, Project
from gongmun.review import values
from gongmun.review.highlight import Kind, Layout, Mark, plan, render, sheet_bounds
from gongmun.review.tables import table_html

# About 30,000 characters per sheet: 10-15 pages of a plan, a few hundred highlights.
SHEET_CHARS: Final = 30_000
KIND_LABELS: Final[dict[Kind, str]] = {
    "amount": "Amounts",
    "period": "Periods",
    "project": "Projects",
}


def esc(text: object) -> str:
    """HTML-escaped text, quotes included (safe in text and attribute values)."""
    return html.escape(str(text), quote=True)


@dataclass(slots=True)
class Links:
    """Which records a project's figures are, and back: keys such as ``amount-3``."""

    # project → (kind, role, key): kind is period, total, annual or funding; role as shown
    # (``total``, ``2025``, ``국고``).
    figures: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)
    projects: dict[str, list[int]] = field(default_factory=dict)  # key → projects

    def add(self, project: int, kind: str, role: str, key: str) -> None:
        """Record that ``key`` is the ``role`` figure (of ``kind``) of ``project``."""
        self.figures.setdefault(project, []).append((kind, role, key))
        self.projects.setdefault(key, [])
        if project not in self.projects[key]:
            self.projects[key].append(project)


def _spans(records: Sequence[Amount | Period]) -> dict[tuple[int, int, str], int]:
    out: dict[tuple[int, int, str], int] = {}
    for i, r in enumerate(records):
        out.setdefault((r.span.start, r.span.end, r.text), i)
    return out


def project_links(doc: Document) -> Links:
    """Match each project's period, total, annual and funding figures to the records of
    ``doc.periods`` and ``doc.amounts`` by span and text (a project holds copies)."""
    amounts, periods = _spans(doc.amounts), _spans(doc.periods)
    links = Links()
    for j, p in enumerate(doc.projects):
        if p.period is not None:
            i = periods.get((p.period.span.start, p.period.span.end, p.period.text))
            if i is not None:
                links.add(j, "period", "period", f"period-{i}")
        figures = [("total", "total", p.total)] if p.total is not None else []
        figures += [("annual", f"{a.year}", a.amount) for a in p.annual]
        figures += [("funding", f.source, f.amount) for f in p.funding]
        for kind, role, amount in figures:
            assert amount is not None
            i = amounts.get((amount.span.start, amount.span.end, amount.text))
            if i is not None:
                links.add(j, kind, role, f"amount-{i}")
    return links


def marks(doc: Document) -> list[Mark]:
    """One mark per record: amounts and periods show ``text``, projects ``name``."""
    out = [Mark("amount", i, r.span.start, r.span.end, r.text) for i, r in enumerate(doc.amounts)]
    out += [Mark("period", i, r.span.start, r.span.end, r.text) for i, r in enumerate(doc.periods)]
    out += [
        Mark("project", i, r.span.start, r.span.end, r.name) for i, r in enumerate(doc.projects)
    ]
    return out


@dataclass(slots=True)
class Sheets:
    """The document cut into sheets, and which sheet (1-based) shows each record."""

    doc: Document
    layout: Layout
    bounds: list[tuple[int, int]]
    sheet_of: dict[str, int]
    links: Links
    # Per sheet (1-based): its part of the layout, and its records by kind, in index
    # order; found once, so a page costs its own records, not the document's.
    parts: dict[int, Layout] = field(default_factory=dict)
    records: dict[int, dict[str, list[int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, size: int = SHEET_CHARS) -> Sheets:
        """Lay out ``doc``'s records and cut its text into sheets of about ``size``."""
        layout = plan(doc.text, marks(doc))
        bounds = sheet_bounds(doc.text, layout.placed, size)
        starts = [a for a, _ in bounds]
        sheet_of: dict[str, int] = {}
        n = len(bounds)
        for key, pos in layout.where().items():
            sheet_of[key] = _sheet_at(starts, pos, n)
        sheets = cls(doc, layout, bounds, sheet_of, project_links(doc))
        for s in range(1, n + 1):
            sheets.parts[s] = Layout()
            sheets.records[s] = {"amount": [], "period": [], "project": []}
        for m in layout.placed:
            sheets.parts[sheet_of[m.key]].placed.append(m)
        for pos, m in layout.echoes:
            sheets.parts[sheet_of[m.key]].echoes.append((pos, m))
        for m in sorted(marks(doc), key=lambda m: m.index):
            sheets.records[sheet_of[m.key]][m.kind].append(m.index)
        return sheets

    def href(self, key: str, here: int) -> str:
        """Link to a record's element from sheet ``here``."""
        sheet = self.sheet_of.get(key, 1)
        return f"#{key}" if sheet == here else f"{sheet}.html#{key}"


def _sheet_at(starts: list[int], pos: int, n: int) -> int:
    import bisect

    return max(1, min(n, bisect.bisect_right(starts, pos)))


def _open_tag(mark: Mark, echo: bool) -> str:
    cls = f"r k-{mark.kind}" + (" echo" if echo else "")
    title = ' title="overlaps another record: shown beside it"' if echo else ""
    return (
        f'<mark class="{cls}" data-kind="{mark.kind}" data-index="{mark.index}" '
        f'id="{mark.key}" tabindex="0"{title}>'
    )


def _rows_html(rows: list[values.Row]) -> str:
    return "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)


def _record(sheets: Sheets, kind: Kind, index: int, here: int) -> tuple[str, str, str]:
    """(shown text, summary, details HTML) of one record."""
    doc = sheets.doc
    key = f"{kind}-{index}"
    extra = ""
    if kind == "amount":
        a = doc.amounts[index]
        shown, summary, rows = a.text, values.amount_summary(a), values.amount_rows(a)
        if a.cell is not None and a.cell.table < len(doc.tables):
            c = a.cell
            extra += (
                f'<div class="cellref" data-table="{c.table}" data-row="{c.row}" '
                f'data-col="{c.col}"><a href="#table-{c.table}">table {c.table}</a></div>'
            )
    elif kind == "period":
        p = doc.periods[index]
        shown, summary, rows = p.text, values.period_range(p), values.period_rows(p)
    else:
        j = doc.projects[index]
        shown, summary, rows = j.name, _project_summary(j), values.project_rows(j)
        figures = sheets.links.figures.get(index, [])
        if figures:
            items = "".join(
                f'<li>{esc(role)}: <a href="{esc(sheets.href(k, here))}">{esc(_text_of(doc, k))}'
                f"</a></li>"
                for _, role, k in figures
            )
            extra += f'<p class="rel">figures</p><ul class="figures">{items}</ul>'
    owners = sheets.links.projects.get(key, [])
    if owners:
        items = "".join(
            f'<li><a href="{esc(sheets.href(f"project-{j}", here))}">'
            f"{esc(doc.projects[j].name)}</a></li>"
            for j in owners
        )
        extra += f'<p class="rel">project</p><ul class="owners">{items}</ul>'
    details = f'<div class="tip" id="tip-{key}"><dl>{_rows_html(rows)}</dl>{extra}</div>'
    return shown, summary, details


def _text_of(doc: Document, key: str) -> str:
    kind, _, i = key.partition("-")
    return doc.amounts[int(i)].text if kind == "amount" else doc.periods[int(i)].text


def _project_summary(p: Project) -> str:
    parts = []
    if p.period is not None:
        parts.append(p.period.text)
    if p.total is not None:
        parts.append(f"총 {values.won_words(p.total.value_krw)}")
    if p.annual:
        parts.append(f"{len(p.annual)} annual")
    return " · ".join(parts) or "no figures"


def _side(sheets: Sheets, here: int) -> str:
    doc = sheets.doc
    sizes: dict[Kind, int] = {
        "amount": len(doc.amounts),
        "period": len(doc.periods),
        "project": len(doc.projects),
    }
    out = []
    for kind in ("amount", "period", "project"):
        keys = sheets.records[here][kind]
        items = []
        for i in keys:
            shown, summary, details = _record(sheets, kind, i, here)
            items.append(
                f'<li class="rec k-{kind}" id="li-{kind}-{i}" value="{i}"><details><summary>'
                f'<a href="#{kind}-{i}">{esc(shown)}</a> <span class="sum">{esc(summary)}</span>'
                f"</summary>{details}</details></li>"
            )
        count = f"{len(keys)}" if len(keys) == sizes[kind] else f"{len(keys)} of {sizes[kind]}"
        out.append(
            f'<section class="kind k-{kind}"><h2>{KIND_LABELS[kind]} <small>({count})</small>'
            f"</h2><ol>{''.join(items)}</ol></section>"
        )
    return "".join(out)


def _warnings(sheets: Sheets) -> str:
    doc = sheets.doc
    if not doc.warnings:
        return ""
    starts = [a for a, _ in sheets.bounds]
    items = []
    for w in doc.warnings:
        where = ""
        if w.span is not None:
            sheet = _sheet_at(starts, w.span.start, len(starts))
            where = f' <a href="{sheet}.html">at {w.span.start}–{w.span.end}</a>'
        if w.page is not None:
            where += f" (page {w.page})"
        items.append(f"<li><code>{esc(w.code)}</code> {esc(w.message)}{where}</li>")
    return (
        f'<section class="warnings"><h2>Warnings ({len(items)})</h2>'
        f"<ul>{''.join(items)}</ul></section>"
    )


def _page_ranges(sheets: Sheets) -> list[str]:
    """``, pages 12–18`` for each sheet, from the pages of the records it shows."""
    doc = sheets.doc
    lo: dict[int, int] = {}
    hi: dict[int, int] = {}
    kinds: tuple[tuple[str, Sequence[Amount | Period | Project]], ...] = (
        ("amount", doc.amounts),
        ("period", doc.periods),
        ("project", doc.projects),
    )
    for kind, records in kinds:
        for i, r in enumerate(records):
            sheet = sheets.sheet_of.get(f"{kind}-{i}")
            if r.page is None or sheet is None:
                continue
            lo[sheet] = min(lo.get(sheet, r.page), r.page)
            hi[sheet] = max(hi.get(sheet, r.page), r.page)
    out = []
    for s in range(1, len(sheets.bounds) + 1):
        if s not in lo:
            out.append("")
        elif lo[s] == hi[s]:
            out.append(f", page {lo[s]}")
        else:
            out.append(f", pages {lo[s]}–{hi[s]}")
    return out


def _pager(sheets: Sheets, here: int, labels: list[str]) -> str:
    n = len(sheets.bounds)
    if n == 1:
        return ""
    links = []
    for s in range(1, n + 1):
        label = esc(labels[s - 1])
        if s == here:
            links.append(f'<a aria-current="page" title="{label}">{s}</a>')
        else:
            links.append(f'<a href="{s}.html" title="{label}">{s}</a>')
    prev = f'<a href="{here - 1}.html" rel="prev">‹ prev</a>' if here > 1 else ""
    nxt = f'<a href="{here + 1}.html" rel="next">next ›</a>' if here < n else ""
    return f'<nav class="pager" aria-label="parts">{prev} {" ".join(links)} {nxt}</nav>'


def _tables(sheets: Sheets, here: int) -> str:
    doc = sheets.doc
    mine = sheets.records[here]
    cells = [doc.amounts[i].cell for i in mine["amount"]]
    cells += [doc.periods[i].cell for i in mine["period"]]
    wanted = sorted({c.table for c in cells if c is not None})
    shown = [table_html(doc.tables[t]) for t in wanted if t < len(doc.tables)]
    if not shown:
        return ""
    return f'<section class="tables"><h2>Tables read here</h2>{"".join(shown)}</section>'


def _meta(doc: Document) -> str:
    m, s = doc.meta, doc.source
    facts = [
        ("kind", m.kind),
        ("issuer", m.issuer),
        ("issued", m.issued.isoformat() if m.issued else None),
        ("embargo", m.embargo),
        ("department", m.department),
        ("path", s.path),
        ("sha256", s.sha256),
        ("media_type", s.media_type),
        ("pages", s.pages),
        ("reader", s.reader),
        ("gongmun", s.gongmun_version),
    ]
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts if v is not None)
    return f'<dl class="meta">{rows}</dl>'


def _head(title: str) -> str:
    return (
        '<!doctype html>\n<html lang="ko"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)} — gongmun review</title>"
        '<link rel="stylesheet" href="../../assets/review.css"></head>'
    )


def records_page(sheets: Sheets) -> str:
    """``records.html``: every record of the document in one table, each linking to its
    place in its part (the side list of one part holds only that part's records)."""
    doc = sheets.doc
    rows: list[str] = []
    for i, a in enumerate(doc.amounts):
        rows.append(
            _record_row(
                sheets, "amount", i, a.text, values.won(a.value_krw), a.year, a.qualifier, a.page
            )
        )
    for i, p in enumerate(doc.periods):
        rows.append(
            _record_row(sheets, "period", i, p.text, values.period_range(p), None, None, p.page)
        )
    for i, j in enumerate(doc.projects):
        rows.append(
            _record_row(sheets, "project", i, j.name, _project_summary(j), None, None, j.page)
        )
    title = doc.meta.title or doc.source.path or "(stdin)"
    heads = "".join(
        f"<th>{h}</th>" for h in ("kind", "index", "text", "value", "year", "qualifier", "page")
    )
    return (
        f'{_head(title)}<body class="records-page"><header><p class="crumbs">'
        f'<a href="../../index.html">All documents</a> / <a href="1.html">'
        f"{esc(doc.source.path or '(stdin)')}</a></p><h1>{esc(title)}: all records</h1></header>"
        f'<main style="display:block"><table class="docs"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></main></body></html>\n"
    )


def _record_row(
    sheets: Sheets,
    kind: Kind,
    index: int,
    text: str,
    value: str,
    year: int | None,
    qualifier: str | None,
    page: int | None,
) -> str:
    href = f"{sheets.sheet_of.get(f'{kind}-{index}', 1)}.html#{kind}-{index}"
    link = f'<td><a href="{esc(href)}">{esc(text)}</a></td>'
    rest = (value, year, qualifier, page)
    out = [f"<td>{esc(kind)}</td><td>{index}</td>", link]
    out += [f"<td>{esc('—' if c is None else c)}</td>" for c in rest]
    return f'<tr class="k-{kind}">{"".join(out)}</tr>'


def document_pages(doc: Document, size: int = SHEET_CHARS) -> Iterator[tuple[str, str]]:
    """Every page of ``doc`` as (file name, HTML): ``1.html``… then ``records.html``."""
    sheets = Sheets.of(doc, size)
    for n, page in enumerate(_sheet_pages(sheets), start=1):
        yield f"{n}.html", page
    yield "records.html", records_page(sheets)


def document_sheets(doc: Document, size: int = SHEET_CHARS) -> Iterator[str]:
    """The HTML of each sheet of ``doc``, first to last (written as ``1.html``…).

    Pages link to ``../../index.html`` and ``../../assets/``: they live in
    ``DIR/docs/<id>/``.
    """
    return _sheet_pages(Sheets.of(doc, size))


def _sheet_pages(sheets: Sheets) -> Iterator[str]:
    doc = sheets.doc
    n = len(sheets.bounds)
    labels = [
        f"characters {a:,}–{b:,}{pages}"
        for (a, b), pages in zip(sheets.bounds, _page_ranges(sheets), strict=True)
    ]
    title = doc.meta.title or doc.source.path or "(stdin)"
    counts = values.document_counts(doc)
    count_line = " · ".join(f"{v} {k}" for k, v in counts.items())
    for here, bounds in enumerate(sheets.bounds, start=1):
        body = render(doc.text, bounds, sheets.parts[here], _open_tag)
        part = f"part {here} of {n}, {labels[here - 1]}" if n > 1 else labels[0]
        yield (
            f'{_head(title)}<body class="doc-page">'
            f'<header><p class="crumbs"><a href="../../index.html">All documents</a> / '
            f"{esc(doc.source.path or '(stdin)')}</p><h1>{esc(title)}</h1>"
            f'<p class="counts">{esc(count_line)}</p>{_meta(doc)}'
            f'<p class="legend"><mark class="r k-amount">amount</mark> '
            f'<mark class="r k-period">period</mark> <mark class="r k-project">project</mark>'
            f' <span class="part">{esc(part)}</span> · <a href="records.html">all records</a>'
            f"</p>{_pager(sheets, here, labels)}</header>"
            f'<main><article class="text" lang="ko"><pre class="doc" data-start="{bounds[0]}">'
            f"{body}</pre></article>"
            f'<aside class="records">{_warnings(sheets)}{_side(sheets, here)}</aside></main>'
            f"{_tables(sheets, here)}<footer>{_pager(sheets, here, labels)}</footer>"
            '<div id="tip" role="tooltip" hidden></div>'
            '<script src="../../assets/review.js"></script></body></html>\n'
        )
