"""Flattened tables below a caption keep one cell a line; a dateline caption does not."""

from __future__ import annotations

from gongmun import normalize


def test_rows_under_a_table_caption_are_not_joined() -> None:
    raw = (
        "< '25년 주요 신규과제(안) >\n"
        "구 분 주요 신규과제\n"
        "패키지형\n"
        "- 고순도 전구체 원료 제조 기술개발\n"
        "- 자원 순환형 고분자 소재 및 응용 기술개발\n"
        "융합형\n"
        "(투자연계형)\n"
        "- 고효율 수소저장 모듈 개발\n"
        "□ 산업별 기술 경쟁력맵 작성 및\n"
        "확산 추진\n"
    )
    lines = normalize(raw).text.split("\n")
    assert "- 자원 순환형 고분자 소재 및 응용 기술개발" in lines
    assert "융합형" in lines
    # The table ends at the next □ item, whose wrapped line joins again.
    assert "□ 산업별 기술 경쟁력맵 작성 및 확산 추진" in lines


def test_a_dateline_in_angle_brackets_is_not_a_table() -> None:
    raw = (
        "< 4.10.(목) 조간 >\n배포 2025. 4. 9.(수)\n\n"
        "미래 소재·부품 기반구축사업을\n신규로 추진한다."
    )
    assert "미래 소재·부품 기반구축사업을 신규로 추진한다." in normalize(raw).text


def test_a_unit_line_starts_a_table() -> None:
    raw = (
        "(단위: 백만원, %)\n"
        "사업명 2022년 결산 2023년 2024년 증감\n"
        "창업사업화자\n"
        "금(융자)\n"
        "2,300,000 2,230,000 2,007,800 △222,200\n"
    )
    assert normalize(raw).text.split("\n")[1] == "사업명 2022년 결산 2023년 2024년 증감"
