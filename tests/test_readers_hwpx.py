"""HWPX (zip of XML) and old binary HWP: the seed 000 fixture and hostile archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hwpx_build import para, section, write_hwpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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
from gongmun.readers import limits, read_path

HWPX = FIXTURES / "seed000.hwpx"


def make_hwpx(tmp_path: Path, members: dict[str, str | bytes], name: str = "t.hwpx") -> Path:
    return write_hwpx(tmp_path / name, members)


# --- the committed fixture --------------------------------------------------------


def test_hwpx_text_is_the_seed_text() -> None:
    raw = read_path(HWPX)
    assert raw.media_type == "application/hwp+zip"
    assert raw.page_starts is None
    assert squash(raw.text) == squash(seed_text())
    lines = {ln.strip() for ln in raw.text.splitlines()}
    for key in SEED000_KEY_LINES:
        assert key in lines


def test_hwpx_table_has_the_task_rows_with_merged_cells() -> None:
    raw = read_path(HWPX)
    assert len(raw.tables) == 1
    table = raw.tables[0]
    assert table.rows_text() == task_rows()
    assert table.start is not None
    assert raw.text[table.start :].startswith("분과\n과제명\n주요내용\nAI\n")


def test_hwpx_gives_the_seed_figures() -> None:
    assert figures(gongmun.extract(HWPX)) == figures(gongmun.extract_text(seed_text()))


def test_line_breaks_and_tabs_inside_text_runs(tmp_path: Path) -> None:
    body = "<hp:p><hp:run><hp:t>총<hp:tab/>600억원<hp:lineBreak/>지원</hp:t></hp:run></hp:p>"
    raw = read_path(make_hwpx(tmp_path, {"Contents/section0.xml": section(body)}))
    assert raw.text == "총\t600억원\n지원"


def test_sections_are_read_in_number_order(tmp_path: Path) -> None:
    members: dict[str, str | bytes] = {
        "Contents/section10.xml": section(para("셋째")),
        "Contents/section2.xml": section(para("둘째")),
        "Contents/section0.xml": section(para("첫째")),
    }
    assert read_path(make_hwpx(tmp_path, members)).text == "첫째\n둘째\n셋째"


# --- hostile and broken archives ----------------------------------------------------


def test_zip_bomb_disguised_as_hwpx(tmp_path: Path) -> None:
    bomb = b"<" + b"\x00" * (20 * limits.MIB)
    f = make_hwpx(tmp_path, {"Contents/section0.xml": bomb}, "bomb.hwpx")
    assert f.stat().st_size < 100_000
    e = read_error(f)
    assert e.code == "unsafe_archive"
    assert "bomb" in e.problem


def test_entry_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_ENTRY_BYTES", 1000)
    f = make_hwpx(tmp_path, {"Contents/section0.xml": section(para("가" * 2000))})
    assert read_error(f).code == "unsafe_archive"


def test_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_ENTRIES", 5)
    members: dict[str, str | bytes] = {f"BinData/{i}.bin": b"x" for i in range(10)}
    members["Contents/section0.xml"] = section(para("총 600억원"))
    assert read_error(make_hwpx(tmp_path, members)).code == "unsafe_archive"


def test_inflating_stops_at_the_limit_whatever_the_header_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongmun.readers.safezip import read_member

    f = make_hwpx(tmp_path, {"Contents/section0.xml": "가" * 5000})
    monkeypatch.setattr(limits, "MAX_ZIP_ENTRY_BYTES", 1000)
    with zipfile.ZipFile(f) as z, pytest.raises(InputError) as info:
        read_member(z, "Contents/section0.xml", str(f))
    assert info.value.code == "unsafe_archive"


@pytest.mark.parametrize("name", ["../../evil.xml", "/etc/passwd", "C:/evil.xml"])
def test_path_traversal_names(tmp_path: Path, name: str) -> None:
    f = make_hwpx(tmp_path, {"Contents/section0.xml": section(para("총")), name: "x"})
    e = read_error(f)
    assert e.code == "unsafe_archive"
    assert "leaves the archive" in e.problem


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<hs:sec xmlns:hs="x" xmlns:hp="y"><hp:p><hp:run><hp:t>&lol3;</hp:t></hp:run></hp:p></hs:sec>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE sec [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<hs:sec xmlns:hs="x" xmlns:hp="y"><hp:p><hp:run><hp:t>&ext;</hp:t></hp:run></hp:p></hs:sec>"""


