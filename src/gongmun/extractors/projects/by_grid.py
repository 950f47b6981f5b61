"""Project rules for tables (``ctx.tables``): a column of names (과제명, 사업명, 내역사업,
세부사업, 주요 과제; 구분 when its cells are names) and the figures of each name's row.

- a row's amounts and periods are its name's, their roles decided by their clause and
  their column (a year in the column header, ``총사업비`` over a column of totals);
- a cell listing ``A, B 등 7개 과제`` names A and B but gives neither the shared figure;
- a cell naming two tasks beside ``40억 + 25.5억`` gives each its own figure;
- total rows (합계, 소계, 계) name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import regex

from gongmun.doc.columns import is_figure
from gongmun.doc.tables import Cell, Table
from gongmun.extractors.projects.figures import Draft, Figures
from gongmun.extractors.projects.forms import form_box
from gongmun.extractors.projects.names import cell_name, is_headed, locate, position_name
from gongmun.extractors.projects.scan import Scan
from gongmun.extractors.projects.words import FUNDING_SOURCES, NAME_COLUMNS, TOTAL_ROW_LABELS
from gongmun.models import FundingShare

# "A, B 등 7개 과제": a list of names with a count; the row's figure is the list's.
_LISTED = re.compile(r"^(?P<names>.+?)\s*등\s*[\d,]+\s*개\s*(?:과제|사업|프로젝트)?\s*$")
# "40억 + 25.5억": one figure per listed name.
_PLUS = re.compile(r"\s*[+＋]\s*")
_TOTAL_HEADER = re.compile(r"총사업비|총\s*사업비|총액|총\s*예산|사업비\s*총")
_CHANGE_HEADER = re.compile(r"증감|대비|증가|감소|비율|비중|%|률")
# The mark of a sub-row before its label (- 지역주력산업육성, ▪ 구축지원): no part of the name.
_ROW_MARK = re.compile(r"^\s*(?:[-▪▫◦•○●■□◆◇▶▷·∙ㆍ]|ㅇ(?=\s))\s*")
# Levels of the budget structure, finest first (lower sorts first).
_LEVEL: Final = {
    "내역사업": -3,
    "내역사업명": -3,
    "세부사업": -2,
    "세부사업명": -2,
    "단위사업": -1,
    "단위사업명": -1,
}
# A column header of budgets: a year (2025년도, ’24), or what a programme is given.
_BUDGET_HEADER = re.compile(
    r"(?<!\d)(?:19|20)\d{2}(?!\d)|['’‘`]\s?\d{2}(?!\d)|예산|사업비|지원액|지원금|투자|집행|결산"
)
# A "구분" column counts as names when this share of its body cells reads as names.
_NAMES_SHARE: Final = 0.6


def table_rows(scan: Scan) -> list[Draft]:
    """Projects from the name column of every table, with the figures of their rows."""
    out: list[Draft] = []
    for table in scan.tables:
        if form_box(table):
            continue  # a form's labels, each beside its value: the name field reads it
        out.extend(_table(scan.text, table, scan.figures))
    return out


def _table(text: str, table: Table, figures: Figures) -> list[Draft]:
    heads = _header_rows(table)
    # Per column its lowest header cell: 국비 | 지방비 | 계 under 2025년 사업비 say what
    # each sub-column's figures are (the upper cell still gives them its year).
    header = {c.col: c for c in sorted(table.cells, key=lambda c: c.row) if c.row < heads}
    body = [c for c in table.cells if c.row >= heads and not c.header]
    col = _name_column(header, body)
    if col is None:
        return []
    totals = {c.col for c in header.values() if _TOTAL_HEADER.search(c.text) and c.col != col}
    roles = _column_roles(header, col)
    stages = _request_stages(header)
    figured = header[col].text.replace(" ", "") == "구분"
    # Columns of changes and rates (증감, 증감률, 대비) hold no level of the project.
    skip = {c.col for c in header.values() if _CHANGE_HEADER.search(c.text)}
    by_row: dict[int, list[Cell]] = {}
    for c in body:
        if c.col != col and c.start is not None and c.col not in skip:
            by_row.setdefault(c.row, []).append(c)
    # The first column groups the rows when the names are not in it (분과: AI, 첨단바이오).
    first = [row[0] for row in table.grid()] if col > 0 and table.n_cols else []
    out: list[Draft] = []
    group: str | None = None
    for cell in sorted((c for c in body if c.col == col), key=lambda c: c.row):
        # A group label stands in its first row only; the rows below it belong to it.
        head = first[cell.row] if cell.row < len(first) else None
        if head is not None and head.row >= heads and head.text.strip():
            group = " ".join(head.text.split())
        if cell.start is None or cell.end is None:
            continue
        if cell.text.replace(" ", "") in TOTAL_ROW_LABELS:
            continue
        row_cells = [c for r in range(cell.row, cell.row + cell.rowspan) for c in by_row.get(r, [])]
        row_cells, shares = _claim_roles(_latest_stage_first(row_cells, stages), roles, figures)
        drafts = _row(text, cell, row_cells, totals, figures, figured)
        if len(drafts) == 1 and not _LISTED.match(cell.text):
            drafts[0].funding.extend(shares)
        for d in drafts:
            d.group = group
        out.extend(drafts)
    return out


# Headers of columns whose figures are shares of the budget by source (국비, 지방비) or a
# cap per item or a bar (과제당 한도, 기업당, 이상): never a total or a year's figure.
_FUNDING_HEADER = regex.compile(
    r"^\s*(?P<source>" + "|".join(regex.escape(w) for w in FUNDING_SOURCES) + r")(?:\s*부담)?\s*$"
)
# "당" only after what it is per ("과제당", "기업당"): "당초(A)" heads the first budget.
_CAP_HEADER = re.compile(
    r"(?:과제|기업|개소|센터|기관|업체|개사|건|곳|명|인|팀)\s*당|한도|상한|이상|이하|이내|최대"
)


def _header_rows(table: Table) -> int:
    """The header rows: the reader's (one at least), and as many more as its header
    cells span down (사업명 and 총사업비 two rows high beside 2025년 사업비 over 국비 |
    지방비 | 계: the second row heads sub-columns, it is no project's row). A row holding
    a figure is a body row whatever spans it (a continued table's group cell)."""
    heads = max(table.header_rows, 1)
    while True:
        deeper = max((c.row + c.rowspan for c in table.cells if c.row < heads), default=heads)
        if deeper <= heads or deeper >= table.n_rows:
            return heads
        if any(heads <= c.row < deeper and is_figure(c.text) for c in table.cells):
            return heads
        heads = deeper


# The stages a budget passes through for the year asked for, in order: the ministry's
# request, the government's proposal, the budget the legislature confirms.
_REQUEST_STAGE_ORDER: Final = (
    regex.compile(r"요구"),
    regex.compile(r"정부안|예산안"),
    regex.compile(r"확정|의결|국회"),
)


def _request_stages(header: dict[int, Cell]) -> dict[int, int]:
    """Columns whose header names a stage of the year asked for → its place in
    :data:`_REQUEST_STAGE_ORDER` (the last one named wins: ``국회확정(C)`` is 2), when
    the table shows two stages or more (``정부안(B) | 국회확정(C)``)."""
    out: dict[int, int] = {}
    for c in header.values():
        found = [i for i, p in enumerate(_REQUEST_STAGE_ORDER) if p.search(c.text)]
        if found:
            out[c.col] = found[-1]
    return out if len(set(out.values())) > 1 else {}


def _latest_stage_first(row_cells: list[Cell], stages: dict[int, int]) -> list[Cell]:
    """``row_cells`` with the cells of stage columns reordered latest stage first, in the
    places those cells held: a year's figure is its last stage (the confirmed budget,
    not the proposal beside it), and the row's other cells keep their order."""
    if not stages:
        return row_cells
    at = [i for i, c in enumerate(row_cells) if c.col in stages]
    ordered = sorted((row_cells[i] for i in at), key=lambda c: -stages[c.col])
    out = list(row_cells)
    for i, c in zip(at, ordered, strict=True):
        out[i] = c
    return out


def _column_roles(header: dict[int, Cell], col: int) -> dict[int, str]:
    """Columns whose header gives their figures a role: ``국비`` -> the source's name,
    ``과제당 한도`` -> ``""`` (a cap: no role)."""
    roles: dict[int, str] = {}
    for c in header.values():
        if c.col == col:
            continue
        funding = _FUNDING_HEADER.match(c.text)
        if funding:
            roles[c.col] = funding["source"]
        elif _CAP_HEADER.search(c.text):
            roles[c.col] = ""
    return roles


def _claim_roles(
    row_cells: list[Cell], roles: dict[int, str], figures: Figures
) -> tuple[list[Cell], list[FundingShare]]:
    """Claim the figures of a row's funding and cap columns: the other cells, and the
    funding shares (a cap's figure is only taken out of the row)."""
    rest: list[Cell] = []
    shares: list[FundingShare] = []
    for c in row_cells:
        if c.col not in roles:
            rest.append(c)
            continue
        for a in figures.amounts_in(c.start or 0, c.end or 0):
            if id(a) in figures.used:
                continue
            figures.used.add(id(a))
            if roles[c.col]:
                shares.append(FundingShare(source=roles[c.col], amount=a))
    return rest, shares


def _name_column(header: dict[int, Cell], body: Sequence[Cell]) -> int | None:
    """The column whose header says it holds names, or a 구분 column of names."""
    levels = [c for c in header.values() if c.text.replace(" ", "") in NAME_COLUMNS]
    if levels:
        # A budget code table heads a column per level (단위사업, 세부사업, 내역사업):
        # the finest level is the project, the ones above it its parents.
        return min(levels, key=lambda c: (_LEVEL.get(c.text.replace(" ", ""), 0), c.col)).col
    for c in sorted(header.values(), key=lambda c: c.col):
        if c.text.replace(" ", "") != "구분":
            continue
        cells = [b for b in body if b.col == c.col and b.text.strip()]
        named = [n for b in cells if (n := position_name(b.text, strict=True))]
        # Rows of a 구분 column read as names when one of them is headed as a programme
        # is (…사업, …구축) or the table gives them budgets (심판 운영 under 2025년도
        # 예산, IP 보증 under 지원액); a grade's pay band or a list of documents is neither.
        if (
            cells
            and len(named) >= _NAMES_SHARE * len(cells)
            and (
                any(map(is_headed, named))
                or any(_BUDGET_HEADER.search(h.text) for h in header.values())
            )
        ):
            return c.col
    return None


_COMMA = re.compile(r"\s*,\s*")


def _row(
    text: str,
    cell: Cell,
    row_cells: list[Cell],
    totals: set[int],
    figures: Figures,
    figured: bool,
) -> list[Draft]:
    start, end = cell.start or 0, cell.end or 0
    listed = _LISTED.match(cell.text)
    raw_names = _COMMA.split(listed.group("names")) if listed else [cell.text]
    if not listed and "," in cell.text and _plus_cells(text, row_cells) == cell.text.count(",") + 1:
        raw_names = _COMMA.split(cell.text)
    drafts: list[Draft] = []
    for raw in raw_names:
        raw = _ROW_MARK.sub("", raw, count=1)
        # A 구분 column mixes names and labels; a 과제명 column holds names only.
        name = position_name(raw, strict=True) if figured else cell_name(raw)
        if name is None:
            continue
        place = locate(text, name, start, end)
        if place is None:
            continue
        drafts.append(Draft(name, place[0], place[1], "table_row"))
    if not drafts or listed:
        # A listed cell's figure is the list's, not any one name's.
        return [] if figured else drafts
    if len(drafts) > 1:
        _share_out(text, drafts, row_cells, figures)
    else:
        d = drafts[0]
        for c in row_cells:
            before = len(d.annual), d.total
            figures.take(d, c.start or 0, c.end or 0, text)
            if c.col in totals and d.total is None and len(d.annual) > before[0]:
                # A column headed 총사업비 holds totals, whatever year its row shows.
                year = max(d.annual)
                d.total = d.annual.pop(year)
    if figured:
        return [d for d in drafts if d.period or d.total or d.annual]
    return drafts


def _plus_cells(text: str, row_cells: list[Cell]) -> int:
    """How many figures a ``40억 + 25.5억`` cell of the row lists (0 if none)."""
    for c in row_cells:
        if _PLUS.search(c.text):
            return len(_PLUS.split(c.text))
    return 0


def _share_out(text: str, drafts: list[Draft], row_cells: list[Cell], figures: Figures) -> None:
    """``A, B`` beside ``40억 + 25.5억``: the i-th figure is the i-th name's."""
    for c in row_cells:
        amounts = figures.amounts_in(c.start or 0, c.end or 0)
        if len(amounts) == len(drafts) and _PLUS.search(c.text):
            for d, a in zip(drafts, amounts, strict=True):
                figures.take(d, a.span.start, a.span.end, text)
