"""Where a sentence starts, looked up from any place in a document.

A figure's year is looked for back to the start of its sentence (its segment): the last
``다.``, ``;``, sentence-closing period or line break before it, where a line break that
only wraps a long PDF line (:func:`wrapped`) ends nothing. The boundaries are found once
per document (:class:`Segments`) and each figure looks its segment up by bisection,
instead of scanning back from the figure: the same answer as :func:`segment_start_scan`,
the simple form kept as the reference, at the cost of one pass over the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# A line break, 다., a period after a syllable or a bracket and before white space, or
# a semicolon: ``regex.compile(r"\n|다\.|(?<=[가-힣)])\.\s|[;]")`` as ``re`` writes it
# to scan fast. Each branch opens with its own literal (the period's look-behind comes
# after it), so the scan skips to those characters instead of trying the look-behind
# at every one; the branches open differently, so their order does not matter. ``re``'s
# \s also takes U+001C..U+001F, which the regex module's does not: they are left out.
SEGMENT_END = re.compile(r"\n|다\.|\.(?<=[가-힣)]\.)(?![\x1c-\x1f])\s|;")
# A PDF line this long that stops mid-sentence was wrapped, not ended.
_WRAP_WIDTH = 40
# A line ending in one of these ends its sentence.
_SENTENCE_CLOSERS = ".:;!?다음함임됨"
_BULLET_OPEN = re.compile(r"[ \t]*(?:[-□■○●◦ㅇ※▶◇◆❍·•*]|\d{1,2}\.\s|[가-하]\.\s|\(\d{1,2}\)|<)")
# A line ending in a year and the particle that makes it the topic or the time of what
# follows (…이 있으며, 2023년은 / 주택기금(6.7조원)…) ends no sentence however short: the
# joiner leaves such a break where it reads the lines as cells (under a unit statement,
# or in OCR'd text), and the year still frames the figures after it.
_YEAR_TOPIC_END = re.compile(r"(?:19|20)\d{2}년도?[은는에도]$")
_YEAR_TOPIC_TAIL = 8
# How far after a line break a bullet opening the next line is looked for.
_BULLET_REACH = 64


def wrapped(text: str, nl: int) -> bool:
    """Whether the line break at ``nl`` only wraps a long prose line (PDF text), so the
    sentence goes on: a long line not ending a sentence (or one ending in ``2023년은``), and
    no bullet opening the next."""
    line_start = text.rfind("\n", 0, nl) + 1
    line = text[line_start:nl].rstrip()
    if not line and line_start > 0:
        # pdfminer puts a blank line after every line: look past one.
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[line_start : max(line_start, nl - 1)].rstrip()
    if _YEAR_TOPIC_END.search(line, max(0, len(line) - _YEAR_TOPIC_TAIL)) is None and (
        len(line) < _WRAP_WIDTH or line[-1] in _SENTENCE_CLOSERS
    ):
        return False
    nxt = nl + 1
    while nxt < len(text) and text[nxt] == "\n":
        nxt += 1
    return _BULLET_OPEN.match(text, nxt, nxt + _BULLET_REACH) is None


def segment_start_scan(text: str, pos: int, floor: int) -> int:
    """Start of the segment holding ``pos``, not before ``floor``: the end of the last
    boundary in ``text[floor:pos]`` (scanned from ``floor``), else ``floor``.

    The reference :meth:`Segments.start` must agree with; it scans the whole window.
    """
    start = floor
    for m in SEGMENT_END.finditer(text, floor, pos):
        if m.group() == "\n" and wrapped(text, m.start()):
            continue
        start = m.end()
    return start


class Segments:
    """The sentence boundaries of one text, found once (see :func:`segment_start_scan`).

    >>> text = "2024년 예산은 늘었다. 올해 100억원"
    >>> s = Segments(text)
    >>> pos = text.index("100")
    >>> text[s.start(pos, 0) :], s.start(pos, 15), s.start(5, 0)
    (' 올해 100억원', 15, 0)
    """

    def __init__(self, text: str) -> None:
        self._text = text
        # Every boundary of a scan from the text's start; whether each ends a segment is
        # decided when first asked (most line breaks are never asked about).
        spans = [m.span() for m in SEGMENT_END.finditer(text)]
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]
        self._closes: list[bool | None] = [None] * len(self._starts)

    def _ends_segment(self, k: int) -> bool:
        """Whether boundary ``k`` ends a segment: all do but a line break that wraps."""
        closes = self._closes[k]
        if closes is None:
            a = self._starts[k]
            closes = not (
                self._ends[k] - a == 1 and self._text[a] == "\n" and wrapped(self._text, a)
            )
            self._closes[k] = closes
        return closes

    def start(self, pos: int, floor: int) -> int:
        """Start of the segment holding ``pos``, not before ``floor``: what
        :func:`segment_start_scan` gives, from the boundaries in ``[floor, pos)`` alone."""
        if pos <= floor:
            return floor
        start = floor
        resume = floor
        k = bisect_right(self._starts, floor - 1) - 1
        if k >= 0 and floor < self._ends[k]:
            # ``floor`` falls inside a two-character boundary (``다.``, ``.\n``) of the
            # scan from the text's start: a scan from ``floor`` reads its second
            # character afresh, and meets the scan from the start one character on.
            m = SEGMENT_END.match(self._text, floor, pos)
            if m is not None:
                if not (m.group() == "\n" and wrapped(self._text, m.start())):
                    start = m.end()
                resume = m.end()
            else:
                resume = floor + 1
        # The last boundary wholly inside [resume, pos) that ends a segment: walked back
        # over the line breaks that only wrap, never past ``resume``.
        k = bisect_right(self._ends, pos) - 1
        while k >= 0 and self._starts[k] >= resume:
            if self._ends_segment(k):
                return self._ends[k]
            k -= 1
        return start


__all__ = ["SEGMENT_END", "Segments", "segment_start_scan", "wrapped"]
