"""A grid that continues the table right above it takes that table's unit and header.

A scanned table whose rules close only its inner cells is read in two parts: the lines
above its first rule (caption, unit, header, maybe a first row) as a table in the text,
and the ruled grid of figures under them, whose header came from those same lines
(:mod:`gongmun.readers.ocr_heads`: header cells not written in the text). The grid is
the same table, so it takes the unit and caption of the table just before it when it
states none, and a column header it could not read (an inverted header cell tesseract
lost) from that table's header, where the headers both read line up column for column.

A paged table split by a page break goes on the same way: the part on the next page
repeats no header (its first row is a body row of the table above, though a reader
took it for a header) and may stand under the new page's running head.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Final

from gongmun.doc.around import unit_of
from gongmun.doc.columns import TableView, is_figure, label_year, squeeze, units_of
from gongmun.doc.tables import Cell, Table
from gongmun.normalize.markers import find_marker

# Headers two tables must share, in order, to line up their columns.
MIN_SHARED_HEADERS: Final = 2
# Page furniture between the two parts of a table split by a page break: at most this
# many short lines (a running head such as ``도로안전 중기사업계획``).
_FURNITURE_LINES: Final = 2
_FURNITURE_CHARS: Final = 40
# A line that is a caption, a unit statement, a heading or a sentence starts something
# new, not a page's running head.
_NOT_FURNITURE: Final = re.compile(
    r"^[<\[〈《【(]|단위|[.。]$|다$|^(?:제\s?\d+|[IVXⅠ-Ⅻ]+|\d+)\s?[.)장절]"
)
# Figure columns a first row must share with the body of the table above it to be a
# body row of that table, not a header.
_MIN_SHARED_FIGURES: Final = 2


def _header_from_above(t: Table) -> bool:
    """The table's header row was read from the lines above it (cells not written)."""
    heads = [c for c in t.cells if c.row < t.header_rows]
    return bool(heads) and all(c.start is None for c in heads)


def with_table_above(tables: Sequence[Table], text: str) -> tuple[Table, ...]:
    """``tables`` (in text order) where a grid whose header was read above it follows a
    table with nothing but white space between: it takes that table's unit and caption
    (when it has none) and the headers it lacks (:func:`filled_headers`).

    >>> def cell(r, k, text, at=None):
    ...     return Cell(r, k, text, header=r == 0, start=at, end=None if at is None else at + 2)
    >>> above = Table(tuple(cell(0, k, h, 3 * k) for k, h in enumerate(["구분", "24", "25", "26"])),
    ...               1, 4, header_rows=1, unit="(단위: 억원)", start=0, end=11)
    >>> grid = Table((cell(0, 1, "25"), cell(0, 2, "26"), cell(1, 0, "10", 12),
    ...               cell(1, 1, "20", 15), cell(1, 2, "30", 18)), 2, 3, header_rows=1,
    ...              start=12, end=20)
    >>> t = with_table_above([above, grid], "구분 24 25 26\\n10 20 30")[1]
    >>> t.unit, sorted((c.col, c.text) for c in t.cells if c.header)
    ('(단위: 억원)', [(0, '24'), (1, '25'), (2, '26')])
    """
    out = list(tables)
    for k in range(1, len(out)):
        t, before = out[k], out[k - 1]
        if t.start is None or before.end is None or before.end > t.start:
            continue
        between = text[before.end : t.start]
        if between.strip():
            if _page_turn(t, before, between) and _first_row_goes_on(t, before):
                out[k] = continued(t, before, head_from_above=True)
            continue
        if _goes_on(t, before) or _first_row_goes_on(t, before):
            out[k] = continued(t, before, head_from_above=bool(t.header_rows))
            continue
        if not _header_from_above(t):
            continue
        if t.unit is None and before.unit is not None:
            t = dataclasses.replace(t, unit=before.unit, caption=t.caption or before.caption)
        out[k] = filled_headers(t, before)
    return tuple(out)


def _goes_on(t: Table, before: Table) -> bool:
    """``t`` has no header (no header row marked, its first row a row of figures) and the
    columns of the headed table right above it: the rest of that table after a page
    break (its page number gone, its header not repeated)."""
    return (
        t.header_rows == 0
        and before.header_rows > 0
        and TableView(t).header_rows == 0
        and t.n_cols == before.n_cols
        and not any(c.header for c in t.cells)
        and t.source == before.source
    )


def _page_turn(t: Table, before: Table, between: str) -> bool:
    """``t`` opens the page after ``before``'s and what stands between them is page
    furniture: at most :data:`_FURNITURE_LINES` short lines, none a caption, unit,
    heading, outline item or sentence (a running head; the page number is gone), beside
    the statement of ``before``'s own unit.

    >>> a, b = Table((), 1, 1, page=5), Table((), 1, 1, page=6)
    >>> _page_turn(b, a, "\\n도로안전 중기사업계획\\n"), _page_turn(b, a, "\\n□ 향후 계획\\n")
    (True, False)
    >>> a = dataclasses.replace(a, unit="억원")
    >>> _page_turn(b, a, "\\n(단위: 억원)\\n"), _page_turn(b, a, "\\n(단위: 백만원)\\n")
    (True, False)
    """
    if t.page is None or before.page is None or t.page != before.page + 1:
        return False
    lines = [line.strip() for line in between.splitlines() if line.strip()]
    # The unit of the table above, set flush right over it: a text layer reads it after
    # the table's first part.
    lines = [line for line in lines if not _states_unit_of(line, before)]
    return len(lines) <= _FURNITURE_LINES and all(
        len(line) <= _FURNITURE_CHARS
        and not _NOT_FURNITURE.search(line)
        and find_marker(line) is None
        for line in lines
    )


