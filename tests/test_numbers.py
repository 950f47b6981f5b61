"""Korean numerals: parsing, year markers, and round trips of rendered integers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.extractors.amounts import parse_amount
from gongmun.extractors.numbers import parse_figure, parse_korean_number
from gongmun.extractors.years import infer_doc_year, parse_year_marker, resolve_two_digit


def _commas(n: int) -> str:
    return f"{n:,}"


def _small(n: int) -> str:
    """Render 0 < n < 10000 with 천/백 as people write it: 4천567, 2백37."""
    thousands, rest = divmod(n, 1000)
    if thousands and rest:
        return f"{thousands}천{rest}"
    if thousands:
        return f"{thousands}천"
    hundreds, rest = divmod(n, 100)
    if hundreds and rest:
        return f"{hundreds}백{rest}"
    return str(n)


def render(n: int, style: str) -> str:
    """An integer number of won written in one of the styles budget documents use."""
    jo, rest = divmod(n, 10**12)
    eok, rest = divmod(rest, 10**8)
    man, won = divmod(rest, 10**4)
    parts = []
    fmt = _small if style == "small" else _commas
    sep = "" if style == "tight" else " "
    for value, unit in ((jo, "조"), (eok, "억"), (man, "만")):
        if value:
            parts.append(f"{fmt(value)}{unit}")
    if won or not parts:
        parts.append(fmt(won) if style != "small" else str(won))
    return sep.join(parts) + ("원" if style != "spaced" else " 원")


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=10**16),
    style=st.sampled_from(["commas", "tight", "small", "spaced"]),
)
def test_rendered_integers_parse_back(n: int, style: str) -> None:
    assert parse_amount(render(n, style)) == n


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=99999),
    tenths=st.integers(min_value=0, max_value=9),
    unit=st.sampled_from([("억", 10**8), ("조", 10**12)]),
)
def test_decimal_figures_are_exact(whole: int, tenths: int, unit: tuple[str, int]) -> None:
    if whole == 0 and tenths == 0:
        return
    text = f"{whole:,}.{tenths}{unit[0]}원"
    assert parse_amount(text) == (whole * 10 + tenths) * unit[1] // 10


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15백만", Decimal(15000000)),
        ("4천567억", Decimal(456700000000)),
        ("2백37조", Decimal(237) * 10**12),
    ],
)
def test_parse_korean_number(text: str, value: Decimal) -> None:
    assert parse_korean_number(text) == value


def test_units_out_of_order_are_not_a_number() -> None:
    assert parse_korean_number("5억 3조") is None
    assert parse_korean_number("억") is None or parse_korean_number("억") == Decimal(10**8)


def test_parse_figure() -> None:
    assert parse_figure("▽1,300") == Decimal(-1300)
    assert parse_figure("12,34") is None


@pytest.mark.parametrize(
    ("marker", "ref", "year"),
    [
        ("’25년", 2025, 2025),
        ("('24)", 2025, 2024),
        ("['22]", 2025, 2022),
        ("2025년", None, 2025),
        ("2024년도", None, 2024),
        ("'89", 1989, 1989),
        ("'98", 2024, 1998),
        ("`01", 1999, 2001),
    ],
)
def test_parse_year_marker(marker: str, ref: int | None, year: int) -> None:
    assert parse_year_marker(marker, ref) == year


@pytest.mark.parametrize("text", ["25개", "제5조", "2025.4", ""])
def test_parse_year_marker_refuses(text: str) -> None:
    assert parse_year_marker(text) is None


@given(yy=st.integers(0, 99), ref=st.integers(1950, 2049))
def test_two_digit_years_land_within_fifty_years(yy: int, ref: int) -> None:
    year = resolve_two_digit(yy, ref)
    assert year % 100 == yy
    assert abs(year - ref) <= 50


def test_infer_doc_year() -> None:
    assert infer_doc_year("보도자료 2025. 4. 9.(수) 배포, 2024년 실적") == 2025
    assert infer_doc_year("1989년 실적, 1989년 대비 1990년") == 1989
    assert infer_doc_year("연도가 없는 글") is None


def test_a_cover_year_and_month_dates_the_document() -> None:
    # A plan's cover gives year and month only; the years its body names (a span's end,
    # a budget year) do not outvote it. A period's side (2031.3.~) is no cover date.
    plan = "2032년 시범사업 시행계획\n2032. 1.  가상 부처\n사업기간 : 2031년~2034년 (4년간)"
    assert infer_doc_year(plan) == 2032
    assert infer_doc_year("사업 개요\n(2029. 2.)\n2030년 예산 12억원") == 2029
    assert infer_doc_year("사업기간 2031.3.~2033.12.\n2033년 준공") == 2033


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # The labelled dateline beats a date elsewhere on the page.
        ("2031.07.02 (수) 오늘의 날씨\n기사입력 2029.11.20 10:31\n2030년 예산", 2029),
        # A budget year being planned is next year's: the document is a year earlier.
        ("○○시, 2033년 국·도비 확보 보고회\n2032년 공모사업 12건, 2033년 국비 목표액", 2032),
        ("내년 농업 예산 1,200억원\n2031년도 예산안으로 편성했다. 2041년까지 보급", 2030),
        # Span ends and syndication lines are not the year one writes in.
        ("2024년 실적을 점검하고 2030년까지 확대\n(사진 제공, 재판매 및 DB금지) 2031년", 2024),
        # A budget year in a sheet dated that year keeps its date.
        ("2026. 1. 5. 2026년 예산 집행계획", 2026),
    ],
)
def test_infer_doc_year_news(text: str, year: int) -> None:
    assert infer_doc_year(text) == year
