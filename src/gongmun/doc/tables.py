"""Tables as structure: :class:`Cell` and :class:`Table`.

A table is its cells, each at a (row, col) slot with its spans; ``n_rows``/``n_cols``
give the grid. Offsets (``start``/``end``) index whatever text the table was placed in:
:attr:`~gongmun.readers.RawInput.text` for a reader's table, the normalized text for
``ctx.tables``. Readers write a table into their text with :func:`render_cells`, one
non-empty cell per line, row after row, so every cell keeps its exact place.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

# Where a table came from (``Table.source``).
SOURCES: Final = frozenset(
    {
        "pdf_ruled",
        "pdf_hrules",
        "pdf_aligned",
        "ocr_ruled",
        "hwpx",
        "hwp",
        "html",
        "markdown",
        "text_aligned",
        "text_flat",
    }
)

# A PDF box in points: (x0, top, x1, bottom), pdfplumber's coordinates.
Box = tuple[float, float, float, float]

# The separator between two cells in a rendered table: cells never share a line.
CELL_JOIN: Final = "\n"


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its top-left slot, spans, clean one-line text and where that text is.

    ``start``/``end`` is the cell text's span in the table's text (None where a cell was
    not written, e.g. an empty one); ``header`` marks header cells (``<th>``, header rows).
    """

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    start: int | None = None
    end: int | None = None
    bbox: Box | None = None

    def covers(self, row: int, col: int) -> bool:
        """True when slot (row, col) lies under this cell, spans included.

        >>> Cell(0, 0, "분과", rowspan=2).covers(1, 0)
        True
        """
        return (
            self.row <= row < self.row + self.rowspan and self.col <= col < self.col + self.colspan
        )

    def shifted(self, delta: int) -> Cell:
        """The same cell with its offsets moved by ``delta`` (placing a table in a text)."""
        if self.start is None or self.end is None:
            return self
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: cells in reading order (row, then column) and what stands around it.

    ``header_rows`` leading rows are headers; ``caption`` is the title line before it,
    ``unit`` its unit statement (``(단위: 억원)``); ``page`` is 1-based (paged inputs);
    ``start``/``end`` span the table's text; ``source`` is one of :data:`SOURCES`.
    """

    cells: tuple[Cell, ...]
    n_rows: int
    n_cols: int
    header_rows: int = 0
    caption: str | None = None
    unit: str | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None
    bbox: Box | None = None
    source: str = ""

    def grid(self) -> tuple[tuple[Cell | None, ...], ...]:
        """Every slot with the cell covering it (a spanned cell fills all its slots).

        >>> t = table_from_rows((("구분", "예산"), ("R&D", "100")), "html")
        >>> t.grid()[1][1].text
        '100'
        """
        slots: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.rowspan, self.n_rows)):
                for k in range(c.col, min(c.col + c.colspan, self.n_cols)):
                    slots[r][k] = c
        return tuple(tuple(r) for r in slots)

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering slot (row, col), spans honoured; None for an empty slot.

        >>> t = Table((Cell(0, 0, "분과", rowspan=2), Cell(0, 1, "AI")), 2, 2)
        >>> t.cell_at(1, 0).text, t.cell_at(1, 1)
        ('분과', None)
        """
        if not (0 <= row < self.n_rows and 0 <= col < self.n_cols):
            return None
        for c in self.cells:
            if c.covers(row, col):
                return c
        return None

    def rows_text(self) -> tuple[tuple[str | None, ...], ...]:
        """Rows of cell texts; a cell's text stands in its top-left slot, ``None`` elsewhere.

        >>> Table((Cell(0, 0, "분과", rowspan=2), Cell(0, 1, "AI")), 2, 2).rows_text()
        (('분과', 'AI'), (None, None))
        """
        rows: list[list[str | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            if c.row < self.n_rows and c.col < self.n_cols:
                rows[c.row][c.col] = c.text
        return tuple(tuple(r) for r in rows)

    def row_cells(self, row: int) -> tuple[Cell, ...]:
        """Cells whose top-left slot is in ``row``, left to right."""
        return tuple(sorted((c for c in self.cells if c.row == row), key=lambda c: c.col))

    def header_cells(self) -> tuple[Cell, ...]:
        """Cells of the header rows and cells marked ``header``."""
        return tuple(c for c in self.cells if c.header or c.row < self.header_rows)

    def body_cells(self) -> tuple[Cell, ...]:
        """Cells below the header rows that are not marked ``header``."""
        return tuple(c for c in self.cells if not c.header and c.row >= self.header_rows)

    def shifted(self, delta: int) -> Table:
        """The same table with every offset moved by ``delta``."""
        return dataclasses.replace(
            self,
            cells=tuple(c.shifted(delta) for c in self.cells),
            start=None if self.start is None else self.start + delta,
            end=None if self.end is None else self.end + delta,
        )


def render_cells(cells: Iterable[Cell]) -> tuple[str, tuple[Cell, ...]]:
    """Write cells as text, one non-empty cell per line in reading order, with their offsets.

    Returns the text and the cells with ``start``/``end`` set (relative to the text; an
    empty cell gets none). Cell text must be one line (readers clean it first).

    >>> text, cells = render_cells([Cell(0, 0, "사업"), Cell(0, 1, ""), Cell(1, 0, "R&D")])
    >>> text, [(c.start, c.end) for c in cells]
    ('사업\\nR&D', [(0, 2), (None, None), (3, 6)])
    """
    parts: list[str] = []
    out: list[Cell] = []
    pos = 0
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        if not c.text:
            out.append(dataclasses.replace(c, start=None, end=None))
            continue
        if parts:
            parts.append(CELL_JOIN)
            pos += len(CELL_JOIN)
        parts.append(c.text)
        out.append(dataclasses.replace(c, start=pos, end=pos + len(c.text)))
        pos += len(c.text)
    return "".join(parts), tuple(out)


def table_from_rows(
    rows: Sequence[Sequence[str | None]],
    source: str,
    *,
    header_rows: int = 0,
    page: int | None = None,
) -> Table:
    """A table from rows of cell texts (``None``: no cell starts in that slot), without offsets.

    >>> t = table_from_rows((("과제명", "예산"), ("AI", None)), "pdf_ruled", header_rows=1)
    >>> [(c.row, c.col, c.text, c.header) for c in t.cells]
    [(0, 0, '과제명', True), (0, 1, '예산', True), (1, 0, 'AI', False)]
    """
    cells = tuple(
        Cell(r, k, text, header=r < header_rows)
        for r, row in enumerate(rows)
        for k, text in enumerate(row)
        if text is not None
    )
    n_cols = max((len(r) for r in rows), default=0)
    return Table(cells, len(rows), n_cols, header_rows=header_rows, page=page, source=source)


def place(table: Table, offset: int) -> tuple[str, Table]:
    """Render ``table`` at ``offset`` of a text being built: its text and the placed table.

    >>> text, t = place(table_from_rows((("사업", "예산"),), "hwpx"), 10)
    >>> text, t.start, t.end, t.cells[1].start
    ('사업\\n예산', 10, 15, 13)
    """
    text, cells = render_cells(table.cells)
    placed = dataclasses.replace(table, cells=cells, start=0, end=len(text))
    return text, placed.shifted(offset)


def not_overlapping(tables: Sequence[Table], found: Iterable[Table]) -> list[Table]:
    """The tables of ``found`` (with places) that overlap none of ``tables``, in order.

    ``tables`` are a reader's and do not overlap each other, so the last one starting
    before a found table's end is the only one that may reach into it: one binary search
    per found table.
    """
    spans = sorted((t.start, t.end) for t in tables if t.start is not None and t.end is not None)
    starts = [a for a, _ in spans]
    kept = []
    for t in found:
        assert t.start is not None
        assert t.end is not None
        k = bisect_right(starts, t.end) - 1
        if k >= 0 and spans[k][1] > t.start:
            continue
        kept.append(t)
    return kept
