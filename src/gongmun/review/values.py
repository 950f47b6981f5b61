"""Record values as a reviewer reads them: won with separators and in 억/조 words, time
points, and the field list a highlight's tooltip shows.

Exact integers all the way (``value_krw`` is an ``int``): no float ever formats money.
"""

from __future__ import annotations

from typing import Final

from gongmun.models import Amount, Document, Period, Project, Span, TimePoint

# Korean myriad units, largest first: 경 (10^16), 조 (10^12), 억 (10^8), 만 (10^4).
_MYRIADS: Final = ((10**16, "경"), (10**12, "조"), (10**8, "억"), (10**4, "만"))
_HALVES: Final = {1: "상반기", 2: "하반기"}

Row = tuple[str, str]


def won(value: int) -> str:
    """Won with thousands separators.

    >>> won(1309900000000), won(-2000000000)
    ('1,309,900,000,000원', '-2,000,000,000원')
    """
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,}원"


def won_words(value: int) -> str:
    """Won in 경/조/억/만 words, each group with thousands separators, zero groups left out.

    >>> won_words(1309900000000), won_words(50000000), won_words(100001234)
    ('1조 3,099억원', '5,000만원', '1억 1,234원')
    >>> won_words(0), won_words(-2000000000), won_words(999)
    ('0원', '-20억원', '999원')
    """
    rest = abs(value)
    parts: list[str] = []
    for size, word in _MYRIADS:
        group, rest = divmod(rest, size)
        if group:
            parts.append(f"{group:,}{word}")
    if rest or not parts:
        parts.append(f"{rest:,}")
    sign = "-" if value < 0 else ""
    return f"{sign}{' '.join(parts)}원"


def time_point(point: TimePoint | None) -> str:
    """A period's side as written in Korean plans: ``2025``, ``2025.3``, ``2025 하반기``.

    >>> time_point(TimePoint(year=2025, month=3)), time_point(TimePoint(year=2025, half=2))
    ('2025.3', '2025 하반기')
    >>> time_point(TimePoint(year=2026, quarter=1)), time_point(None)
    ('2026 1분기', '…')
    """
    if point is None:
        return "…"
    year = str(point.year) if point.year is not None else "?"
    if point.month is not None:
        return f"{year}.{point.month}"
    if point.half is not None:
        return f"{year} {_HALVES[point.half]}"
    if point.quarter is not None:
        return f"{year} {point.quarter}분기"
    return year


def period_range(period: Period) -> str:
    """``2025 ~ 2028``, with ``…`` for an open side.

    >>> from gongmun.models import Span
    >>> p = Period(text="'25.6월~", start=TimePoint(year=2025, month=6), end=None,
    ...            span=Span(start=0, end=7), raw_span=None)
    >>> period_range(p)
    '2025.6 ~ …'
    """
    return f"{time_point(period.start)} ~ {time_point(period.end)}"


def span_text(span: Span | None) -> str:
    """``120–126``, or the reason there is none."""
    if span is None:
        return "none (not mapped back to the input)"
    return f"{span.start}–{span.end}"


def amount_summary(amount: Amount) -> str:
    """The short line a side list shows: words, then the year when there is one.

    >>> a = Amount(text="13,099억원", value_krw=1309900000000, year=2025,
    ...            span=Span(start=0, end=8), raw_span=None)
    >>> amount_summary(a)
    '1조 3,099억원 · 2025'
    >>> amount_summary(Amount(text="600억원", value_krw=60000000000, span=Span(start=0, end=5),
    ...                       raw_span=None))
    '60,000,000,000원'
    """
    out = won_words(amount.value_krw)
    if out.replace(" ", "") == amount.text.replace(" ", ""):
        out = won(amount.value_krw)  # the words say what the text says: give the digits
    if amount.year is not None:
        out += f" · {amount.year}"
    return out


def amount_rows(amount: Amount) -> list[Row]:
    """The fields of an amount as (name, shown value), named as in the JSON record."""
    rows: list[Row] = [
        ("value_krw", f"{won(amount.value_krw)} ({won_words(amount.value_krw)})"),
        ("year", str(amount.year) if amount.year is not None else "—"),
        ("qualifier", amount.qualifier or "—"),
        ("unit_implied", "yes" if amount.unit_implied else "no"),
    ]
    if amount.per:
        rows.append(("per", amount.per))
    if amount.decrease:
        rows.append(("decrease", "yes (△)"))
    if amount.total_row:
        rows.append(("total_row", "yes"))
    rows += _place_rows(amount.page, amount.span, amount.raw_span)
    if amount.cell is not None:
        c = amount.cell
        rows.append(("cell", f"table {c.table}, row {c.row}, col {c.col}"))
    return rows


def period_rows(period: Period) -> list[Row]:
    """The fields of a period as (name, shown value)."""
    rows: list[Row] = [("start ~ end", period_range(period))]
    if period.duration_years is not None:
        rows.append(("duration_years", str(period.duration_years)))
    rows += _place_rows(period.page, period.span, period.raw_span)
    if period.cell is not None:
        c = period.cell
        rows.append(("cell", f"table {c.table}, row {c.row}, col {c.col}"))
    return rows


def project_rows(project: Project) -> list[Row]:
    """The fields of a project as (name, shown value); its figures are listed apart."""
    rows: list[Row] = []
    if project.group:
        rows.append(("group", project.group))
    if project.period is not None:
        rows.append(("period", f"{project.period.text} ({period_range(project.period)})"))
    if project.total is not None:
        rows.append(("total", _figure(project.total)))
    for annual in project.annual:
        rows.append((f"annual {annual.year}", _figure(annual.amount)))
    for share in project.funding:
        rows.append((f"funding {share.source}", _figure(share.amount)))
    rows += _place_rows(project.page, project.span, project.raw_span)
    return rows


def _figure(amount: Amount) -> str:
    """``600억원 (60,000,000,000원)``: as written, then exactly."""
    return f"{amount.text} ({won(amount.value_krw)})"


def _place_rows(page: int | None, span: Span, raw_span: Span | None) -> list[Row]:
    return [
        ("page", str(page) if page is not None else "—"),
        ("span", span_text(span)),
        ("raw_span", span_text(raw_span)),
    ]


def document_counts(doc: Document) -> dict[str, int]:
    """How many records of each kind a document holds (the index's columns)."""
    return {
        "amounts": len(doc.amounts),
        "periods": len(doc.periods),
        "projects": len(doc.projects),
        "tables": len(doc.tables),
        "warnings": len(doc.warnings),
    }
