"""Tables laid out in columns of spaces (``text_aligned``), read from the raw text, and the
header shapes of flattened budget sheets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.doc.aligned_text import find_aligned_tables, with_aligned_tables
from gongmun.doc.text_tables import find_text_tables
from gongmun.pipeline import extract_text

E = 10**8
M = 10**6

PLAN = (
    "2. 연차별 투자계획\n"
    "                                        (단위: 억원)\n"
    "  연  도       국  비      지방비       계\n"
    "  2025         120         60        180\n"
    "  2026         150         75        225\n"
    "  합  계       270        135        405\n"
)

TASKS = (
    "3. 세부 과제\n"
    "  과제명                       사업기간       총사업비\n"
    "  AI 기반 재난 예측 플랫폼      2025~2027       320\n"
    "  디지털 트윈 도시관리          2025~2026       340\n"
    "                                             (단위: 억원)\n"
)


def test_columns_come_from_the_blanks_of_every_body_row() -> None:
    [t] = find_aligned_tables(PLAN)
    assert t.source == "text_aligned"
    assert t.header_rows == 1
    # 연  도 and 국  비 are one header cell each: no body row has a gap there.
    assert t.rows_text() == (
        ("연  도", "국  비", "지방비", "계"),
        ("2025", "120", "60", "180"),
        ("2026", "150", "75", "225"),
        ("합  계", "270", "135", "405"),
    )
    assert all(PLAN[c.start : c.end] == c.text for c in t.cells)


def test_cells_keep_words_parted_by_one_space() -> None:
    [t] = find_aligned_tables(TASKS)
    assert t.rows_text()[1] == ("AI 기반 재난 예측 플랫폼", "2025~2027", "320")


def test_aligned_tables_give_amounts_with_row_years_and_a_unit_after() -> None:
    got = [(a.value_krw, a.year, a.cell is not None) for a in extract_text(PLAN + TASKS).amounts]
    assert got == [
        (120 * E, 2025, True),
        (60 * E, 2025, True),
        (180 * E, 2025, True),
        (150 * E, 2026, True),
        (75 * E, 2026, True),
        (225 * E, 2026, True),
        (270 * E, None, True),
        (135 * E, None, True),
        (405 * E, None, True),
        (320 * E, None, True),
        (340 * E, None, True),
    ]


def test_aligned_rows_are_not_joined_into_one_paragraph() -> None:
    doc = extract_text(TASKS)
    assert "  AI 기반 재난 예측 플랫폼      2025~2027       320\n" in doc.text
    assert [t.source for t in doc.tables] == ["text_aligned"]


def test_a_header_word_over_two_sub_columns_spans_them() -> None:
    text = (
        "  구분          2025년              2026년\n"
        "              국비    지방비      국비    지방비\n"
        "  R&D         100       50       110       55\n"
        "  인력         20       10        22       11\n"
    )
    [t] = find_aligned_tables(text)
    assert t.header_rows == 2
    year = next(c for c in t.cells if c.text == "2025년")
    assert year.colspan == 2
    got = [(a.value_krw, a.year) for a in extract_text("(단위: 억원)\n" + text).amounts]
    assert got[:4] == [(100 * E, 2025), (50 * E, 2025), (110 * E, 2026), (55 * E, 2026)]


def test_prose_with_double_spaces_is_no_table() -> None:
    text = "정부는  내년  예산을  확정했다.\n지원  규모는  600억원이다.\n"
    assert find_aligned_tables(text) == []
    # A single row of figures is a line, not a table.
    assert find_aligned_tables("구분   2025   2026\n합계   100    200\n") == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=" \n가나2025,0  1억원-~", max_size=300))
def test_aligned_cells_always_show_their_text(text: str) -> None:
    for t in find_aligned_tables(text):
        for c in t.cells:
            assert c.start is not None
            assert c.end is not None
            assert text[c.start : c.end] == c.text
            assert c.col + c.colspan <= t.n_cols


# --- two-row headers of flattened budget sheets -----------------------------------------------


def test_stage_words_go_one_kind_to_a_year() -> None:
    text = (
        "(단위: 백만원, %)\n"
        "구 분 2024년 2025년 2026년 증 감\n"
        "결산 본예산(A) 추경 요구 정부안(B) (B-A) (B-A)/A\n"
        "보급확산 301,500 312,000 312,000 298,000 287,400 △24,600 △7.9\n"
        "고도화 51,500 52,000 52,000 50,000 48,400 △3,600 △6.9\n"
    )
    got = [(a.value_krw, a.year) for a in extract_text(text).amounts]
    assert got[:6] == [
        (301_500 * M, 2024),
        (312_000 * M, 2025),
        (312_000 * M, 2025),
        (298_000 * M, 2026),
        (287_400 * M, 2026),
        (-24_600 * M, None),
    ]
    # The rate column under (B-A)/A gives no amount.
    assert all(a.text != "△7.9" for a in extract_text(text).amounts)


def test_sub_columns_of_no_stage_split_evenly_between_years() -> None:
    text = (
        "(단위: 억원)\n"
        "구분 2025년 2026년\n"
        "국비 지방비 국비 지방비\n"
        "R&D 100 50 110 55\n"
        "인력 20 10 22 11\n"
    )
    [t] = find_text_tables(text)
    assert t.header_rows == 2
    got = [(a.value_krw, a.year) for a in extract_text(text).amounts]
    assert got[:4] == [(100 * E, 2025), (50 * E, 2025), (110 * E, 2026), (55 * E, 2026)]


def test_a_parenthesis_joins_a_word_without_one() -> None:
    text = "(단위: 억원)\n구분 2024년 2025년 증감 (B-A)\nR&D 100 120 20\n인력 10 12 2\n"
    [t] = find_text_tables(text)
    assert "증감 (B-A)" in [c.text for c in t.cells]
    got = [(a.value_krw, a.year) for a in extract_text(text).amounts]
    assert got[:3] == [(100 * E, 2024), (120 * E, 2025), (20 * E, None)]


def test_ocr_text_gets_no_tables_from_its_spaces() -> None:
    # Tesseract's runs of spaces are no page columns: OCR'd text (or its OCR'd ranges)
    # leaves its tables to the text tables; the rest of a document still has them.
    page = "구분      2025     2026\n국비      120      130\n지방비    60       65\n"
    text = "본문 첫 쪽\n" + page
    assert len(with_aligned_tables((), text)) == 1
    assert with_aligned_tables((), text, ocr=True) == ()
    assert with_aligned_tables((), text, ocr=[(6, len(text))]) == ()
    assert len(with_aligned_tables((), text, ocr=[(0, 6)])) == 1
