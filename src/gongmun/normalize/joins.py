"""Rejoin lines that PDF extraction wrapped, and decide the space at each join.

A break is judged from the two lines around it (and the line after, for headings):
rules first, in the order of :func:`decide_join`; Kiwi only for a join between two Hangul
words that no rule decides (see :mod:`gongmun._kiwi`). Never joined: a line that opens
with a bullet or a heading, a table-like row, a line after a finished sentence.

Two layouts are recognised from the whole text:

* *double-spaced* text (every line followed by a blank line, as some PDF extractors
  write): a single blank line is then a line break, not a paragraph break;
* *trailing-space* text (lines keep the space they were wrapped at): a line ending in a
  space was wrapped between two words; one ending without a space was either wrapped
  inside a word or ended a unit (a cell, a title), and only direct evidence (a particle,
  an open bracket, ``·``) joins it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate, pairwise
from typing import Final

import regex

from gongmun import _kiwi
from gongmun.normalize.join_tables import (
    CLOSING_NOUNS,
    CONTINUATION_WORDS,
    OPEN_ENDINGS,
    PARTICLE_WORDS,
    PLAIN_CLOSING_NOUNS,
    SENTENCE_END_CHARS,
    SENTENCE_END_PATTERN,
)
from gongmun.normalize.markers import MARKER_DEPTH, Marker, find_marker, line_markers
from gongmun.offsets import Edit

_HANGUL = regex.compile(r"\p{Hangul}")
# The same characters (the Hangul script: syllables, jamo, compatibility and halfwidth
# jamo, parenthesized and circled Hangul) as literal ranges, for the stdlib engine, which
# answers a search in a short line with less overhead (a test checks every code point).
_HANGUL_CHAR: Final = re.compile(
    "[\u1100-\u11ff\u302e\u302f\u3131-\u318e\u3200-\u321e\u3260-\u327e\ua960-\ua97c"
    "\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb\uffa0-\uffbe\uffc2-\uffc7\uffca-\uffcf"
    "\uffd2-\uffd7\uffda-\uffdc]"
)
_SENTENCE_END_WORD = re.compile(SENTENCE_END_PATTERN)
_HANGUL_TAIL = regex.compile(r"\p{Hangul}+$")
_HANGUL_HEAD = regex.compile(r"\p{Hangul}+")
_PAREN_DIGIT = re.compile(r"\([^)]*\d")
# A marker this deep or higher (□, ㅇ, headings) ends a table region.
_TABLE_END_DEPTH: Final = 4
_UNIT_LINE: Final = re.compile(r"^[(\[<]?\s*단위\s*[:：]")
# A numbered title of a table or a figure opening a line (<표 2>, <그림5>, [표 1], 〈그림 3〉):
# a title stands on its own line, never run into the paragraph above nor the next line
# into it (a chart's labels after it are no part of the title's sentence).
_NUMBERED_TITLE: Final = re.compile(
    r"^[<〈《『\[【［]\s*(?:표|그림|도표|차트|그래프)\s*\d{1,2}(?:[-.]\d{1,2})?\s*[>〉》』\]】］]"
)
_HANGUL_SYLLABLE: Final = re.compile(r"[가-힣]")
# A line of single syllables set apart (통 합 재 정 통 계, 사 업 개 요): a title or a
# label spaced out to fill its box, never a wrapped part of a sentence.
_SPACED_OUT: Final = re.compile(r"[가-힣](?: [가-힣]){2,}")
_CAPTION_WORDS: Final = 4
_HEADING_KINDS: Final = frozenset({"roman", "number", "hangul", "numbox", "strategy"})
_LABEL_ITEM = regex.compile(r"^\((?=[^)\n]*\p{Hangul})[^()\d\s]{1,12}\)[ \t]+\S")
# A field's label opening a line: a word of two to eight syllables (maybe spaced out,
# 사 업 명) and a colon set off by a space before its value (사업명: …, 총사업비 : 480억원);
# a colon between two words (개설:운영) is a misread middle dot or a ratio.
_FIELD_START = regex.compile(
    r"[ \t]*[가-힣](?:[ \t]?[가-힣]){1,7}(?:[ \t]+[:：][ \t]*|[:：][ \t]+)[^\s:：]"
)
_NUMBER_TOKEN = r"(?<!\S)[(\[]?[-+]?\d[\d,.]*[%)\]]?(?!\S)"
# Three standalone numbers in one line: a flattened table row.
_NUMBER_ROW = re.compile(rf"{_NUMBER_TOKEN}(?:.*?{_NUMBER_TOKEN}){{2}}")
# The same tests for a line the joiner asks about (see _row_line), each one scan: a number
# token is a whole word, so a line is a row when it holds three of them; a contents line
# ends in a leader (…… 12).
_NUMBER_TOKENS = re.compile(_NUMBER_TOKEN)
_UNIT_END = re.compile(r"[(\[]\s*단\s?위\s*[:：]?[^()\[\]\n]{1,30}[)\]][ \t]*$")
_WORD_START = regex.compile(r"[ \t]*[^\W\d_]")
_ENDS_NUMBER = re.compile(rf"{_NUMBER_TOKEN}[ \t]*$")
# The characters other than digits a number token can end in (see _NUMBER_TOKEN).
_FIGURE_END_CHARS: Final = frozenset(",.%)]")
_TOC_ENDS = regex.compile(r"(?:[·.…‥]{3,}|-{4,})[ \t]*\d*[ \t]*$", regex.MULTILINE)
_TOC_LINE = re.compile(r"(?:[·.…‥]{3,}|-{4,})\s*\d*\s*$")
# A markdown table row (| 구분 | 사업명 | '25년 예산 |) and a header line naming two years
# beside a header word (사업명 2023년 결산 2024년 …): cells, never wrapped prose.
# Plain patterns: the stdlib engine scans a whole text for them several times faster.
_PIPE_ROW = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.MULTILINE)
_HEADER_YEAR = re.compile(r"(?<!\S)(?:(?:19|20)\d\d|'\d\d)(?:년도?)?(?:안|\(안\))?(?!\S)")
_HEADER_WORD = re.compile(
    r"구\s?분|사업명|과제명|증감|합\s?계|결산|예산|계획|당초|정부안|본예산|추경|요구|확정|\([A-Z+\-/]+\)"
)
_DATE_END = re.compile(
    r"(?:\d{4}\.\s*\d{1,2}\.(?:\s*\d{1,2}\.)?|\d{4}년\s*\d{1,2}월(?:\s*\d{1,2}일)?)"
    r"\s*(?:\([월화수목금토일]\))?\s*(?:\d{1,2}:\d{2})?$"
)
_OPENERS: Final[str] = "·/(「『‘“[<~-–"
_CLOSERS: Final[str] = ")」』’”],.·:;%~"
_BRACKETS: Final[tuple[tuple[str, str], ...]] = (("「", "」"), ("『", "』"), ("(", ")"), ("[", "]"))
# Literal characters only: the stdlib engine answers such a search with less overhead.
_BRACKET_CHAR = re.compile("[" + re.escape("".join(o + c for o, c in _BRACKETS)) + "]")
_NO_BRACKETS: Final[tuple[int, int, int, int]] = (0, 0, 0, 0)
# A unit this short (after its marker) is a label, a cell or a title, not a wrapped line.
_SHORT_UNIT: Final[int] = 8
# Longest Hangul run on either side of a break that Kiwi is asked about.
_FRAGMENT: Final[int] = 3
# End tests look at this many characters from the end of a line, however long it grew.
_TAIL: Final[int] = 48
# Outside bullet items, a line shorter than this did not run to the margin.
_PLAIN_WRAP: Final[int] = 25
# Lines of prose a text needs for its own measure to count (see _plain_wrap).
_MEASURE_LINES: Final[int] = 8
# How much shorter than the text's measure a line that ran to the margin may be: the
# words of a line stop short of it by up to a word.
_MEASURE_SLACK: Final[int] = 5
# The share of a text's lines of prose that must run to its measure for the text to be
# set in a column of that width (a paragraph's last line is the one that stops short).
_COLUMN_SHARE: Final[float] = 0.6
# Headings between bullet items are short and plain.
_HEADING_MAX: Final[int] = 32


@dataclass(frozen=True, slots=True)
class Layout:
    """How the text lays out its lines (see the module docstring)."""

    double_spaced: bool
    trailing_spaces: bool
    # How long a plain line (outside bullet items) must be to have run to the margin:
    # shorter in narrow text (a page set in two columns) than in a page-wide column.
    plain_wrap: int = _PLAIN_WRAP


def detect_layout(lines: list[str]) -> Layout:
    """Tell double-spaced and trailing-space text from the lines of the whole text.

    >>> detect_layout(["가 ", "", "나 ", "", "다", "", "라 ", ""] * 2)
    Layout(double_spaced=True, trailing_spaces=True, plain_wrap=25)
    """
    stripped = [line.strip() for line in lines]
    return _layout(lines, stripped, [i for i, s in enumerate(stripped) if s])


def _layout(lines: list[str], stripped: list[str], content: list[int]) -> Layout:
    """:func:`detect_layout` given the lines stripped and the indices of the non-blank ones."""
    gaps = len(content) - 1 if content else 0
    # Between consecutive content lines: adjacent (no blank line) or at least one blank.
    adjacent = sum(1 for a, b in pairwise(content) if b == a + 1)
    single_blank = gaps - adjacent
    trailing = sum(1 for i in content if lines[i].endswith((" ", "\t")))
    double = gaps >= 4 and single_blank >= 0.6 * gaps and adjacent <= 0.2 * gaps
    return Layout(
        double, len(content) >= 4 and trailing >= 0.15 * len(content), _plain_wrap(stripped)
    )


def _plain_wrap(stripped: list[str]) -> int:
    """:attr:`Layout.plain_wrap`: :data:`_PLAIN_WRAP`, or less where the text's lines of
    prose (Hangul words parted by spaces) are set in a narrow column: most of them end
    within :data:`_MEASURE_SLACK` characters of the length a tenth of them reach (the
    margin), so a wrapped line of a narrow column is still one that ran to its margin.
    Lines of uneven lengths (OCR'd text, short items and cells) keep the constant.

    ``stripped`` are the text's lines, stripped (blank lines are empty).

    >>> narrow, wide = "가나다라 마바사 아자차카 타파하 가나다", "가나다라 마바사 아자차카 " * 3
    >>> _plain_wrap([narrow] * 8), _plain_wrap([wide.strip()] * 8)
    (16, 25)
    >>> _plain_wrap([narrow, "가나 다라"] * 4)
    25
    """
    hangul = _HANGUL_CHAR.search
    prose = sorted([len(s) for s in stripped if " " in s and hangul(s)])
    if len(prose) < _MEASURE_LINES:
        return _PLAIN_WRAP
    reach = prose[(9 * len(prose)) // 10]
    wrap = reach - _MEASURE_SLACK
    if wrap >= _PLAIN_WRAP or len(prose) - bisect_left(prose, wrap) < _COLUMN_SHARE * len(prose):
        return _PLAIN_WRAP
    return wrap


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends a sentence (``…밝혔다.``, ``…의결함``).

    >>> ends_sentence("구축사업」신규로 진행한다고 밝혔다."), ends_sentence("위한 연구시설·")
    (True, False)
    """
    s = line.rstrip(" \t\"'”’)")
    if not s:
        return False
    if s[-1] in SENTENCE_END_CHARS:
        # "2025. 5." is a date and "3." a number, not a sentence end.
        return not s[-2:-1].isdigit()
    return _SENTENCE_END_WORD.search(s[-3:]) is not None


def is_table_row(line: str) -> bool:
    """True for a line that looks like a flattened table row or a contents line.

    >>> is_table_row("(예산규모, 억원) ['22] 1,615 ['23] 1,969 ['24] 1,910")
    True
    """
    if _TOC_LINE.search(line[-_TAIL:]) or _PIPE_ROW.match(line):
        return True
    if _NUMBER_ROW.search(line) is not None:
        return True
    return _is_header_line(line)


def _figure_row(line: str) -> bool:
    """A line ending in a standalone figure after another one: a table row of figures."""
    tail = line[-_TAIL:]
    content = len(tail.rstrip(" \t"))
    end = tail[content - 1 : content]
    if not (end.isdigit() or end in _FIGURE_END_CHARS):
        # A figure ends in a digit, a separator, ``%`` or a bracket (most lines fail here).
        return False
    # A number token holds no space: the one that ends the line starts after its last space.
    word = max(tail.rfind(" ", 0, content), tail.rfind("\t", 0, content)) + 1
    return _ENDS_NUMBER.search(tail, word) is not None and len(_NUMBER_TOKENS.findall(tail)) >= 2


def _kept_apart(line: str) -> bool:
    """A markdown row or a table's header line: never joined to its neighbours."""
    if line.startswith("|") and line.endswith("|"):
        return True
    return "," not in line and _is_header_line(line)


def _is_header_line(line: str) -> bool:
    """A table's header line: two years or more, no comma, and years and header words
    make at least half of its words (사업명 2023년 결산 2024년 2025년 증감 (B-A))."""
    if "," in line:
        return False
    years = len(_HEADER_YEAR.findall(line))
    if years < 2:
        return False
    words = len(line.split())
    return (years + len(_HEADER_WORD.findall(line))) * 2 >= words


def _balance(line: str) -> tuple[int, int, int, int]:
    """Opened minus closed brackets of each kind in ``line`` (「」, 『』, (), [])."""
    if _BRACKET_CHAR.search(line) is None:
        return _NO_BRACKETS
    c = line.count
    return (c("「") - c("」"), c("『") - c("』"), c("(") - c(")"), c("[") - c("]"))


@dataclass(slots=True)
class _Unit:
    """The logical line built so far, kept as what the rules read: its end, its length,
    its marker, whether it is a table row and which brackets it leaves open."""

    tail: str
    length: int
    marker: Marker | None
    table_row: bool
    balance: tuple[int, int, int, int]
    # It opens with a table's or figure's numbered title (<표 2>): nothing joins it.
    title: bool = False

    @classmethod
    def of(cls, line: str, marker: Marker | None = None, table_row: bool | None = None) -> _Unit:
        return cls(
            line[-_TAIL:],
            len(line),
            marker,
            is_table_row(line) if table_row is None else table_row,
            _balance(line),
            _NUMBERED_TITLE.match(line) is not None,
        )

    def extend(self, sep: str, line: str) -> None:
        self.tail = (self.tail + sep + line)[-_TAIL:]
        self.length += len(sep) + len(line)
        self.table_row = False
        a, b = self.balance, _balance(line)
        if b is not _NO_BRACKETS:
            self.balance = (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])

    @property
    def short(self) -> bool:
        return self.length - (self.marker.body if self.marker else 0) < _SHORT_UNIT

    @property
    def unclosed(self) -> bool:
        a = self.balance
        return a[0] > 0 or a[1] > 0 or a[2] > 0 or a[3] > 0

    @property
    def closed(self) -> bool:
        """It could end its item: a closing bracket, a 개조식 noun, or a short unit."""
        return (
            self.tail.endswith((")", "]", "」", "'", "’"))
            or self.tail.endswith(CLOSING_NOUNS)
            or self.short
        )


