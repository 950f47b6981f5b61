"""Lookups the extractors share answer what the simple forms they replaced answer.

The line index (``Context.lines``) gives the lines ``text.split("\\n")`` gives and says
two places share a line exactly when no line break lies between them; the figure
ledger's ``any_in``/``free_in`` (one list of amounts and periods) agree with asking the
amounts and the periods apart; a number of one figure and one unit is read as the loop of
groups reads it; a line is refused as a header of units only when the unit pattern would
find nothing in it; names are found by ``str.find`` where their alternation finds them.
Each runs on the seeds, the fixtures, the shared corpus
texts when present, and generated text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from text_files import FILES

from gongmun.doc.column_words import MONEY_UNIT_ALT
from gongmun.extractors.amount_units import _ARROW_FIGURE as ARROW_FIGURE
from gongmun.extractors.amount_units import _INLINE_UNIT as INLINE_UNIT
from gongmun.extractors.amount_units import _arrow_figures, _inline_unit_matches
from gongmun.extractors.amounts import _AMOUNT as AMOUNT
from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.line_index import LineIndex
from gongmun.extractors.numbers import _SPACES, _parse_groups, parse_korean_number
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects.aliases import literal_matches
from gongmun.extractors.projects.figures import Figures
from gongmun.extractors.projects.lines import split_lines
from gongmun.normalize import normalize

SETTINGS = settings(max_examples=200, deadline=None)

PIECES = ("\n", "\n\n", "가", "나다", " ", "(’25~’29)", "100억원", "- ", "\r", "\t")
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def _split_spans(text: str) -> list[tuple[int, int]]:
    """Each line's span by the simple form: split the text and count."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _same_lines(text: str) -> None:
    lines = LineIndex(text)
    assert lines.spans() == _split_spans(text)
    assert lines.starts == [ln.start for ln in split_lines(text)]
    for a in range(len(text) + 1):
        assert lines.line_of(a) == text.count("\n", 0, a)
        for b in range(a, min(len(text), a + 12) + 1):
            assert lines.same_line(a, b) == ("\n" not in text[a:b]), (text, a, b)


