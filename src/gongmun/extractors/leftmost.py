"""Several patterns searched apart, their matches merged as one alternation would give them.

A regex ``A|B|C`` tries every alternative at every position of the text; most positions
start none of them, and the engine cannot skip ahead by any one alternative's first
characters. Searched apart, each pattern skips to its own candidates, and an alternative
whose required word (``까지``, ``~``) is nowhere in the text is not searched at all.
:func:`leftmost` merges them back: at each step the leftmost match wins, the earliest
alternative on a tie, and the scan goes on from its end — exactly ``finditer`` of the
alternation (``tests/test_leftmost.py`` holds both to the same matches).

Linear: each pattern's next match is kept and searched again only once the scan has passed
its start, from the scan's position on, so no pattern scans a stretch of text twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex


@dataclass(frozen=True, slots=True)
class Alternative:
    """One alternative of an alternation: its name, its pattern, and words it needs.

    ``needs``: literals of which every match holds at least one (``("까지",)``); when the
    text holds none of them the pattern is not searched. Empty: always searched.
    """

    name: str
    pattern: regex.Pattern[str]
    needs: tuple[str, ...] = ()


def leftmost(
    alternatives: Sequence[Alternative], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[tuple[str, regex.Match[str]]]:
    """``(name, match)`` of each match the alternation of ``alternatives`` finds, in order.

    The same matches as ``regex.compile("|".join(a.pattern.pattern for a in
    alternatives)).finditer(text, pos, endpos)``, for patterns that never match empty.

    >>> alts = [Alternative("ab", regex.compile("ab")), Alternative("b", regex.compile("b+"))]
    >>> [(n, m.group()) for n, m in leftmost(alts, "abbb b")]
    [('ab', 'ab'), ('b', 'bb'), ('b', 'b')]
    """
    end = len(text) if endpos is None else min(endpos, len(text))
    live: list[tuple[Alternative, regex.Match[str] | None]] = []
    for alt in alternatives:
        if alt.needs and not any(text.find(word, pos, end) >= 0 for word in alt.needs):
            continue
        live.append((alt, alt.pattern.search(text, pos, end)))
    while pos < end:
        best = -1
        for i, (alt, match) in enumerate(live):
            if match is not None and match.start() < pos:
                match = alt.pattern.search(text, pos, end)
                live[i] = (alt, match)
            if match is not None and (best < 0 or match.start() < _start(live[best][1])):
                best = i
        if best < 0:
            return
        alt, match = live[best]
        assert match is not None
        if match.end() <= match.start():
            raise ValueError(f"alternative {alt.name!r} matched empty text")
        yield alt.name, match
        pos = match.end()


def _start(match: regex.Match[str] | None) -> int:
    return match.start() if match is not None else -1


__all__ = ["Alternative", "leftmost"]
