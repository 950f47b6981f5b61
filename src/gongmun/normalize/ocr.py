"""Repair OCR noise where the context makes the reading certain; flag figures it cannot settle.

Runs only on OCR'd text (pages gongmun OCR'd, or text marked ``ocr_text``), as the first
normalization step, so its edits and notes index the raw text. Each class of repair
fires only at an *OCR mark*: a character sequence that correct Korean typography does not
produce (``3.099억`` for 3,099억, ``3, 099억``, ``110익원``, ``5O0억``, ``(24.10월`` with
its year quote lost, ``'25-'29``, ``ㅁ`` opening a line as a bullet).
:func:`ocr_marks` finds them: every edit lies inside one, and text without any is never
touched.

Repairs, each one for one or a small insertion, so offsets stay exact:

``separators``  ``3.099억원`` → ``3,099억원``, ``1.,910억`` → ``1,910억``,
                ``2.300.000`` → ``2,300,000`` (``3,497.3억`` is a decimal and stays);
                ``['22] 1.615 ['23] 1,910`` → ``1,615`` (a row of comma-grouped integers)
``digits``      ``5O0억원`` → ``500억원``, ``l,500억`` → ``1,500억``, `` ]조원`` → `` 1조원``
``brackets``    ``98.2%041조 871억원)`` → ``98.2%(41조 871억원)``
``decimals``    ``(10. 1조원)`` → ``(10.1조원)`` (a space after a bracket figure's decimal point)
``units``       ``110익원`` → ``110억원``, ``3억윈`` → ``3억원``, ``1초 3,099억`` → ``1조 3,099억``
                ``(단위: 소원)`` → ``(단위: 조원)``
``year_quotes`` ``(24.10월~)`` → ``('24.10월~)``, ``"25.4월`` → ``'25.4월``,
                ``((25~'29`` → ``('25~'29``, ``2,776억원'24)`` → ``2,776억원('24)``,
                ``(24년 11개 과제, …)`` → ``('24년 …``, ``(24) 900 -> ('25)`` → ``('24) …``
``tildes``      ``'25-'29`` → ``'25~'29``
``bullets``     ``ㅁ``/``口`` opening a line → ``□``; ``o``/``°``/``©`` → ``ㅇ``
``decrease_marks`` ``^ㅅ222,200``, ``^222,200`` → ``△222,200``
``words``       ``중감 (B-A)`` → ``증감 (B-A)`` (a column header's 증 read as 중)
``acronyms``    ``기술개발(6&0)`` → ``기술개발(R&D)``: R&D with its letters read as digits or
                marks (``8&0``, ``『&0``, ``&0``; nothing else is written ``&0``)
``columns``     two columns of prose read across into one line (a wide run of spaces
                between them): the gap's first space → a line break

Doubtful figures are not guessed: a digit run of five or more without separators
(``11632억원`` is 1,632억 with its comma read as a second ``1``, or 11,632억), a doubled
first digit before a dotted group (``33.685억``), and groups split by a space
(``3, 099억``, ``3 099억``: a comma lost, or a list) are reported by
:func:`doubtful_figures`; the pipeline drops any amount read from one and says so in an
``ocr_doubtful_figure`` warning.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Final

import regex

from gongmun.normalize.ocr_tables import (
    ACRONYM_RND,
    ARROW,
    CIRCLE_LOOKALIKES,
    COLUMN_GAP_MIN,
    COLUMN_HANGUL_MIN,
    COLUMN_REACH,
    COLUMN_TEXT_MIN,
    COLUMN_WORD_MIN,
    COUNT_WORDS,
    DIGIT_LOOKALIKES,
    HALF_AMBIGUOUS,
    HALF_MISREADS,
    QUOTE_LOOKALIKES,
    SIBLING_REACH,
    SQUARE_LOOKALIKES,
    STATEMENT_UNIT_MISREADS,
    UNIT_AHEAD,
    UNIT_MISREADS,
    WON_AFTER_UNIT,
    YEAR_AFTER,
    YEAR_LABEL_WORDS,
    YEAR_OF_FIGURE,
    YEAR_TWO,
    YEAR_ZERO_QUOTE,
    YEARS_COUNT_AFTER,
)
from gongmun.offsets import Edit

_Q: Final = "'\"“”‘’`"


_Fix = Callable[[regex.Match[str]], list[Edit]]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: regex.Pattern[str]
    fix: _Fix


def _sub(group: str, table: dict[str, str]) -> _Fix:
    """Replace each character of ``group`` found in ``table``."""

    def fix(m: regex.Match[str]) -> list[Edit]:
        start = m.start(group)
        return [
            Edit(start + i, start + i + 1, table[c])
            for i, c in enumerate(m.group(group))
            if c in table
        ]

    return fix


def _replace(group: str, new: str) -> _Fix:
    """Replace the match's ``group`` with ``new``."""
    return lambda m: [Edit(m.start(group), m.end(group), new)]


