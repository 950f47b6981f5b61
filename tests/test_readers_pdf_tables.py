"""PDF tables of every shape, from PDFs drawn here: ruled, ruled only by horizontal lines,
and aligned without rules; and prose that must stay prose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_readers_pdf import FONT, make_pdf

from gongmun.pipeline import extract_raw
from gongmun.readers import read_path


def _ruled_wrapped(c: Any) -> None:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    style = ParagraphStyle("cell", fontName=FONT, fontSize=10, leading=12)
    c.drawString(72, 780, "(단위: 억원)")
    data = [
        ["사업명", "2025년"],
        [Paragraph("혁신창업사업화자<br/>금(융자)", style), "1,200"],
        ["기반구축", "300"],
    ]
    t = Table(data, colWidths=[110, 80])
    t.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("FONTNAME", (0, 0), (-1, -1), FONT)]
        )
    )
    t.wrapOn(c, 400, 200)
    t.drawOn(c, 72, 690)


def test_ruled_table_joins_wrapped_cell_text_and_keeps_boxes(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _ruled_wrapped))
    [table] = raw.tables
    assert table.source == "pdf_ruled"
    assert table.rows_text() == (
        ("사업명", "2025년"),
        ("혁신창업사업화자금(융자)", "1,200"),
        ("기반구축", "300"),
    )
    assert all(c.bbox is not None for c in table.cells)
    assert all(raw.text[c.start : c.end] == c.text for c in table.cells if c.start is not None)
    doc = extract_raw(raw)
    assert doc.tables[0].unit == "억원"
    # The unit comes from (단위: 억원), the year from the column header, the cell is traced.
    [amount] = [a for a in doc.amounts if a.text == "1,200"]
    assert (amount.value_krw, amount.year) == (120_000_000_000, 2025)
    assert amount.cell is not None
    assert (amount.cell.table, amount.cell.row, amount.cell.col) == (0, 1, 1)


def _hrules(c: Any) -> None:
    c.setFont(FONT, 10)
    c.drawString(72, 790, "<표 1> 연도별 투자 계획")
    c.setLineWidth(0.8)
    c.line(72, 780, 472, 780)
    c.line(72, 760, 472, 760)
    c.line(72, 700, 472, 700)
    header = ["구분", "2025", "2026", "2027"]
    rows = [
        ["R&D", "1,200", "1,300", "1,400"],
        ["인력양성", "300", "310", "320"],
        ["합계", "1,500", "1,610", "1,720"],
    ]
    xs = [80, 220, 300, 380]
    for x, h in zip(xs, header, strict=True):
        c.drawString(x, 766, h)
    for i, row in enumerate(rows):
        for x, cell in zip(xs, row, strict=True):
            c.drawString(x, 745 - 17 * i, cell)


def test_table_ruled_only_by_horizontal_lines_reads_row_by_row(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _hrules))
    [table] = raw.tables
    assert table.source == "pdf_hrules"
    assert table.header_rows == 1
    assert table.rows_text() == (
        ("구분", "2025", "2026", "2027"),
        ("R&D", "1,200", "1,300", "1,400"),
        ("인력양성", "300", "310", "320"),
        ("합계", "1,500", "1,610", "1,720"),
    )
    # Header years stay cells of their own, never the start of an amount.
    assert "2025\n2026\n2027\nR&D\n1,200" in raw.text
    doc = extract_raw(raw)
    assert doc.tables[0].caption == "<표 1> 연도별 투자 계획"


def _hrules_grouped(c: Any) -> None:
    c.setFont(FONT, 10)
    c.drawString(72, 800, "(단위: 억원)")
    c.setLineWidth(0.8)
    for y in (790, 770, 650):
        c.line(72, y, 500, y)
    for x, h in zip([80, 250, 330], ["구분", "2025년", "2026년"], strict=True):
        c.drawString(x, 776, h)
    # Two groups: a heading row of one cell, then its items' value rows (a third of the
    # body rows are headings).
    rows = [
        ["1. 창업 지원"],
        ["예비창업패키지", "500", "520"],
        ["초기창업패키지", "300", "310"],
        ["2. 기술 개발"],
        ["창업성장기술개발", "700", "750"],
        ["기술사업화", "120", "130"],
    ]
    for i, row in enumerate(rows):
        indent = 10 if len(row) > 1 else 0
        for x, cell in zip([80 + indent, 250, 330], row, strict=False):
            c.drawString(x, 756 - 18 * i, cell)


def test_group_headings_between_horizontal_rules_keep_the_table(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _hrules_grouped))
    [table] = raw.tables
    assert table.source == "pdf_hrules"
    assert table.rows_text()[1] == ("1. 창업 지원", None, None)
    assert table.rows_text()[2] == ("예비창업패키지", "500", "520")
    doc = extract_raw(raw)
    # Read row by row: each figure under its column's year, never the header years.
    got = [(a.value_krw // 10**8, a.year) for a in doc.amounts]
    assert got[:4] == [(500, 2025), (520, 2026), (300, 2025), (310, 2026)]
    assert len(got) == 8


def _ruled_box_of_lines(c: Any) -> None:
    c.setFont(FONT, 10)
    c.setLineWidth(0.8)
    for y in (790, 700):
        c.line(72, y, 500, y)
    # A boxed note: lines of prose, one of them with a wide gap, is no table.
    c.drawString(80, 775, "참고 사항")
    c.drawString(80, 757, "신청 기간")
    c.drawString(250, 757, "3월 중")
    c.drawString(80, 739, "문의처는 담당 부서로 연락 바랍니다.")
    c.drawString(80, 721, "세부 사항은 공고문을 참고하기 바랍니다.")


def test_prose_between_horizontal_rules_stays_prose(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _ruled_box_of_lines))
    assert raw.tables == ()


def _aligned(c: Any) -> None:
    c.setFont(FONT, 10)
    c.drawString(72, 800, "□ 지역별 지원 현황")
    rows = [
        ["지역", "기업수", "지원액"],
        ["서울", "120", "450"],
        ["부산", "80", "210"],
        ["대구", "45", "130"],
    ]
    for i, row in enumerate(rows):
        for x, cell in zip([80, 220, 340], row, strict=True):
            c.drawString(x, 780 - 16 * i, cell)
    c.drawString(72, 700, "이 표는 지역별 지원 현황을 보여 준다.")


def test_text_aligned_table_from_word_positions(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _aligned))
    [table] = raw.tables
    assert table.source == "pdf_aligned"
    assert table.rows_text()[0] == ("지역", "기업수", "지원액")
    assert table.rows_text()[3] == ("대구", "45", "130")
    assert raw.text.splitlines()[0] == "□ 지역별 지원 현황"


def _prose(c: Any) -> None:
    c.setFont(FONT, 10)
    lines = [
        "ㅇ 정부는 2025년 예산으로 총 600억원을 편성하여 지원할 계획이다.",
        "ㅇ 이 사업은 2029년까지 5년간 추진되며 과제당 100억원 규모이다.",
        "ㅇ 참여 기업은 120개사이며 지역별로 고르게 선정할 예정이다.",
        "ㅇ 세부 내용은 붙임 자료를 참고하기 바란다.",
    ]
    for i, line in enumerate(lines):
        c.drawString(72, 780 - 16 * i, line)


def test_body_prose_never_becomes_a_table(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _prose))
    assert raw.tables == ()


def _aligned_with_gap(c: Any) -> None:
    c.setFont(FONT, 10)
    rows = [
        ["사업", "2024", "2025", "2026"],
        ["R&D", "120", "130", "140"],
        ["인력", "80", "", "95"],
        ["시설", "", "40", "45"],
        ["합계", "200", "170", "280"],
    ]
    for i, row in enumerate(rows):
        c.drawString(80, 780 - 16 * i, row[0])
        for x, cell in zip([240, 330, 420], row[1:], strict=True):
            if cell:  # figures set flush right, as budget tables do
                c.drawRightString(x, 780 - 16 * i, cell)


def test_aligned_table_keeps_empty_middle_cells_in_their_columns(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _aligned_with_gap))
    [table] = raw.tables
    assert table.source == "pdf_aligned"
    assert table.rows_text() == (
        ("사업", "2024", "2025", "2026"),
        ("R&D", "120", "130", "140"),
        ("인력", "80", None, "95"),
        ("시설", None, "40", "45"),
        ("합계", "200", "170", "280"),
    )


def test_a_figure_read_from_a_ruled_cell_has_the_cell_box(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _ruled_wrapped))
    doc = extract_raw(raw)
    [amount] = [a for a in doc.amounts if a.text == "1,200"]
    assert amount.cell is not None
    cell = doc.tables[amount.cell.table].cells
    [box] = [c.bbox for c in cell if (c.row, c.col) == (amount.cell.row, amount.cell.col)]
    assert box is not None
    assert amount.bbox == box
    # The cell is the right of the second row: right of the first column, below the header.
    name_box = next(c.bbox for c in cell if (c.row, c.col) == (1, 0))
    head_box = next(c.bbox for c in cell if (c.row, c.col) == (0, 1))
    assert name_box is not None
    assert head_box is not None
    assert box[0] >= name_box[2] - 1
    assert box[1] >= head_box[3] - 1
