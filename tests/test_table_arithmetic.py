"""Budget statement tables: the unit their rows' reckonings show (산출내역) when they state
none, and subtotal rows that name what they add up."""

from __future__ import annotations

from gongmun import extract_text
from gongmun.doc.tables import Table, table_from_rows
from gongmun.extractors.table_arithmetic import reckonings, shown_unit, shown_units

_HEAD = ["과목", "당초", "추경", "증감액", "산출내역"]


def _table(*rows: list[str]) -> Table:
    return table_from_rows([_HEAD, *rows], "hwp", header_rows=1)


def _pipes(*rows: list[str]) -> str:
    lines = ["| " + " | ".join(_HEAD) + " |", "|" + "---|" * len(_HEAD)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


_SALARY = [
    "급여",
    "48,000,000",
    "48,600,000",
    "600,000",
    "팀장 1인*2,000,000원*12개월 직원 2인*1,025,000원*12개월",
]
_FOOD = ["급식비", "4,200,000", "4,200,000", "0", "1인 7,000원 x 50명 x 12개월"]
_RENT = ["임차료", "3,000,000", "3,000,000", "0", "사무실 임차"]


def test_products_sums_and_results() -> None:
    assert reckonings("2,000원*3회 500원*2개") == {6000, 1000, 7000}
    # A result after = is the product before it, not one more term of the sum.
    assert reckonings("1,000원*12개월= 12,000원") == {12000}
    # Two money factors in one product are no reckoning of won.
    assert reckonings("1,000원*2,000원") == set()
    assert reckonings("직원 교육비 및 그 외") == set()


def test_two_rows_whose_reckonings_give_their_figures_show_won() -> None:
    assert (
        shown_unit(
            _table(["운영비", "69,960,000", "69,960,000", "0", "5,830,000원*12개월"], _FOOD, _RENT)
        )
        == 1
    )


def test_reckonings_in_thousands_show_thousands() -> None:
    rows = (
        ["운영비", "69,960", "69,960", "0", "5,830천원*12개월"],
        ["수당", "1,200", "1,200", "0", "100천원 x 12월"],
    )
    assert shown_unit(_table(*rows)) == 1000


def test_one_row_is_not_enough_and_rows_that_disagree_show_nothing() -> None:
    assert shown_unit(_table(_FOOD, _RENT)) is None
    thousands = ["운영비", "69,960", "69,960", "0", "5,830천원*12개월"]
    won = ["운영비", "69,960,000", "69,960,000", "0", "5,830,000원*12개월"]
    assert shown_unit(_table(thousands, won, _FOOD)) is None


def test_a_table_split_over_pages_shares_the_unit_its_parts_show() -> None:
    first = _table(["운영비", "69,960,000", "69,960,000", "0", "5,830,000원*12개월"], _FOOD)
    second = _table(_RENT)
    other = table_from_rows([["구분", "인원"], ["팀장", "3"]], "hwp", header_rows=1)
    assert shown_units([first, second, other]) == [1, 1, None]


def test_the_figures_of_a_budget_statement_without_a_unit_are_read_as_won() -> None:
    doc = extract_text("2025년 세입세출 예산서\n\n" + _pipes(_SALARY, _FOOD, _RENT) + "\n")
    read = {(a.cell.row, a.cell.col): a.value_krw for a in doc.amounts if a.cell is not None}
    assert read[(1, 1)] == 48_000_000
    assert read[(1, 2)] == 48_600_000
    assert read[(3, 1)] == 3_000_000
    change = next(
        a for a in doc.amounts if a.cell is not None and (a.cell.row, a.cell.col) == (1, 3)
    )
    assert change.value_krw == 600_000
    assert change.unit_implied
    # The reckonings' own amounts are read as written, once each.
    assert sum(a.value_krw == 2_000_000 for a in doc.amounts) == 1


def test_without_reckonings_bare_figures_stay_unread() -> None:
    doc = extract_text(
        "예산서\n\n" + _pipes(_RENT, ["수용비", "1,000,000", "1,000,000", "0", "사무용품"]) + "\n"
    )
    assert [a for a in doc.amounts if a.unit_implied] == []


def test_a_unit_the_document_states_comes_first() -> None:
    text = (
        "※ 이하 표의 금액 단위는 천원\n\n"
        + _pipes(["운영비", "69,960", "69,960", "0", "5,830,000원*12개월"], _FOOD)
        + "\n"
    )
    doc = extract_text(text)
    assert {a.value_krw for a in doc.amounts if a.cell is not None and a.cell.col == 1} == {
        69_960_000,
        4_200_000_000,
    }


def test_a_subtotal_naming_what_it_adds_up_is_a_totals_row() -> None:
    doc = extract_text(
        "(단위: 천원)\n\n"
        + _pipes(
            _RENT,
            ["임차료 소계", "3,000", "3,000", "0", ""],
            ["일반회계", "5,000", "5,000", "0", ""],
        )
        + "\n"
    )
    totals = {
        a.cell.row: a.total_row for a in doc.amounts if a.cell is not None and a.cell.col == 1
    }
    assert totals == {1: False, 2: True, 3: False}


def test_a_solid_triangle_change_takes_the_sign_its_row_shows() -> None:
    doc = extract_text(
        "(단위: 천원)\n\n"
        + _pipes(
            ["수용비", "2,344", "2,104", "▲240", ""],  # a budget sheet's ▲: a fall
            ["급여", "1,000", "1,300", "▲300", ""],  # a market report's ▲: a rise
            ["잡지출", "500", "500", "▲70", ""],  # the row shows neither
        )
        + "\n"
    )
    changes = {
        a.cell.row: a.value_krw for a in doc.amounts if a.cell is not None and a.cell.col == 3
    }
    assert changes == {1: -240_000, 2: 300_000}
