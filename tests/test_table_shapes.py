"""Table shapes found on documents the rules were not written against (the ``x*``
documents of benchmarks/tables): one small synthetic input per rule."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from gongmun.doc.aligned_text import find_aligned_tables
from gongmun.doc.columns import label_year, year_in
from gongmun.doc.tables import table_from_rows
from gongmun.extractors.table_figures import table_unit
from gongmun.pipeline import extract, extract_text

E = 10**8
M = 10**6


def _years(text: str) -> list[tuple[int, int | None]]:
    return [(a.value_krw, a.year) for a in extract_text(text).amounts]


# Aligned in an editor where a Hangul syllable is two columns wide: by characters the
# header words stand over the wrong columns (증 감 and 증감률 fall in one cell).
WIDE = (
    "<표 1> 분야별 예산안\n"
    " 분 야              2025년 본예산   2026년 예산안      증 감    증감률\n"
    " 기초생활보장          210,340        223,118       12,778      6.1\n"
    " 취약계층 지원          45,602         44,910         △692     △1.5\n"
    " 보건의료               23,771         25,006        1,235      5.2\n"
    "※ 단위: 억원, %\n"
)


def test_columns_aligned_by_display_width() -> None:
    [t] = find_aligned_tables(WIDE)
    assert t.rows_text()[0] == ("분 야", "2025년 본예산", "2026년 예산안", "증 감", "증감률")
    assert t.rows_text()[2] == ("취약계층 지원", "45,602", "44,910", "△692", "△1.5")


def test_rates_of_a_wide_aligned_table_are_no_money() -> None:
    got = _years(WIDE)
    assert (21034000000000, 2025) in got
    assert (22311800000000, 2026) in got
    assert (-69200000000, None) in got  # the 증감 column, a decrease
    assert all(abs(v) >= E for v, _ in got)  # no 6.1억 from the 증감률 column


def test_years_with_raw_quote_marks() -> None:
    # Aligned tables are read from the raw text, where ’ is not yet folded to '.
    assert label_year("’22년", 2025) == 2022
    assert year_in("’25", 2025) == 2025
    assert year_in("’25~’29", 2025) is None


def test_years_down_the_side_with_curly_quotes() -> None:
    text = (
        "<표 4> 연도별 지원 규모\n"
        " 구분       예산(억원)   1인당 지원액(만원)   이용자(만명)\n"
        " ’22년         180              10             16.2\n"
        " ’23년         235              10             21.9\n"
    )
    got = _years(text)
    assert (18000000000, 2022) in got
    assert (23500000000, 2023) in got
    assert (100000, 2022) in got
    assert (100000, 2023) in got
    assert not any(v == 16 * 10**4 or v == 162 * 10**7 for v, _ in got)  # 만명 is a count


def test_column_by_column_table_takes_the_years_of_its_stage_labels() -> None:
    # A PDF text layer gave the table a column at a time: 사업명, then each year's budget.
    text = (
        "<표 2> 주요 사업 예산\n(단위: 백만원)\n사업명\n가 사업\n나 사업\n"
        "2025년 예산\n1,200\n3,400\n2026년 예산안\n1,500\n3,100\n"
    )
    assert _years(text) == [
        (1200 * M, 2025),
        (3400 * M, 2025),
        (1500 * M, 2026),
        (3100 * M, 2026),
    ]


def test_caption_year_reaches_a_row_sum_column() -> None:
    # 사업비 (’25년) over 국비 | 지방비 | 계: the 계 adds up one year's figures.
    text = (
        " □ 과제별 사업비 (’25년)\n"
        "                           (단위: 백만원)\n"
        " 과제명          국비    지방비      계\n"
        " 가 시범단지    4,200     1,800   6,000\n"
        " 나 플랫폼      2,650       310   2,960\n"
    )
    got = _years(text)
    assert (6000 * M, 2025) in got
    assert (2960 * M, 2025) in got
    assert all(y == 2025 for _, y in got)


def test_total_programme_column_keeps_no_year_under_a_caption_year() -> None:
    text = (
        " □ 과제별 사업비 (’25년)\n"
        "                             (단위: 억원)\n"
        " 과제명          국비    지방비   총사업비\n"
        " 가 시범단지       42        18       300\n"
        " 나 플랫폼         26         3       120\n"
    )
    got = _years(text)
    assert (300 * E, None) in got
    assert (42 * E, 2025) in got


def test_rows_of_amounts_with_units_are_body_rows() -> None:
    # Cells written with their unit (450억원) are figures: the rows are no header rows,
    # so the ’26년 예산 column's year reaches every one of them.
    text = (
        "| 과제명 | 사업기간 | 총사업비 | ’26년 예산 |\n|---|---|---|---|\n"
        "| 가 실증 | ’24~’28 | 450억원 | 96억원 |\n"
        "| 나 상용화 | ’25~’27 | 210억원 | 72.5억원 |\n"
        "| 다 구축 | ’26~’27 | 60억원 | 38억원 |\n"
    )
    got = _years(text)
    assert (96 * E, 2026) in got
    assert (7250000000, 2026) in got
    assert (38 * E, 2026) in got
    assert (450 * E, None) in got


def test_unit_in_a_caption() -> None:
    t = table_from_rows([["사업명", "국비"], ["가", "145"]], "hwpx", header_rows=1)
    t = dataclasses.replace(t, caption="<표 1> 사업비 (’26년, 단위: 억원)")
    assert table_unit("", t) == E


def test_a_figure_ending_a_line_takes_no_unit_from_the_next_word() -> None:
    # A flattened table: 870 ends a row, the next row's cell begins with 조 (조성).
    text = "사업명\n’26\n총사업비\n해상풍력 배후항만\n870\n조성\n수소 실증\n270\n"
    assert not any(v >= 10**12 for v, _ in _years(text))
    assert _years("총 1조 2,000억원과 3 조원") == [(12 * 10**11, None), (3 * 10**12, None)]


def test_a_caption_number_is_no_figure() -> None:
    text = (
        "가상 예산 현황 <표 1> 세부사업별 예산 요구\n세부사업\n2025년\n2026년\n"
        "가 사업\n38,200\n41,000\n"
        "나 사업\n25,610\n27,300\n(단위: 백만원)\n"
    )
    got = _years(text)
    assert M not in [v for v, _ in got]
    assert (38200 * M, 2025) in got


def test_rows_of_two_figures_are_not_joined() -> None:
    # 나 (a particle elsewhere) opens the next row: the rows stay apart, and the unit
    # printed under the table reaches them.
    text = (
        "[표 3] 예산 요구\n세부사업 2025년 2026년\n가 사업 38,200 41,000\n"
        "나 사업 25,610 27,300\n(단위: 백만원)\n"
    )
    doc = extract_text(text)
    assert "41,000\n나 사업" in doc.text
    assert [(a.value_krw, a.year) for a in doc.amounts] == [
        (38200 * M, 2025),
        (41000 * M, 2026),
        (25610 * M, 2025),
        (27300 * M, 2026),
    ]
    # Prose that wraps after a figure still joins.
    prose = extract_text("예산은 2025년 1,200억원에서 1,500\n억원으로 늘었다.")
    assert "1,500 억원으로" in prose.text


def test_a_markdown_heading_is_the_caption_giving_the_year() -> None:
    text = (
        "## Ⅱ. 2026년 세부 추진계획\n\n| 과제명 | 예산(백만원) | 추진기간 |\n|---|---:|---|\n"
        "| 가 개발 | 42,500 | ’26.3~’26.12 |\n| 나 연수 | 8,700 | ’26.1~’26.8 |\n"
    )
    assert _years(text) == [(42500 * M, 2026), (8700 * M, 2026)]


def test_units_listed_in_the_corner_cell() -> None:
    text = (
        "| 구분(조원, %) | 2025 | 2026 | 연평균 증가율 |\n|---|---:|---:|---:|\n"
        "| 총지출 | 673.3 | 703.1 | 4.0 |\n| 의무지출 | 365.0 | 388.2 | 5.4 |\n"
    )
    assert _years(text) == [
        (6733 * 10**11, 2025),
        (7031 * 10**11, 2026),
        (3650 * 10**11, 2025),
        (3882 * 10**11, 2026),
    ]


def test_the_year_passes_a_change_to_the_sum_it_leads_to() -> None:
    got = _years("산림청은 2025년 예산을 전년보다 312억원 늘린 1,842억원으로 편성했다.")
    assert got == [(312 * E, None), (1842 * E, 2025)]
    # Without a change between them, the sentence's year frames the second figure too.
    assert _years("2025년 예산은 1,842억원, 기금은 300억원이다.")[1] == (300 * E, 2025)


def test_a_row_label_ending_in_a_noun_like_a_verb_ending() -> None:
    # 경비함 (a patrol ship) ends as 추진함 does; with figures after it, it is a row label.
    text = "□ 연도별 건조 예산\n(억원) 2024 2025\n대형 경비함 1,120 1,340\n중형 경비함 480 520\n"
    assert _years(text) == [(1120 * E, 2024), (1340 * E, 2025), (480 * E, 2024), (520 * E, 2025)]


def _years_over_subcolumns(c: Any) -> None:
    c.setFont("HYSMyeongJo-Medium", 10)
    c.drawString(72, 790, "(단위: 백만원)")
    c.drawString(250, 770, "2024년")
    c.drawString(400, 770, "2025년")
    for x, h in ((80, "권역"), (200, "예산"), (280, "집행"), (360, "예산"), (440, "집행률(%)")):
        c.drawString(x, 755, h)
    rows = [
        ["수도권", "4,820", "4,610", "5,150", "93.2"],
        ["호남권", "3,270", "3,105", "3,400", "91.8"],
    ]
    for i, row in enumerate(rows):
        c.drawString(80, 738 - 16 * i, row[0])
        for x, cell in zip([230, 310, 390, 480], row[1:], strict=True):
            c.drawRightString(x, 738 - 16 * i, cell)


def test_unruled_pdf_table_with_years_over_its_header(tmp_path: Path) -> None:
    from test_readers_pdf import make_pdf

    doc = extract(make_pdf(tmp_path, _years_over_subcolumns))
    [table] = doc.tables
    assert table.source == "pdf_aligned"
    got = [(a.value_krw, a.year) for a in doc.amounts]
    assert got == [
        (4820 * M, 2024),
        (4610 * M, 2024),
        (5150 * M, 2025),
        (3270 * M, 2024),
        (3105 * M, 2024),
        (3400 * M, 2025),
    ]


def _hrules_wrapped_name(c: Any) -> None:
    c.setFont("HYSMyeongJo-Medium", 10)
    c.drawString(72, 800, "(단위: 억원)")
    c.setLineWidth(0.8)
    for y in (790, 770, 668):
        c.line(72, y, 500, y)
    for x, h in zip([80, 250, 310], ["사업명", "’26", "’27"], strict=True):
        c.drawString(x, 776, h)
    # A name wrapped in its cell (12 points under its row), then a group label row at the
    # rows' own pitch (18 points), which stays a row.
    c.drawString(80, 756, "해상풍력 배후항만")
    c.drawString(250, 756, "120")
    c.drawString(310, 756, "340")
    c.drawString(80, 744, "조성")
    c.drawString(80, 726, "친환경 선박")
    c.drawString(80, 708, "수소 운반선")
    c.drawString(250, 708, "85")
    c.drawString(310, 708, "90")
    c.drawString(80, 690, "연안 여객선")
    c.drawString(250, 690, "70")
    c.drawString(310, 690, "75")
    c.drawString(80, 680, "합계")
    c.drawString(250, 680, "275")
    c.drawString(310, 680, "505")


def test_a_name_wrapped_in_its_cell_joins_its_row(tmp_path: Path) -> None:
    from test_readers_pdf import make_pdf

    doc = extract(make_pdf(tmp_path, _hrules_wrapped_name))
    [table] = doc.tables
    names = [c.text for c in table.cells if c.col == 0 and not c.header]
    assert names[0].replace(" ", "") == "해상풍력배후항만조성"
    assert names[1:] == ["친환경 선박", "수소 운반선", "연안 여객선", "합계"]


def test_a_unit_statement_closes_its_caption_line() -> None:
    text = (
        "<표 3> 분야별 재원 배분(단위: 조원, %)\n분야 2025년 2026년안 증감률\n"
        "교육 96.3 99.8 3.6\n국방 61.2 64.7 5.7\n"
    )
    doc = extract_text(text)
    assert "%)\n분야" in doc.text
    assert [(a.value_krw, a.year) for a in doc.amounts] == [
        (963 * 10**11, 2025),
        (998 * 10**11, 2026),
        (612 * 10**11, 2025),
        (647 * 10**11, 2026),
    ]


def test_the_same_sub_columns_under_every_year() -> None:
    text = (
        "<표 2> 기관별 구매 실적\n(단위: 억원)\n구분 2024년 2025년\n계획 실적 계획 실적\n"
        "중앙부처 1,500 1,420 1,650 1,710\n지방자치단체 2,100 1,980 2,300 2,240\n"
    )
    assert [y for _, y in _years(text)] == [2024, 2024, 2025, 2025] * 2


def test_a_header_line_naming_a_year_with_a_draft_suffix() -> None:
    from gongmun.normalize.joins import is_table_row

    assert is_table_row("분야 2025년 2026년안 증감률")
    assert is_table_row("구분 2025년 2026년(안) 증감")


def test_cells_parted_by_pipes_without_the_outer_ones() -> None:
    text = (
        "구분 | 2025년(억원) | 2026년(억원) | 비중(%)\n백신 비축 | 1,840 | 2,010 | 54.3\n"
        "진단 역량 강화 | 960 | 1,090 | 29.5\n"
    )
    assert _years(text) == [(1840 * E, 2025), (2010 * E, 2026), (960 * E, 2025), (1090 * E, 2026)]
    # One line with pipes is a title, not a table.
    assert _years("보도자료 | 2025. 3. 4. | 산업부\n2025년 예산은 30억원이다.\n") == [
        (30 * E, 2025)
    ]


ROWS = "국비 1,200 1,300\n지방비 300 310\n"
BY_YEAR = [(1200 * E, 2024), (1300 * E, 2025), (300 * E, 2024), (310 * E, 2025)]


@pytest.mark.parametrize(
    "header",
    [
        "(억원) 2024 2025",  # the corner cell's unit over the years
        "(단위: 억원) 2024 2025",  # a unit statement as the corner cell
        "□ 재원별 예산 (억원) 2024 2025",  # a heading holding the header: no text table
        "(억 원) 2024 2025",  # 원 spaced off its unit
        "(단위: 백만 원) 2024 2025",
    ],
)
def test_years_after_a_unit_head_columns_and_are_no_amounts(header: str) -> None:
    got = _years(f"{header}\n{ROWS}")
    unit = M if "백만" in header else E
    assert got == [(v // E * unit, y) for v, y in BY_YEAR]


def test_a_header_of_years_away_from_its_rows_still_gives_no_amounts() -> None:
    text = "(억원) 2024 2025\n총 사업비는 다음과 같다.\n국비 사업 1,200 1,300\n"
    assert all(v not in (2024 * E, 2025 * E) for v, _ in _years(text))


def test_figures_after_a_unit_that_are_no_rising_years_stay_amounts() -> None:
    # Only two or more bare rising years read as column headers.
    assert [v for v, _ in _years("국비(억원) 1,200 1,300\n")] == [1200 * E, 1300 * E]
    assert [v for v, _ in _years("국비(억원) 2025 1,300\n")] == [2025 * E, 1300 * E]


@pytest.mark.parametrize(
    ("unit", "won"), [("(단위: 억 원)", E), ("(단위: 백만 원)", M), ("(단위 : 천 원, %)", 10**3)]
)
def test_a_unit_with_a_space_before_won_is_one_unit(unit: str, won: int) -> None:
    got = _years(f"{unit}\n구분 2024 2025\n{ROWS}")
    assert got == [(v // E * won, y) for v, y in BY_YEAR]


def test_a_month_of_a_year_is_that_years_caption() -> None:
    """(2010.1월 누계 기준): figures as at a month of a year are that year's; a date
    (2025.3.1) names no year a table is of."""
    assert year_in("(2010.1월 누계 기준/잠정)") == 2010
    assert year_in("’24.12월말 현재", 2025) == 2024
    assert year_in("2025.3.1 기준") is None
    text = (
        "<표 1> 통합재정 수지 (2010.1월 누계 기준)\n"
        "                              (단위: 십억원)\n"
        " 구분          일반회계      특별회계\n"
        " 수입            19,159           727\n"
        " 지출            18,002           650\n"
    )
    assert _years(text) == [
        (19_159 * 10**9, 2010),
        (727 * 10**9, 2010),
        (18_002 * 10**9, 2010),
        (650 * 10**9, 2010),
    ]
