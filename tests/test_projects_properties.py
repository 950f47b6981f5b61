"""Project finding on long and generated inputs: it never raises, stays linear (a long
one-line document finishes in a normal test run; timings are in
benchmarks/bench_projects.py), and every span shows its name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun import extract_text

PIECES = st.sampled_from(
    [
        "총 1,000억원 ",
        "ㅇ 수소 실증 플랫폼 구축('25~'29, '25년 51.7억원)\n",
        "- 해양 드론 기술 개발 : 총 120억원\n",
        "* (규모) 150억원('24~'28, 국고 100억원)\n",
        "【세부사업명】 스마트 항만 고도화 / 사업기간 : '25~'27 / 총사업비 : 90억원\n",
        "군은 30억원을 투입해 하천 정비사업을 추진한다. ",
        "155억 원을 투입해 항사천 등 소규모 저수지 정비 사업도 지원한다. ",
        "재도전 특별자금은 전년보다 500억원 늘어난 1500억원을 마련했다. ",
        "1조원을 웃도는 남해안 고속도로도 ",
        "융자금이 증가한 사업에는 청년자금(1조 200억원), ",
        "전년 대비 20억원 증액된 ",
        "5억원(총사업비 120억원) ",
        "「창업 도약 패키지」(이하 '도약 패키지')에 ",
        "과제명 예산\n",
        # Roles decided in their clause (tests/cases/project_roles.toml)
        "내년 '해안 방재 구축사업'에 64억원을 투입한다. ",
        "이 사업은 2028년까지 4년간 총 210억원이 드는 사업으로, 국비 105억원. ",
        "5년간 총 2,400억원이 투입되며 첫해인 내년에는 210억원이 반영됐다. ",
        "3년차를 맞은 '텃밭 가꾸기 사업'에 800억원을 ",
        "ㅇ 돌봄 통합지원 사업 : 연간 40억원 투입\n",
        "- 하수관로 정비사업(’25~’27)에는 국비 36억원, 시비 24억원 등 총 60억원이 든다. ",
        " * ’25년 52억원 신규 편성, ’26년 90억원 요구\n",
        "'도시숲 조성사업'에는 올해 150억원, 내년 200억원이 각각 투입된다. ",
        "과제당 최대 5억원씩 모두 100억원이 ",
        "정부 출자 500억원에 ",
        "(’24년 대비 +300억원) ",
        "’26년 ",
        "올해 ",
        ". ",
        "A 과제, B 과제 등 7개 과제 ",
        " / ",
        ", ",
    ]
)
ONE_LINE = st.lists(PIECES, max_size=30).map(lambda xs: "".join(xs).replace("\n", " "))
LINES = st.lists(PIECES, max_size=30).map("".join)


def test_a_200_kb_line_finishes() -> None:
    # Quadratic rules took minutes here; a linear pass takes seconds.
    text = "총 1,000억원 " * 12_500
    assert len(text.encode("utf-8")) >= 200_000
    doc = extract_text(text)
    assert len(doc.amounts) == 12_500
    assert doc.projects == []


@settings(max_examples=60, deadline=None)
@given(st.one_of(ONE_LINE, LINES))
def test_generated_documents_never_raise_and_spans_show_names(text: str) -> None:
    doc = extract_text(text)
    for p in doc.projects:
        assert " ".join(doc.text[p.span.start : p.span.end].split()) == p.name
        for a in p.annual:
            assert a.amount.value_krw >= 0 or a.amount.decrease
