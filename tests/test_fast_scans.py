"""Speed-ups of the extractors' scans find exactly what the simple scans they replaced find.

Each precomputed lookup keeps its simple form callable (the scan back over a window);
here both run on the seeds, the fixtures, the shared corpus texts when present, and
generated text, and must agree for every place asked.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from text_files import FILES

from gongmun.extractors.amounts import _AMOUNT as AMOUNT
from gongmun.extractors.amounts import _amount_matches
from gongmun.extractors.sections import _CITATION as CITATION
from gongmun.extractors.sections import citations
from gongmun.extractors.segments import SEGMENT_END, Segments, segment_start_scan
from gongmun.normalize import normalize

SETTINGS = settings(max_examples=300, deadline=None)

# Pieces whose boundaries meet: 다. before a space or a line break, a period closing a
# bracket, a semicolon, long lines that wrap or end a sentence, bullets, blank lines.
SEGMENT_PIECES = (
    "다.",
    "다. ",
    "다.\n",
    "원.\n",
    "). ",
    ";",
    "\n",
    "\n\n",
    "가",
    " ",
    ".",
    "2024년 예산 100억원",
    "이 사업은 지역 산업 구조를 고도화하기 위하여 중앙 정부와 지방 정부가 함께",
    "이 사업은 지역 산업 구조를 고도화하기 위하여 중앙 정부와 함께 추진함",
    "- ",
    "ㅇ ",
)
segment_texts = st.lists(st.sampled_from(SEGMENT_PIECES), max_size=24).map("".join)


def _same_segments(text: str, floors: range, positions: range) -> None:
    segments = Segments(text)
    for floor in floors:
        for pos in positions:
            assert segments.start(pos, floor) == segment_start_scan(text, pos, floor), (
                text,
                pos,
                floor,
            )


@cache
def _normalized(path: Path) -> str:
    return normalize(path.read_text(encoding="utf-8", errors="replace")).text


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_segment_lookup_equals_the_scan_back_on_documents(path: Path) -> None:
    text = _normalized(path)
    segments = Segments(text)
    # Each figure's start from a floor a little before it and from the previous figure.
    points = range(0, len(text), 7)
    for pos in points:
        for floor in (max(0, pos - 300), max(0, pos - 41), max(0, pos - 2), pos):
            assert segments.start(pos, floor) == segment_start_scan(text, pos, floor)


@SETTINGS
@given(segment_texts)
def test_segment_lookup_equals_the_scan_back_on_generated_text(text: str) -> None:
    n = len(text)
    _same_segments(text, range(0, n + 1, max(1, n // 40)), range(0, n + 1))
    _same_segments(text, range(0, n + 1), range(0, n + 1, max(1, n // 40)))


def test_segment_lookup_reads_a_floor_inside_a_boundary_afresh() -> None:
    # From inside 다. the scan back reads ". " as a sentence's end (the lookup must too).
    text = "예산이 늘었다. 올해 100억원"
    floor = text.index(".")
    assert Segments(text).start(len(text), floor) == segment_start_scan(text, len(text), floor)
    assert Segments(text).start(len(text), floor) == floor + 2


# --- Citation lines are tried only where a citation's year stands -------------------------

CITATION_PIECES = (
    "정부. (2024). 계획.\n",
    ". (2023). 보고서.\n",
    "감사원. (2016). 실태. (2017). 후속.\n",
    "본문 (2024). 이어서\n",
    "사업기간 '26~'30 정부. (2024).\n",
    "(2019).",
    "  KDI (2020a). 연구.",
    "참고문헌\n",
    "\n",
    " ",
    "가",
)
citation_texts = st.lists(st.sampled_from(CITATION_PIECES), max_size=16).map("".join)


def _same_citations(text: str) -> None:
    fast = [m.span() for m in citations(text)]
    assert fast == [m.span() for m in CITATION.finditer(text)]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_citation_lines_equal_the_whole_scan_on_documents(path: Path) -> None:
    _same_citations(_normalized(path))


@SETTINGS
@given(citation_texts)
def test_citation_lines_equal_the_whole_scan_on_generated_text(text: str) -> None:
    _same_citations(text)


# --- Amounts are tried only at a run of figure characters before a unit --------------------

AMOUNT_PIECES = (
    "1",
    "23",
    ",",
    ".",
    "5,000",
    "3.5",
    "십",
    "백",
    "천",
    "조",
    "억",
    "만",
    "원",
    " ",
    "\n",
    "\t",
    "\u0007",
    "△",
    "▽",
    "△ ",
    "'",
    "A",
    "제",
    "가",
    "(",
    ")",
    "1조 3,099억원",
    "15백만원",
)
amount_texts = st.lists(st.sampled_from(AMOUNT_PIECES), max_size=30).map("".join)


def _same_amounts(text: str) -> None:
    fast = [(m.span(), m.groupdict()) for m in _amount_matches(text)]
    assert fast == [(m.span(), m.groupdict()) for m in AMOUNT.finditer(text)]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_amount_places_equal_the_whole_scan_on_documents(path: Path) -> None:
    _same_amounts(_normalized(path))


@SETTINGS
@given(amount_texts)
def test_amount_places_equal_the_whole_scan_on_generated_text(text: str) -> None:
    _same_amounts(text)


# The boundary pattern as the regex module first wrote it; SEGMENT_END is its re form.
SEGMENT_END_REFERENCE = regex.compile(r"\n|다\.|(?<=[가-힣)])\.\s|[;]")
# Every white space either module knows, and the four only re's \s takes.
BOUNDARY_PIECES = (
    *("다", "다.", ".", ")", "가", "a", "1", ";", "\n", " ", "\t", "\r", "\x0b", "\x0c"),
    *("\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2003", "\u3000", "\u2028"),
)
boundary_texts = st.lists(st.sampled_from(BOUNDARY_PIECES), max_size=20).map("".join)


def _same_boundaries(text: str) -> None:
    spans = [m.span() for m in SEGMENT_END.finditer(text)]
    assert spans == [m.span() for m in SEGMENT_END_REFERENCE.finditer(text)], text
    n = len(text)
    for floor in range(0, n + 1, max(1, n // 20)):
        for pos in range(floor, n + 1, max(1, n // 20)):
            fast = [m.span() for m in SEGMENT_END.finditer(text, floor, pos)]
            assert fast == [m.span() for m in SEGMENT_END_REFERENCE.finditer(text, floor, pos)]
            m = SEGMENT_END.match(text, floor, pos)
            r = SEGMENT_END_REFERENCE.match(text, floor, pos)
            assert (m and m.span()) == (r and r.span()), (text, floor, pos)


@SETTINGS
@given(boundary_texts)
def test_segment_ends_equal_the_regex_module_pattern_on_generated_text(text: str) -> None:
    _same_boundaries(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_segment_ends_equal_the_regex_module_pattern_on_documents(path: Path) -> None:
    text = _normalized(path)
    assert [m.span() for m in SEGMENT_END.finditer(text)] == [
        m.span() for m in SEGMENT_END_REFERENCE.finditer(text)
    ]
