"""Every speed-up of the extractors finds exactly what the simple form it replaced finds.

Each optimized rule keeps its simple form callable (the one alternation regex, the
unfiltered line loop); here both run on the seeds, the fixtures, the shared corpus texts
when present, and generated text, and must agree match for match.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from text_files import FILES

from gongmun import extract_text
from gongmun.extractors.leftmost import Alternative, leftmost
from gongmun.extractors.periods import period_matches, reference_matches
from gongmun.extractors.projects import RULES
from gongmun.extractors.projects.scan import Scan
from gongmun.normalize import normalize
from gongmun.normalize.outline import iter_blocks

SETTINGS = settings(max_examples=300, deadline=None)


@cache
def normalized(path: Path) -> str:
    """The normalized text of a file (what the extractors read)."""
    return normalize(path.read_text(encoding="utf-8", errors="replace")).text


def _key(kind: str, m: regex.Match[str]) -> tuple[str, tuple[int, int], list[tuple[str, str]]]:
    groups = sorted((k, v) for k, v in m.groupdict().items() if v is not None)
    return kind, m.span(), groups


def _same_periods(text: str, end: int | None = None) -> None:
    stop = len(text) if end is None else end
    fast = [_key(k, m) for k, m in period_matches(text, stop)]
    slow = [_key(k, m) for k, m in reference_matches(text, stop)]
    assert fast == slow


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_period_scan_equals_the_alternation_on_documents(path: Path) -> None:
    _same_periods(normalized(path))


# One line of each kind; the same lines run together, so that kinds meet and overlap.
KIND_LINES = {
    "range": "사업기간 ’25.1~’29.12월(5년)",
    "bare": "총사업비(24~28년) 300억원",
    "fromto": "2007년부터 2011년까지 추진",
    "open_end": "(기간) 2025년 ~ , 과제당 4년",
    "open_start": "~’27년 완료",
    "until": "2028년까지 4년간",
    "since": "지난해 11월부터 운영",
    "months": "3~5월 모집",
}


@pytest.mark.parametrize("kind", KIND_LINES)
def test_period_scan_finds_each_kind_as_the_alternation_does(kind: str) -> None:
    line = KIND_LINES[kind]
    assert [k for k, _ in period_matches(line, len(line))] == [kind]
    _same_periods(line)
    _same_periods("\n".join(KIND_LINES.values()))
    _same_periods(" ".join(KIND_LINES.values()))


# Generated text is made of time points (a year and what may follow it inside one point),
# the words and marks that join points into periods, and noise between them.
YEARS = ("'25", "’26", "‘ 24", "`23", "2025", "1999", "2031", "25", "3", "12", "0")
YEAR_ENDS = ("", "", "년", "년도", " 년")
SUBS = ("", "", ".3", ". 3.", ".12월", ", 2월", " 3월", " 3월 1일", "3월", ".上", ".下")
SUBS_MORE = (" 상반기", "하반기", " 1분기", ".3. 15.(화)", ". 5. 30.", " 5일", ".9월 3일(금)")
points = st.builds(
    lambda y, e, s: y + e + s,
    st.sampled_from(YEARS),
    st.sampled_from(YEAR_ENDS),
    st.sampled_from(SUBS + SUBS_MORE),
)
JOINS = ("~", " ~ ", "∼", "～", "〜", ".~", "까지", " 까지", "부터 ", "부터", "이후", "이후부터")
JOINS_MORE = ("\n까지", "\u0007까지", "(6년)", " (5년간)", " 4년간", "년간", "월", " 월")
NOISE = (" ", "\n", ",", ".", "가", "억원", "명", "지난해", "올해 ", "내년 ", "(", ")", "12")
NOISE_MORE = ("\u0007", "\u3000", "\xa0", ":", "a", "-", "일", "%", "'")
joins = st.sampled_from(JOINS + JOINS_MORE)
noise = st.sampled_from(NOISE + NOISE_MORE)
clauses = st.builds(lambda *parts: "".join(parts), noise, points, joins, points | noise, joins)
period_texts = st.lists(st.one_of(clauses, points, joins, noise), max_size=12).map("".join)


def test_period_scan_equals_the_alternation_on_every_point_and_join() -> None:
    # Every point shape before every joining word, and after it, one per line and run on.
    lines = [
        f"{before}{year}{end}{sub}{join}{after}"
        for year in ("'25", "2025", "3")
        for end in YEAR_ENDS[1:]
        for sub in SUBS + SUBS_MORE
        for join in JOINS + JOINS_MORE
        for before, after in (("가 ", " 2027년"), ("(", "’28.6월)"))
    ]
    _same_periods("\n".join(lines))
    _same_periods(" ".join(lines))


@SETTINGS
@given(period_texts, st.integers(min_value=0, max_value=200))
def test_period_scan_equals_the_alternation_on_generated_text(text: str, cut: int) -> None:
    _same_periods(text)
    _same_periods(text, min(cut, len(text)))


ALTERNATIVES = (
    Alternative("ab", regex.compile("ab"), ("b",)),
    Alternative("b", regex.compile(r"b+(?!c)")),
    Alternative("after", regex.compile(r"(?<=a)c\w?"), ("c",)),
    Alternative("a", regex.compile(r"a{2,}")),
    # Anchored on its c, tried only at the d that opens every match.
    Alternative("dc", regex.compile(r"d ?c"), ("c",), r"[d ]", frozenset("d")),
)


@SETTINGS
@given(st.text(alphabet="abc d", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_leftmost_equals_finditer_of_the_alternation(text: str, pos: int, end: int) -> None:
    whole = regex.compile("|".join(f"(?P<{a.name}>{a.pattern.pattern})" for a in ALTERNATIVES))
    slow = [
        (next(a.name for a in ALTERNATIVES if m.group(a.name) is not None), m.span())
        for m in whole.finditer(text, pos, end)
    ]
    assert [(n, m.span()) for n, m in leftmost(ALTERNATIVES, text, pos, end)] == slow


# --- Project rules read only the lines that can hold what they look for ----------------

PROJECT_PIECES = (
    "총 1,000억원 ",
    "ㅇ 수소 실증 플랫폼 구축('25~'29, '25년 51.7억원)\n",
    "- 해양 드론 기술 개발 : 총 120억원\n",
    "* (규모) 150억원('24~'28, 국고 100억원)\n",
    "【세부사업명】 스마트 항만 고도화 / 사업기간 : '25~'27 / 총사업비 : 90억원\n",
    "○ 사업명\n",
    "사업명 : 수소 도시 조성\n",
    "군은 30억원을 투입해 하천 정비사업을 추진한다. ",
    "ㅇ 스마트 물류 지원사업을 통해 기업 지원\n",
    "* ’25년 40억원 지원\n",
    "※ 2024년 12억원\n",
    "* (규제특례신산업창출(R&D)사업) ’25년 20억원\n",
    "재정융자특별회계\n(1997~2006)\n",
    "이 사업에 50억원을 투입\n",
    "5억원(총사업비 120억원) ",
    "과제명 예산\n",
    "□ 스마트팜 혁신밸리 조성\n",
    "- (기간) '25~'27\n",
    "\n",
    ", ",
)
project_texts = st.lists(st.sampled_from(PROJECT_PIECES), max_size=20).map("".join)


def _documents_both_ways(text: str) -> tuple[object, object]:
    """The document and each rule's drafts, with the line filters and without."""
    fast = extract_text(text).model_dump_json(), _drafts(text)
    Scan.prefilter = False
    try:
        slow = extract_text(text).model_dump_json(), _drafts(text)
    finally:
        Scan.prefilter = True
    return fast, slow


