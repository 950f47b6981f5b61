"""Years: two-digit year resolution, year markers (``'25년``, ``('24)``) and a document's year.

Shared by amounts, periods and projects. Everything here is a pure function.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

import regex

from gongmun.extractors.year_tables import (
    BOILERPLATE_MARKS,
    BUDGET_YEAR_WORDS,
    DATELINE_LABELS,
    NEXT_YEAR_CUES,
    SPAN_AFTER,
)

# Quote marks a two-digit year may carry; the normalizer folds most of them to "'",
# but callers may pass raw text too.
QUOTES: Final = "'‘’`´′＇"

# Four-digit years gongmun accepts as calendar years.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100

# With no document year and nothing in the text, two-digit years are read near this one.
FALLBACK_YEAR: Final = 2025

# A fiscal year's own words: 2023회계연도 (결산), FY2025 / FY'25 (the English mark).
FISCAL_YEAR_AFTER: Final = r"회계\s?연도"
FISCAL_YEAR_BEFORE: Final = r"(?<![A-Za-z])FY\s?"

_MARKER = re.compile(
    rf"""^\s*[(\[]?\s*(?:{FISCAL_YEAR_BEFORE})?(?:
        (?P<four>(?:19|20)\d{{2}})\s*(?:년도?|{FISCAL_YEAR_AFTER})?
      | [{QUOTES}]\s?(?P<two>\d{{2}})\s*(?:년도?)?
      | (?P<bare>\d{{2}})\s*년도?
    )\s*[)\]]?\s*$""",
    re.X,
)

# Dates such as "2025. 5. 30." or "2025.05.30" and years such as "2025년" in running text.
_DATE = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:\s*[.]\s*(?:1[0-2]|0?[1-9])\s*[.]\s*\d{1,2}(?!\d)"
    r"|-(?:1[0-2]|0[1-9])-\d{2}(?!\d)|\s*년\s*(?:1[0-2]|0?[1-9])\s*월\s*\d{1,2}\s*일)"
)
_YEAR_WORD = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*년(?:도)?")
# The article's own date after a dateline label: 입력 2019.01.16, 기사입력 : 2024-03-02.
_DATELINE = re.compile(
    r"(?:"
    + "|".join(DATELINE_LABELS)
    + r")\s*(?:일시)?\s*[:：]?\s*(?P<year>(?:19|20)\d{2})\s*(?:[.\-/년])\s*(?:1[0-2]|0?[1-9])(?!\d)"
)
# A year and month as a plan's cover or a release's head dates it: "2026. 1.", "(2025.
# 2.)", "… 기획재정담당관실  2025. 9."; not a period's side (2025.3.~) nor a full date.
_YEAR_MONTH = regex.compile(
    r"(?<![\d.~])((?:19|20)\d{2})\s?\.\s?(?:1[0-2]|0?[1-9])\s?\.(?!\s*[\d~∼-])"
)
# How many lines at the top of a document may hold its cover date.
_HEAD_LINES = 5
_SPAN_AFTER = regex.compile(r"\s*(?:" + "|".join(regex.escape(w) for w in SPAN_AFTER) + ")")
# A budget year being planned: the noun follows within a few words (2027년 국·도비 목표액).
_BUDGET_AFTER = regex.compile(
    r"\s*(?:[가-힣·・]{1,6}\s+){0,2}(?:"
    + "|".join(regex.escape(w) for w in BUDGET_YEAR_WORDS)
    + ")"
)


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


def year_of_match(m: re.Match[str] | regex.Match[str], ref_year: int | None) -> int:
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
    >>> parse_year_marker("2023회계연도"), parse_year_marker("FY2025"), parse_year_marker("FY'26")
    (2023, 2025, 2026)
    """
    m = _MARKER.match(text)
    if m is None:
        return None
    if m.group("four"):
        return int(m.group("four"))
    two = m.group("two") or m.group("bare")
    return resolve_two_digit(int(two), ref_year)


def infer_doc_year(text: str) -> int | None:
    """A document's own year when metadata gives none.

    In order: the date a news page labels as the article's (``입력 2019.01.16``); else the
    latest-stated dates (``2025. 5. 30.``), as a release states its own date that way; else
    a year and month at the top (a plan's cover, ``2026. 1.``); else a vote of the years it
    names with 년: a year that ends or starts a span (``2030년까지``)
    does not count, and a budget year being planned (``2027년 국·도비``, ``2020년도
    예산안``) votes for the year before it, twice as hard when the text says 내년 or 올해
    대비. Years on copyright and syndication lines never count. Ties go to the later year;
    None when the text names no year.

    >>> infer_doc_year("2025. 4. 9.(수) 보도자료 2024년 실적")
    2025
    >>> infer_doc_year("입력 2019년 01월 16일 2020년 예산"), infer_doc_year("2023-05-02 2024년")
    (2019, 2023)
    >>> infer_doc_year("내년 예산 2477억원. 2020년도 예산안으로 편성, 2014년부터 보급")
    2019
    >>> infer_doc_year("1989년 실적, 1989년 대비 1990년") , infer_doc_year("없음") is None
    (1989, True)
    >>> infer_doc_year("2026년 시행계획\\n2026. 1.  농림부\\n사업기간 : 2025년~2028년 (4년간)")
    2026
    """
    # Lines are split and tested only for the marks the text holds at all (most hold none).
    marks = [mark for mark in BOILERPLATE_MARKS if mark in text]
    if marks:
        body = "\n".join(
            line for line in text.split("\n") if not any(mark in line for mark in marks)
        )
    else:
        body = text
    labelled = [int(m.group("year")) for m in _DATELINE.finditer(body)]
    if labelled:
        return labelled[0]
    dates = [int(m.group(1)) for m in _DATE.finditer(body)]
    dates = [y for y in dates if MIN_YEAR <= y <= MAX_YEAR]
    if dates:
        return Counter(dates).most_common(1)[0][0]
    for line in body.lstrip().split("\n", _HEAD_LINES)[:_HEAD_LINES]:
        # A plan's cover dates it by year and month (2026. 1., (2025. 2.)).
        cover = _YEAR_MONTH.search(line)
        if cover is not None and MIN_YEAR <= int(cover.group(1)) <= MAX_YEAR:
            return int(cover.group(1))
    weight = 2 if any(cue in body for cue in NEXT_YEAR_CUES) else 1
    votes: Counter[int] = Counter()
    for m in _YEAR_WORD.finditer(body):
        year = int(m.group(1))
        after = body[m.end() : m.end() + 16]
        if _SPAN_AFTER.match(after):
            continue
        if _BUDGET_AFTER.match(after):
            votes[year - 1] += weight
        else:
            votes[year] += 1
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]


__all__ = ["infer_doc_year", "parse_year_marker", "resolve_two_digit", "year_of_match"]
