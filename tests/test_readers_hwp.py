"""Binary HWP 5: what a paragraph's controls show, tables, notes, pages, errors, bounds.

Every input is a small HWP file the test builds (:mod:`hwp_build`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bounded import read_bounded
from hwp_build import (
    Control,
    cell,
    ctrl,
    hwp,
    inline,
    notes,
    paragraph,
    record,
    table,
)
from readers_support import read_error

import gongmun
from gongmun.readers import read_path
from gongmun.readers.hwp import compact_cells
from gongmun.readers.hwp_text import Anchor, decode_para_text


def write(tmp_path: Path, data: bytes, name: str = "t.hwp") -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


def read(tmp_path: Path, *paras: bytes, name: str = "t.hwp", flags: int = 0x01) -> object:
    return read_path(write(tmp_path, hwp([b"".join(paras)], flags=flags), name))


# --- paragraph text and its control characters --------------------------------------


def test_tabs_line_breaks_and_spaces_become_text(tmp_path: Path) -> None:
    text = "총" + inline(9) + "600억원\n지원" + "\x18" + "예정" + "\x1e" + "끝" + "\x1f" + "."
    raw = read_path(write(tmp_path, hwp([paragraph(text)])))
    assert raw.text == "총\t600억원\n지원-예정 끝 ."


def test_field_codes_leave_the_field_text_and_nothing_else(tmp_path: Path) -> None:
    # A hyperlink field: start (extended, 3) ... text ... end (inline, 4).
    text = "자세한 내용은 " + ctrl(3, "%hlk") + "누리집" + inline(4) + " 참조"
    raw = read_path(write(tmp_path, hwp([paragraph(text, controls=[Control("%hlk")])])))
    assert raw.text == "자세한 내용은 누리집 참조"


def test_hidden_comments_and_auto_numbers_show_nothing(tmp_path: Path) -> None:
    text = "본문" + ctrl(15, "tcmt") + " 계속" + ctrl(18, "atno")
    controls = [notes("tcmt", "숨은 설명 내용"), Control("atno")]
    raw = read_path(write(tmp_path, hwp([paragraph(text, controls=controls)])))
    assert raw.text == "본문 계속"


def test_footnote_follows_its_paragraph(tmp_path: Path) -> None:
    text = "총 600억원" + ctrl(17, "fn  ") + " 지원"
    body = paragraph(text, controls=[notes("fn  ", "'25년 예산안 기준")]) + paragraph("다음 문단")
    raw = read_path(write(tmp_path, hwp([body])))
    assert raw.text.split("\n") == ["총 600억원 지원", "'25년 예산안 기준", "다음 문단"]


def test_headers_and_footers_are_written_once_after_the_body(tmp_path: Path) -> None:
    first = paragraph("머리" + ctrl(16, "head"), controls=[notes("head", "2025년 업무계획")])
    body = (
        first
        + paragraph("본문 100억원")
        + paragraph("꼬리" + ctrl(16, "foot"), controls=[notes("foot", "- 국립기관 -")])
    )
    raw = read_path(write(tmp_path, hwp([body])))
    body_text, furniture = raw.text.split("\n\n")
    assert body_text == "머리\n본문 100억원\n꼬리"
    assert furniture.split("\n") == ["2025년 업무계획", "- 국립기관 -"]


def test_text_box_text_is_shown(tmp_path: Path) -> None:
    box = notes("gso ", "참고: 총사업비 50억원")
    picture = Control("gso ", b"\x00" * 8)  # a drawing without text shows nothing
    text = "본문" + ctrl(11, "gso ") + ctrl(11, "gso ")
    raw = read_path(write(tmp_path, hwp([paragraph(text, controls=[box, picture])])))
    assert raw.text == "본문\n참고: 총사업비 50억원"


def test_ruby_text_stands_in_place(tmp_path: Path) -> None:
    main, ruby = "국가", "나라"
    extra = len(main).to_bytes(2, "little") + main.encode("utf-16-le")
    extra += len(ruby).to_bytes(2, "little") + ruby.encode("utf-16-le")
    text = "우리 " + ctrl(23, "tdut") + " 예산"
    raw = read_path(write(tmp_path, hwp([paragraph(text, controls=[Control("tdut", extra)])])))
    assert raw.text == "우리 국가(나라) 예산"


def test_decode_leaves_an_anchor_per_extended_control() -> None:
    text = "가" + ctrl(11, "tbl ") + "나" + ctrl(17, "fn  ") + "\r"
    pieces = decode_para_text(text.encode("utf-16-le"))
    assert pieces == ["가", Anchor(11, 0), "나", Anchor(17, 1)]


# --- characters outside Unicode's use -----------------------------------------------


def test_surrogate_pairs_join_and_broken_ones_go_with_one_warning(tmp_path: Path) -> None:
    text = "😀 𠀀자 " + "\udb80\udeb1" + " 국민" + "\ud83d" + "의 삶" + "\uf06c" + "□"
    raw = read_path(write(tmp_path, hwp([paragraph(text), paragraph("\ue000둘째")])))
    assert raw.text == "😀 𠀀자  국민의 삶□\n둘째"
    assert [c for c, _ in raw.warnings] == ["unmapped_characters"]
    assert raw.warnings[0][1].startswith("4 characters")


def test_a_document_with_rare_characters_serializes(tmp_path: Path) -> None:
    text = "\ud83d총 600억원 지원 \U00100001사업"
    doc = gongmun.extract(write(tmp_path, hwp([paragraph(text)])))
    assert "600억원" in doc.model_dump_json()


# --- tables ---------------------------------------------------------------------------


def test_table_cells_with_spans(tmp_path: Path) -> None:
    cells = [
        cell(0, 0, "분과", rowspan=2),
        cell(0, 1, "과제명"),
        cell(1, 1, "AI 반도체"),
        cell(2, 0, "합계", colspan=2),
    ]
    tbl = table(3, 2, cells)
    raw = read_path(write(tmp_path, hwp([paragraph(ctrl(11, "tbl "), controls=[tbl])])))
    assert len(raw.tables) == 1
    assert raw.tables[0].rows_text() == (("분과", "과제명"), (None, "AI 반도체"), ("합계", None))
    assert raw.text == "분과\n과제명\nAI 반도체\n합계"


def test_caption_before_the_table_record_is_not_a_cell(tmp_path: Path) -> None:
    tbl = table(1, 1, [cell(0, 0, "100억원")])
    tbl.children.insert(0, notes("x", "<표 1> 연도별 예산").children[0])
    raw = read_path(write(tmp_path, hwp([paragraph(ctrl(11, "tbl "), controls=[tbl])])))
    assert raw.text == "<표 1> 연도별 예산\n100억원"
    assert raw.tables[0].rows_text() == (("100억원",),)


def test_the_caption_list_is_the_tables_caption_and_the_title_above_is_not(
    tmp_path: Path,
) -> None:
    body = [
        paragraph("가상 교통 사업 계획"),
        paragraph(
            ctrl(11, "tbl "),
            controls=[
                table(
                    2,
                    2,
                    [cell(0, 0, "구분"), cell(0, 1, "2025"), cell(1, 0, "국비"), cell(1, 1, "40")],
                    caption="<표 2> 재원별 사업비 (단위: 억원)",
                )
            ],
        ),
    ]
    raw = read_path(write(tmp_path, hwp([b"".join(body)])))
    assert raw.tables[0].caption == "<표 2> 재원별 사업비 (단위: 억원)"
    doc = gongmun.extract(write(tmp_path, hwp([b"".join(body)]), "u.hwp"))
    assert (doc.tables[0].caption, doc.tables[0].unit) == ("<표 2> 재원별 사업비", "억원")
    assert [(a.value_krw, a.year) for a in doc.amounts] == [(40 * 10**8, 2025)]


def test_a_table_of_no_text_is_no_table(tmp_path: Path) -> None:
    # A frame around a picture: a table control whose cells hold nothing.
    empty = table(1, 1, [cell(0, 0, "")])
    body = [paragraph("위"), paragraph(ctrl(11, "tbl "), controls=[empty]), paragraph("아래")]
    raw = read_path(write(tmp_path, hwp([b"".join(body)])))
    assert raw.tables == ()
    assert raw.text == "위\n아래"


def test_declared_addresses_never_size_the_grid() -> None:
    from gongmun.readers.hwp import HwpCell

    cells, n_rows, n_cols = compact_cells(
        [HwpCell(0, 0, 65535, 1, "가"), HwpCell(65534, 65534, 65535, 65535, "나")]
    )
    assert (n_rows, n_cols) == (2, 2)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in cells] == [(0, 0, 2, 1), (1, 1, 1, 1)]


# --- pages ------------------------------------------------------------------------------


def test_pages_from_line_positions_breaks_and_sections(tmp_path: Path) -> None:
    one = paragraph("첫 쪽", tops=[0, 1000]) + paragraph("첫 쪽 끝", tops=[60000])
    two = paragraph("둘째 쪽", tops=[0])  # back at the top of a page
    three = paragraph("셋째 쪽", tops=[1500], page_break=True)
    four = paragraph("넷째 쪽 구역", tops=[0])
    raw = read_path(write(tmp_path, hwp([one + two + three, four])))
    pages = {line: raw.page_of(raw.text.index(line)) for line in raw.text.split("\n")}
    assert pages == {"첫 쪽": 1, "첫 쪽 끝": 1, "둘째 쪽": 2, "셋째 쪽": 3, "넷째 쪽 구역": 4}


def test_records_carry_the_page(tmp_path: Path) -> None:
    body = paragraph("개요", tops=[0, 900]) + paragraph("총 600억원 지원", tops=[0])
    doc = gongmun.extract(write(tmp_path, hwp([body])))
    assert doc.source.pages == 2
    assert [a.page for a in doc.amounts] == [2]


# --- where a record comes from: section, paragraph, cell -------------------------------


def test_records_carry_their_section_paragraph_and_cell(tmp_path: Path) -> None:
    tbl = table(
        2, 2, [cell(0, 0, "사업"), cell(0, 1, "예산"), cell(1, 0, "기반"), cell(1, 1, "30억원")]
    )
    head = paragraph("머리" + ctrl(16, "head"), controls=[notes("head", "예산 총 9억원")])
    first = (
        head
        + paragraph("")  # an empty paragraph still counts
        + paragraph("총 600억원" + ctrl(17, "fn  "), controls=[notes("fn  ", "국비 70억원")])
        + paragraph("표" + ctrl(11, "tbl "), controls=[tbl])
    )
    doc = gongmun.extract(write(tmp_path, hwp([first, paragraph("둘째 구역 5억원")])))
    got = {
        a.text: (a.paragraph.section, a.paragraph.paragraph) if a.paragraph else None
        for a in doc.amounts
    }
    # The footnote belongs to the paragraph anchoring it; the header to paragraph 0.
    assert got == {
        "600억원": (0, 2),
        "70억원": (0, 2),
        "30억원": (0, 3),
        "5억원": (1, 0),
        "9억원": (0, 0),
    }
    [in_cell] = [a for a in doc.amounts if a.text == "30억원"]
    assert in_cell.cell is not None
    assert (in_cell.cell.row, in_cell.cell.col) == (1, 1)
    assert doc.tables[0].paragraph is not None
    assert (doc.tables[0].paragraph.section, doc.tables[0].paragraph.paragraph) == (0, 3)


# --- files that are not HWP 5 text ----------------------------------------------------


def test_password_protected(tmp_path: Path) -> None:
    e = read_error(write(tmp_path, hwp([paragraph("비밀")], flags=0x03)))
    assert e.code == "encrypted_hwp"


def test_distribution_document(tmp_path: Path) -> None:
    e = read_error(write(tmp_path, hwp([paragraph("배포")], flags=0x05)))
    assert e.code == "distribution_hwp"
    assert "배포용" in e.problem


def test_hwp3(tmp_path: Path) -> None:
    data = b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\x00" * 200
    e = read_error(write(tmp_path, data))
    assert e.code == "hwp3_unsupported"


def test_ole_file_that_is_not_hwp(tmp_path: Path) -> None:
    from hwp_build import cfb

    e = read_error(write(tmp_path, cfb({"WordDocument": b"x" * 10})))
    assert e.code == "broken_hwp"
    assert "HWPX or PDF" in e.problem


def test_broken_ole_says_how_to_convert(tmp_path: Path) -> None:
    e = read_error(write(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600))
    assert e.code == "broken_hwp"
    assert "soffice" in e.problem


def test_empty_document(tmp_path: Path) -> None:
    assert read_error(write(tmp_path, hwp([paragraph(" ")]))).code == "no_text"


# --- the bytes decide the format -------------------------------------------------------


def test_hwp_named_hwpx_is_read_with_a_warning(tmp_path: Path) -> None:
    raw = read(tmp_path, paragraph("총 600억원"), name="보도자료.hwpx")
    assert raw.text == "총 600억원"  # type: ignore[attr-defined]
    assert [c for c, _ in raw.warnings] == ["format_mismatch"]  # type: ignore[attr-defined]


def test_text_named_hwp_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "old.hwp"
    f.write_text("총 600억원", encoding="utf-8")
    raw = read_path(f)
    assert (raw.text, raw.media_type) == ("총 600억원", "text/plain")
    assert [c for c, _ in raw.warnings] == ["format_mismatch"]


# --- hostile files stay bounded ----------------------------------------------------------


def test_huge_declared_table_reads_what_it_holds(tmp_path: Path) -> None:
    cells = [cell(0, 0, "가"), cell(65534, 65534, "나", rowspan=65535, colspan=65535)]
    tbl = table(65535, 65535, cells)
    f = write(tmp_path, hwp([paragraph(ctrl(11, "tbl "), controls=[tbl])]))
    out = read_bounded(f)
    assert (out.code, out.detail["tables"]) == ("ok", 1)
    assert out.peak_mib < 600


def test_table_whose_cells_fill_no_real_grid_is_refused(tmp_path: Path) -> None:
    # 1,200 cells on a diagonal: 1.44 million slots once compacted.
    cells = [cell(i, i, "칸") for i in range(1200)]
    tbl = table(1200, 1200, cells)
    out = read_bounded(write(tmp_path, hwp([paragraph(ctrl(11, "tbl "), controls=[tbl])])))
    assert out.code == "too_large"
    assert out.peak_mib < 600


def test_zero_filled_section_stream(tmp_path: Path) -> None:
    raw_zeros = write(tmp_path, hwp([b"\x00" * 4_000_000], flags=0x00), "raw.hwp")
    out = read_bounded(raw_zeros)
    assert out.code == "no_text"
    assert out.peak_mib < 600
    # Compressed zeros: the section inflates to nothing but zeros.
    packed = write(tmp_path, hwp([b"\x00" * 30_000_000]), "packed.hwp")
    out = read_bounded(packed)
    assert out.code == "no_text"
    assert out.peak_mib < 600


def test_section_that_is_not_deflate_data(tmp_path: Path) -> None:
    from hwp_build import cfb

    header = b"HWP Document File".ljust(32, b"\x00") + (0x05010100).to_bytes(4, "little")
    header += (1).to_bytes(4, "little")
    f = write(tmp_path, cfb({"FileHeader": header, "BodyText/Section0": b"\x00" * 9000}))
    assert read_error(f).code == "broken_hwp"


def test_inflate_bomb(tmp_path: Path) -> None:
    body = paragraph("총 600억원") + record(0x3F0, 0, b"\x00" * (80 * 1024 * 1024))
    f = write(tmp_path, hwp([body]))
    assert f.stat().st_size < 200_000
    out = read_bounded(f)
    assert out.code == "too_large"
    assert out.peak_mib < 600


@pytest.mark.parametrize("depth", [5000])
def test_deeply_nested_records(tmp_path: Path, depth: int) -> None:
    # Each record one level below the last: the tree is clamped, the walk stays flat.
    body = paragraph("총 600억원") + b"".join(
        record(71, min(i + 1, 1023), b" lbt") for i in range(depth)
    )
    out = read_bounded(write(tmp_path, hwp([body])))
    assert out.code == "ok"
