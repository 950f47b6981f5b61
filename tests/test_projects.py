"""Table-driven project cases from tests/cases/projects.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from gongmun import extract_text
from gongmun.extractors.projects import clean_name
from gongmun.extractors.projects.aliases import find_aliases
from gongmun.extractors.projects.names import position_name
from gongmun.models import Project

CASES = tomllib.loads((Path(__file__).parent / "cases" / "projects.toml").read_text("utf-8"))


def _by_name(projects: list[Project], name: str) -> Project:
    found = [p for p in projects if p.name == name]
    assert found, f"{name!r} not among {[p.name for p in projects]}"
    return found[0]


@pytest.mark.parametrize("case", CASES["case"], ids=[c["label"] for c in CASES["case"]])
def test_project_case(case: dict[str, Any]) -> None:
    doc = extract_text(case["text"])
    names = case.get("names") or [case["name"]]
    assert [p.name for p in doc.projects] == names
    for name, total in zip(names, case.get("totals", []), strict=False):
        got = _by_name(doc.projects, name).total
        assert got is not None
        assert got.value_krw == total
    if "name" not in case:
        return
    project = _by_name(doc.projects, case["name"])
    if "period" in case:
        assert project.period is not None
        start = project.period.start.year if project.period.start else None
        end = project.period.end.year if project.period.end else None
        assert [start, end] == case["period"]
    else:
        assert project.period is None
    expected_total = case.get("total")
    assert (project.total.value_krw if project.total else None) == expected_total
    annual = {str(a.year): a.amount.value_krw for a in project.annual}
    assert annual == {str(k): v for k, v in case.get("annual", {}).items()}
    funding = {f.source: f.amount.value_krw for f in project.funding}
    assert funding == case.get("funding", {})


@pytest.mark.parametrize("case", CASES["negative"], ids=[c["label"] for c in CASES["negative"]])
def test_not_a_project(case: dict[str, Any]) -> None:
    assert extract_text(case["text"]).projects == []


def test_project_spans_show_the_name() -> None:
    text = "ㅇ 알키미스트+(미래 판기술 프로젝트) 사업 본격 추진('25년 50억원)"
    doc = extract_text(text)
    [project] = doc.projects
    assert project.name == "알키미스트+(미래 판기술 프로젝트) 사업"
    assert doc.text[project.span.start : project.span.end] == project.name
    assert project.raw_span is not None
    assert text[project.raw_span.start : project.raw_span.end] == project.name


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("기술사업화 CVC펀드 조성", "기술사업화 CVC펀드"),
        ("빼재 레저모험타운 조성", "빼재 레저모험타운 조성"),
        ("반도체 기판 기술개발사업 신규 기획", "반도체 기판 기술개발사업"),
        ("연구자 창업을 지원하는 CVC투자연계R&D 신규 사업 착수", "CVC투자연계R&D"),
        ("'24년 초격차 프로젝트", "초격차 프로젝트"),
        ("산업별 협의회 및 기술위원회 운영", None),
        ("2022년 기후대응기금", "기후대응기금"),
        ("요구하는한편 신규사업", None),
        ("감소하였고 주택도시기금", "주택도시기금"),
        ("6개 과제 선정", None),
    ],
)
def test_clean_name(phrase: str, name: str | None) -> None:
    assert clean_name(phrase) == name


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # A status word after the name always goes.
        ("해양 드론 기술 개발 추진", "해양 드론 기술 개발"),
        # 강화/확대/신설 go only where what is left ends in a head noun.
        ("차세대연구자 도전·혁신 지원 강화", "차세대연구자 도전·혁신 지원"),
        ("차세대 전력반도체 소자 제조 역량 강화", "차세대 전력반도체 소자 제조 역량 강화"),
        # A noun in 해 (연근해, 동해) is no verb ending a clause before the name.
        ("연근해 어선 안전장비 보급 지원", "연근해 어선 안전장비 보급 지원"),
        ("동해 심층수 산업화 기반 조성", "동해 심층수 산업화 기반 조성"),
        ("예산을 투입해 어선 안전장비 보급 지원", None),
        ("미첨부 사유", None),
    ],
)
def test_position_name(phrase: str, name: str | None) -> None:
    assert position_name(phrase, strict=True) == name


@pytest.mark.parametrize(
    ("text", "aliases"),
    [
        ("「해양 드론 실증」(이하 '드론 사업')을 추진", {"드론사업": "해양 드론 실증"}),
        ("“연안 정화 선박 건조”(이하 “정화선”이라 한다)", {"정화선": "연안 정화 선박 건조"}),
        ("『갯벌 복원 사업』(이하 갯벌사업)", {"갯벌사업": "갯벌 복원 사업"}),
        # The same name twice is no alias; a plain group is none.
        ("「항만 정비」(이하 '항만 정비')", {}),
        ("「항만 정비」(’26~’28)", {}),
    ],
)
def test_find_aliases(text: str, aliases: dict[str, str]) -> None:
    assert {k: v.name for k, v in find_aliases(text).items()} == aliases