def _may_end_date(last: str) -> bool:
    """Whether a line ending in ``last`` can match ``_DATE_END`` (a cheap test first)."""
    return last in ".월일)" or last.isdigit() or last.isspace()


def _ends_date(line: str) -> bool:
    """The line ends in a date (``2025. 5. 12.(월)``, ``2025년 5월``): every date holds
    a ``.`` or a ``년``, so a line with neither is not searched."""
    return (
        _may_end_date(line[-1])
        and ("." in line or "년" in line)
        and _DATE_END.search(line) is not None
    )


def _open_ending(line: str) -> bool:
    """The line ends in a particle or connective that needs a continuation (…기업의, …위한).

    A one-syllable ending counts only attached to a word (or as the word 및): a lone
    ``의`` or ``는`` is a fragment of vertical text, not a particle.
    """
    last = line[-_TAIL:].rsplit(" ", 1)[-1]
    return last.endswith(OPEN_ENDINGS) and (len(last) > 1 or last in CONTINUATION_WORDS)


def _is_heading(line: str, after_marked: bool) -> bool:
    """A short plain line followed by a bullet: a heading between items, not a wrap."""
    if not after_marked:
        return False
    return (
        len(line) <= _HEADING_MAX
        and "," not in line
        and not line.endswith(")")
        and _PAREN_DIGIT.search(line) is None
        and not ends_sentence(line)
        and not line.endswith(OPEN_ENDINGS)
    )


