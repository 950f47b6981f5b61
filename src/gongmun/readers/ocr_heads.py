"""The header of a scanned grid that starts with figures, read from the lines above it.

Many tables shade their header row and draw no rule under it, or leave the outer sides
open: the rules then close only the inner cells, and the grid found in the scan starts
with a row of figures (``10.56 | 8.47``) while its header (``2022년 본예산 | 2023년
예산안``) stands just above the rules as a line of tesseract's text. Such a grid has no
header row of its own (:func:`~gongmun.readers.pdf_cells.ruled_table`); here it takes one
from the page: walking up from the grid's top over lines of figures that escaped the
rules (a first body row above the first rule), the first line of words over its
columns is its header, each word going to the column it stands in. A line one row
height or more away, or a word straddling two columns (prose, a caption), ends the
search: then the grid keeps no header rather than a guessed one.

The header cells are not written into the text (the words are there already, as
tesseract's line): they have no offsets, only their text and box.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import regex

from gongmun.doc.tables import Box, Cell, Table

if TYPE_CHECKING:  # ocr_layout calls this module: no import back at run time
    from gongmun.readers.ocr_layout import TsvWord

# Lines of figures above the rules passed over (body rows the rules left out) at most.
MAX_ROWS_ABOVE: Final = 2
# A word belongs to a column when this share of its width lies in it.
IN_COLUMN: Final = 0.8
# A year as a header writes it: 2023, 2023년(도), ’23, ’23년.
_YEAR = regex.compile(r"^(?:(?:19|20)\d{2}|['’‘]\d{2})(?:년도?)?$")
_DIGIT = regex.compile(r"\d")
_HANGUL = regex.compile(r"\p{Hangul}")


@dataclasses.dataclass(frozen=True, slots=True)
class _Line:
    top: float
    bottom: float
    words: tuple[TsvWord, ...]


def _is_figure(text: str) -> bool:
    """A word of figures (``28.90``, ``△0.01``), not a year and not a word with letters."""
    return bool(_DIGIT.search(text)) and not _HANGUL.search(text) and not _YEAR.match(text)


def _columns(table: Table) -> dict[int, tuple[float, float]] | None:
    """Each column's left and right edge (output units), from its one-column cells; None
    when a column has none."""
    edges: dict[int, tuple[float, float]] = {}
    for c in table.cells:
        if c.colspan != 1 or c.bbox is None:
            continue
        x0, x1 = edges.get(c.col, (c.bbox[0], c.bbox[2]))
        edges[c.col] = (min(x0, c.bbox[0]), max(x1, c.bbox[2]))
    return edges if len(edges) == table.n_cols else None


def _column_of(box: Box, columns: dict[int, tuple[float, float]]) -> int | None:
    width = max(box[2] - box[0], 1e-6)
    for col, (x0, x1) in columns.items():
        if (min(box[2], x1) - max(box[0], x0)) / width >= IN_COLUMN:
            return col
    return None


def _lines_above(table: Table, words: Sequence[TsvWord], scale: float) -> list[_Line]:
    """tesseract's lines over the grid's width above its top, nearest first (only the
    words over the grid: the line may run on beside it)."""
    assert table.bbox is not None
    gx0, top, gx1, _ = table.bbox
    lines: dict[tuple[int, int, int], list[TsvWord]] = {}
    for w in words:
        x0, y0, x1, y1 = (v / scale for v in w.box)
        if gx0 <= (x0 + x1) / 2 <= gx1 and (y0 + y1) / 2 < top:
            lines.setdefault(w.line, []).append(dataclasses.replace(w, box=(x0, y0, x1, y1)))
    out = [
        _Line(min(w.box[1] for w in ws), max(w.box[3] for w in ws), tuple(ws))
        for ws in lines.values()
    ]
    out.sort(key=lambda ln: -ln.bottom)
    return out


def _row_height(table: Table) -> float:
    heights = sorted(c.bbox[3] - c.bbox[1] for c in table.cells if c.rowspan == 1 and c.bbox)
    return heights[len(heights) // 2] if heights else 0.0


def header_above(table: Table, words: Sequence[TsvWord], scale: float) -> Table:
    """``table`` (an OCR'd grid, boxes in output units) with a header row read from the
    page's ``words`` (pixels; ``scale`` pixels per unit) above it, when it has no header
    row of its own and the line above is one; else ``table`` unchanged.

    >>> from gongmun.readers.ocr_layout import TsvWord
    >>> cells = (Cell(0, 0, "10.5", bbox=(100, 50, 200, 70)),)
    >>> cells += (Cell(0, 1, "8.4", bbox=(200, 50, 300, 70)),)
    >>> grid = Table(cells, 1, 2, bbox=(100, 50, 300, 70), source="ocr_ruled")
    >>> head = [TsvWord("2022년", (130, 28, 170, 40), (1, 1, 1), 90)]
    >>> head.append(TsvWord("2023년", (230, 28, 270, 40), (1, 1, 1), 90))
    >>> t = header_above(grid, head, 1.0)
    >>> t.header_rows, [(c.row, c.col, c.text, c.header) for c in t.cells][:2]
    (1, [(0, 0, '2022년', True), (0, 1, '2023년', True)])
    """
    if table.header_rows or table.bbox is None or not table.cells:
        return table
    columns = _columns(table)
    height = _row_height(table)
    if columns is None or height <= 0:
        return table
    edge = table.bbox[1]
    passed = 0
    for line in _lines_above(table, words, scale):
        if edge - line.bottom > height:
            return table  # nothing close enough above
        placed = [(_column_of(w.box, columns), w) for w in line.words]
        if any(col is None for col, _ in placed):
            return table  # a word across columns: prose or a caption, no header
        if any(_is_figure(w.text) for w in line.words):
            passed += 1
            if passed > MAX_ROWS_ABOVE:
                return table
            edge = line.top
            continue
        return _with_header(table, [(col, w) for col, w in placed if col is not None])
    return table


def _with_header(table: Table, placed: list[tuple[int, TsvWord]]) -> Table:
    """``table`` with a header row of the words by column, its body rows moved down."""
    by_col: dict[int, list[TsvWord]] = {}
    for col, w in placed:
        by_col.setdefault(col, []).append(w)
    heads = []
    for col, ws in sorted(by_col.items()):
        ws.sort(key=lambda w: w.box[0])
        text = ws[0].text
        for w in ws[1:]:
            text += ("" if w.glued else " ") + w.text
        box = (
            round(min(w.box[0] for w in ws), 2),
            round(min(w.box[1] for w in ws), 2),
            round(max(w.box[2] for w in ws), 2),
            round(max(w.box[3] for w in ws), 2),
        )
        heads.append(Cell(0, col, text, header=True, bbox=box))
    body = tuple(dataclasses.replace(c, row=c.row + 1) for c in table.cells)
    top = min(c.bbox[1] for c in heads if c.bbox is not None)
    assert table.bbox is not None
    bbox = (table.bbox[0], min(top, table.bbox[1]), table.bbox[2], table.bbox[3])
    return dataclasses.replace(
        table, cells=(*heads, *body), n_rows=table.n_rows + 1, header_rows=1, bbox=bbox
    )


__all__ = ["MAX_ROWS_ABOVE", "header_above"]
