"""Hostile inputs end with a stable error code, within a few seconds and a few hundred MB.

Each file is small and made here; each read runs in a bounded child (:mod:`bounded`)
so a regression fails its test instead of hanging or exhausting the run.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pdf_build
import pytest
from bounded import read_bounded
from hwpx_build import para, section, tbl, tc, write_hwpx

import gongmun
from gongmun.cli import main
from gongmun.readers import limits

MIB = 1024 * 1024


def hwpx(tmp_path: Path, members: dict[str, str | bytes], name: str = "t.hwpx") -> Path:
    return write_hwpx(tmp_path / name, members, compresslevel=1)


def exactly(size: int, body: str) -> str:
    """A section of exactly ``size`` bytes: ``body`` and a comment filling the rest."""
    base = section(body + "<!---->")
    return section(body + "<!--" + "x" * (size - len(base.encode())) + "-->")


# --- HWPX ---------------------------------------------------------------------------


def test_hwpx_cell_address_of_a_billion(tmp_path: Path) -> None:
    f = hwpx(
        tmp_path, {"Contents/section0.xml": section(tbl([[tc(0, 0, "가"), tc(10**9, 0, "나")]]))}
    )
    assert f.stat().st_size < 1000
    out = read_bounded(f)
    assert (out.code, out.detail["tables"]) == ("ok", 1)
    assert out.peak_mib < 300


def test_hwpx_thousand_by_thousand_spans(tmp_path: Path) -> None:
    rows = [[tc(i, j, "칸", 1000, 1000) for j in range(1000)] for i in range(0, 1000, 100)]
    out = read_bounded(hwpx(tmp_path, {"Contents/section0.xml": section(tbl(rows))}))
    assert out.code == "ok"
    assert out.peak_mib < 300


def test_hwpx_diagonal_table_too_large_to_lay_out(tmp_path: Path) -> None:
    rows = [[tc(i, i, "칸")] for i in range(1100)]
    out = read_bounded(hwpx(tmp_path, {"Contents/section0.xml": section(tbl(rows))}))
    assert out.code == "too_large"


def test_hwpx_diagonal_table_nested_in_a_cell_is_read_cell_by_cell(tmp_path: Path) -> None:
    # 6,000 cells on a diagonal inside one cell: 36 million slots were it laid out on a grid.
    inner = tbl([[tc(i, i, "칸")] for i in range(6000)])
    outer = tbl([[f"<hp:tc><hp:subList>{inner}</hp:subList></hp:tc>"]])
    f = hwpx(tmp_path, {"Contents/section0.xml": section(outer)})
    assert f.stat().st_size < 100_000
    out = read_bounded(f)
    assert (out.code, out.detail["tables"]) == ("ok", 1)
    assert out.peak_mib < 300


def test_hwpx_sections_of_exactly_one_mib_compressed_like_a_bomb(tmp_path: Path) -> None:
    one = exactly(MIB, para("가" * 10))
    f = hwpx(tmp_path, {f"Contents/section{i}.xml": one for i in range(250)})
    out = read_bounded(f)
    assert out.code == "unsafe_archive"
    assert out.peak_mib < 300


def test_hwpx_sections_past_the_xml_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Sections that compress ~20 times (no bomb) past the budget of XML in all; the budget
    # is lowered (the child is forked, so it sees it) to keep the fixture small.
    monkeypatch.setattr(limits, "MAX_HWPX_XML_BYTES", 4 * MIB)
    rnd = random.Random(7)
    text = "".join(rnd.choice("가나") for _ in range(MIB // 3 - 200))
    one = exactly(MIB, para(text))
    f = hwpx(tmp_path, {f"Contents/section{i}.xml": one for i in range(5)})
    assert f.stat().st_size < MIB
    out = read_bounded(f)
    assert out.code == "too_large"
    assert "bytes in all" in str(out.detail["message"])


def test_hwpx_elements_past_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_XML_ELEMENTS", 50_000)
    one = section("<hp:p/>" * 14_000)
    f = hwpx(tmp_path, {f"Contents/section{i}.xml": one for i in range(4)})
    out = read_bounded(f)
    assert out.code == "too_large"
    assert "elements in all" in str(out.detail["message"])


# --- files that are not regular files ------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_dev_zero_are_refused_by_extract_resume_and_normalize(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    inputs = [str(fifo), "/dev/zero"]
    assert main(["extract", *inputs, "-o", str(out), "--jobs", "1"]) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line.count('"error":"not_a_file"') for line in lines] == [1, 1]
    # --resume hashes the inputs it finds in the output: never by reading a FIFO.
    assert main(["extract", *inputs, "-o", str(out), "--jobs", "1", "--resume"]) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    capsys.readouterr()
    for target in inputs:
        assert main(["normalize", target]) != 0
        assert "not_a_file" in capsys.readouterr().err


# --- PDF ----------------------------------------------------------------------------


def _write_pdf(tmp_path: Path, objects: dict[int, bytes], name: str = "t.pdf") -> Path:
    f = tmp_path / name
    f.write_bytes(pdf_build.pdf(objects))
    return f


LOOP = {6: b"7 0 R", 7: b"6 0 R"}


@pytest.mark.parametrize("where", ["length", "contents", "resources"])
def test_pdf_references_looping_through_objects(tmp_path: Path, where: str) -> None:
    objects = {**pdf_build.simple(), **LOOP}
    if where == "length":
        objects[4] = pdf_build.stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET", length=b"6 0 R")
    elif where == "contents":
        objects[3] = pdf_build.text_page(contents=b"6 0 R")
    else:
        objects[3] = pdf_build.text_page(resources=b"6 0 R")
    f = _write_pdf(tmp_path, objects)
    assert f.stat().st_size < 1000
    out = read_bounded(f)
    assert out.code == "broken_pdf"
    assert "loop" in str(out.detail["message"])


def test_pdf_stream_length_of_itself(tmp_path: Path) -> None:
    objects = pdf_build.simple()
    objects[4] = pdf_build.stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET", length=b"4 0 R")
    assert read_bounded(_write_pdf(tmp_path, objects)).code == "broken_pdf"


def test_pdf_flate_bomb(tmp_path: Path) -> None:
    objects = pdf_build.simple()
    objects[4] = pdf_build.flate(b"BT /F1 12 Tf 72 720 Td (x) Tj ET " + b" " * (200 * MIB))
    f = _write_pdf(tmp_path, objects)
    assert f.stat().st_size < 400_000
    out = read_bounded(f)
    assert out.code == "too_large"
    assert out.peak_mib < 400


def test_pdf_xobject_fan_out(tmp_path: Path) -> None:
    # Form k draws form k+1 ten times, eight deep: 10^8 draws unbounded.
    objects = pdf_build.simple(b"/X10 Do")
    objects[3] = pdf_build.text_page(
        resources=b"<< /Font << /F1 5 0 R >> /XObject << /X10 10 0 R >> >>"
    )
    for k in range(10, 18):
        draw = b"BT /F1 12 Tf 72 700 Td (y) Tj ET " + (b"/X%d Do " % (k + 1)) * 10
        res = b"/Resources << /Font << /F1 5 0 R >> /XObject << /X%d %d 0 R >> >>" % (k + 1, k + 1)
        head = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + res
        objects[k] = pdf_build.stream(draw if k < 17 else b"", head)
    out = read_bounded(_write_pdf(tmp_path, objects))
    assert out.code == "too_large"
    assert "XObjects" in str(out.detail["message"])
    assert out.peak_mib < 400


def test_pdf_pages_past_the_limit_are_not_all_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit is lowered (the child is forked and sees it) to keep the fixture small;
    # the declared /Count lies, so only walking the tree finds the pages.
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 40)
    objects = pdf_build.simple()
    kids = range(100, 160)
    objects[2] = (
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count 1 >>"
    )
    for k in kids:
        objects[k] = pdf_build.text_page()
    out = read_bounded(_write_pdf(tmp_path, objects))
    assert out.code == "too_large"
    assert "pages" in str(out.detail["message"])


def test_pdf_whose_to_unicode_map_holds_surrogates(tmp_path: Path) -> None:
    # Codes mapped to lone surrogates (D800, DBFF) and to a pair (an emoji).
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"3 beginbfchar <41> <D800> <42> <DBFF> <43> <D83DDE00> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = pdf_build.simple(b"BT /F1 12 Tf 72 720 Td (AB C 600 ABC) Tj ET")
    objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    objects[6] = pdf_build.stream(cmap)
    f = _write_pdf(tmp_path, objects)
    assert f.stat().st_size < 1000
    out = read_bounded(f)
    assert out.code == "ok"
    doc = gongmun.extract(f)
    doc.model_dump_json().encode("utf-8")  # no lone surrogate reaches the record
    assert "\U0001f600" in doc.text
    assert "600" in doc.text
