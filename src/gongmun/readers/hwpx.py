"""HWPX reader: paragraphs and tables from the zip's ``Contents/section*.xml``.

HWPX (OWPML) is a zip of XML. Body text is in ``hp:p`` paragraphs of ``hp:run`` runs
holding ``hp:t`` text; a table (``hp:tbl``) sits inside a run, its cells (``hp:tc``)
carry their own paragraphs, address (``hp:cellAddr``) and span (``hp:cellSpan``).
Footnotes and endnotes follow the paragraph that anchors them; headers and footers
are page furniture, written once after the body; ``pageBreak`` and the laid-out line
positions (``hp:lineseg vertpos``) give pages (:mod:`~gongmun.readers.layout`).
The input is untrusted: sizes are bounded (:mod:`~gongmun.readers.safezip`), and the
XML is parsed by defusedxml with DTDs and entities forbidden.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Any, Final

from gongmun.doc.tables import Cell, Table
from gongmun.errors import InputError
from gongmun.readers import limits
from gongmun.readers.assemble import ParaMark, assemble
from gongmun.readers.bounds import XmlBudget
from gongmun.readers.chars import drop_outside_utf8, dropped_warning
from gongmun.readers.layout import PAGE, Furniture, PageTracker
from gongmun.readers.model import RawInput
from gongmun.readers.pdf import clean_cell
from gongmun.readers.safezip import open_zip, read_member

MEDIA_TYPE: Final = "application/hwp+zip"
_SECTION: Final = re.compile(r"^Contents/section(\d+)\.xml$", re.IGNORECASE)

# Local names (namespaces vary between HWPX versions: 2011 paragraph, 2016...).
P, RUN, T, TBL, TR, TC = "p", "run", "t", "tbl", "tr", "tc"
SUBLIST, CELL_ADDR, CELL_SPAN = "subList", "cellAddr", "cellSpan"
# A table's caption (its title or its unit statement, ``(단위: 억원)``): a child of the
# hp:tbl holding its own paragraphs, as HTML's <caption> goes to Table.caption.
CAPTION = "caption"
# Inline elements inside hp:t that stand for characters.
INLINE_CHARS: Final[dict[str, str]] = {
    "lineBreak": "\n",
    "tab": "\t",
    "nbSpace": " ",
    "fwSpace": " ",
}
# Elements inside a run whose own paragraphs are not body text (hidden/meta parts).
SKIP_IN_RUN: Final = frozenset({"secPr", "ctrl", "fieldBegin", "fieldEnd", "footNote", "endNote"})
# What a control (hp:ctrl) shows: notes after the paragraph, headers/footers as furniture;
# every other control (hidden comments, fields, page numbers, column settings) nothing.
CTRL: Final = "ctrl"
NOTES: Final = frozenset({"footNote", "endNote"})
PAGE_FURNITURE: Final = frozenset({"header", "footer"})
LINESEGS, LINESEG = "linesegarray", "lineseg"


def read_hwpx(data: bytes, path: str, sha256: str) -> RawInput:
    """Read an HWPX file's bytes; raise :class:`InputError` if it is unsafe or not HWPX."""
    z = open_zip(data, path, "HWPX")
    with z:
        sections = sorted(
            ((int(m.group(1)), name) for name in z.namelist() if (m := _SECTION.match(name))),
        )
        if not sections:
            raise InputError(
                path,
                "zip archive without Contents/section*.xml: not an HWPX document",
                "unsupported_format",
            )
        blocks: list[Any] = []
        pages = PageTracker()
        budget = XmlBudget(path)
        dropped = 0
        for number, name in sections:
            member = read_member(z, name, path)
            budget.take_bytes(len(member), name)
            # Private-use characters (Hancom symbol glyphs) go before parsing.
            xml, n = drop_outside_utf8(member)
            dropped += n
            pages.new_section()
            _walk_section(_parse(xml, path, name, budget), number, blocks, pages)
    warnings = (dropped_warning(dropped, "Hancom"),) if dropped else ()
    return assemble(blocks, path, sha256, MEDIA_TYPE, warnings, pages.recorded)


