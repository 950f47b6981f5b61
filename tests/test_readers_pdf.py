"""PDF reading: the committed seed 000 PDF, and PDFs made here for each kind of trouble.

PDFs made in the tests use reportlab's built-in Korean CID font (HYSMyeongJo-Medium,
not embedded, encoding UniKS-UCS2-H), so no font file is needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdf_build
import pytest
from pdf_build import CID_FONT, korean_canvas
from readers_support import (
    FIXTURES,
    SEED000_KEY_LINES,
    figures,
    read_error,
    seed_text,
    squash,
    task_rows,
)

import gongmun
from gongmun.errors import InputError
from gongmun.readers import PAGE_JOIN, read_path

PDF = FIXTURES / "seed000.pdf"
FONT = CID_FONT


def make_pdf(tmp_path: Path, draw: Callable[[Any], None], name: str = "t.pdf", **kw: Any) -> Path:
    """A PDF drawn by ``draw(canvas)`` (call ``showPage`` between pages)."""
    out = tmp_path / name
    c = korean_canvas(str(out), 11, **kw)
    draw(c)
    c.showPage()
    c.save()
    return out


# --- the committed seed 000 PDF ----------------------------------------------------


def test_seed_pdf_has_two_pages_joined_by_a_blank_line() -> None:
    raw = read_path(PDF)
    assert raw.media_type == "application/pdf"
    assert raw.page_starts is not None
    assert len(raw.page_starts) == 2
    assert raw.page_starts[0] == 0
    second = raw.page_starts[1]
    assert raw.text[second - len(PAGE_JOIN) : second] == PAGE_JOIN
    assert raw.text[second:].startswith("붙 임")
    assert raw.page_of(second) == 2
    assert raw.page_of(second - 1) == 1
    assert raw.warnings == ()


def test_seed_pdf_text_holds_the_seed_key_lines() -> None:
    raw = read_path(PDF)
    lines = {ln.strip() for ln in raw.text.splitlines()}
    for key in SEED000_KEY_LINES:
        assert key in lines


def test_seed_pdf_text_is_the_seed_text_apart_from_layout() -> None:
    # Same characters in the same order; only line breaks, indents and the table layout
    # differ (the PDF cannot draw U+2027, so it shows the middle dot it stands for).
    seed = seed_text().replace("\N{HYPHENATION POINT}", "·")
    assert squash(read_path(PDF).text) == squash(seed)


def test_seed_pdf_ruled_table_comes_out_as_the_task_rows() -> None:
    raw = read_path(PDF)
    assert len(raw.tables) == 1
    table = raw.tables[0]
    assert table.rows_text() == task_rows()
    assert table.page == 2
    assert table.start is not None
    assert raw.page_of(table.start) == 2
    assert raw.text[table.start :].startswith("분과\n과제명\n주요내용\nAI\n")


def test_task_rows_are_seed_000s_cells() -> None:
    seed = squash(seed_text())
    for row in task_rows():
        for cell in row:
            if cell is not None:
                assert squash(cell) in seed


def test_seed_pdf_gives_the_seed_figures_with_pages() -> None:
    doc = gongmun.extract(PDF)
    assert doc.source.pages == 2
    assert doc.source.media_type == "application/pdf"
    assert figures(doc) == figures(gongmun.extract_text(seed_text()))
    for record in [*doc.amounts, *doc.periods]:
        assert record.page in {1, 2}


# --- trouble ------------------------------------------------------------------------


def test_truncated_pdf(tmp_path: Path) -> None:
    data = PDF.read_bytes()
    f = tmp_path / "cut.pdf"
    f.write_bytes(data[: len(data) // 2])
    assert read_error(f).code == "broken_pdf"


def test_garbage_after_a_pdf_header(tmp_path: Path) -> None:
    f = tmp_path / "junk.pdf"
    f.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n")
    assert read_error(f).code == "broken_pdf"


def test_html_named_pdf_is_read_as_html_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "page.pdf"
    f.write_text("<html><body><p>총 600억원 지원</p></body></html>", encoding="utf-8")
    raw = read_path(f)
    assert raw.media_type == "text/html"
    assert "총 600억원 지원" in raw.text
    codes = [c for c, _ in raw.warnings]
    assert "format_mismatch" in codes


def test_encrypted_pdf(tmp_path: Path) -> None:
    f = make_pdf(tmp_path, lambda c: c.drawString(72, 700, "총 600억원"), encrypt="secret")
    e = read_error(f)
    assert e.code == "encrypted_pdf"
    assert "password" in e.problem


def test_pdf_without_any_text_needs_ocr(tmp_path: Path) -> None:
    f = make_pdf(tmp_path, lambda c: c.rect(100, 100, 200, 200, fill=1))
    e = read_error(f)
    assert e.code == "no_text"
    assert "OCR" in e.problem


def _scanned_then_text(c: Any) -> None:
    from PIL import Image

    c.drawInlineImage(Image.new("L", (40, 40), 128), 72, 500, 200, 200)
    c.showPage()
    c.setFont(FONT, 11)
    c.drawString(72, 700, "2028년까지 총 600억원 지원")


def test_scanned_page_is_a_warning_with_its_page(tmp_path: Path) -> None:
    # Without OCR; with it (the default, auto) the page is read: tests/test_readers_ocr.py.
    raw = read_path(make_pdf(tmp_path, _scanned_then_text), ocr="never")
    assert raw.page_starts is not None
    assert len(raw.page_starts) == 2
    message = dict(raw.warnings)["pdf_needs_ocr"]
    assert message.startswith("page 1:")
    assert "OCR" in message
    assert raw.text[raw.page_starts[1] :] == "2028년까지 총 600억원 지원"


def _scan_with_page_number(c: Any) -> None:
    from PIL import Image

    c.drawInlineImage(Image.new("L", (60, 80), 200), 0, 0, 595, 842)
    c.setFont(FONT, 9)
    c.drawString(290, 20, "- 3 -")
    c.showPage()
    c.setFont(FONT, 11)
    c.drawString(72, 700, "총 600억원")


def test_scan_with_a_stamped_page_number_needs_ocr(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _scan_with_page_number))
    assert raw.text.startswith("- 3 -")
    message = dict(raw.warnings)["pdf_needs_ocr"]
    assert message.startswith("page 1:")
    assert "OCR" in message


def test_text_page_with_a_small_picture_needs_no_ocr(tmp_path: Path) -> None:
    def draw(c: Any) -> None:
        from PIL import Image

        c.drawInlineImage(Image.new("L", (10, 10), 100), 72, 72, 100, 100)
        c.drawString(72, 700, "2028년까지 총 600억원 지원")

    assert read_path(make_pdf(tmp_path, draw)).warnings == ()


def _blank_then_text(c: Any) -> None:
    c.showPage()  # a page with nothing on it (empty content stream)
    c.setFont(FONT, 11)
    c.drawString(72, 700, "총 600억원")


def test_empty_page_is_a_warning(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _blank_then_text))
    assert dict(raw.warnings)["pdf_empty_page"].startswith("page 1:")
    assert raw.page_starts == (0, len(PAGE_JOIN))
    assert raw.text == PAGE_JOIN + "총 600억원"


def _fake_bold(c: Any) -> None:
    for dx in (0, 0.3):
        c.drawString(72 + dx, 700, "굵게 쓴 예산 600억원 지원")


def test_doubled_fake_bold_characters_are_removed_and_reported(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _fake_bold))
    assert raw.text == "굵게 쓴 예산 600억원 지원"
    assert "pdf_doubled_chars" in dict(raw.warnings)


def test_cid_glyphs_are_reported(tmp_path: Path) -> None:
    f = make_pdf(tmp_path, lambda c: c.drawString(72, 700, "예산 600억원"))
    # Same length, so the xref stays valid: a CMap pdfminer cannot map to Unicode.
    data = f.read_bytes().replace(b"/UniKS-UCS2-H", b"/Identity-H  ")
    f.write_bytes(data)
    raw = read_path(f)
    assert "(cid:" in raw.text
    assert dict(raw.warnings)["pdf_cid_glyphs"].startswith("page 1:")


def _spread_table(c: Any) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    c.drawString(72, 760, "표 위의 글 100억원")
    t = Table([["사업", "내용"], ["기반구축", ""]], colWidths=[100, 300], rowHeights=[24, 24])
    t.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("FONTNAME", (0, 0), (-1, -1), FONT)]
        )
    )
    t.wrapOn(c, 400, 100)
    t.drawOn(c, 72, 680)
    text = c.beginText(180, 687)
    text.setFont(FONT, 11)
    text.setCharSpace(5)  # justified, spread-out cell text
    text.textOut("해외기술에 의존")
    text.setCharSpace(0)  # Tc outlives the text object in the PDF's text state
    c.drawText(text)
    c.drawString(72, 640, "표 아래의 글 200억원")


def test_spread_out_cell_text_is_joined_and_table_sits_between_its_text(tmp_path: Path) -> None:
    raw = read_path(make_pdf(tmp_path, _spread_table))
    assert len(raw.tables) == 1
    assert raw.tables[0].rows_text() == (("사업", "내용"), ("기반구축", "해외기술에 의존"))
    assert raw.text.splitlines() == [
        "표 위의 글 100억원",
        "사업",
        "내용",
        "기반구축",
        "해외기술에 의존",
        "표 아래의 글 200억원",
    ]
    assert raw.tables[0].start == raw.text.index("사업")


def test_hancom_control_glyph_spaces_become_spaces() -> None:
    # Hancom PDFs draw word spaces as glyphs that map to U+0007 (corpus 056: 2,282 of
    # them); reportlab cannot draw one, so the step is tested on pdfplumber-shaped chars.
    from gongmun.readers.pdf import controls_to_spaces

    chars = [{"text": t} for t in "재정\x07융자\x07600억원"]
    assert controls_to_spaces(chars) == 2
    assert "".join(c["text"] for c in chars) == "재정 융자 600억원"


def test_pdf_read_from_bytes_names_the_file() -> None:
    from gongmun.readers import read_bytes

    with pytest.raises(InputError) as info:
        read_bytes(b"%PDF-1.4\n" + PDF.read_bytes()[9:200], "cut/in/memory.pdf")
    assert info.value.path == "cut/in/memory.pdf"


def test_tasks_json_is_well_formed() -> None:
    rows = json.loads((FIXTURES / "seed000_tasks.json").read_text(encoding="utf-8"))
    assert rows[0] == ["분과", "과제명", "주요내용"]
    assert len(rows) == 7
    assert all(len(r) == 3 for r in rows)


def test_seed_pdf_table_rows_become_the_six_projects() -> None:
    doc = gongmun.extract(PDF)
    tasks = [row[1] for row in task_rows()[1:]]
    # The programme itself may be a project too; the six tasks must all be there.
    assert [p.name for p in doc.projects if p.name in tasks] == tasks
    assert {p.page for p in doc.projects if p.name in tasks} == {2}


def test_damage_pdfminer_works_around_is_a_warning_on_the_record_not_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    objects = pdf_build.simple()
    # A font descriptor whose box is not four numbers: pdfminer logs it and reads on.
    objects[5] = b"<< /Type /Font /Subtype /TrueType /BaseFont /Foo /FontDescriptor 6 0 R >>"
    objects[6] = b"<< /Type /FontDescriptor /FontName /Foo /FontBBox [0 0 x] >>"
    f = tmp_path / "damaged.pdf"
    f.write_bytes(pdf_build.pdf(objects))
    doc = gongmun.extract(f)
    (damaged,) = [w for w in doc.warnings if w.code == "pdf_damaged"]
    assert "FontBBox" in damaged.message
    assert capfd.readouterr().err == ""
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(pdf_build.pdf(pdf_build.simple()))
    assert [w.code for w in gongmun.extract(clean).warnings] == []


def test_a_figure_wrapped_inside_its_digit_group_is_one_figure(tmp_path: Path) -> None:
    # Hangul text wraps by the character, so a line may end inside a figure: 총 1,2 | 00억원.
    def draw(c: Any) -> None:
        c.setFont(FONT, 11)
        c.drawString(50, 780, "□ 정부는 AI 반도체 육성사업에 총 1,2")
        c.drawString(50, 762, "00억원('26~'30)을 투자한다.")

    doc = gongmun.extract(make_pdf(tmp_path, draw))
    (amount,) = doc.amounts
    assert (amount.text, amount.value_krw, amount.qualifier) == ("1,200억원", 120 * 10**9, "총")
    assert [p.name for p in doc.projects] == ["AI 반도체 육성사업"]
    # Text broken the same way joins the same way; a list of years stays apart.
    text = gongmun.extract_text("ㅇ 사업비 총 3,\n497억원 투입\nㅇ 대상 연도 2025, 2026\n2027년\n")
    assert [a.value_krw for a in text.amounts] == [3497 * 10**8]
