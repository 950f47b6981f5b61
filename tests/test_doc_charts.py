"""A chart's figures laid out in columns are no table, and a table inherits no unit that
is not its own (two units side by side, counts listed beside money). Every input here is
made up for the rule it tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_readers_pdf import FONT, make_pdf

from gongmun.doc.aligned_text import find_aligned_tables
from gongmun.doc.charts import reads_as_chart
from gongmun.doc.tables import table_from_rows
from gongmun.doc.text_tables import find_text_tables
from gongmun.extractors.table_figures import read_tables, table_units
from gongmun.pipeline import extract_text
from gongmun.readers import read_path

E = 10**8

# Two charts side by side, as a text layer or OCR lays them out: titles, each panel's
# unit, then ticks of the left axis and data labels, lined up but with no row labels.
CHARTS = (
    "□ 지원 규모의 변화\n"
    "\n"
    "지원규모 추이                                      매출 대비 지원 비중\n"
    "(단위: 억원,%)                                                (단위:%)\n"
    "90.0                                      45.0         12.0\n"
    "8.4                 8.8           8.1\n"
    "60.0         24.5                                 -10.0\n"
    "7.2                       6.9                       3.0\n"
    "30.0--                          ~ 15               -00\n"
    "0.0\n"
    "2021    2022    2023    2024    2025          0.0\n"
)

# The same columns with a label on every row: a table, read as one.
LABELLED = (
    "(단위: 억원)\n"
    "구  분          2024          2025\n"
    "국  비           90.0          60.0\n"
    "지방비            8.4           8.8\n"
    "합  계           98.4          68.8\n"
)


def test_a_chart_laid_out_in_columns_is_no_table() -> None:
    assert find_aligned_tables(CHARTS) == []
    doc = extract_text(CHARTS)
    assert doc.tables == []
    # No tick or data label is read as money under the chart's unit.
    assert [a.text for a in doc.amounts] == []


def test_labelled_rows_in_the_same_columns_stay_a_table() -> None:
    [t] = find_aligned_tables(LABELLED)
    assert t.rows_text()[1] == ("국  비", "90.0", "60.0")
    got = [(a.value_krw, a.year) for a in extract_text(LABELLED).amounts]
    assert got[:2] == [(90 * E, 2024), (60 * E, 2025)]


def test_row_numbers_and_years_down_the_side_are_labels() -> None:
    numbered = table_from_rows(
        [["연번", "사업명", "예산"], ["1", "스마트 농업", "120"], ["2", "물 관리", "80"]],
        "text_aligned",
        header_rows=1,
    )
    by_year = table_from_rows(
        [["연도", "국비", "지방비"], ["2024", "120", "60"], ["’25년", "150", "75"]],
        "text_aligned",
        header_rows=1,
    )
    ticks = table_from_rows(
        [["추이", None, None], ["40.0", None, "7.5"], ["20.0", "6.1", None], ["3", "2.2", None]],
        "text_aligned",
        header_rows=1,
    )
    assert not reads_as_chart(numbered)
    assert not reads_as_chart(by_year)
    assert reads_as_chart(ticks)


def test_a_line_of_years_only_is_an_axis_not_a_row() -> None:
    # A chart's x axis under a heading: no row labelled by its first year.
    text = "보고서 제목 영역\n1990 1995 2000 2005 2010 2015\n\n다음 문단은 본문이다.\n"
    assert find_text_tables(text) == []


def _chart_pdf(c: Any) -> None:
    c.setFont(FONT, 10)
    c.drawString(72, 800, "<그림 1> 연도별 지원 규모 (단위: 억원)")
    # Data labels over their bars and the axis ticks on the left, in columns.
    rows = [
        ["60.0", "52.1", "48.3", "55.0"],
        ["40.0", "-1.4", "-0.9", "-0.7"],
        ["20.0", "18.2", "17.5", "19.9"],
    ]
    for i, row in enumerate(rows):
        for x, cell in zip([80, 200, 300, 400], row, strict=True):
            c.drawString(x, 770 - 16 * i, cell)
    for x, year in zip([200, 300, 400], ["2021", "2022", "2023"], strict=True):
        c.drawString(x, 710, year)


def test_a_pdf_chart_in_columns_is_no_aligned_table(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _chart_pdf))
    assert [t.source for t in raw.tables] == []
    assert "52.1" in raw.text


def test_two_units_side_by_side_are_no_one_unit_of_the_table() -> None:
    text = (
        "| (단위: 억원) | | (단위: %) |\n|---|---|---|\n| 구분 | 2024 | 점유 |\n| 계 | 120 | 3.5 |"
    )
    [t] = find_text_tables(text)
    assert table_units(text, t) == []
    # No figure takes the first statement's unit, nor the one the document states.
    assert read_tables(text, [t], 2025, doc_unit=10**6) == []
    same = text.replace("(단위: %)", "(단위: 억원)").replace("점유", "2025")
    got = [(f.value, f.year) for f in read_tables(same, find_text_tables(same), 2025)]
    assert got == [(120 * E, 2024), (int(3.5 * E), 2025)]


def test_counts_listed_in_a_header_cells_statement_keep_counts_out_of_money() -> None:
    text = (
        "| (단위: 개, 억원) | |\n|---|---|\n| 구분 | 2024 |\n"
        "| 참여기업 | 45 |\n| 지원기관(개) | 12 |\n| 지원예산(억원) | 300 |"
    )
    [t] = find_text_tables(text)
    assert table_units(text, t) == ["개", "억원"]
    # Only the row with 억원 of its own is money: 45 may be 45개 as well as 45억원.
    assert [f.value for f in read_tables(text, [t], 2025)] == [300 * E]
