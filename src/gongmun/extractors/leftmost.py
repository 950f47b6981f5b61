"""Several patterns searched apart, their matches merged as one alternation would give them.

A regex ``A|B|C`` tries every alternative at every position of the text; most positions
start none of them, and the engine cannot skip ahead by any one alternative's first
characters. Searched apart, each pattern skips to its own candidates, and an alternative
whose required word (``까지``, ``~``) is nowhere in the text is not searched at all.
:func:`leftmost` merges them back: at each step the leftmost match wins, the earliest
alternative on a tie, and the scan goes on from its end — exactly ``finditer`` of the
alternation (``tests/test_leftmost.py`` holds both to the same matches).

An alternative that may start with almost any digit (``3월까지``, ``2016년부터``) but always
holds a required word can be *anchored* on it: given the characters that may come before
the word inside a match (``before``), a match can only start in the run of those
characters just before an occurrence of the word, so only those few positions are tried.

Linear: each pattern's next match is kept and searched again only once the scan has passed
its start, from the scan's position on, so no pattern scans a stretch of text twice; an
anchored pattern tries each position at most once (the runs before successive occurrences
of its word do not overlap).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import regex


@dataclass(frozen=True, slots=True)
class Alternative:
    r"""One alternative of an alternation: its name, its pattern, and words it needs.

    ``needs``: literals of which every match holds at least one (``("까지",)``); when the
    text holds none of them the pattern is not searched. Empty: always searched.

    ``before``: a character class (``r"[\d\s년월]"``) such that in every match only its
    characters come before the first of the ``needs`` words, and no word of ``needs``
    starts with one of them. The pattern is then tried only at the positions of such a run
    ending at an occurrence of a word. None: searched everywhere.

    ``starts``: for an anchored alternative, the characters a match can start with (every
    match's first character is one of them); the other positions of a run are not tried.
    Empty: any.
    """

    name: str
    pattern: regex.Pattern[str]
    needs: tuple[str, ...] = ()
    before: str | None = None
    starts: frozenset[str] = frozenset()
    _run: regex.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _probe: regex.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.before is None:
            return
        if not self.needs:
            raise ValueError(f"{self.name}: an anchored alternative needs its words")
        run = regex.compile(f"{self.before}*", regex.REVERSE)
        if any(run.fullmatch(word[0]) for word in self.needs):
            raise ValueError(f"{self.name}: a needed word starts with a character of before")
        object.__setattr__(self, "_run", run)
        # ``regex`` looks for a pattern's required literal before it tries a ``match``, from
        # the position to the end it is given: at each of many anchors, on a text where the
        # literal is rare, that scan runs to the end of the text (quadratic on many short
        # lines). A branch that can never match leaves the pattern no required literal, so
        # ``match`` tries only where it is asked; the matches are the pattern's own.
        probe = regex.compile(f"(?:{self.pattern.pattern})|(?!x)x", self.pattern.flags)
        object.__setattr__(self, "_probe", probe)


class _Words:
    """The next occurrence of any of some words, as a scan moves forward through a text.

    Each word's next place is kept and looked for again only once the scan passes it, so
    every word is looked for through the text once.
    """

    def __init__(self, words: tuple[str, ...], text: str, pos: int, end: int) -> None:
        self._text, self._end = text, end
        self._next = {w: text.find(w, pos, end) for w in words}

    def first(self, pos: int) -> int:
        """Where the first of the words at or after ``pos`` starts; -1 when none does."""
        best = -1
        for word, at in self._next.items():
            if 0 <= at < pos:
                at = self._text.find(word, pos, self._end)
                self._next[word] = at
            if at >= 0 and (best < 0 or at < best):
                best = at
        return best


class _Search:
    """One alternative's searches through one text, from positions that only grow."""

    def __init__(self, alt: Alternative, text: str, pos: int, end: int) -> None:
        self.alt, self._text, self._end = alt, text, end
        self._words = _Words(alt.needs, text, pos, end) if alt.needs else None

    def hopeless(self, pos: int) -> bool:
        """True when no needed word is left at or after ``pos``."""
        return self._words is not None and self._words.first(pos) < 0

    def next(self, pos: int) -> regex.Match[str] | None:
        """The leftmost match at or after ``pos``, as ``pattern.search`` finds it."""
        text, end, run, probe = self._text, self._end, self.alt._run, self.alt._probe
        starts = self.alt.starts
        if run is None or probe is None or self._words is None:
            return self.alt.pattern.search(text, pos, end)
        while pos < end:
            anchor = self._words.first(pos)
            if anchor < 0:
                return None
            # A match holds the first needed word after its start, and only characters of
            # ``before`` ahead of it: it starts in the run of them that ends at the word.
            stretch = run.match(text, pos, anchor)
            for start in range(stretch.start() if stretch else anchor, anchor + 1):
                if starts and text[start] not in starts:
                    continue
                found = probe.match(text, start, end)
                if found is not None:
                    return found
            pos = anchor + 1
        return None


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
    live: list[tuple[_Search, regex.Match[str] | None]] = []
    for alt in alternatives:
        search = _Search(alt, text, pos, end)
        if not search.hopeless(pos):
            live.append((search, search.next(pos)))
    while pos < end:
        best = -1
        for i, (search, match) in enumerate(live):
            if match is not None and match.start() < pos:
                match = search.next(pos)
                live[i] = (search, match)
            if match is not None and (best < 0 or match.start() < _start(live[best][1])):
                best = i
        if best < 0:
            return
        search, match = live[best]
        assert match is not None
        if match.end() <= match.start():
            raise ValueError(f"alternative {search.alt.name!r} matched empty text")
        yield search.alt.name, match
        pos = match.end()


def _start(match: regex.Match[str] | None) -> int:
    return match.start() if match is not None else -1


__all__ = ["Alternative", "leftmost"]
