"""What HWP and HWPX files record of their layout: pages, and text that is page furniture.

Neither format stores pages, but Hancom saves each line's vertical position as it laid
the document out (HWP ``PARA_LINE_SEG``, HWPX ``hp:lineseg vertpos``). Down a page the
position grows; where it goes back up, a new page has begun. Sections and explicit page
breaks (HWP break type 0x04, HWPX ``pageBreak="1"``) start pages too. A multi-column
layout would count its columns as pages; government documents are one column.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass


class Furniture(str):
    """Text of a header or footer: written once, after the body, not on every page."""

    __slots__ = ()


class PageMark:
    """Marks, among a reader's blocks, where a new page begins."""

    __slots__ = ()


PAGE = PageMark()


@dataclass(slots=True)
class PageTracker:
    """Follows the top-level paragraphs of a document and says where pages begin.

    >>> pages = PageTracker()
    >>> [pages.starts_page(False, v) for v in ([0, 900], [1800], [0, 900], [1000, 100])]
    [False, False, True, False]
    >>> pages.starts_page(False, [300]), pages.page
    (True, 3)
    """

    page: int = 1
    # Whether the file recorded any layout at all; without it, pages are unknown.
    recorded: bool = False
    _last: int | None = None
    _pending: bool = False
    _seen: bool = False

    def new_section(self) -> None:
        """A section begins: it starts on a new page (when anything came before it)."""
        self._pending = self._seen
        self._last = None

    def starts_page(self, page_break: bool, line_tops: Sequence[int]) -> bool:
        """Whether the next paragraph, with these line positions, begins a new page.

        A page that begins inside a paragraph is counted from the next paragraph on,
        where most of the broken paragraph's text is behind it.
        """
        self.recorded = self.recorded or page_break or bool(line_tops)
        new = self._pending or (page_break and self._seen)
        if line_tops and self._last is not None and line_tops[0] < self._last:
            new = True
        self._pending = any(b < a for a, b in itertools.pairwise(line_tops))
        if line_tops:
            self._last = line_tops[-1]
        elif page_break:
            self._last = None
        self._seen = True
        if new:
            self.page += 1
        return new
