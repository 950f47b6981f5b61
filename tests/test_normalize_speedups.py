"""The normalizer's fast paths find exactly what the plain patterns they replace find."""

from __future__ import annotations

import sys
from dataclasses import replace
from itertools import accumulate
from unittest.mock import patch

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.normalize import STEPS, boilerplate, furniture, joins, markers, normalize
from gongmun.normalize.boilerplate_tables import TELLTALES
from gongmun.normalize.steps import collapse_spaces, fold_characters, fold_text
from gongmun.normalize.tables import FOLD
from gongmun.offsets import apply_edits

PIECES = (
    *("1", "12", "3.5", "(4)", "[5]", "-6%", "1,000", "2025.", "ㅇ", "□", "- ", "<", ">"),
    *("...", "……", "‥‥‥", "----", " ", "\t", "\n", "가", "산업", "단위:", "℃", "더 보기"),
    *("Copyright", "rights reserved", "\u3000", "\xa0", "\u2028"),
    # Marker openings the whole-text scan must still see (전략1 [, 가., 붙임, Ⅱ., ①, ※).
    *("전략", "[", "가.", "나)", "붙임", "별 첨", "참고", "Ⅱ.", "①", "※", "* ", "v ", "VI."),
)
# The package, not the function of the same name that ``gongmun.normalize`` exports.
normalize_module = sys.modules["gongmun.normalize"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=200, deadline=None)

# The whole-text table-row test the line test replaced: a lookahead at every line start.
_ROW_LOOKAHEAD = regex.compile(
    rf"^(?=[^\n]*?{joins._NUMBER_TOKEN}(?:[^\n]*?{joins._NUMBER_TOKEN}){{2}})"
    r"|^(?=[^\n]*?(?:[·.…‥]{3,}|-{4,})[ \t]*\d*[ \t]*$)",
    regex.MULTILINE,
)


@SETTINGS
@given(texts)
def test_row_lines_are_the_lines_the_lookahead_finds(text: str) -> None:
    # Each line is tested alone, where a break is judged; the lookahead ran over the text.
    lines = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    expected = {starts.index(m.start()) for m in _ROW_LOOKAHEAD.finditer(text)}
    assert {i for i, line in enumerate(lines) if joins._row_line(line)} == expected


@SETTINGS
@given(texts)
def test_split_telltales_match_where_the_alternation_matches(text: str) -> None:
    whole = regex.compile(TELLTALES).search(text) is not None
    assert any(p.search(text) for p in boilerplate._TELLTALES) == whole


def test_telltales_are_a_flat_alternation() -> None:
    # Splitting at "|" is only sound while no alternative has a group of its own.
    assert "(" not in TELLTALES
    assert len(boilerplate._TELLTALES) == TELLTALES.count("|") + 1


@SETTINGS
@given(texts)
def test_shared_markers_equal_fresh_ones(text: str) -> None:
    for start, marker in markers.find_markers(text).items():
        line = text[start:].split("\n", 1)[0]
        assert markers.find_marker(line) == marker


any_text = st.one_of(texts, st.text(alphabet=" \t\n\r\u3000\xa0\u2028\x85가a·", max_size=40))


@SETTINGS
@given(any_text)
def test_collapse_spaces_finds_nothing_in_its_own_output(text: str) -> None:
    # normalize() skips an idempotent step while the text is what it left.
    once = apply_edits(text, collapse_spaces(text))[0]
    assert collapse_spaces(once) == []
    assert next(s for s in STEPS if s.name == "collapse_spaces").idempotent


# One line of each marker kind, some indented: the whole-text scan opens with a quick test
# of the first character, which must let every kind through.
MARKED_LINES = (
    "Ⅱ. 추진 계획", "IV. 세부 과제", "[붙임] 사업 목록", "< 붙임 > 명단", "붙임 1 서식",
    "별 첨 2", "참고 자료", "전략1 [혁신] 성장", "가. 개요", "  나) 세부", "(1) 항목",
    "2) 항목", "3. 추진 방향", "12 기술개발", "< 2024년 신규 추진 모델 >", "□ 사업 개요",
    "ㅇ 총 600억원", "v 지원 대상", "- 세부 내용", "· 세부 항목", "▪ 세부", "① 첫째",
    "❶ 둘째", "* 과제당 100억원", "※ 참고",
)  # fmt: skip


def test_the_whole_text_scan_finds_every_kind_of_marker() -> None:
    text = "\n".join(f"{line}\n본문 한 줄" for line in MARKED_LINES)
    found = markers.find_markers(text)
    starts = list(accumulate((len(line) + 1 for line in text.split("\n")), initial=0))
    for i, line in enumerate(text.split("\n")):
        fresh = markers.find_marker(line)
        assert found.get(starts[i]) == fresh, line
        assert (fresh is not None) == (i % 2 == 0), line
    assert len({m.kind for m in found.values()}) >= 14


