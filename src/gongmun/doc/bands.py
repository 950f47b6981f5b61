"""Columns as bands: the ranges a table's body fills across a line, in character
positions (aligned text) or points (PDF words). Shared by every reader that places a
line's word groups into columns, so a group falls in a column the same way in each."""

from __future__ import annotations

from collections.abc import Sequence


def band_range(bands: Sequence[tuple[float, float]], a: float, b: float) -> tuple[int, int]:
    """The first and last band a group from ``a`` to ``b`` overlaps; a group in a gap
    (a header word set off centre) goes to the band whose middle is nearest its own.

    >>> band_range([(0, 6), (10, 16), (20, 26)], 9, 27), band_range([(0, 6), (10, 16)], 8, 9)
    ((1, 2), (1, 1))
    """
    hit = [k for k, (x0, x1) in enumerate(bands) if a < x1 and x0 < b]
    if hit:
        return hit[0], hit[-1]
    mid = (a + b) / 2
    k = min(range(len(bands)), key=lambda k: abs((bands[k][0] + bands[k][1]) / 2 - mid))
    return k, k


__all__ = ["band_range"]
