"""Find money amounts in normalized text.

Three passes, all regex: amounts that carry their unit (``1조 3,099억원``, ``43.2억``,
``15백만원``); figures whose unit a header or a neighbour gives (``(예산규모, 억원) ['22]
1,615``, ``(’24) 900 → (’25) 1,200억원``, rows under ``(단위: 백만원)``), marked
``unit_implied``; then each amount's year, qualifier and per-unit from its surroundings.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from gongmun.extract.amount_tables import (
    COUNT_UNITS,
    NOT_MONEY_AFTER_BIG,
    NOT_WON_AFTER,
    PER_WORDS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    UNIT_WORDS,
)
from gongmun.extract.context import Context
from gongmun.extract.numbers import GAP, NUMBER, parse_figure, parse_korean_number, to_won
from gongmun.extract.years import infer_doc_year, year_of_match
from gongmun.models import Amount, Qualifier

# One group's digits: 4천567, 2백37, 15백 (bounded, so a long run of figures stays linear).
_G = rf"{NUMBER}(?:[십백천]{NUMBER}?){{0,3}}"
_DEC = r"(?P<dec>[△▽]\s?)?"
# An amount with its own unit. Big units in order; a plain tail only when 원 follows.
_AMOUNT = regex.compile(
    rf"""
    (?<![\d.,A-Za-z'십백천])
    {_DEC}
    (?P<body>
        (?P<jo>{_G}\s?조)(?:{GAP}{_G}\s?억)?(?:{GAP}{_G}\s?만)?(?:{GAP}{NUMBER}(?={GAP}원))?
      | (?P<eok>{_G}\s?억)(?:{GAP}{_G}\s?만)?(?:{GAP}{NUMBER}(?={GAP}원))?
      | (?P<man>{_G}\s?만)(?:{GAP}{NUMBER}(?={GAP}원))?
      | (?P<plain>{_G})(?={GAP}원)
    )
    (?P<won>{GAP}원)?
    """,
    regex.X,
)
_NOT_MONEY_AFTER = regex.compile(
    r"\s?(?:" + "|".join(regex.escape(w) for w in NOT_MONEY_AFTER_BIG) + r"|[A-Za-z])"
)
_NOT_WON_AFTER = regex.compile("|".join(regex.escape(w) for w in NOT_WON_AFTER))
_FIGURE = regex.compile(rf"(?<![\w.,'△▽/-])(?P<dec>[△▽]\s?)?(?P<num>{NUMBER})(?![\w.,%/-])")

# A year beside an amount: '25년, ('24), 2025년, 2024년도.
_YEAR = regex.compile(
    r"(?<![\d.])(?P<four>(?:19|20)\d{2})\s*년도?|'\s?(?P<two>\d{2})(?![\d])(?:\s*년도?)?"
)
# A year marker that is part of a range or a date, not a frame.
_YEAR_NOT_FRAME_AFTER = regex.compile(
    r"\s*(?:까지|부터|이후)|\s*\d{1,2}\s*월|\s*(?:년도?)?\s*~|\s*(?:년\s*|\.\s*|,\s*)\d{1,2}\s*(?:월|\.\s*\d)|\s*\.\s*(?:上|下|\d분기)"
)
_YEAR_AFTER_AMOUNT = regex.compile(
    r"\s*\(\s*(?:'\s?(?P<two>\d{2})|(?P<four>(?:19|20)\d{2}))\s*(?:년도?)?\s*\)"
)
_MULTI_YEAR_SUM = regex.compile(r"\s*(?:\([^()\n]{0,10}\))?\s*/\s*\d+\s*년")
_RANGE_BEFORE = regex.compile(r"~\s*$")
_SEGMENT_END = regex.compile(r"\n|다\.|(?<=[가-힣)])\.\s|[;]")
# A line opening with a year label in parentheses frames every amount on it: (’24년 지원) …
_LINE_LABEL = regex.compile(
    r"^[^\w(\n]*\(\s*(?:(?P<four>(?:19|20)\d{2})|'\s?(?P<two>\d{2}))\s*년도?[^()\n]{0,20}\)",
    regex.M,
)

_PREFIX = regex.compile(
    rf"(?:(?P<q>{'|'.join(PREFIX_QUALIFIERS)})(?:사업비|사업규모|예산|투자)?|(?P<per>[가-힣A-Za-z]+)당\s*(?P<q2>최대|약)?)\s*$"
)
_SUFFIX = regex.compile(
    r"\s*(?:\([^()\n]{0,10}\)\s*)?(?P<q>"
    + "|".join(regex.escape(w) for w in sorted(SUFFIX_QUALIFIERS, key=len, reverse=True))
    + ")"
)
_PER_AFTER = regex.compile(
    r"\s*/\s*(?P<per>" + "|".join(sorted(PER_WORDS, key=len, reverse=True)) + r")(?![가-힣])"
)

# Units stated once for the figures after them: (예산규모, 억원), 지원예산(억원), (단위: 백만원, %).
_UNIT_ALT = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
_INLINE_UNIT = regex.compile(
    rf"\((?:(?P<label>[^()\n]{{0,30}}?)(?<![\d.,]\s?)(?:[,:]\s*|\s))?(?P<unit>{_UNIT_ALT})\)"
)
_HEADER_YEAR = regex.compile(r"[\[(]\s*'\s?(?P<two>\d{2})\s*[\])]|(?P<four>(?:19|20)\d{2})\s*년")
_TABLE_UNIT = regex.compile(r"\(?\s*단위\s*[:]?\s*(?P<units>[^)\n]{1,40})\)?")
_CAPTION = regex.compile(r"^\s*[<\[〈]\s*(?P<kind>그림|표|도표|차트)\s*\d*")
_SECTION = regex.compile(r"^\s*(?:\d{1,2}\s*\.\s+\S|[□■○●◦ㅇ※▶◇◆❍]|[가-하]\.\s)")
_ARROW_FIGURE = regex.compile(
    rf"(?<![\d.,'\w])(?P<num>{NUMBER})(?=\s*(?:→|->|⇒)\s*(?:[(\[]?\s*'\s?\d{{2}}\s*(?:년)?\s*[)\]]?\s*)?{NUMBER})"
)
_PAREN_FIGURE = regex.compile(rf"\((?P<num>{NUMBER})\)")
_TRAILING_UNIT = regex.compile(r"(?P<small>[십백천])?\s?(?P<big>[조억만])?(?:[\s\u0007]*원)?$")
_CELL = regex.compile(
    rf"(?<![\w.,'△▽/-])(?:(?P<dash>-)(?![\w.,%/-])|(?P<open>\()?(?P<dec>[△▽]\s?)?(?P<num>{NUMBER})\)?(?![\w.,%/-]))"
)
_HEADER_TOKEN = regex.compile(
    r"(?<![\d.,])(?:(?P<four>(?:19|20)\d{2})|'\s?(?P<two>\d{2}))(?!\d)\s*년?"
    r"|(?P<label>결산|본예산|추경|당초|수정|확정|계획|정부안|요구|실적)"
    r"|(?P<diff>증감)"
)
# A line that opens with words names a new row: its cells start at the first column.
_ROW_LABEL = regex.compile(r"^\s*[^\d\s△▽(\-]")
_COUNT_LABEL = regex.compile(r"\((?:" + "|".join(COUNT_UNITS) + r")\)")
_MONEY_LABEL = regex.compile(rf"\((?:{_UNIT_ALT})\)")

_LAW_ARTICLE = regex.compile(r"(?<![가-힣])제\s?$")
# 3조의2, 3조 2항, 3조에 따라: an article even without 제.
_LAW_ARTICLE_AFTER = regex.compile(r"의\s?\d|\s?\d+\s?항|에\s?따라|제\s?\d")

_MAX_TABLE_LINES = 120


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    value: int
    decrease: bool
    unit_implied: bool
    year: int | None = None
    # Whether a year beside it in the text applies (table cells take theirs from columns).
    framed: bool = True


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


def _value_of(m: regex.Match[str]) -> int | None:
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


def _unit_of(amount_text: str) -> int:
    """The multiplier the last figure of an amount carries: ``1,200억원`` → 10**8."""
    m = _TRAILING_UNIT.search(amount_text)
    if m is None:
        return 1
    mult = 1
    if m.group("small"):
        mult *= {"십": 10, "백": 100, "천": 1000}[m.group("small")]
    if m.group("big"):
        mult *= {"조": 10**12, "억": 10**8, "만": 10**4}[m.group("big")]
    return mult


def _implied(num: str, dec: bool, unit: int) -> int | None:
    value = parse_figure(num)
    if value is None:
        return None
    won = to_won(abs(value) * Decimal(unit))
    if won is None or won == 0:
        return None
    return -won if dec else won


def _explicit(text: str) -> list[_Hit]:
    hits = []
    for m in _AMOUNT.finditer(text):
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
        hits.append(_Hit(start, end, value, bool(m.group("dec")), False))
    return hits


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _inline_units(text: str, taken: list[_Hit], doc_year: int | None) -> list[_Hit]:
    """Figures on the rest of a line after ``(예산규모, 억원)`` or ``지원예산(억원)``."""
    hits = []
    for m in _INLINE_UNIT.finditer(text):
        unit = UNIT_WORDS[m.group("unit")]
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        rest_start = m.end()
        year: int | None = None
        pos = rest_start
        for f in _FIGURE.finditer(text, rest_start, line_end):
            between = text[pos : f.start()]
            ys = list(_HEADER_YEAR.finditer(between))
            if ys:
                y = ys[-1]
                year = year_of_match(y, doc_year)
            pos = f.end()
            if regex.match(r"\s*(?:'|년|\])", text[f.end() : f.end() + 2]) or _inside_year(
                text, f.start()
            ):
                continue
            value = _implied(f.group("num"), bool(f.group("dec")), unit)
            if value is None:
                continue
            hits.append(_Hit(f.start(), f.end(), value, bool(f.group("dec")), True, year, False))
            year = None
    return [h for h in hits if not _overlaps(h, taken)]


def _inside_year(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1] in "'["


def _table_units(text: str, taken: list[_Hit], doc_year: int | None) -> list[_Hit]:
    """Figures in the table a ``(단위: 백만원)`` line heads (or closes, in some PDF text),
    each with the year of its column when the header names years."""
    lines = _lines(text)
    hits: list[_Hit] = []
    for i, (a, b) in enumerate(lines):
        units = _header_units(text, a, b)
        if not units:
            continue
        money = [UNIT_WORDS[u] for u in units if u in UNIT_WORDS]
        if not money or _near_chart(text, lines, i):
            continue
        mixed = any(u in COUNT_UNITS for u in units)
        region = _region(text, lines, i)
        rows = [(j, list(_CELL.finditer(text, *lines[j]))) for j in region]
        rows = [(j, [c for c in cs if not _cell_is_label(c, text)]) for j, cs in rows]
        first = next((k for k, (_, cs) in enumerate(rows) if cs), len(rows))
        header = " ".join(text[slice(*lines[j])] for j in [i] + [j for j, _ in rows[:first]])
        columns = _columns(header, doc_year)
        percent = any(u.startswith("%") for u in units)
        nums = [c for _, cs in rows for c in cs if c.group("num")]
        skip_decimals = percent and any("," in c.group("num") for c in nums)
        on = not mixed
        col = 0
        last_single: str | None = None
        for j, cs in rows[first:]:
            row = text[slice(*lines[j])]
            if mixed:
                if _COUNT_LABEL.search(row):
                    on = False
                elif _MONEY_LABEL.search(row):
                    on = True
            if _ROW_LABEL.match(row):
                col = 0
                last_single = None
            cs = [c for c in cs if not (skip_decimals and c.group("num") and "." in c.group("num"))]
            if not cs:
                continue
            # One cell a line (PDF text): a dash or (figure) right after a figure is that
            # column's second value, not the next column.
            if len(cs) == 1 and last_single == "figure" and _is_second_value(cs[0]):
                col -= 1
            # A whole row on one line must fill the header's columns, else its years are unknown.
            known = len(cs) < 3 or len(cs) == len(columns)
            for c in cs:
                year = columns[col] if known and 0 <= col < len(columns) else None
                col += 1
                if not on or not c.group("num"):
                    continue
                value = _implied(c.group("num"), bool(c.group("dec")), money[0])
                if value is not None:
                    hits.append(
                        _Hit(
                            c.start("num") if not c.group("dec") else c.start("dec"),
                            c.end("num"),
                            value,
                            bool(c.group("dec")),
                            True,
                            year,
                            False,
                        )
                    )
            last_single = "figure" if len(cs) == 1 and not _is_second_value(cs[0]) else "other"
    return [h for h in hits if not _overlaps(h, taken)]


def _header_units(text: str, a: int, b: int) -> list[str]:
    """Units a line gives the table under it: ``(단위: 백만원, %)``, or a header row whose
    cells carry the unit (``구분 '24년(억원) '25년(억원)``) with no figures of its own."""
    line = text[a:b]
    m = _TABLE_UNIT.search(line)
    if m is not None and "단위" in line:
        return [u.strip() for u in regex.split(r"[,·/]", m.group("units"))]
    u = _INLINE_UNIT.search(line)
    if u is None or len(line.strip()) > 60 or _FIGURE.search(text, a + u.end(), b):
        return []
    if regex.search(r"(?:다|음|함|임)\.|니다", line):
        return []
    return [u.group("unit")]


def _is_second_value(cell: regex.Match[str]) -> bool:
    return bool(cell.group("dash") or cell.group("open"))


def _cell_is_label(cell: regex.Match[str], text: str) -> bool:
    num = cell.group("num")
    return bool(num) and _is_year_like(num, text, cell.end())


def _columns(header: str, doc_year: int | None) -> list[int | None]:
    """Years of a table's columns: ``2023년 본예산(A) 추경`` is two 2023 columns, ``증감``
    a column of no year. Empty when the header names fewer than two years."""
    columns: list[int | None] = []
    year: int | None = None
    fresh = False
    for t in _HEADER_TOKEN.finditer(header):
        if t.group("four") or t.group("two"):
            year = year_of_match(t, doc_year)
            columns.append(year)
            fresh = True
        elif t.group("label"):
            if not fresh:
                columns.append(year)
            fresh = False
        else:
            columns.append(None)
            year = None
            fresh = False
    return columns if sum(c is not None for c in columns) >= 2 else []


def _is_year_like(num: str, text: str, end: int) -> bool:
    if regex.fullmatch(r"(?:19|20)\d{2}|0\d+", num):
        return True
    return bool(regex.match(r"\s*(?:년|월|일|개|명|건|%)", text[end : end + 3]))


def _near_chart(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """True when the closest caption above the unit line is a chart's (<그림 3>)."""
    for j in range(i, max(-1, i - 40), -1):
        a, b = lines[j]
        c = _CAPTION.match(text[a:b])
        if c:
            return c.group("kind") != "표"
    return False


def _is_cell_line(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    if _SECTION.match(s) or _CAPTION.match(s) or "단위" in s:
        return False
    if regex.search(r"(?:다|음|함|임)\.|니다", s):
        return False
    return len(s) <= 60 or len(_FIGURE.findall(s)) >= 3


def _region(text: str, lines: list[tuple[int, int]], i: int) -> list[int]:
    """Lines of the table around unit line ``i``: after it, or before it when the figures
    came out ahead of the header (pdfminer)."""
    after = []
    for j in range(i + 1, min(len(lines), i + 1 + _MAX_TABLE_LINES)):
        a, b = lines[j]
        if not _is_cell_line(text[a:b]):
            break
        after.append(j)
    if any(_FIGURE.search(text, *lines[j]) for j in after):
        return after
    before = []
    for j in range(i - 1, max(-1, i - 1 - _MAX_TABLE_LINES), -1):
        a, b = lines[j]
        if not _is_cell_line(text[a:b]):
            break
        before.append(j)
    return sorted(before)


def _arrows(text: str, explicit: list[_Hit]) -> list[_Hit]:
    """``(’24) 900 → (’25) 1,200억원``: the figure takes the unit of the amount after the arrow."""
    by_start = {h.start: h for h in explicit}
    hits = []
    for m in _ARROW_FIGURE.finditer(text):
        nxt = regex.match(
            r"\s*(?:→|->|⇒)\s*(?:[(\[]?\s*'\s?\d{2}\s*(?:년)?\s*[)\]]?\s*)?", text[m.end() :]
        )
        if nxt is None:
            continue
        target = by_start.get(m.end() + nxt.end())
        if target is None:
            continue
        value = _implied(m.group("num"), False, _unit_of(text[target.start : target.end]))
        if value is not None:
            hits.append(_Hit(m.start(), m.end(), value, False, True))
    return hits


def _paren_lists(text: str, explicit: list[_Hit]) -> list[_Hit]:
    """``사업A(47억원), 사업B(45), 사업C(39)``: bare figures in parentheses after an amount
    in parentheses take its unit, up to the end of the sentence."""
    hits = []
    for h in explicit:
        if h.start == 0 or text[h.start - 1] != "(" or text[h.end : h.end + 1] != ")":
            continue
        end_m = _SEGMENT_END.search(text, h.end)
        end = end_m.start() if end_m else len(text)
        unit = _unit_of(text[h.start : h.end])
        for f in _PAREN_FIGURE.finditer(text, h.end, end):
            value = _implied(f.group("num"), False, unit)
            if value is not None:
                hits.append(_Hit(f.start("num"), f.end("num"), value, False, True))
    return hits


def _overlaps(h: _Hit, others: list[_Hit]) -> bool:
    return any(h.start < o.end and o.start < h.end for o in others)


def _year_of(text: str, h: _Hit, seg_start: int, doc_year: int | None) -> int | None:
    after = text[h.end : h.end + 40]
    if _MULTI_YEAR_SUM.match(after):
        return None
    m = _YEAR_AFTER_AMOUNT.match(after)
    if m:
        return year_of_match(m, doc_year)
    best: int | None = None
    for y in _YEAR.finditer(text, seg_start, h.start):
        if _YEAR_NOT_FRAME_AFTER.match(text, y.end()) or _RANGE_BEFORE.search(
            text, max(0, y.start() - 3), y.start()
        ):
            continue
        best = year_of_match(y, doc_year)
    return best


def _line_label_year(text: str, pos: int, doc_year: int | None) -> int | None:
    line_start = text.rfind("\n", 0, pos) + 1
    m = _LINE_LABEL.match(text, line_start, pos)
    return year_of_match(m, doc_year) if m else None


def _segment_start(text: str, pos: int, floor: int) -> int:
    start = floor
    for m in _SEGMENT_END.finditer(text, floor, pos):
        start = m.end()
    return start


def _qualify(text: str, h: _Hit) -> tuple[Qualifier | None, str | None]:
    before = text[max(0, h.start - 20) : h.start]
    after = text[h.end : h.end + 16]
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


def find_amounts(ctx: Context) -> list[Amount]:
    """Return the amounts of the document, in text order.

    >>> from gongmun.normalize import normalize
    >>> ctx = Context(norm=normalize("총 600억원, (’24) 900 → (’25) 1,200억원"))
    >>> [(a.text, a.value_krw, a.year) for a in find_amounts(ctx)]
    [('600억원', 60000000000, None), ('900', 90000000000, 2024), ('1,200억원', 120000000000, 2025)]
    """
    text = ctx.text
    doc_year = ctx.doc_year if ctx.doc_year is not None else infer_doc_year(text)
    explicit = _explicit(text)
    implied = _arrows(text, explicit)
    implied += _paren_lists(text, explicit)
    implied += _table_units(text, explicit + implied, doc_year)
    implied += _inline_units(text, explicit + implied, doc_year)
    hits: list[_Hit] = []
    for h in sorted(explicit + implied, key=lambda h: (h.start, -h.end)):
        if hits and h.start < hits[-1].end:
            continue
        hits.append(h)
    out: list[Amount] = []
    prev_end = 0
    for h in hits:
        year = h.year
        if year is None and h.framed:
            seg = _segment_start(text, h.start, prev_end)
            year = _year_of(text, h, seg, doc_year)
            if year is None:
                year = _line_label_year(text, h.start, doc_year)
        prev_end = h.end
        qualifier, per = _qualify(text, h)
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
                span=loc.span,
                raw_span=loc.raw_span,
                page=loc.page,
            )
        )
    return out


__all__ = ["find_amounts", "parse_amount"]