# A count of time ending a line (3년, 6개월, 10일) and the suffix 간 (maybe with a
# particle) opening the next: one word, 3년간.
_TIME_COUNT_END: Final = regex.compile(r"\d\s?(?:년|개월|주|일)$")
_SPAN_SUFFIX: Final = regex.compile(r"간(?:의|에|은|을|이|동안)?$")


def space_between(left: str, right: str) -> str:
    """The separator for joining ``left`` and ``right`` across a wrap: ``" "`` or ``""``.

    >>> space_between("지원할 예정", "으로 11일부터"), space_between("활성화를", "지원하고")
    ('', ' ')
    >>> space_between("연구시설·", "장비 구축"), space_between("2028년까지 3년", "간 매년")
    ('', '')
    """
    x, y = left[-1], right[0]
    first = right.split(maxsplit=1)[0].rstrip(_CLOSERS)
    left = left[-_TAIL:]
    if first in PARTICLE_WORDS or x in _OPENERS or y in _CLOSERS:
        return ""
    if y == "간" and _SPAN_SUFFIX.match(first) and _TIME_COUNT_END.search(left):
        # 3년 | 간 매년: 간 after a count of time is its suffix (3년간, 6개월간).
        return ""
    if not (_HANGUL.match(x) and _HANGUL.match(y)):
        return " "
    last = left.rsplit(maxsplit=1)[-1]
    if last.endswith(OPEN_ENDINGS) or last.endswith(("을", "를", "의", "에", "과", "와", "고")):
        return " "
    tail, head = _hangul_tail(last), _hangul_head(first)
    if min(len(tail), len(head)) > _FRAGMENT or tail in CONTINUATION_WORDS:
        # A break inside a word leaves a fragment on one side (디스플|레이, 프로|젝트팀,
        # 혁신창업사업화자|금); two whole-looking words (알키미스트|프로젝트) take a space
        # without asking Kiwi.
        return " "
    return "" if _kiwi.one_word(tail, head) else " "