figure_lines = st.lists(
    st.sampled_from(["1", "38,200", "(4)", "-6%", "[5]", "2025.", "가", "사업", " ", "\t", "  "]),
    max_size=14,
).map("".join)


@SETTINGS
@given(st.one_of(texts, figure_lines))
def test_figure_rows_are_the_lines_the_plain_search_finds(text: str) -> None:
    # _figure_row looks only where a figure can end the line; the plain test searched it all.
    for line in text.split("\n"):
        tail = line[-joins._TAIL :]
        plain = (
            joins._ENDS_NUMBER.search(tail) is not None
            and len(joins._NUMBER_TOKENS.findall(tail)) >= 2
        )
        assert joins._figure_row(line) == plain, line


def plain_double_spaced_decide(unit: joins._Unit, right: str, right_table_row: bool) -> str | None:
    """_decide on double-spaced text (no trailing spaces), tests in their first order: every
    test that keeps a break, then evidence, the only thing that joins such text."""
    left, marker = unit.tail, unit.marker
    if not right.strip() or left.endswith(">"):
        return None
    if joins.find_marker(right) is not None or (right[0] == "(" and joins._LABEL_ITEM.match(right)):
        return None
    if marker is not None and marker.kind in ("caption", "attachment"):
        return None
    if unit.table_row or right_table_row:
        return None
    if joins._UNIT_END.search(left[-joins._TAIL :]) and joins._WORD_START.match(right):
        return None
    if joins._figure_row(left) and joins._figure_row(right):
        return None
    if joins.ends_sentence(left) or joins._ends_date(left):
        return None
    first = right.split(maxsplit=1)[0].rstrip(",.")
    evidence = (
        first in joins.PARTICLE_WORDS
        or left.endswith(("·", "/", ","))
        or joins._open_ending(left)
        or first in joins.CONTINUATION_WORDS
        or unit.unclosed
    )
    return joins.space_between(left, right) if evidence else None


JOIN_PIECES = (
    *("사업", "지원", "의", "및", "을", "위한", "등", "·", ",", "/", "(", ")", "「", "」"),
    *("다.", "함", "2025. 5.", "2025년 5월", "38,200", "41,000", "12", "(단위: 억원)"),
    *("ㅇ ", "1. ", "< 표 >", " ", "  ", "가 ", "나 ", "……", "3"),
)  # fmt: skip
join_lines = st.lists(st.sampled_from(JOIN_PIECES), min_size=1, max_size=10).map(
    lambda pieces: "".join(pieces).strip() or "사업"
)


@SETTINGS
@given(join_lines, join_lines, st.booleans(), st.booleans())
def test_double_spaced_breaks_are_decided_as_in_the_first_order(
    left: str, right: str, left_row: bool, right_row: bool
) -> None:
    # Breaks without evidence are settled before the tests that only keep breaks.
    unit = joins._Unit.of(left, joins.find_marker(left), left_row)
    right_marker = joins.find_marker(right)
    layout = joins.Layout(double_spaced=True, trailing_spaces=False)
    fast = joins._decide(
        unit, right, right_marker, False, in_item=unit.marker is not None, layout=layout,
        left_raw=left, right_table_row=right_row,
    )  # fmt: skip
    assert fast == plain_double_spaced_decide(unit, right, right_row)


@SETTINGS
@given(texts)
def test_page_number_lines_are_one_scan_for_both_furniture_steps(text: str) -> None:
    # The running-header step reads the page-number lines the page-number step found.
    furniture._page_number_lines.cache_clear()
    plain = [m.span() for m in furniture._PAGE_NUMBER_LINE.finditer(text)]
    assert list(furniture._page_number_lines(text)) == plain
    first = furniture.drop_running_headers(text)
    furniture._page_number_lines.cache_clear()
    assert furniture.drop_running_headers(text) == first


folding_texts = st.text(alphabet="가a1 \n'‘’∼～·ㆍ\u3000\xa0\x07（）Ａｂ０`´", max_size=40)


@SETTINGS
@given(st.one_of(texts, folding_texts))
def test_fast_fold_is_the_fold_edits_applied(text: str) -> None:
    # normalize() takes fold_text's text and count in place of applying fold_characters.
    edits = fold_characters(text)
    assert fold_text(text) == (apply_edits(text, edits)[0], len(edits))


def test_no_folded_character_is_folded_again() -> None:
    # fold_text replaces one character at a time: sound while no result is itself folded.
    assert not set(FOLD.values()) & set(FOLD)


def _normalized(text: str, without: str | None = None) -> tuple[object, ...]:
    """normalize's text, step records and offsets, with every step's ``without`` field
    (a faster path: ``fast``, ``session``) set to None when it is named."""
    if without is None:
        norm = normalize(text)
    else:
        plain = tuple(replace(s, **{without: None}) for s in STEPS)
        with patch.object(normalize_module, "STEPS", plain):
            norm = normalize(text)
    return (norm.text, norm.steps, norm.offsets.segments)


