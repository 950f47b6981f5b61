"""Roles of a project's figures, decided in their clause: table-driven cases grouped by
shape in tests/cases/project_roles.toml (year frames, totals beside yearly figures,
changes/thresholds/caps, funding shares, yearly figures without a year, and the one
decision between mentions of a project)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from gongmun import extract_text
from gongmun.extractors.projects.clause import CLAUSE_YEAR

CASES = tomllib.loads((Path(__file__).parent / "cases" / "project_roles.toml").read_text("utf-8"))


@pytest.mark.parametrize(
    "case", CASES["case"], ids=[f"{c['shape']}-{i}" for i, c in enumerate(CASES["case"])]
)
def test_role_case(case: dict[str, Any]) -> None:
    doc = extract_text(case["text"])
    found = [p for p in doc.projects if p.name == case["name"]]
    assert found, f"{case['name']!r} not among {[p.name for p in doc.projects]}"
    [project] = found
    if "period_end_only" in case:
        # "2028년까지": a period with an end only (TOML has no null for the open side).
        assert project.period is not None
        assert project.period.start is None
        assert project.period.end is not None
        assert project.period.end.year == case["period_end_only"]
    elif "period" in case:
        assert project.period is not None
        start = project.period.start.year if project.period.start else None
        end = project.period.end.year if project.period.end else None
        assert [start, end] == case["period"]
    else:
        assert project.period is None
    total = project.total.value_krw if project.total else None
    if case.get("no_total"):
        assert total is None
    else:
        assert total == case["total"]
    annual = {str(a.year): a.amount.value_krw for a in project.annual}
    assert annual == {str(k): v for k, v in case.get("annual", {}).items()}
    funding = {f.source: f.amount.value_krw for f in project.funding}
    assert funding == case.get("funding", {})


@pytest.mark.parametrize(
    "case", CASES["negative"], ids=[f"negative-{i}" for i, _ in enumerate(CASES["negative"])]
)
def test_no_project(case: dict[str, Any]) -> None:
    assert extract_text(case["text"]).projects == [], case["label"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("’26년 정부는 구축사업에 ", 2026),
        ("2026년도 예산안에서 ", 2026),
        ("지난 2020년 착공한 보강사업에 ", None),  # dates a past event
        ("2020년 착공한 보강사업에 ", None),
        ("’25년부터 ", None),  # the start of a schedule
        ("’25~’27 사업에 ", None),  # inside a period
        ("2024년 대비 ", None),  # a comparison
    ],
)
def test_clause_year_words(text: str, year: int | None) -> None:
    found = [m for m in CLAUSE_YEAR.finditer(text) if m["y4"] or m["y2"]]
    if year is None:
        assert not found
    else:
        assert found
        m = found[-1]
        assert (int(m["y4"]) if m["y4"] else 2000 + int(m["y2"])) == year


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("지난해 사업에 ", "지난해"),
        ("명년에는 ", "명년"),
        ("지난해 11월부터 ", None),  # the date of a past event
        ("재작년 ", None),  # two years back: no word of the table
        ("지난해보다 ", None),  # a comparison
    ],
)
def test_clause_relative_year_words(text: str, word: str | None) -> None:
    found = [m["rel"] for m in CLAUSE_YEAR.finditer(text) if m["rel"]]
    assert found == ([word] if word else [])
