"""One content, several formats: shapes found by rendering the same synthetic document
as text, HTML, HWPX, HWP 5 and PDF and comparing the records (each test fails without
its rule). The documents are built on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_build import CID_FONT, korean_canvas

from gongmun.models import Project
from gongmun.pipeline import extract, extract_text

E = 10**8
M = 10**6


def _total_and_years(p: Project) -> tuple[int | None, int | None, int | None]:
    """A project's total and its period's first and last years."""
    total = p.total.value_krw if p.total else None
    if p.period is None:
        return total, None, None
    start, end = p.period.start, p.period.end
    return total, start.year if start else None, end.year if end else None


def _pdf_table_over_a_page_break(path: Path, rows: list[list[str]], unit: str) -> Path:
    """A ruled table that starts near a page's foot, under its unit set flush right, and
    goes on on the next page without its header row (reportlab flows it over)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    korean_canvas(str(path))  # registers the CID font
    body = ParagraphStyle("b", fontName=CID_FONT, fontSize=10, leading=14)
    right = ParagraphStyle("r", parent=body, alignment=2)
    table = Table([[Paragraph(c, body) for c in r] for r in rows], repeatRows=0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black)]))
    doc = SimpleDocTemplate(str(path), pagesize=(595, 842), invariant=True)
    doc.build(
        [
            Paragraph("가상 안전관리처 사업별 예산 (합성 예시)", body),
            Spacer(1, 600),
            Paragraph(unit, right),
            table,
            Paragraph("각 사업은 매년 점검한다.", body),
        ]
    )
    return path


def test_a_ruled_pdf_table_goes_on_after_a_page_break_without_its_header(
    tmp_path: Path,
) -> None:
    # The header and the first row on page 1, the rest on page 2; the unit, read
    # after the first part, stands between the two parts in the text.
    rows = [["사업명", "’24년", "’25년", "’26년(안)"]] + [
        [name, f"{a:,}", f"{b:,}", f"{c:,}"]
        for name, a, b, c in [
            ("교차로 신호 연동", 52300, 61800, 70450),
            ("보행로 정비", 118200, 121000, 119300),
            ("졸음쉼터 확충", 23400, 24900, 31200),
            ("사고 다발지점 개선", 198500, 199300, 217250),
        ]
    ]
    doc = extract(_pdf_table_over_a_page_break(tmp_path / "t.pdf", rows, "(단위: 백만원)"))
    assert doc.source.pages == 2
    got = {p.name: {a.year: a.amount.value_krw for a in p.annual} for p in doc.projects}
    assert got["졸음쉼터 확충"] == {2024: 23400 * M, 2025: 24900 * M, 2026: 31200 * M}
    assert got["사고 다발지점 개선"][2026] == 217250 * M
    assert (119300 * M, 2026) in [(a.value_krw, a.year) for a in doc.amounts]


# A table's last figure, and under the table a paragraph opening with 이상 (이상의 사업은:
# "the above"), 증액 or an arrow: words of the next line, no threshold or change of the
# figure (1조원 이상, 20억원 증액), which lost its year's figure to its row's project.
TABLE_THEN = (
    "(단위: 백만원)\n"
    "사업명                ’24년      ’25년\n"
    "졸음쉼터 확충          23,400     24,900\n"
    "사고 다발지점 개선     198,500    217,250\n"
)


@pytest.mark.parametrize(
    "prose", ["이상의 사업은 매년 점검한다.", "증액 사유는 다음과 같다.", "↑ 표는 요구안 기준이다."]
)
def test_a_figure_is_not_bounded_by_the_next_lines_words(prose: str) -> None:
    doc = extract_text(TABLE_THEN + prose + "\n")
    [last] = [a for a in doc.amounts if a.value_krw == 217250 * M]
    assert (last.year, last.qualifier) == (2025, None)
    [p] = [p for p in doc.projects if p.name == "사고 다발지점 개선"]
    assert {a.year: a.amount.value_krw for a in p.annual} == {2024: 198500 * M, 2025: 217250 * M}


