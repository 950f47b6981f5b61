"""Web pages read whole: the article in any common layout, the page's date and charset,
and raw spans that show each value in the page's own HTML."""

from __future__ import annotations

import datetime as dt
import html
import random
from pathlib import Path

import pytest
from html_pages import LAYOUTS, article, kept, noise, page

import gongmun
from gongmun.normalize import normalize
from gongmun.pipeline import extract_raw
from gongmun.readers import read_bytes
from gongmun.readers.html import html_to_raw


@pytest.mark.parametrize("marked", [True, False], ids=["marked-noise", "plain-noise"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_article_is_kept_whole_in_every_layout(layout: str, marked: bool) -> None:
    # <div> paragraphs kept 15% of the article before the paragraph score (the longest
    # single <div> won); every layout must keep all of it and none of the link boxes.
    for seed in range(6):
        lines = article(random.Random(seed), 4 + seed)
        html_page = page(lines, layout, random.Random(50 + seed), marked)
        share, leaked = kept(html_to_raw(html_page).text, lines, noise(random.Random(50 + seed)))
        assert share == 1.0, (layout, seed)
        assert leaked == 0, (layout, seed)


def test_div_article_gives_every_figure(tmp_path: Path) -> None:
    lines = article(random.Random(7), 8)
    f = tmp_path / "news.html"
    f.write_text(page(lines, "div", random.Random(7), marked_noise=False), encoding="utf-8")
    from_page = gongmun.extract(f)
    from_text = gongmun.extract_text("\n".join(lines))
    assert sorted(a.value_krw for a in from_page.amounts) == sorted(
        a.value_krw for a in from_text.amounts
    )


def test_body_marker_is_still_preferred() -> None:
    body = "<div class='other'><p>이 상자는 본문이 아닌 긴 안내문으로 100억원을 적습니다.</p></div>"
    marked = "<div id='articleBody'><p>총 600억원을 지원한다.</p></div>"
    assert html_to_raw(f"<body>{body}{marked}</body>").text == "총 600억원을 지원한다."


def test_page_that_is_only_a_table_keeps_its_rows() -> None:
    rows = [("사업", "예산"), ("기반구축", "600억원"), ("인력양성", "120억원"), ("합계", "720억원")]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    raw = html_to_raw(f"<html><body><table>{table}</table></body></html>")
    assert raw.text.splitlines() == [c for r in rows for c in r]
    assert len(raw.tables) == 1


@pytest.mark.parametrize(
    "table",
    [
        "<table><tr><td>1</td><td>34억 원</td></tr></table>",
        "<table><tbody><tr id='articleBody'><td>1</td><td>34억 원</td></tr></tbody></table>",
    ],
    ids=["one-row", "marked-row"],
)
def test_page_of_one_table_row_keeps_its_cells_apart(table: str) -> None:
    # The row alone scored as the body and its cells were run together: 1 | 34억 -> 134억.
    page = f"<html><body><ul class='menu'><li><a href='/'>홈</a></li></ul>{table}</body></html>"
    raw = html_to_raw(page)
    assert raw.text.splitlines() == ["1", "34억 원"]
    assert len(raw.tables) == 1


# --- the page's date ------------------------------------------------------------------

PARAGRAPH = "<div id='articleBody'><p>과제당 4년간 100억원 규모 지원</p></div>"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-03-05T23:30:00+09:00">',
        '<meta name="pubdate" content="2024.03.05">',
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-05T10:00:00+09:00", "dateModified": "2024-03-07"}</script>',
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
        '{"@type": "NewsArticle", "datePublished": "2024-03-05"}]}</script>',
    ],
    ids=["og-published-time", "meta-pubdate", "json-ld", "json-ld-graph"],
)
def test_markup_date_gives_meta_issued(head: str) -> None:
    page_html = f"<html><head>{head}</head><body>{PARAGRAPH}<p>입력 2020.01.01</p></body></html>"
    doc = extract_raw(read_bytes(page_html.encode(), "a.html"))
    assert doc.meta.issued == dt.date(2024, 3, 5)


