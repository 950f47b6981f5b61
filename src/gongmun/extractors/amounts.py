"""Find money amounts in normalized text.

Three passes, all regex: amounts that carry their unit (``1조 3,099억원``, ``43.2억``,
``15백만원``); figures whose unit a header or a neighbour gives (``(예산규모, 억원) ['22]
1,615``, ``(’24) 900 → (’25) 1,200억원``, rows under ``(단위: 백만원)``), marked
``unit_implied``; then each amount's year, qualifier and per-unit from its surroundings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Final

import regex

from gongmun.doc.column_words import BUDGET_STAGES
from gongmun.extractors.amount_tables import (
    NOT_MONEY_AFTER_BIG,
    NOT_WON_AFTER,
    PER_WORDS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
)
from gongmun.extractors.amount_units import (
    Hit,
    arrows,
    funding_splits,
    inline_units,
    paren_lists,
    table_units,
    untaken,
)
from gongmun.extractors.context import Context
from gongmun.extractors.hangul_amounts import hangul_amounts
from gongmun.extractors.numbers import GAP, NUMBER, parse_korean_number, to_won
from gongmun.extractors.segments import Segments
from gongmun.extractors.table_arithmetic import shown_units
from gongmun.extractors.table_figures import (
    cell_frames,
    document_table_unit,
    read_tables,
    states_unit,
)
from gongmun.extractors.years import FISCAL_YEAR_AFTER, FISCAL_YEAR_BEFORE, year_of_match
from gongmun.models import Amount, Qualifier

# One group's digits: 4천567, 2백37, 15백 (bounded, so a long run of figures stays linear).
_G = rf"{NUMBER}(?:[십백천]{NUMBER}?){{0,3}}"
_DEC = r"(?P<dec>[△▽]\s?)?"
# Between a figure and its big unit: a space on the same line. A cell's figure at a
# line's end and the next cell's word (870 / 조성, a flattened table) are no 870조.
_U = r"[ \t\u0007]?"
# An amount with its own unit. Big units in order; a tail below 만 (2천, 5,000) only
# when 원 follows: 1만2천원 is 12,000 won.
_AMOUNT = re.compile(
    rf"""
    (?<![\d.,A-Za-z'십백천])
    {_DEC}
    (?P<body>
        (?P<jo>{_G}{_U}조)(?:{GAP}{_G}{_U}억)?(?:{GAP}{_G}{_U}만)?(?:{GAP}{_G}(?={GAP}원))?
      | (?P<eok>{_G}{_U}억)(?:{GAP}{_G}{_U}만)?(?:{GAP}{_G}(?={GAP}원))?
      | (?P<man>{_G}{_U}만)(?:{GAP}{_G}(?={GAP}원))?
      | (?P<plain>{_G})(?={GAP}원)
    )
    (?P<won>{GAP}원)?
    """,
    re.X,
)
# Where an amount can start: a run of its figure's characters right before a unit (spaces
# and line breaks between), at the run's start (see _amount_matches).
_FIGURE_BEFORE_UNIT = regex.compile(
    r"(?<![\d,.십백천])\d(?>[\d,.십백천]*)(?>[ \t\u0007\n]*)(?=[조억만원])"
)
# A figure after the won sign (₩ 400,000,000, ￦19,209,180,000-): won, with no word after;
# one a unit follows (₩1.5억원) is read by _AMOUNT.
_WON_SIGN = re.compile(
    r"[₩￦][ \t]?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]|[ \t]?[십백천만억조원])"
)
_NOT_MONEY_AFTER = regex.compile(
    r"\s?(?:" + "|".join(regex.escape(w) for w in NOT_MONEY_AFTER_BIG) + r"|[A-Za-z])"
)
_NOT_WON_AFTER = regex.compile("|".join(regex.escape(w) for w in NOT_WON_AFTER))
# A year beside an amount: '25년, ('24), 2025년, 2024년도, 2023회계연도, FY2025, FY'25.
_YEAR = regex.compile(
    rf"(?<![\d.])(?P<four>(?:19|20)\d{{2}})\s*(?:년도?|{FISCAL_YEAR_AFTER})"
    r"|'\s?(?P<two>\d{2})(?![\d])(?:\s*년도?)?"
    rf"|{FISCAL_YEAR_BEFORE}(?:(?P<four>(?:19|20)\d{{2}})|'?(?P<two>\d{{2}}))(?!\d)"
)
# A column header naming its year without 년 (지원 금액 (2024 계획안)) frames the amounts
# after it on its line: a table run into one line by the PDF reader.
_COLUMN_YEAR = regex.compile(
    r"\(\s*(?P<four>(?:19|20)\d{2})\s*(?:년도?)?\s*(?:" + "|".join(BUDGET_STAGES) + r")\s*\)"
)
# A year marker that is part of a range or a date, not a frame.
_YEAR_NOT_FRAME_AFTER = re.compile(
    r"\s*(?:년도?)?\s*(?:[가-힣]{1,4}\s*)?(?:대비|에\s*비해|보다)|\s*(?:까지|부터|이후)|\s*\d{1,2}\s*월|\s*(?:년도?)?\s*~|\s*(?:년\s*|\.\s*|,\s*)\d{1,2}\s*(?:월|\.\s*\d)|\s*\.\s*(?:上|下|\d분기)"
    # ('24.12), 2024.5: a month's date, not a year's frame.
    r"|\.\s?(?:1[0-2]|0?[1-9])(?![\d.,])"
)
# A year right after: 2,776억원(’24), 720억원(’25, +120억원) (a bracket the year opens, with
# no second year in it), or the thing it is the size of: 3조원 규모의 2025년 공고.
_YEAR_AFTER_AMOUNT = regex.compile(
    r"\s*\(\s*(?:'\s?(?P<two>\d{2})|(?P<four>(?:19|20)\d{2}))\s*(?:년도?)?\s*"
    r"(?:\)|,(?![^()\n]{0,40}?(?:'\s?\d{2}|(?:19|20)\d{2})))"
    r"|\s*(?:규모)?의\s*[^\w\s]?\s*(?:'\s?(?P<two>\d{2})|(?P<four>(?:19|20)\d{2}))\s*년(?!\s*\d{1,2}\s*월)"
)
# A year in a bracket right after a figure (5,950백만원(2026년)) dates that figure: it
# frames none of the figures after the bracket.
_FIGURE_BRACKET_BEFORE = re.compile(r"\d\s*(?:[십백천만억조]\s*)*원?\s*\(\s*$")
# A word that counts a year from the document's (금년 본예산(13.6조원)): it names another
# year than a marker before it, so a figure after it is not framed by that marker; its
# own year is not the figure's either (the eval's gold leaves such figures undated). A
# comparison (전년 대비, 올해보다) names no year for the figure.
_RELATIVE_YEAR = re.compile(
    r"(?<![가-힣])(?:올해|금년도?|내년도?|명년|지난해|작년|전년도?|당해\s?연도)"
    r"(?!\s*(?:[가-힣]{1,4}\s*)?(?:대비|보다|에\s*비해|比))"
)
# How close after a year marker a relative word only restates it (2025년 올해, 올해(2025년)).
_RESTATES = 3
_MULTI_YEAR_SUM = regex.compile(r"\s*(?:\([^()\n]{0,10}\))?\s*/\s*\d+\s*년")
# A table's or chart's own number in its caption (<표 1>, [그림 2], 표 3.): a unit line
# next to the caption must not make it a figure.
_CAPTION_NUMBER = regex.compile(
    r"(?<![가-힣])(?:표|그림|도표|차트)[ \t]?(?P<num>\d{1,3})(?=[ \t]*[>\]〉).\-]|\s)"
)
# Qualifiers that make an amount a threshold of a criterion.
_THRESHOLDS: frozenset[str] = frozenset({"이상", "미만"})
# How far back on its line an amount looks for a column header's year.
_COLUMN_REACH = 2000
# How long a line's opening label (``ㅇ (2024년 본예산)``) may be.
_LABEL_REACH = 80
# How far after a figure the words that follow it are looked for (see _line_label_year).
_AFTER_REACH = 64
# How far back a list item in parentheses looks for its sentence's year.
_LIST_REACH = 300
# What between two figures of one sentence stops the first one's year from framing the
# second: a bracket or a slash (총사업비 …, 30억원/센터: other kinds of figure), a field
# label's colon or a bullet (items run into one line), another year, a relative year
# or a comparison (전년 대비), a change, a range, or any figure.
_NO_CARRY = re.compile(
    r"[()/:：~→=×*\d]|[□■○●◦ㅇ※▶▷◇◆❍•*①-⑳➊-➓]|\s-\s|총\s?사업비"
    r"|전년|작년|올해|금년|내년|당해|대비|보다|에\s*비해|증가|감소|늘|줄|증액|감액"
)
# Figures that are a bound or a rate, not a sum of the year: 월 최대 20만원.
# A whole (총 3,000억원 규모) after a year's part of it (’25년 정부 출자 500억원을 …) is
# the sum over all years, not that year's.
_NO_CARRY_QUALIFIERS: Final = frozenset({"최대", "이내", "한도", "당", "이상", "미만", "총"})
# A sentence that opens by taking a part of the one before: 이 중, 그중, 이 가운데.
_PART_OF = re.compile(r"[\s□■○●◦ㅇ▶▷◇◆❍•*·\-–]*(?:이|그)\s?(?:중|가운데)(?![가-힣])")
_COMPARISON = regex.compile(r"대비|에\s*비해|보다\s")
# The amount is the change itself: 859억원이 확대됐다, 4조원 감소.
_CHANGE_AFTER = re.compile(r"\s*(?:[이가이]\s*)?(?:확대|증가|감소|축소|늘|줄|삭감|증액|감액)")
_RANGE_BEFORE = re.compile(r"~\s*$")
# A line opening with a year label in parentheses frames every amount on it: (’24년 지원) …
_LINE_LABEL = regex.compile(
    r"^[^\w(\n]*\(\s*(?:(?P<four>(?:19|20)\d{2})|'\s?(?P<two>\d{2}))\s*년도?[^()\n]{0,20}\)",
    regex.M,
)

_PREFIX = re.compile(
    rf"(?:(?P<q>{'|'.join(PREFIX_QUALIFIERS)})(?:사업비|사업규모|예산|투자)?|(?P<per>\d{{0,3}}[가-힣A-Za-z]+)당\s*(?:[월연년일주]\s+)?(?P<q2>최대|약)?)\s*$"
)
_SUFFIX = regex.compile(
    r"\s*(?:\([^()\n]{0,10}\)\s*)?(?P<q>"
    + "|".join(regex.escape(w) for w in sorted(SUFFIX_QUALIFIERS, key=len, reverse=True))
    + ")"
)
_PER_AFTER = re.compile(
    r"\s*/\s*(?P<per>" + "|".join(sorted(PER_WORDS, key=len, reverse=True)) + r")(?![가-힣])"
)

_LAW_ARTICLE = re.compile(r"(?<![가-힣])제\s?$")
# 3조의2, 3조 2항, 3조에 따라: an article even without 제.
_LAW_ARTICLE_AFTER = re.compile(r"의\s?\d|\s?\d+\s?항|에\s?따라|제\s?\d")


def parse_amount(text: str) -> int | None:
    """Exact won of an amount written with its unit; None when ``text`` is not one.

    >>> parse_amount("1조 3,099억원"), parse_amount("15백만원"), parse_amount("△5억원")
    (1309900000000, 15000000, -500000000)
    >>> parse_amount("6개") is None
    True
    """
    s = text.strip()
    m = _AMOUNT.fullmatch(s)
    if m is None:
        return None
    return _value_of(m)


def _value_of(m: re.Match[str] | regex.Match[str]) -> int | None:
    """Won of an :data:`_AMOUNT` match, or None when it is not money."""
    if m.group("man") and not m.group("won"):
        return None
    if m.group("plain") and not m.group("won"):
        return None
    value = parse_korean_number(m.group("body"))
    if value is None:
        return None
    won = to_won(value)
    if won is None:
        return None
    return -won if m.group("dec") else won


def _amount_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_AMOUNT.finditer(text)`` gives, trying only the places an amount can start.

    An amount's figure (its first group, ``1조``'s 1) is a whole run of figure characters
    (digits, ``,`` ``.`` 십백천: its look-behind stops it starting inside one) followed,
    past spaces, by a unit (조억만원); it may open with △ and a space before that run.
    Those runs are found by one plain scan, and the amount pattern is tried at each in text
    order from where the last amount ended, as ``finditer`` would: most of a text's
    figures (dates, counts, page numbers) and all its words are never tried.
    """
    end = 0
    for run in _FIGURE_BEFORE_UNIT.finditer(text):
        b = run.start()
        for p in (b - 2, b - 1, b):
            if p < end or (p < b and not _may_open_decrease(text, p, b)):
                continue
            m = _AMOUNT.match(text, p)
            if m is not None:
                end = m.end()
                yield m


def _may_open_decrease(text: str, p: int, b: int) -> bool:
    """Whether a decrease mark at ``p`` may open the figure at ``b``: ``△`` right before
    it, or ``△`` and one space."""
    if p < 0 or text[p] not in "△▽":
        return False
    return p == b - 1 or text[p + 1].isspace()


def _explicit(text: str) -> list[Hit]:
    hits = []
    for m in _amount_matches(text):
        value = _value_of(m)
        if value is None or value == 0:
            continue
        after = text[m.end() : m.end() + 6]
        if not m.group("won"):
            if _NOT_MONEY_AFTER.match(after):
                continue
            # 제5조, 시행령 제3조: articles of a law end in 조 with no 원.
            if m.group("jo") and (
                _LAW_ARTICLE.search(text, max(0, m.start() - 3), m.start())
                or _LAW_ARTICLE_AFTER.match(after)
            ):
                continue
        elif _NOT_WON_AFTER.match(after):
            continue
        start = m.start("dec") if m.group("dec") else m.start("body")
        end = m.end("won") if m.group("won") else m.end("body")
        hits.append(Hit(start, end, value, bool(m.group("dec")), False))
    return hits


def _won_signed(text: str) -> list[Hit]:
    """Figures after the won sign: ``일금 사억원(₩ 400,000,000)`` is 400,000,000 won.

    >>> [(h.start, h.value) for h in _won_signed("사업금액 : ￦19,209,180,000-")]
    [(7, 19209180000)]
    """
    if "₩" not in text and "￦" not in text:
        return []
    hits = []
    for m in _WON_SIGN.finditer(text):
        value = int(m["num"].replace(",", ""))
        if value:
            hits.append(Hit(m.start(), m.end(), value, False, False))
    return hits


def _spelled(text: str) -> list[Hit]:
    """Sums in Hangul numerals (``삼천억원``, ``이천오백만 원``; :mod:`.hangul_amounts`),
    but not a word that starts with 원 after one (오만원권 stays 오만원, 사억원칙 goes).

    >>> [(h.start, h.value) for h in _spelled("총 삼천억원을 투입")]
    [(2, 300000000000)]
    """
    hits = []
    for start, end, won in hangul_amounts(text):
        if not _NOT_WON_AFTER.match(text, end):
            hits.append(Hit(start, end, won, False, False))
    return hits


def _year_of(text: str, h: Hit, seg_start: int, doc_year: int | None) -> int | None:
    after = text[h.end : h.end + 40]
    if _MULTI_YEAR_SUM.match(after):
        return None
    m = _YEAR_AFTER_AMOUNT.match(after)
    if m:
        return year_of_match(m, doc_year)
    best: int | None = None
    best_end = seg_start
    for y in _YEAR.finditer(text, seg_start, h.start):
        if _YEAR_NOT_FRAME_AFTER.match(
            text, y.end(), y.end() + _AFTER_REACH
        ) or _RANGE_BEFORE.search(text, max(0, y.start() - 3), y.start()):
            continue
        if (
            _FIGURE_BRACKET_BEFORE.search(text, max(0, y.start() - 8), y.start())
            and ")" in text[y.end() : h.start]
        ):
            # 설치비 5,950백만원(2026년), 운영비 연간 4,760백만원: the first figure's year
            # (a figure inside the bracket, 720억원(’25, +120억원), is still of it).
            continue
        best = year_of_match(y, doc_year)
        best_end = y.end()
    if best is not None:
        for r in _RELATIVE_YEAR.finditer(text, best_end, h.start):
            if r.start() - best_end > _RESTATES:
                # 2026년도 예산안은 14.2조원으로, 금년 본예산(13.6조원): another year.
                return None
    # 2020년 예산은 올해에 비해 859억원 확대: a change against another year has none.
    if (
        best is not None
        and _COMPARISON.search(text, best_end, h.start)
        and _CHANGE_AFTER.match(text, h.end, h.end + _AFTER_REACH)
    ):
        return None
    return best


def _is_change(text: str, h: Hit, seg: int) -> bool:
    """Whether ``h``, in the segment from ``seg``, is a change against another year
    (전년보다 312억원 늘린)."""
    return bool(
        _COMPARISON.search(text, seg, h.start)
        and _CHANGE_AFTER.match(text, h.end, h.end + _AFTER_REACH)
    )


def _change_end(text: str, h: Hit) -> int | None:
    """Where the change verb right after ``h`` ends (``7천억원 줄었으나``, ``50억원이
    증가``), or None when none follows it.

    >>> t = "7천억원 줄었으나"
    >>> _change_end(t, Hit(0, 4, 700_000_000_000, False, False))
    6
    """
    m = _CHANGE_AFTER.match(text, h.end, h.end + _AFTER_REACH)
    return m.end() if m else None


def _carry_stopped(text: str, start: int, end: int, changes: list[tuple[int, int]]) -> bool:
    """Whether :data:`_NO_CARRY` stops a year's carry from ``start`` to ``end``, the
    ``changes`` (a figure and its verb, which take no year) left out."""
    pos = start
    for c_start, c_end in changes:
        if _NO_CARRY.search(text, pos, c_start):
            return True
        pos = max(pos, c_end)
    return bool(_NO_CARRY.search(text, pos, end))


def _line_label_year(text: str, pos: int, doc_year: int | None) -> int | None:
    # Bounded both ways, so a long one-line document stays linear: a line longer than
    # the reach is prose, not a table row with a label; and a match is given an end, as
    # the regex module looks for a pattern's literal up to the end it is given.
    floor = max(0, pos - _COLUMN_REACH)
    line_start = text.rfind("\n", floor, pos) + 1
    if line_start == 0 and floor > 0:
        line_start = floor
    else:
        m = _LINE_LABEL.match(text, line_start, min(pos, line_start + _LABEL_REACH))
        if m:
            return year_of_match(m, doc_year)
    # Bounded, so a long one-line document stays linear.
    found = list(_COLUMN_YEAR.finditer(text, max(line_start, pos - _COLUMN_REACH), pos))
    return year_of_match(found[-1], doc_year) if found else None


def _in_list_parens(text: str, h: Hit) -> bool:
    """Whether the amount is a list item's figure in parentheses: 국토교통부(10.1조원), or
    one the bracket opens at a line's end (중소벤처기업부(2.9조 / 원): OCR put text between)."""
    return text[h.start - 1 : h.start] == "(" and text[h.end : h.end + 1] in (")", "", "\n")


def _qualify(text: str, h: Hit) -> tuple[Qualifier | None, str | None]:
    before = text[max(0, h.start - 20) : h.start]
    # The words that qualify a figure follow it on its line: the next line is another
    # table cell or paragraph (a table's last figure over 이상의 사업은 …).
    after = text[h.end : h.end + 16].split("\n", 1)[0]
    qualifier: Qualifier | None = None
    per: str | None = None
    m = _PREFIX.search(before)
    if m:
        if m.group("q"):
            qualifier = PREFIX_QUALIFIERS[m.group("q")]
        else:
            per = m.group("per")
            qualifier = PREFIX_QUALIFIERS[m.group("q2")] if m.group("q2") else "당"
    p = _PER_AFTER.match(after)
    if p:
        # 과제당 110억원/年: the item (과제) says more than the rate (年).
        per = per or p.group("per")
        qualifier = qualifier or "당"
    if qualifier is None:
        s = _SUFFIX.match(after)
        if s:
            qualifier = SUFFIX_QUALIFIERS[s.group("q")]
    return qualifier, per


def _framed_by_cells(hits: list[Hit], ctx: Context, doc_year: int | None) -> list[Hit]:
    """Amounts written with their unit inside a table cell take the cell's year (its
    column's or row's) and totals mark, instead of a year from the text around."""
    if not ctx.tables:
        return hits
    frames = cell_frames(ctx.text, list(ctx.tables), doc_year)
    starts = [f.start for f in frames]
    out = []
    for h in hits:
        k = bisect_right(starts, h.start) - 1
        f = frames[k] if k >= 0 else None
        if f is None or h.end > f.end:
            out.append(h)
            continue
        out.append(h._replace(year=f.year, framed=False, total_row=f.total_row))
    return out


def _table_hits(ctx: Context, doc_year: int | None) -> tuple[list[Hit], list[Hit]]:
    """Money figures of ``ctx.tables`` as hits, and the spans of the tables read (a
    table a unit applies to), which the line-by-line passes leave alone."""
    text = ctx.text
    tables = list(ctx.tables)
    doc_unit = document_table_unit(text)
    # A unit the document states for its tables comes before any a table's rows show.
    shown: list[int | None] = shown_units(tables) if doc_unit is None else [None] * len(tables)
    hits = [
        Hit(f.start, f.end, f.value, f.decrease, True, f.year, False, f.total_row)
        for f in read_tables(text, tables, doc_year, doc_unit, shown)
    ]
    read = [
        Hit(t.start, t.end, 0, False, True)
        for t, unit in zip(tables, shown, strict=True)
        if t.start is not None
        and t.end is not None
        and (states_unit(text, t, unit) or (doc_unit is not None and not t.unit))
    ]
    return hits, read


def find_amounts(ctx: Context) -> list[Amount]:
    """Return the amounts of the document, in text order.

    >>> from gongmun.normalize import normalize
    >>> ctx = Context(norm=normalize("총 600억원, (’24) 900 → (’25) 1,200억원"))
    >>> [(a.text, a.value_krw, a.year) for a in find_amounts(ctx)]
    [('600억원', 60000000000, None), ('900', 90000000000, 2024), ('1,200억원', 120000000000, 2025)]
    """
    text = ctx.text
    doc_year = ctx.doc_year if ctx.doc_year is not None else ctx.inferred_year
    written = sorted(_explicit(text) + _won_signed(text) + _spelled(text), key=lambda h: h.start)
    explicit = _framed_by_cells(written, ctx, doc_year)
    implied = arrows(text, explicit)
    implied += paren_lists(text, explicit)
    implied += funding_splits(text, explicit)
    cells, read = _table_hits(ctx, doc_year)
    implied += untaken(cells, explicit + implied)
    # Line-by-line guessing only where no table with a unit gave the answer.
    implied += table_units(text, explicit + implied + read, doc_year, ctx.lines)
    implied += inline_units(text, explicit + implied + read, doc_year)
    numbers = {m.start("num") for m in _CAPTION_NUMBER.finditer(text)}
    implied = [h for h in implied if h.start not in numbers]
    hits: list[Hit] = []
    for h in sorted(explicit + implied, key=lambda h: (h.start, -h.end)):
        if hits and h.start < hits[-1].end:
            continue
        hits.append(h)
    out: list[Amount] = []
    prev_end = 0
    carry: tuple[int, int] | None = None
    # Changes (a figure and its verb) since prev_end: no stop to the carry past them.
    changes: list[tuple[int, int]] = []
    # Sentence starts are found once for the document, not scanned back for each figure.
    segments = Segments(text) if any(h.framed for h in hits) else None
    for h in hits:
        year = h.year
        seg = prev_end
        if year is None and h.framed and segments is not None:
            seg = segments.start(h.start, prev_end)
            year = _year_of(text, h, seg, doc_year)
            if year is None and _in_list_parens(text, h):
                # 2022년 기준 A(10.1조원), B(2.9조원): the sentence's year frames the list.
                year = _year_of(
                    text, h, segments.start(h.start, max(0, h.start - _LIST_REACH)), doc_year
                )
            if year is None:
                year = _line_label_year(text, h.start, doc_year)
        qualifier, per = _qualify(text, h)
        sentence = segments.start(h.start, 0) if h.framed and segments is not None else None
        # 23.2조원으로 7천억원 줄었으나: a figure its change verb follows, with no year
        # of its own, is the change itself.
        change_end = _change_end(text, h) if year is None and h.framed else None
        if (
            year is None
            and change_end is None
            and carry is not None
            and sentence == carry[0]
            and per is None
            and qualifier not in _NO_CARRY_QUALIFIERS
            and not _carry_stopped(text, prev_end, h.start, changes)
        ):
            # 2023년 총세입은 497.0조원, 총세출은 490.4조원: the sentence's year frames the
            # figures listed after its first one, as it framed that one.
            year = carry[1]
        elif (
            year is None
            and change_end is None
            and carry is not None
            and sentence is not None
            and segments is not None
            and per is None
            and qualifier not in _NO_CARRY_QUALIFIERS
            and _PART_OF.match(text, sentence, h.start)
            and segments.start(max(sentence - 1, 0), 0) == carry[0]
        ):
            # 2027년 R&D 예산은 24.8조원 … / 이 중 기초연구에 2조 3천억원: a part of the
            # sum the sentence before dates is of that sum's year.
            year = carry[1]
        if qualifier in _THRESHOLDS and not h.unit_implied:
            # 1조원 이상의 융자를 가진 부처: a bar to clear, not a sum of some year; the
            # year framing the sentence still goes to the figures after it.
            year = None
        elif change_end is not None:
            # 7천억원 줄었으나, … 5.1조원으로 유지: the change has no year, and the
            # sentence's year still frames the figures after it.
            changes.append((h.start, change_end))
        elif not (year is None and h.framed and _is_change(text, h, seg)):
            # 2025년 예산을 전년보다 312억원 늘린 1,842억원: the change has no year, and
            # the year still frames the sum it leads to.
            prev_end = h.end
            changes = []
        if year is not None and sentence is not None:
            carry = (sentence, year)
        loc = ctx.locate(h.start, h.end)
        out.append(
            Amount(
                text=text[h.start : h.end],
                value_krw=h.value,
                year=year,
                qualifier=qualifier,
                unit_implied=h.unit_implied,
                per=per,
                decrease=h.decrease,
                total_row=h.total_row,
                span=loc.span,
                raw_span=loc.raw_span,
                page=loc.page,
            )
        )
    return out


__all__ = ["find_amounts", "parse_amount"]
