"""The role of one amount in its clause: a year's figure, the total, a funding share, or
neither (a change, a threshold, a cap per item).

Each role is decided from the words around the amount, not from which rule found it:

- ``5억원(총사업비 120억원)``: 5억 is the year's figure, 120억 the total;
- ``총사업비``, ``총 N억원``, ``모두 N억원``, ``N년간 N억원``, ``N억원 규모로`` are totals;
  ``’25년 N억원``, ``올해 N억원`` (the document's year) are yearly figures;
- ``전년 대비 N억원 증액``, ``N억원 늘어난``: a change, neither yearly nor total;
- ``N억원 이상``, ``과제당 N억원``, ``한도``: a threshold or cap, neither;
- ``누적 N억원``, ``지금까지 총 N억원``: a sum to date, neither;
- ``국비 M억원``, ``N억원 중 지방비 K억원``: a funding share.
"""

from __future__ import annotations

import re
from typing import Final, Literal

import regex

from gongmun.extractors.projects.figures import Draft, Figures
from gongmun.extractors.projects.words import (
    CHANGE_BEFORE,
    CHANGE_WORDS,
    CUMULATIVE_WORDS,
    FUNDING_SOURCES,
    NOT_TOTAL_QUALIFIERS,
    TOTAL_MARKS,
)
from gongmun.models import Amount, FundingShare

Role = Literal["annual", "total", "funding", "none"]

# "국비 12억원", "정부 출자 500억원", "지방비 부담 : 30억원".
_FUNDING_RE = regex.compile(
    r"(?P<src>" + "|".join(regex.escape(w) for w in FUNDING_SOURCES) + r")"
    r"(?:\s*(?:출자|출연|부담|지원))?\s*(?:[:：]\s*)?$"
)
_CHANGE_AFTER = regex.compile(
    r"\s*(?:이|가|을|를|이나|가량|정도|씩)?\s*(?:"
    + "|".join(regex.escape(w) for w in CHANGE_WORDS)
    + r")"
)
_CHANGE_BEFORE = regex.compile(
    r"(?:" + "|".join(regex.escape(w) for w in CHANGE_BEFORE) + r")\s*(?:약\s*)?$"
)
_TOTAL_BEFORE = regex.compile(
    r"(?:(?:"
    + "|".join(regex.escape(w) for w in TOTAL_MARKS)
    + r")\s*[:：]?|\d+\s*년간|\d+\s*개년|총|(?<![\p{Hangul}])모두)\s*(?:약\s*)?$"
)
# "누적 90억원", "지금까지 총 90억원", "누적 투자액 90억원": a sum to date.
_CUMULATIVE_BEFORE = regex.compile(
    r"(?<![\p{Hangul}])(?:" + "|".join(regex.escape(w) for w in CUMULATIVE_WORDS) + r")[^\d]{0,10}$"
)
# "(’24년 대비 +300억원)", "(전년比 10억원↑)": a signed figure or one with an arrow is a
# change against another year.
# "40억 + 25.5억" is a sum of two figures: a sign after a figure is no change mark.
_SIGNED_BEFORE = regex.compile(r"(?<![\d억원만조천백]\s{0,2})[+＋↑↓]\s*$")
_ARROW_AFTER = re.compile(r"\s*[↑↓]")
# "5억원(총사업비 120억원)": the amount before a total in parentheses is the year's.
_TOTAL_IN_PARENS_AFTER = regex.compile(
    r"\s*\(\s*(?:" + "|".join(regex.escape(w) for w in TOTAL_MARKS) + r"|총)"
)

# "3조7000억원 규모의 NAME": the amount is the size of the whole project.
_SIZE_OF = re.compile(r"\s*(?:규모|사업비)(?:의|인|로|로서|이다|다)?(?:\s|[.,]|$)")

# How many characters before an amount its role words may sit.
_REACH: Final = 14
# How far after an amount the words that follow it are looked for: a match is given an
# end, as the regex module looks for a pattern's literal up to the end it is given.
_AFTER: Final = 64

# "1조원 규모 이상의", "1조원 이상의": a bar to clear, not a budget.
_THRESHOLD_AFTER = re.compile(r"\s*(?:규모\s*)?(?:이상|초과|미만|이하)(?:의|인|을|를|이|가|\s|$)")

# "증가한 사업에는 A(1조원), B(…)", "순융자를 가진 기금으로는 A(10.1조원)": the figures of
# a list whose head says what they measure — a change or a net flow, not a budget.
_CHANGE_LIST = re.compile(
    r"(?:증가|감소|축소|증액|감액|늘어난|줄어든|늘린|줄인)[^.\n]{0,12}?"
    r"(?:사업|기금|부처|분야|과제|기관)(?:에는|으로는|로는|은|는)\s(?:(?![.。]\s)[\s\S]){0,180}$"
)
_NET_LIST = re.compile(
    r"(?:순융자|순증|순지출|잔액)[^.\n]{0,16}?(?:사업|기금|부처|분야|과제|기관)(?:에는|으로는|로는|은|는)\s(?:(?![.。]\s)[\s\S]){0,180}$"
)
# How far back a list's head may be.
_LIST_REACH: Final = 220


def _line_end(text: str, at: int) -> int:
    """Where the words after a figure ending at ``at`` end: its line's end, within
    :data:`_AFTER` characters."""
    end = text.find("\n", at, at + _AFTER)
    return at + _AFTER if end < 0 else end


