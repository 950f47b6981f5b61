"""Synthetic news pages for the HTML reader: an article in one of several common
layouts, inside navigation, a related-story list, a ranking box and a footer.

The article and the noise are made from templates by a seeded random generator, so the
pages are reproducible and hold no real text. ``LAYOUTS`` names the layouts;
:func:`page` builds one; :func:`kept` measures how much of an article a reader's text
keeps and how much noise it lets in.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from html import escape

MINISTRIES = ("가상부", "미래혁신청", "지역상생처", "첨단소재원", "해양자원부")
THINGS = ("소재부품 기반", "스마트농업 단지", "수소 충전망", "지역 창업허브", "디지털 교육")
VERBS = ("추진한다고 밝혔다", "지원할 예정이다", "편성했다고 설명했다", "확대하기로 했다")


def article(rng: random.Random, paragraphs: int = 8) -> list[str]:
    """Paragraphs of a made-up news article with amounts and periods."""
    out = []
    for i in range(paragraphs):
        who = rng.choice(MINISTRIES)
        what = rng.choice(THINGS)
        amount = rng.randint(5, 900)
        start = rng.randint(20, 27)
        years = rng.randint(2, 5)
        templates = [
            f"{who}는 {what} 사업에 ’{start}~’{start + years - 1} {years}년간 총 {amount}억원을 "
            f"{rng.choice(VERBS)}.",
            f"이번 사업은 과제당 {amount // 3 + 1}억원 규모로 {what} 확충에 쓰이며, "
            f"올해 예산은 {amount * 7}백만원이다.",
            f"{who} 관계자는 “{what}이 현장에 자리 잡도록 {2000 + start}년까지 꾸준히 "
            f"지원하겠다”고 말했다.",
            f"□ (기간/규모) {2000 + start}년 ~ , 과제당 {years}년간 {amount}억원 규모 지원",
        ]
        out.append(templates[i % len(templates)])
    return out


def noise(rng: random.Random) -> dict[str, list[str]]:
    """Menu items, related and most-read headlines, footer lines (with figures of their own)."""
    heads = [
        f"{rng.choice(MINISTRIES)}, {rng.choice(THINGS)}에 {rng.randint(1000, 9000)}억원 투입 검토"
        for _ in range(6)
    ]
    return {
        "menu": ["정치", "경제", "사회", "전국", "국제", "오피니언"],
        "related": heads[:3],
        "ranking": heads[3:],
        "footer": [
            "회사소개 | 광고문의 | 개인정보처리방침",
            "Copyright 가상일보. 무단전재 및 재배포 금지",
        ],
    }


def _p(lines: list[str]) -> str:
    return "\n".join(f"<p>{escape(x)}</p>" for x in lines)


def _div(lines: list[str]) -> str:
    return "\n".join(f"<div>{escape(x)}</div>" for x in lines)


def _br(lines: list[str]) -> str:
    return "<br>\n<br>\n".join(escape(x) for x in lines)


def _sections(lines: list[str]) -> str:
    parts = []
    for i in range(0, len(lines), 3):
        inner = "".join(
            f"<div class='txt'><span>{escape(x)}</span></div>" for x in lines[i : i + 3]
        )
        parts.append(f"<section class='part'><div class='wrap'>{inner}</div></section>")
    return "<section class='story'>" + "".join(parts) + "</section>"


def _font_table(lines: list[str]) -> str:
    body = "<br>".join(escape(x) for x in lines)
    return (
        f"<table width='100%'><tr><td class='td_txt'><font size='2'>{body}</font></td></tr></table>"
    )


LAYOUTS: dict[str, Callable[[list[str]], str]] = {
    "p": _p,
    "div": _div,
    "br": _br,
    "sections": _sections,
    "font_table": _font_table,
}


def page(lines: list[str], layout: str, rng: random.Random, marked_noise: bool = True) -> str:
    """A whole news page with the article in ``layout``; no known body marker is used.

    With ``marked_noise`` the related and ranking boxes carry the usual class names;
    without, they are plain ``<div>`` lists of links, found by link density alone.
    """
    n = noise(rng)
    menu = "".join(f"<li><a href='/s/{i}'>{escape(m)}</a></li>" for i, m in enumerate(n["menu"]))
    rel_cls, rank_cls = ("related_news", "popular_box") if marked_noise else ("box1", "box2")
    related = "".join(
        f"<li><a href='/n/{i}'>{escape(h)}</a></li>" for i, h in enumerate(n["related"])
    )
    ranking = "".join(
        f"<li><a href='/r/{i}'>{escape(h)}</a></li>" for i, h in enumerate(n["ranking"])
    )
    footer = "".join(f"<p>{escape(f)}</p>" for f in n["footer"])
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{escape(lines[0][:20])} | 가상일보</title></head><body>
<div id="top"><ul class="menu">{menu}</ul></div>
<div class="container"><div class="col_l">
<h2 class="tit">{escape(lines[0][:30])}</h2>
<div class="info">입력 2025.04.09 11:00</div>
<div class="cnt_area">{LAYOUTS[layout](lines)}</div>
<div class="{rel_cls}"><h4>함께 볼 기사</h4><ul>{related}</ul></div>
</div><div class="col_r"><div class="{rank_cls}"><h4>많이 본 뉴스</h4><ol>{ranking}</ol></div></div>
</div><div class="bottom">{footer}</div></body></html>"""


def kept(text: str, lines: list[str], rng_noise: dict[str, list[str]]) -> tuple[float, int]:
    """Share of the article's letters that reach ``text``, and how many noise lines do."""
    squashed = "".join(text.split())
    total = sum(len("".join(x.split())) for x in lines)
    found = sum(len("".join(x.split())) for x in lines if "".join(x.split()) in squashed)
    leaked = sum(
        1
        for key in ("related", "ranking", "footer")
        for x in rng_noise[key]
        if "".join(x.split()) in squashed
    )
    return found / total, leaked
