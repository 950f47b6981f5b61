"""Period extraction, case by case from tests/cases/periods.toml (grouped by source)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from gongmun.extractors.context import Context
from gongmun.extractors.periods import find_periods
from gongmun.models import TimePoint
from gongmun.normalize import normalize

CASES = tomllib.loads((Path(__file__).parent / "cases" / "periods.toml").read_text("utf-8"))
PARAMS = [
    pytest.param(case, id=f"{group}-{i}")
    for group, cases in CASES.items()
    for i, case in enumerate(cases)
]


def _side(value: Any) -> TimePoint | None:
    if value == "open":
        return None
    year, month, half, quarter = (v or None for v in value)
    return TimePoint(year=year, month=month, half=half, quarter=quarter)


@pytest.mark.parametrize("case", PARAMS)
def test_case(case: dict[str, Any]) -> None:
    ctx = Context(norm=normalize(case["text"]), doc_year=case.get("doc_year", 2025))
    got = find_periods(ctx)
    want = case["expect"]
    assert [p.text for p in got] == [w["text"] for w in want]
    for p, w in zip(got, want, strict=True):
        assert p.start == _side(w["start"]), p.text
        assert p.end == _side(w["end"]), p.text
        assert p.duration_years == w.get("duration"), p.text


def test_month_without_any_year_keeps_its_month() -> None:
    ctx = Context(norm=normalize("2차 공고는 7월 이후 할 예정"))
    (p,) = find_periods(ctx)
    assert p.start == TimePoint(month=7)
    assert p.end is None


def test_document_year_resolves_two_digit_years() -> None:
    text = "1989. 6. 30. 경제기획원 발표: '88~'91 계획"
    (p,) = find_periods(Context(norm=normalize(text)))
    assert p.start is not None
    assert p.start.year == 1988
    assert p.end is not None
    assert p.end.year == 1991
