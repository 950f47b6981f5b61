"""Table cells read apart: each cell's ink cut out and stacked in one strip for tesseract.

tesseract reads a page as lines of text; in a table those lines do not exist (a cell
of two lines beside a cell of one), and a whole page read with ``--psm 6`` gave cell
text as single letters and guesses (``혁 신 창 업 사 업 호 버``). Reading every cell
alone costs a tesseract start each; so each cell's ink (trimmed of white and of what is
left of its rules) is pasted in one strip, cell under cell with a blank band between,
read once, and each word the strip gives goes back to the cell whose band holds its
middle, its box moved back to the page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from gongmun.readers.ocr_layout import TsvWord
from gongmun.readers.ocr_rules import INK_BELOW, Grey, Grid, PixelBox, ink_bounds

# Pixels of white around the strip and between two cells' bands, in inches.
MARGIN_IN: Final = 0.08
GAP_IN: Final = 0.12
# A cell's border this far in (inches) is left out: what erasing left of its rules.
BORDER_IN: Final = 0.012
# The strip is read enlarged by this factor: short lines of small table type lost
# their commas at the page's own size (``1,250`` read as ``1250``), measured.
STRIP_ZOOM: Final = 1.5


@dataclass(frozen=True, slots=True)
class Band:
    """Where one cell's ink stands in the strip: rows ``top``..``bottom`` of the strip;
    a point of the band is at ``(x + dx, y + dy)`` on the page."""

    cell: int
    top: int
    bottom: int
    dx: int
    dy: int


def strip(
    grey: Grey,
    cells: Sequence[PixelBox],
    dpi: float,
    border_in: float = BORDER_IN,
    gap_in: float = GAP_IN,
) -> tuple[Grey, list[Band]] | None:
    """The strip of the cells' ink and where each cell's band is; None if all are blank.

    ``border_in`` (inches) of each cell's edge is left out: what erasing left of its
    rules (0 for blocks of a page, which have none); ``gap_in`` (inches) of white
    parts two bands.

    >>> page = np.full((100, 200), 255, dtype=np.uint8)
    >>> page[20:30, 20:60] = 0; page[70:80, 120:180] = 0   # ink in two cells
    >>> image, bands = strip(page, [(0, 0, 100, 50), (100, 50, 200, 100), (0, 50, 100, 100)], 100)
    >>> [(b.cell, b.bottom - b.top, b.dx, b.dy) for b in bands], image.shape
    ([(0, 10, 12, 12), (1, 10, 112, 40)], (48, 76))
    """
    margin = max(2, round(MARGIN_IN * dpi))
    gap = gap_px(dpi, gap_in)
    border = max(1, round(border_in * dpi)) if border_in > 0 else 0
    height, width = grey.shape
    pieces: list[tuple[int, int, int, Any]] = []
    for k, (x0, top, x1, bottom) in enumerate(cells):
        a, b = max(0, round(top) + border), min(height, round(bottom) - border)
        c, d = max(0, round(x0) + border), min(width, round(x1) - border)
        if a >= b or c >= d:
            continue
        crop = grey[a:b, c:d]
        found = ink_bounds(crop < INK_BELOW)
        if found is None:
            continue
        r0, r1, c0, c1 = found
        pieces.append((k, c + c0, a + r0, crop[r0:r1, c0:c1]))
    if not pieces:
        return None
    out_w = max(p[3].shape[1] for p in pieces) + 2 * margin
    out_h = sum(p[3].shape[0] for p in pieces) + gap * (len(pieces) - 1) + 2 * margin
    image = np.full((out_h, out_w), 255, dtype=np.uint8)
    bands = []
    y = margin
    for k, x0, y0, piece in pieces:
        h, w = piece.shape
        image[y : y + h, margin : margin + w] = piece
        bands.append(Band(k, y, y + h, x0 - margin, y0 - y))
        y += h + gap
    return image, bands


def band_of(tops: Sequence[int], bands: Sequence[Band], y: float, gap: float) -> Band | None:
    """The band holding strip row ``y`` (or within half a gap of it); ``tops`` are the
    bands' tops, searched by bisection."""
    from bisect import bisect_right

    i = bisect_right(tops, y + gap / 2) - 1
    if i < 0:
        return None
    b = bands[i]
    return b if y < b.bottom + gap / 2 else None


def gap_px(dpi: float, gap_in: float = GAP_IN) -> int:
    """The blank between two bands of the strip, in pixels."""
    return max(4, round(gap_in * dpi))


def assign(
    words: Sequence[TsvWord], bands: Sequence[Band], dpi: float, gap_in: float = GAP_IN
) -> dict[int, list[TsvWord]]:
    """The strip's words by the cell they were read in, their boxes moved to the page
    (``gap_in`` as the strip was made with)."""
    tops = [b.top for b in bands]
    gap = gap_px(dpi, gap_in)
    out: dict[int, list[TsvWord]] = {}
    for w in words:
        band = band_of(tops, bands, (w.box[1] + w.box[3]) / 2, gap)
        if band is None:
            continue
        x0, top, x1, bottom = w.box
        box = (x0 + band.dx, top + band.dy, x1 + band.dx, bottom + band.dy)
        out.setdefault(band.cell, []).append(dataclasses.replace(w, box=box))
    return out


def enlarged(image: Grey) -> Grey:
    """The strip enlarged by :data:`STRIP_ZOOM` (Lanczos) for tesseract."""
    from PIL import Image

    picture = Image.fromarray(image)
    size = (round(picture.width * STRIP_ZOOM), round(picture.height * STRIP_ZOOM))
    out: Grey = np.asarray(picture.resize(size, Image.Resampling.LANCZOS))
    return out


def shrunk(words: Sequence[TsvWord]) -> list[TsvWord]:
    """Words read on the enlarged strip, their boxes back at the strip's own size."""
    z = STRIP_ZOOM
    return [dataclasses.replace(w, box=tuple(v / z for v in w.box)) for w in words]  # type: ignore[arg-type]


def grid_rows(grid: Grid) -> tuple[tuple[PixelBox | None, ...], ...]:
    """A grid's rows of cell boxes (None where a merged cell covers the slot), as
    pdfplumber orders a ruled table's cells."""
    from pdfplumber.table import Table as PlumberTable

    return tuple(tuple(r.cells) for r in PlumberTable(None, list(grid.cells)).rows)  # type: ignore[arg-type]


__all__ = ["Band", "assign", "band_of", "enlarged", "gap_px", "grid_rows", "shrunk", "strip"]