@SETTINGS
@given(st.one_of(texts, folding_texts))
def test_normalize_with_the_fast_fold_equals_normalize_with_its_edits(text: str) -> None:
    # The fast step leaves the offsets as they were: every span maps back as before.
    assert _normalized(text) == _normalized(text, without="fast")


@SETTINGS
@given(texts)
def test_a_lines_marker_is_found_within_the_line(text: str) -> None:
    # join_session keys a decision on the lines alone: a line's marker in the whole-text
    # scan must be the marker of that line scanned on its own.
    found = markers.find_markers(text)
    lines = text.split("\n")
    starts = accumulate((len(s) + 1 for s in lines[:-1]), initial=0)
    for start, line in zip(starts, lines, strict=True):
        assert found.get(start) == markers.find_markers(line).get(0)


@SETTINGS
@given(texts, texts)
def test_kept_breaks_carried_to_the_next_pass_change_no_decision(first: str, other: str) -> None:
    # The next pass reads the joined text: many breaks are the same, some are new.
    join = joins.join_session()
    joined = apply_edits(first, join(first))[0]
    for later in (joined, joined + "\n" + other + "\n" + first, first):
        assert join(later) == joins.join_broken_lines(later)


@SETTINGS
@given(any_text)
def test_normalize_with_step_sessions_equals_normalize_without(text: str) -> None:
    assert _normalized(text) == _normalized(text, without="session")


def test_the_stdlib_hangul_class_is_the_hangul_script() -> None:
    # _plain_wrap searches lines with the literal ranges in place of \p{Hangul}.
    every = "".join(map(chr, range(0x110000)))
    assert joins._HANGUL_CHAR.findall(every) == regex.findall(r"\p{Hangul}", every)


@SETTINGS
@given(texts, texts)
def test_line_markers_read_from_an_earlier_text_equal_a_fresh_scan(first: str, text: str) -> None:
    # The joiner's next pass takes the markers of the lines it read before from ``known``
    # and scans only the new lines; the outline then reads what it left for find_markers.
    def lines_of(t: str) -> tuple[list[str], list[int]]:
        lines = t.split("\n")
        return lines, list(accumulate((len(s) + 1 for s in lines), initial=0))

    known: dict[str, markers.Marker | None] = {}
    markers.line_markers(first, *lines_of(first), known)
    lines, starts = lines_of(text)
    got = markers.line_markers(text, lines, starts, known)
    markers._LAST = None
    fresh = markers.find_markers(text)
    assert got == [fresh.get(start) for start in starts[:-1]]
    markers.line_markers(text, lines, starts, known)
    assert markers.find_markers(text) == fresh
    assert {line: markers.find_marker(line) for line in lines} == {
        line: known[line] for line in lines
    }


def plain_split_figure(left: str, right: str) -> bool:
    """_split_figure without its test of the line's last character."""
    m = joins._CUT_GROUP_LEFT.search(left[-joins._TAIL :])
    if m is None:
        return joins._split_bare_figure(left, right)
    r = joins._CUT_GROUP_RIGHT.match(right)
    return (
        r is not None
        and len(m.group(1)) + len(r.group()) == 3
        and (right[r.end() : r.end() + 1] in ("억", "조", "만", "천", "원", "백", " "))
    )


figure_ends = st.text(alphabet="총약 0123456789,.\n가억원٣", max_size=12)


@SETTINGS
@given(st.one_of(texts, figure_ends), st.one_of(texts, figure_ends))
def test_split_figures_are_the_cuts_the_plain_searches_find(left: str, right: str) -> None:
    assert joins._split_figure(left, right) == plain_split_figure(left, right)


leader_lines = st.text(alphabet="·.…‥- \t0123456789٣\n가a|\r", max_size=16)


@SETTINGS
@given(st.one_of(texts, leader_lines))
def test_row_lines_are_the_plain_tests_on_any_string(line: str) -> None:
    # _row_line looks for a leader only where one can end the line.
    plain = len(joins._NUMBER_TOKENS.findall(line)) >= 3 or joins._TOC_ENDS.search(line) is not None
    assert joins._row_line(line) == plain


field_lines = st.text(alphabet="사업명단위 \t:：()[]가나다1", max_size=16)


@SETTINGS
@given(st.one_of(texts, field_lines))
def test_the_patterns_decide_tries_only_on_some_lines_need_what_it_looks_for(line: str) -> None:
    # _decide tries the field pattern only on a line with a colon, the unit statement only
    # on one with 위.
    if joins._FIELD_START.match(line) is not None:
        assert ":" in line or "：" in line
    if joins._UNIT_END.search(line) is not None:
        assert "위" in line