@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["entity_expansion", "external_entity"])
def test_xml_with_entities_is_refused(tmp_path: Path, xml: str) -> None:
    e = read_error(make_hwpx(tmp_path, {"Contents/section0.xml": xml}))
    assert e.code == "unsafe_xml"
    assert "section0.xml" in e.problem


def test_broken_xml(tmp_path: Path) -> None:
    f = make_hwpx(tmp_path, {"Contents/section0.xml": "<hs:sec><hp:p>"})
    assert read_error(f).code == "broken_hwpx"


def test_zip_that_is_not_hwpx(tmp_path: Path) -> None:
    f = tmp_path / "report.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    e = read_error(f)
    assert e.code == "unsupported_format"
    assert "not an HWPX" in e.problem


def test_hwpx_name_on_text_reads_the_text_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "fake.hwpx"
    f.write_text("총 600억원", encoding="utf-8")
    raw = read_path(f)
    assert raw.text == "총 600억원"
    assert [c for c, _ in raw.warnings] == ["format_mismatch"]


def test_truncated_hwpx(tmp_path: Path) -> None:
    f = tmp_path / "cut.hwpx"
    f.write_bytes(HWPX.read_bytes()[:1500])
    assert read_error(f).code in {"broken_hwpx", "unsupported_format"}


def _member_data(raw: bytes | bytearray, f: Path, name: str) -> tuple[int, int]:
    """Where a zip member's compressed bytes lie: after its 30-byte local header, name
    and extra field."""
    with zipfile.ZipFile(f) as z:
        info = z.getinfo(name)
    assert info.compress_type == zipfile.ZIP_DEFLATED
    at = info.header_offset
    name_len = int.from_bytes(raw[at + 26 : at + 28], "little")
    extra_len = int.from_bytes(raw[at + 28 : at + 30], "little")
    start = at + 30 + name_len + extra_len
    return start, start + info.compress_size


def test_a_corrupt_deflate_stream_is_a_broken_hwpx_not_a_crash(tmp_path: Path) -> None:
    f = make_hwpx(tmp_path, {"Contents/section0.xml": section(para("총 600억원" * 50))})
    data = bytearray(f.read_bytes())
    start, _ = _member_data(data, f, "Contents/section0.xml")
    data[start] = 0xFF  # opens a deflate block of the reserved type, which zlib refuses
    f.write_bytes(bytes(data))
    e = read_error(f)
    assert e.code == "broken_hwpx"
    assert "section0.xml" in e.problem


# --- old binary HWP -----------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_broken_hwp_says_how_to_convert(tmp_path: Path) -> None:
    f = tmp_path / "old.hwp"
    f.write_bytes(OLE + b"\x00" * 600)
    e = read_error(f)
    assert e.code == "broken_hwp"
    assert "soffice" in e.problem


def test_hwpx_table_rows_become_the_six_projects() -> None:
    doc = gongmun.extract(HWPX)
    tasks = [row[1] for row in task_rows()[1:]]
    # The programme itself may be a project too; the six tasks must all be there.
    assert [p.name for p in doc.projects if p.name in tasks] == tasks


def _cell(row: int, col: int, text: str, rowspan: int = 1) -> str:
    return (
        f"<hp:tc><hp:subList>{para(text)}</hp:subList>"
        f'<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
        f'<hp:cellSpan colSpan="1" rowSpan="{rowspan}"/></hp:tc>'
    )


def _captioned(caption: str, side: str = "TOP") -> str:
    rows = [
        [_cell(0, 0, "사업명"), _cell(0, 1, "2025년"), _cell(0, 2, "2026년")],
        [_cell(1, 0, "AI 반도체"), _cell(1, 1, "1,200"), _cell(1, 2, "1,450")],
        [_cell(2, 0, "바이오"), _cell(2, 1, "300"), _cell(2, 2, "280")],
    ]
    trs = "".join("<hp:tr>" + "".join(r) + "</hp:tr>" for r in rows)
    cap = f'<hp:caption side="{side}"><hp:subList>{para(caption)}</hp:subList></hp:caption>'
    return f"<hp:p><hp:run><hp:tbl>{cap}{trs}</hp:tbl></hp:run></hp:p>"


