"""Projects from tables a reader found: the name column and the figures of each row.

Tables are built here as a reader would hand them over (cells placed in the text)."""

from __future__ import annotations

import dataclasses

import pytest

from gongmun.doc.tables import place, table_from_rows
from gongmun.models import Document
from gongmun.pipeline import extract_raw
from gongmun.readers import from_text

HEAD = "2025년 사업 현황\n"


def _projects(rows: tuple[tuple[str | None, ...], ...]) -> dict[str, tuple[object, ...]]:
    body, table = place(table_from_rows(rows, "hwpx", header_rows=1), len(HEAD))
    raw = dataclasses.replace(
        from_text(HEAD + body), tables=(table,), media_type="application/hwp+zip"
    )
    return {name: got[:3] for name, got in _summary(extract_raw(raw)).items()}


def _summary(doc: Document) -> dict[str, tuple[object, ...]]:
    """Each project's period years, total, yearly figures and funding shares."""
    return {
        p.name: (
            (p.period.start.year, p.period.end.year)
            if p.period and p.period.start and p.period.end
            else None,
            p.total.value_krw if p.total else None,
            {a.year: a.amount.value_krw for a in p.annual},
            sorted((f.source, f.amount.value_krw) for f in p.funding),
        )
        for p in doc.projects
    }


CASES = [
    pytest.param(
        (("과제명", "기간", "2025년 예산"), ("해양 드론 기술 개발", "'25~'27", "30억원")),
        {"해양 드론 기술 개발": ((2025, 2027), None, {2025: 3_000_000_000})},
        id="name column: the row's period and year's figure",
    ),
    pytest.param(
        (("사업명", "총사업비"), ("스마트 항만 고도화", "120억원")),
        {"스마트 항만 고도화": (None, 12_000_000_000, {})},
        id="a 총사업비 column holds the total",
    ),
    pytest.param(
        (("과제명", "2025년 예산"), ("스마트 항만 고도화, 수소 선박 실증", "40억 + 25.5억")),
        {
            "스마트 항만 고도화": (None, None, {2025: 4_000_000_000}),
            "수소 선박 실증": (None, None, {2025: 2_550_000_000}),
        },
        id="two tasks beside 40억 + 25.5억: each its own figure",
    ),
    pytest.param(
        (("과제명", "2025년 예산"), ("양식장 자동화, 어선 안전 관리 등 7개 과제", "70억원")),
        {"양식장 자동화": (None, None, {}), "어선 안전 관리": (None, None, {})},
        id="A, B 등 7개 과제: named, but neither takes the shared figure",
    ),
    pytest.param(
        (("과제명", "2025년 예산"), ("해양 드론 기술 개발", "30억원"), ("합계", "30억원")),
        {"해양 드론 기술 개발": (None, None, {2025: 3_000_000_000})},
        id="a total row names nothing",
    ),
    pytest.param(
        (("구분", "2025년 예산"), ("어촌 정주여건 개선", "50억원"), ("연안 침식 방지", "20억원")),
        {
            "어촌 정주여건 개선": (None, None, {2025: 5_000_000_000}),
            "연안 침식 방지": (None, None, {2025: 2_000_000_000}),
        },
        id="a 구분 column of names",
    ),
    pytest.param(
        (
            ("구분", "단위사업", "세부사업"),
            ("코드", "5120", "301"),
            ("명칭", "해양창업 지원융자(기금)", "해양 혁신창업 자금(융자)"),
        ),
        {"해양 혁신창업 자금(융자)": (None, None, {})},
        id="a code table's levels: the finest (세부사업) is the project, not its parent",
    ),
    pytest.param(
        (("구분", "2025년 예산"), ("국비", "50억원"), ("지방비", "20억원")),
        {},
        id="a 구분 column of payers is no name column",
    ),
    pytest.param(
        (
            ("구분", "서류"),
            ("공통사항 (필수 제출)", "응시원서 1부 * 수입인지 첨부: 10,000원"),
            ("개별사항", "경력증명서 1부"),
        ),
        {},
        id="a 구분 column of document classes, with no budget column, is no name column",
    ),
    pytest.param(
        (("구분", "지원액"), ("IP 담보대출", "1,820억원"), ("IP 보증", "345억원")),
        {"IP 담보대출": (None, 182_000_000_000, {}), "IP 보증": (None, 34_500_000_000, {})},
        id="a 구분 column under a budget header names its rows, head noun or not",
    ),
    pytest.param(
        (
            ("사 업 명", "연안 무인선 실증 플랫폼 구축사업"),
            ("사업기간", "'25~'29"),
            ("총 사업비", "1,200억원"),
            ("'25년 예산", "150억원"),
        ),
        {
            "연안 무인선 실증 플랫폼 구축사업": (
                (2025, 2029),
                120_000_000_000,
                {2025: 15_000_000_000},
            )
        },
        id="a form box: labels down the first column, each beside its value",
    ),
    pytest.param(
        (
            ("사업명", "연안 무인선 실증 플랫폼 구축사업", None, None),
            ("사업기간", "'25~'29", "총사업비", "1,200억원"),
            ("주관기관", "연안과학기술진흥원", "'25년 예산", "150억원"),
        ),
        {
            "연안 무인선 실증 플랫폼 구축사업": (
                (2025, 2029),
                120_000_000_000,
                {2025: 15_000_000_000},
            )
        },
        id="a form box of label-value pairs: no row is a task, the year label keys its value",
    ),
]


