"""Edits and the offset map that leads every position of a derived text back to its source.

A normalization step returns :class:`Edit` values against its input; :func:`apply_edits`
turns them into the new text and an :class:`OffsetMap`; maps of successive steps
compose with :meth:`OffsetMap.then`. A span maps back only when both of its ends have
an exact source position: a span that starts or ends strictly inside a rewritten region
maps to ``None``, never to a guess.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``; positions index the step's input.

    ``aligned`` edits replace character for character (a fold such as ``∼`` → ``~``),
    so positions inside them still map exactly.
    """

    start: int
    end: int
    new: str

    @property
    def aligned(self) -> bool:
        """True when the edit swaps characters one for one."""
        return len(self.new) == self.end - self.start


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the derived text ``[n0, n1)`` that came from source ``[r0, r1)``.

    ``linear`` pieces have equal lengths and map position by position; others map only
    at their two ends.
    """

    n0: int
    n1: int
    r0: int
    r1: int
    linear: bool


class OffsetMap:
    """Maps positions of a derived text to the text it was derived from.

    >>> m = OffsetMap.identity(4)
    >>> m.to_source(1, 3)
    (1, 3)
    """

    __slots__ = ("_segments", "_starts", "source_length", "target_length")

    def __init__(self, segments: Sequence[Segment], target_length: int, source_length: int):
        self._segments: tuple[Segment, ...] = tuple(s for s in segments if s.n1 > s.n0)
        self._starts = [s.n0 for s in self._segments]
        self.target_length = target_length
        self.source_length = source_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text to itself."""
        return cls([Segment(0, length, 0, length, True)], length, length)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The non-empty pieces of the derived text, in order."""
        return self._segments

    def _segment_at(self, pos: int) -> Segment | None:
        """The segment with ``n0 <= pos < n1``."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        seg = self._segments[i]
        return seg if pos < seg.n1 else None

    def start_to_source(self, pos: int) -> int | None:
        """Source position of a span *start* at ``pos``, or None inside a rewrite."""
        if pos >= self.target_length:
            return self.source_length if pos == self.target_length else None
        seg = self._segment_at(pos)
        if seg is None or pos < 0:
            return None
        if pos == seg.n0:
            return seg.r0
        return seg.r0 + (pos - seg.n0) if seg.linear else None

    def end_to_source(self, pos: int) -> int | None:
        """Source position of a span *end* at ``pos``, or None inside a rewrite."""
        if pos <= 0:
            return 0 if pos == 0 else None
        seg = self._segment_at(pos - 1)
        if seg is None:
            return None
        if pos == seg.n1:
            return seg.r1
        return seg.r0 + (pos - seg.n0) if seg.linear else None

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """Map the span ``[start, end)`` to the source, or None if either end has no exact source.

        An empty span maps by its start alone.
        """
        if not 0 <= start <= end <= self.target_length:
            return None
        a = self.start_to_source(start)
        if a is None:
            return None
        if end == start:
            return (a, a)
        b = self.end_to_source(end)
        if b is None or b < a:
            return None
        return (a, b)

    def then(self, later: OffsetMap) -> OffsetMap:
        """Compose: ``later`` maps a newer text to this map's target; the result maps it to
        this map's source."""
        out: list[Segment] = []
        for seg in later.segments:
            if seg.linear:
                out.extend(self._project_linear(seg))
            else:
                a = self._outer_start(seg.r0)
                b = self._outer_end(seg.r1)
                out.append(Segment(seg.n0, seg.n1, a, max(a, b), False))
        return OffsetMap(_merge(out), later.target_length, self.source_length)

    def _project_linear(self, seg: Segment) -> Iterable[Segment]:
        """Split a linear piece ``later`` → this target over this map's segments."""
        m0, m1 = seg.r0, seg.r1
        i = max(0, bisect_right(self._starts, m0) - 1)
        while m0 < m1 and i < len(self._segments):
            mine = self._segments[i]
            lo, hi = max(m0, mine.n0), min(m1, mine.n1)
            if lo < hi:
                n_lo = seg.n0 + (lo - seg.r0)
                n_hi = seg.n0 + (hi - seg.r0)
                if mine.linear:
                    yield Segment(n_lo, n_hi, mine.r0 + lo - mine.n0, mine.r0 + hi - mine.n0, True)
                else:
                    # Part of a region an earlier step rewrote: its edges have no exact
                    # source but the whole rewritten region.
                    yield Segment(n_lo, n_hi, mine.r0, mine.r1, False)
                m0 = hi
            i += 1

    def _outer_start(self, pos: int) -> int:
        exact = self.start_to_source(pos)
        if exact is not None:
            return exact
        seg = self._segment_at(pos)
        return seg.r0 if seg is not None else self.source_length

    def _outer_end(self, pos: int) -> int:
        exact = self.end_to_source(pos)
        if exact is not None:
            return exact
        seg = self._segment_at(pos - 1)
        return seg.r1 if seg is not None else self.source_length


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring linear pieces and repeated pieces of one rewritten region."""
    merged: list[Segment] = []
    for seg in segments:
        if merged:
            last = merged[-1]
            if last.n1 == seg.n0 and last.linear and seg.linear and last.r1 == seg.r0:
                merged[-1] = Segment(last.n0, seg.n1, last.r0, seg.r1, True)
                continue
            if (
                not last.linear
                and not seg.linear
                and last.n1 == seg.n0
                and (last.r0, last.r1) == (seg.r0, seg.r1)
            ):
                merged[-1] = Segment(last.n0, seg.n1, last.r0, last.r1, False)
                continue
        merged.append(seg)
    return merged


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits and return the new text with its map back to ``text``.

    >>> new, m = apply_edits("우리\\n나라", [Edit(2, 3, "")])
    >>> new, m.to_source(0, 4)
    ('우리나라', (0, 5))
    """
    parts: list[str] = []
    segments: list[Segment] = []
    src = 0
    out = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < src or e.end < e.start or e.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit {e!r}")
        if e.start > src:
            keep = e.start - src
            parts.append(text[src : e.start])
            segments.append(Segment(out, out + keep, src, e.start, True))
            out += keep
        parts.append(e.new)
        segments.append(Segment(out, out + len(e.new), e.start, e.end, e.aligned))
        out += len(e.new)
        src = e.end
    if src < len(text):
        parts.append(text[src:])
        segments.append(Segment(out, out + len(text) - src, src, len(text), True))
        out += len(text) - src
    return "".join(parts), OffsetMap(_merge(segments), out, len(text))
