"""Figures whose unit is stated elsewhere: ``(단위: 백만원)`` tables, ``(예산규모, 억원)``
headers, ``(’24) 900 → (’25) 1,200억원`` arrows and ``사업A(47억원), 사업B(45)`` lists.

Each pass returns :class:`Hit` values marked ``unit_implied``; table cells carry the year of
their column when the header names years.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final, NamedTuple

import regex

from gongmun.doc.column_words import (
    ACTUAL_STAGES,
    COUNTED_UNITS,
    CURRENT_STAGES,
    DIFF_HEADERS,
    MONEY_UNIT_ALT,
    MONEY_UNITS,
    RATE_HEADERS,
    REQUEST_STAGES,
    TOTAL_ROWS,
    unit_word,
)
from gongmun.doc.columns import UNIT_STATEMENT, squeeze, units_of
from gongmun.extractors.amount_tables import PAYERS
from gongmun.extractors.charts import looks_like_chart
from gongmun.extractors.line_index import LineIndex, occurrences
from gongmun.extractors.numbers import NUMBER, scaled_won
from gongmun.extractors.segments import SEGMENT_END
from gongmun.extractors.years import year_of_match

# A figure standing alone (a table cell), maybe marked as a decrease.
_FIGURE = regex.compile(rf"(?<![\w.,'△▽/-])(?P<dec>[△▽]\s?)?(?P<num>{NUMBER})(?![\w.,%/-])")

# Units stated once for the figures after them: (예산규모, 억원), 지원예산(억원), (단위: 백만원, %).
# (억 원) is one unit, never a label 억 before the unit 원.
_UNIT_ALT = MONEY_UNIT_ALT
_INLINE_UNIT = regex.compile(
    rf"\((?:(?P<label>[^()\n]{{0,30}}?)(?<![\d.,]\s?|[십백천만억조])(?:[,:]\s*|\s))?"
    rf"(?P<unit>{_UNIT_ALT})\)"
)
# Where a unit statement may start: a bracket that closes right after 원, with no
# bracket between (see _inline_unit_matches). Linear: [^()]* stops at the next bracket.
_UNIT_BRACKET = re.compile(r"\([^()]*원\)")
# Column headers right after a unit: two or more bare years, rising (``(억원) 2024 2025``).
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")
_HEADER_YEARS_MIN = 2
# Years of adjacent columns are at most this far apart (2020 2025 2030 plans).
_HEADER_YEAR_STEP = 10
_HEADER_YEAR = re.compile(r"[\[(]\s*'\s?(?P<two>\d{2})\s*[\])]|(?P<four>(?:19|20)\d{2})\s*년")
_CAPTION = re.compile(r"^\s*[<\[〈]\s*(?P<kind>그림|표|도표|차트)\s*\d*")
# A caption anywhere in a line: PDF readers run a figure's caption into the paragraph beside it.
_CAPTION_ANY = re.compile(r"[<\[〈]\s*(?P<kind>그림|표|도표|차트)\s*\d*\s*[>\]〉]")
_SECTION = re.compile(r"^\s*(?:\d{1,2}\s*\.\s+\S|[□■○●◦ㅇ※▶◇◆❍]|[가-하]\.\s)")
# A bare figure right before an arrow to an amount: (’24) 900 → (’25) 1,200억원.
_ARROWS = ("→", "->", "⇒")
_ARROW_ALT = "|".join(map(regex.escape, _ARROWS))
# The arrow and the next figure's year mark, if any: → (’25).
_ARROW_TO = rf"\s*(?:{_ARROW_ALT})\s*(?:[(\[]?\s*'\s?\d{{2}}\s*(?:년)?\s*[)\]]?\s*)?"
_ARROW_FIGURE = regex.compile(rf"(?<![\d.,'\w])(?P<num>{NUMBER})(?={_ARROW_TO}{NUMBER})")
# The run of figure characters and the white space right before an arrow, read back
# from it (see _arrow_figures): the run is the longest, as the figure's look-behind has it.
_FIGURE_RUN_BEFORE = regex.compile(r"[\d,.]+\s*", regex.REVERSE)
_PAREN_FIGURE = re.compile(rf"\((?P<num>{NUMBER})\)")
_TRAILING_UNIT = re.compile(r"(?P<small>[십백천])?\s?(?P<big>[조억만])?(?:[\s\u0007]*원)?$")
_CELL = regex.compile(
    rf"(?<![\w.,'△▽/-])(?:(?P<dash>-)(?![\w.,%/-])|(?P<open>\()?(?P<dec>[△▽]\s?)?(?P<num>{NUMBER})\)?(?![\w.,%/-]))"
)
# Sub-column labels of a budget sheet's header: its stages, the longest first.
_STAGE_ALT = "|".join(
    sorted(ACTUAL_STAGES | CURRENT_STAGES | REQUEST_STAGES, key=lambda w: (-len(w), w))
)
_HEADER_TOKEN = re.compile(
    r"(?<![\d.,])(?:(?P<four>(?:19|20)\d{2})|'\s?(?P<two>\d{2}))(?!\d)\s*년?"
    rf"|(?P<label>{_STAGE_ALT})"
    r"|(?P<diff>증감)"
)
# A line that opens with words names a new row: its cells start at the first column.
# A line that is only a year opens a row of that year (tables with years down the side).
_ROW_YEAR = re.compile(r"^\s*(?:(?P<four>(?:19|20)\d{2})|'\s?(?P<two>\d{2}))\s*(?:년도?)?\s*$")
# Column headers of shares and rates among the rows: the figures under them are no money.
_RATE_HEADER = regex.compile(
    "(?:" + "|".join(map(regex.escape, RATE_HEADERS)) + r")(?:\s*\(%p?\))?"
)
_DIFF_HEADER = regex.compile("|".join(map(regex.escape, DIFF_HEADERS)))
# Compiled once (the module-level regex functions look each pattern up in a cache per call).
_ARROW_AFTER = re.compile(_ARROW_TO)
_YEAR_MARK_AFTER = re.compile(r"\s*(?:'|년|\])")
_YEAR_OR_CODE = re.compile(r"(?:19|20)\d{2}|0\d+")
_COUNT_AFTER = re.compile(r"\s*(?:년|월|일|개|명|건|%)")
_SENTENCE_WORDS = re.compile(r"(?:다|음|함|임)\.|니다")
# How many characters back a unit looks for its caption.
_CAPTION_REACH = 3000
# How many lines a chart's money unit may reach down to the table under it.
_ORPHAN_REACH = 30
_ROW_LABEL = re.compile(r"^\s*[^\d\s△▽(\-]")
_COUNT_LABEL = regex.compile(r"\((?:" + "|".join(map(regex.escape, COUNTED_UNITS)) + r")\)")
_MONEY_LABEL = re.compile(rf"\((?:{_UNIT_ALT})\)")

_PAYER = "|".join(sorted(PAYERS, key=len, reverse=True))
_SPLIT_PAREN = re.compile(rf"[ \t]?\((?P<body>(?:{_PAYER})[^()\n]{{1,80}})\)")
_SPLIT_ITEM = regex.compile(rf"(?:{_PAYER})[ \t:]*(?P<num>{NUMBER})(?![\w.%]|,\d)")
_PAGE_NUMBER = re.compile(r"\s*(?:[-–]\s*\d{1,4}\s*[-–]|\d{1,4}\s*/\s*\d{1,4})\s*$")
_MAX_TABLE_LINES = 120
# The longest payers' parenthesis after an amount (its body is at most 80 characters).
_SPLIT_REACH = 96


class Hit(NamedTuple):
    """A figure found in the text: where, its won, and what the text says about it.

    A named tuple, not a frozen dataclass: one is made for every figure tried, and a
    frozen dataclass sets each of its eight fields through ``object.__setattr__``
    (about four times the cost of the tuple).
    """

    start: int
    end: int
    value: int
    decrease: bool
    unit_implied: bool
    year: int | None = None
    # Whether a year beside it in the text applies (table cells take theirs from columns).
    framed: bool = True
    # Read from a table's totals row (합계, 계, 소계).
    total_row: bool = False


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


def inline_units(text: str, taken: list[Hit], doc_year: int | None) -> list[Hit]:
    """Figures on the rest of a line after ``(예산규모, 억원)`` or ``지원예산(억원)``."""
    hits = []
    units = _inline_unit_matches(text)
    newline = -1
    for k, m in enumerate(units):
        unit = MONEY_UNITS[unit_word(m.group("unit"))]
        if newline < m.end():
            # Found once per line, not once per unit: a search from each of many units
            # on one long line would cross the rest of it every time.
            newline = text.find("\n", m.end())
            newline = len(text) if newline < 0 else newline
        line_end = newline
        # The next unit statement on the line takes over its figures: each unit's run
        # ends there (running every unit to the end of a long line is quadratic).
        if k + 1 < len(units) and units[k + 1].start() < line_end:
            line_end = units[k + 1].start()
        if _is_chart_run(text, m, line_end):
            continue
        # A unit over column years heads a table: the years are no amounts.
        rest_start = after_header_years(text, m.end(), line_end)
        year: int | None = None
        pos = rest_start
        for f in _FIGURE.finditer(text, rest_start, line_end):
            between = text[pos : f.start()]
            ys = list(_HEADER_YEAR.finditer(between))
            if ys:
                y = ys[-1]
                year = year_of_match(y, doc_year)
            pos = f.end()
            if _YEAR_MARK_AFTER.match(text[f.end() : f.end() + 2]) or _inside_year(text, f.start()):
                continue
            value = scaled_won(f.group("num"), bool(f.group("dec")), unit)
            if value is None:
                continue
            hits.append(Hit(f.start(), f.end(), value, bool(f.group("dec")), True, year, False))
            year = None
    return untaken(hits, taken)


def _inline_unit_matches(text: str) -> list[regex.Match[str]]:
    """What ``_INLINE_UNIT.finditer(text)`` gives, the pattern tried only at the brackets
    :data:`_UNIT_BRACKET` finds (one quick scan; most brackets hold no money unit).

    A unit statement is a ``(`` then a label, a separator and a unit, none holding a
    bracket, then ``)``; every money unit ends in 원 (MONEY_UNIT_ALT). So one can start
    only at a ``(`` whose next bracket is a ``)`` right after 원: what _UNIT_BRACKET
    finds, and no match of it holds a ``(`` of another, so none is skipped.
    """
    out: list[regex.Match[str]] = []
    end = 0
    for c in _UNIT_BRACKET.finditer(text):
        if c.start() < end:
            continue
        m = _INLINE_UNIT.match(text, c.start())
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def after_header_years(text: str, start: int, end: int) -> int:
    """Where the figures after a unit start once the column years heading them are
    passed: ``(억원) 2024 2025 …`` names two columns, it gives no 2024억원. The years are
    bare, rising and at least :data:`_HEADER_YEARS_MIN`; else ``start`` itself.

    >>> after_header_years("(억원) 2024 2025", 4, 14), after_header_years("(억원) 2024 120", 4, 13)
    (14, 4)
    """
    pos = start
    seen: list[int] = []
    for f in _FIGURE.finditer(text, start, end):
        num = f.group("num")
        if f.group("dec") or not _BARE_YEAR.fullmatch(num) or text[pos : f.start()].strip():
            break
        if seen and not seen[-1] < int(num) <= seen[-1] + _HEADER_YEAR_STEP:
            break
        seen.append(int(num))
        pos = f.end()
    return pos if len(seen) >= _HEADER_YEARS_MIN else start


def _is_chart_run(text: str, m: regex.Match[str], line_end: int) -> bool:
    """Whether the figures after a unit are a chart's: ``(단위: 조원)`` under a ``<그림 3>``
    caption, or a run whose figures read as axis ticks and signed data labels."""
    label = m.group("label") or ""
    if "단위" in label and _caption_kind_before(text, m.start()) not in (None, "표"):
        return True
    return looks_like_chart(text[m.end() : line_end])


def _caption_kind_before(text: str, pos: int, max_lines: int = 40) -> str | None:
    """The kind (그림, 표…) of the last caption before ``pos`` within ``max_lines`` lines."""
    start = pos
    floor = max(0, pos - _CAPTION_REACH)
    for _ in range(max_lines):
        if start <= floor:
            break
        # Searched back only as far as the caption may be, not to the text's start.
        start = max(floor, text.rfind("\n", floor, start - 1) + 1)
    kind: str | None = None
    # Bounded, so a long one-line document stays linear.
    for c in _CAPTION_ANY.finditer(text, start, pos):
        kind = c.group("kind")
    return kind


def _inside_year(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1] in "'["


def table_units(
    text: str, taken: list[Hit], doc_year: int | None, lines: LineIndex | None = None
) -> list[Hit]:
    """Figures in the table a ``(단위: 백만원)`` line heads (or closes, in some PDF text),
    each with the year of its column when the header names years, or of its row when
    rows open with a year.

    A unit line over bare figures with no label at all heads a chart, not a table. A
    percent-only unit line after it, over a chart and then a labelled table, belongs to the
    chart: that table takes the money unit of the caption block (``<표 1>``) both sit in.
    ``lines`` is the text's line index when the caller has it (``Context.lines``).
    """
    index = lines if lines is not None else LineIndex(text)
    spans = index.spans()
    hits: list[Hit] = []
    # A money unit line whose figures were a chart's: (line, multiplier).
    orphan: tuple[int, int] | None = None
    # Only a line holding one of _UNIT_WORDS gives units (_header_units): the others are
    # visited only while a chart's unit reaches, to see whether a caption ends it.
    after = 0
    for i in [*index.holding(text, _UNIT_WORDS), len(spans)]:
        if orphan is not None:
            for a, b in spans[after:i]:
                if _CAPTION.match(text[a:b]):
                    # A caption ends the reach of a chart's unit.
                    orphan = None
                    break
        if i == len(spans):
            break
        after = i + 1
        a, b = spans[i]
        units = _header_units(text, a, b)
        if not units:
            if orphan is not None and _CAPTION.match(text[a:b]):
                orphan = None
            continue
        money = [MONEY_UNITS[u] for u in units if u in MONEY_UNITS]
        borrowed = False
        if not money and orphan is not None and i - orphan[0] <= _ORPHAN_REACH:
            money = [orphan[1]]
            borrowed = True
        if not money or _near_chart(text, spans, i):
            continue
        region = _region(text, spans, i)
        # Page numbers (- 12 -) sit among the rows of PDF text; they are no cells.
        region = [j for j in region if not _PAGE_NUMBER.match(text, *spans[j])]
        labelled = [j for j in region if _ROW_LABEL.match(text[slice(*spans[j])])]
        if not labelled:
            if not borrowed:
                orphan = (i, money[0])
            continue
        head = [j for j in region if j < labelled[0]]
        if borrowed:
            # Only a chart's figures may stand between the borrowed unit and the table.
            if not looks_like_chart(" ".join(text[slice(*spans[j])] for j in head)):
                continue
            region = [j for j in region if j >= labelled[0]]
        orphan = None
        percent = not borrowed and any(u.startswith("%") for u in units)
        hits += _table_cells(text, spans, i, region, units, money[0], percent, doc_year)
    return untaken(hits, taken)


def _table_cells(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    region: list[int],
    units: list[str],
    unit: int,
    percent: bool,
    doc_year: int | None,
) -> list[Hit]:
    """The money cells of the table whose unit line is ``i`` and whose lines are ``region``."""
    hits: list[Hit] = []
    mixed = any(u in COUNTED_UNITS for u in units)
    # Under (단위: 조원, %p) a 증감 column is the change of a share, not money.
    points = any(u.startswith("%p") for u in units)
    rows = [(j, list(_CELL.finditer(text, *lines[j]))) for j in region]
    rows = [(j, [c for c in cs if not _cell_is_label(c, text)]) for j, cs in rows]
    first = next((k for k, (_, cs) in enumerate(rows) if cs), len(rows))
    header = " ".join(text[slice(*lines[j])] for j in [i] + [j for j, _ in rows[:first]])
    columns = _columns(header, doc_year)
    nums = [c for _, cs in rows for c in cs if c.group("num")]
    skip_decimals = percent and any("," in c.group("num") for c in nums)
    by_column = _column_major(text, lines, rows, first, len(columns))
    on = not mixed
    col = 0
    row_year: int | None = None
    last_single: str | None = None
    short = _short_rows(text, lines, rows, columns) if by_column is None else set()
    for j, cs in rows:
        row = text[slice(*lines[j])]
        if mixed:
            if _COUNT_LABEL.search(row):
                on = False
            elif _MONEY_LABEL.search(row):
                on = True
        y = _ROW_YEAR.match(row)
        if y is not None:
            row_year = year_of_match(y, doc_year)
            col = 0
            last_single = None
        elif _ROW_LABEL.match(row):
            col = 0
            last_single = None
            if _RATE_HEADER.fullmatch(row.strip()) or (
                points and _DIFF_HEADER.fullmatch(row.strip())
            ):
                on = False
        # The row's cells are counted before its rates go: under 2022년 2023년 2024년 증감,
        # 2,300,000 2,230,000 2,330,000 2,007,800 △222,200 △9.96 is one figure too many
        # (a year over two sub-columns whose header OCR lost), not a 증감 and its rate.
        n_cells = len(cs)
        cs = [c for c in cs if not (skip_decimals and c.group("num") and "." in c.group("num"))]
        if not cs:
            continue
        # One cell a line (PDF text): a dash or (figure) right after a figure is that
        # column's second value, not the next column.
        if len(cs) == 1 and last_single == "figure" and _is_second_value(cs[0]):
            col -= 1
        if j in short and (points or percent):
            # A short row stands in no known column, and under (단위: 조원, %p) its figure
            # may as well be a share's as money: its unit is unknown, so it is no amount.
            last_single = "other"
            continue
        # A whole row on one line must fill the header's columns, else its years are unknown.
        known = (len(cs) < 3 or _fits(n_cells, columns)) and j not in short
        ends = None if known or col else _row_ends(cs, columns)
        for k, c in enumerate(cs):
            year = columns[col] if known and 0 <= col < len(columns) else None
            if ends is not None:
                year = ends[k]
            if not columns:
                year = row_year
            elif by_column is not None:
                at = by_column.get(j)
                year = columns[at] if at is not None and at < len(columns) else None
            col += 1
            if not on or not c.group("num"):
                continue
            value = scaled_won(c.group("num"), bool(c.group("dec")), unit)
            if value is not None:
                start = c.start("num") if not c.group("dec") else c.start("dec")
                hits.append(
                    Hit(start, c.end("num"), value, bool(c.group("dec")), True, year, False)
                )
        last_single = "figure" if len(cs) == 1 and not _is_second_value(cs[0]) else "other"
    return hits


def _short_rows(
    text: str,
    lines: list[tuple[int, int]],
    rows: list[tuple[int, list[regex.Match[str]]]],
    columns: list[int | None],
) -> set[int]:
    """Lines of rows too short for the header: a line that opens with a label and holds
    fewer figures than the header has year columns, with no figure line after it that
    goes on with the row (a row wrapped over lines). Which columns such a row's figures
    stand in is unknown (OCR that read a table's columns apart leaves ``농림수산 0.01``
    under ``2022년 2023년 증감``: the figure may be any column's), so they take no year.

    >>> text = "2022년 2023년 증감\\nA 1.5\\nB 2.5 3.5\\n4.5"
    >>> spans = LineIndex(text).spans()
    >>> rows = [(j, list(_CELL.finditer(text, *spans[j]))) for j in (1, 2, 3)]
    >>> _short_rows(text, spans, rows, [2022, 2023, None])
    {1}
    """
    years = sum(1 for y in columns if y is not None)
    out: set[int] = set()
    if years < 2:
        return out
    for k, (j, cs) in enumerate(rows):
        if not cs or len(cs) >= years or not _ROW_LABEL.match(text[slice(*lines[j])]):
            continue
        nxt = next((c for c in rows[k + 1 :] if c[1]), None)
        if nxt is not None and not _ROW_LABEL.match(text[slice(*lines[nxt[0]])]):
            continue  # the figures go on on the next line: one row wrapped
        out.add(j)
    return out


def _row_ends(cs: list[regex.Match[str]], columns: list[int | None]) -> list[int | None] | None:
    """Years of a row with more money figures than its header has year columns: the
    first figure is the first year's and the last before the 증감 the last year's, however
    the extra sub-columns sit between; the ones between have no year that is certain.
    None when the row's figures are not all alike (thousands-grouped), as a stray mark
    read as a digit would shift its ends.

    >>> _row_ends(list(_CELL.finditer("2,300 2,230 2,330 2,007 △222")), [2022, 2023, 2024, None])
    [2022, None, None, 2024, None]
    """
    years = [y for y in columns if y is not None]
    money = cs[:-1] if columns and columns[-1] is None else cs
    if len(years) < 2 or len(money) <= len(years) or sorted(set(years)) != years:
        return None
    if not all(c.group("num") and "," in c.group("num") for c in money):
        return None
    out: list[int | None] = [None] * len(cs)
    out[0], out[len(money) - 1] = years[0], years[-1]
    return out


def _column_major(
    text: str,
    lines: list[tuple[int, int]],
    rows: list[tuple[int, list[regex.Match[str]]]],
    first: int,
    n_columns: int,
) -> dict[int, int] | None:
    """Column of each figure line when PDF text gives a table column by column: the row
    labels one a line, the header, then each column's figures one a line, as many as labels.
    None when the table reads row by row."""
    labels = 0
    top = ""  # the label nearest the header
    for j, _ in reversed(rows[:first]):
        line = text[slice(*lines[j])].strip()
        if not line:
            continue
        if _HEADER_TOKEN.search(line):
            if labels:
                break
            continue
        if not _ROW_LABEL.match(line):
            break
        labels += 1
        top = line
    run: list[int] = []
    for j, cs in rows[first:]:
        line = text[slice(*lines[j])].strip()
        if not line:
            continue
        if len(cs) != 1 or _ROW_LABEL.match(line):
            break
        run.append(j)
    # The first label may be the corner cell (분야명, 구분) rather than a row. Figures
    # filling every year column exactly tell best; then a 합계 right under the years
    # that heads a column of totals (구분 '26 … '30 합계, then the rows' labels): its
    # figures are the last column's, of no year.
    for n in (labels, labels - 1):
        if n >= 2 and len(run) == n * n_columns:
            return {j: k // n for k, j in enumerate(run)}
    n = labels - 1
    if squeeze(top) in TOTAL_ROWS and n >= 2 and len(run) == n * (n_columns + 1):
        return {j: k // n for k, j in enumerate(run)}
    for n in (labels, labels - 1):
        if n >= 2 and len(run) % n == 0 and 2 <= len(run) // n <= n_columns:
            return {j: k // n for k, j in enumerate(run)}
    return None


# A line gives units only if it holds one of these (see _header_units).
_UNIT_WORDS: Final = ("단위", "원)")


def _header_units(text: str, a: int, b: int) -> list[str]:
    """Units a line gives the table under it: ``(단위: 백만원, %)``, or a header row whose
    cells carry the unit (``구분 '24년(억원) '25년(억원)``) with no figures of its own;
    none for a line holding no word of :data:`_UNIT_WORDS`."""
    line = text[a:b]
    if "단위" in line:
        m = UNIT_STATEMENT.search(line)
        if m is not None:
            if len({u.group("units").strip() for u in UNIT_STATEMENT.finditer(line)}) > 1:
                # Two captions side by side (OCR of a two-chart row): the figures under
                # them mix both units, so neither applies.
                return []
            return units_of(m.group(0))
    if "(" not in line or "원)" not in line:
        # A unit in a header cell is in parentheses, and every money unit ends in 원
        # (MONEY_UNIT_ALT): most lines are told so at once, without the pattern's search.
        return []
    u = _INLINE_UNIT.search(line)
    if u is None or len(line.strip()) > 60:
        return []
    if _FIGURE.search(text, after_header_years(text, a + u.end(), b), b):
        return []
    if _SENTENCE_WORDS.search(line):
        return []
    return [unit_word(u.group("unit"))]


def _is_second_value(cell: regex.Match[str]) -> bool:
    return bool(cell.group("dash") or cell.group("open"))


def _cell_is_label(cell: regex.Match[str], text: str) -> bool:
    num = cell.group("num")
    return bool(num) and _is_year_like(num, text, cell.end())


def _columns(header: str, doc_year: int | None) -> list[int | None]:
    """Years of a table's columns: ``2023년 본예산(A) 추경`` is two 2023 columns, ``증감``
    a column of no year. Empty when the header names fewer than two years.

    A budget sheet's two-row header (``2023년 결산 2024년 2025년 증감`` over ``당초 수정
    확정``) lists sub-columns after all the years: each goes under the year above it.

    >>> _columns("2022년 결산 2023년 2024년 증감 당초(A) 수정 확정(B) (B-A)/A", None)
    [2022, 2023, 2023, 2024, None]
    >>> _columns("'23년 '24년 '25년", 2025), _columns("2024년 본예산 추경 2025년 요구", None)
    ([2023, 2024, 2025], [2024, 2024, 2025])
    """
    # Each year group: [year, labels under it, whether a label sat right after the year].
    groups: list[list[int | bool]] = []
    loose: list[tuple[str, int]] = []  # labels not right after a year, with the group before
    diffs = 0
    fresh = False
    for t in _HEADER_TOKEN.finditer(header):
        if t.group("four") or t.group("two"):
            groups.append([year_of_match(t, doc_year), 0, False])
            fresh = True
        elif t.group("label"):
            if fresh:
                groups[-1][1] = 1
                groups[-1][2] = True
            elif groups:
                loose.append((t.group("label"), len(groups) - 1))
            fresh = False
        else:
            diffs += 1
            fresh = False
    if len(groups) < 2:
        return []
    bare = [k for k, g in enumerate(groups) if not g[2]]
    request = any(label in REQUEST_STAGES for label, _ in loose)
    for n, (label, before) in enumerate(loose):
        if not bare:
            target = before
        elif label in REQUEST_STAGES or len(bare) == 1:
            target = bare[-1]
        elif request:
            target = bare[0] if label in ACTUAL_STAGES else bare[max(0, len(bare) - 2)]
        else:
            target = bare[min(n, len(bare) - 1)]
        groups[target][1] = int(groups[target][1]) + 1
    columns: list[int | None] = []
    for year, count, _ in groups:
        columns += [int(year)] * max(1, int(count))
    return columns + [None] * min(diffs, 1)


def _fits(cells: int, columns: list[int | None]) -> bool:
    """Whether a row of ``cells`` figures fills the header's columns; a trailing 증감 may
    split into an amount and a rate."""
    if cells == len(columns):
        return True
    return bool(columns) and columns[-1] is None and len(columns) < cells <= len(columns) + 1


def _is_year_like(num: str, text: str, end: int) -> bool:
    if _YEAR_OR_CODE.fullmatch(num):
        return True
    return bool(_COUNT_AFTER.match(text[end : end + 3]))


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
    if _SENTENCE_WORDS.search(s):
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


def arrows(text: str, explicit: list[Hit]) -> list[Hit]:
    """``(’24) 900 → (’25) 1,200억원``: the figure takes the unit of the amount after the arrow."""
    if not any(arrow in text for arrow in _ARROWS):
        # Most documents have no arrow: their figures are not scanned for one.
        return []
    by_start = {h.start: h for h in explicit}
    hits = []
    for m in _arrow_figures(text):
        # Matched in place, not on the rest of the text sliced off (a copy per figure).
        nxt = _ARROW_AFTER.match(text, m.end())
        if nxt is None:
            continue
        target = by_start.get(nxt.end())
        if target is None:
            continue
        value = scaled_won(m.group("num"), False, _unit_of(text[target.start : target.end]))
        if value is not None:
            hits.append(Hit(m.start(), m.end(), value, False, True))
    return hits


def _arrow_figures(text: str) -> list[regex.Match[str]]:
    """What ``_ARROW_FIGURE.finditer(text)`` gives, the pattern tried only where a figure
    may stand before an arrow (most figures of a text stand before none).

    A match is a figure (digits, ``,`` and ``.``) its look-behind lets start only where
    no such character stands before it, then white space and an arrow: so for each arrow,
    only the start of the run of figure characters before it (past the white space)
    can start one. Those runs, one before each arrow, are apart, and in text order.
    """
    arrows = sorted(at for arrow in _ARROWS for at in occurrences(text, arrow))
    out: list[regex.Match[str]] = []
    end = 0
    for q in arrows:
        run = _FIGURE_RUN_BEFORE.match(text, end, q)
        if run is None:
            continue
        m = _ARROW_FIGURE.match(text, run.start())
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def paren_lists(text: str, explicit: list[Hit]) -> list[Hit]:
    """``사업A(47억원), 사업B(45), 사업C(39)``: bare figures in parentheses after an amount
    in parentheses take its unit, up to the end of the sentence."""
    hits = []
    opened = [
        h
        for h in sorted(explicit, key=lambda h: h.start)
        if h.start > 0 and text[h.start - 1] == "(" and text[h.end : h.end + 1] == ")"
    ]
    for i, h in enumerate(opened):
        # Up to the sentence end, or to the next amount in parentheses, which takes over
        # (scanning to the sentence end from every amount is quadratic on long lines).
        limit = opened[i + 1].start if i + 1 < len(opened) else len(text)
        end_m = SEGMENT_END.search(text, h.end, limit)
        end = end_m.start() if end_m else limit
        unit = _unit_of(text[h.start : h.end])
        for f in _PAREN_FIGURE.finditer(text, h.end, end):
            value = scaled_won(f.group("num"), False, unit)
            if value is not None:
                hits.append(Hit(f.start("num"), f.end("num"), value, False, True))
    return hits


def funding_splits(text: str, explicit: list[Hit]) -> list[Hit]:
    """``총사업비 100억원(국비 50, 지방비 50)``: payers' bare figures in the parenthesis
    right after an amount take its unit."""
    hits = []
    for h in explicit:
        m = _SPLIT_PAREN.match(text, h.end, h.end + _SPLIT_REACH)
        if m is None:
            continue
        unit = _unit_of(text[h.start : h.end])
        for f in _SPLIT_ITEM.finditer(text, m.start("body"), m.end("body")):
            value = scaled_won(f.group("num"), False, unit)
            if value is not None:
                hits.append(Hit(f.start("num"), f.end("num"), value, False, True))
    return hits


def untaken(hits: list[Hit], taken: list[Hit]) -> list[Hit]:
    """The ``hits`` that share no character with any of ``taken`` (by bisection, so a
    document with thousands of figures stays fast)."""
    spans = sorted((t.start, t.end) for t in taken)
    starts = [a for a, _ in spans]
    # Largest end among the spans starting at or before each index.
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out = []
    for h in hits:
        k = bisect_left(starts, h.end)
        if k and reach[k - 1] > h.start:
            continue
        out.append(h)
    return out


def overlaps(h: Hit, others: list[Hit]) -> bool:
    """True when ``h`` shares a character with any of ``others``."""
    return any(h.start < o.end and o.start < h.end for o in others)


__all__ = [
    "Hit",
    "after_header_years",
    "arrows",
    "funding_splits",
    "inline_units",
    "overlaps",
    "paren_lists",
    "table_units",
    "untaken",
]
