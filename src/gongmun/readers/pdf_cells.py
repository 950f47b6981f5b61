"""Cells of a PDF table from pdfplumber's cell boxes and texts, spans from the boxes.

pdfplumber gives each row's cells as boxes (None where a merged cell covers the slot)
and their texts. A cell's spans are the column and row edges its box reaches across;
rows holding no text are dropped and the rest renumbered. Text wrapped inside a cell is
joined as the normalizer joins wrapped prose (``혁신창업사업화자`` + ``금(융자)`` →
``혁신창업사업화자금(융자)``), with its own line-join decision, not a second one.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

import regex

from gongmun.doc.columns import is_figure, label_year
from gongmun.doc.tables import Box, Cell, Table
from gongmun.normalize.joins import space_between
from gongmun.normalize.markers import find_marker

# Edges closer than this (points) are one edge.
EDGE_TOLERANCE: Final = 2.0
_SPACES = regex.compile(r"[ \t\u00a0]+")


def join_wrapped(text: str | None) -> str:
    """A cell's lines joined into one, as the normalizer joins a wrapped line.

    >>> join_wrapped("혁신창업사업화자\\n금(융자)")
    '혁신창업사업화자금(융자)'
    >>> join_wrapped("차세대 반도체 기판인\\n유리기판용  TGV")
    '차세대 반도체 기판인 유리기판용 TGV'
    >>> join_wrapped("11\\n8,\\n20\\n0"), join_wrapped("’\\n26년"), join_wrapped("120\\n340")
    ('118,200', '’26년', '120 340')
    """
    if not text:
        return ""
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    glued = "".join(lines)
    if len([ln for ln in lines if ln]) > 1 and _ONE_FIGURE.fullmatch(glued):
        # A figure or a year a narrow cell wrapped by the character (11 | 8, | 20 | 0).
        return glued
    out = ""
    for line in lines:
        if not line:
            continue
        if not out:
            out = line
        elif find_marker(line) is not None:
            # A bullet inside a cell starts a new item: a space, never glued.
            out += " " + line
        else:
            out += space_between(out, line) + line
    return out


# A whole cell that is one figure (in thousands groups, maybe with its unit), one year
# or one run of years.
_ONE_FIGURE = regex.compile(
    r"[△▽\-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:억원|백만원|천원|만원|원|억|%)?"
    r"|(?:(?:19|20)\d{2}|['‘’`]\d{2})(?:년도?)?(?:\(안\)|안)?"
    r"|['‘’`]?(?:19|20)?\d{2}[~∼\-–]['‘’`]?(?:19|20)?\d{2}년?"
)


def _edges(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """The edge ``v`` is (within tolerance)."""
    i = bisect_left(edges, v - EDGE_TOLERANCE)
    return min(i, len(edges) - 1)


def ruled_table(
    boxes: Sequence[Sequence[Box | None]], texts: Sequence[Sequence[str | None]], source: str
) -> Table:
    """A table from pdfplumber's rows of cell boxes and the rows of their texts.

    >>> boxes = [[(0, 0, 50, 10), (50, 0, 100, 10)], [(0, 10, 100, 20), None]]
    >>> t = ruled_table(boxes, [["구분", "예산"], ["합계 600", None]], "pdf_ruled")
    >>> [(c.row, c.col, c.colspan, c.text) for c in t.cells]
    [(0, 0, 1, '구분'), (0, 1, 1, '예산'), (1, 0, 2, '합계 600')]

    A first row of bare figures is a body row: the grid has no header row (its header
    was drawn without rules, or stands on the page before).

    >>> ruled_table(boxes, [["1,200", "300"], ["합계 600", None]], "pdf_ruled").header_rows
    0
    """
    found: list[tuple[Box, str]] = []
    for row_boxes, row_texts in zip(boxes, texts, strict=False):
        for box, text in zip(row_boxes, row_texts, strict=False):
            if box is not None:
                found.append((box, join_wrapped(text)))
    if not found:
        return Table((), 0, 0, source=source)
    xs = _edges([b[0] for b, _ in found])
    all_tops = _edges([b[1] for b, _ in found])
    # Rows are the top edges of cells with text; a merged cell reaches the rows whose
    # tops lie inside its box.
    with_text = {_index(all_tops, b[1]) for b, t in found if t}
    kept = [y for i, y in enumerate(all_tops) if i in with_text]
    cells = []
    for box, text in found:
        if _index(all_tops, box[1]) not in with_text:
            continue  # a cell in an empty row
        r0 = bisect_left(kept, box[1] - EDGE_TOLERANCE)
        c0 = _index(xs, box[0])
        rs = bisect_left(kept, box[3] - EDGE_TOLERANCE) - r0
        cs = bisect_left(xs, box[2] - EDGE_TOLERANCE) - c0
        cells.append(Cell(r0, c0, text, max(rs, 1), max(cs, 1), bbox=round_box(box)))
    cells.sort(key=lambda c: (c.row, c.col))
    heads = 1 if cells and not figures_row([c.text for c in cells if c.row == 0]) else 0
    cells = [dataclasses.replace(c, header=True) if c.row < heads else c for c in cells]
    return Table(tuple(cells), len(kept), len(xs), header_rows=heads, source=source)


def figures_row(texts: Sequence[str]) -> bool:
    """True for a row whose cells hold bare figures only, none of them a year: a body row.

    >>> figures_row(["10.56", "", "△0.01"]), figures_row(["2023", "1,200"]), figures_row(["계"])
    (True, False, False)
    """
    written = [t for t in texts if t.strip()]
    return bool(written) and all(is_figure(t) and label_year(t) is None for t in written)


def round_box(box: Box) -> Box:
    """A box to a hundredth of a point: pdfminer's float noise is no information."""
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))