def _hangul_tail(word: str) -> str:
    m = _HANGUL_TAIL.search(word)
    return m.group() if m else word


def _hangul_head(word: str) -> str:
    m = _HANGUL_HEAD.match(word)
    return m.group() if m else word


def decide_join(
    left: str, right: str, after: str | None, *, in_item: bool, layout: Layout, left_raw: str = ""
) -> str | None:
    """How to join line ``left`` to the next line ``right``: a separator, or None to keep the break.

    ``after`` is the line following ``right``; ``in_item`` says ``left`` belongs to a bullet
    item; ``left_raw`` is ``left`` with its trailing whitespace (a wrap signal in
    trailing-space text).

    >>> plain = Layout(False, False)
    >>> decide_join("ㅇ 산업현장의 과감한 도전과 기술혁신을", "지원하고 있다.", None,
    ...             in_item=True, layout=plain)
    ' '
    >>> decide_join("우리", "ㅇ 나라", None, in_item=True, layout=plain) is None
    True
    """
    right_marker = find_marker(right) if right else None
    after_marked = after is not None and find_marker(after) is not None
    if not left:
        return None
    return _decide(
        _Unit.of(left, find_marker(left)),
        right,
        right_marker,
        after_marked,
        in_item=in_item,
        layout=layout,
        left_raw=left_raw,
    )


