"""Every record's raw_span shows its value in a text the user can get.

``source.raw_text`` says which text: ``decoded`` is the file's bytes decoded with
``source.encoding`` (text files in every encoding, web pages' HTML); ``reader`` is the
reader's text of a PDF, HWP or HWPX file (or of a text file mixing encodings), which
``gongmun normalize FILE --raw`` prints. Files are generated in every encoding and format.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hwpx_build import one_section, para
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_build import korean_canvas

from gongmun.cli import main
from gongmun.models import Document
from gongmun.normalize import normalize
from gongmun.pipeline import extract_raw
from gongmun.readers import RawInput, read_bytes

FIGURES = st.sampled_from(
    [
        "총 600억원",
        "1조 3,099억원",
        "’25~’29",
        "2028년까지 4년간",
        "과제당 15백만원",
        "34억 원",
        "'24∼'28",
    ]
)
WORDS = st.sampled_from(
    ["사업", "예산을", "지원한다", "과제", "□", "ㅇ", "(", ")", "규모로", "국비"]
)
LINE = st.lists(st.one_of(FIGURES, WORDS), min_size=1, max_size=6).map(" ".join)
LINES = st.lists(LINE, min_size=1, max_size=8)

TEXT_CODECS = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8-sig": lambda s: s.encode("utf-8-sig"),
    "utf-16": lambda s: s.encode("utf-16"),
    "utf-16-le": lambda s: s.encode("utf-16-le"),
    "utf-16-be": lambda s: s.encode("utf-16-be"),
    "utf-32": lambda s: s.encode("utf-32"),
    "cp949": lambda s: s.encode("cp949"),
}


def shown(raw_slice: str, is_html: bool) -> str:
    """What a raw slice shows, folded as the normalizer folds, without white space."""
    text = html.unescape(raw_slice) if is_html else raw_slice
    return "".join(normalize(text).text.split())


def check(doc: Document, raw: RawInput, data: bytes) -> int:
    """Assert every mapped record shows its text in the raw text; return how many mapped."""
    if doc.source.raw_text == "decoded":
        assert doc.source.encoding is not None
        assert data.decode(doc.source.encoding) == raw.raw_text
    is_html = doc.source.media_type == "text/html"
    mapped = 0
    for rec in [*doc.amounts, *doc.periods]:
        if rec.raw_span is None:
            continue
        piece = raw.raw_text[rec.raw_span.start : rec.raw_span.end]
        assert shown(piece, is_html) == "".join(rec.text.split()), (rec.text, piece)
        mapped += 1
    return mapped


def records(doc: Document) -> int:
    return len(doc.amounts) + len(doc.periods)


@settings(max_examples=40, deadline=None)
@given(LINES, st.sampled_from(sorted(TEXT_CODECS)))
def test_text_files_in_every_encoding(lines: list[str], codec: str) -> None:
    data = TEXT_CODECS[codec]("\n".join(lines) + "\n")
    raw = read_bytes(data, "a.txt")
    doc = extract_raw(raw)
    assert doc.source.raw_text == "decoded"
    assert check(doc, raw, data) == records(doc)


@settings(max_examples=10, deadline=None)
@given(LINES)
def test_text_file_mixing_utf8_and_cp949_lines(lines: list[str]) -> None:
    data = b"".join(
        (line + "\n").encode("cp949" if i % 2 else "utf-8")
        for i, line in enumerate([*lines, "지원"])
    )
    raw = read_bytes(data, "a.txt")
    doc = extract_raw(raw)
    if raw.encoding == "utf-8+cp949":
        assert doc.source.raw_text == "reader"
    assert check(doc, raw, data) == records(doc)


LAYOUT = st.sampled_from(["p", "div", "br", "table"])


def page(lines: list[str], layout: str, charset: str) -> str:
    body = {
        "p": "".join(f"<p>{html.escape(x)}</p>\n" for x in lines),
        "div": "".join(f"<div>  {html.escape(x)}&nbsp;</div>" for x in lines),
        "br": "<br>\n".join(html.escape(x) for x in lines),
        "table": "<table>"
        + "".join(f"<tr><td>{i}</td><td>{html.escape(x)}</td></tr>" for i, x in enumerate(lines))
        + "</table>",
    }[layout]
    return (
        f"<html><head><meta charset='{charset}'><title>t</title></head><body>"
        f"<ul class='menu'><li><a href='/'>홈</a></li></ul><div class='cnt'>{body}</div>"
        "<div class='footer'>Copyright 가상일보</div></body></html>"
    )


@settings(max_examples=30, deadline=None)
@given(LINES, LAYOUT, st.sampled_from(["utf-8", "euc-kr"]))
def test_web_pages(lines: list[str], layout: str, charset: str) -> None:
    data = page(lines, layout, charset).encode("cp949" if charset == "euc-kr" else "utf-8")
    raw = read_bytes(data, "a.html")
    doc = extract_raw(raw)
    assert doc.source.raw_text == "decoded"
    assert check(doc, raw, data) == records(doc)


def hwpx(lines: list[str]) -> bytes:
    return one_section("".join(para(html.escape(x)) for x in lines))


@settings(max_examples=15, deadline=None)
@given(LINES)
def test_hwpx_files(lines: list[str]) -> None:
    data = hwpx(lines)
    raw = read_bytes(data, "a.hwpx")
    doc = extract_raw(raw)
    assert doc.source.raw_text == "reader"
    assert check(doc, raw, data) == records(doc)


def pdf(lines: list[str]) -> bytes:
    import io

    out = io.BytesIO()
    c = korean_canvas(out, 11)
    for i, line in enumerate(lines):
        c.drawString(60, 780 - 18 * i, line)
    c.showPage()
    c.save()
    return out.getvalue()


@settings(max_examples=8, deadline=None)
@given(LINES)
def test_pdf_files(lines: list[str]) -> None:
    data = pdf(lines)
    raw = read_bytes(data, "a.pdf")
    doc = extract_raw(raw)
    assert doc.source.raw_text == "reader"
    assert check(doc, raw, data) == records(doc)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("a.pdf", lambda: pdf(["사업 총 600억원 지원"])),
        ("a.hwpx", lambda: hwpx(["사업 총 600억원 지원"])),
        ("a.html", lambda: page(["사업 총 600억원 지원"], "div", "utf-8").encode()),
        ("a.txt", lambda: "사업 총 600억원 지원\n".encode("utf-16")),
    ],
)
def test_normalize_raw_prints_the_text_raw_span_indexes(
    tmp_path: Path, name: str, make: object, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / name
    f.write_bytes(make())  # type: ignore[operator]
    assert main(["normalize", "--raw", str(f)]) == 0
    printed = capsys.readouterr().out
    assert main(["extract", str(f)]) == 0
    import json

    (amount,) = json.loads(capsys.readouterr().out)["amounts"]
    span = amount["raw_span"]
    assert printed[span["start"] : span["end"]] == "600억원"


def test_pdf_text_records_carry_the_box_of_their_words() -> None:
    import pdfplumber

    data = pdf(["사업 예산", "과제당 4년간 총 600억원 지원", "’25~’29 추진"])
    doc = extract_raw(read_bytes(data, "a.pdf"))
    records = [*doc.amounts, *doc.periods]
    assert records
    import io

    with pdfplumber.open(io.BytesIO(data)) as opened:
        page = opened.pages[0]
        for rec in records:
            assert rec.bbox is not None, rec.text
            assert rec.page == 1
            x0, top, x1, bottom = rec.bbox
            assert 0 <= x0 < x1 <= page.width
            assert 0 <= top < bottom <= page.height
            inside = page.crop((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_text()
            assert "".join(normalize(rec.text).text.split()) in "".join(
                normalize(inside).text.split()
            )
