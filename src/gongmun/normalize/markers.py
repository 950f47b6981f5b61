"""Bullet and outline markers at the start of a line: which kind, and how deep it sits.

The 개조식 hierarchy is □ → ㅇ → - → ·; numbered headings (Ⅰ., 1., 가.) sit above it,
enumerations (①, ➊, 1), (1)) below; ``*`` and ``※`` are notes on the block above.
Ambiguous glyphs (``-``, ``*``, ``ㅇ``, ``v``) count as markers only at a line start and
before a space (or an opening bracket), never inside a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

# kind → depth in the outline (smaller is higher). Notes have no depth of their own.
MARKER_DEPTH: Final[dict[str, int]] = {
    "roman": 0,
    "attachment": 0,
    "strategy": 1,
    "number": 1,
    "numbox": 1,
    "hangul": 2,
    "caption": 3,
    "square": 3,
    "circle": 4,
    "dash": 5,
    "middot": 6,
    "triangle": 6,
    "circled": 7,
    "paren_number": 7,
    "note": 8,
}

# One alternative per kind; the group name is the kind. Order matters where kinds share a
# first character (``**`` before ``*``).
_MARKER_RE: Final = regex.compile(
    r"""
    ^[ \t]*
    (?:
      (?P<roman>(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|(?:VIII|VII|VI|IV|IX|III|II|I|V|X)(?=\.))\.?)(?=[ \t])
    | (?P<attachment>\[[^\]\n]{1,20}\]
        |<[ \t]*(?:붙[ \t]*임|별[ \t]*첨|참[ \t]*고)[^>\n]{0,10}>
        |(?:붙[ \t]?임|별[ \t]?첨|참[ \t]?고)(?=[ \t\d]))
    | (?P<strategy>[가-힣]{2,4}[ \t]?\d{1,2}(?=[ \t]\[))
    | (?P<hangul>[가나다라마바사아자차카타파하][.)])(?=[ \t])
    | (?P<paren_number>\(\d{1,2}\)|\d{1,2}\))(?=[ \t]|\p{Hangul})
    | (?P<number>\d{1,2}\.)(?=[ \t]+[^\d\s])
    | (?P<numbox>\d{1,2})(?=[ \t][\p{Hangul}(])
    | (?P<caption>[<〈])(?=[ \t][^>〉\n]{1,80}[ \t][>〉][ \t]*$)
    | (?P<square>[□■◇◆▣◈❏❑])
    | (?P<circle>[ㅇ○◦●•◯⚬]|Ÿ|v(?=[ \t]))(?=[ \t(「‘'"\p{Hangul}\w])
    | (?P<dash>[-–—―])(?=[ \t])
    | (?P<middot>[·∙⋅])(?=[ \t])
    | (?P<triangle>[▪▸▶►▷▹➢➤▲△▼▽])
    | (?P<circled>[①-⑳➊-➓❶-❿➀-➉])
    | (?P<note>\*{1,3}|※)(?=[ \t(「‘'"\p{Hangul}\w])
    )
    [ \t]*  # the spaces after the marker: the match ends where the item text begins
    """,
    regex.VERBOSE,
)
# What a marker can open with: any character but a Hangul syllable (□, ㅇ, -, 1., Ⅱ, <), or
# syllables only as a strategy label (전략1), a hangul heading (가.) or 붙임/별첨/참고. Most
# prose lines open with a plain syllable: this fails them at once, where the alternation
# would try each of its kinds.
_MARKER_OPENING: Final = (
    r"(?=[^가-힣\s]|[가-힣]{2,4}[ \t]?\d|[가나다라마바사아자차카타파하][.)]|[붙별참])"
)
# The same pattern over a whole text: one pass finds the marker of every line.
_MARKER_LINES_RE: Final = regex.compile(
    _MARKER_RE.pattern.replace(r"^[ \t]*", r"^[ \t]*" + _MARKER_OPENING, 1),
    regex.VERBOSE | regex.MULTILINE,
)


# Hangul syllables that can open a marker without a digit nearby (가. 붙임 별첨 참고).
_HANGUL_STARTS: Final[frozenset[str]] = frozenset("가나다라마바사아자차카타파하붙별참")


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker found at a line start: its kind, its text and where the item text begins."""

    kind: str
    text: str
    start: int
    end: int
    body: int

    @property
    def depth(self) -> int:
        """Depth in the 개조식 outline (□ 3, ㅇ 4, - 5, · 6)."""
        return MARKER_DEPTH[self.kind]


def find_marker(line: str) -> Marker | None:
    """The marker that opens ``line``, if any.

    >>> find_marker("ㅇ (전략투자) 11대 분야").kind
    'circle'
    >>> find_marker("2025. 4. 9.(수)") is None
    True
    """
    stripped = line.lstrip(" \t")
    if "\n" in line:
        return None
    if not stripped:
        return None
    first = stripped[0]
    if (
        "\uac00" <= first <= "\ud7a3"
        and first not in _HANGUL_STARTS
        and stripped[1:2] not in (".", ")")
        and not any(c.isdigit() for c in stripped[1:7])
    ):
        # Most lines open with a plain word: skip the long alternation for them.
        return None
    m = _MARKER_RE.match(line)
    if m is None or m.lastgroup is None:
        return None
    return _marker_of(line, m, 0)


def _marker_of(text: str, m: regex.Match[str], line_start: int) -> Marker:
    kind = m.lastgroup
    assert kind is not None
    start, end = m.span(kind)
    body = m.end()
    key = (kind, text[start:end], start - line_start, end - line_start, body - line_start)
    marker = _SEEN.get(key)
    if marker is None:
        marker = Marker(*key)
        if len(_SEEN) < _SEEN_MAX:
            _SEEN[key] = marker
    return marker


# Markers are frozen and few differ (ㅇ at 0, body 2): share them rather than build each anew.
_SEEN: dict[tuple[str, str, int, int, int], Marker] = {}
_SEEN_MAX: Final[int] = 4096


def find_markers(text: str) -> dict[int, Marker]:
    """The marker of every line of ``text`` that has one, keyed by the line's start offset;
    positions in each :class:`Marker` are relative to its line (as :func:`find_marker` gives).

    >>> sorted(find_markers("□ 개요\\n본문\\nㅇ 항목"))
    [0, 8]
    """
    global _LAST
    last = _LAST
    if last is not None and last[0] == text:
        return dict(last[1])
    out: dict[int, Marker] = {}
    for m in _MARKER_LINES_RE.finditer(text):
        if m.lastgroup is not None:
            out[m.start()] = _marker_of(text, m, m.start())
    # One tuple, so a thread reading it sees a text with its own markers.
    _LAST = (text, dict(out))
    return out


# The last text's markers: the line joiner's last pass reads the normalized text itself,
# and the outline built from it reads the same markers again.
_LAST: tuple[str, dict[int, Marker]] | None = None


def line_markers(
    text: str, lines: list[str], starts: list[int], known: dict[str, Marker | None]
) -> list[Marker | None]:
    """The marker of each of ``lines`` (``text`` split at its line breaks, ``starts`` their
    offsets), as :func:`find_markers` gives them; ``known`` holds lines already read.

    A line's marker is found within the line alone, so a line read before (in the
    joiner's previous pass over the same document, most of whose lines come back as
    they were) has the marker it had: ``known`` gives it, and only the lines not in
    ``known`` are scanned, each on its own. With ``known`` empty the whole text is
    scanned at once. Every line read is added to ``known``, and the markers are left
    for :func:`find_markers` on the same text (the outline reads the joiner's last text).

    >>> known: dict[str, Marker | None] = {}
    >>> [m and m.kind for m in line_markers("□ 개요\\n본문", ["□ 개요", "본문"], [0, 5], known)]
    ['square', None]
    >>> [m and m.kind for m in line_markers("본문\\nㅇ 항목", ["본문", "ㅇ 항목"], [0, 3], known)]
    [None, 'circle']
    """
    global _LAST
    if not known:
        found = find_markers(text)
        out: list[Marker | None] = [found.get(start) for start in starts[: len(lines)]]
        known.update(zip(lines, out, strict=True))
        return out
    out = []
    missing = _MISSING
    get = known.get
    for line in lines:
        marker = get(line, missing)
        if marker is missing:
            marker = known[line] = find_marker(line)
        out.append(marker)
    # The same markers keyed as find_markers keys them, for the outline of this text.
    _LAST = (text, {start: m for start, m in zip(starts, out, strict=False) if m is not None})
    return out


# Not a marker and not None: a line ``known`` has not seen.
_MISSING: Final = Marker("", "", 0, 0, 0)


__all__ = ["MARKER_DEPTH", "Marker", "find_marker", "find_markers", "line_markers"]
