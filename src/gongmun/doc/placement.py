"""Reader tables moved onto the normalized text, and figures traced to their cell.

The normalizer keeps reader tables as they were written (see
:mod:`gongmun.normalize.keep`), so every cell maps exactly; a cell whose text has no
exact place (it should not happen) loses its offsets rather than getting a guess.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Final

from gongmun.doc.tables import Cell, Table
from gongmun.offsets import OffsetMap


def kept_regions(tables: Iterable[Table]) -> list[tuple[int, int]]:
    """The raw spans of tables the normalizer must keep as written."""
    return [(t.start, t.end) for t in tables if t.start is not None and t.end is not None]


# Tables read by OCR: their cells take the normalized text, where the OCR repairs
# stand (``2,.300,000`` read in a cell is ``2,300,000`` there).
REPAIRED_SOURCES: Final = frozenset({"ocr_ruled", "ocr_aligned"})


def normalized_tables(
    tables: Iterable[Table], offsets: OffsetMap, text: str | None = None
) -> tuple[Table, ...]:
    """``tables`` with offsets in the normalized text (``offsets`` maps it to the raw
    text), in reading order (by where they start; tables without a place last).

    Given the normalized ``text``, the cells of a table OCR read (:data:`REPAIRED_SOURCES`)
    take their text from it: the normalizer repairs OCR noise in a kept table too, and a
    figure is read from its cell's text. Other tables keep their cells as the reader
    wrote them.
    """
    out = [_moved(t, offsets, text if t.source in REPAIRED_SOURCES else None) for t in tables]
    out.sort(key=lambda t: (t.start is None, t.start or 0))
    return tuple(out)


def _moved(table: Table, offsets: OffsetMap, text: str | None) -> Table:
    cells = tuple(_moved_cell(c, offsets, text) for c in table.cells)
    span = _span(table.start, table.end, offsets)
    return dataclasses.replace(
        table,
        cells=cells,
        start=None if span is None else span[0],
        end=None if span is None else span[1],
    )


def _moved_cell(cell: Cell, offsets: OffsetMap, text: str | None) -> Cell:
    span = _span(cell.start, cell.end, offsets)
    if span is None:
        return dataclasses.replace(cell, start=None, end=None)
    if text is not None:
        return dataclasses.replace(cell, text=text[span[0] : span[1]], start=span[0], end=span[1])
    return dataclasses.replace(cell, start=span[0], end=span[1])


def _span(start: int | None, end: int | None, offsets: OffsetMap) -> tuple[int, int] | None:
    if start is None or end is None:
        return None
    return offsets.from_source(start, end)


@dataclasses.dataclass(frozen=True, slots=True)
class CellHit:
    """A figure's cell: the table's index in ``ctx.tables`` and the cell."""

    table: int
    cell: Cell


class CellLocator:
    """Finds the cell holding a span of the normalized text, by bisection.

    >>> t = Table((Cell(0, 0, "예산", start=0, end=2), Cell(0, 1, "600억원", start=3, end=8)), 1, 2)
    >>> hit = CellLocator([t]).find(3, 8)
    >>> hit.table, hit.cell.col
    (0, 1)
    """

    def __init__(self, tables: Sequence[Table]) -> None:
        placed = [
            (c.start, c.end, i, c)
            for i, t in enumerate(tables)
            for c in t.cells
            if c.start is not None and c.end is not None
        ]
        placed.sort(key=lambda p: (p[0], p[1]))
        self._starts = [p[0] for p in placed]
        self._placed = placed

    def find(self, start: int, end: int) -> CellHit | None:
        """The cell whose text holds ``[start, end)`` whole, or None."""
        i = bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        c_start, c_end, table, cell = self._placed[i]
        return CellHit(table, cell) if c_start <= start and end <= c_end else None
