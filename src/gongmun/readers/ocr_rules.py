"""Ruling lines of a page image: found, turned into table grids, and erased before OCR.

tesseract reads a table's rules as characters (``|``, ``!``, ``]``, ``1``) and glues
them to the figures beside them (``2,300,000`` came out as ``100] 200!``), and it runs
cells of one row together. So before a page is read its rules are found here: runs of
dark pixels at least :data:`H_RULE_MIN_IN` long across (horizontal) or
:data:`V_RULE_MIN_IN` down (vertical). The runs become edges for pdfplumber's own
grid steps (the same ones that find ruled tables in a PDF's drawing), which give the
cell boxes of each table; then the horizontal rules, and the vertical ones inside a
grid, are painted white. Vertical runs outside any grid are left alone: tall strokes
of a headline's glyphs are vertical runs too.

Work is a few passes of numpy over the pixels (linear in the page's size; numpy comes
with kiwipiepy, a core dependency).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

# Darker than this (0–255 grey) is ink.
INK_BELOW: Final = 160
# Rules are at least this long, in inches: longer than a glyph's stroke at body sizes.
H_RULE_MIN_IN: Final = 0.3
V_RULE_MIN_IN: Final = 0.25
# A rule is at most this thick (inches): a filled bar or a photo is not a rule.
RULE_MAX_THICK_IN: Final = 0.03
# Rules closer than this many points are one (pdfplumber's snap and join tolerances).
SNAP_PT: Final = 3.0
# Pixels painted white around an erased rule (its anti-aliased fringe).
ERASE_PAD_PX: Final = 1

Grey = npt.NDArray[np.uint8]
Mask = npt.NDArray[np.bool_]
PixelBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Grid:
    """One table's cells as boxes ``(x0, top, x1, bottom)`` in pixels, and its box."""

    cells: tuple[PixelBox, ...]
    box: PixelBox


def runs_at_least(ink: Mask, length: int, axis: int) -> Mask:
    """Pixels lying in a run of ink at least ``length`` long along ``axis``.

    >>> row = np.array([[0, 1, 1, 1, 0, 1, 1, 0]], dtype=bool)
    >>> runs_at_least(row, 3, axis=1).astype(int).tolist()
    [[0, 1, 1, 1, 0, 0, 0, 0]]
    """
    if axis == 0:
        return runs_at_least(ink.T, length, 1).T
    if ink.shape[1] < length:
        return np.zeros_like(ink)
    # full[:, i]: the window [i, i + length) is all ink (an erosion), then every pixel
    # of a full window (a dilation); each by doubling shifts, log2(length) passes.
    full = _window(ink, length, np.logical_and)
    covered = np.zeros_like(ink)
    covered[:, : full.shape[1]] = full
    return _window(covered[:, ::-1], length, np.logical_or, keep=True)[:, ::-1]


def _window(a: Mask, length: int, op: Any, keep: bool = False) -> Mask:
    """``op`` over each window of ``length`` along rows: out[:, i] = op(a[:, i : i + length]).

    Without ``keep`` the result is ``length - 1`` columns shorter (windows that fit);
    with it the last columns combine what is left of their window.
    """
    out = a.copy()
    span = 1
    while span * 2 <= length:
        step = out.copy() if keep else out[:, :-span].copy()
        op(step[:, : out.shape[1] - span], out[:, span:], out=step[:, : out.shape[1] - span])
        out = step
        span *= 2
    rest = length - span
    if rest:
        step = out.copy() if keep else out[:, :-rest].copy()
        op(step[:, : out.shape[1] - rest], out[:, rest:], out=step[:, : out.shape[1] - rest])
        out = step
    covered: Mask = out
    return covered


def _thin(mask: Mask, max_thick: int, axis: int) -> Mask:
    """``mask`` without the parts thicker than ``max_thick`` across ``axis`` (bars, photos)."""
    thick = runs_at_least(mask, max_thick + 1, axis=1 - axis)
    out: Mask = mask & ~thick
    return out


