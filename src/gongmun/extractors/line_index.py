"""Where the lines of a text start and end, found once per document.

Several passes read a document line by line (the table units of amounts, the project
rules, the budget frames of a year): they share one index (``Context.lines``) instead of
each splitting the text or scanning it for line breaks again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class LineIndex:
    """The lines of ``text``: line ``k`` is ``text[starts[k] : ends[k]]``, without its
    line break; a text of ``n`` line breaks has ``n + 1`` lines.

    >>> lines = LineIndex("가\\n\\n나다")
    >>> lines.starts, lines.ends, lines.spans()
    ([0, 2, 3], [1, 2, 5], [(0, 1), (2, 2), (3, 5)])
    >>> lines.line_of(4), lines.same_line(0, 1), lines.same_line(1, 3)
    (2, True, False)
    """

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        pos = 0
        for line in text.split("\n"):
            self.starts.append(pos)
            pos += len(line)
            self.ends.append(pos)
            pos += 1

    def spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every line, in order."""
        return list(zip(self.starts, self.ends, strict=True))

    def holding(self, text: str, words: Iterable[str]) -> list[int]:
        """Indices of the lines of ``text`` (the text indexed) holding one of ``words``
        (none holding a line break), in order: each word is looked for through the text
        once, so a pass that reads only such lines never visits the others.

        >>> text = "가\\n(단위: 억원)\\n나 단위"
        >>> LineIndex(text).holding(text, ["단위"])
        [1, 2]
        """
        return sorted({self.line_of(at) for word in words for at in occurrences(text, word)})

    def line_of(self, pos: int) -> int:
        """The index of the line holding offset ``pos`` (a line break ends its line)."""
        return bisect_right(self.starts, pos) - 1

    def same_line(self, a: int, b: int) -> bool:
        """Whether no line break lies in ``[a, b)`` (``a <= b``): both offsets on one line."""
        return bisect_right(self.starts, a) == bisect_right(self.starts, b)


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, overlapping ones too, in order (by ``str.find``).

    >>> occurrences("사업 사업비 사업", "사업")
    [0, 3, 7]
    """
    out = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


__all__ = ["LineIndex", "occurrences"]
