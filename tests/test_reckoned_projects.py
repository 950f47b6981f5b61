"""A cost line's working (산출내역) names no project: its figures are reckoned, not given."""

from __future__ import annotations

import gongmun
from gongmun.extractors.table_arithmetic import reckoned


def test_factor_and_result_of_a_reckoning_are_reckoned() -> None:
    line = "사회보험부담금 3,000원(급여*0.01)*12개월= 36,000원"
    factor = line.index("3,000원")
    result = line.index("36,000원")
    assert reckoned(line, factor, factor + len("3,000원"))
    assert reckoned(line, result, result + len("36,000원"))


def test_a_figure_given_to_a_name_is_not_reckoned() -> None:
    line = "청년창업기금 500억원 조성, 3년간 x 배분"
    at = line.index("500억원")
    assert not reckoned(line, at, at + len("500억원"))


def test_fund_in_a_cost_line_is_no_project() -> None:
    text = "산출내역\n퇴직적립기금 12,500원*12개월= 150,000원\n"
    doc = gongmun.extract_text(text)
    assert doc.projects == []
    assert [a.value_krw for a in doc.amounts] == [12500, 150000]


def test_fund_given_a_budget_is_still_a_project() -> None:
    doc = gongmun.extract_text("ㅇ 지역균형발전기금 150,000원 지원\n")
    assert [p.name for p in doc.projects] == ["지역균형발전기금"]