def runs(flags: Any) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of True in a 1-D boolean array (end exclusive).

    >>> runs(np.array([0, 1, 1, 0, 1], dtype=bool))
    [(1, 3), (4, 5)]
    """
    padded = np.concatenate(([0], flags.view(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def ink_bounds(ink: Mask) -> tuple[int, int, int, int] | None:
    """``(top, bottom, left, right)`` of the inked pixels of ``ink`` (ends exclusive);
    None when it is blank.

    >>> m = np.zeros((4, 5), dtype=bool); m[1, 2] = m[2, 3] = True
    >>> ink_bounds(m)
    (1, 3, 2, 4)
    """
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def _segments(mask: Mask, axis: int) -> list[tuple[int, int, int]]:
    """Runs of ``mask`` along ``axis``: ``(line, start, end)`` (end exclusive) per row
    (axis 1) or column (axis 0)."""
    lines = mask if axis == 1 else mask.T
    return [(int(i), a, b) for i in np.flatnonzero(lines.any(axis=1)) for a, b in runs(lines[i])]


def _edges(h: list[tuple[int, int, int]], v: list[tuple[int, int, int]]) -> list[dict[str, Any]]:
    """pdfplumber edge objects (in pixels) of the runs."""
    edges: list[dict[str, Any]] = []
    for y, x0, x1 in h:
        edges.append(
            {
                "orientation": "h",
                "x0": x0,
                "x1": x1,
                "top": y,
                "bottom": y + 1,
                "width": x1 - x0,
                "height": 1,
                "object_type": "line",
            }
        )
    for x, y0, y1 in v:
        edges.append(
            {
                "orientation": "v",
                "x0": x,
                "x1": x + 1,
                "top": y0,
                "bottom": y1,
                "width": 1,
                "height": y1 - y0,
                "object_type": "line",
            }
        )
    return edges


def find_grids(h_mask: Mask, v_mask: Mask, dpi: float) -> list[Grid]:
    """The tables the rules draw: pdfplumber's intersections → cells → tables, in pixels."""
    from pdfplumber.table import (
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    snap = SNAP_PT * dpi / 72
    edges = merge_edges(_edges(_segments(h_mask, 1), _segments(v_mask, 0)), snap, snap, snap, snap)
    cells = intersections_to_cells(edges_to_intersections(edges, snap, snap))
    out = []
    for table in cells_to_tables(cells):
        boxes = tuple(tuple(float(v) for v in c) for c in table)
        box = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        out.append(Grid(boxes, box))  # type: ignore[arg-type]
    return out


def _grown(mask: Mask, pad: int) -> Mask:
    out = mask.copy()
    for _ in range(pad):
        grown = out.copy()
        grown[1:, :] |= out[:-1, :]
        grown[:-1, :] |= out[1:, :]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out


def clear_rules(grey: Grey, dpi: float) -> tuple[Grey, list[Grid]]:
    """The page with its rules painted white, and the table grids they drew.

    >>> page = np.full((200, 300), 255, dtype=np.uint8)
    >>> for y in (20, 100, 180): page[y, 20:280] = 0       # three rules across
    >>> for x in (20, 150, 279): page[20:181, x] = 0       # three down: a 2 x 2 grid
    >>> cleared, grids = clear_rules(page, 100)
    >>> len(grids), len(grids[0].cells), int(cleared.min())
    (1, 4, 255)
    """
    ink: Mask = grey < INK_BELOW
    thick = max(1, round(RULE_MAX_THICK_IN * dpi))
    h_mask = _thin(runs_at_least(ink, max(2, round(H_RULE_MIN_IN * dpi)), axis=1), thick, 1)
    v_mask = _thin(runs_at_least(ink, max(2, round(V_RULE_MIN_IN * dpi)), axis=0), thick, 0)
    grids = find_grids(h_mask, v_mask, dpi)
    inside = np.zeros_like(v_mask)
    pad = max(1, round(SNAP_PT * dpi / 72))
    height, width = grey.shape
    for g in grids:
        x0, top, x1, bottom = (round(v) for v in g.box)
        inside[
            max(0, top - pad) : min(height, bottom + pad), max(0, x0 - pad) : min(width, x1 + pad)
        ] = True
    erase = _grown(h_mask | (v_mask & inside), ERASE_PAD_PX)
    cleared = grey.copy()
    cleared[erase] = 255
    return cleared, grids


__all__ = ["Grid", "clear_rules", "find_grids", "runs_at_least"]
