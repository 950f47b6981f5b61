"""Never lose the document: boilerplate removal drops page furniture, not the text itself."""

from __future__ import annotations

from pathlib import Path

import gongmun
from gongmun.normalize.boilerplate import boilerplate_warnings, drop_boilerplate

# A 개조식 report: short bullet lines, few full sentences.
REPORT = "\n".join(
    [
        "□ 추진 배경",
        "ㅇ 산업기술 혁신계획('24~'28)의 2025년도 시행계획 수립",
        "ㅇ (사업화) 공공연구자 창업 활성화를 위한 법 개정('24.12)",
        "- 기술이전 제도 정비 및 사업화 지원 강화",
        "□ 주요 내용",
        "ㅇ 바이오파운드리 구축사업('25~'29, '25년 51.7억원) 착수",
        "ㅇ 혁신기반구축사업에 총 2,685억원을 지원한다.",
    ]
    * 6
)

NEWS_PAGE = "\n".join(
    [
        "구름많음서울 26.9℃",
        "기상청 제공",
        "페이스북 트위터",
        "산업부, 혁신기반구축사업에 지원",
        "기사 읽어주기",
        "산업통상자원부는 올해 혁신기반구축사업에 총 2,685억원을 지원한다고 밝혔다.",
        "지원 대상은 지역의 중소기업과 연구기관이며 공모는 다음 달부터 시작된다.",
        "Copyright ⓒ 신문 All rights reserved.",
        "관련 기사",
        "다른 기사의 제목 하나",
    ]
)


def _kept(text: str) -> str:
    return gongmun.normalize(text).text


def test_bullets_read_as_copyright_signs_keep_the_report() -> None:
    misread = REPORT.replace("ㅇ ", "© ")
    norm = gongmun.normalize(misread)
    assert not [d for d in norm.dropped if d.reason == "drop_boilerplate"]
    assert "바이오파운드리 구축사업" in norm.text


def test_a_short_copyright_line_is_still_boilerplate() -> None:
    page = NEWS_PAGE.replace("Copyright ⓒ 신문 All rights reserved.", "ⓒ 연합뉴스")
    assert "연합뉴스" not in _kept(page)


def test_a_report_before_a_news_page_survives_the_page_head() -> None:
    text = _kept(REPORT + "\n\n" + NEWS_PAGE)
    assert text.count("바이오파운드리 구축사업") == 6
    assert "지원 대상은 지역의 중소기업과" in text
    assert "기상청" not in text
    assert "Copyright" not in text


def test_text_after_a_news_page_survives_its_footer() -> None:
    text = _kept(NEWS_PAGE + "\n\n" + REPORT)
    assert text.count("바이오파운드리 구축사업") == 6
    assert "관련 기사" not in text


def test_a_plan_that_drops_more_than_it_keeps_is_refused_with_a_warning() -> None:
    # One article sentence between boilerplate, then a long text the tail cut would take.
    body = "\n".join(f"ㅇ {i}번 과제 기반구축 추진 및 성과 점검" for i in range(60))
    head = "로그인\n기상청 제공\n이 문장은 기사 본문으로 읽히는 충분히 긴 문장이다.\n관련 기사\n"
    text = head + body
    assert drop_boilerplate(text) == []
    [(code, message)] = boilerplate_warnings(text)
    assert code == "boilerplate_kept"
    assert "kept whole" in message
    doc = gongmun.extract(text)
    assert "boilerplate_kept" in [w.code for w in doc.warnings]
    assert "59번 과제" in doc.text


def test_a_real_page_gets_no_warning() -> None:
    assert boilerplate_warnings(NEWS_PAGE) == []
    assert drop_boilerplate(NEWS_PAGE)


def test_documents_run_together_keep_each_ones_text() -> None:
    # Four seeds (two reports, two news pages) in one text: each article stays, whole (its
    # lines may wrap differently). Run together, the page furniture of one once made the
    # plan drop nearly all of them; OCR reading the bullets as © made it worse.
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[:4]
    alone = [_flat(gongmun.normalize(s.read_text(encoding="utf-8")).text) for s in seeds]
    for bullet in ("ㅇ ", "© "):
        together = gongmun.normalize(
            "\n\n".join(s.read_text(encoding="utf-8").replace("ㅇ ", bullet) for s in seeds)
        )
        assert "boilerplate_kept" not in [n.code for n in together.notices]
        kept = _flat(together.text).replace("©", "ㅇ")
        for name, text in zip(seeds, alone, strict=True):
            assert text in kept, (name.name, bullet)


def _flat(text: str) -> str:
    return "".join(text.split())
