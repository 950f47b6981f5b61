"""Calls for proposals and notices (공고, 제안요청서) state a programme as a form's fields:
spaced-out labels (사 업 명), fields run on one line between bullets, sums after the won sign."""

from __future__ import annotations

import gongmun


def test_won_sign_figure_is_an_amount() -> None:
    text = "□ 사업 규모 : 일금 삼억원(₩ 300,000,000)\n3) 사업금액 : ￦1,250,000-\n"
    doc = gongmun.extract_text(text)
    assert [(a.text, a.value_krw) for a in doc.amounts] == [
        ("₩ 300,000,000", 300_000_000),
        ("￦1,250,000", 1_250_000),
    ]


def test_won_sign_before_a_unit_is_read_once() -> None:
    doc = gongmun.extract_text("총 ₩1.5억원 지원\n")
    assert [(a.text, a.value_krw) for a in doc.amounts] == [("1.5억원", 150_000_000)]


def test_spaced_out_name_label_takes_the_fields_below() -> None:
    text = (
        "□ 사 업 명 : 도서지역 해수담수화 시설 운영\n"
        "□ 주관 기관 : 한국해양연구소\n"
        "□ 사업 규모 : ₩ 250,000,000\n"
        "□ 사업 기간 : '26. 3. ~ '27. 2.\n"
    )
    doc = gongmun.extract_text(text)
    assert [p.name for p in doc.projects] == ["도서지역 해수담수화 시설 운영"]
    project = doc.projects[0]
    assert project.total is not None
    assert project.total.value_krw == 250_000_000
    assert project.period is not None
    assert project.period.start is not None
    assert project.period.start.year == 2026


def test_fields_between_bullets_on_one_line() -> None:
    text = "▪ 과 제 명 : 스마트 물관리 플랫폼 구축 ▪ 수행기간 : 12개월 ▪ 사업금액 : ￦900,000,000\n"
    doc = gongmun.extract_text(text)
    assert [(p.name, p.total and p.total.value_krw) for p in doc.projects] == [
        ("스마트 물관리 플랫폼 구축", 900_000_000)
    ]


def test_a_sum_field_is_no_project_name() -> None:
    doc = gongmun.extract_text("2) 사업기간 : 착수일로부터 12개월\n3) 사업금액 : ￦500,000,000-\n")
    assert doc.projects == []
