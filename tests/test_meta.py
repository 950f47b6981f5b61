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


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # A form's 제목 label gives the title, on its line or the next; a header label's
        # value, a contact line, a caption with units, a reckoning are no title.
        (
            "수신 내부결재\n제목\n가로판매대 전기 보수공사 비용\n1. 관련",
            "가로판매대 전기 보수공사 비용",
        ),
        (
            "[ 문서번호 ]\n제2024-1호\n[ 제 목 ]\n과세전적부심사 결정\n[ 요 지 ]",
            "과세전적부심사 결정",
        ),
        (
            "제목: 하천 정비사업 추진 알림\n1. 관련",
            "하천 정비사업 추진 알림",
        ),
        (
            "보도자료\n보도시점\n국무회의 의결 즉시(별도통보)\n항만 규제 혁파한다\n",
            "항만 규제 혁파한다",
        ),
        (
            "담당과장\n정책과장 홍길동 (044-200-1234)\n정책 브리핑 자료집 발간\n",
            "정책 브리핑 자료집 발간",
        ),
        (
            "보 도 자 료 http://www.example.go.kr\n\n공공데이터 개방 확대 계획 발표",
            "공공데이터 개방 확대 계획 발표",
        ),
        (
            "분기별 투자 동향(억 달러, %)\n해외직접투자 동향 분석 보고",
            "해외직접투자 동향 분석 보고",
        ),
        (
            "[ 결정유형 ]\n불채택\n세무조사 결과 통지 내용",
            "세무조사 결과 통지 내용",
        ),
        (
            "운영비 5,830,000원*12개월\n세출예산 사업명세서 총괄",
            "세출예산 사업명세서 총괄",
        ),
        (
            "보도자료\n작성일 2031.03.14\n연락처: 044-000-0000\n지역 공공도서관 확충 계획 발표",
            "지역 공공도서관 확충 계획 발표",
        ),
    ],
)
def test_title_skips_form_furniture(head: str, title: str) -> None:
    assert extract_text(head).meta.title == title


def test_long_line_ending_in_da_is_a_sentence_not_a_title() -> None:
    sentence = (
        "정부는 올해 예산안을 마련하여 관계부처와 여러 차례 협의를 거쳐 다음 달 초 국회에"
        " 제출할 계획이라고 기획조정실 관계자가 설명했다"
    )
    assert (
        extract_text(sentence + "\n예산안 주요 내용 설명자료").meta.title
        == "예산안 주요 내용 설명자료"
    )


def test_issuer_is_not_where_a_document_is_sent() -> None:
    assert find_issuer("국회에 제출 … 국회에 보고 … 기획재정부 대변인") == "기획재정부"


def test_institution_introducing_itself_is_the_issuer() -> None:
    head = "□ 건강보험심사평가원(원장 김아무, 이하 '심사평가원')은 식약처 허가사항을 … 식약처"
    assert find_issuer(head) == "건강보험심사평가원"


def test_ministry_outranks_the_institutions_it_names() -> None:
    head = "중소벤처기업부는 … 중진공이 접수 … 중진공 심사 … 중진공 융자"
    assert find_issuer(head) == "중소벤처기업부"
    assert find_issuer("K-water는 … K-water 점검") == "한국수자원공사"


def test_institution_in_the_title_is_the_issuer() -> None:
    head = "K-water 디지털플랫폼 구축 제안 요청서\n과학기술정보통신부 지침에 따라"
    assert extract_text(head).meta.issuer == "한국수자원공사"


def test_name_inside_a_longer_word_is_not_an_issuer() -> None:
    assert find_issuer("해양경찰청은 … 전국회의 개최") == "해양경찰청"


def test_spaced_out_title_is_closed_up() -> None:
    assert extract_text("통 합 재 정 통 계\n\n(단위: 십억원)").meta.title == "통합재정통계"