def _page(body: str) -> str:
    head = '<html><head><meta charset="utf-8"></head><body><div id="articleBody">'
    return f"{head}{body}</div></body></html>"


def test_a_line_break_inside_an_html_cell_parts_its_words(tmp_path: Path) -> None:
    # <br> (or a <p> of its own) inside a cell is a line of the cell, as an HWP cell's
    # line break is: its words are not run together.
    page = _page(
        "<p>(단위: 억원)</p><table><tr><th>과제명</th><th>총사업비</th><th>’26년 예산</th></tr>"
        "<tr><td>신종 감염병 백신<br>플랫폼 고도화</td><td>1,050</td><td>210</td></tr>"
        "<tr><td><p>공항 검역 자동화</p><p>시스템 구축</p></td><td>180</td><td>64</td></tr>"
        "</table>"
    )
    path = tmp_path / "cells.html"
    path.write_text(page, encoding="utf-8")
    doc = extract(path)
    names = [p.name for p in doc.projects]
    assert "신종 감염병 백신 플랫폼 고도화" in names
    assert "공항 검역 자동화 시스템 구축" in names
    assert any(c.text == "신종 감염병 백신 플랫폼 고도화" for t in doc.tables for c in t.cells)


def test_gongmun_normalize_prints_the_text_spans_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A table aligned with spaces is kept as written in the document's text; the
    # normalize command printed it with its spaces collapsed, so spans missed it.
    from gongmun.cli import main

    path = tmp_path / "aligned.txt"
    path.write_text(TABLE_THEN + "각 사업은 매년 점검한다.\n", encoding="utf-8")
    doc = extract(path)
    assert main(["normalize", str(path)]) == 0
    printed = capsys.readouterr().out
    assert printed == doc.text
    [a] = [a for a in doc.amounts if a.value_krw == 217250 * M]
    assert printed[a.span.start : a.span.end] == "217,250"


# Fields one a line, as an HWP or HWPX file holds them (one paragraph each, no blank
# line between): each field starts its line, never the rest of the line above.
FIELDS = (
    "□ 연차별 투자계획\n"
    "- '27년 118억원: 수중 성능시험\n"
    "사업명: 연안 적조 조기경보체계 구축\n"
    "사업기간: 2026년부터 2028년까지\n"
    "총사업비: 75억원\n"
    "주관기관: 가상 해양로봇연구소\n"
    "연락처\n"
    "전 화 : 044-000-1234\n"
)


def test_a_labelled_field_opens_its_own_line() -> None:
    doc = extract_text(FIELDS)
    assert "사업기간: 2026년부터 2028년까지\n총사업비: 75억원\n주관기관:" in doc.text
    [p] = [p for p in doc.projects if p.name == "연안 적조 조기경보체계 구축"]
    assert _total_and_years(p) == (75 * E, 2026, 2028)
    # A contact whose telephone is the next line's field is still one contact.
    assert doc.meta.contacts == ["연락처 전 화 : 044-000-1234"]


def test_html_list_items_and_definition_fields_stay_lines_of_their_own(tmp_path: Path) -> None:
    # A list's items and a definition list's terms and descriptions are whole items: the
    # joiner ran them into the line above (the list marker is the browser's, not text).
    page = _page(
        "<p>□ 연차별 투자계획</p>"
        "<ul><li>'25년 62억원: 개념설계</li><li>'26년 105억원: 시제품 제작</li></ul>"
        "<dl><dt>사업명</dt><dd>연안 적조 조기경보체계 구축</dd>"
        "<dt>사업기간</dt><dd>2026년부터 2028년까지</dd><dt>총사업비</dt><dd>75억원</dd></dl>"
    )
    path = tmp_path / "items.html"
    path.write_text(page, encoding="utf-8")
    doc = extract(path)
    items = "□ 연차별 투자계획\n'25년 62억원: 개념설계\n'26년 105억원: 시제품 제작\n사업명\n"
    assert items in doc.text
    assert "사업기간\n2026년부터 2028년까지\n총사업비\n75억원" in doc.text
    [p] = [p for p in doc.projects if p.name == "연안 적조 조기경보체계 구축"]
    assert _total_and_years(p) == (75 * E, 2026, 2028)
    # raw_span still shows each figure in the page's source.
    [a] = [a for a in doc.amounts if a.value_krw == 105 * E]
    assert a.raw_span is not None
    assert page[a.raw_span.start : a.raw_span.end] == "105억원"


