"""Page furniture: page-number lines and running headers/footers repeated on every page.

Each step removes whole lines (with their line break), so the lines around a page break
meet and the joiner can rejoin a sentence that runs on to the next page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from gongmun.offsets import Edit

_PAGE_NUMBER: Final = re.compile(
    r"""^[ \t]*(?:
        [-–—][ \t]*(?:\d{1,4}|[ivxlcIVXLC]{1,6})[ \t]*[-–—]   # - 12 -   – iii –
      | \d{1,4}[ \t]*/[ \t]*\d{1,4}                           # 3 / 40
      | (?:page|Page|PAGE|p\.)[ \t]*\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?
      | 페이지[ \t]*\d{1,4}|\d{1,4}[ \t]*쪽
    )[ \t]*$""",
    re.VERBOSE,
)
# Plain classes only, so the stdlib engine can scan a whole text for these lines (~2x faster).
_PAGE_NUMBER_LINE: Final = re.compile(_PAGE_NUMBER.pattern, re.VERBOSE | re.MULTILINE)
_PAGE_LINE_MAX: Final[int] = 24
# A running header repeats at least this often, each time next to a page break.
_MIN_REPEATS: Final[int] = 3
_NEAR_BREAK: Final[int] = 2


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end including the line break, line) for every line."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        yield pos, min(end + 1, len(text)), line
        pos = end + 1


def drop_page_numbers(text: str) -> list[Edit]:
    """Drop lines that hold only a page number (``- 12 -``, ``3 / 40``).

    >>> drop_page_numbers("끝.\\n- 2 -\\n다음")
    [Edit(start=3, end=9, new='')]
    """
    end = len(text)
    return [
        Edit(a, min(b + 1, end), "") for a, b in _page_number_lines(text) if b - a <= _PAGE_LINE_MAX
    ]


@lru_cache(maxsize=2)
def _page_number_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines of ``text`` that hold only a page number, of any length.

    One scan of the whole text (a match spans its whole line), cached: a text with no page
    number comes to the running-header step unchanged, which would scan it again.
    """
    return tuple(m.span() for m in _PAGE_NUMBER_LINE.finditer(text))


def drop_running_headers(text: str) -> list[Edit]:
    """Drop a line repeated on many pages, each time right next to a page break.

    Page breaks are page-number lines and form feeds; with none, nothing is dropped.

    >>> page = "산업기술혁신계획\\n본문 {}\\n- {} -\\n"
    >>> text = "".join(page.format(i, i) for i in range(1, 5))
    >>> len(drop_running_headers(text))
    4
    """
    if "\f" not in text and not _page_number_lines(text):
        return []
    rows = list(_lines(text))
    breaks = [i for i, (_, _, line) in enumerate(rows) if _PAGE_NUMBER.match(line) or "\f" in line]
    if len(breaks) < _MIN_REPEATS - 1:
        return []
    near: set[int] = set()
    for b in breaks:
        near.update(range(b - _NEAR_BREAK, b + _NEAR_BREAK + 1))
    near.update(range(_NEAR_BREAK))
    places: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, line) in enumerate(rows):
        key = line.strip()
        if len(key) >= 2 and not _PAGE_NUMBER.match(line):
            places[key].append(i)
    # A header sits on most pages, not on a few of them.
    enough = max(_MIN_REPEATS, len(breaks) // 2)
    edits: list[Edit] = []
    for spots in places.values():
        if len(spots) >= enough and all(j in near for j in spots):
            edits.extend(Edit(rows[j][0], rows[j][1], "") for j in spots)
    return edits


__all__ = ["drop_page_numbers", "drop_running_headers"]
