"""One place that resolves overlaps: mentions of one project merge, figures of the
surest rule first, and each draft becomes a :class:`~gongmun.models.Project`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gongmun.extractors.context import Context
from gongmun.extractors.projects.figures import Draft
from gongmun.extractors.projects.names import name_key
from gongmun.models import AnnualAmount, Project

_CAPITAL_HEADS = ("펀드", "기금")


def fiscal_levels(drafts: list[Draft], fiscal_year: int | None) -> None:
    """In a document about one year's budget (``2025년 … 통합공고``, ``2020년도 예산``), a
    project's bare figure with no run time and no yearly figures is that year's figure,
    not a total: ``창업성장기술개발 사업으로 5960억원``."""
    if fiscal_year is None:
        return
    for d in drafts:
        if d.name.endswith(_CAPITAL_HEADS):
            continue  # a fund's figure is its size, not a year's budget
        if d.total is not None and d.total_bare and d.period is None and not d.annual:
            d.annual[fiscal_year] = d.total
            d.total = None


# A year written right before a programme's name: "2026년 스마트공장 … 지원사업".
_YEAR_BEFORE_NAME = re.compile(r"(?:(?P<y4>(?:19|20)\d{2})|['’‘](?P<y2>\d{2}))년도?\s*$")


def one_year_editions(drafts: list[Draft], fiscal_year: int | None, text: str) -> None:
    """A programme named by the one year the document is about (``2026년 스마트공장 …
    지원사업`` in a 2026 notice) is that year's edition: its whole budget (``총 1,230억원``)
    is also that year's figure. Not for a programme with a run time or yearly figures of
    its own, nor one named by another year."""
    if fiscal_year is None:
        return
    for d in drafts:
        if d.total is None or d.period is not None or d.annual:
            continue
        m = _YEAR_BEFORE_NAME.search(text, max(0, d.start - 8), d.start)
        if m is None:
            continue
        year = int(m["y4"]) if m["y4"] else 2000 + int(m["y2"])
        if year == fiscal_year:
            d.annual[year] = d.total


def merge(drafts: list[Draft], surety: Callable[[Draft], tuple[int, ...]]) -> list[Draft]:
    """Merge drafts naming one project: the name and place of the first mention, the
    figures of the surest mention (lowest ``surety``, see :mod:`.resolve`), then what the
    others add.
    """
    by_key: dict[str, Draft] = {}
    for d in sorted(drafts, key=surety):
        key = merge_key(d.name)
        if not key:
            continue
        kept = by_key.get(key)
        if kept is None:
            by_key[key] = d
            continue
        if kept.period is None:
            kept.period = d.period
        if kept.total is None:
            kept.total, kept.total_bare = d.total, d.total_bare
        for year, a in d.annual.items():
            kept.annual.setdefault(year, a)
        kept.funding.extend(d.funding)
        kept.group = kept.group or d.group
        kept.claimed += d.claimed
        kept.bounded += d.bounded
    for d in drafts:
        # Name and place of the first mention, figures of the surest.
        kept = by_key.get(merge_key(d.name))
        if kept is not None and d.start < kept.start:
            kept.name, kept.start, kept.end = d.name, d.start, d.end
    # A name whose every figure is a change, threshold or cap (증가한 사업에는 A(1조원),
    # B 사업이 1조원 이상의 규모) is not given a budget: it is not a project.
    merged = [d for d in by_key.values() if not _only_bounds(d)]
    for d in merged:
        # A "total" equal to one year's figure of a yearly series is that year's budget.
        total = d.total
        if total is not None and any(a.value_krw == total.value_krw for a in d.annual.values()):
            d.total = None if len(d.annual) >= 2 else total
    return sorted(merged, key=lambda d: d.start)


# A name this long (without its 사업) names one programme with 사업 after it or not.
_BARE_NAME_MIN = 6


def merge_key(name: str) -> str:
    """The key mentions of one project merge by: :func:`.names.name_key`, less a closing
    사업 after a name long enough to stand alone (a table's row 6G 이동통신 상용화
    기술개발 is the prose's 6G 이동통신 상용화 기술개발사업).

    >>> merge_key("6G 이동통신 상용화 기술개발사업") == merge_key("6G 이동통신 상용화 기술개발")
    True
    >>> merge_key("교육사업") == merge_key("교육")
    False
    """
    key = name_key(name)
    if key.endswith("사업") and len(key) - 2 >= _BARE_NAME_MIN:
        return key[:-2]
    return key


def _only_bounds(d: Draft) -> bool:
    no_figures = d.period is None and d.total is None and not d.annual and not d.funding
    return no_figures and d.claimed > 0 and d.claimed == d.bounded


def build(ctx: Context, d: Draft) -> Project:
    """The :class:`Project` record of a merged draft, located in the raw input."""
    loc = ctx.locate(d.start, d.end) if 0 <= d.start <= d.end <= len(ctx.text) else None
    span = loc.span if loc else ctx.locate(0, 0).span
    return Project(
        name=" ".join(d.name.split()),
        period=d.period,
        total=d.total,
        annual=[AnnualAmount(year=y, amount=a) for y, a in sorted(d.annual.items())],
        funding=d.funding,
        group=d.group,
        span=span,
        raw_span=loc.raw_span if loc else None,
        page=loc.page if loc else None,
    )
