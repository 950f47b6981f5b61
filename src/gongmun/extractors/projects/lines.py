"""Logical lines of normalized text as the project rules see them: where the bullet
markers end, and the top-level parenthesised groups of a line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

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


_ASCII_DIGITS = frozenset("0123456789")


def split_lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        if not raw:
            out.append(Line(pos, end, pos))  # a third of a document's lines are empty
            pos = end + 1
            continue
        head = raw.lstrip(" \t")[:3]
        # A line opening with a Hangul syllable has a marker only as 가. or 가) (most lines
        # open with a word), one opening with a digit only as 1. or 12): the alternation
        # is tried on the others.
        plain = head[:1] and "\uac00" <= head[0] <= "\ud7a3" and head[1:2] not in (".", ")")
        numeral = head[:1] in _ASCII_DIGITS and "." not in head and ")" not in head
        m = None if plain or numeral else MARKER.match(raw)
        out.append(Line(pos, end, pos + (m.end() if m else len(raw) - len(raw.lstrip()))))
        pos = end + 1
    return out


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
