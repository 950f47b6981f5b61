"""Tables recognised in text and read for amounts, grouped by table shape."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.doc.columns import TableView, units_of, year_in
from gongmun.doc.tables import table_from_rows
from gongmun.doc.text_tables import _split_glued, find_text_tables
from gongmun.normalize import normalize
from gongmun.pipeline import extract_text

E = 10**8
M = 10**6


def _amounts(text: str) -> list[tuple[int, int | None]]:
    return [(a.value_krw, a.year) for a in extract_text(text).amounts]


# --- markdown ---------------------------------------------------------------------------------

MARKDOWN = [
    (
        "unit before, rate column skipped, 증감 of no year",
        "(단위: 억원, %)\n"
        "| 구분 | '24년 예산 | '25년 예산 | 증감 | 증감률 |\n"
        "|---|---|---|---|---|\n"
        "| 합계 | 1,200 | 1,500 | 300 | 25.0 |",
        [(1200 * E, 2024), (1500 * E, 2025), (300 * E, None)],
    ),
    (
        "two-row header: years over sub-columns",
        "(단위: 억원)\n"
        "| 구분 | 2024년 | | 2025년 |\n"
        "|---|---|---|---|\n"
        "| | 본예산 | 추경 | 정부안 |\n"
        "| 도로 | 8,500 | 8,700 | 8,100 |",
        [(8500 * E, 2024), (8700 * E, 2024), (8100 * E, 2025)],
    ),
    (
        "a decrease in a 증감 column",
        "(단위: 백만원)\n"
        "| 구분 | 2024 | 2025 | 증감 |\n"
        "|---|---|---|---|\n"
        "| 사업비 | 300 | 280 | △20 |",
        [(300 * M, 2024), (280 * M, 2025), (-20 * M, None)],
    ),
    (
        "caption year where no column names one; 총사업비 has none",
        "< 사업비 ('25년) >\n"
        "(단위: 억원)\n"
        "| 사업명 | 사업기간 | 총사업비 | 국비 |\n"
        "|---|---|---|---|\n"
        "| 스마트산단 구축 | '25~'27 | 450 | 120 |",
        [(450 * E, None), (120 * E, 2025)],
    ),
    (
        "per-column units: money, count and share columns",
        "| 기관명 | 예산(백만원) | 인원(명) | 비중(%) |\n"
        "|---|---|---|---|\n"
        "| 창업진흥원 | 45,600 | 320 | 12.5 |",
        [(45600 * M, None)],
    ),
    (
        "no unit anywhere: bare figures are no amounts",
        "| 분야 | 2023 | 2024 |\n|---|---|---|\n| 제조 | 1,250 | 1,420 |",
        [],
    ),
    (
        "the document's stated unit for its tables",
        "※ 이하 표의 금액 단위는 백만원임\n\n| 구분 | 2024 계획 | 2025 계획안 |\n|---|---|---|\n"
        "| 사업비 | 61,200 | 63,800 |",
        [(61200 * M, 2024), (63800 * M, 2025)],
    ),
    (
        "amounts with their own unit take the column's year",
        "| 분야 | '24년 예산 | '25년 정부안 |\n| 해운 | 2조 1,000억원 | 4,600억원 |",
        [(21000 * E, 2024), (4600 * E, 2025)],
    ),
]


@pytest.mark.parametrize(("why", "text", "expected"), MARKDOWN, ids=[m[0] for m in MARKDOWN])
def test_markdown_tables(why: str, text: str, expected: list[tuple[int, int | None]]) -> None:
    assert _amounts(text) == expected, why


def test_markdown_rows_are_never_joined() -> None:
    text = "| 구분 | 2024년 | |\n|---|---|---|\n| | 본예산 | 추경 |\n| 도로 | 8,500 | 8,700 |"
    assert normalize(text).text == text


def test_markdown_table_structure() -> None:
    text = (
        "< 현황 >\n(단위: 억원)\n| 구분 | 2024년 | |\n|---|---|---|\n"
        "| | 본예산 | 추경 |\n| 도로 | 1 | 2 |"
    )
    (t,) = find_text_tables(text)
    assert (t.source, t.caption, t.unit) == ("markdown", "< 현황 >", "(단위: 억원)")
    assert t.header_rows == 2
    year = next(c for c in t.cells if c.text == "2024년")
    assert year.colspan == 2
    assert all(text[c.start : c.end] == c.text for c in t.cells if c.start is not None)


# --- flattened rows ---------------------------------------------------------------------------

FLAT = [
    (
        "aligned spaces collapsed, 합 계 column of no year",
        "(단위: 백만원)\n"
        "   구  분      2025      2026      합  계\n"
        "   국  비     1,000     2,000     3,000\n"
        "   계         1,500     3,000     4,500\n",
        [
            (1000 * M, 2025),
            (2000 * M, 2026),
            (3000 * M, None),
            (1500 * M, 2025),
            (3000 * M, 2026),
            (4500 * M, None),
        ],
    ),
    (
        "figures a text layer glued together",
        "(단위: 백만원)\n구분 2025 2026 2027\n국비1,2003,4004,600\n지방비6001,7002,300\n",
        [
            (1200 * M, 2025),
            (3400 * M, 2026),
            (4600 * M, 2027),
            (600 * M, 2025),
            (1700 * M, 2026),
            (2300 * M, 2027),
        ],
    ),
    (
        "budget sheet: unit after the table, two-row header",
        "사업명 2023년 결산 2024년 2025년 증감 (B-A) (B-A)/A\n당초(A) 수정 정부안(B)\n"
        "지역특화산업육성 125,430 131,200 131,200 118,080 △13,120 △10.0\n(단위: 백만원, %)\n",
        [
            (125430 * M, 2023),
            (131200 * M, 2024),
            (131200 * M, 2024),
            (118080 * M, 2025),
            (-13120 * M, None),
        ],
    ),
    (
        "years down the side, count and share columns",
        "<표 2> 연도별 실적\n"
        "연도 지원액(억원) 지원기업(개사) 비중(%)\n"
        "2020 1,234 120 10.5\n"
        "2021 1,456 135 11.2\n",
        [(1234 * E, 2020), (1456 * E, 2021)],
    ),
    (
        "the corner cell's unit",
        "구분(억원) 2024 2025 계\n국비 120 150 270\n도비 36 45 81\n",
        [
            (120 * E, 2024),
            (150 * E, 2025),
            (270 * E, None),
            (36 * E, 2024),
            (45 * E, 2025),
            (81 * E, None),
        ],
    ),
    (
        "row units: counts rows and money rows under one mixed unit",
        "< 연도별 현황(단위 : 개, 억원) >\n구분 '24년 '25년 증감\n지원기관(개) 99 101 2\n"
        "지원예산(억원) 37,121 32,940 △4,181\n",
        [(37121 * E, 2024), (32940 * E, 2025), (-4181 * E, None)],
    ),
]


@pytest.mark.parametrize(("why", "text", "expected"), FLAT, ids=[f[0] for f in FLAT])
def test_flat_tables(why: str, text: str, expected: list[tuple[int, int | None]]) -> None:
    assert _amounts(text) == expected, why


def test_two_year_header_line_is_not_joined() -> None:
    text = "사업명 2023년 결산 2024년 2025년 증감\n당초(A) 수정 정부안(B)"
    assert normalize(text).text == text


def test_totals_rows_are_marked() -> None:
    doc = extract_text("(단위: 억원)\n| 구분 | 2025 |\n|---|---|\n| 국비 | 100 |\n| 합 계 | 100 |")
    assert [(a.value_krw, a.total_row) for a in doc.amounts] == [(100 * E, False), (100 * E, True)]


@pytest.mark.parametrize(
    ("run", "parts"),
    [
        ("1,2003,4004,600", ["1,200", "3,400", "4,600"]),
        ("6001,7002,300", ["600", "1,700", "2,300"]),
        ("1,200", None),
        ("12003", None),
        ("2000", None),
    ],
)
def test_glued_runs_split_by_thousands_groups(run: str, parts: list[str] | None) -> None:
    found = _split_glued(0, run)
    assert (None if found is None else [p[2] for p in found]) == parts


def test_a_prose_line_with_figures_is_no_table() -> None:
    assert find_text_tables("올해 예산은 1,200 억원에서 1,500 억원으로 늘었다.\n다음 줄") == []


# --- columns ----------------------------------------------------------------------------------

COLUMNS = [
    ("증감률", ["1.5"], "rate"),
    ("비중(%)", ["12.0"], "rate"),
    ("기업수", ["120"], "count"),
    ("인원(명)", ["12"], "count"),
    ("증감 (B-A)", ["△20"], "diff"),
    ("총사업비", ["450"], "total"),
    ("합 계", ["450"], "total"),
    ("사업기간", ["'25~'29"], "period"),
    ("사업명", ["스마트팜 확산"], "name"),
    ("구분", ["국비"], "label"),
    ("'25년 예산", ["120"], "value"),
]


@pytest.mark.parametrize(("header", "body", "kind"), COLUMNS, ids=[c[0] for c in COLUMNS])
def test_column_kinds(header: str, body: list[str], kind: str) -> None:
    t = table_from_rows([[header], *[[b] for b in body]], "markdown", header_rows=1)
    assert TableView(t).column_kind(0) == kind


@pytest.mark.parametrize(
    ("header", "year"),
    [
        ("'23년 예산", 2023),
        ("2024 계획안", 2024),
        ("2025년도", 2025),
        ("'25~'29", None),
        ("계", None),
    ],
)
def test_year_in_header(header: str, year: int | None) -> None:
    assert year_in(header, 2025) == year


@pytest.mark.parametrize(
    ("statement", "units"),
    [("(단위: 백만원)", ["백만원"]), ("(단위 : 억원, %)", ["억원", "%"]), ("(억원)", ["억원"])],
)
def test_unit_statements(statement: str, units: list[str]) -> None:
    assert units_of(statement) == units


# --- properties -------------------------------------------------------------------------------

_ALPHABET = st.sampled_from([*"|-: \n0123456789,.△()구분계합년'억원단위%", "2025", "(단위: 억원)"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_recogniser_never_raises_and_cells_show_their_text(text: str) -> None:
    for t in find_text_tables(text):
        for c in t.cells:
            assert c.start is not None
            assert c.end is not None
            assert text[c.start : c.end] == c.text
            assert 0 <= c.row < t.n_rows
            assert 0 <= c.col < t.n_cols


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_reading_tables_never_raises(text: str) -> None:
    extract_text(text)


def test_long_one_line_run_of_figures_is_read_once() -> None:
    # A one-line document of figures: the recogniser skips a rejected run whole.
    line = " ".join(["1,234"] * 20000)
    assert find_text_tables(line) == []


# --- one cell a line --------------------------------------------------------------------------

ONE_CELL = [
    (
        "a bill's cost table: one cell a paragraph, row by row",
        "[표 1] 추가 재정소요\n\n(단위: 백만원)\n\n구분\n\n2026\n\n2027\n\n합계\n\n"
        "인건비\n\n1,200\n\n1,236\n\n2,436\n\n자료: 국회예산정책처",
        [(1200 * M, 2026), (1236 * M, 2027), (2436 * M, None)],
    ),
    (
        "column by column: years come out down the side; a year's 계 is that year's",
        "<표 3> 재원별 투자계획\n구분\n국비\n지방비\n계\n2024\n100\n50\n150\n2025\n120\n60\n180\n"
        "(단위: 억원)",
        [
            (100 * E, 2024),
            (50 * E, 2024),
            (150 * E, 2024),
            (120 * E, 2025),
            (60 * E, 2025),
            (180 * E, 2025),
        ],
    ),
    (
        "a header without its corner cell, count rows under a count unit",
        "(단위: 명, %)\n\n2010\n\n2011\n\n평균\n\n수급자(A)\n\n21,185\n\n29,145\n\n25,165",
        [],
    ),
]


@pytest.mark.parametrize(("why", "text", "expected"), ONE_CELL, ids=[o[0] for o in ONE_CELL])
def test_one_cell_a_line_tables(
    why: str, text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert _amounts(text) == expected, why


def test_one_cell_a_line_structure_without_corner() -> None:
    text = "(단위: 명)\n2010\n2011\n수급자\n21,185\n29,145"
    (t,) = find_text_tables(text)
    assert t.rows_text() == ((None, "2010", "2011"), ("수급자", "21,185", "29,145"))
    assert t.unit == "(단위: 명)"


def test_a_list_of_short_lines_is_no_table() -> None:
    assert find_text_tables("추진 배경\n현황\n과제\n향후 계획") == []


def _ocr_table_text() -> str:
    # A caption's unit statement, a chart's labels read between it and the table, the
    # year header, then a line of the other column read across, then the row.
    return (
        "<표 3> 연도별 지원 규모\n(단위: 조원, %)\n"
        "60.0 30.0\n7.7 7.9 7.7\n2021 2022 2023 0.0\n"
        "지원규모   증가율      2021     2022     2023\n"
        "모시시   <52>2023년도분야별규모   선싸즈.%60\n"
        "기금     12.5     13.8     14.1\n"
        "기타회계     0.5     0.9     1.2\n"
    )


def test_ocr_a_year_header_over_a_noise_line_and_a_far_caption_unit_frame_the_row() -> None:
    doc = extract_text(_ocr_table_text(), ocr_text=True)
    got = [(a.text, a.value_krw, a.year) for a in doc.amounts if a.unit_implied]
    assert got[-6:] == [
        ("12.5", 12_500_000_000_000, 2021),
        ("13.8", 13_800_000_000_000, 2022),
        ("14.1", 14_100_000_000_000, 2023),
        ("0.5", 500_000_000_000, 2021),
        ("0.9", 900_000_000_000, 2022),
        ("1.2", 1_200_000_000_000, 2023),
    ]


def test_ocr_a_year_header_is_not_looked_for_past_a_row_or_in_clean_text() -> None:
    text = _ocr_table_text()
    # Clean text: the line between is no noise to look past.
    tables = find_text_tables(normalize(text).text)
    assert not any("12.5" in [c.text for c in t.cells] and t.unit for t in tables)
    # Another table's row between the header and the row: the header is that table's.
    blocked = text.replace("모시시", "국비 1,200 1,300 1,400\n모시시")
    doc = extract_text(blocked, ocr_text=True)
    # Without its header the row is no table the caption's unit reaches: no figures.
    assert [a.text for a in doc.amounts if a.text in ("12.5", "13.8", "14.1")] == []
    assert [a.text for a in doc.amounts][:3] == ["1,200", "1,300", "1,400"]


# --- a year's stage word the list lacks -------------------------------------------------------

# Garbled by OCR or simply not a stage the list knows: a year and the word after it head
# one column, so each year stays over its own figures instead of moving one column right.
UNKNOWN_STAGES = [
    "2022년 본예산 2023년 예산안 증감",
    "2022년 본예삽 2023년 예산압 증감",
    "2022년 가결액 2023년 심의액 증감",
]


@pytest.mark.parametrize("header", UNKNOWN_STAGES)
def test_a_year_and_an_unknown_stage_head_one_column(header: str) -> None:
    text = f"(단위: 억원)\n분야명 {header}\n복지 2,890 2,690 △200\n산업 1,056 847 △209\n"
    amounts = _amounts(text)
    assert (2890 * E, 2022) in amounts
    assert (2690 * E, 2023) in amounts
    assert (1056 * E, 2022) in amounts
    assert (847 * E, 2023) in amounts
    assert not any(y == 2023 and v in (2890 * E, 1056 * E) for v, y in amounts)


def test_a_column_word_after_a_year_stays_its_own_column() -> None:
    # 2023년 증감 is two columns: 증감 never becomes the 2023 column's stage.
    text = "(단위: 억원)\n분야 2022년 2023년 증감\n복지 2,890 2,690 △200\n"
    amounts = _amounts(text)
    assert (2890 * E, 2022) in amounts
    assert (2690 * E, 2023) in amounts
