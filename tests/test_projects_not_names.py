"""Phrases a name's place offers that name no programme (found auditing real HWP files):
a time clause, a revenue item, an account line a formula refers to, a class of funds,
a notice, a schedule's dated steps, a table's header cell, a heading before a bullet."""

from __future__ import annotations

import dataclasses

import pytest

from gongmun import extract_text
from gongmun.doc.tables import place, table_from_rows
from gongmun.extractors.projects.names import cell_name, clean_name, position_name
from gongmun.pipeline import extract_raw
from gongmun.readers import from_text


@pytest.mark.parametrize(
    "phrase",
    [
        "정기 감사 시",  # a time: "at the audit"
        "사업 승인 후",
        "주차장 사용료",  # revenue items of a 세입 table
        "기타잡수입",
        "지출 및 순융자 (B)",  # an account line a formula (A-B) refers to
        "통합재정수지 (A-B)",
        "참여기업 모집 공고",  # a notice
        "기본계획 수립('24년) · 시범 운영",  # a schedule's dated steps
        "설계 용역('25년) / 착공 및 준공",
    ],
)
def test_position_refuses(phrase: str) -> None:
    assert position_name(phrase, strict=True) is None


def test_position_keeps_names_alike() -> None:
    assert position_name("해양 드론 기술 개발(A형)", strict=True) == "해양 드론 기술 개발(A형)"
    assert position_name("수입 대체 소재 개발", strict=True) == "수입 대체 소재 개발"
    assert clean_name("기본계획 수립('24년) · 실증 지원사업") is None
    assert clean_name("수소 충전소('24년 준공) 확충사업") == "수소 충전소('24년 준공) 확충사업"


def test_a_class_of_funds_is_no_fund() -> None:
    assert extract_text("ㅇ 사회보장성기금 : 총 120조원").projects == []
    assert [p.name for p in extract_text("ㅇ 고용보험기금 : 총 12조원").projects] == [
        "고용보험기금"
    ]


@pytest.mark.parametrize(("cell", "expected"), [("주요 일정", None), ("2025년 예산", None)])
def test_header_cells_are_no_names(cell: str, expected: None) -> None:
    assert cell_name(cell) == expected


def test_revenue_rows_of_a_budget_table_are_no_projects() -> None:
    rows = (
        ("구분", "2025년", "2026년"),
        ("주차장 사용료", "94", "97"),
        ("기타잡수입", "841", "841"),
        ("해양 드론 기술 개발", "120", "150"),
        ("스마트 항만 실증", "80", "95"),
        ("연안 침식 방지 시설 정비", "60", "64"),
        ("어촌 체험마을 조성", "30", "42"),
    )
    head = "□ 세입·세출 예산 (단위: 백만원)\n"
    body, table = place(table_from_rows(rows, "hwpx", header_rows=1), len(head))
    raw = dataclasses.replace(
        from_text(head + body), tables=(table,), media_type="application/hwp+zip"
    )
    assert [p.name for p in extract_raw(raw).projects] == [
        "해양 드론 기술 개발",
        "스마트 항만 실증",
        "연안 침식 방지 시설 정비",
        "어촌 체험마을 조성",
    ]


def test_a_heading_before_a_bullet_is_cut_off() -> None:
    text = "ㅇ 예산 세부 내역 □ 해양 드론 기술 개발 : '25년 30억원, '26년 45억원"
    names = [p.name for p in extract_text(text).projects]
    assert names == ["해양 드론 기술 개발"]


def test_a_recipient_group_is_no_programme() -> None:
    # A budget split by who receives it names groups; the same words with a head noun,
    # or with what is done for them, name a programme.
    text = "□ 기업 유형별로 중견기업 지원 150억원, 중소·중견기업 지원 200억원을 배정하였다."
    assert extract_text(text).projects == []
    kept = extract_text("ㅇ 중견기업 수출 컨설팅 지원에 150억원을 배정하였다.").projects
    assert [p.name for p in kept] == ["중견기업 수출 컨설팅 지원"]