def _ascii_but(chars: str) -> frozenset[str]:
    """Every ASCII character but ``chars``, and the empty string (a line with nothing
    left): with the Hangul syllables (tested beside the set, by range), the last
    characters of a line where a pattern ending in one of ``chars`` cannot end."""
    return frozenset(chr(c) for c in range(128)) - set(chars) | {""}


# The ASCII characters no line that ends a cut figure ends in (see _split_figure): all
# but the digits, the comma and a line break.
_NOT_FIGURE_END: Final = _ascii_but("0123456789,\n")
# A figure cut inside a digit group at a line's end (1,2 | 00억원, 3, | 497억원).
_CUT_GROUP_LEFT = regex.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*,(\d{0,2})$")
_CUT_GROUP_RIGHT = re.compile(r"\d{1,3}(?![\d,])")


# A figure with no separator cut after a word that asks for one (총 6 | 20억원을): the
# word, then digits at the line's end; the next line's digits run into a unit.
_CUT_BARE_LEFT = regex.compile(r"(?<![가-힣\d])(?:총|약|최대|최소|연간|모두)[ \t]?(\d{1,3})$")
_CUT_BARE_RIGHT = regex.compile(r"(\d{1,3})((?:,\d{3})*)[ \t]?(?:조|억|천만|백만|만|천|원)")


def _split_bare_figure(left: str, right: str) -> bool:
    """Whether ``left`` ends with a sum's word and the first digits of its figure, and
    ``right`` starts with the rest of it before its unit: ``총 6 | 20억원`` is 620억원.
    The parts make one figure as written: at most four digits ungrouped, or a first
    group of at most three before the thousands groups.

    >>> _split_bare_figure("총 6", "20억원을 투입"), _split_bare_figure("총 1", "2,000억원")
    (True, True)
    >>> _split_bare_figure("총 6", "개 과제"), _split_bare_figure("2025년 6", "20억원")
    (False, False)
    >>> _split_bare_figure("총 62", "000억원"), _split_bare_figure("총 12", "34,000억원")
    (False, False)
    """
    m = _CUT_BARE_LEFT.search(left[-_TAIL:])
    if m is None:
        return False
    r = _CUT_BARE_RIGHT.match(right)
    if r is None:
        return False
    digits = len(m.group(1)) + len(r.group(1))
    return digits <= 3 if r.group(2) else digits <= 4


