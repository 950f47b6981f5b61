"""Names OCR garbled are trimmed at their edges or refused (projects/legible.py), and a
task table's rows are names only when a name column's cell could be one."""

from __future__ import annotations

import pytest

from gongmun import extract_text
from gongmun.extractors.projects.legible import legible_name
from gongmun.extractors.projects.names import cell_name


@pytest.mark.parametrize(
    ("name", "ocr", "expected"),
    [
        # Legible names pass whole, Latin, marks and years included.
        ("R&D 혁신스케일업 융자사업", True, "R&D 혁신스케일업 융자사업"),
        ("M & A 지원 펀드", False, "M & A 지원 펀드"),
        ("서해~동해 연결도로 건설사업", False, "서해~동해 연결도로 건설사업"),
        ("고속/고압 압출 플랫폼 구축", True, "고속/고압 압출 플랫폼 구축"),
        ("2050 탄소중립 기술개발", True, "2050 탄소중립 기술개발"),
        ("어촌뉴딜 300 사업", True, "어촌뉴딜 300 사업"),
        ("해양관측2030사업", True, "해양관측2030사업"),
        # A trailing group of bare digits or garble: a misread acronym, trimmed.
        ("해양 로봇 육성사업(547)", False, "해양 로봇 육성사업"),
        ("수소 배관 안전 기술개발(6&0)", True, "수소 배관 안전 기술개발"),
        # A leading number in OCR text is a misread acronym; as written, it is the name's.
        ("514 원전 해체 기술개발", True, "원전 해체 기술개발"),
        ("119 구급차 확충", False, "119 구급차 확충"),
        # A table rule at an edge.
        ("| 스마트 항만 구축사업", False, "스마트 항만 구축사업"),
        # A slip or two in a long name: kept.
        ("발광 양자점(ㄷL-Q0) 디스플레이 패널용 소재 개발", True, None),
        # Garbled through: refused.
        ("항만자율운영501/플랫폼개발", True, None),
        ("해상풍력7014플랫폼기술개발", True, None),
        ("&0과제 연계를 위한 ^&미 개발", True, None),
        ("대형 저장장치(4시간,1001/\\/급) 개발", True, None),
        # A jamo at the start is a misread bullet over a line of prose.
        ("ㅁ'26년 신규사업 등을 통해 4개 과제 착수", True, None),
        # Too little left after trimming.
        ("원(\\\\.1131.0「.1[)", True, None),
    ],
)
def test_legible_name(name: str, ocr: bool, expected: str | None) -> None:
    got = legible_name(name, ocr=ocr)
    if name.startswith("발광"):
        assert got == name  # two jamo in 25 letters: still the name an analyst reads
    else:
        assert got == expected


def test_garbled_names_from_ocr_text() -> None:
    text = (
        "ㅇ 수소 배관 안전 기술개발(347)('25~'28, '25년 32억원)\n"
        "ㅇ 항만자율운영501/플랫폼개발('25~'27, '25년 18억원)\n"
        "ㅇ 해상 풍력 부유체 실증사업('26~'29, '26년 40억원)\n"
        "ㅇ 연료전지 소재 기술개발(6&0)('26~'28, '26년 12억원)\n"
    )
    doc = extract_text(text, ocr_text=True)
    # (R&D) read as (6&0) is repaired in the text, so the name keeps it.
    assert [p.name for p in doc.projects] == [
        "수소 배관 안전 기술개발",
        "해상 풍력 부유체 실증사업",
        "연료전지 소재 기술개발(R&D)",
    ]
    kept = doc.projects[0]
    assert doc.text[kept.span.start : kept.span.end] == "수소 배관 안전 기술개발"


def test_leading_number_kept_in_text_as_written() -> None:
    rows = "사업명 기간\n119 구급차 확충\n112 신고 통합 시스템 구축\n"
    assert [p.name for p in extract_text(rows).projects] == [
        "119 구급차 확충",
        "112 신고 통합 시스템 구축",
    ]
    assert [p.name for p in extract_text(rows, ocr_text=True).projects] == [
        "구급차 확충",
        "신고 통합 시스템 구축",
    ]


def test_task_table_rows_of_figures_or_counts_are_not_names() -> None:
    text = "과제명 주관\n스마트 항만 실증\n3년간 90억원, 4개 과제\n연구 2개, 본연구 6개 테마\n"
    assert [p.name for p in extract_text(text).projects] == ["스마트 항만 실증"]


def test_a_misread_box_bullet_ends_a_task_table() -> None:
    # □ written (or read by OCR) as ㅁ opens a line of prose, not a row of the table.
    text = (
        "분야 프로젝트\n해양 드론 기술 개발\n"
        "ㅁ 과제별 전담팀 운영으로 이행 점검 강화\n연차별 로드맵 점검 추진\n"
    )
    assert [p.name for p in extract_text(text).projects] == ["해양 드론 기술 개발"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("해양 드론 기술 개발", "해양 드론 기술 개발"),
        ("1억 UPH급 고생산성 전사 기술개발", "1억 UPH급 고생산성 전사 기술개발"),
        ("4년간 100억원, 6개 과제", None),
        ("총 3,000만 원", None),
        ("스마트 양식장 12개소 구축", None),
        ("신규테마 3개", None),
    ],
)
def test_cell_name_refuses_sums_and_counts(cell: str, expected: str | None) -> None:
    assert cell_name(cell) == expected


def test_a_class_of_programmes_ocr_misread_is_no_project() -> None:
    text = (
        "ㅇ 주택도시기금의 재정응자사업이 24조원으로 가장 크고, 재정용자사업('25~'27, 총 30억원)\n"
    )
    names = [p.name for p in extract_text(text, ocr_text=True).projects]
    assert not any(n.replace(" ", "") in ("재정응자사업", "재정용자사업") for n in names)
