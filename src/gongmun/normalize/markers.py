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
        |<\s*(?:붙\s*임|별\s*첨|참\s*고)[^>\n]{0,10}>
        |(?:붙\s?임|별\s?첨|참\s?고)(?=[ \t\d]))
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
    """,
    regex.VERBOSE,
)


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
    m = _MARKER_RE.match(line)
    if m is None or m.lastgroup is None:
        return None
    kind = m.lastgroup
    start, end = m.span(kind)
    body = end
    while body < len(line) and line[body] in " \t":
        body += 1
    return Marker(kind, m.group(kind), start, end, body)


__all__ = ["MARKER_DEPTH", "Marker", "find_marker"]
