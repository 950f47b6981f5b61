"""Regions the normalizer keeps as the reader wrote them (tables, one cell per line).

Joining two lines of a table would glue two cells (``계1,2003,400`` from ``계``,
``1,200``, ``3,400``); dropping a line of one would lose a cell. So the edits of the
line-level steps that touch a kept region are refused; the character maps (NFC, folds)
still apply.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from gongmun.offsets import Edit, OffsetMap


def current_regions(offsets: OffsetMap, keep: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Raw regions placed in the current text (``offsets`` maps it to the raw input),
    sorted; a region whose ends were rewritten is widened to the text that holds them."""
    out = []
    for a, b in keep:
        start = offsets.start_from_source(a)
        end = offsets.end_from_source(b)
        if start is None or end is None or end < start:
            continue
        out.append((start, end))
    out.sort()
    return out


def kept_apart(
    edits: list[Edit], offsets: OffsetMap, keep: Sequence[tuple[int, int]], *, drops: bool
) -> list[Edit]:
    """The edits that leave every kept region and its two line breaks alone.

    An edit may not overlap a region, nor rewrite the character just before or after it
    (the line breaks that part it from the text around); a dropping step may still remove
    whole text next to it.

    >>> m = OffsetMap.identity(9)
    >>> [e.start for e in kept_apart([Edit(2, 3, " "), Edit(7, 8, "")], m, [(3, 6)], drops=False)]
    [7]
    """
    regions = current_regions(offsets, keep)
    if not regions:
        return edits
    starts = [r[0] for r in regions]
    out = []
    for e in edits:
        i = bisect_right(starts, e.end + 1) - 1
        blocked = False
        # Only the two regions nearest the edit can touch it (regions do not overlap).
        for j in (i - 1, i):
            if j < 0:
                continue
            a, b = regions[j]
            if e.start < b and a < e.end:
                blocked = True
            elif e.start <= a - 1 < e.end or e.start <= b < e.end:
                blocked = not (drops and e.new == "")
            if blocked:
                break
        if not blocked:
            out.append(e)
    return out
