"""The normalizer on the four seed documents, checked against the hand gold where it exists."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from gongmun.normalize import Normalized, iter_blocks, normalize
from gongmun.normalize.outline import build_outline
from gongmun.normalize.tables import FOLD

SEEDS = Path(__file__).parent.parent / "seeds"
GOLD = Path("/work/shared/gold/seeds")


@cache
def seed(prefix: str) -> Normalized:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return normalize(path.read_text(encoding="utf-8"))


def gold(prefix: str) -> dict[str, Any]:
    paths = list(GOLD.glob(f"{prefix}_*.json"))
    if not paths:
        pytest.skip("hand gold not available")
    data: dict[str, Any] = json.loads(paths[0].read_text(encoding="utf-8"))
    return data


def fold(text: str) -> str:
    return "".join(FOLD.get(c, c) for c in text)


# Exact names of seed 000's six tasks (also in the gold); each must be one whole line.
TASKS_000 = (
    "차세대 AI 반도체 초박형 기판용 TGV 핵심기술 기반구축",
    "AI 융합 무금형 디지털 제조 기반 미래모빌리티 부품 DX 혁신 지원 기반구축",
    "mRNA/LNP 기반 핵심 소재의 국산화를 위한 제조 공정 실증 기반구축",
    "기성품(Off-the-shelf) 형태 동종유래 CAR-X 세포치료제의 핵심기술 확보를 위한 "
    "제조 공정 실증 기반구축",
    "도심항공모빌리티용 습식 파우더 기반 열가소성 프리프레그 소재·부품 국산화를 위한 "
    "공정 기반 구축",
    "데이터 기반 경량금속 소재·부품 자율 주조 시스템 및 고속/고압 압출 플랫폼 기반구축",
)


@pytest.mark.parametrize("name", TASKS_000)
def test_000_task_names_are_whole_lines(name: str) -> None:
    lines = [line.strip() for line in seed("000").text.split("\n")]
    assert name in lines


def test_000_task_names_match_gold() -> None:
    tasks = [p["name"] for p in gold("000")["projects"] if "task-table" in p.get("note", "")]
    assert sorted(tasks) == sorted(TASKS_000)


def test_000_double_spaced_title_is_rejoined_inside_the_word() -> None:
    text = seed("000").text
    assert "「소부장 미래혁신기반구축사업」" in text
    assert "지원할 예정으로 11일부터" in text
    assert "연구시설·장비 구축을" in text


def test_000_heading_lines_stay_apart() -> None:
    lines = seed("000").text.split("\n")
    assert "보도자료" in lines
    assert "AI" in lines
    assert "2028년까지 4년간 6개 과제에 총 600억원 지원 예정" in lines


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_gold_amounts_survive_unaltered(prefix: str) -> None:
    text = seed(prefix).text
    missing = [a["text"] for a in gold(prefix)["amounts"] if fold(a["text"]) not in text]
    assert not missing


def test_001_wrapped_project_names_come_out_whole() -> None:
    text = seed("001").text
    names = [fold(p["name"]) for p in gold("001")["projects"]]
    # One gold name spells its footnote mark differently from the source (이차보전*).
    missing = [n for n in names if n not in text and "이차보전" not in n]
    assert not missing


def test_001_joins_read_as_a_reader_would() -> None:
    text = seed("001").text
    for joined in (
        "2025년도 시행계획(안)을 별지와 같이 의결함",
        "창업 활성화를 지원하고 CVC펀드 조성(1,725억원)으로",
        "산업혁신기반구축 로드맵 수립('26~'27)",
        "정책현안, 예산 등 대내외 여건을",
        "세부과제별 이행사항 점검하고 세부 시행계획",
        "「탄소중립 기술확산 플랫폼」 구축·운영하고",
    ):
        assert joined in text
    lines = text.split("\n")
    for heading in ("디지털·친환경(AX·GX) 산업전환 대응 강화", "공급망 안정 확보"):
        assert heading in lines


def test_001_page_numbers_are_dropped_and_reported() -> None:
    norm = seed("001")
    pages = [d for d in norm.dropped if d.reason == "drop_page_numbers"]
    assert len(pages) == 39
    assert all(norm.raw[d.raw_start : d.raw_end].startswith("- ") for d in pages)
    assert "\n- 3 -\n" not in norm.text


def test_001_outline_follows_the_bullet_hierarchy() -> None:
    blocks = iter_blocks(seed("001").blocks)
    circles = [b for b in blocks if b.kind == "circle"]
    assert circles
    notes = [n for b in blocks for n in b.notes]
    assert any(n.marker == "*" for n in notes)
    squares = [b for b in blocks if b.kind == "square"]
    assert any(c.kind == "circle" for s in squares for c in s.children)
    text = seed("001").text
    assert all(text[b.start : b.end].endswith(b.text) for b in blocks)


@pytest.mark.parametrize(
    ("prefix", "kept", "gone"),
    [
        (
            "003",
            ("총 2,685억원을 지원한다고 밝혔다", "별첨(2026-045)", "28개 신규과제(280억원)"),
            ("난방비 393억", "155억 금융 지원", "기사 읽어주기", "Copyright", "자료 제공"),
        ),
        (
            "004",
            ("소부장 기업 애로 해소에 34억원 투자", "신청 지원받을 수 있다."),
            (
                "구름많음서울 26.9℃",
                "기상청 제공",
                "페이스북",
                "더보기",
                "스마트공장 3.0",
                "300억원",
            ),
        ),
    ],
)
def test_web_pages_keep_the_article_and_lose_the_widgets(
    prefix: str, kept: tuple[str, ...], gone: tuple[str, ...]
) -> None:
    norm = seed(prefix)
    for piece in kept:
        assert piece in norm.text
    for piece in gone:
        assert piece not in norm.text
    dropped = "".join(d.text for d in norm.dropped)
    for piece in gone:
        assert fold(piece) in fold(dropped)
    for d in norm.dropped:
        assert norm.raw[d.raw_start : d.raw_end] == d.text


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_seed_normalization_is_idempotent(prefix: str) -> None:
    once = seed(prefix).text
    assert normalize(once).text == once


def test_an_enumeration_head_over_circle_lines_holds_them() -> None:
    top = build_outline(
        "□ 가 사업\nㅇ 기간 : '25~'27\n➊ 나 사업\nㅇ 기간 : '26~'30\n➋ 다 사업\nㅇ 총 90억원"
    )
    square = top[0]
    assert [c.kind for c in square.children] == ["circle", "circled", "circled"]
    assert [c.text for c in square.children[1].children] == ["기간 : '26~'30"]
    assert [c.text for c in square.children[2].children] == ["총 90억원"]


def test_an_enumeration_listed_under_an_item_stays_below_it() -> None:
    top = build_outline("ㅇ 지원내용\n① 컨설팅\n② 시제품\nㅇ 지원대상\n③ 기업\n- 세부")
    assert [b.text for b in top] == ["지원내용", "지원대상"]
    assert [c.text for c in top[0].children] == ["컨설팅", "시제품"]
    assert [c.text for c in top[1].children] == ["기업", "세부"]
