"""Cells laid out row by row with spans (HTML's table model) placed on a grid.

A row lists its cells left to right; a cell with ``rowspan`` occupies slots in the rows
below, and the cells of those rows skip the occupied slots. Spans are bounded by the rows
that exist, so a declared ``rowspan="50"`` on a three-row table covers three rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from gongmun.doc.tables import Cell, Table

# A column span beyond this is a broken or hostile file: capped (the work per cell is
# its column span, so the cap keeps layout linear in the number of cells).
MAX_SPAN: Final = 100


@dataclass(frozen=True, slots=True)
class SpanCell:
    """A cell as a row lists it: text, spans and whether it is a header (``<th>``)."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


def layout(
    rows: Sequence[Sequence[SpanCell]], source: str, *, header_rows: int | None = None
) -> Table:
    """Place rows of :class:`SpanCell` on a grid.

    ``header_rows`` defaults to the leading rows whose cells are all headers.

    >>> t = layout([[SpanCell("구분", rowspan=2), SpanCell("예산")], [SpanCell("100")]], "html")
    >>> [(c.row, c.col, c.text, c.rowspan) for c in t.cells]
    [(0, 0, '구분', 2), (0, 1, '예산', 1), (1, 1, '100', 1)]
    """
    n_rows = len(rows)
    # Per column, the first row no longer covered by a cell spanning down from above.
    busy_until: dict[int, int] = {}
    cells: list[Cell] = []
    n_cols = 0
    for r, row in enumerate(rows):
        col = 0
        for sc in row:
            while busy_until.get(col, 0) > r:
                col += 1
            rs = min(max(sc.rowspan, 1), n_rows - r)
            cs = min(max(sc.colspan, 1), MAX_SPAN)
            cells.append(Cell(r, col, sc.text, rs, cs, sc.header))
            for dc in range(cs):
                busy_until[col + dc] = r + rs
            col += cs
            n_cols = max(n_cols, col)
    if header_rows is None:
        header_rows = 0
        while (
            header_rows < n_rows
            and rows[header_rows]
            and all(sc.header for sc in rows[header_rows])
        ):
            header_rows += 1
    return Table(tuple(cells), n_rows, n_cols, header_rows=header_rows, source=source)
