"""Logical lines of normalized text as the project rules see them: where the bullet
markers end, and the top-level parenthesised groups of a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from gongmun.extractors.line_index import LineIndex

# Bullets and outline markers that open a line; ``-`` and ``*`` only before a space.
MARKER = re.compile(
    r"""^[ \t]*(?:
        [□■◇◆○ㅇㅁ◦●•▪▸▶Ÿ※△▲▷►➢✓✔]+ |       # symbol bullets
        [-–*]+(?=\s) | \*{1,3} |              # dashes and note stars
        [➊-➓❶-❿①-⑳] |                        # circled numbers
        (?:[0-9]{1,2}|[가-하]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]+)[.)](?=\s) |
        \((?:[0-9]{1,2}|[가-하])\)(?=\s) |     # (1), (가); not a label such as (예산)
        v(?=\s)                               # a symbol-font bullet read as Latin v
    )[ \t]*""",
    re.X,
)

TABLE_CAPTION = re.compile(r"^\s*[<〈＜]\s*(?P<cap>[^>〉＞\n]{2,80})[>〉＞]\s*$")

PAGE_LINE = re.compile(r"^\s*-\s*\d+\s*-\s*$")

# ㅁ: a □ as plain text or OCR writes it (no word begins with a lone jamo).
BULLET_START = re.compile(r"^\s*(?:[□■◇◆○ㅇㅁ◦●•▪▸▶<〈]|[➊-➓❶-❿]|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ)")


class Line(NamedTuple):
    """A line's span and where its text starts after its bullet markers (a tuple: one is
    made for every line of every document)."""

    start: int
    end: int
    body_start: int  # after bullet markers

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]


# What opens a line whose text does not start at once: its marker (MARKER's alternation)
# or its leading blanks. The look-aheads for a space after a mark must not take the line
# break that ends the line (MARKER reads one line alone, where there is none).
_OPENING_ALT = (
    "(?:"
    + MARKER.pattern.removeprefix("^").replace(r"(?=\s)", r"(?=[^\S\n])")
    + "\n"  # the alternation's last line may hold a comment (re.X)
    + r"|[^\S\n]+)"
)
# Found through the whole text in one pass, each after a line break; the first line's
# at the text's start.
_OPENING = re.compile(r"\n" + _OPENING_ALT, re.X)
_FIRST_OPENING = re.compile(_OPENING_ALT, re.X)

# A Line from (start, end, body_start) without a Python call: one is made for every line.
_make_line: Callable[[tuple[int, int, int]], Line] = partial(tuple.__new__, Line)


def split_lines(text: str, index: LineIndex | None = None) -> list[Line]:
    """The lines of ``text``, each with where its text starts after its bullet markers
    (:data:`MARKER`) or its leading blanks; ``index``: the text's line index, if made.

    >>> [tuple(ln) for ln in split_lines("ㅇ 가\\n나\\n  - 다")]
    [(0, 3, 2), (4, 5, 4), (6, 11, 10)]
    """
    index = index if index is not None else LineIndex(text)
    starts = index.starts
    # Most lines open with their text (a word, a digit) and a third are empty: only the
    # others match, so the lines are read in one pass of the pattern, not one by one.
    bodies = list(starts)
    first = _FIRST_OPENING.match(text)
    if first is not None:
        bodies[0] = first.end()
    line_at = dict(zip(starts, range(len(starts)), strict=True))
    for opening_start, body in map(re.Match.span, _OPENING.finditer(text)):
        bodies[line_at[opening_start + 1]] = body
    return list(map(_make_line, zip(starts, index.ends, bodies, strict=True)))


def paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level ``(…)`` groups in ``text[start:end]`` as (open, close+1) offsets."""
    groups: list[tuple[int, int]] = []
    depth = 0
    open_at = -1
    if text.find("(", start, end) < 0:
        return groups
    for m in PARENS.finditer(text, start, end):  # only the brackets, not every character
        i = m.start()
        if text[i] == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((open_at, i + 1))
    return groups


PARENS = re.compile(r"[()]")
