"""Years: two-digit year resolution, year markers (``'25년``, ``('24)``) and a document's year.

Shared by amounts, periods and projects. Everything here is a pure function.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

import regex

# Quote marks a two-digit year may carry; the normalizer folds most of them to "'",
# but callers may pass raw text too.
QUOTES: Final = "'‘’`´′＇"

# Four-digit years gongmun accepts as calendar years.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100

# With no document year and nothing in the text, two-digit years are read near this one.
FALLBACK_YEAR: Final = 2025

_MARKER = regex.compile(
    rf"""^\s*[(\[]?\s*(?:
        (?P<four>(?:19|20)\d{{2}})\s*(?:년도?)?
      | [{QUOTES}]\s?(?P<two>\d{{2}})\s*(?:년도?)?
      | (?P<bare>\d{{2}})\s*년도?
    )\s*[)\]]?\s*$""",
    regex.X,
)

# Dates such as "2025. 5. 30." or "2025.05.30" and years such as "2025년" in running text.
_DATE = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:\s*[.]\s*(?:1[0-2]|0?[1-9])\s*[.]\s*\d{1,2}(?!\d)"
    r"|-(?:1[0-2]|0[1-9])-\d{2}(?!\d)|\s*년\s*(?:1[0-2]|0?[1-9])\s*월\s*\d{1,2}\s*일)"
)
_YEAR_WORD = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*년")


def resolve_two_digit(yy: int, ref_year: int | None) -> int:
    """The year ending in ``yy`` nearest ``ref_year`` (the document's year).

    >>> resolve_two_digit(89, 1989), resolve_two_digit(25, 2025), resolve_two_digit(98, 2024)
    (1989, 2025, 1998)
    >>> resolve_two_digit(1, 1999)
    2001
    """
    ref = ref_year if ref_year is not None else FALLBACK_YEAR
    base = ref - ref % 100 + yy % 100
    best = min((base - 100, base, base + 100), key=lambda y: (abs(y - ref), -y))
    return max(MIN_YEAR, min(MAX_YEAR, best))


def year_of_match(m: regex.Match[str], ref_year: int | None) -> int:
    """The year of a match with a ``four`` (2025) or ``two`` (’25) group."""
    four = m.group("four")
    if four:
        return int(four)
    return resolve_two_digit(int(m.group("two")), ref_year)


def parse_year_marker(text: str, ref_year: int | None = None) -> int | None:
    """The year a marker such as ``’25년``, ``('24)``, ``2025년`` or ``2024년도`` names.

    Two-digit years resolve near ``ref_year``; None when ``text`` is not a year marker.

    >>> parse_year_marker("’25년"), parse_year_marker("('24)"), parse_year_marker("2025년")
    (2025, 2024, 2025)
    >>> parse_year_marker("'89", 1989), parse_year_marker("25개") is None
    (1989, True)
    """
    m = _MARKER.match(text)
    if m is None:
        return None
    if m.group("four"):
        return int(m.group("four"))
    two = m.group("two") or m.group("bare")
    return resolve_two_digit(int(two), ref_year)


def infer_doc_year(text: str) -> int | None:
    """A document's own year when metadata gives none: its latest dated line, else its most
    frequent four-digit year written with 년.

    Dates (``2025. 5. 30.``) win because a release states its own date that way; otherwise
    the year named most often (ties go to the later one). None when the text names no year.

    >>> infer_doc_year("2025. 4. 9.(수) 보도자료 2024년 실적")
    2025
    >>> infer_doc_year("입력 2019년 01월 16일 2020년 예산"), infer_doc_year("2023-05-02 2024년")
    (2019, 2023)
    >>> infer_doc_year("1989년 예산 1989년 요구 1990년") , infer_doc_year("없음") is None
    (1989, True)
    """
    dates = [int(m.group(1)) for m in _DATE.finditer(text)]
    dates = [y for y in dates if MIN_YEAR <= y <= MAX_YEAR]
    if dates:
        return Counter(dates).most_common(1)[0][0]
    years = Counter(int(m.group(1)) for m in _YEAR_WORD.finditer(text))
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


__all__ = ["infer_doc_year", "parse_year_marker", "resolve_two_digit", "year_of_match"]