def _walk_section(root: Any, number: int, blocks: list[Any], pages: PageTracker) -> None:
    """A section's paragraphs, each after its place (:class:`ParaMark`), with a page mark
    where the layout starts a new page."""
    index = 0
    for child in root:
        if _local(child.tag) == P:
            if pages.starts_page(child.get("pageBreak") == "1", _line_tops(child)):
                blocks.append(PAGE)
            blocks.append(ParaMark(number, index))
            index += 1
            _paragraph(child, blocks)
        else:
            _walk_container(child, blocks)


def _line_tops(p: Any) -> list[int]:
    tops: list[int] = []
    for segs in (c for c in p if _local(c.tag) == LINESEGS):
        for seg in segs:
            if _local(seg.tag) == LINESEG:
                tops.append(_int(seg, "vertpos", 0))
    return tops


def _control(item: Any, notes: list[Any]) -> None:
    """Notes and furniture of an ``hp:ctrl`` (or a bare footnote), for after the paragraph."""
    for part in [item] if _local(item.tag) in NOTES else list(item):
        kind = _local(part.tag)
        if kind in NOTES:
            _walk_container(part, notes)
        elif kind in PAGE_FURNITURE:
            found: list[Any] = []
            _walk_container(part, found)
            notes.extend(Furniture(b) for b in found if isinstance(b, str))