def _states_unit_of(line: str, table: Table) -> bool:
    """``line`` is a unit statement naming ``table``'s unit (``(단위: 백만원)``).

    >>> _states_unit_of("(단위: 백만원)", Table((), 1, 1, unit="백만원"))
    True
    """
    if table.unit is None or unit_of(line) is None:
        return False
    return bool(units := units_of(table.unit)) and units_of(line) == units


def _shape(text: str | None) -> str:
    """A body cell's kind for lining rows up: a figure, a word, or nothing (blank, ``-``)."""
    s = (text or "").strip()
    if s in ("", "-", "–", "—", "－"):
        return ""
    return "figure" if is_figure(s) and label_year(s) is None else "word"


def _first_row_goes_on(t: Table, before: Table) -> bool:
    """``t``'s first row is a body row of ``before`` (same columns and source; figures
    in at least :data:`_MIN_SHARED_FIGURES` columns where ``before``'s body has figures
    and its header none, and no column where one holds a figure and the other a word),
    even if a reader marked it a header: ``졸음쉼터 확충 | 2026~2028 | 12,600 | 4,200``
    under a table headed ``사업명 | 사업기간 | 총사업비 | 2026`` whose rows read alike."""
    if (
        t.n_cols != before.n_cols
        or t.source != before.source
        or before.header_rows == 0
        or before.n_rows <= before.header_rows
        or t.n_rows < 1
    ):
        return False
    first = t.rows_text()[0]
    rows = before.rows_text()
    head, body = rows[before.header_rows - 1], rows[-1]
    shared = 0
    for k in range(t.n_cols):
        mine, theirs = _shape(first[k]), _shape(body[k])
        if mine and theirs and mine != theirs:
            return False
        if mine == "figure" == theirs and _shape(head[k]) != "figure":
            shared += 1
    return shared >= _MIN_SHARED_FIGURES


def continued(rest: Table, above: Table, head_from_above: bool = False) -> Table:
    """``rest`` under a copy of ``above``'s header rows (cells not written in the text, so
    without offsets), with ``above``'s unit and caption where it has none. With
    ``head_from_above`` (``rest`` is the part after a page break: its first row was taken
    for a header, its caption read from the page's running head) every row of ``rest``
    is a body row and the caption is ``above``'s.

    >>> from gongmun.doc.tables import table_from_rows
    >>> above = table_from_rows((("사업명", "2024"), ("가", "10")), "text_aligned", header_rows=1)
    >>> t = continued(table_from_rows((("나", "20"),), "text_aligned"), above)
    >>> t.header_rows, t.rows_text()
    (1, (('사업명', '2024'), ('나', '20')))
    """
    n = above.header_rows
    heads = [
        dataclasses.replace(c, header=True, start=None, end=None, bbox=None)
        for c in above.cells
        if c.row < n
    ]
    moved = [
        dataclasses.replace(c, row=c.row + n, header=c.header and not head_from_above)
        for c in rest.cells
    ]
    return dataclasses.replace(
        rest,
        cells=tuple(heads + moved),
        n_rows=rest.n_rows + n,
        header_rows=n,
        unit=rest.unit or above.unit,
        caption=(above.caption or rest.caption)
        if head_from_above
        else (rest.caption or above.caption),
    )


def _last_header_row(t: Table) -> dict[int, str]:
    row = t.header_rows - 1
    return {c.col: squeeze(c.text) for c in t.cells if c.row == row and c.colspan == 1}


def filled_headers(grid: Table, above: Table) -> Table:
    """``grid`` with the header cells it lacks taken from ``above``'s last header row,
    where the headers it has match ``above``'s at one shift of columns only (at least
    :data:`MIN_SHARED_HEADERS` of them): ``2020 2021 2022`` over the grid's columns 1–3
    under ``2019 2020 2021 2022 2023`` gives its column 0 ``2019``."""
    if grid.header_rows != 1:
        return grid
    mine = _last_header_row(grid)
    theirs = _last_header_row(above)
    missing = [k for k in range(grid.n_cols) if k not in mine]
    if not missing or len(mine) < MIN_SHARED_HEADERS:
        return grid
    shifts = [
        d
        for d in range(-grid.n_cols, above.n_cols)
        if all(theirs.get(k + d) == text for k, text in mine.items())
    ]
    if len(shifts) != 1:
        return grid
    d = shifts[0]
    texts = {c.col: c.text for c in above.cells if c.row == above.header_rows - 1}
    added = [Cell(0, k, texts[k + d], header=True) for k in missing if texts.get(k + d, "").strip()]
    if not added:
        return grid
    cells = sorted((*grid.cells, *added), key=lambda c: (c.row, c.col))
    return dataclasses.replace(grid, cells=tuple(cells))


__all__ = ["MIN_SHARED_HEADERS", "continued", "filled_headers", "with_table_above"]
