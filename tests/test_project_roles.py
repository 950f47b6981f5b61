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

CASES = tomllib.loads((Path(__file__).parent / "cases" / "project_roles.toml").read_text("utf-8"))


@pytest.mark.parametrize(
    "case", CASES["case"], ids=[f"{c['shape']}-{i}" for i, c in enumerate(CASES["case"])]
)
def test_role_case(case: dict[str, Any]) -> None:
    doc = extract_text(case["text"])
    found = [p for p in doc.projects if p.name == case["name"]]
    assert found, f"{case['name']!r} not among {[p.name for p in doc.projects]}"
    [project] = found
    if "period" in case:
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