def _parse(xml: bytes, path: str, name: str, budget: XmlBudget) -> Any:
    """The section's XML tree, counting its elements against the file's budget."""
    import xml.etree.ElementTree as std_et

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    try:
        events = iterparse(
            _Chunks(xml),
            events=("start",),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        root = None
        for _, elem in events:
            if root is None:
                root = elem
            budget.take_element(name)
        return root
    except DefusedXmlException as e:
        raise InputError(
            path,
            f"unsafe XML in {name}: {type(e).__name__} (DTDs and entities are refused)",
            "unsafe_xml",
        ) from e
    except std_et.ParseError as e:
        raise InputError(path, f"broken XML in {name}: {e}", "broken_hwpx") from e


class _Chunks:
    """``xml`` as a file whose reads return 1 MiB chunks: the parser then rescans a long
    token a few times, not once per 16 KB, and elements are counted as it goes."""

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._pos = 0

    def read(self, _size: int = -1) -> bytes:
        chunk = bytes(self._data[self._pos : self._pos + limits.MIB])
        self._pos += len(chunk)
        return chunk


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _walk_container(elem: Any, blocks: list[str | Table]) -> None:
    """Paragraphs of a section or a sub-list, in order, tables as :class:`Table`."""
    for child in elem:
        if _local(child.tag) == P:
            _paragraph(child, blocks)
        else:
            _walk_container(child, blocks)


def _paragraph(p: Any, blocks: list[str | Table]) -> None:
    buf: list[str] = []
    notes: list[Any] = []

    def flush() -> None:
        # A paragraph of only spaces shows nothing, as in the HWP reader (Hancom writes
        # most empty paragraphs with no hp:t at all, some with a blank one).
        text = "".join(buf)
        if text.strip():
            blocks.append(text)
        buf.clear()

    for run in p:
        if _local(run.tag) != RUN:
            continue
        for item in run:
            name = _local(item.tag)
            if name == T:
                buf.append(_t_text(item))
            elif name == TBL:
                flush()
                blocks.append(_table(item))
            elif name == CTRL or name in NOTES:
                _control(item, notes)
            elif name not in SKIP_IN_RUN:
                # Text boxes and shapes keep paragraphs in their own sub-lists.
                flush()
                _walk_container(item, blocks)
    flush()
    blocks.extend(notes)


def _t_text(t: Any) -> str:
    parts = [t.text or ""]
    for child in t:
        parts.append(INLINE_CHARS.get(_local(child.tag), ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    inner: list[str | Table] = []
    for child in tc:
        if _local(child.tag) == SUBLIST:
            _walk_container(child, inner)
    # A table nested in a cell is flattened into the cell's text, cell after cell (never
    # through its grid: a nested table's declared size is not checked).
    texts = [b if isinstance(b, str) else _flat(b) for b in inner]
    return clean_cell(" ".join(texts)) or ""


def _flat(table: Table) -> str:
    return " ".join(c.text for c in sorted(table.cells, key=lambda c: (c.row, c.col)) if c.text)


def _int(elem: Any, attr: str, default: int) -> int:
    try:
        return max(0, int(elem.get(attr, default)))
    except (TypeError, ValueError):
        return default


def _table(tbl: Any) -> Table:
    """The cells of an ``hp:tbl`` at their address, with their spans.

    Rows and columns holding no cell are dropped and the grid renumbered, so a declared
    address or span past the cells that exist never makes empty rows.
    """
    found: dict[tuple[int, int], tuple[str, int, int, bool]] = {}
    for r, tr in enumerate(c for c in tbl if _local(c.tag) == TR):
        col_guess = 0
        for tc in (c for c in tr if _local(c.tag) == TC):
            addr = next((c for c in tc if _local(c.tag) == CELL_ADDR), None)
            span = next((c for c in tc if _local(c.tag) == CELL_SPAN), None)
            row = _int(addr, "rowAddr", r) if addr is not None else r
            col = _int(addr, "colAddr", col_guess) if addr is not None else col_guess
            rs = _int(span, "rowSpan", 1) if span is not None else 1
            cs = _int(span, "colSpan", 1) if span is not None else 1
            header = tc.get("header") in {"1", "true"}
            found.setdefault((row, col), (_cell_text(tc), max(rs, 1), max(cs, 1), header))
            col_guess = col + max(cs, 1)
    table = _compact(found)
    caption = next((c for c in tbl if _local(c.tag) == CAPTION), None)
    if caption is None:
        return table
    return dataclasses.replace(table, caption=_cell_text(caption) or None)


def _compact(found: dict[tuple[int, int], tuple[str, int, int, bool]]) -> Table:
    """A table from cells by address: empty rows dropped, rows and columns renumbered by
    the addresses that hold a cell, spans bounded by the cells that exist."""
    kept_rows = sorted({r for (r, _), v in found.items() if v[0]})
    kept = set(kept_rows)
    keep = {(r, c): v for (r, c), v in found.items() if r in kept}
    all_cols = sorted({c for _, c in found})
    row_no = {r: i for i, r in enumerate(kept_rows)}
    col_no = {c: i for i, c in enumerate(all_cols)}
    n_rows, n_cols = len(kept_rows), len(all_cols)
    cells = []
    for (r, c), (text, rs, cs, header) in sorted(keep.items()):
        row, col = row_no[r], col_no[c]
        # A span reaches as far as the slots it declares, counted in kept rows/columns.
        # (bisection: a table of many cells costs n log n, not n squared)
        last_row = bisect.bisect_left(kept_rows, r + rs) - bisect.bisect_left(kept_rows, r)
        last_col = bisect.bisect_left(all_cols, c + cs) - bisect.bisect_left(all_cols, c)
        cells.append(Cell(row, col, text, max(1, last_row), max(1, last_col), header))
    header_rows = _header_rows(cells)
    return Table(tuple(cells), n_rows, n_cols, header_rows=header_rows, source="hwpx")


def _header_rows(cells: list[Cell]) -> int:
    """Rows marked as header cells (``header="1"``) from the top; else the first row."""
    marked = {c.row for c in cells if c.header}
    n = 0
    while n in marked:
        n += 1
    return n or (1 if cells else 0)
