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
from operator import attrgetter


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

    __slots__ = (
        "_pieces",
        "_segments",
        "_source_starts",
        "_starts",
        "source_length",
        "target_length",
    )

    def __init__(self, segments: Sequence[Segment], target_length: int, source_length: int):
        self._pieces: list[_Piece] = [
            (s.n0, s.n1, s.r0, s.r1, s.linear) for s in segments if s.n1 > s.n0
        ]
        self._init(target_length, source_length)

    def _init(self, target_length: int, source_length: int) -> None:
        self._starts = [p[0] for p in self._pieces]
        # Built on first use only: most maps are never asked backwards, nor for Segments.
        self._segments: tuple[Segment, ...] | None = None
        self._source_starts: list[int] | None = None
        self.target_length = target_length
        self.source_length = source_length

    @classmethod
    def _of(cls, pieces: list[_Piece], target_length: int, source_length: int) -> OffsetMap:
        """A map of merged, non-empty pieces (as :func:`_merge_pieces` leaves them)."""
        m = cls.__new__(cls)
        m._pieces = pieces
        m._init(target_length, source_length)
        return m

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text to itself."""
        return cls._of([(0, length, 0, length, True)] if length else [], length, length)

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
        return cls._of(_merge_pieces(list(pieces)), target_length, source_length)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The non-empty pieces of the derived text, in order."""
        if self._segments is None:
            self._segments = tuple(Segment(*p) for p in self._pieces)
        return self._segments

    @property
    def is_identity(self) -> bool:
        """True for the map of a text to itself (every position maps to itself)."""
        pieces = self._pieces
        n = self.target_length
        return n == self.source_length and (
            not pieces or (len(pieces) == 1 and pieces[0] == (0, n, 0, n, True))
        )

    def _segment_at(self, pos: int) -> _Piece | None:
        """The piece with ``n0 <= pos < n1``."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        seg = self._pieces[i]
        return seg if pos < seg[1] else None

    def start_to_source(self, pos: int) -> int | None:
        """Source position of a span *start* at ``pos``, or None inside a rewrite."""
        if pos >= self.target_length:
            return self.source_length if pos == self.target_length else None
        seg = self._segment_at(pos)
        if seg is None or pos < 0:
            return None
        n0, _, r0, _, linear = seg
        if pos == n0:
            return r0
        return r0 + (pos - n0) if linear else None

    def end_to_source(self, pos: int) -> int | None:
        """Source position of a span *end* at ``pos``, or None inside a rewrite."""
        if pos <= 0:
            return 0 if pos == 0 else None
        seg = self._segment_at(pos - 1)
        if seg is None:
            return None
        n0, n1, r0, r1, linear = seg
        if pos == n1:
            return r1
        return r0 + (pos - n0) if linear else None

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

    def _segment_from_source(self, pos: int, *, end: bool) -> _Piece | None:
        """The piece whose source holds ``pos`` (as a start: ``r0 <= pos < r1``; as an
        end: ``r0 < pos <= r1``). Sources of successive pieces never go back."""
        if self._source_starts is None:
            self._source_starts = [p[2] for p in self._pieces]
        if end:
            i = bisect_left(self._source_starts, pos) - 1
        else:
            i = bisect_right(self._source_starts, pos) - 1
        if i < 0:
            return None
        seg = self._pieces[i]
        inside = seg[2] < pos <= seg[3] if end else seg[2] <= pos < seg[3]
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
        n0, _, r0, _, linear = seg
        if pos == r0:
            return n0
        return n0 + (pos - r0) if linear else None

    def end_from_source(self, pos: int) -> int | None:
        """Derived position of a source span *end* at ``pos``; None inside a rewrite."""
        if pos == 0:
            return 0
        seg = self._segment_from_source(pos, end=True)
        if seg is None:
            return None
        n0, n1, r0, r1, linear = seg
        if pos == r1:
            return n1
        return n0 + (pos - r0) if linear else None

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
        if self.is_identity and later.source_length == self.target_length:
            # Composing with the map of a text to itself changes nothing.
            return OffsetMap._of(
                _merge_pieces(later._pieces), later.target_length, later.source_length
            )
        out: list[_Piece] = []
        for seg in later._pieces:
            if seg[4]:
                self._project_linear(seg, out)
            else:
                a = self._outer_start(seg[2])
                b = self._outer_end(seg[3])
                out.append((seg[0], seg[1], a, max(a, b), False))
        return OffsetMap._of(_merge_pieces(out), later.target_length, self.source_length)

    def _project_linear(self, seg: _Piece, out: list[_Piece]) -> None:
        """Split a linear piece ``later`` → this target over this map's pieces."""
        s0, _, m0, m1, _ = seg
        pieces = self._pieces
        i = max(0, bisect_right(self._starts, m0) - 1)
        lo0 = m0
        while m0 < m1 and i < len(pieces):
            n0, n1, r0, r1, linear = pieces[i]
            lo, hi = max(m0, n0), min(m1, n1)
            if lo < hi:
                n_lo = s0 + (lo - lo0)
                n_hi = s0 + (hi - lo0)
                if linear:
                    out.append((n_lo, n_hi, r0 + lo - n0, r0 + hi - n0, True))
                else:
                    # Part of a region an earlier step rewrote: its edges have no exact
                    # source but the whole rewritten region.
                    out.append((n_lo, n_hi, r0, r1, False))
                m0 = hi
            i += 1

    def _outer_start(self, pos: int) -> int:
        exact = self.start_to_source(pos)
        if exact is not None:
            return exact
        seg = self._segment_at(pos)
        return seg[2] if seg is not None else self.source_length

    def _outer_end(self, pos: int) -> int:
        exact = self.end_to_source(pos)
        if exact is not None:
            return exact
        seg = self._segment_at(pos - 1)
        return seg[3] if seg is not None else self.source_length


