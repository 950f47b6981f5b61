"""Properties of the whole pipeline on arbitrary text made of the hard characters."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from gongmun import extract_text

HARD = (
    "가나다라사업과제프로젝트센터구축개발지원총약억원조만천백년월상하반기분기까지부터"
    "0123456789,.~∼～'‘’`´()「」□ㅇ※*-·ㆍ△上下: \n"
)
WORDS = st.sampled_from(
    [
        "1조 3,099억원",
        "'25~'29",
        "’25.1~9월",
        "(단위: 백만원)",
        "* (규모) ",
        "구축사업(",
        "△1,200",
        "2028년까지 4년간",
        "「미래혁신기반\n\n구축사업」",
        "분과 과제명 주요내용\n",
    ]
)
TEXT = st.lists(st.one_of(st.text(alphabet=HARD, max_size=30), WORDS), max_size=25).map("".join)


def _key(s: str) -> str:
    return regex.sub(r"[\s\p{P}\p{S}]", "", s)


@given(TEXT)
def test_extract_never_raises_and_spans_hold(text: str) -> None:
    doc = extract_text(text)
    for rec in [*doc.amounts, *doc.periods]:
        assert doc.text[rec.span.start : rec.span.end] == rec.text
        if rec.raw_span is not None:
            raw = text[rec.raw_span.start : rec.raw_span.end]
            # The raw slice holds the same digits as the record (folds never touch digits).
            assert regex.sub(r"\D", "", raw) == regex.sub(r"\D", "", rec.text)
    for project in doc.projects:
        assert 0 <= project.span.start <= project.span.end <= len(doc.text)
        assert _key(project.name) in _key(doc.text[project.span.start : project.span.end])


@given(st.text(max_size=200))
def test_extract_never_raises_on_any_text(text: str) -> None:
    extract_text(text)


def test_a_quote_before_a_corner_bracket_does_not_shift_the_name_span() -> None:
    # `'「NAME」` reads `'` as the opening quote; the span must still start at NAME.
    text = "'「미래혁신기반 구축사업」" * 4
    doc = extract_text(text)
    assert doc.projects
    for project in doc.projects:
        assert doc.text[project.span.start : project.span.end] == project.name
