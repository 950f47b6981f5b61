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

from gongmun.extractors.leftmost import Alternative, leftmost
from gongmun.extractors.periods import period_matches, reference_matches
from gongmun.normalize import normalize

ROOT = Path(__file__).parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
FILES = sorted(
    [*ROOT.glob("seeds/*.txt"), *ROOT.glob("fixtures/**/*.txt")]
    + (sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else [])
)
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


PERIOD_PIECES = (
    *("'25", "’26", "‘ 24", "2025", "2031년", "2024년도", "1999", "25", "3", "12", "0", "7"),
    *("~", "∼", "～", "〜", "-", ".", ",", ":", " ", "\t", "\n", "\u0007", "(", ")", "월"),
    *("일", "년", "년간", "(6년)", "분기", "1분기", "상반기", "하반기", "上", "下", "까지"),
    *("부터", "이후", "이후부터", "지난해", "올해", "내년", "억원", "명", "(화)", "가", "a"),
)
period_texts = st.lists(st.sampled_from(PERIOD_PIECES), max_size=30).map("".join)


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
