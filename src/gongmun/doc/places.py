"""Where a record was read, for a user to find it in the file: a table cell's box on a
PDF page, and the HWP/HWPX paragraph.

Runs on finished records by their ``cell`` and ``raw_span`` alone, so every extractor
gets it for free.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from gongmun import models
from gongmun.doc.tables import Box, Table

# Raw offset → (section, paragraph) of the file, or None (RawInput.paragraph_of).
ParagraphOf = Callable[[int], tuple[int, int] | None]
Figure = TypeVar("Figure", models.Amount, models.Period)
Placed = TypeVar("Placed", models.Amount, models.Period, models.Project, models.Table)


class CellBoxes:
    """The boxes of the cells of ``tables`` (PDF tables have them), by cell reference.

    >>> from gongmun.doc.tables import Cell
    >>> t = Table((Cell(0, 0, "예산", bbox=(10.0, 20.0, 60.0, 32.0)),), 1, 1)
    >>> CellBoxes([t]).of(models.CellRef(table=0, row=0, col=0))
    (10.0, 20.0, 60.0, 32.0)
    """

    def __init__(self, tables: Sequence[Table]) -> None:
        self._boxes: dict[tuple[int, int, int], Box] = {
            (i, c.row, c.col): c.bbox
            for i, t in enumerate(tables)
            for c in t.cells
            if c.bbox is not None
        }

    def __bool__(self) -> bool:
        return bool(self._boxes)

    def of(self, ref: models.CellRef | None) -> Box | None:
        """The box of the cell ``ref`` names, or None."""
        if ref is None:
            return None
        return self._boxes.get((ref.table, ref.row, ref.col))


def with_cell_boxes(figures: Sequence[Figure], boxes: CellBoxes) -> list[Figure]:
    """Figures read from a table cell get the cell's box where no word box was found."""
    out = []
    for f in figures:
        box = boxes.of(f.cell) if f.bbox is None else None
        out.append(f if box is None else f.model_copy(update={"bbox": box}))
    return out


def with_paragraphs(records: Sequence[Placed], paragraph_of: ParagraphOf) -> list[Placed]:
    """Records with ``paragraph`` set from where their ``raw_span`` starts (HWP, HWPX).

    Only for readers whose raw text is their own text (``raw_span`` indexes it).
    """
    out = []
    for r in records:
        place = paragraph_of(r.raw_span.start) if r.raw_span is not None else None
        if place is None or r.paragraph is not None:
            out.append(r)
            continue
        ref = models.ParagraphRef(section=place[0], paragraph=place[1])
        out.append(r.model_copy(update={"paragraph": ref}))
    return out