def _split_figure(left: str, right: str) -> bool:
    """Whether ``left`` ends and ``right`` starts one figure's digit group, cut in two.

    >>> _split_figure("총 1,2", "00억원을 투자"), _split_figure("1,", "200억원")
    (True, True)
    >>> _split_figure("2025, 2026", "2027년"), _split_figure("1,2", "000억원")
    (False, False)
    """
    last = left[-1:]
    if last in _NOT_FIGURE_END or "\uac00" <= last <= "\ud7a3":
        # Both cut patterns end in a digit or a comma at the line's end (``$`` also before a
        # final line break): most lines end in a syllable or a plain mark, and fail here.
        return False
    m = _CUT_GROUP_LEFT.search(left[-_TAIL:])
    if m is None:
        return _split_bare_figure(left, right)
    r = _CUT_GROUP_RIGHT.match(right)
    return (
        r is not None
        and len(m.group(1)) + len(r.group()) == 3
        and (right[r.end() : r.end() + 1] in ("억", "조", "만", "천", "원", "백", " "))
    )


def _decide(
    unit: _Unit,
    right: str,
    right_marker: Marker | None,
    after_marked: bool,
    *,
    in_item: bool,
    layout: Layout,
    left_raw: str,
    right_table_row: bool | None = None,
) -> str | None:
    """:func:`decide_join` on a unit whose facts are already known."""
    left = unit.tail
    marker = unit.marker
    if not right.strip() or left.endswith(">"):
        # A blank line is no continuation (the joiner never asks about one).
        return None
    if right_marker is not None or (right[0] == "(" and _LABEL_ITEM.match(right) is not None):
        return None
    if (":" in right or "：" in right) and _FIELD_START.match(right) is not None:
        # 사업기간: 2025년부터 2029년까지 | 총사업비: 480억원: a labelled field opens its
        # own line (an overview's fields, one a line), never the rest of the line above.
        return None
    if _split_figure(left, right):
        # 총 1,2 | 00억원: a line wrapped by the character (Hangul text is) cut a figure's
        # digit group; its two parts make one group of three.
        return ""
    if marker is not None and marker.kind in ("caption", "attachment"):
        return None
    first = right.split(maxsplit=1)[0].rstrip(",.")
    evidence = (
        first in PARTICLE_WORDS
        or left.endswith(("·", "/", ","))
        or _open_ending(left)
        or first in CONTINUATION_WORDS
        or unit.unclosed
    )
    if not evidence and layout.double_spaced and not layout.trailing_spaces:
        # Only evidence joins double-spaced text (see below), and the tests between here
        # and there only keep breaks: most breaks of such text are settled here.
        return None
    if unit.table_row or (is_table_row(right) if right_table_row is None else right_table_row):
        return None
    if "위" in left and _UNIT_END.search(left[-_TAIL:]) is not None and _WORD_START.match(right):
        # 분야별 재원 배분(단위: 조원, %): a unit statement closes its caption line; the
        # table's header follows (a chart's figures after it are read as one run).
        return None
    if _figure_row(left) and _figure_row(right):
        # 가 사업 38,200 41,000 / 나 사업 25,610 27,300: rows of a table of two figure
        # columns (나 opening the next row is no particle continuing the first).
        return None
    if ends_sentence(left) or _ends_date(left):
        return None
    if not evidence and marker is not None and marker.kind in _HEADING_KINDS:
        # Numbered headings rarely wrap.
        return None
    if layout.trailing_spaces:
        wrapped_at_space = left_raw.endswith((" ", "\t"))
        if evidence and not wrapped_at_space:
            return " " if first in CONTINUATION_WORDS or left.endswith(",") else ""
        if not wrapped_at_space:
            # Inside an item a line runs to the margin; ending without a space, it was cut
            # inside a word (혁신·도전형|R&D). Elsewhere it ended a cell or a title.
            return "" if in_item and not unit.short else None
        if evidence:
            return " "
        if unit.short or (not in_item and left.endswith(CLOSING_NOUNS)):
            return None
        return None if unit.closed and _is_heading(right, after_marked) else " "
    if evidence:
        return space_between(left, right)
    if layout.double_spaced:
        # Blank lines between all lines and no trailing spaces to tell wraps: only the
        # evidence above joins, so a heading never runs into its paragraph.
        return None
    if unit.short or (unit.closed and _is_heading(right, after_marked)):
        return None
    if not in_item and (
        left.endswith(PLAIN_CLOSING_NOUNS)
        or unit.length < layout.plain_wrap
        or (len(right) < _SHORT_UNIT and not ends_sentence(right))
    ):
        # Outside bullet items short lines are titles, cover fields and table cells: only
        # a line that ran to the margin wraps, and not into a fragment of a cell.
        return None
    return space_between(left, right)


def _restrip(marker: Marker | None, line: str) -> Marker | None:
    """``marker`` of ``line`` with positions relative to the stripped line."""
    if marker is None or marker.start == 0:
        # A marker at the very start leaves no leading whitespace to strip.
        return marker
    lead = len(line) - len(line.lstrip())
    if not lead:
        return marker
    return Marker(
        marker.kind, marker.text, marker.start - lead, marker.end - lead, marker.body - lead
    )


