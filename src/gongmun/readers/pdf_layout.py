"""pdfminer's layout analysis of a page, done once and with a faster text-box grouping.

The reader needs pdfminer's reading order of text boxes (columns kept apart), which
pdfminer finds by grouping the boxes hierarchically (``LTLayoutContainer.
group_textboxes``): about half the cost of its layout analysis, and in Python that
computes every pairwise distance through attribute lookups and then pops every stale
pair off its heap. :func:`analyze` runs pdfminer's own steps (characters to lines,
lines to boxes, the groups' own ordering, the indices) in pdfminer's order, with
:func:`group_textboxes` in place of pdfminer's: the same distances computed the same
way from cached coordinates, the same heap entries popped in the same order, stopping
once one group is left (every entry still queued then holds a merged object and would
be skipped). The result is the layout pdfminer gives with ``laparams`` — the same
boxes in the same order, the same characters in the same order (the tests compare the
two on real and generated pages).

pdfplumber is then opened without ``laparams``: its page objects come from this
analysed layout, and it does not build a dictionary for every line and box it would
otherwise describe.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import Any

from pdfminer.layout import (
    IndexAssigner,
    LAParams,
    LTChar,
    LTComponent,
    LTLayoutContainer,
    LTTextBox,
    LTTextBoxHorizontal,
    LTTextBoxVertical,
    LTTextGroup,
    LTTextGroupLRTB,
    LTTextGroupTBRL,
)
from pdfminer.utils import Plane

_Coords = tuple[float, float, float, float, float]
_Entry = tuple[bool, float, int, int, Any, Any]


def analyze(layout: LTLayoutContainer, laparams: LAParams) -> None:
    """``layout.analyze(laparams)`` with :func:`group_textboxes` for the box grouping.

    Mirrors ``LTLayoutContainer.analyze`` of pdfminer.six for ``boxes_flow`` set (the
    default); with ``boxes_flow=None`` pdfminer's own method runs.
    """
    if laparams.boxes_flow is None:
        layout.analyze(laparams)
        return
    textobjs = [obj for obj in layout if isinstance(obj, LTChar)]
    otherobjs = [obj for obj in layout if not isinstance(obj, LTChar)]
    for obj in otherobjs:
        obj.analyze(laparams)
    if not textobjs:
        return
    lines = list(layout.group_objects(laparams, textobjs))
    empties = [obj for obj in lines if obj.is_empty()]
    textlines = [obj for obj in lines if not obj.is_empty()]
    for obj in empties:
        obj.analyze(laparams)
    textboxes = list(layout.group_textlines(laparams, textlines))
    layout.groups = group_textboxes(layout.bbox, textboxes)
    assigner = IndexAssigner()
    for group in layout.groups:
        group.analyze(laparams)
        assigner.run(group)
    textboxes.sort(key=lambda box: box.index)
    layout._objs = [*textboxes, *otherobjs, *empties]


def _coords(obj: LTComponent) -> _Coords:
    return (obj.x0, obj.y0, obj.x1, obj.y1, obj.width * obj.height)


def _dist(a: _Coords, b: _Coords) -> float:
    """pdfminer's ``dist``: the area of the two boxes' bounding box less their own areas.

    ``min``/``max`` written out keep their choice of the first of equal values.
    """
    ax0, ay0, ax1, ay1, aa = a
    bx0, by0, bx1, by1, ba = b
    x0 = bx0 if bx0 < ax0 else ax0
    y0 = by0 if by0 < ay0 else ay0
    x1 = bx1 if bx1 > ax1 else ax1
    y1 = by1 if by1 > ay1 else ay1
    return (x1 - x0) * (y1 - y0) - aa - ba


def group_textboxes(
    bbox: tuple[float, float, float, float], boxes: Sequence[LTTextBox]
) -> list[LTTextGroup]:
    """pdfminer's hierarchical grouping of text boxes, with the same result.

    The closest pair (by :func:`_dist`, ties by the objects' ids as pdfminer breaks
    them) is merged first unless another object lies inside their bounding box, in which
    case the pair waits behind the pairs that have none; the merged group is then paired
    with every object left.
    """
    plane: Plane[Any] = Plane(bbox)
    coords = [_coords(b) for b in boxes]
    ids = [id(b) for b in boxes]
    dists: list[_Entry] = []
    for i, box1 in enumerate(boxes):
        c1, id1 = coords[i], ids[i]
        dists.extend(
            (False, _dist(c1, coords[j]), id1, ids[j], box1, boxes[j])
            for j in range(i + 1, len(boxes))
        )
    heapq.heapify(dists)
    plane.extend(boxes)
    live: dict[int, tuple[Any, _Coords]] = {ids[i]: (b, coords[i]) for i, b in enumerate(boxes)}
    while len(live) > 1 and dists:
        skip_isany, d, id1, id2, obj1, obj2 = heapq.heappop(dists)
        if id1 not in live or id2 not in live:
            continue  # one of them is merged already
        if not skip_isany and _isany(plane, obj1, obj2):
            heapq.heappush(dists, (True, d, id1, id2, obj1, obj2))
            continue
        vertical = (LTTextBoxVertical, LTTextGroupTBRL)
        if isinstance(obj1, vertical) or isinstance(obj2, vertical):
            group: LTTextGroup = LTTextGroupTBRL([obj1, obj2])
        else:
            group = LTTextGroupLRTB([obj1, obj2])
        plane.remove(obj1)
        plane.remove(obj2)
        del live[id1], live[id2]
        cg, idg = _coords(group), id(group)
        for ido, (other, co) in live.items():
            heapq.heappush(dists, (False, _dist(cg, co), idg, ido, group, other))
        plane.add(group)
        live[idg] = (group, cg)
    # Only groups are left (or one box, when the page has one).
    return list(plane)


def _isany(plane: Plane[Any], obj1: Any, obj2: Any) -> bool:
    """True when another object of ``plane`` lies in the bounding box of the two."""
    x0 = min(obj1.x0, obj2.x0)
    y0 = min(obj1.y0, obj2.y0)
    x1 = max(obj1.x1, obj2.x1)
    y1 = max(obj1.y1, obj2.y1)
    return any(obj is not obj1 and obj is not obj2 for obj in plane.find((x0, y0, x1, y1)))


def text_boxes(layout: LTLayoutContainer) -> list[LTTextBoxHorizontal]:
    """The horizontal text boxes of an analysed layout, in reading order."""
    return [obj for obj in layout if isinstance(obj, LTTextBoxHorizontal)]


# Side of a cell of :class:`BoxIndex`'s grid, in points: a few lines of body text. Cells
# past GRID_CELLS on either axis (beyond any real page) are one cell, so a box drawn far
# off the page costs a bounded number of cells.
GRID_CELL = 36.0
GRID_CELLS = 128


def _cell(v: float) -> int:
    # Clamped before dividing: infinity floor-divided is NaN.
    return int(min(max(v, -GRID_CELL), GRID_CELL * GRID_CELLS) // GRID_CELL)


class BoxIndex:
    """Boxes in a grid of square cells, to find the first box holding a point.

    Each box is listed, in its order, in every cell it reaches; a point lies in one
    cell, so only the boxes listed there are tested, and the first that holds the point
    is the first of all boxes that does. Boxes hold ``x0 <= x < x1`` and
    ``top <= y < bottom`` once grown by ``pad`` on every side.

    >>> index = BoxIndex([(0, 0, 100, 20), (0, 10, 50, 60)], pad=0.5)
    >>> index.first(20, 15), index.first(20, 40), index.first(200, 40)
    (0, 1, None)
    """

    def __init__(self, boxes: Sequence[tuple[float, float, float, float]], pad: float) -> None:
        self._boxes = [(b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad) for b in boxes]
        self._cells: dict[tuple[int, int], list[int]] = {}
        for i, (x0, y0, x1, y1) in enumerate(self._boxes):
            if not (x0 < x1 and y0 < y1):
                continue  # holds no point (NaN coordinates included)
            for cx in range(_cell(x0), _cell(x1) + 1):
                for cy in range(_cell(y0), _cell(y1) + 1):
                    self._cells.setdefault((cx, cy), []).append(i)

    def first(self, x: float, y: float) -> int | None:
        """The index of the first box holding (x, y), or None."""
        if x != x or y != y:
            return None  # NaN: in no box
        boxes = self._boxes
        for i in self._cells.get((_cell(x), _cell(y)), ()):
            x0, y0, x1, y1 = boxes[i]
            if x0 <= x < x1 and y0 <= y < y1:
                return i
        return None