def _drafts(text: str) -> list[tuple[str, list[str]]]:
    # Rule by rule, as find_projects runs them: a rule's drafts must agree even where a
    # later rule would make up for a missed one.
    scan = _scan(text)
    out = []
    for rule in RULES:
        found = rule.find(scan)
        scan.drafts.extend(found)
        out.append((rule.name, [repr(d) for d in found]))
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_project_line_filters_find_what_every_line_finds_on_documents(path: Path) -> None:
    fast, slow = _documents_both_ways(path.read_text(encoding="utf-8", errors="replace"))
    assert fast == slow


@settings(max_examples=100, deadline=None)
@given(project_texts)
def test_project_line_filters_find_what_every_line_finds_on_generated_text(text: str) -> None:
    fast, slow = _documents_both_ways(text)
    assert fast == slow


def test_project_line_filters_find_what_every_line_finds_on_every_pair_of_pieces() -> None:
    # Each piece after each other one (an item over its note, a box over its years).
    text = "\n".join(a + b for a in PROJECT_PIECES for b in PROJECT_PIECES)
    fast, slow = _documents_both_ways(text)
    assert fast == slow


def test_filtered_lines_are_fewer_but_hold_every_figure() -> None:
    text = "".join(PROJECT_PIECES) + "설명 문장\n" * 20
    doc_scan = _scan(text)
    lines = doc_scan.lines
    assert len(doc_scan.figure_lines) < len(lines)
    holding = {
        i
        for i, ln in enumerate(lines)
        for s in doc_scan.figures.spans
        if ln.start <= s.start < ln.end
    }
    assert holding == set(doc_scan.figure_lines)


def _scan(text: str) -> Scan:
    from gongmun.extractors.amounts import find_amounts
    from gongmun.extractors.context import Context
    from gongmun.extractors.periods import find_periods
    from gongmun.extractors.projects.figures import Figures
    from gongmun.extractors.projects.lines import split_lines

    ctx = Context(normalize(text))
    figures = Figures(find_amounts(ctx), find_periods(ctx), ctx.text)
    return Scan(ctx, figures, split_lines(ctx.text), iter_blocks(ctx.norm.blocks))