def _is_table_caption(marker: Marker, line: str) -> bool:
    """A caption that titles a table (``< 2024년 신규 추진 모델 >``), not a dateline
    (``< 4.10.(목) 조간 >``): it names its content in words."""
    return marker.kind == "caption" and len(_HANGUL_SYLLABLE.findall(line)) >= _CAPTION_WORDS


# A break judged from its two lines alone: (the left line, the right line, both as written,
# whether a marked line follows). Given the layout, these settle the decision (see
# join_session).
_BreakKey = tuple[str, str, bool]
# Per layout, the breaks one normalize call has judged and kept.
KeptBreaks = dict[Layout, set[_BreakKey]]


@dataclass(slots=True)
class JoinMemo:
    """What one normalize call's joiner passes learnt and the next pass reads again: the
    breaks kept between single lines, per layout, and, per line as written, its marker
    and whether it is a table row (both found within the line alone, so a line that
    comes back unchanged, as most do, has them as before)."""

    kept: KeptBreaks = field(default_factory=dict)
    markers: dict[str, Marker | None] = field(default_factory=dict)
    rows: dict[str, bool] = field(default_factory=dict)


def join_session() -> Callable[[str], list[Edit]]:
    """:func:`join_broken_lines` for the passes of one normalize call: a break it kept in
    one pass it keeps again, unjudged, in the next pass, where most breaks are the same.

    Where the unit left of a break is a single line (no join into it yet), the decision
    reads only the layout, the two lines and whether the line after the right one has a
    marker: the units, table-row tests, markers (a marker is found within its own line)
    and the rules are pure functions of those, and Kiwi answers the same words the same
    way. The same key under the same layout gives the same decision, so a kept break
    stays kept; breaks after a join, where the unit holds more than its line, are judged.
    """
    return partial(join_broken_lines, memo=JoinMemo())


def join_broken_lines(text: str, memo: JoinMemo | None = None) -> list[Edit]:
    """Join wrapped lines into their paragraph or item; each edit replaces one break.

    ``memo`` remembers, across calls, the breaks kept between single lines and what was
    found in each line (see :func:`join_session`).

    >>> from gongmun.offsets import apply_edits
    >>> apply_edits("ㅇ 공공연구자 창업 활성화를\\n지원하고 펀드 조성", join_broken_lines(
    ...     "ㅇ 공공연구자 창업 활성화를\\n지원하고 펀드 조성"))[0]
    'ㅇ 공공연구자 창업 활성화를 지원하고 펀드 조성'
    """
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    content = [i for i, s in enumerate(stripped) if s]
    layout = _layout(lines, stripped, content)
    if memo is None:
        memo = JoinMemo()
    known = memo.kept.setdefault(layout, set())
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    edits: list[Edit] = []
    # The logical line built so far: deciding on it (not on the last physical line) makes
    # a second run over the joined text decide the same way.
    unit: _Unit | None = None
    markers = [
        found if found is None or found.start == 0 else _restrip(found, line)
        for found, line in zip(line_markers(text, lines, starts, memo.markers), lines, strict=True)
    ]
    # Whether a line (as written) is a table row, tested where a break is judged.
    rows = memo.rows
    # Below a caption (< 2024년 … 현황 >) or a unit line (단위: 백만원) lines are the
    # cells of a flattened table until
    # the next item or heading: cells are never wrapped prose, so none of them joins.
    in_table = False
    last = len(content) - 1
    double_spaced = layout.double_spaced
    # A judged break has no blank line before the next line (one in double-spaced text).
    max_blank = 1 if double_spaced else 0
    for k, i in enumerate(content):
        marker = markers[i]
        line = stripped[i]
        unit_line = "단위" in line and _UNIT_LINE.match(line) is not None
        if unit_line:
            in_table = True  # (단위: 백만원) heads a table of figures
        elif marker is not None:
            in_table = _is_table_caption(marker, line) or (
                in_table and MARKER_DEPTH[marker.kind] > _TABLE_END_DEPTH
            )
        if k >= last:
            break
        j = content[k + 1]
        # Collapsing spaces later turns any blank run into one blank line: count it so now,
        # so the next pass over the collapsed text sees the same breaks.
        blank = 1 if j - i > 1 else 0
        # Breaks never judged, most of them, end here without building a unit: a line
        # opening with a marker never joins the line above (see _decide), nor does a line
        # after a paragraph break or in a table, nor a box of a diagram (_box_line).
        if (
            markers[j] is not None
            or in_table
            or blank > max_blank
            or (blank and double_spaced and _box_line(layout, stripped, content, k))
        ):
            unit = None
            continue
        right = stripped[j]
        after_marked = k + 2 <= last and markers[content[k + 2]] is not None
        key: _BreakKey | None = None
        if unit is None:
            key = (lines[i], lines[j], after_marked)
            if key in known:
                # Kept in an earlier pass between the same lines (see join_session).
                continue
            # Built only when a break is judged: most lines end up alone.
            row = rows.get(lines[i])
            if row is None:
                row = rows[lines[i]] = _row_line(lines[i])
            unit = _Unit.of(line, marker, row)
        right_row = rows.get(lines[j])
        if right_row is None:
            right_row = rows[lines[j]] = _row_line(lines[j])
        sep = _decide(
            unit,
            right,
            None,
            after_marked,
            in_item=unit.marker is not None,
            layout=layout,
            left_raw=lines[i],
            right_table_row=right_row,
        )
        if sep is not None and (_kept_apart(line) or _kept_apart(right)):
            # Checked only where a join was decided: most breaks never get here.
            sep = None
        if sep is not None and (_stands_alone(line, right) or unit.title):
            sep = None
        if sep is None:
            if key is not None:
                known.add(key)
            unit = None
            continue
        left_raw = lines[i]
        right_raw = lines[j]
        gap_start = starts[i] + len(left_raw.rstrip())
        gap_end = starts[j] + (len(right_raw) - len(right_raw.lstrip()))
        edits.append(Edit(gap_start, gap_end, sep))
        unit.extend(sep, right)
    return edits


