"""Document facts from the head of a document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongmun import extract, extract_text
from gongmun.extractors.meta import find_issuer, find_kind

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_press_release_seed_meta() -> None:
    meta = extract(SEEDS / "000_886f75df79befddd.txt").meta
    assert meta.kind == "press_release"
    assert meta.issuer == "산업통상자원부"
    assert meta.issued == dt.date(2025, 4, 9)
    assert meta.embargo == "< 4.10.(목) 조간 >"


def test_plan_seed_meta() -> None:
    meta = extract(SEEDS / "001_051c73b7d6606d90.txt").meta
    assert meta.kind == "plan"
    assert meta.issued == dt.date(2025, 5, 26)
    assert meta.title is not None
    assert meta.title.startswith("제8차 산업기술혁신계획")


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("지방공무원법 일부개정법률안\n비용추계서", "bill"),
        ("보도자료\n보도시점 2025. 4. 9.", "press_release"),
        ("(단위: 백만원)\n세부사업 설명", "budget_sheet"),
        ("홍길동 기자\nCopyright ⓒ 신문", "news"),
        ("그냥 메모", "other"),
    ],
)
def test_kind(head: str, kind: str) -> None:
    assert find_kind(head) == kind


def test_issuer_short_names_count_for_the_full_name() -> None:
    assert find_issuer("중소벤처기업부(중기부)는 … 중기부가 … 환경부는") == "중소벤처기업부"


def test_no_date_no_issue_date() -> None:
    assert extract_text("창업지원사업 공고").meta.issued is None


def test_news_dateline_is_the_issue_date() -> None:
    meta = extract_text("군, 신규사업 보고회 열어\n\n입력 2024.03.02 10:15\n\n군은 …").meta
    assert meta.issued == dt.date(2024, 3, 2)