# A segment as a plain tuple (n0, n1, r0, r1, linear): maps are built from thousands of
# pieces, most merged away at once, and tuples cost far less to make than Segments.
_Piece = tuple[int, int, int, int, bool]


def _merge_pieces(pieces: list[_Piece]) -> list[_Piece]:
    """Join neighbouring linear pieces and repeated pieces of one rewritten region, then
    leave out the empty ones."""
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
    return _nonempty(merged)


def _nonempty(pieces: list[_Piece]) -> list[_Piece]:
    if all(p[1] > p[0] for p in pieces):
        return pieces
    return [p for p in pieces if p[1] > p[0]]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits and return the new text with its map back to ``text``.

    >>> new, m = apply_edits("우리\\n나라", [Edit(2, 3, "")])
    >>> new, m.to_source(0, 4)
    ('우리나라', (0, 5))
    """
    parts: list[str] = []
    pieces: list[_Piece] = []
    size = len(text)
    src = 0
    out = 0
    # The linear run being built (target and source start): a kept stretch and the aligned
    # edits next to it (a fold of one character) make one piece, with no tuple each.
    run: tuple[int, int] | None = None
    for e in sorted(edits, key=_edit_order):
        start, end, new = e.start, e.end, e.new
        if start < src or end < start or end > size:
            raise ValueError(f"overlapping or out-of-range edit {e!r}")
        if start > src:
            parts.append(text[src:start])
            if run is None:
                run = (out, src)
            out += start - src
        if new:
            parts.append(new)
        length = len(new)
        if length == end - start:
            if run is None:
                run = (out, start)
        else:
            if run is not None:
                pieces.append((run[0], out, run[1], start, True))
                run = None
            if length:
                last = pieces[-1] if pieces else None
                if last is not None and not last[4] and last[2] == start and last[3] == end:
                    # Two insertions at one place: one rewritten region.
                    pieces[-1] = (last[0], out + length, start, end, False)
                else:
                    pieces.append((out, out + length, start, end, False))
        out += length
        src = end
    if src < size:
        parts.append(text[src:])
        if run is None:
            run = (out, src)
        out += size - src
    if run is not None:
        pieces.append((run[0], out, run[1], size, True))
    return "".join(parts), OffsetMap._of(_nonempty(pieces), out, size)


_edit_order = attrgetter("start", "end")
