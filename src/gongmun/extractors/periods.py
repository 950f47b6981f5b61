"""Find periods in normalized text: ``'25~'29``, ``’25.1~9월``, ``'25.6월~``, ``~'25년``,
``2028년까지 4년간``, ``’26~’31(6년)``, ``2007년부터 2011년까지``, ``(2024-2028)``.

A time point is a year (two-digit with a quote mark, or four-digit 19xx/20xx) with maybe a
month, half or quarter; a month alone takes the year of its clause, else the document's.
Single points, lists and bare durations are never periods.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

import regex

from gongmun.extractors.context import Context
from gongmun.extractors.leftmost import Alternative, leftmost
from gongmun.extractors.period_tables import FROM_WORDS, HALVES, QUOTE, RELATIVE_YEARS, TILDE
from gongmun.extractors.sections import body_end
from gongmun.extractors.years import (
    FALLBACK_YEAR,
    FISCAL_YEAR_AFTER,
    FISCAL_YEAR_BEFORE,
    resolve_two_digit,
)
from gongmun.models import Period, TimePoint

_YEAR_WORD = re.compile(rf"^\s*(?:년도?|{FISCAL_YEAR_AFTER})")

_MONTH = r"(?:1[0-2]|0?[1-9])"
_REL = "|".join(sorted(RELATIVE_YEARS, key=len, reverse=True))
_FROM = "|".join(sorted(FROM_WORDS, key=len, reverse=True))
# A year: '25, ‘25년, 2025년, 2024년도 (two-digit years need a quote mark), and a fiscal
# year in its own words, as 결산 and English-labelled sheets write it: 2023회계연도, FY2025.
_Y = rf"""(?:{FISCAL_YEAR_BEFORE})?
    (?:(?<![\d.,])(?:19|20)\d{{2}}(?!\d)|{QUOTE}\s?\d{{2}}(?!\d))
    (?:\s*년도?|\s*{FISCAL_YEAR_AFTER})?"""
# What may follow a year inside one point: .6월, .6, ,2월, .下, 3월, 상반기, 1분기.
# A day after a month is read past (the schema holds months): 2025. 3. 1. ~ 2025. 12. 31.
_WEEKDAY = r"(?:\s*\([월화수목금토일]\))?"
_DAY = rf"""(?:
    \s*[.]\s*(?:3[01]|[12]\d|0?[1-9])(?!\d)\s*[.]?{_WEEKDAY}
  | \s*(?:3[01]|[12]\d|0?[1-9])\s*일{_WEEKDAY}
)?"""
_SUB = rf"""(?:
    \s*[.]\s*(?:[1-4]\s*분기|{_MONTH}(?!\d)(?:\s*월)?{_DAY}|上|下|상반기|하반기)
  | \s*,\s*(?:{_MONTH}\s*월|上|下|상반기|하반기)
  | [ \t\u0007]*(?:{_MONTH}\s*월{_DAY}|상반기|하반기|[1-4]\s*분기)
)?"""
# A point never runs on into a day or a time (2025. 5. 30, 22:25).
_GUARD = r"(?![\d]|\s*[.]\s*\d|\s*:\s*\d|\s*일)"
_POINT = rf"(?:{_Y}{_SUB}){_GUARD}"
# The end of a range may drop its year: ’25.4~12월, ’25.4월~12월, '25.上~下.
_END_SHORT = rf"(?:{_MONTH}\s*월|상반기|하반기|上|下|[1-4]\s*분기){_GUARD}"
# After a range ending in a figure, what would make it a figure of a unit; a range that
# ends in its own word (8월, 2029년, 1분기) is whole whatever follows (8월 Nokia의).
_NOT_UNIT = r"(?:(?<=[월년도기上下])|(?!\s*(?:[만억원명개%천백조]|[A-Za-z])))"
# After a range written without quote marks: what would make it a count, an age or a time.
_NOT_COUNT = r"(?!\s*(?:[만억원명개%천백조세시분초일회층호번위점도대건배장쪽권]|[A-Za-z]))"
# Years written without quote marks are read only this close to the document's year.
_BARE_WINDOW = 10
# The longest run a dashed year pair may name (a longer one is a span of history).
_DASH_SPAN = 30
_SEP = rf"[ \t\u0007]*[.]?[ \t\u0007]*{TILDE}[ \t\u0007]*"
_DURATION = r"(?:[ \t]*\(\s*(?P<dur>\d{1,2})\s*년(?:간)?\s*\))?"
# A run time written before a range (향후 5년간(2026~2030), 5개년 '25~'29): how far back
# it is looked for, and its shape, ending where the range starts.
_LEAD_REACH = 12
_LEAD_DURATION = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,2})\s*(?:개년|년간|년(?=\s*[(\[]))\s*[(\[]?[ \t]*$"
)

# The alternatives of a period, and the words every match of each holds (one at least).
# Searched apart and merged leftmost-first (:mod:`..leftmost`), they find what their
# alternation (:func:`_reference`) finds at a fraction of its cost.
_TILDES = tuple(TILDE[1:-1])  # the marks of the class [~∼～〜]
_KINDS: Final[dict[str, str]] = {
    "range": rf"""
    (?P<range>(?P<a>{_POINT}){_SEP}(?P<b>{_POINT}|{_END_SHORT}){_NOT_UNIT}{_DURATION})""",
    "bare": rf"""
    (?P<bare>(?:(?P<bq>{QUOTE}\s?)|(?<![\d.,:'‘’`]))(?P<ba>\d{{2}})(?!\d)(?:\s*년)?{_SEP}
        (?:{QUOTE}\s?)?(?P<bb>\d{{2}})(?!\d)(?P<bn>\s*년)?{_NOT_COUNT}(?![\d.:~]))""",
    "fromto": rf"""
    (?P<fromto>(?P<fa>{_POINT}|(?:{_REL})(?:[ \t]*{_MONTH}\s*월)?)[ \t\u0007]*부터[ \t\u0007]+
        (?P<fb>{_POINT}|{_END_SHORT})[ \t\u0007]*까지(?:[ \t]*(?P<fdur>\d{{1,2}})\s*년간)?)""",
    "open_end": rf"""
    (?P<open_end>(?P<oa>{_POINT}){_SEP}(?![ \t]*[\d'‘’`]))""",
    "open_start": rf"""
    (?P<open_start>(?<![\d월년上下'‘’`][ \t]*){TILDE}[ \t\u0007]*(?P<ob>{_POINT}|{_END_SHORT}))""",
    "until": rf"""
    (?P<until>(?P<ua>{_POINT}|(?:{_REL})|(?<![\d.]){_MONTH}\s*월)[ \t\u0007]*\n?[ \t\u0007]*까지
        (?:[ \t]*(?P<udur>\d{{1,2}})\s*년간)?)""",
    "since": rf"""
    (?P<since>(?P<sa>{_POINT}|(?:{_REL})(?:[ \t]*{_MONTH}\s*월)?|(?<![\d.]){_MONTH}\s*월)
        [ \t\u0007]*(?:{_FROM})(?:[ \t]*(?P<sdur>\d{{1,2}})\s*년간)?)""",
    "dash": rf"""
    (?P<dash>(?<![\d\-–./:,])(?P<da>(?:19|20)\d{{2}}|{QUOTE}\s?\d{{2}})(?!\d)[ \t]?[-–][ \t]?
        (?P<db>(?:19|20)\d{{2}}|{QUOTE}\s?\d{{2}})(?!\d|[-–./:]\d)(?P<dn>[ \t]*년도?)?)""",
    "months": rf"""
    (?P<months>(?<![\d.'‘’`~])(?P<ma>{_MONTH})(?:\s*월)?{_SEP}(?P<mb>{_MONTH})\s*월{_GUARD})""",
}
# The alternatives with both sides stated, which a run time written before may qualify.
_LEAD_KINDS: Final = frozenset({"range", "bare", "fromto", "dash"})
_NEEDS: Final[dict[str, tuple[str, ...]]] = {
    "range": _TILDES,
    "bare": _TILDES,
    "fromto": ("부터",),
    "open_end": _TILDES,
    "open_start": _TILDES,
    "until": ("까지",),
    "since": FROM_WORDS,
    "dash": ("-", "–"),
    "months": _TILDES,
}
# Every character a time point, a relative year or a month may hold (the text of `_POINT`,
# `_REL`, `_MONTH` and the spaces after them): what comes before the word that ends an
# `until` or `since` match, or the tilde of a `months` one. Those alternatives are tried
# only in runs of these characters just before their word (:class:`..leftmost.Alternative`).
_REL_CHARS = "".join(sorted(set("".join(RELATIVE_YEARS))))
_POINT_CHARS = rf"[\s\d\u0007.,(){QUOTE[1:-1]}년도월일화수목금토분기上下상반하회계연FY{_REL_CHARS}]"
_MONTH_CHARS = r"[\s\d\u0007.월]"
# A dashed pair's first year is digits, maybe after a quote mark and a space: a dash is
# tried only after such a run, not after every word that a bullet's dash follows.
_DASH_CHARS = rf"[\s\d{QUOTE[1:-1]}]"
_BEFORE: Final[dict[str, str]] = {
    # A range's first point (or a bare year pair's, or an open end's) stands before its
    # tilde, and a from-to's first point before its 부터.
    "range": _POINT_CHARS,
    "bare": _POINT_CHARS,
    "fromto": _POINT_CHARS,
    "open_end": _POINT_CHARS,
    "until": _POINT_CHARS,
    "since": _POINT_CHARS,
    "dash": _DASH_CHARS,
    "months": _MONTH_CHARS,
}
# The characters each anchored alternative's match opens with: a year's first digit (19xx,
# 20xx) or its quote mark, a relative year's first syllable, a month's or a bare year's
# digit. A run before a tilde is tried only at them, not at its spaces, brackets or 년.
_YEAR_FIRST = frozenset("12F" + QUOTE[1:-1])
_REL_FIRST = frozenset(w[0] for w in RELATIVE_YEARS)
_DIGITS = frozenset("0123456789")
_STARTS: Final[dict[str, frozenset[str]]] = {
    "range": _YEAR_FIRST,
    "bare": _DIGITS | frozenset(QUOTE[1:-1]),
    "fromto": _YEAR_FIRST | _REL_FIRST,
    "open_end": _YEAR_FIRST,
    "until": _YEAR_FIRST | _REL_FIRST | _DIGITS,
    "since": _YEAR_FIRST | _REL_FIRST | _DIGITS,
    "dash": _YEAR_FIRST,
    "months": _DIGITS,
}
_ALTERNATIVES = tuple(
    Alternative(
        name,
        regex.compile(src, regex.X),
        _NEEDS[name],
        _BEFORE.get(name),
        _STARTS.get(name, frozenset()),
    )
    for name, src in _KINDS.items()
)


@cache
def _reference() -> regex.Pattern[str]:
    """The same alternatives as one regex: the simple form, kept as the reference the
    tests hold the fast scan to. Compiled on first use, not at import: it is the costliest
    pattern of the package to compile (about 35 ms) and no extraction reads it."""
    return regex.compile("|".join(_KINDS.values()), regex.X)


_YEAR_IN = re.compile(rf"(?:(?P<four>(?:19|20)\d{{2}})(?!\d)|{QUOTE}\s?(?P<two>\d{{2}})(?!\d))")
_REL_IN = re.compile(_REL)
_MONTH_IN = re.compile(rf"^[\s\u0007]*[.,]?\s*(?P<m>{_MONTH})(?!\d)")
_HALF_IN = re.compile(r"上|下|상반기|하반기")
_QUARTER_IN = re.compile(r"([1-4])\s*분기")
# A year in the same clause gives a month its year.
_CLAUSE_YEAR = re.compile(
    rf"(?:(?<![\d.,])(?P<four>(?:19|20)\d{{2}})\s*년|{QUOTE}\s?(?P<two>\d{{2}})(?!\d))"
)
_CLAUSE_END = re.compile(r"\n|다\.|\.\s")
# The same, searched from the end: the last year or clause end before a point is one
# search, not a walk over every one before it (a crowded line has dozens).
_LAST_CLAUSE_YEAR = regex.compile(_CLAUSE_YEAR.pattern, regex.REVERSE)
_LAST_CLAUSE_END = regex.compile(_CLAUSE_END.pattern, regex.REVERSE)


@dataclass(frozen=True, slots=True)
class _Point:
    year: int | None
    month: int | None = None
    half: int | None = None
    quarter: int | None = None

    def model(self) -> TimePoint | None:
        if self.year is None and self.month is None and self.half is None and self.quarter is None:
            return None
        return TimePoint(year=self.year, month=self.month, half=self.half, quarter=self.quarter)


def _parse_point(s: str, doc_year: int | None, default_year: int | None) -> _Point:
    """Year, month, half or quarter of one side's text; a side without a year takes
    ``default_year``."""
    year: int | None = None
    y = _YEAR_IN.search(s)
    rest = s
    if y:
        year = (
            int(y.group("four"))
            if y.group("four")
            else resolve_two_digit(int(y.group("two")), doc_year)
        )
        rest = s[y.end() :]
    else:
        r = _REL_IN.search(s)
        if r and doc_year is not None:
            year = doc_year + RELATIVE_YEARS[r.group()]
            rest = s[r.end() :]
        else:
            year = default_year
    rest = _YEAR_WORD.sub("", rest)
    h = _HALF_IN.search(rest)
    if h:
        return _Point(year, half=HALVES[h.group()])
    q = _QUARTER_IN.search(rest)
    if q:
        return _Point(year, quarter=int(q.group(1)))
    m = _MONTH_IN.search(rest)
    if m:
        return _Point(year, month=int(m.group("m")))
    return _Point(year)


def _clause_year(text: str, pos: int, doc_year: int | None) -> int | None:
    """The last year named in the clause before ``pos``, else the document's year."""
    floor = max(0, pos - 300)
    end = _LAST_CLAUSE_END.search(text, floor, pos)
    start = end.end() if end is not None else floor
    last = _LAST_CLAUSE_YEAR.search(text, start, pos)
    if last is None:
        return doc_year
    four = last.group("four")
    return int(four) if four else resolve_two_digit(int(last.group("two")), doc_year)


def _sides(
    kind: str, m: regex.Match[str], text: str, doc_year: int | None
) -> tuple[_Point | None, _Point | None, int | None]:
    """Start, end and stated duration of a match of the alternative ``kind``."""
    clause = _clause_year(text, m.start(), doc_year)
    if kind == "range":
        a = _parse_point(m.group("a"), doc_year, clause)
        b = _parse_point(m.group("b"), doc_year, a.year)
        dur = int(m.group("dur")) if m.group("dur") else None
        return a, b, dur
    if kind == "bare":
        return _bare_sides(m, text, doc_year)
    if kind == "dash":
        return _dash_sides(m, text, doc_year)
    if kind == "fromto":
        a = _parse_point(m.group("fa"), doc_year, clause)
        b = _parse_point(m.group("fb"), doc_year, a.year)
        return a, b, int(m.group("fdur")) if m.group("fdur") else None
    if kind == "open_end":
        return _parse_point(m.group("oa"), doc_year, clause), None, None
    if kind == "open_start":
        return None, _parse_point(m.group("ob"), doc_year, clause), None
    if kind == "until":
        b = _parse_point(m.group("ua"), doc_year, clause)
        if m.group("udur") and b.year is not None and b.month is None and b.half is None:
            n = int(m.group("udur"))
            return _Point(b.year - n + 1), b, n
        return None, b, None
    if kind == "since":
        a = _parse_point(m.group("sa"), doc_year, clause)
        if m.group("sdur") and a.year is not None and a.month is None and a.half is None:
            n = int(m.group("sdur"))
            return a, _Point(a.year + n - 1), n
        return a, None, None
    a = _Point(clause, month=int(m.group("ma")))
    return a, _Point(clause, month=int(m.group("mb"))), None


def _bare_sides(
    m: regex.Match[str], text: str, doc_year: int | None
) -> tuple[_Point | None, _Point | None, int | None]:
    """``24~28년``, ``'25~29``, ``(24~28)``: years with a quote mark missing, read only
    when something marks them as years and they lie near the document's year."""
    in_parens = text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
    if not (m.group("bn") or m.group("bq") or in_parens):
        return None, None, None
    ref = doc_year if doc_year is not None else FALLBACK_YEAR
    years = [resolve_two_digit(int(m.group(g)), doc_year) for g in ("ba", "bb")]
    if any(abs(y - ref) > _BARE_WINDOW for y in years):
        return None, None, None
    return _Point(years[0]), _Point(years[1]), None


def _dash_sides(
    m: regex.Match[str], text: str, doc_year: int | None
) -> tuple[_Point | None, _Point | None, int | None]:
    """``(2024-2028)``, ``2024–2028년``, ``'24-'28``: a year pair with a dash is a period
    only where nothing else a dash joins (a code, a phone number, a score) could be: in
    parentheses alone, before 년, or with both years quoted."""
    in_parens = text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
    quoted = not m.group("da")[:1].isdigit() and not m.group("db")[:1].isdigit()
    if not (in_parens or m.group("dn") or quoted):
        return None, None, None
    a = _parse_point(m.group("da"), doc_year, None)
    b = _parse_point(m.group("db"), doc_year, None)
    if a.year is None or b.year is None or not 0 < b.year - a.year <= _DASH_SPAN:
        return None, None, None
    return a, b, None


def _lead_duration(text: str, start: int, a: _Point | None, b: _Point | None) -> int | None:
    """The run time stated just before a range, as a lead-in: ``향후 5년간(2026~2030)``,
    ``5개년('25~'29)``; read only when it agrees with the range's own years, since a
    count before a bracket (``3년(2024~2026)``) may name something else."""
    if a is None or b is None or a.year is None or b.year is None:
        return None
    m = _LEAD_DURATION.search(text, max(0, start - _LEAD_REACH), start)
    if m is None:
        return None
    n, years = int(m.group("n")), b.year - a.year
    with_months = a.month is not None or b.month is not None
    return n if n == years + 1 or (with_months and n == years) else None


def _plausible(a: _Point | None, b: _Point | None) -> bool:
    """A range runs forward and a side's year is a calendar year."""
    for p in (a, b):
        if p is not None and p.year is not None and not 1900 <= p.year <= 2100:
            return False
    if a is not None and b is not None and a.year is not None and b.year is not None:
        if b.year < a.year:
            return False
        if b.year == a.year and a.month is not None and b.month is not None:
            return b.month >= a.month
        if a.year == b.year and a.month is None and b.month is None and a.half is None:
            return b.half is not None or b.quarter is not None
    return True


def period_matches(text: str, end: int) -> Iterator[tuple[str, regex.Match[str]]]:
    """``(kind, match)`` of each period-shaped stretch of ``text[:end]``, in text order.

    >>> [(k, m.group()) for k, m in period_matches("'25~'29, 2028년까지", 99)]
    [('range', "'25~'29"), ('until', '2028년까지')]
    """
    return leftmost(_ALTERNATIVES, text, 0, end)


def reference_matches(text: str, end: int) -> Iterator[tuple[str, regex.Match[str]]]:
    """What :func:`period_matches` finds, by the one alternation regex (slow; for tests)."""
    for m in _reference().finditer(text, 0, end):
        yield next(kind for kind in _KINDS if m.group(kind) is not None), m


def find_periods(ctx: Context) -> list[Period]:
    """Return the periods of the document, in text order.

    >>> from gongmun.normalize import normalize
    >>> ctx = Context(norm=normalize("(‘25~’29, ’25.1~9월) 2028년까지 4년간"), doc_year=2025)
    >>> [(p.text, p.start and p.start.year, p.end and p.end.month) for p in find_periods(ctx)]
    [("'25~'29", 2025, None), ("'25.1~9월", 2025, 9), ('2028년까지 4년간', 2025, None)]
    """
    text = ctx.text
    doc_year = ctx.doc_year if ctx.doc_year is not None else ctx.inferred_year
    out: list[Period] = []
    for kind, m in period_matches(text, body_end(text)):
        a, b, dur = _sides(kind, m, text, doc_year)
        if not _plausible(a, b):
            continue
        if dur is None and kind in _LEAD_KINDS:
            dur = _lead_duration(text, m.start(), a, b)
        start = a.model() if a else None
        end = b.model() if b else None
        if start is None and end is None:
            continue
        s, e = m.span()
        while e > s and text[e - 1] in " \t\n\u0007":
            e -= 1
        loc = ctx.locate(s, e)
        out.append(
            Period(
                text=text[s:e],
                start=start,
                end=end,
                duration_years=dur if dur and 1 <= dur <= 100 else None,
                span=loc.span,
                raw_span=loc.raw_span,
                page=loc.page,
            )
        )
    return out


__all__ = ["find_periods", "period_matches", "reference_matches"]