@pytest.mark.parametrize(
    ("caption", "title", "unit"),
    [
        ("&lt;표 1&gt; 사업별 예산 (단위: 억원)", "<표 1> 사업별 예산", "억원"),
        ("(단위: 억원)", None, "억원"),
    ],
)
def test_hwpx_table_caption_gives_title_and_unit(
    tmp_path: Path, caption: str, title: str | None, unit: str
) -> None:
    body = para("과기정통부 예산 현황") + _captioned(caption, "BOTTOM")
    f = make_hwpx(tmp_path, {"Contents/section0.xml": section(body)})
    doc = gongmun.extract(f)
    [table] = doc.tables
    assert (table.caption, table.unit) == (title, unit)
    got = [(a.value_krw, a.year) for a in doc.amounts]
    assert got == [
        (1200 * 10**8, 2025),
        (1450 * 10**8, 2026),
        (300 * 10**8, 2025),
        (280 * 10**8, 2026),
    ]


def test_records_carry_their_section_and_paragraph(tmp_path: Path) -> None:
    tbl = (
        "<hp:p><hp:run><hp:tbl>"
        "<hp:tr><hp:tc><hp:subList>" + para("사업") + "</hp:subList></hp:tc>"
        "<hp:tc><hp:subList>" + para("예산") + "</hp:subList></hp:tc></hp:tr>"
        "<hp:tr><hp:tc><hp:subList>" + para("기반") + "</hp:subList></hp:tc>"
        "<hp:tc><hp:subList>" + para("30억원") + "</hp:subList></hp:tc></hp:tr>"
        "</hp:tbl></hp:run></hp:p>"
    )
    first = section(para("개요") + "<hp:p/>" + para("총 600억원 지원") + tbl)
    f = make_hwpx(
        tmp_path,
        {"Contents/section0.xml": first, "Contents/section1.xml": section(para("예비비 5억원"))},
    )
    doc = gongmun.extract(f)
    got = {
        a.text: a.paragraph and (a.paragraph.section, a.paragraph.paragraph) for a in doc.amounts
    }
    assert got == {"600억원": (0, 2), "30억원": (0, 3), "5억원": (1, 0)}
    [in_cell] = [a for a in doc.amounts if a.text == "30억원"]
    assert in_cell.cell is not None
    assert (in_cell.cell.row, in_cell.cell.col) == (1, 1)


def test_blank_paragraphs_show_nothing_as_in_hwp(tmp_path: Path) -> None:
    body = para("개요") + para("  ") + "<hp:p><hp:run/></hp:p>" + para("총 600억원")
    raw = read_path(make_hwpx(tmp_path, {"Contents/section0.xml": section(body)}))
    assert raw.text == "개요\n총 600억원"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_a_damaged_hwpx_is_read_or_refused_clearly(tmp_path: Path, data: st.DataObject) -> None:
    body = "".join(para(f"ㅇ {i}번 사업에 {i * 10}억원 지원") for i in range(1, 30))
    f = make_hwpx(tmp_path, {"Contents/section0.xml": section(body)}, "m.hwpx")
    raw = bytearray(f.read_bytes())
    start, end = _member_data(raw, f, "Contents/section0.xml")
    # Half the damage lands in the section's deflate stream, where zipfile's own checks
    # do not look first; the rest anywhere, and the file may be cut short.
    for _ in range(data.draw(st.integers(1, 8))):
        inside = data.draw(st.booleans())
        at = data.draw(st.integers(start, end - 1) if inside else st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(raw) // 2, len(raw)))
    f.write_bytes(bytes(raw[:cut]))
    refused: InputError | None = None
    try:
        read_path(f)
    except InputError as e:  # any other exception fails the test: a crash, not an error
        refused = e
    assert refused is None or str(f) in str(refused)