def _stands_alone(left: str, right: str) -> bool:
    """A break kept whatever the words around it say: a numbered title opening the next
    line (<표 2>), or a spaced-out title on either side (예방기금 / 통 합 재 정 통 계 /
    (2010.2월 누계 기준)) is a line of its own."""
    return _NUMBERED_TITLE.match(right) is not None or spaced_out(right) or spaced_out(left)


def spaced_out(line: str) -> bool:
    """Whether ``line`` is single syllables set apart: a title or label spaced out to fill
    its box (``통 합 재 정 통 계``).

    >>> spaced_out("통 합 재 정 통 계"), spaced_out("및 그 밖의 사업")
    (True, False)
    """
    return _SPACED_OUT.fullmatch(line) is not None


def _box_line(layout: Layout, lines: list[str], content: list[int], k: int) -> bool:
    """In double-spaced text, whether the line after content line ``k`` opens a box of a
    diagram: two short lines with no blank between them (대충자금특별회계 over (1954~)),
    set apart from the page's spacing, the first no sentence and no particle going on
    from above. Such a box is not the continuation of the paragraph above, however open
    that paragraph's last word."""
    if not layout.double_spaced or k + 2 >= len(content):
        return False
    j, after = content[k + 1], content[k + 2]
    box, under = lines[j].strip(), lines[after].strip()
    return (
        after == j + 1
        and len(box) <= _BOX_LINE
        and len(under) <= _BOX_LINE
        and not ends_sentence(box)
        and box.split(maxsplit=1)[0] not in PARTICLE_WORDS
    )


# The longest line read as a box of a diagram in double-spaced text.
_BOX_LINE: Final = 20


def _row_line(line: str) -> bool:
    """Whether a line (as written, unstripped) holds three standalone numbers or ends a
    contents line (markdown rows and header lines are tested only where a join is decided).

    Asked only of the lines around a break that is judged: most breaks are settled by a
    marker or a blank line first, and most text is in lines never asked about.
    """
    if len(_NUMBER_TOKENS.findall(line)) >= 3:
        return True
    # A leader ends the line but for spaces and a page number: a line ending in anything
    # else (a syllable, most ASCII) has none. Other characters (a digit of another script,
    # which ``\d`` takes and the strip does not) and a line holding a break (``$`` matches
    # before each) go on to the search.
    end = line.rstrip(" \t0123456789")[-1:]
    if (end in _NOT_LEADER_END or "\uac00" <= end <= "\ud7a3") and "\n" not in line:
        return False
    return _TOC_ENDS.search(line) is not None


# The ASCII characters a line with a leader at its end cannot end in once its spaces and
# digits are stripped (see _row_line): all but the leaders' ``.`` and ``-`` and a line
# break.
_NOT_LEADER_END: Final = _ascii_but(".-\n")


__all__ = [
    "JoinMemo",
    "Layout",
    "decide_join",
    "detect_layout",
    "ends_sentence",
    "is_table_row",
    "join_broken_lines",
    "join_session",
    "space_between",
    "spaced_out",
]
