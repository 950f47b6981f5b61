"""Logical lines of normalized text as the project rules see them: where the bullet
markers end, and the top-level parenthesised groups of a line.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Bullets and outline markers that open a line; ``-`` and ``*`` only before a space.
MARKER = regex.compile(
    r"""^[ \t]*(?:
        [□■◇◆○ㅇ◦●•▪▸▶Ÿ※△▲▷►➢✓✔]+ |       # symbol bullets
        [-–*]+(?=\s) | \*{1,3} |              # dashes and note stars
        [➊-➓❶-❿①-⑳] |                        # circled numbers
        (?:[0-9]{1,2}|[가-하]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]+)[.)](?=\s) |
        \((?:[0-9]{1,2}|[가-하])\)(?=\s) |     # (1), (가); not a label such as (예산)
        v(?=\s)                               # a symbol-font bullet read as Latin v
    )[ \t]*""",
    regex.X,
)

TABLE_CAPTION = regex.compile(r"^\s*[<〈＜]\s*(?P<cap>[^>〉＞\n]{2,80})[>〉＞]\s*$")

PAGE_LINE = regex.compile(r"^\s*-\s*\d+\s*-\s*$")

BULLET_START = regex.compile(r"^\s*(?:[□■◇◆○ㅇ◦●•▪▸▶<〈]|[➊-➓❶-❿]|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ)")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    body_start: int  # after bullet markers

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]


def split_lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        m = MARKER.match(raw)
        out.append(Line(pos, end, pos + (m.end() if m else len(raw) - len(raw.lstrip()))))
        pos = end + 1
    return out


def paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level ``(…)`` groups in ``text[start:end]`` as (open, close+1) offsets."""
    groups = []
    depth = 0
    open_at = -1
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((open_at, i + 1))
    return groups
