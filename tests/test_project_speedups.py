"""The project rules' speed-ups answer what the simple forms they replaced answer.

Patterns anchored at the end are searched backwards (:mod:`.ends`), phrases with no head
noun are refused before they are trimmed, and bracket loops visit only the brackets.
Each is held here to its simple form on phrases cut from the seeds, the fixtures and the
corpus texts when present, and on generated phrases.
"""

from __future__ import annotations

from functools import cache

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from text_files import FILES

from gongmun.extractors.projects import by_prose, names
from gongmun.extractors.projects.lines import MARKER, paren_groups, split_lines

# Every pattern compiled with ends.at_end.
ENDED = {
    "gap": by_prose._GAP_RE,
    "via": by_prose._VIA,
    "for_budget": by_prose._FOR_BUDGET,
    "head": names._HEAD_RE,
}


@cache
def document_phrases() -> tuple[str, ...]:
    """Phrases of the documents as the rules cut them: up to 40 characters of a line
    before each bracket and each digit that opens a number."""
    out: set[str] = set()
    for path in FILES:
        # The written text: normalizing (slow) would change little that matters here.
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            line = line[:400]
            for m in regex.finditer(r"[(),]|(?<!\d)\d", line):
                out.add(line[max(0, m.start() - 40) : m.start()])
    return tuple(sorted(out))


PIECES = (
    "사업", "지원", "육성지원", " 지원", "에는", "에서", "에", "으로", "은", "는", "이", "가",
    "예산", "예산은", "대상 ", "전년보다", "대비 ", "1,000", "억", "원", "늘어난 ", "올해",
    "내년 ", "총 ", "약 ", "을 ", "를 ", "통해 ", "(", ")", "(’25~’29)", "·운영", "센터",
    "펀드", "R&D", " ", "  ", ".", ",", "가나", "'", "「", "」", "\u3000", "12", "개", "년",
    "위한 ", "융자 ", "규모가 ", "지금까지 ",
)  # fmt: skip
phrases = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _start(p: regex.Pattern[str], text: str) -> int | None:
    m = p.search(text)
    return m.start() if m else None


def _same_ended(text: str) -> None:
    for pattern in ENDED.values():
        assert pattern.flags & regex.REVERSE
        assert _start(pattern, text) == _start(regex.compile(pattern.pattern), text)


@pytest.mark.parametrize("kind", ENDED)
def test_ended_patterns_start_where_a_forward_search_starts_on_documents(kind: str) -> None:
    pattern = ENDED[kind]
    forward = regex.compile(pattern.pattern)
    for phrase in document_phrases():
        assert _start(pattern, phrase) == _start(forward, phrase), phrase


@settings(max_examples=200, deadline=None)
@given(phrases)
def test_ended_patterns_start_where_a_forward_search_starts_on_generated_phrases(
    text: str,
) -> None:
    _same_ended(text)


def test_the_gap_before_an_amount_is_found_from_the_end() -> None:
    phrase = "스마트팜 혁신밸리 조성사업 예산은 올해 약 "
    assert phrase[by_prose._GAP_RE.search(phrase).start() :] == " 예산은 올해 약 "  # type: ignore[union-attr]


def _refused_names(phrase: str) -> list[str]:
    """Names trim_name finds in a phrase that clean_name refuses at once."""
    single = " ".join(phrase.split())
    if names._HEAD_WORD.search(single):
        return []  # not refused: clean_name is trim_name
    assert names.clean_name(phrase) is None
    return [
        found
        for support in (False, True)
        if (found := names.trim_name(single, support_head=support)) is not None
    ]


def test_the_head_noun_filter_refuses_no_name_on_documents() -> None:
    assert [p for p in document_phrases() if _refused_names(p)] == []


@settings(max_examples=200, deadline=None)
@given(phrases)
def test_the_head_noun_filter_refuses_no_name_on_generated_phrases(text: str) -> None:
    assert _refused_names(text) == []


def test_a_phrase_without_a_head_noun_is_refused_at_once() -> None:
    assert names.clean_name("지역 주민 3천명에게 나눠준다") is None
    name = "지역 주민을 위한 스마트 돌봄센터"
    assert names.clean_name(name) == name


def _paren_groups_by_characters(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """paren_groups as it was: every character visited."""
    groups = []
    depth = 0
    open_at = -1
    for i in range(start, end):
        if text[i] == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif text[i] == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((open_at, i + 1))
    return groups


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="()가 ,1", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_paren_groups_visit_only_brackets_and_find_the_same_groups(
    text: str, start: int, end: int
) -> None:
    end = min(end, len(text))
    assert paren_groups(text, start, end) == _paren_groups_by_characters(text, start, end)


def _lines_by_marker_match(text: str) -> list[tuple[int, int, int]]:
    """split_lines as it is defined: the marker alternation tried on every line."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        m = MARKER.match(raw)
        body = m.end() if m else len(raw) - len(raw.lstrip())
        out.append((pos, pos + len(raw), pos + body))
        pos += len(raw) + 1
    return out


LINE_HEADS = ("", " ", "\t", "1", "12", "1.", "12)", "3 ", "가", "가.", "가)", "ㅇ", "-")
LINE_HEADS += ("*", "(1)", "(가)", "(예산)", "Ⅱ.", "v", "□", "①", "  - ", "2025년", "'25")
# Blanks that are not a space or a tab: str.lstrip strips them, MARKER's [ \t] does not.
LINE_HEADS += ("\u3000", "\r", "\x0b", "\x1c", "\x85", "\u3000- ", "-\u3000", " \r-")
# A mark that needs a space after it, at the end of its line ("-", "1.", "v").
LINE_RESTS = ("", " ", " 사업", "사업", ".", ") 사업", "\t1", "0", "  ", "\u3000", "\r")


def test_split_lines_in_one_pass_equals_the_marker_tried_on_every_line() -> None:
    lines = [h + r for h in LINE_HEADS for r in LINE_RESTS]
    for text in ("\n".join(lines), "\n" + "\n".join(lines) + "\n", "", "\n", " ", "- "):
        assert [tuple(ln) for ln in split_lines(text)] == _lines_by_marker_match(text)
    for path in FILES:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert [tuple(ln) for ln in split_lines(text)] == _lines_by_marker_match(text)


line_texts = st.lists(st.sampled_from((*LINE_HEADS, *LINE_RESTS, "\n", "\n\n")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(line_texts.map("".join))
def test_split_lines_in_one_pass_equals_the_marker_tried_on_every_line_generated(
    text: str,
) -> None:
    assert [tuple(ln) for ln in split_lines(text)] == _lines_by_marker_match(text)