def _whole(new: str) -> _Fix:
    """Replace the whole match with ``new`` (``""`` drops it)."""
    return lambda m: [Edit(m.start(), m.end(), new)]


def _insert_quote(m: regex.Match[str]) -> list[Edit]:
    """The year's lost quote, put where the match stands (``(25년`` -> ``('25년``)."""
    return [Edit(m.start(), m.start(), "'")]


def _as_quote(m: regex.Match[str]) -> list[Edit]:
    """The match is the year's quote misread (``("25년`` -> ``('25년``)."""
    return [Edit(m.start(), m.end(), "'")]


def _r_and_d(m: regex.Match[str]) -> list[Edit]:
    """``6&0`` -> ``R&D`` one character for one (``&0``: the R put in), so every character
    keeps its place."""
    amp = m.end() - 2
    d = Edit(m.end() - 1, m.end(), "D")
    if m.start() == amp:
        return [Edit(amp, amp, "R"), d]
    return [d] if m.group()[0] == "R" else [Edit(m.start(), amp, "R"), d]


def _separators(m: regex.Match[str]) -> list[Edit]:
    """Every separator of the groups becomes one comma; a final short group stays decimal."""
    return [
        Edit(a, b, ",")
        for a, b, sep in zip(m.starts("sep"), m.ends("sep"), m.captures("sep"), strict=True)
        if sep != ","
    ]


# A number group and the separators OCR makes of a comma: "." and ".," (a separator
# followed by a space may be a list, ``'24, 905억원``: doubtful, not joined).
_SEP: Final = r"(?:[.,]{1,2})"
_GROUPED: Final = regex.compile(
    rf"""
    (?<![\d.,{_Q}\[])(?<!\d[.,][ ]?)(?<!\d[ ])
    (?P<lead>[1-9]\d{{0,2}})
    (?:(?P<sep>{_SEP})\d{{3}}(?!\d))+
    (?=(?:\.\d{{1,2}}(?!\d))?{UNIT_AHEAD})
    """,
    regex.VERBOSE,
)
# Two or more groups, or a doubled separator (``1.,969``), are thousands separators even
# without a unit (a table's figures).
_GROUPED_BARE: Final = regex.compile(
    rf"(?<![\d.,{_Q}\[])(?P<lead>[1-9]\d{{0,2}})"
    rf"(?:(?:(?P<sep>{_SEP})\d{{3}}(?!\d)){{2,}}|(?P<sep>[.,]{{2}})\d{{3}}(?!\d))(?![.,]?\d)"
)

# A comma read as ``[`` between a group and three digits before a unit (``1[286억원``).
_BRACKET_SEP: Final = regex.compile(
    rf"(?<![\d.,{_Q}\[])(?P<lead>[1-9]\d{{0,2}})(?P<sep>\[)\d{{3}}(?![\d.,])(?={UNIT_AHEAD})"
)

# One dotted group with no unit after it (``1.615``): a comma read as a dot, or a decimal.
_LONE_DOTTED: Final = regex.compile(
    rf"(?<![\d.,{_Q}\[])(?P<lead>[1-9]\d{{0,2}})(?P<sep>\.)\d{{3}}"
    rf"(?![\d%]|[.,]\d|[ ]?%|{UNIT_AHEAD})"
)
# A figure of a row written with thousands commas (``1,910``; a doubled separator, ``2,.685``,
# is a comma too, see _GROUPED_BARE), and a decimal (``2.5``, ``24.5%``).
_COMMA_FIGURE: Final = regex.compile(
    r"(?<![\d.,])[1-9]\d{0,2}(?:(?:,|[.,]{2})\d{3})+(?![\d%]|[.,]\d)"
)
_DECIMAL: Final = regex.compile(r"(?<![\d.,])\d{1,3}\.\d{1,2}(?![\d,]|\.\d)")