@SETTINGS
@given(texts)
def test_the_line_index_equals_splitting_on_generated_text(text: str) -> None:
    _same_lines(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_line_index_equals_splitting_on_documents(path: Path) -> None:
    text = normalize(path.read_text(encoding="utf-8", errors="replace")).text
    lines = LineIndex(text)
    assert lines.spans() == _split_spans(text)
    assert lines.starts == [ln.start for ln in split_lines(text)]
    for nl in range(len(text)):
        if text[nl] == "\n":
            assert not lines.same_line(nl, nl + 1)
            assert lines.same_line(nl + 1, lines.ends[lines.line_of(nl + 1)])


@cache
def _figures(path: Path) -> tuple[Figures, str]:
    ctx = Context(normalize(path.read_text(encoding="utf-8", errors="replace")))
    return Figures(find_amounts(ctx), find_periods(ctx), ctx.text, None, ctx.lines), ctx.text


def _same_ledger(figures: Figures, windows: list[tuple[int, int]]) -> None:
    for start, end in windows:
        amounts, periods = figures.amounts_in(start, end), figures.periods_in(start, end)
        assert figures.any_in(start, end) == bool(amounts or periods), (start, end)
        free = [f for f in [*amounts, *periods] if id(f) not in figures.used]
        assert figures.free_in(start, end) == bool(free), (start, end)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_any_and_free_figures_equal_asking_amounts_and_periods_apart(path: Path) -> None:
    figures, text = _figures(path)
    spans = [f.span for f in [*figures.amounts, *figures.periods]]
    # Windows that cut figures at either end, hold them whole, or hold none.
    windows = [(s.start + d0, s.end + d1) for s in spans for d0 in (-3, 0, 1) for d1 in (-1, 0, 4)]
    windows += LineIndex(text).spans()
    figures.used = set()
    _same_ledger(figures, windows)
    # Every other figure claimed: free_in must skip the claimed ones.
    figures.used = {id(f) for f in [*figures.amounts, *figures.periods][::2]}
    _same_ledger(figures, windows)
    figures.used = set()


# --- Numbers: one group of one figure is read in one step ------------------------------

NUMBER_PIECES = ("1", "12", "1,200", "3,497.3", "0.5", ",", ".", "억", "조", "만", "천", "백")
NUMBER_PIECES += ("원", " ", "\u0007", "4천567", "9" * 30, "00")
numbers = st.lists(st.sampled_from(NUMBER_PIECES), max_size=6).map("".join)


def _same_number(text: str) -> None:
    fast = parse_korean_number(text)
    slow = _parse_groups(_SPACES.sub("", text).removesuffix("원"))
    assert (fast, str(fast)) == (slow, str(slow)), text


@SETTINGS
@given(numbers)
def test_one_group_numbers_equal_the_loop_of_groups_on_generated_text(text: str) -> None:
    _same_number(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_one_group_numbers_equal_the_loop_of_groups_on_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    for m in AMOUNT.finditer(text):
        _same_number(m.group("body"))


# --- Table units: a line without 원) states no money unit in a header cell --------------


def test_every_money_unit_ends_in_won() -> None:
    # _header_units refuses a line without "원)" before searching for a unit in brackets.
    assert all(alt.endswith("원") for alt in MONEY_UNIT_ALT.split("|"))


def test_no_money_unit_holds_a_bracket() -> None:
    # _inline_unit_matches tries the unit pattern only at a ( whose next bracket is ")".
    assert "(" not in MONEY_UNIT_ALT
    assert ")" not in MONEY_UNIT_ALT


UNIT_PIECES = ("(", ")", "억원", "억 원", "백만원", "원", "단위", ": ", ", ", " ", "\n", "12", "가")
unit_texts = st.lists(st.sampled_from(UNIT_PIECES), max_size=16).map("".join)


def _unit_spans(text: str) -> None:
    fast = [(m.span(), m.group("label"), m.group("unit")) for m in _inline_unit_matches(text)]
    plain = [(m.span(), m.group("label"), m.group("unit")) for m in INLINE_UNIT.finditer(text)]
    assert fast == plain, text


@SETTINGS
@given(unit_texts)
def test_unit_brackets_tried_equal_every_place_tried_on_generated_text(text: str) -> None:
    _unit_spans(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_unit_brackets_tried_equal_every_place_tried_on_documents(path: Path) -> None:
    raw = path.read_text(encoding="utf-8", errors="replace")
    _unit_spans(raw)
    _unit_spans(normalize(raw).text)


ARROW_PIECES = ("900", "1,200", "3.5", ".", ",", "→", "->", "⇒", "-", ">", " ", "\n", "\x1c")
arrow_texts = st.lists(
    st.sampled_from((*ARROW_PIECES, "('25)", "’", "'", "가", "a", "억원")), max_size=16
).map("".join)


def _arrow_spans(text: str) -> None:
    fast = [m.span() for m in _arrow_figures(text)]
    assert fast == [m.span() for m in ARROW_FIGURE.finditer(text)], text


@SETTINGS
@given(arrow_texts)
def test_figures_before_arrows_equal_every_place_tried_on_generated_text(text: str) -> None:
    _arrow_spans(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_figures_before_arrows_equal_every_place_tried_on_documents(path: Path) -> None:
    _arrow_spans(normalize(path.read_text(encoding="utf-8", errors="replace")).text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lines_refused_at_once_hold_no_unit_in_brackets(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    for a, b in LineIndex(text).spans():
        line = text[a:b]
        if "원)" not in line:
            assert INLINE_UNIT.search(line) is None, line


# --- Mentions: names found by str.find as their alternation finds them ----------------


def _alternation(text: str, words: list[str]) -> list[tuple[int, str]]:
    pattern = regex.compile("|".join(regex.escape(w) for w in words))
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


WORD_PIECES = ("가", "나", "다", "사업", " ", "(", ")", ".", "가나", "나가")
words = st.lists(st.sampled_from(WORD_PIECES), min_size=1, max_size=4).map("".join)


@SETTINGS
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join), st.lists(words))
def test_literal_matches_equal_the_alternation_on_generated_text(
    text: str, found: list[str]
) -> None:
    # As mentions orders them: the longest first, each once.
    names = sorted(dict.fromkeys(found), key=len, reverse=True)
    if names:
        assert literal_matches(text, names) == _alternation(text, names)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_literal_matches_equal_the_alternation_on_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    # Names as a document repeats them: the words before each 사업, and pieces of them
    # that overlap (a name inside a longer one, one name's end another's start).
    cut = {text[max(0, i - n) : i + 2] for i in _all(text, "사업") for n in (2, 4, 9)}
    names = sorted({w for w in cut if w.strip()}, key=len, reverse=True)[:40]
    if names:
        assert literal_matches(text, names) == _alternation(text, names)


def _all(text: str, word: str) -> list[int]:
    return [m.start() for m in regex.finditer(regex.escape(word), text)]
