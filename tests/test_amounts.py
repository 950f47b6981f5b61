"""Amount extraction, case by case from tests/cases/amounts.toml (grouped by source)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from gongmun.extractors.amounts import find_amounts, parse_amount
from gongmun.extractors.context import Context
from gongmun.normalize import normalize

CASES = tomllib.loads((Path(__file__).parent / "cases" / "amounts.toml").read_text("utf-8"))
PARAMS = [
    pytest.param(case, id=f"{group}-{i}")
    for group, cases in CASES.items()
    for i, case in enumerate(cases)
]


def _extract(text: str, doc_year: int | None = None) -> list[Any]:
    return find_amounts(Context(norm=normalize(text), doc_year=doc_year))


@pytest.mark.parametrize("case", PARAMS)
def test_case(case: dict[str, Any]) -> None:
    got = _extract(case["text"], case.get("doc_year", 2025))
    want = case["expect"]
    assert [a.text for a in got] == [w["text"] for w in want]
    for a, w in zip(got, want, strict=True):
        assert a.value_krw == w["value"], a.text
        if "year" in w:
            assert a.year == (None if w["year"] == "null" else w["year"]), a.text
        for key in ("qualifier", "per"):
            if key in w:
                assert getattr(a, key) == w[key], a.text
        assert a.unit_implied == w.get("unit_implied", False), a.text
        assert a.decrease == w.get("decrease", False), a.text


@pytest.mark.parametrize(
    ("text", "won"),
    [
        ("1조 3,099억원", 1309900000000),
        ("2백37조원", 237000000000000),
        ("14조 4천567억 원", 14456700000000),
        ("112억5000만 원", 11250000000),
        ("3,497.3억", 349730000000),
        ("43.2억", 4320000000),
        ("5천만원", 50000000),
        ("15백만원", 15000000),
        ("0.3억원", 30000000),
        ("34억 원", 3400000000),
        ("377,656백만원", 377656000000),
        ("21,428,571원", 21428571),
        ("2천억원", 200000000000),
        ("△5억원", -500000000),
    ],
)
def test_parse_amount(text: str, won: int) -> None:
    assert parse_amount(text) == won


@pytest.mark.parametrize("text", ["6개", "1,667명", "5.5%", "116만명", "1억 UPH", "0.00001원", ""])
def test_parse_amount_refuses_what_is_not_money(text: str) -> None:
    assert parse_amount(text) is None


def test_records_map_back_to_the_raw_text() -> None:
    raw = "총  600억원\u200b과 ‘24년  35억 원"
    ctx = Context(norm=normalize(raw))
    got = find_amounts(ctx)
    assert [a.text for a in got] == ["600억원", "35억 원"]
    for a in got:
        assert ctx.text[a.span.start : a.span.end] == a.text
        assert a.raw_span is not None
        shown = raw[a.raw_span.start : a.raw_span.end]
        assert shown.replace(" ", "") == a.text.replace(" ", "")
    assert got[1].year == 2024


def test_a_row_one_figure_longer_than_its_year_header_keeps_only_its_ends_years() -> None:
    # Three years and a 증감 over six cells: 2023 has two sub-columns (당초, 수정) the
    # header lost, so the figures between the first and the last year's are of no year
    # that is certain; the rate leaving the row (a % unit) must not make it fit.
    text = (
        "(단위: 백만원, %)\n2022년 2023년 2024년 증감\n구분 결산\n"
        "융자 2,300,000 2,230,000 2,330,000 2,007,800 △222,200 △9.96\n"
    )
    got = find_amounts(Context(norm=normalize(text)))
    assert [a.text for a in got][:4] == ["2,300,000", "2,230,000", "2,330,000", "2,007,800"]
    assert [a.year for a in got] == [2022, None, None, 2024, None]
    # A stray short number among them could shift the ends: then no year at all.
    stray = text.replace("2,330,000", "4")
    assert {a.year for a in find_amounts(Context(norm=normalize(stray)))} == {None}
    # A row that does fill the header (its 증감 an amount and a rate) keeps its years.
    fits = text.replace("2,230,000 2,330,000", "2,330,000")
    assert [a.year for a in find_amounts(Context(norm=normalize(fits)))] == [
        2022,
        2023,
        2024,
        None,
    ]