def test_time_element_gives_meta_issued() -> None:
    page_html = (
        "<body><aside class='related'><time datetime='2019-01-01'>옛 기사</time></aside>"
        f"<div class='info'><time datetime='2024-03-05T09:00'>3월 5일</time></div>{PARAGRAPH}"
    )
    assert html_to_raw(page_html).issued == dt.date(2024, 3, 5)


def test_broken_json_ld_and_bad_dates_are_ignored() -> None:
    page_html = (
        '<script type="application/ld+json">{"datePublished": </script>'
        '<meta property="article:published_time" content="2024-13-45">' + PARAGRAPH
    )
    assert html_to_raw(page_html).issued is None


# --- charsets -------------------------------------------------------------------------

BODY = "<div id='articleBody'><p>과제당 4년간 100억원 규모 지원</p></div>"


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="euc-kr">',
        "<meta charset=EUC-KR>",
        '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">',
        "<meta content='text/html;charset=ks_c_5601-1987' http-equiv='content-type'>",
        '<meta http-equiv="Content-Type" content="text/html; charset=x-euc-kr">',
    ],
)
def test_declared_korean_charset_is_honoured(declaration: str) -> None:
    page_html = f"<html><head>{declaration}</head><body>{BODY}</body></html>"
    data = page_html.encode("cp949")
    raw = read_bytes(data, "a.html")
    assert raw.encoding == "cp949"
    assert "과제당 4년간 100억원 규모 지원" in raw.text
    assert data.decode(raw.encoding) == raw.raw_text


def test_declaration_after_a_long_script_is_found() -> None:
    script = "<script>" + "var x = 1;\n" * 300 + "</script>"
    page_html = f"<html><head>{script}<meta charset='euc-kr'></head><body>{BODY}</body></html>"
    assert read_bytes(page_html.encode("cp949"), "a.html").encoding == "cp949"


def test_byte_order_mark_beats_the_declaration() -> None:
    page_html = f"<html><head><meta charset='euc-kr'></head><body>{BODY}</body></html>"
    raw = read_bytes(b"\xef\xbb\xbf" + page_html.encode(), "a.html")
    assert raw.encoding == "utf-8-sig"
    assert "과제당 4년간 100억원 규모 지원" in raw.text


def test_utf7_declaration_is_not_honoured() -> None:
    page_html = f"<html><head><meta charset='utf-7'></head><body>{BODY}</body></html>"
    raw = read_bytes(page_html.encode(), "a.html")
    assert raw.encoding == "utf-8"
    assert "100억원" in raw.text


# --- raw spans index the page's HTML ----------------------------------------------------


def shown(raw_slice: str) -> str:
    """What a slice of HTML shows, folded as the normalizer folds, without white space."""
    return "".join(normalize(html.unescape(raw_slice)).text.split())


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_raw_span_shows_each_value_in_the_html(layout: str) -> None:
    lines = article(random.Random(3), 8)
    lines[1] = lines[1].replace("억원", "&#xC5B5;원", 1)  # a character reference
    lines[2] = lines[2].replace(" ", "&nbsp; \n  ", 2)
    source = page(lines, layout, random.Random(3)).replace("&amp;", "&")
    data = source.encode("cp949", "replace")
    doc = extract_raw(read_bytes(data, "news.html"))
    assert doc.source.raw_text == "decoded"
    assert doc.source.encoding is not None
    decoded = data.decode(doc.source.encoding)
    records = [*doc.amounts, *doc.periods]
    assert len(records) > 10
    for rec in records:
        assert rec.raw_span is not None, rec.text
        piece = decoded[rec.raw_span.start : rec.raw_span.end]
        assert shown(piece) == "".join(rec.text.split()), (rec.text, piece)


def test_title_from_og_title_maps_into_its_attribute() -> None:
    source = (
        '<meta property="og:title" content="정부, 총 600억원 투입">'
        "<div id='articleBody'><p>과제당 100억원 규모</p></div>"
    )
    raw = html_to_raw(source)
    assert raw.text.splitlines()[0] == "정부, 총 600억원 투입"
    assert raw.source_map is not None
    span = raw.source_map.to_source(6, 11)
    assert span is not None
    assert source[span[0] : span[1]] == "600억원"
