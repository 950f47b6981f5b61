"""One vocabulary of units and header words: the text passes (``amount_units``) and the
table view (``doc.columns``) read the same words, so a word added for one serves both."""

from __future__ import annotations

from gongmun.doc.columns import TableView
from gongmun.doc.text_tables import find_text_tables
from gongmun.extractors.amount_units import table_units

E = 10**8


def _text_pass(text: str) -> list[tuple[str, int, int | None]]:
    return [(text[h.start : h.end], h.value, h.year) for h in table_units(text, [], 2025)]


def test_a_count_unit_beside_money_makes_both_readers_keep_counts_out() -> None:
    # 가구 is a unit of things counted: beside 억원 it leaves money to the 억원 rows.
    text = "(단위: 가구, 억원)\n구분 2024 2025\n지원가구(가구) 120 130\n지원예산(억원) 300 320\n"
    assert _text_pass(text) == [("300", 300 * E, 2024), ("320", 320 * E, 2025)]
    md = "| 구분 | 2024 |\n|---|---|\n| 가구(가구) | 120 |"
    [t] = find_text_tables(md)
    assert TableView(t, unit=E, units=["가구", "억원"]).mixed
    assert not TableView(t, unit=E, units=["억원", "%"]).mixed


def test_a_rate_row_of_the_shared_list_is_no_money_in_the_text_pass() -> None:
    # One cell a line: a row labelled 집행률 (a rate header word) holds no amounts.
    text = "(단위: 억원, %)\n구분\n2024\n2025\n예산\n300\n320\n집행률\n95.1\n96.0\n"
    assert [v for _, v, _ in _text_pass(text)] == [300 * E, 320 * E]


def test_a_unit_statement_in_brackets_reads_the_same_units() -> None:
    text = "[단위: 백만원]\n구분 2024 2025\n국비 1,200 1,300\n"
    assert [v for _, v, _ in _text_pass(text)] == [1200 * 10**6, 1300 * 10**6]
