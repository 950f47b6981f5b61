"""A grid that continues the table right above it takes that table's unit and header.

A scanned table whose rules close only its inner cells is read in two parts: the lines
above its first rule (caption, unit, header, maybe a first row) as a table in the text,
and the ruled grid of figures under them, whose header came from those same lines
(:mod:`gongmun.readers.ocr_heads`: header cells not written in the text). The grid is
the same table, so it takes the unit and caption of the table just before it when it
states none, and a column header it could not read (an inverted header cell tesseract
lost) from that table's header, where the headers both read line up column for column.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Final

from gongmun.doc.columns import TableView, squeeze
from gongmun.doc.tables import Cell, Table

# Headers two tables must share, in order, to line up their columns.
MIN_SHARED_HEADERS: Final = 2


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
        if t.start is None or before.end is None:
            continue
        if before.end > t.start or text[before.end : t.start].strip():
            continue
        if _goes_on(t, before):
            out[k] = continued(t, before)
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


def continued(rest: Table, above: Table) -> Table:
    """``rest`` under a copy of ``above``'s header rows (cells not written in the text, so
    without offsets), with ``above``'s unit and caption where it has none.

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
    moved = [dataclasses.replace(c, row=c.row + n) for c in rest.cells]
    return dataclasses.replace(
        rest,
        cells=tuple(heads + moved),
        n_rows=rest.n_rows + n,
        header_rows=n,
        unit=rest.unit or above.unit,
        caption=rest.caption or above.caption,
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