@pytest.mark.parametrize(("rows", "expected"), CASES)
def test_table_rows(rows: tuple[tuple[str | None, ...], ...], expected: dict[str, object]) -> None:
    assert _projects(rows) == expected


def test_a_name_column_header_heading_a_flattened_table_is_no_name_field() -> None:
    # 사업명 heads the table's name column: the words after it on the line are the other
    # columns' headers, not a project named "결산 2024년 …".
    text = (
        "(단위: 백만원)\n"
        "사업명 2023년 결산 2024년 2025년 증감\n"
        "지역특화산업육성 125,430 131,200 118,080 △13,120\n"
        " - 지역주력산업육성 84,200 88,000 79,200 △8,800\n"
        " ▪ 지역혁신클러스터 41,230 43,200 38,880 △4,320\n"
    )
    doc = extract_raw(from_text(text))
    names = ["지역특화산업육성", "지역주력산업육성", "지역혁신클러스터"]
    assert [p.name for p in doc.projects] == names


def test_a_name_field_outside_tables_still_reads() -> None:
    text = "사업명 : 스마트 항만 고도화\n사업기간 : '25~'27\n총사업비 : 90억원\n"
    doc = extract_raw(from_text(text))
    assert [p.name for p in doc.projects] == ["스마트 항만 고도화"]


def test_a_header_row_or_a_row_of_names_is_no_form_box() -> None:
    from gongmun.extractors.projects.forms import form_box

    def box(rows: tuple[tuple[str | None, ...], ...]) -> bool:
        return form_box(table_from_rows(rows, "hwpx", header_rows=1))

    assert box((("사업명", "연안 관측 고도화"), ("사업기간", "'25~'27")))
    assert not box(
        (("사업명", "’26", "’27", "총사업비"), ("연안 관측 고도화", "120", "340", "870"))
    )
    assert not box((("사업명", "연안 관측", "연안 정비"), ("2025년 예산", "84,500", "36,200")))
    assert not box((("사업명", "사업기간", "총사업비"), ("연안 관측 고도화", "'25~'27", "90억원")))


MARKDOWN_BOXES = (
    "### 1. 어촌 공유주방 조성\n\n"
    "| 구 분 | 내 용 |\n|---|---|\n"
    "| 사업명 | 어촌 공유주방 조성 |\n"
    "| 사업기간 | ’26~’27 |\n"
    "| 총사업비 | 24억원 (국비 12억원, 지방비 12억원) |\n"
    "| ’26년 예산 | 9억원 |\n\n"
    "### 2. 항구 야간경관 개선\n\n"
    "| 사업명 | 항구 야간경관 개선 | 사업기간 | 2026~2028 |\n|---|---|---|---|\n"
    "| 총사업비 | 30억원 | 국비 | 18억원(60%) |\n"
    "| 지방비 | 12억원(40%) | 2026년 국비 | 4.2억원 |\n"
)


def test_a_markdown_form_box_is_read_by_its_cells() -> None:
    # Label | value cells on one line each (or two pairs a line): the name label's value
    # names the project, each other label gives it its value's figures; a year label
    # keys its value to that year, a payer's label (국비, 2026년 국비) makes it a share.
    got = _summary(extract_raw(from_text(MARKDOWN_BOXES)))
    assert got == {
        "어촌 공유주방 조성": (
            (2026, 2027),
            2_400_000_000,
            {2026: 900_000_000},
            [("국비", 1_200_000_000), ("지방비", 1_200_000_000)],
        ),
        "항구 야간경관 개선": (
            (2026, 2028),
            3_000_000_000,
            {},
            [("국비", 420_000_000), ("국비", 1_800_000_000), ("지방비", 1_200_000_000)],
        ),
    }


def test_a_form_box_value_takes_the_year_its_label_opens_with() -> None:
    doc = extract_raw(from_text(MARKDOWN_BOXES))
    years = {a.text: a.year for a in doc.amounts}
    assert years["9억원"] == 2026
    assert years["4.2억원"] == 2026
    assert years["24억원"] is None
    assert years["30억원"] is None


def test_a_years_figure_is_its_last_stage_in_the_table() -> None:
    # The year asked for shown at two stages: the confirmed budget is the year's, not
    # the government's proposal beside it (nor the ministry's request before that).
    rows = (
        ("사업명", "2025년 본예산", "2026년 정부안", "2026년 국회확정"),
        ("연안 정화선 운영", "120억원", "130억원", "135억원"),
    )
    assert _projects(rows) == {
        "연안 정화선 운영": (None, None, {2025: 12_000_000_000, 2026: 13_500_000_000})
    }
    rows = (
        ("사업명", "2026년 요구안", "2026년 정부안"),
        ("연안 정화선 운영", "150억원", "130억원"),
    )
    assert _projects(rows) == {"연안 정화선 운영": (None, None, {2026: 13_000_000_000})}
