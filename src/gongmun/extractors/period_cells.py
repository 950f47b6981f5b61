"""Periods in a table's period column (사업기간, 추진기간): ``25~29``, ``’25-’29``, ``2025-2029``.

In prose ``25~29`` or ``2025-2029`` may be a range of figures or a code; under a column
headed 사업기간 a cell holding two years joined by a range mark is that row's period. The
text pass (:mod:`~gongmun.extractors.periods`) reads the forms prose uses
(``’25~’29``, ``2025~2029년``); this pass adds, cell by cell, the ones only a period
column makes sure of. Each becomes a :class:`~gongmun.models.Period` spanning the cell's
text, so it gets the cell's ``cell`` reference and the row's project takes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from gongmun.doc.columns import TableView
from gongmun.doc.tables import Cell, Table
from gongmun.extractors.context import Context
from gongmun.extractors.years import resolve_two_digit
from gongmun.models import Period, TimePoint

# A cell that is a range of two years, each 2 or 4 digits, maybe quoted or with 년,
# maybe with its length after it: 25~29, ’25-’29, 2025-2029, 2025 – 2027 (3년).
_YEAR = r"['‘’`]?\s?(?P<{n}>(?:19|20)\d{{2}}|\d{{2}})\s*(?:년도?|\.)?"
_CELL_RANGE: Final = re.compile(
    r"^\s*"
    + _YEAR.format(n="a")
    + r"\s*[~\-–—∼～〜]\s*"
    + _YEAR.format(n="b")
    + r"\s*(?:\(\s*(?P<dur>\d{1,2})\s*년(?:간)?\s*\))?\s*$"
)
# A period longer than this is no programme's run (a code like 10-95).
_MAX_YEARS: Final = 30


def cell_period(text: str, doc_year: int | None = None) -> tuple[int, int, int | None] | None:
    """(first year, last year, stated years) of a period cell, or None.

    >>> cell_period("25~29", 2025), cell_period("’25-’29"), cell_period("2025-2027 (3년)")
    ((2025, 2029, None), (2025, 2029, None), (2025, 2027, 3))
    >>> cell_period("10-95") is None, cell_period("2029~2025") is None
    (True, True)
    """
    m = _CELL_RANGE.match(text)
    if m is None:
        return None
    a, b = _year(m.group("a"), doc_year), _year(m.group("b"), doc_year)
    if a is None or b is None or not 0 <= b - a <= _MAX_YEARS:
        return None
    dur = int(m.group("dur")) if m.group("dur") else None
    return a, b, dur


def _year(digits: str, doc_year: int | None) -> int | None:
    if len(digits) == 4:
        return int(digits)
    return resolve_two_digit(int(digits), doc_year)


def _period_cells(table: Table, doc_year: int | None) -> list[Cell]:
    view = TableView(table, doc_year)
    cols = {k for k, kind in enumerate(view.kinds) if kind == "period"}
    return [
        c
        for c in table.cells
        if c.col in cols and not c.header and c.row >= view.header_rows and c.start is not None
    ]


def table_periods(ctx: Context, found: Sequence[Period]) -> list[Period]:
    """Periods of the period columns of ``ctx.tables`` that ``found`` (the text pass's,
    in text order) does not already hold, in text order."""
    taken = sorted((p.span.start, p.span.end) for p in found)
    starts = [a for a, _ in taken]
    out: list[Period] = []
    for table in ctx.tables:
        for c in _period_cells(table, ctx.doc_year):
            assert c.start is not None
            assert c.end is not None
            k = bisect_left(starts, c.end) - 1
            if k >= 0 and taken[k][1] > c.start:
                continue  # the text pass read it (’25~’29)
            read = cell_period(c.text, ctx.doc_year)
            if read is None:
                continue
            a, b, dur = read
            loc = ctx.locate(c.start, c.end)
            out.append(
                Period(
                    text=ctx.text[c.start : c.end],
                    start=TimePoint(year=a),
                    end=TimePoint(year=b),
                    duration_years=dur,
                    span=loc.span,
                    raw_span=loc.raw_span,
                    page=loc.page,
                )
            )
    out.sort(key=lambda p: p.span.start)
    return out


def with_table_periods(ctx: Context, found: list[Period]) -> list[Period]:
    """``found`` with the table periods it lacks, in text order."""
    extra = table_periods(ctx, found)
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda p: (p.span.start, p.span.end))


__all__ = ["cell_period", "table_periods", "with_table_periods"]