def test_a_count_of_years_wrapped_before_its_suffix_is_one_word() -> None:
    # 3년 | 간: a line wrapped by the character before 간 (3년간, "for 3 years").
    doc = extract_text(
        "- 특히 내년에는 평가센터를 개소하여 2026년부터 2028년까지 3년\n"
        "간 매년 45억원씩 장비 고도화에 투자한다.\n"
    )
    assert "3년간 매년" in doc.text
    [p] = doc.periods
    assert (p.start and p.start.year, p.end and p.end.year, p.duration_years) == (2026, 2028, 3)


def test_the_plain_lines_of_a_page_set_in_two_columns_rejoin(tmp_path: Path) -> None:
    # A narrow column's lines are short, yet each ran to the column's margin: a plain
    # paragraph (no bullet) wraps there as a page-wide one does.
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    path = tmp_path / "two.pdf"
    korean_canvas(str(path))  # registers the CID font
    style = ParagraphStyle("b", fontName=CID_FONT, fontSize=10.5, leading=15, wordWrap="CJK")
    doc = BaseDocTemplate(str(path), pagesize=(595, 842), invariant=True)
    w = (595 - 144 - 20) / 2
    doc.addPageTemplates([PageTemplate(frames=[Frame(72, 72, w, 698), Frame(92 + w, 72, w, 698)])])
    paragraphs = [
        "가상 문화관광진흥청은 지역 거점도시 육성사업에 올해부터 4년간 모두 2,400억원을"
        " 지원한다고 밝혔다. 선정된 도시에는 도시당 최대 500억원이 지원된다.",
        "올해 예산은 320억원이며, 내년에는 610억원으로 늘어나고 그 뒤로도 해마다 조금씩"
        " 늘려 나갈 계획이라고 진흥청 관계자는 설명했다.",
        "진흥청 관계자는 이번 사업으로 2030년까지 지역 관광객 수를 지금의 두 배 수준으로"
        " 끌어올릴 것이라고 말했다.",
    ]
    doc.build([Paragraph(p, style) for p in paragraphs * 2])
    got = extract(path)
    assert "2030년까지 지역" in got.text
    ends = [(p.start and p.start.year, p.end and p.end.year) for p in got.periods]
    assert ends == [(None, 2030), (None, 2030)]


def test_figures_a_narrow_ruled_cell_wraps_are_read_whole(tmp_path: Path) -> None:
    # A table in a column of a two-column page: its cells wrap figures inside their digit
    # groups (52, | 300), years inside their digits (202 | 5) and before 년 (’24 | 년).
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    path = tmp_path / "narrow.pdf"
    korean_canvas(str(path))
    style = ParagraphStyle("c", fontName=CID_FONT, fontSize=9.5, leading=12, wordWrap="CJK")
    rows = [
        ["사업명", "2025", "’26년", "’27년"],
        ["교차로 신호 연동", "52,300", "61,800", "70,450"],
        ["보행로 정비", "118,200", "121,000", "△1,700"],
    ]
    table = Table([[Paragraph(c, style) for c in r] for r in rows], colWidths=[70, 26, 26, 26])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black)]))
    doc = SimpleDocTemplate(str(path), pagesize=(595, 842), invariant=True)
    doc.build([Paragraph("(단위: 백만원)", style), table])
    got = extract(path)
    [t] = got.tables
    rows_read = [[c.text for c in t.cells if c.row == r] for r in range(3)]
    assert rows_read[0] == ["사업명", "2025", "’26년", "’27년"]
    assert rows_read[2] == ["보행로 정비", "118,200", "121,000", "△1,700"]
    annual = {p.name: {a.year: a.amount.value_krw for a in p.annual} for p in got.projects}
    assert annual["교차로 신호 연동"] == {2025: 52300 * M, 2026: 61800 * M, 2027: 70450 * M}
