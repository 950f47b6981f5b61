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

pdfplumber is then opened without ``laparams`` and :func:`analyze_page` runs first on
each page: the page objects come from this analysed layout, with no dictionary built
for every line, box and inserted space that pdfplumber would otherwise describe.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import Any

from pdfminer.layout import (
    IndexAssigner,
    LAParams,
    LTAnno,
    LTChar,
    LTComponent,
    LTContainer,
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


def _run(a: _Coords, others: Sequence[tuple[int, _Coords]]) -> list[tuple[float, int]]:
    """Object ``a``'s pairs with ``others``: a heap of (distance, other's id).

    The distance is pdfminer's ``dist``: the area of the two boxes' bounding box less
    their own areas, computed in the same order; ``min``/``max`` are written out and
    keep their choice of the first of equal values. A run is only ever asked for its
    closest pairs, and few of them before its object is merged: a heap, not a sort.
    """
    ax0, ay0, ax1, ay1, aa = a
    run = [
        (
            ((bx1 if bx1 > ax1 else ax1) - (bx0 if bx0 < ax0 else ax0))
            * ((by1 if by1 > ay1 else ay1) - (by0 if by0 < ay0 else ay0))
            - aa
            - ba,
            id2,
        )
        for id2, (bx0, by0, bx1, by1, ba) in others
    ]
    heapq.heapify(run)
    return run


def group_textboxes(
    bbox: tuple[float, float, float, float], boxes: Sequence[LTTextBox]
) -> list[LTTextGroup]:
    """pdfminer's hierarchical grouping of text boxes, with the same result.

    The closest pair (by distance, ties by the objects' ids as pdfminer breaks them) is
    merged first unless another object lies inside their bounding box, in which case the
    pair waits behind every pair that has none; the merged group is then paired with
    every object left. pdfminer keeps all pairs in one heap and pops each of them; here
    each object's pairs (its run) are a heap of their own and only the runs' heads are
    in the main heap, so the pops come in the same order and the run of a merged object is dropped
    whole instead of popped pair by pair.
    """
    plane: Plane[Any] = Plane(bbox)
    objs: dict[int, Any] = {id(b): b for b in boxes}
    coords: dict[int, _Coords] = {id(b): _coords(b) for b in boxes}
    order = list(coords.items())
    # Run r is object owners[r]'s pairs; its key (False, d, id1, id2) orders as (d, id2).
    owners = [i for i, _ in order]
    runs = [_run(c, order[k + 1 :]) for k, (_, c) in enumerate(order)]
    # (key, run number); run -1 holds one pair put back behind the others (isany).
    heads = [((False, run[0][0], owners[r], run[0][1]), r) for r, run in enumerate(runs) if run]
    heapq.heapify(heads)
    plane.extend(boxes)
    alive = set(objs)
    while len(alive) > 1 and heads:
        key, r = heapq.heappop(heads)
        skip_isany, d, id1, id2 = key
        if id1 not in alive:
            continue  # the run's own object is merged: all of its pairs are stale
        if r >= 0:
            run = runs[r]
            heapq.heappop(run)
            if run:
                heapq.heappush(heads, ((False, run[0][0], id1, run[0][1]), r))
        if id2 not in alive:
            continue
        obj1, obj2 = objs[id1], objs[id2]
        if not skip_isany and _isany(plane, obj1, obj2):
            heapq.heappush(heads, ((True, d, id1, id2), -1))
            continue
        vertical = (LTTextBoxVertical, LTTextGroupTBRL)
        if isinstance(obj1, vertical) or isinstance(obj2, vertical):
            group: LTTextGroup = LTTextGroupTBRL([obj1, obj2])
        else:
            group = LTTextGroupLRTB([obj1, obj2])
        plane.remove(obj1)
        plane.remove(obj2)
        alive -= {id1, id2}
        idg, cg = id(group), _coords(group)
        run = _run(cg, [(i, coords[i]) for i in alive])
        objs[idg], coords[idg] = group, cg
        alive.add(idg)
        plane.add(group)
        if run:
            runs.append(run)
            owners.append(idg)
            heapq.heappush(heads, ((False, run[0][0], idg, run[0][1]), len(runs) - 1))
    # One group is left (or one box, when the page has one).
    return list(plane)


def _isany(plane: Plane[Any], obj1: Any, obj2: Any) -> bool:
    """True when another object of ``plane`` lies in the bounding box of the two."""
    x0 = min(obj1.x0, obj2.x0)
    y0 = min(obj1.y0, obj2.y0)
    x1 = max(obj1.x1, obj2.x1)
    y1 = max(obj1.y1, obj2.y1)
    return any(obj is not obj1 and obj is not obj2 for obj in plane.find((x0, y0, x1, y1)))


def analyze_page(page: Any, laparams: dict[str, Any]) -> list[dict[str, Any]]:
    """Analyse the layout of a pdfplumber page opened without ``laparams``; its text
    boxes as pdfplumber describes them (``page.textboxhorizontals``), in reading order.

    Call it before anything reads the page's objects: they are then described from the
    analysed layout, so its characters come in reading order, as with ``laparams``.
    """
    layout = page.layout
    if layout.groups is None:
        analyze(layout, LAParams(**laparams))
    if not hasattr(page, "_objects"):
        page._objects = _objects(page, layout)
    return [page.process_object(obj) for obj in layout if isinstance(obj, LTTextBoxHorizontal)]


def _objects(page: Any, layout: LTLayoutContainer) -> dict[str, list[dict[str, Any]]]:
    """``page.objects`` as pdfplumber's ``parse_objects`` makes them without ``laparams``
    (containers are walked through, not described), except that the word and line
    breaks the analysis put in (``LTAnno``, which pdfplumber describes, then drops) are
    skipped before they are described. Characters are described by
    :mod:`.pdf_objects`, as pdfplumber does, without its generic steps."""
    from gongmun.readers.pdf_objects import describer

    objects: dict[str, list[dict[str, Any]]] = {}
    describe = describer(page)

    def walk(items: Sequence[Any]) -> None:
        for obj in items:
            if isinstance(obj, LTContainer):
                walk(obj._objs)
            elif not isinstance(obj, LTAnno):
                found = describe(obj)
                objects.setdefault(found["object_type"], []).append(found)

    walk(layout._objs)
    return objects


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
