"""Edits and the offset map that leads every position of a derived text back to its source.

A normalization step returns :class:`Edit` values against its input; :func:`apply_edits`
turns them into the new text and an :class:`OffsetMap`; maps of successive steps
compose with :meth:`OffsetMap.then`. A span maps back only when both of its ends have
an exact source position: a span that starts or ends strictly inside a rewritten region
maps to ``None``, never to a guess.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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

    __slots__ = ("_segments", "_source_starts", "_starts", "source_length", "target_length")

    def __init__(self, segments: Sequence[Segment], target_length: int, source_length: int):
        self._segments: tuple[Segment, ...] = tuple(s for s in segments if s.n1 > s.n0)
        self._starts = [s.n0 for s in self._segments]
        # Built on the first backward look-up only: most maps are never asked.
        self._source_starts: list[int] | None = None
        self.target_length = target_length
        self.source_length = source_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text to itself."""
        return cls([Segment(0, length, 0, length, True)], length, length)

    @classmethod
    def from_pieces(
        cls,
        pieces: Iterable[tuple[int, int, int, int, bool]],
        target_length: int,
        source_length: int,
    ) -> OffsetMap:
        """A map from pieces ``(n0, n1, r0, r1, linear)`` in target order (see :class:`Segment`);
        neighbouring linear pieces are merged. A reader that builds its text piece by piece
        (the HTML reader) records where each piece came from this way.

        >>> OffsetMap.from_pieces([(0, 2, 5, 7, True), (2, 3, 7, 12, False)], 3, 12).to_source(0, 3)
        (5, 12)
        """
        return cls(_merge_pieces(list(pieces)), target_length, source_length)

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

    def _segment_from_source(self, pos: int, *, end: bool) -> Segment | None:
        """The segment whose source holds ``pos`` (as a start: ``r0 <= pos < r1``; as an
        end: ``r0 < pos <= r1``). Sources of successive segments never go back."""
        if self._source_starts is None:
            self._source_starts = [s.r0 for s in self._segments]
        if end:
            i = bisect_left(self._source_starts, pos) - 1
        else:
            i = bisect_right(self._source_starts, pos) - 1
        if i < 0:
            return None
        seg = self._segments[i]
        inside = seg.r0 < pos <= seg.r1 if end else seg.r0 <= pos < seg.r1
        return seg if inside else None

    def start_from_source(self, pos: int) -> int | None:
        """Derived position of a source span *start* at ``pos``; None where the source
        position was rewritten or dropped.

        >>> _, m = apply_edits("우리\\n나라", [Edit(2, 3, "")])
        >>> m.start_from_source(3), m.start_from_source(2)
        (2, None)
        """
        if pos == self.source_length:
            return self.target_length
        seg = self._segment_from_source(pos, end=False)
        if seg is None:
            return None
        if pos == seg.r0:
            return seg.n0
        return seg.n0 + (pos - seg.r0) if seg.linear else None

    def end_from_source(self, pos: int) -> int | None:
        """Derived position of a source span *end* at ``pos``; None inside a rewrite."""
        if pos == 0:
            return 0
        seg = self._segment_from_source(pos, end=True)
        if seg is None:
            return None
        if pos == seg.r1:
            return seg.n1
        return seg.n0 + (pos - seg.r0) if seg.linear else None

    def from_source(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a source span ``[start, end)`` to the derived text, or None if either end
        has no exact place there (the inverse of :meth:`to_source`).

        >>> _, m = apply_edits("가  나다", [Edit(1, 3, " ")])
        >>> m.from_source(3, 5)
        (2, 4)
        """
        if not 0 <= start <= end <= self.source_length:
            return None
        a = self.start_from_source(start)
        if a is None:
            return None
        if end == start:
            return (a, a)
        b = self.end_from_source(end)
        if b is None or b < a:
            return None
        return (a, b)

    def then(self, later: OffsetMap) -> OffsetMap:
        """Compose: ``later`` maps a newer text to this map's target; the result maps it to
        this map's source."""
        out: list[_Piece] = []
        for seg in later.segments:
            if seg.linear:
                self._project_linear(seg, out)
            else:
                a = self._outer_start(seg.r0)
                b = self._outer_end(seg.r1)
                out.append((seg.n0, seg.n1, a, max(a, b), False))
        return OffsetMap(_merge_pieces(out), later.target_length, self.source_length)

    def _project_linear(self, seg: Segment, out: list[_Piece]) -> None:
        """Split a linear piece ``later`` → this target over this map's segments."""
        m0, m1 = seg.r0, seg.r1
        segments = self._segments
        i = max(0, bisect_right(self._starts, m0) - 1)
        while m0 < m1 and i < len(segments):
            mine = segments[i]
            lo, hi = max(m0, mine.n0), min(m1, mine.n1)
            if lo < hi:
                n_lo = seg.n0 + (lo - seg.r0)
                n_hi = seg.n0 + (hi - seg.r0)
                if mine.linear:
                    out.append((n_lo, n_hi, mine.r0 + lo - mine.n0, mine.r0 + hi - mine.n0, True))
                else:
                    # Part of a region an earlier step rewrote: its edges have no exact
                    # source but the whole rewritten region.
                    out.append((n_lo, n_hi, mine.r0, mine.r1, False))
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


# A segment as a plain tuple (n0, n1, r0, r1, linear): maps are built from thousands of
# pieces, most merged away at once, and tuples cost far less to make than Segments.
_Piece = tuple[int, int, int, int, bool]


def _merge_pieces(pieces: list[_Piece]) -> list[Segment]:
    """Join neighbouring linear pieces and repeated pieces of one rewritten region;
    Segments are made only for the merged pieces."""
    merged: list[_Piece] = []
    for seg in pieces:
        if merged:
            last = merged[-1]
            if last[1] == seg[0] and last[4] and seg[4] and last[3] == seg[2]:
                merged[-1] = (last[0], seg[1], last[2], seg[3], True)
                continue
            if (
                not last[4]
                and not seg[4]
                and last[1] == seg[0]
                and last[2] == seg[2]
                and last[3] == seg[3]
            ):
                merged[-1] = (last[0], seg[1], last[2], last[3], False)
                continue
        merged.append(seg)
    return [Segment(*p) for p in merged]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits and return the new text with its map back to ``text``.

    >>> new, m = apply_edits("우리\\n나라", [Edit(2, 3, "")])
    >>> new, m.to_source(0, 4)
    ('우리나라', (0, 5))
    """
    parts: list[str] = []
    segments: list[_Piece] = []
    src = 0
    out = 0
    for e in sorted(edits, key=_edit_order):
        start, end, new = e.start, e.end, e.new
        if start < src or end < start or end > len(text):
            raise ValueError(f"overlapping or out-of-range edit {e!r}")
        if start > src:
            keep = start - src
            parts.append(text[src:start])
            segments.append((out, out + keep, src, start, True))
            out += keep
        parts.append(new)
        segments.append((out, out + len(new), start, end, len(new) == end - start))
        out += len(new)
        src = end
    if src < len(text):
        parts.append(text[src:])
        segments.append((out, out + len(text) - src, src, len(text), True))
        out += len(text) - src
    return "".join(parts), OffsetMap(_merge_pieces(segments), out, len(text))


def _edit_order(e: Edit) -> tuple[int, int]:
    return (e.start, e.end)