def _comma_row(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``[start, end)`` stands among figures with thousands commas and
    no decimal, on its own line within :data:`SIBLING_REACH` characters: a row of integers,
    where ``1.615`` beside ``1,910`` is 1,615 (a decimal in such a row has one or two places).

    >>> _comma_row("['22] 1.615 ['23] 1,910", 6, 11), _comma_row("1.615 1,910 2.5", 0, 5)
    (True, False)
    """
    lo = max(0, start - SIBLING_REACH)
    hi = min(len(text), end + SIBLING_REACH)
    lo = text.rfind("\n", lo, start) + 1 or lo
    nl = text.find("\n", end, hi)
    hi = hi if nl < 0 else nl
    # A gap the column rule turns into a line break ends the row here too, so the repair
    # judges the same row before and after that break (and stays idempotent).
    for gap in _COLUMN_GAP.finditer(text, lo, start):
        if _column_break(gap):
            lo = gap.end()
    for gap in _COLUMN_GAP.finditer(text, end, hi):
        if _column_break(gap):
            hi = gap.start()
            break
    sides = (text[lo:start], text[end:hi])
    if any(_DECIMAL.search(side) for side in sides):
        return False
    return any(_COMMA_FIGURE.search(side) for side in sides)


def _sibling_separator(m: regex.Match[str]) -> list[Edit]:
    if not _comma_row(m.string, m.start(), m.end()):
        return []
    return [Edit(m.start("sep"), m.end("sep"), ",")]


# The bracket after a percentage read as 0: no figure opens with a 0 before a digit, and a
# bracket closes after the figure (98.2%041조 871억원)).
_PERCENT_BRACKET: Final = rf"0(?=[1-9][\d.,]*{UNIT_AHEAD}[^()\n]{{0,20}}\))"
_LOOKALIKE_SET: Final = "".join(DIGIT_LOOKALIKES)
_DIGITS: Final = regex.compile(
    rf"(?<![A-Za-z\d.,])(?P<num>(?=[\d{_LOOKALIKE_SET},.]*\d)(?=[\d,.]*[{_LOOKALIKE_SET}])"
    rf"[\d{_LOOKALIKE_SET}][\d{_LOOKALIKE_SET},.]*(?<=[\d{_LOOKALIKE_SET}]))(?={UNIT_AHEAD})"
)

# Two columns of prose side by side, read across by tesseract into one line: a wide run of
# spaces between two runs of running text (a table's cells are short or figures).
_COLUMN_GAP: Final = regex.compile(rf"(?<=\S)[ ]{{{COLUMN_GAP_MIN},}}(?=\S)")
_WIDE_GAP: Final = regex.compile(rf"[ ]{{{COLUMN_GAP_MIN},}}")
_HANGUL: Final = regex.compile(r"\p{Hangul}")
# A figure or a bracketed year, with or without the quote the year rules put back (the
# edge is judged the same before and after them: the repair stays idempotent).
_FIGURE_TOKEN: Final = regex.compile(rf"[△▽\-]?\(?[{_Q}]?\d[\d,.]*\)?%?")


def _prose(segment: str) -> bool:
    """Running text, not a cell: long enough, a few words (or one long one), Hangul, not
    opening or closing with a figure."""
    s = segment.strip()
    words = s.split()
    hangul = len(_HANGUL.findall(s))
    # One long word is a caption whose spaces OCR lost (<그림6>2023년주요분야의…), not a cell.
    long_word = len(s) >= COLUMN_WORD_MIN and hangul >= 2 * COLUMN_HANGUL_MIN
    return (
        len(s) >= COLUMN_TEXT_MIN
        and (len(words) >= 2 or long_word)
        and hangul >= COLUMN_HANGUL_MIN
        and not _FIGURE_TOKEN.fullmatch(words[0])
        and not _FIGURE_TOKEN.fullmatch(words[-1])
    )


def _column_break(m: regex.Match[str]) -> list[Edit]:
    """The gap's first space becomes a line break when prose stands on both sides of it
    (each side read up to the line's end or the next wide gap, within a bounded window)."""
    text = m.string
    lo = max(0, m.start() - COLUMN_REACH)
    lo = text.rfind("\n", lo, m.start()) + 1 or lo
    left = _WIDE_GAP.split(text[lo : m.start()])[-1]
    hi = min(len(text), m.end() + COLUMN_REACH)
    nl = text.find("\n", m.end(), hi)
    right = _WIDE_GAP.split(text[m.end() : hi if nl < 0 else nl])[0]
    if not (_prose(left) and _prose(right)):
        return []
    return [Edit(m.start(), m.start() + 1, "\n")]


# Every repair rule, in the order their edits are weighed: (class, pattern, fix). A
# pattern given as text is compiled below with ``regex.M`` (``^``/``$`` at line ends);
# the fixes are the few shapes above: a character table (_sub), a group or the whole
# match replaced (_replace, _whole), a quote put in (_insert_quote) or read for a mark
# (_as_quote), or a rule's own function.
_RULE_TABLE: Final[tuple[tuple[str, str | regex.Pattern[str], _Fix], ...]] = (
    ("separators", _GROUPED, _separators),
    ("separators", _GROUPED_BARE, _separators),
    # ['22] 1.615 ['23] 1,910: a row's integers, one of them with its comma read as a dot.
    ("separators", _LONE_DOTTED, _sibling_separator),
    # 1[286억원: a comma read as an opening square bracket between a group and a unit's
    # three digits (no figure or note is written so; ``]`` and ``|`` may be a 1: doubtful).
    ("separators", _BRACKET_SEP, _separators),
    ("digits", _DIGITS, _sub("num", DIGIT_LOOKALIKES)),
    # 기준으로 ]조원 이상: a bracket that closes nothing, right before a unit, is a 1.
    ("digits", r"(?<=[ (])\](?=[조억]원)", _whole("1")),
    # 기금이 98.2%041조 871억원): the bracket after a percentage read as 0 (no figure
    # opens with a 0 before a digit), the bracket closing after the figure.
    ("brackets", rf"(?<=\d%){_PERCENT_BRACKET}", _whole("(")),
    # 주택도시기금(10. 1조원): a space read after the decimal point of a bracket's figure
    # (a bracket never opens on a number ending a sentence).
    ("decimals", r"(?<=\(\d{1,3}\.)[ ](?=\d{1,2}[ ]?[조억]원?(?![ ]?\d))", _whole("")),
    (
        "units",
        r"(?<=\d[ ]?)(?P<u>[역얼익])(?=[ ]?[원윈월]|[^\p{Hangul}]|$)",
        _sub("u", UNIT_MISREADS),
    ),
    ("units", r"(?<=\d[ ]?)(?P<u>윈)", _sub("u", UNIT_MISREADS)),
    # Right after the unit only: "3억 월 30만원" is a monthly figure.
    (
        "units",
        r"(?<=\d[ ]?(?:[억역얼익만천조]|백만))(?P<u>[월윈])(?![ ]?\d)",
        _sub("u", WON_AFTER_UNIT),
    ),
    # (단위: 조원, %0): a percentage point's p read as a zero or an o, one for one.
    (
        "units",
        r"(?<=단[ ]?위[ \t]*[:：][^()\[\]\n]{0,20}%)(?P<p>[0oO])(?=[ \t]*[)\]])",
        _replace("p", "p"),
    ),
    # (단위: 소원,%): only units stand in a unit statement.
    (
        "units",
        r"(?<=단[ ]?위[ \t]*[:：]?[ \t]*)(?P<u>[소초역얼익])(?=[ ]?원)",
        _sub("u", STATEMENT_UNIT_MISREADS),
    ),
    (
        "units",
        r"(?<=\d[ ]?)(?P<u>초)(?=[ ]?\d{1,4}(?:[.,]\d{3})?[ ]?[억역얼익])",
        _replace("u", "조"),
    ),
    (
        "year_quotes",
        rf"(?:(?<=\()\(|(?<![\d{_Q}A-Za-z])[{regex.escape(QUOTE_LOOKALIKES[:3])}])"
        rf"(?=\d{{2}}{YEAR_AFTER})",
        _as_quote,
    ),
    # '(25.1~9월): a bracket read after the quote.
    ("year_quotes", rf"(?<=[{_Q}])\((?=\d{{2}}{YEAR_AFTER})", _whole("")),
    ("year_quotes", rf"(?<=\()(?=\d{{2}}{YEAR_AFTER})(?<![{_Q}\d]\()", _insert_quote),
    # ~"30, ~`'25: a quote misread after a tilde, or doubled.
    (
        "year_quotes",
        r"(?<=~[ ]?)[\"“”](?=\d{2}(?!\d))|[`'‘’](?=[`'‘’]\d{2}(?!\d))",
        lambda m: [Edit(m.start(), m.end(), "" if m.group() in "`'‘’" else "'")],
    ),
    # (25년 50억원), * 25년 7.5억원: a year label before a figure that lost its quote.
    (
        "year_quotes",
        rf"(?:(?<=\()|(?<=^[ \t]*[*\-ㅇ□·][ \t]*))(?={YEAR_OF_FIGURE})",
        _insert_quote,
    ),
    # ("25년 40억원), 767억원("24), *"25년 7.5억원: a double quote for the year's quote.
    (
        "year_quotes",
        rf"(?<=\()[\"“”](?=\d{{2}}(?:년(?![ ]?{YEARS_COUNT_AFTER})|\)))"
        rf"|(?<![\d{_Q}A-Za-z\p{{Hangul}}])[\"“”](?={YEAR_OF_FIGURE})",
        _as_quote,
    ),
    # 2,776억원'24): the bracket before a year after a figure lost (its quote misread).
    (
        "year_quotes",
        rf"(?<=\d[ ]?(?:[조억만천]원?|원))[{_Q}](?={YEAR_TWO}\))",
        lambda m: (
            [Edit(m.start(), m.start(), "(")]
            + ([] if m.group() == "'" else [Edit(m.start(), m.end(), "'")])
        ),
    ),
    # 11,410억원 (24), (24년 11개 과제, 330억원), * (24년 지원): a year that lost its quote,
    # in a bracket after a figure, before a count, or labelling a bullet.
    (
        "year_quotes",
        rf"(?<=\d[ ]?(?:[조억만천]원?|원)[ ]?\()(?={YEAR_TWO}\))"
        rf"|(?<=\()(?={YEAR_TWO}년[ ]\d{{1,4}}[ ]?(?:개(?!월)|건|명|곳))"
        rf"|(?<=^[ \t]*[*\-ㅇ□·※][ \t]*\()(?={YEAR_TWO}년[ ](?:{YEAR_LABEL_WORDS})\))",
        _insert_quote,
    ),
    # 사업규모 : 124년 2조 78억원: the quote read as 1 (no year 124 labels a figure).
    ("year_quotes", rf"(?<=[ :(])1(?={YEAR_OF_FIGURE})", _as_quote),
    # (025년 20.85억, 발굴026년, (024.12월~): the quote read as 0 (no number opens with 0
    # before a digit).
    ("year_quotes", rf"(?<![\d.,])0(?={YEAR_ZERO_QUOTE}|[0-3]\d{YEAR_AFTER})", _as_quote),
    (
        "halves",
        r"(?<=\d{2}\.[ ]?)(?P<h>ㅜ\+)(?=[ ]?[~),\-]|[ ]?$)",
        lambda m: [Edit(m.start("h"), m.end("h"), HALF_MISREADS[m.group("h")])],
    ),
    # "(23)1,247억원: the quote and the bracket of ('23) read in turn (the bracket goes
    # by the rule above, the quote is the year's).
    ("year_quotes", rf"[\"“”](?=\(\d{{2}}{YEAR_AFTER})", _as_quote),
    # (24) 900 -> ('25) 1,200억원: two years around an arrow, the first one's quote lost.
    (
        "year_quotes",
        rf"(?<=\()(?={YEAR_TWO}\)[ ]?\d[\d,.]*[ ]?{ARROW}[ ]?\([{_Q}]\d{{2}}\))",
        _insert_quote,
    ),
    # ('24) 900 -ㆍ('25) 1,200억원: the arrow's head read as a middle dot.
    ("arrows", rf"(?<=\d[ ]?-)[ㆍ·](?=[ ]?\([{_Q}]?\d{{2}}\))", _whole(">")),
    ("arrows", rf"(?<=\d[ ]?[{COUNT_WORDS}][ ]?)~(?=[ ]?[{_Q}]?\d{{2}}년)", _whole("→")),
    (
        "tildes",
        rf"(?<=[{_Q}]\d{{2}}(?:\.\d{{1,2}})?[ ]?)(?P<d>[-–])(?=[ ]?[{_Q}]\d{{2}})",
        _replace("d", "~"),
    ),
    ("columns", _COLUMN_GAP, _column_break),
    # 기술개발(6&0), 소재부품패키지형8&0, (&0): R&D as tesseract's Korean model reads it.
    ("acronyms", ACRONYM_RND, _r_and_d),
    # △222,200 read as ㅅ222,200 or ^ㅅ222,200: a jamo never opens a number.
    (
        "decrease_marks",
        r"(?<![\p{L}\d^])(?P<hat>\^?)(?P<d>ㅅ)(?=\d)",
        lambda m: (
            [Edit(m.start("hat"), m.end("hat"), "")] * bool(m.group("hat"))
            + [Edit(m.start("d"), m.end("d"), "△")]
        ),
    ),
    # △222,200 read as ^222,200: a caret never opens a figure grouped by commas (an
    # exponent follows a digit or a letter and is not written 1,000).
    (
        "decrease_marks",
        rf"(?<![\p{{L}}\d^])\^(?=\d{{1,3}}(?:{_SEP}\d{{3}})*,\.?\d{{3}}(?![\d,]))",
        _whole("△"),
    ),
    # 증감 (B-A) read as 중감: no Korean word is 중감, nor opens with it before 액 or 률.
    ("words", r"(?<!\p{Hangul})중(?=감(?:[ \t(\[]|액|률|율|$))", _whole("증")),
    ("bullets", rf"^[ \t]*(?P<b>[{SQUARE_LOOKALIKES}])(?=[ \t]+\S)", _replace("b", "□")),
    (
        "bullets",
        rf"^[ \t]*(?P<b>[{CIRCLE_LOOKALIKES}]|0(?=[ \t]+\p{{Hangul}}{{2}}))"
        rf"(?=[ \t]+[\p{{Hangul}}(「{_Q}])",
        _replace("b", "ㅇ"),
    ),
)

_RULES: Final[tuple[_Rule, ...]] = tuple(
    _Rule(name, regex.compile(p, regex.M) if isinstance(p, str) else p, fix)
    for name, p, fix in _RULE_TABLE
)

_DOUBTFUL: Final[tuple[tuple[str, regex.Pattern[str]], ...]] = (
    (
        "a run of five or more digits without separators (a comma lost, or read as a digit)",
        regex.compile(r"(?<![\d.,\-/:])\d{5,}(?![\d\-/:]|[.,]\d)"),
    ),
    (
        "a doubled first digit before a dotted group (a comma read as a digit and a dot)",
        regex.compile(rf"(?<![\d.,])(\d)\1\.\d{{3}}(?!\d)(?={UNIT_AHEAD})"),
    ),
    (
        "a bracket or bar between digit groups (a comma misread)",
        regex.compile(rf"(?<![\d.,])\d{{1,3}}[\]|]\d{{3}}(?!\d)(?={UNIT_AHEAD})"),
    ),
    ("one dotted group without a unit (a comma read as a dot, or a decimal)", _LONE_DOTTED),
    (
        "digit groups split by a space (a comma lost, or a list of two figures)",
        regex.compile(rf"(?<![\d.,{_Q}\[])\d{{1,3}}[.,]?[ ]\d{{3}}(?!\d)(?={UNIT_AHEAD})"),
    ),
    (
        # ``62.8%(4조`` read as ``62.8%64조``: typography never puts a figure right after %.
        "a figure right after a percentage (a bracket read as a digit)",
        regex.compile(rf"(?<=\d%)(?!{_PERCENT_BRACKET})\d[\d.,]*(?={UNIT_AHEAD}|[ ]?\d)"),
    ),
    (
        # ``7    조원``, ``2\n\n원``, ``4\n억\n``: cells of a table run together, or a
        # column read down; a unit alone on its line is not a line wrap of running text.
        "a unit far from its number (table cells or lines run together)",
        regex.compile(
            r"(?<![\d.,])\d[\d.,]*(?:[ \t]{2,}|[ \t]*\n[ \t]*\n\s*)(?:조|억|만|천)?원?"
            r"(?<=[조억만천원])"
            r"|(?<![\d.,])\d[\d.,]*[ \t]*\n[ \t]*(?:조|억|만|천)원?[ \t]*(?=\n|$)"
        ),
    ),
    (
        # ``지원(1조`` / ``90 - 0 뽀 2,000억원)``: a figure cut at a line's end in a bracket
        # and its rest after other text on the lines below (a column read across), or
        # opening a line after a line of other text (``(1조`` / ``ㅣ 으`` / `` `` /
        # ``2,000억원)``): the pieces are no figures of their own, and what stood between
        # is unknown.
        "a figure cut at a line's end, its rest after other text below (lines run together)",
        regex.compile(
            r"(?<=\()\d{1,3}(?:\.\d{1,2})?[ ]?조[ \t]*\n"
            r"(?:[^\n()]{0,200}\n){0,2}[^\n()]{0,200}?[^\d\s.,()]"
            r"(?:[^\n()]{0,200}?[ \t]|[^\n()]{0,200}\n(?:[ \t]*\n){0,2}[ \t]*)"
            r"\d{1,3}(?:[.,]{1,2}\d{3})?[ ]?[억역얼익]원?(?=\))"
        ),
    ),
    (
        # ``1억 UPH급`` read as ``1억 내커급``: a count before a class word, not money.
        "a count before a class word ending in 급 (1억 UPH급), not money",
        regex.compile(r"(?<![\d.,])\d[\d.,]*[ ]?[조억만](?![ ]?원)[ ]?[^\s\d]{1,4}급"),
    ),
    (
        # ``1억 UPH급`` read as ``1억 40가급``: digits after the unit that continue no figure.
        "digits after the unit that belong to no figure (a word read as digits)",
        regex.compile(
            rf"(?<![\d.,])\d[\d.,]*[ ]?[조억](?![ ]?원)[ ]\d+"
            rf"(?![\d.,]|[ ]?[조억만천백원%년월{COUNT_WORDS}])(?=\p{{Hangul}})"
        ),
    ),
)

# A law article: ``제166조`` OCR'd as ``166조`` reads as 166 trillion won. A bare ``N조``
# with an article shape beside it (``제67조``; ``조 제2항``, ``조의2`` after it) is one.
# A figure wrapped after its 조 (``1조`` / ``2,000억원``) goes on past the line break.
_BARE_JO: Final = regex.compile(
    r"(?<![\d.,])(?<!제[ ]?)\d{1,3}[ ]?조(?!\s{0,3}(?:원|\d)|\s{0,3}[0-9.,]+[ ]?억)"
)
_ARTICLE_NEAR: Final = regex.compile(
    r"제[ ]?\d{1,4}[ ]?조|^[ ]?(?:제[ ]?)?\d{1,2}[ ]?[항호]|^의[ ]?\d"
)
_ARTICLE_BEFORE: Final = 80
_ARTICLE_AFTER: Final = 30
_ARTICLE_WHY: Final = "a law article's number (제N조 with its 제 lost), not an amount"


def _law_articles(text: str) -> Iterator[tuple[int, int]]:
    """Spans of bare ``N조`` with an article shape a few words before (on its line) or after.

    The windows are bounded, so the cost is linear in the text.
    """
    for m in _BARE_JO.finditer(text):
        # Before it, the same line only: an article list ends a line more often than not.
        before = text[max(0, m.start() - _ARTICLE_BEFORE) : m.start()].rpartition("\n")[2]
        after = text[m.end() : m.end() + _ARTICLE_AFTER]
        if _ARTICLE_NEAR.search(before) or _ARTICLE_NEAR.search(after):
            yield m.start(), m.end()


def ocr_marks(text: str) -> list[tuple[int, int]]:
    """Spans of every OCR mark in ``text``: where a repair rule would change something, or a
    figure is doubtful.

    >>> ocr_marks("총 3.099억원 지원('25~'29)")
    [(2, 7)]
    """
    spans = {(m.start(), m.end()) for r in _RULES for m in r.pattern.finditer(text) if r.fix(m)}
    spans.update(span for span, _ in doubtful_figures(text))
    spans.update(span for span, _ in doubtful_periods(text))
    return sorted(spans)


def column_breaks(text: str) -> list[int]:
    """Where the line breaks around a line OCR read across two columns stand, sorted: the
    break each column gap becomes (see the ``columns`` repair) and the breaks that open and
    close that line. The joiner must not join across them: the line above and the line below
    belong to either column, and a garbled mark of one column (an unclosed ``『``) would
    join a title of the left one into a sentence of the right one, where its year frames
    the sentence's figures.

    >>> text = "끝\\n<그림3> 2024년 부처별 지원 규모          - 사업별로 보면 융자가 크고\\n다음"
    >>> [text[p] for p in column_breaks(text)]
    ['\\n', ' ', '\\n']
    """
    found: set[int] = set()
    for m in _COLUMN_GAP.finditer(text):
        if not _column_break(m):
            continue
        found.add(m.start())
        # Looked for within the reach the column test reads (linear in the text).
        before = text.rfind("\n", max(0, m.start() - COLUMN_REACH), m.start())
        if before >= 0:
            found.add(before)
        after = text.find("\n", m.end(), m.end() + COLUMN_REACH)
        if after >= 0:
            found.add(after)
    return sorted(found)


def _all_edits(text: str) -> Iterator[tuple[str, Edit]]:
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            for e in rule.fix(m):
                yield rule.name, e


def repair_ocr(text: str) -> list[Edit]:
    """Edits that repair OCR noise in ``text`` (certain readings only), disjoint and sorted.

    >>> from gongmun.offsets import apply_edits
    >>> raw = "총 3.099억원, 1.,910억원, 110익원(24.10월~)"
    >>> apply_edits(raw, repair_ocr(raw))[0]
    "총 3,099억원, 1,910억원, 110억원('24.10월~)"
    """
    if "단" not in text and not any(
        c.isdigit() or c == "]" or c in SQUARE_LOOKALIKES or c in CIRCLE_LOOKALIKES for c in text
    ):
        return []
    out: list[Edit] = []
    taken_end = -1
    for _, e in sorted(_all_edits(text), key=lambda x: (x[1].start, x[1].end)):
        if e.start < taken_end or (e.start == taken_end and e.start == e.end and out):
            continue
        out.append(e)
        taken_end = max(taken_end, e.end)
    inside = _Spans(span for span, _ in doubtful_figures(text))
    return [e for e in out if not inside.holds(e.start)]


class _Spans:
    """Spans merged into disjoint ones, to ask whether a position lies in any of them in
    log time (a text with many doubtful figures and many edits stays linear)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def holds(self, pos: int) -> bool:
        """Whether ``pos`` lies in a span (``a <= pos < b``)."""
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]


def repair_classes(text: str) -> list[str]:
    """The classes of the repairs :func:`repair_ocr` makes in ``text``, one per edit.

    >>> repair_classes("ㅁ 총 5O0억윈")
    ['bullets', 'digits', 'units']
    """
    kept = set(repair_ocr(text))
    return [name for name, e in sorted(_all_edits(text), key=lambda x: x[1].start) if e in kept]


def doubtful_figures(text: str) -> list[tuple[tuple[int, int], str]]:
    """Figures in OCR'd ``text`` whose value cannot be settled: ``(span, why)`` each.

    >>> text = "해수부 11632억원, 과기부 33.685억원, 3 099억원, 2,776억원"
    >>> [span for span, _ in doubtful_figures(text)]
    [(4, 9), (17, 23), (27, 32)]
    """
    found: list[tuple[tuple[int, int], str]] = []
    for why, pattern in _DOUBTFUL:
        found.extend(
            ((m.start(), m.end()), why)
            for m in pattern.finditer(text)
            # In a row of comma-grouped integers the dot is settled: a comma (repaired).
            if pattern is not _LONE_DOTTED or not _comma_row(text, m.start(), m.end())
        )
    found.extend((span, _ARTICLE_WHY) for span in _law_articles(text))
    found.sort()
    return found


# A year whose half-year mark OCR made ambiguous (``'25.+``: 上 or 下) or lost (``'25. ~``).
_DOUBTFUL_PERIODS: Final[tuple[tuple[str, regex.Pattern[str]], ...]] = (
    (
        "a half-year mark read as '+' (上 and 下 both come out so): which half is unknown",
        regex.compile(rf"(?:[{_Q}]|(?<![\d.,]))\d{{2}}\.[ ]?(?:{HALF_AMBIGUOUS})(?![\d+])"),
    ),
    (
        "a year with a dot and nothing after it before the tilde (a month or half-year lost)",
        regex.compile(rf"[{_Q}]\d{{2}}\.[ ]*~|~[ ]?[{_Q}]\d{{2}}\.[ ]*(?=[),]|$)", regex.M),
    ),
)


def doubtful_periods(text: str) -> list[tuple[tuple[int, int], str]]:
    """Periods' points in OCR'd ``text`` whose half or month OCR left unknown: ``(span, why)``.

    >>> text = "공고('25.+ ~), 점검(~'25.+), 추진('25. ~), 수립('25.下~)"
    >>> [text[a:b] for (a, b), _ in doubtful_periods(text)]
    ["'25.+", "'25.+", "'25. ~"]
    """
    found = [
        ((m.start(), m.end()), why)
        for why, pattern in _DOUBTFUL_PERIODS
        for m in pattern.finditer(text)
    ]
    found.sort()
    return found


_NOTE_SEP: Final = " in OCR'd text is doubtful: "


def doubtful_notes(text: str) -> list[tuple[str, str, tuple[int, int] | None]]:
    """:func:`doubtful_figures` and :func:`doubtful_periods` as normalizer notes
    (``ocr_doubtful_figure``, ``ocr_doubtful_period``)."""
    notes: list[tuple[str, str, tuple[int, int] | None]] = []
    for code, found in (
        ("ocr_doubtful_figure", doubtful_figures(text)),
        ("ocr_doubtful_period", doubtful_periods(text)),
    ):
        notes.extend((code, f"{text[a:b]!r}{_NOTE_SEP}{why}", (a, b)) for (a, b), why in found)
    return notes


def doubt_reason(message: str) -> str:
    """The reason a :func:`doubtful_notes` message gives.

    >>> doubt_reason(doubtful_notes("총 41862억원")[0][1])
    'a run of five or more digits without separators (a comma lost, or read as a digit)'
    """
    return message.rpartition(_NOTE_SEP)[2]


__all__ = [
    "column_breaks",
    "doubt_reason",
    "doubtful_figures",
    "doubtful_notes",
    "doubtful_periods",
    "ocr_marks",
    "repair_classes",
    "repair_ocr",
]
