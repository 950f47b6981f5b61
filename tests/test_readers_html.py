"""Saved web pages: the article body is kept, navigation and page furniture are not."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from readers_support import SEED000_KEY_LINES, figures, seed_text, squash

import gongmun
from gongmun.errors import InputError
from gongmun.readers import read_path
from gongmun.readers.html import html_to_raw

# Page furniture with figures of its own, which must not reach the document.
FURNITURE_FIGURE = "999억원"


def news_page(body_html: str, body_attr: str = 'id="articleBody"', charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="{charset}">
<title>소부장 미래혁신기반 신규 추진 | 어느신문</title>
<script>var budget = "{FURNITURE_FIGURE}";</script><style>p {{ color: red }}</style>
</head><body>
<header><nav><ul><li>정치</li><li>경제</li>
<li>전국 예산 {FURNITURE_FIGURE} 특집</li></ul></nav></header>
<div class="wrap"><div class="content">
<h1 class="headline">소부장 미래혁신기반 신규 추진</h1>
<div {body_attr}>{body_html}
<div class="article_share"><button>공유</button> 페이스북 트위터</div>
<p class="byline reporter">홍길동 기자 hong@example.com</p>
</div>
<aside class="related"><h3>관련기사</h3><a href="#">다른 사업 {FURNITURE_FIGURE} 투입</a></aside>
</div></div>
<footer><p class="copyright">Copyright 어느신문. 무단전재 금지. 광고 {FURNITURE_FIGURE}</p></footer>
</body></html>"""


def seed_paragraphs() -> str:
    lines = [ln.strip() for ln in seed_text().splitlines() if ln.strip()]
    return "\n".join(f"<p>{escape(ln)}</p>" for ln in lines)


def test_article_body_is_kept_and_furniture_dropped(tmp_path: Path) -> None:
    f = tmp_path / "news.html"
    f.write_text(news_page(seed_paragraphs()), encoding="utf-8")
    raw = read_path(f)
    assert raw.media_type == "text/html"
    assert raw.encoding == "utf-8"
    assert FURNITURE_FIGURE not in raw.text
    assert "기자" not in raw.text
    assert "공유" not in raw.text
    lines = set(raw.text.splitlines())
    for key in SEED000_KEY_LINES:
        assert key in lines
    assert raw.text.startswith("소부장 미래혁신기반 신규 추진\n")


def test_news_page_gives_the_seed_figures(tmp_path: Path) -> None:
    f = tmp_path / "news.htm"
    f.write_text(news_page(seed_paragraphs()), encoding="utf-8")
    assert figures(gongmun.extract(f)) == figures(gongmun.extract_text(seed_text()))


def test_euc_kr_page_is_read_by_its_meta_charset(tmp_path: Path) -> None:
    page = news_page("<p>과제당 4년간 100억원 규모 지원</p>", charset="euc-kr")
    f = tmp_path / "news.html"
    f.write_bytes(page.encode("cp949"))
    raw = read_path(f)
    assert raw.encoding == "cp949"
    assert "과제당 4년간 100억원 규모 지원" in raw.text


def test_wrong_meta_charset_falls_back_to_detection(tmp_path: Path) -> None:
    page = news_page("<p>과제당 4년간 100억원 규모 지원</p>", charset="euc-kr")
    f = tmp_path / "news.html"
    f.write_bytes(page.encode("utf-8"))
    raw = read_path(f)
    assert raw.encoding == "utf-8"
    assert "과제당 4년간 100억원 규모 지원" in raw.text


def test_policy_briefing_view_cont() -> None:
    page = news_page("<p>2028년까지 총 600억원 지원</p>", body_attr='class="view_cont"')
    assert html_to_raw(page).text.splitlines()[-1] == "2028년까지 총 600억원 지원"


def test_page_without_markers_uses_text_density() -> None:
    page = """<html><body><div class="menu"><a>홈</a><a>예산 999억원</a></div>
    <div class="x"><p>첫 문단 600억원 지원.</p><p>둘째 문단은 더 길게 씁니다 2025년부터.</p></div>
    <div class="y"><a>이용약관</a></div></body></html>"""
    assert html_to_raw(page).text == "첫 문단 600억원 지원.\n둘째 문단은 더 길게 씁니다 2025년부터."


def test_html_table_becomes_a_table() -> None:
    page = news_page(
        "<p>표</p><table><tr><th>사업</th><th>예산</th></tr>"
        "<tr><td>기반구축</td><td>600억원</td></tr>"
        '<tr><td colspan="2">합계 600억원</td></tr></table><p>끝</p>'
    )
    raw = html_to_raw(page)
    assert len(raw.tables) == 1
    table = raw.tables[0]
    assert table.rows_text() == (("사업", "예산"), ("기반구축", "600억원"), ("합계 600억원", None))
    assert table.start is not None
    assert raw.text[table.start :].startswith("사업\n예산\n기반구축\n600억원\n합계 600억원\n")


def test_unclosed_and_stray_tags_do_not_lose_text() -> None:
    page = "<div id='articleBody'><p>총 600억원<p>2025년부터</b></span><br>지원</div>"
    assert html_to_raw(page).text == "총 600억원\n2025년부터\n지원"


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text("<html><head><title></title></head><body><script>x()</script></body></html>")
    with pytest.raises(InputError) as info:
        read_path(f)
    assert info.value.code == "no_text"
    assert str(f) in str(info.value)


def test_deeply_nested_page_does_not_crash() -> None:
    page = "<div>" * 5000 + "총 600억원" + "</div>" * 5000
    assert squash(html_to_raw(page).text) == "총600억원"
