"""The ledger of figures a project can take: each amount and period goes to one project.

Rules ask it what figures lie in a stretch of text (by bisection, so lookups stay
logarithmic on a long one-line document) and claim them for a draft.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from gongmun.extractors.line_index import LineIndex
from gongmun.extractors.projects.clause import (
    CLAUSE_YEAR,
    PER_YEAR_BEFORE,
    RUNNING,
    YEAR_AFTER,
    YEAR_AFTER_REACH,
    clause_start,
)
from gongmun.extractors.projects.words import RELATIVE_YEAR_ALT, RELATIVE_YEARS
from gongmun.models import Amount, FundingShare, Period, Span

# Small patterns used below, compiled once.
_RELATIVE_YEAR_END = regex.compile(rf"(?<![\p{{Hangul}}])({RELATIVE_YEAR_ALT})\s*$")

# "2020년도 편성된 예산안은": the year a budget sentence is about.
BUDGET_FRAME = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})년도\s*(?:[^\n.]{0,24}?)예산")


@dataclass
class Draft:
    """A project being assembled by one rule; figures are merged in as rules find them."""

    name: str
    start: int
    end: int
    rule: str
    period: Period | None = None
    total: Amount | None = None
    annual: dict[int, Amount] = field(default_factory=dict)
    funding: list[FundingShare] = field(default_factory=list)
    group: str | None = None
    # The total is a bare level (no 총, 총사업비, N년간, 규모의): in a document about one
    # year's budget it is that year's figure (see merge.fiscal_levels).
    total_bare: bool = False
    # Figures the rule tied to the name, and how many of them were changes, thresholds
    # or caps: a name whose figures are all such gives no programme (see merge.merge).
    claimed: int = 0
    bounded: int = 0


class Figures:
    """The amounts and periods of a document, each usable by one project only."""

    def __init__(
        self,
        amounts: Sequence[Amount],
        periods: Sequence[Period],
        text: str = "",
        doc_year: int | None = None,
        lines: LineIndex | None = None,
    ) -> None:
        self.text = text
        self.doc_year = doc_year
        budget = BUDGET_FRAME.search(text)
        # The year a budget article is about: 내년 in the text means the frame is next year.
        self.budget_year = int(budget["y"]) if budget else None
        self.relative_years: dict[str, int] = {}
        this_year: int | None = doc_year
        if self.budget_year is not None:
            ahead = "내년" in text
            this_year = self.budget_year - 1 if ahead else self.budget_year
        if this_year is not None:
            # Without a budget frame, 올해 is the year the document was issued; 지난해
            # and 내년 count from it (words.RELATIVE_YEARS).
            self.relative_years = {w: this_year + d for w, d in RELATIVE_YEARS.items()}
        self.fiscal_year = self.budget_year or _opening_year(text)
        self.amounts = sorted(amounts, key=lambda a: a.span.start)
        self.periods = sorted(periods, key=lambda p: p.span.start)
        self.used: set[int] = set()
        self.spans: list[Span] = sorted(
            [a.span for a in self.amounts] + [p.span for p in self.periods],
            key=lambda s: s.start,
        )
        # Every budget frame and line start, found once: frame_year bisects them.
        self._frames = [(m.end(), int(m["y"])) for m in BUDGET_FRAME.finditer(text)]
        self._frame_ends = [end for end, _ in self._frames]
        self._lines = lines if lines is not None else LineIndex(text)
        self._amount_starts = [a.span.start for a in self.amounts]
        self._period_starts = [p.span.start for p in self.periods]
        self._span_starts = [s.start for s in self.spans]
        # Amounts and periods in one list by start: "any figure here?" bisects it once.
        self._figures: list[Amount | Period] = sorted(
            [*self.amounts, *self.periods], key=lambda f: f.span.start
        )
        self._figure_starts = [f.span.start for f in self._figures]

    def amounts_in(self, start: int, end: int) -> list[Amount]:
        """Amounts inside ``[start, end)``."""
        lo = bisect_left(self._amount_starts, start)
        hi = bisect_left(self._amount_starts, end)
        return [a for a in self.amounts[lo:hi] if a.span.end <= end]

    def periods_in(self, start: int, end: int) -> list[Period]:
        """Periods inside ``[start, end)``."""
        lo = bisect_left(self._period_starts, start)
        hi = bisect_left(self._period_starts, end)
        return [p for p in self.periods[lo:hi] if p.span.end <= end]

    def spans_from(self, start: int, end: int) -> list[Span]:
        """Figure spans that start in ``[start, end)``."""
        lo = bisect_left(self._span_starts, start)
        hi = bisect_left(self._span_starts, end)
        return self.spans[lo:hi]

    def last_span_from(self, start: int, end: int) -> Span | None:
        """The last figure span that starts in ``[start, end)``."""
        lo = bisect_left(self._span_starts, start)
        hi = bisect_left(self._span_starts, end)
        return self.spans[hi - 1] if hi > lo else None

    def next_amount(self, start: int) -> Amount | None:
        """The first amount that starts at or after ``start``."""
        i = bisect_left(self._amount_starts, start)
        return self.amounts[i] if i < len(self.amounts) else None

    def first_start_from(self, start: int) -> int | None:
        """Where the first figure at or after ``start`` begins."""
        i = bisect_left(self._span_starts, start)
        return self._span_starts[i] if i < len(self._span_starts) else None

    def any_in(self, start: int, end: int) -> bool:
        """Whether any figure lies inside ``[start, end)``: an amount or a period there
        (:meth:`amounts_in`, :meth:`periods_in`), asked of both at once."""
        figures, starts = self._figures, self._figure_starts
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            if figures[i].span.end <= end:
                return True
        return False

    def free_in(self, start: int, end: int) -> bool:
        """Whether an unclaimed figure lies inside ``[start, end)``."""
        # Asked of whole sections (an item head over its field lines): stop at the first
        # free figure instead of listing them all.
        used, figures, starts = self.used, self._figures, self._figure_starts
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            f = figures[i]
            if f.span.end <= end and id(f) not in used:
                return True
        return False

    def programme_figures_in(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` holds an unclaimed amount, or a period a programme
        runs for (across years: ``'25~'29``), not a schedule (``'25.3~6월``, ``~'25년``)."""
        if any(id(a) not in self.used for a in self.amounts_in(start, end)):
            return True
        return any(id(p) not in self.used and is_run_time(p) for p in self.periods_in(start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a figure overlaps ``[start, end)``."""
        # Figures are short: one that overlaps [start, end) starts at most 40 chars before.
        return any(s.end > start for s in self.spans_from(max(0, start - 40), end))

    def take(self, draft: Draft, start: int, end: int, text: str) -> None:
        """Give the unused figures in ``[start, end)`` to ``draft``."""
        from gongmun.extractors.projects.assign import assign_amount

        for p in self.periods_in(start, end):
            if id(p) in self.used:
                continue
            self.used.add(id(p))
            if draft.period is None and not is_deadline(p):
                draft.period = p
        for a in self.amounts_in(start, end):
            if id(a) in self.used:
                continue
            self.used.add(id(a))
            assign_amount(draft, a, text, self)

    def take_annual(self, draft: Draft, start: int, end: int) -> None:
        """Give ``draft`` the unused plain amounts in ``[start, end)`` that carry a year,
        each as that year's figure (the first one per year stands)."""
        for a in self.amounts_in(start, end):
            if id(a) in self.used or a.year is None or a.qualifier is not None:
                continue
            self.used.add(id(a))
            draft.annual.setdefault(a.year, a)

    def frame_year(self, a: Amount) -> int | None:
        """The year a sentence frames an amount with, when the amount has none of its own.

        ``2020년도 편성된 예산안은 … 47억원`` frames its amounts with 2020; ``올해``/``내년``
        right before an amount count from the year a budget article is about.
        """
        text = self.text
        before = text[max(0, a.span.start - 6) : a.span.start].split("\n")[-1]
        word = _RELATIVE_YEAR_END.search(before)
        if word:
            return self.relative_years.get(word.group(1))
        # The last frame before the amount on its line (found by bisection, not a scan).
        i = bisect_left(self._frame_ends, a.span.start + 1) - 1
        if i >= 0:
            end, year = self._frames[i]
            if self._lines.same_line(end, a.span.start):
                return year
        after = YEAR_AFTER.match(self.text, a.span.end, a.span.end + YEAR_AFTER_REACH)
        if after:
            # "50억원을 내년에 투입": the year after the amount, before its verb.
            return self._year_of(after)
        return self.clause_year(a)

    def _year_of(self, m: re.Match[str] | regex.Match[str]) -> int | None:
        if m["rel"]:
            return self.relative_years.get(m["rel"])
        return int(m["y4"]) if m["y4"] else 2000 + int(m["y2"])

    def clause_year(self, a: Amount) -> int | None:
        """The year that opens the clause of ``a`` and frames its level amounts:
        ``내년 도심 녹지 확충사업에 50억원`` (the document's year + 1), ``’26년 정부는 …
        80억원을 편성``. A year that a dated amount follows frames that amount only, and a
        year inside a period (``’25~’27``) frames nothing."""
        found = self._clause_frame(a)
        return self._year_of(found) if found is not None else None

    def _clause_frame(self, a: Amount) -> regex.Match[str] | None:
        """The year word that frames the clause of ``a`` (see :meth:`clause_year`)."""
        start = clause_start(self.text, a.span.start)
        found = None
        for m in CLAUSE_YEAR.finditer(self.text, start, a.span.start):
            near = self.periods_in(max(0, m.start() - 24), m.end() + 24)
            if not any(p.span.start <= m.start() < p.span.end for p in near):
                found = m
        if found is None:
            return None
        if any(b.year is not None for b in self.amounts_in(found.end(), a.span.start)):
            return None
        return found

    def running_in_clause(self, a: Amount) -> bool:
        """Whether ``a`` is a year's figure whose year the clause leaves unstated: given to a
        programme in its Nth year (``3년차를 맞은 … 사업에 800억원``) or a yearly rate
        (``연간 40억원``), or framed by 내년/올해 in a document that gives no year to count
        from (``해수부는 내년에 … 1974억 원을 투자``)."""
        start = clause_start(self.text, a.span.start)
        if PER_YEAR_BEFORE.search(self.text, max(start, a.span.start - 8), a.span.start):
            return True
        if RUNNING.search(self.text, start, a.span.start) is not None:
            return True
        frame = self._clause_frame(a)
        return frame is not None and frame["rel"] is not None and self._year_of(frame) is None


def is_deadline(p: Period) -> bool:
    """Whether ``p`` is only a step's deadline: an end and no start, within a year (``2026년
    상반기까지``, ``3월까지``). A programme runs whole years; ``~'27년`` may be its run time.
    """
    end = p.end
    return p.start is None and end is not None and bool(end.month or end.half or end.quarter)


def is_run_time(p: Period) -> bool:
    """Whether ``p`` is the run time of a programme: whole years, from one to a later one.

    A period with months, halves or quarters (``'25.3~6월``, ``'25.下~``) or with one side
    only (``~'25년``) is an activity's schedule.
    """
    start, end = p.start, p.end
    if start is None or end is None or start.year is None or end.year is None:
        return False
    if any(t.month or t.half or t.quarter for t in (start, end)):
        return False
    return end.year > start.year


# "2025년 중앙부처 … 창업지원사업 통합공고", "2024년도 예산": the year the document's
# budget is for, stated in its opening lines.
_OPENING_YEAR = regex.compile(
    r"(?<!\d)(?:(?P<y4>(?:19|20)\d{2})|['‘’](?P<y2>\d{2}))년도?\s[^\n]{0,40}?"
    r"(?:예산|공고|업무계획|시행계획)"
)


def _opening_year(text: str) -> int | None:
    """The budget year named in the first lines of ``text`` (at most 400 characters)."""
    m = _OPENING_YEAR.search(text, 0, min(len(text), 400))
    if m is None:
        return None
    return int(m["y4"]) if m["y4"] else 2000 + int(m["y2"])
