"""Blocks of a scanned page that stand side by side, found from the blank strips between them.

tesseract's ``--psm 6`` reads a page as one block of lines: on a spread (two pages
scanned as one image) or a report in two columns, every line runs across the gutter
and joins a line of the other column (``…대출해 주는 것을 의미을 최소화하겠다는…``), so a
figure's words and its unit, a period's years, end up apart. Here the page is cut the
way an XY-cut does: a block is parted at a blank vertical strip (a gutter) that runs its
whole height, else at its widest blank horizontal strip, and the parts are cut again.
Only cuts that make columns matter: blocks one under another are read as one.

A gutter parts two columns of text, not the columns of a table or a chart, whose cells
are short: both sides must hold lines of text, ink across most of their width (word
spaces closed) on most lines. A landscape page with a gutter near its middle through its
whole height is two pages side by side, whatever they hold.

The work is on the ink mask pooled to about :data:`POOL_DPI` (a pixel of it is dark
where any of its block is): numpy projections, a few passes over each part.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Final

import numpy as np

from gongmun.readers.ocr_rules import Mask, PixelBox, ink_bounds, runs

# The mask is pooled to about this resolution before cutting (dots per inch).
POOL_DPI: Final = 50
# A gutter between columns is at least this wide (inches).
GUTTER_MIN_IN: Final = 0.18
# Blocks one under another are parted by blank rows at least this high (inches).
H_GAP_MIN_IN: Final = 0.12
# Each column of text is at least this wide (inches): narrower is a table's column.
COLUMN_MIN_IN: Final = 1.5
# A column of text has this many lines at least, most of them filled across ...
TEXT_LINES_MIN: Final = 3
TEXT_FILL_MIN: Final = 0.6
# ... once the blanks between its words, narrower than this (inches), are closed.
WORD_GAP_IN: Final = 0.1
# A landscape page's gutter within this share of its width around the middle parts two
# pages (a spread).
SPREAD_MIDDLE: Final = 0.2


@dataclass(frozen=True, slots=True)
class _Cut:
    """Thresholds in pooled pixels."""

    gutter: int
    h_gap: int
    column: int
    word_gap: int


def pooled(ink: Mask, factor: int) -> Mask:
    """``ink`` shrunk ``factor`` times each way; a pixel is ink where any of its block is.

    >>> m = np.zeros((4, 6), dtype=bool); m[3, 5] = True
    >>> pooled(m, 2).astype(int).tolist()
    [[0, 0, 0], [0, 0, 1]]
    """
    if factor <= 1:
        return ink
    h, w = ink.shape
    hh, ww = -(-h // factor), -(-w // factor)
    padded = np.zeros((hh * factor, ww * factor), dtype=bool)
    padded[:h, :w] = ink
    out: Mask = np.asarray(padded.reshape(hh, factor, ww, factor).any(axis=(1, 3)))
    return out


def _trimmed(m: Mask, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """``box`` (x0, top, x1, bottom) shrunk to the ink inside it; None when blank."""
    x0, y0, x1, y1 = box
    found = ink_bounds(m[y0:y1, x0:x1])
    if found is None:
        return None
    top, bottom, left, right = found
    return x0 + left, y0 + top, x0 + right, y0 + bottom


def _is_text(m: Mask, box: tuple[int, int, int, int], cut: _Cut) -> bool:
    """Lines of text fill the block: at least :data:`TEXT_LINES_MIN` lines, and most of
    them inked across :data:`TEXT_FILL_MIN` of its width once word spaces are closed."""
    x0, y0, x1, y1 = box
    sub = m[y0:y1, x0:x1]
    width = x1 - x0
    lines = runs(sub.any(axis=1))
    if len(lines) < TEXT_LINES_MIN:
        return False
    full = 0
    for a, b in lines:
        cols = sub[a:b].any(axis=0)
        inked = runs(cols)
        filled = sum(e - s for s, e in inked)
        # The blanks between two inked runs narrower than a word gap count as filled.
        filled += sum(s2 - e1 for (_, e1), (s2, _) in pairwise(inked) if s2 - e1 < cut.word_gap)
        full += filled >= TEXT_FILL_MIN * width
    return full * 2 > len(lines)


def _gutter(
    m: Mask, box: tuple[int, int, int, int], cut: _Cut, spread: bool
) -> tuple[int, int] | None:
    """The widest blank strip down the whole block that parts it into two columns of
    text (or, on a landscape page, two pages); None when there is none."""
    x0, y0, x1, y1 = box
    blank = ~m[y0:y1, x0:x1].any(axis=0)
    best: tuple[int, int] | None = None
    for a, b in sorted(runs(blank), key=lambda r: r[0] - r[1]):
        if b - a < cut.gutter:
            break
        left, right = (x0, y0, x0 + a, y1), (x0 + b, y0, x1, y1)
        middle = (x0 + (a + b) / 2) / m.shape[1]
        if spread and abs(middle - 0.5) <= SPREAD_MIDDLE / 2:
            best = (x0 + a, x0 + b)
            break
        if a < cut.column or (x1 - x0) - b < cut.column:
            continue
        lt, rt = _trimmed(m, left), _trimmed(m, right)
        if lt is not None and rt is not None and _is_text(m, lt, cut) and _is_text(m, rt, cut):
            best = (x0 + a, x0 + b)
            break
    return best


def _split(
    m: Mask, box: tuple[int, int, int, int], cut: _Cut, spread: bool, depth: int = 0
) -> list[tuple[int, int, int, int]]:
    """The block's columns in reading order; blocks one under another with no columns
    in them come back as one."""
    found = _trimmed(m, box)
    if found is None:
        return []
    x0, y0, x1, y1 = found
    if depth > 200:  # a page of hundreds of cuts is noise: stop cutting it
        return [found]
    g = _gutter(m, found, cut, spread)
    if g is not None:
        left = _split(m, (x0, y0, g[0], y1), cut, False, depth + 1)
        right = _split(m, (g[1], y0, x1, y1), cut, False, depth + 1)
        return left + right
    gaps = [r for r in runs(~m[y0:y1, x0:x1].any(axis=1)) if r[1] - r[0] >= cut.h_gap]
    if not gaps:
        return [found]
    a, b = max(gaps, key=lambda r: r[1] - r[0])
    upper = _split(m, (x0, y0, x1, y0 + a), cut, spread, depth + 1)
    lower = _split(m, (x0, y0 + b, x1, y1), cut, spread, depth + 1)
    if len(upper) <= 1 and len(lower) <= 1:
        return [found]
    return upper + lower


def columns(ink: Mask, dpi: float) -> list[PixelBox]:
    """The page's blocks in reading order (boxes in pixels), one block per column where
    the page has columns; one box, the whole page, where it has none.

    >>> page = np.zeros((1100, 1700), dtype=bool)
    >>> for y in range(100, 1000, 40):
    ...     page[y : y + 20, 100:800] = True; page[y : y + 20, 900:1600] = True
    >>> [tuple(round(v) for v in b) for b in columns(page, 200)]
    [(100, 100, 800, 1000), (900, 100, 1600, 1000)]
    """
    h, w = ink.shape
    whole: list[PixelBox] = [(0.0, 0.0, float(w), float(h))]
    factor = max(1, round(dpi / POOL_DPI))
    m = pooled(ink, factor)
    per_in = dpi / factor
    cut = _Cut(
        gutter=max(2, round(GUTTER_MIN_IN * per_in)),
        h_gap=max(2, round(H_GAP_MIN_IN * per_in)),
        column=max(4, round(COLUMN_MIN_IN * per_in)),
        word_gap=max(1, round(WORD_GAP_IN * per_in)),
    )
    blocks = _split(m, (0, 0, m.shape[1], m.shape[0]), cut, spread=w > h)
    if len(blocks) <= 1:
        return whole
    return [
        (
            float(max(0, x0 * factor)),
            float(max(0, y0 * factor)),
            float(min(w, x1 * factor)),
            float(min(h, y1 * factor)),
        )
        for x0, y0, x1, y1 in blocks
    ]


__all__ = ["columns", "pooled"]