def bound_of(a: Amount, text: str) -> bool:
    """Whether ``a`` is a change, threshold or cap: a figure that gives no project a
    budget (``전년 대비 20억원 증액``, ``1조원 이상의``, ``과제당 10억원``)."""
    before = text[max(0, a.span.start - _REACH) : a.span.start]
    near = before.split("\n")[-1].split("(")[-1].split(",")[-1]
    if a.qualifier in NOT_TOTAL_QUALIFIERS or a.per or a.decrease:
        return True
    # The words that bound a figure follow it on its line: the next line is another
    # cell of a table or another paragraph (이상의 사업은 … under a table's last figure).
    after = _line_end(text, a.span.end)
    if _CHANGE_AFTER.match(text, a.span.end, after) or _CHANGE_BEFORE.search(near):
        return True
    if _SIGNED_BEFORE.search(near) or _ARROW_AFTER.match(text, a.span.end, after):
        return True
    if _THRESHOLD_AFTER.match(text, a.span.end, after):
        return True
    return bool(_CHANGE_LIST.search(text, max(0, a.span.start - _LIST_REACH), a.span.start))


def role_of(a: Amount, text: str, figures: Figures | None = None) -> tuple[Role, int | None]:
    """The role of ``a`` and, for a year's figure, its year.

    >>> from gongmun.models import Amount, Span
    >>> t = "전년 대비 30억원 증액"
    >>> span = Span(start=6, end=10)
    >>> a = Amount(text="30억원", value_krw=3_000_000_000, span=span, raw_span=None)
    >>> role_of(a, t)
    ('none', None)
    """
    before = text[max(0, a.span.start - _REACH) : a.span.start]
    # Only the words of this clause part: after the last "(" or "," before the amount.
    near = before.split("\n")[-1].split("(")[-1].split(",")[-1]
    if _FUNDING_RE.search(near.rstrip(" ")):
        return "funding", None
    if bound_of(a, text):
        return "none", None
    if _NET_LIST.search(text, max(0, a.span.start - _LIST_REACH), a.span.start):
        return "none", None
    if _CUMULATIVE_BEFORE.search(near):
        return "none", None
    total_marked = (
        a.qualifier == "총"
        or bool(_TOTAL_BEFORE.search(near))
        or bool(_SIZE_OF.match(text, a.span.end, a.span.end + _AFTER))
    )
    if a.year is not None:
        return "annual", a.year
    if total_marked:
        return "total", None
    year = figures.frame_year(a) if figures is not None else None
    if (
        year is None
        and _TOTAL_IN_PARENS_AFTER.match(text, a.span.end, a.span.end + _AFTER)
        and figures is not None
    ):
        year = figures.doc_year
    if year is not None:
        return "annual", year
    if figures is not None and figures.running_in_clause(a):
        # "3년차를 맞은 … 사업에 800억원", "연간 40억원": a year's figure, year unstated.
        return "none", None
    return "total", None


def assign_amount(draft: Draft, a: Amount, text: str, figures: Figures | None = None) -> None:
    """Put ``a`` where its role says on ``draft``: annual, total or funding (or nowhere)."""
    role, year = role_of(a, text, figures)
    draft.claimed += 1
    if role == "none" and bound_of(a, text):
        draft.bounded += 1
    if role == "funding":
        draft.funding.append(FundingShare(source=funding_source(a, text), amount=a))
        return
    if role == "none":
        return
    if role == "annual" and year is not None:
        draft.annual.setdefault(year, a)
        if (
            a.qualifier == "총"
            and a.year is not None
            and draft.total is None
            and _named_year(draft, year)
        ):
            # "총 3조 2,940억원 규모의 2025년 … 공고": the whole budget of a programme
            # named by its one year; "2022년 기후대응기금은 총 2.4조원" is that year's only.
            draft.total = a
        return
    if draft.total is None:
        draft.total = a
        draft.total_bare = not _marked_total(a, text)
    elif draft.total_bare and _marked_total(a, text):
        # "NAME에 1,500억원(’26~’30, 총 7,500억원)": the sum marked whole is the total; the
        # bare one before it is a year's, kept as the year the sentence frames if it does.
        bare = draft.total
        draft.total, draft.total_bare = a, False
        year = figures.frame_year(bare) if figures is not None else None
        if year is not None:
            draft.annual.setdefault(year, bare)


def funding_source(a: Amount, text: str) -> str:
    """Who pays ``a`` when it is a funding share: ``국비 12억원`` -> ``국비``."""
    near = text[max(0, a.span.start - _REACH) : a.span.start].split("(")[-1].split(",")[-1]
    m = _FUNDING_RE.search(near.rstrip(" "))
    return m["src"] if m else "?"


def marked_total(a: Amount, text: str) -> bool:
    """Whether words mark ``a`` as a whole budget: ``총``, ``총사업비``, ``4년간``, ``규모의``."""
    return _marked_total(a, text)


def _marked_total(a: Amount, text: str) -> bool:
    near = text[max(0, a.span.start - _REACH) : a.span.start].split("\n")[-1]
    near = near.split("(")[-1].split(",")[-1]
    return (
        a.qualifier == "총"
        or bool(_TOTAL_BEFORE.search(near))
        or bool(_SIZE_OF.match(text, a.span.end, a.span.end + _AFTER))
    )


def _named_year(draft: Draft, year: int) -> bool:
    """Whether the year is part of the project's name: ``2025년 … 통합공고``."""
    return f"{year}년" in draft.name or f"{year % 100:02d}년" in draft.name
