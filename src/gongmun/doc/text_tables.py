"""Tables written out as text: markdown pipe tables and flattened rows, as :class:`Table`.

Two shapes are read from the normalized text, each in one pass over its lines:

* ``markdown``: lines ``| 구분 | 사업명 | ’25년 예산 |``; rows above ``|---|`` are headers,
  and so are figure-less rows right under it (a two-row header); an empty header cell
  after a filled one continues it (``| 2024년 | |`` spans its two sub-columns).
* ``text_flat``: rows a PDF text layer or an aligned-space table left one to a line, a
  label and then figures (``국 비 1,000 2,000 3,000``), under a header line naming the
  columns (``구 분 2025 2026 2027 합 계``), maybe over a second header line of
  sub-columns (``당초(A) 수정 정부안(B)``). Figures a text layer ran together
  (``계1,2003,4004,600``) are told apart by their thousands groups.

Around each table: the unit statement before or after it (``(단위: 백만원, %)``, PDF text
layers often move it below the table) and the caption or heading line above it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise, repeat
from operator import add, attrgetter
from typing import Final, NamedTuple

import regex

from gongmun.doc.column_words import (
    ACTUAL_STAGES,
    COUNT_HEADERS,
    CURRENT_STAGES,
    DIFF_HEADERS,
    RATE_HEADERS,
    REQUEST_STAGES,
    STAGE_WORDS,
    TOTAL_HEADERS,
)
from gongmun.doc.columns import UNIT_STATEMENT, is_figure, units_of
from gongmun.doc.tables import Cell, Table, not_overlapping

_MD_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_MD_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+(?:[ \t]*:?-{2,}:?[ \t]*)?[ \t]*$")
_MD_CELL = re.compile(r"\|([^|\n]*)(?=\|)")
# A row of cells parted by pipes without the outer ones (구분 | 2025년(억원) | 비중(%)):
# a table when two lines or more in a row have the same number of pipes.
_BARE_ROW = re.compile(r"^[ \t]*[^|\s][^|\n]*(?:\|[^|\n]*){2,}$")
_BARE_CELL = re.compile(r"(?:^|\|)([^|\n]*)")
# A figure token of a flattened row: 1,234 / △12.5 / -300 / (300) / - (an empty cell).
_FIG_BODY = r"\(?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?%?"
_FIG = rf"(?:[△▽]\s?|-)?{_FIG_BODY}|-"
_FIG_TOKEN = re.compile(rf"(?<!\S)(?:{_FIG})(?!\S)")
_FIG_WORD = re.compile(_FIG)
# The words of a line that are one figure each (_FIG_WORD.fullmatch of each word of
# str.split), found in one scan: words are parted by regex white space and by U+001C..U+001F
# (white space to str.split only), and hold none, so _FIG's \s? matches nothing in them.
_CELL_FIGURES = re.compile(rf"(?<![^\s\x1c-\x1f])(?:[-△▽]?{_FIG_BODY}|-)(?![^\s\x1c-\x1f])")
_WORD = regex.compile(r"\S+")
# A line's last word, found from its end (what _row_of tests first).
_LAST_WORD = regex.compile(r"\S+", regex.REVERSE)
_TRAILING_PAREN = re.compile(r"\(.*\)$")
_RUN_WORD = re.compile(r"\d[\d,.]*")
# Hangul (or a closing bracket) run straight into digits with thousands commas: 국비1,2003,400.
_GLUED = re.compile(r"(?<=[가-힣)\]])(?=\d[\d,]*,\d{3})")
_VALID_NUMBER = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})*|0)(?:\.\d+)?")
_CAPTION = re.compile(r"^\s*(?:[<\[〈【]\s*(?:표|그림)?\s*\d*[^>\]〉】\n]*[>\]〉】]|\[?표\s*\d)")
# The characters a stripped line must open with for _CAPTION to match it.
_CAPTION_OPENERS: Final = frozenset("<[〈【표")
# A heading line: a bullet, a number, or a markdown heading (## Ⅱ. 2026년 세부 추진계획).
_HEADING = re.compile(r"^\s*(?:[□■○●◦ㅇ❍▶◇◆※-]|\d{1,2}\s*[.)]\s|[가-하]\.\s|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|#{1,6}\s)")
_YEARISH = re.compile(r"^(?:(?:19|20)\d{2}|'\s?\d{2})(?:년도?)?$")
_PAREN_TOKEN = re.compile(r"^\([^()]*\)$")
_SENTENCE = re.compile(r"(?:다|음|함|임|됨)\.?$|니다|[.?!]$")
# What _is_sentence tests instead of _SENTENCE (the same on a stripped line).
_SENTENCE_ENDS: Final = tuple("다음함임됨.?!")
# A row label that is a sentence: ending in 다 or a period. A noun ending in 함, 음, 임
# or 됨 without one is a label (대형 경비함, 잠수함), not the 개조식 ending 추진함.
_LABEL_SENTENCE = re.compile(r"(?:다|[음함임됨]\.)$|니다|[.?!]$")
# Figures per row this many or more make a line a row even with no header around it.
_MIN_FIGURES: Final = 2
# How many lines a unit statement or caption may stand away from its table.
_REACH: Final = 3
# In OCR text: noise lines a year header may stand above its row, and how far above the
# header a table caption's unit statement may stand (a chart read between).
_OCR_NOISE_LINES: Final = 2
_OCR_UNIT_REACH: Final = 30
_FOUR_YEAR = re.compile(r"(?:19|20)\d{2}")
_TABLE_CAPTION = re.compile(r"^\s*[<\[〈【]\s*표\s*\d")
# Spaces this many or more between two words part two columns (aligned text).
_COLUMN_GAP: Final = 3
# A header line longer than this is prose.
_HEADER_MAX: Final = 120
_STAGES: Final = frozenset(STAGE_WORDS)
# A line longer than this is prose, not a row; a label longer than this is a sentence.
_ROW_MAX: Final = 300
_LABEL_MAX: Final = 60
# One cell a line: a cell's length and words at most, the columns tried, the run read.
_CELL_MAX: Final = 40
_CELL_WORDS: Final = 6
_CELL_COLS_MIN: Final = 3
_CELL_COLS_MAX: Final = 12
_RUN_MAX: Final = 2000
# The fewest cell lines a table one cell a line takes: a header of at least one cell
# fewer than its width, and one row of ``width`` cells (_cells_per_line's smallest).
_CELL_RUN_MIN: Final = 2 * _CELL_COLS_MIN - 1
# Longest glued run split, and longest figure in it (bounded: linear in the run).
_GLUED_MAX: Final = 80
_FIGURE_MAX: Final = 24


class _Line(NamedTuple):
    # A tuple, not a frozen dataclass: one is made for every line of every document.
    start: int
    end: int
    text: str


_START = attrgetter("start")
_PLUS_ONE = (1).__add__
_NEW_TUPLE = tuple.__new__


def _lines(text: str) -> list[_Line]:
    """Every line of ``text`` with its span, line breaks left out (:func:`_lines_plain`).

    Built by C-level maps, not a loop: one is made for every line of every document.
    ``tuple.__new__`` is what a named tuple's own constructor calls, here without its
    Python-level ``__new__`` per line.
    """
    parts = text.split("\n")
    lengths = list(map(len, parts))
    starts = list(accumulate(map(_PLUS_ONE, lengths), initial=0))
    starts.pop()
    spans = zip(starts, map(add, starts, lengths), parts, strict=True)
    return list(map(_NEW_TUPLE, repeat(_Line), spans))


def _lines_plain(text: str) -> list[_Line]:
    """:func:`_lines` as a loop: the form the tests hold it to."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append(_Line(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def find_text_tables(text: str, ocr: bool = False) -> list[Table]:
    """Tables written out in ``text`` (normalized), with offsets into it, in reading order.

    ``ocr``: the text is OCR output, where a chart or the other column read across may
    put lines of noise between a table's year header and its rows, and between its
    caption's unit statement and the table (see :func:`_ocr_year_header`).

    >>> t = find_text_tables("(단위: 억원)\\n| 구분 | '25년 |\\n|---|---|\\n| 합계 | 1,200 |")[0]
    >>> t.source, t.unit, t.header_rows, t.rows_text()
    ('markdown', '(단위: 억원)', 1, (('구분', "'25년"), ('합계', '1,200')))
    """
    lines = _lines(text)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        line = lines[i].text
        if not line.strip():
            # A blank line opens no table (each test below says no to it): most lines of
            # PDF text are.
            i += 1
            continue
        # Pipe rows are looked for only on lines with a pipe.
        piped = "|" in line
        if piped and _MD_ROW.match(line):
            j = i
            while j < len(lines) and _MD_ROW.match(lines[j].text):
                j += 1
            t = _markdown(lines, i, j)
            if t is not None:
                tables.append(t)
            i = j
            continue
        if piped and _BARE_ROW.match(line):
            pipes = line.count("|")
            j = i + 1
            while (
                j < len(lines)
                and lines[j].text.count("|") == pipes
                and (_BARE_ROW.match(lines[j].text) or _MD_RULE.match(lines[j].text))
            ):
                j += 1
            if j - i >= 2:
                # The run is read once, table or not (linear time).
                t = _markdown(lines, i, j)
                if t is not None:
                    tables.append(t)
                i = j
                continue
        t, j = _flat(lines, i, ocr)
        if t is None and j <= i + 1 and _is_cell_line(line):
            found, j = _cells_per_line(lines, i)
            tables.extend(found)
        elif t is not None:
            tables.append(t)
        # A run of rows no header or unit makes a table is skipped whole (linear time).
        i = max(j, i + 1)
    return tables


# --- surroundings ---------------------------------------------------------------------------


def _unit_line(line: str) -> str | None:
    """The unit statement a line holds (``(단위: 억원, %)``), if it names a unit."""
    if "단" not in line:
        return None
    m = UNIT_STATEMENT.search(line)
    if m is None or not units_of(m.group()):
        return None
    return m.group().strip()


def _around(lines: list[_Line], first: int, last: int) -> tuple[str | None, str | None, int, int]:
    """Caption and unit statement around table lines ``first..last`` (inclusive), and the
    first and last line index they take in."""
    caption: str | None = None
    unit: str | None = None
    top, bottom = first, last
    k = first - 1
    seen = 0
    while k >= 0 and seen < _REACH:
        s = lines[k].text.strip()
        k -= 1
        if not s:
            continue
        seen += 1
        u = _unit_line(s)
        if u is not None and unit is None:
            unit = u
            top = k + 1
            rest = s.replace(u, "").strip()
            if rest and (_CAPTION.match(rest) or _HEADING.match(rest) or len(rest) <= 40):
                caption = rest
                break
            continue
        if _CAPTION.match(s) or (_HEADING.match(s) and len(s) <= 60):
            caption = s
            top = k + 1
        break
    if unit is None:
        k = last + 1
        seen = 0
        while k < len(lines) and seen < 2:
            s = lines[k].text.strip()
            k += 1
            if not s:
                continue
            seen += 1
            u = _unit_line(s)
            if u is not None and len(s) <= len(u) + 4:
                unit = u
                bottom = k - 1
                break
    return caption, unit, top, bottom


# --- markdown -------------------------------------------------------------------------------


def _md_cells(line: _Line) -> list[tuple[int, int, str]]:
    """Cells of a pipe row: (start, end, text) with the text's exact span, trimmed."""
    out = []
    cells = _MD_CELL if line.text.lstrip().startswith("|") else _BARE_CELL
    for m in cells.finditer(line.text):
        raw = m.group(1)
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        a = line.start + m.start(1) + lead
        out.append((a, a + len(body), body))
    return out


def _markdown(lines: list[_Line], i: int, j: int) -> Table | None:
    rows: list[list[tuple[int, int, str]]] = []
    rule: int | None = None
    for k in range(i, j):
        if _MD_RULE.match(lines[k].text):
            if rule is None:
                rule = len(rows)
            continue
        rows.append(_md_cells(lines[k]))
    if len(rows) < 2:
        return None
    header = rule if rule is not None else _leading_headers(rows)
    # Figure-less rows with an empty corner under the rule continue the header.
    while (
        rule is not None
        and header < len(rows) - 1
        and rows[header]
        and not rows[header][0][2]
        and not any(is_figure(c[2]) for c in rows[header])
    ):
        header += 1
    n_cols = max(len(r) for r in rows)
    cells: list[Cell] = []
    for r, row in enumerate(rows):
        for k, (a, b, body) in enumerate(row):
            if not body:
                continue
            span = 1
            if r < header - 1:
                # An upper header cell spans the empty cells after it (| 2024년 | |).
                while k + span < len(row) and not row[k + span][2]:
                    span += 1
            cells.append(Cell(r, k, body, colspan=span, header=r < header, start=a, end=b))
    caption, unit, _, _ = _around(lines, i, j - 1)
    return Table(
        tuple(cells),
        len(rows),
        n_cols,
        header_rows=header,
        caption=caption,
        unit=unit,
        start=lines[i].start,
        end=lines[j - 1].end,
        source="markdown",
    )


def _leading_headers(rows: list[list[tuple[int, int, str]]]) -> int:
    n = 0
    for row in rows:
        if any(is_figure(c[2]) and not _YEARISH.match(c[2]) for c in row):
            break
        n += 1
    return min(n, len(rows) - 1)


# --- flattened rows -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    label: tuple[int, int, str] | None
    figures: tuple[tuple[int, int, str], ...]


def _split_glued(a: int, token: str) -> list[tuple[int, int, str]] | None:
    """A run of figures a text layer glued (``1,2003,4004,600``) split by thousands
    groups into the fewest figures; None when the run is one figure or the fewest
    figures split it more than one way."""
    if _VALID_NUMBER.fullmatch(token) or token.isdigit():
        # Digits alone hold no thousands group to split by (2000 is a year, not 200 0).
        return None
    n = len(token)
    if n > _GLUED_MAX or not _RUN_WORD.fullmatch(token):
        return None
    # best[p]: (fewest figures in token[p:], first cut, whether another split ties).
    best: list[tuple[int, int, bool] | None] = [None] * (n + 1)
    best[n] = (0, n, False)
    for p in range(n - 1, -1, -1):
        found: tuple[int, int, bool] | None = None
        for q in range(p + 1, min(n, p + _FIGURE_MAX) + 1):
            after = best[q]
            if after is None or (q < n and token[q] in ",."):
                continue
            if not _VALID_NUMBER.fullmatch(token, p, q):
                continue
            count = after[0] + 1
            if found is None or count < found[0]:
                found = (count, q, after[2])
            elif count == found[0]:
                found = (count, found[1], True)
        best[p] = found
    top = best[0]
    if top is None or top[2] or top[0] < 2:
        return None
    out = []
    p = 0
    while p < n:
        step = best[p]
        assert step is not None
        out.append((a + p, a + step[1], token[p : step[1]]))
        p = step[1]
    return out


def _row_of(line: _Line) -> _Row | None:
    """A line as a table row: its label and its trailing figures (two at least).

    A row ends in a figure (or in figures glued to its label, which hold a thousands
    comma): most lines do not, and are told so from their last character or their last
    word without being read word by word (:func:`_read_row` gives None for them too).
    """
    s = line.text
    content = s.rstrip()
    if len(s) > _ROW_MAX or not content or not _may_end_figure(content[-1]):
        return None
    last = _LAST_WORD.search(s)
    if (
        last is not None
        and not _is_figure_word(last.group())
        and ("," not in last.group() or _GLUED.search(s, last.start(), last.end()) is None)
    ):
        return None
    return _read_row(line)


def _read_row(line: _Line) -> _Row | None:
    """:func:`_row_of` read word by word, with no early answer (what the tests hold it to)."""
    s = line.text
    if len(s) > _ROW_MAX:
        return None
    words = [(m.start(), m.end()) for m in _WORD.finditer(s)]
    k = len(words)
    while k > 0 and _is_figure_word(s[words[k - 1][0] : words[k - 1][1]]):
        k -= 1
    figures = [(line.start + a, line.start + b, s[a:b]) for a, b in words[k:]]
    label_end = words[k - 1][1] if k else 0
    glued = []
    for f in figures:
        parts = _split_glued(f[0], f[2]) if f[2][:1].isdigit() else None
        glued.extend(parts if parts is not None else [f])
    figures = glued
    if k:
        # 국비1,2003,4004,600: the figures start where the digits meet the label.
        a, b = words[k - 1]
        g = _GLUED.search(s, a, b)
        if g is not None:
            run = s[g.start() : b]
            split = _split_glued(line.start + g.start(), run)
            if split is None and _VALID_NUMBER.fullmatch(run):
                split = [(line.start + g.start(), line.start + b, run)]
            if split is not None:
                figures = split + figures
                label_end = g.start()
    numeric = [f for f in figures if f[2] != "-"]
    if len(figures) < _MIN_FIGURES or not numeric:
        return None
    if all(_YEARISH.match(f[2]) for f in numeric):
        # 구분 2025 2026 2027: a header naming years, not a row of figures; and a line of
        # years only (1970 1974 1978) is a chart's axis, no row labelled by its first year.
        return None
    if k == 0 and len(figures) >= _MIN_FIGURES + 1 and _YEARISH.match(figures[0][2]):
        # 2021 1,234 120: years down the side label their rows.
        lab0 = figures[0]
        return _Row(lab0, tuple(figures[1:]))
    lead = len(s) - len(s.lstrip())
    label = s[lead:label_end].strip()
    if label and (_LABEL_SENTENCE.search(label) or len(label) > _LABEL_MAX):
        return None
    lab = (line.start + lead, line.start + lead + len(label), label) if label else None
    return _Row(lab, tuple(figures))


def _is_figure_word(word: str) -> bool:
    """A figure, or figures glued into one word (``1,2003,4004,600``)."""
    if not _may_open_figure(word):
        return False
    if _FIG_WORD.fullmatch(word):
        return True
    return _RUN_WORD.fullmatch(word) is not None and _split_glued(0, word) is not None


def _may_end_figure(c: str) -> bool:
    """Whether a row's figures may end in character ``c``: a figure (or a glued run split
    into figures) ends in a digit, ``)``, ``%`` or ``-``, never in a Hangul syllable or
    another ASCII character (most lines end so, and are told so without a regex)."""
    if "가" <= c <= "힣":
        return False
    return not c.isascii() or c in "0123456789)%-"


def _may_open_figure(word: str) -> bool:
    """Whether ``word`` may be a figure by its first character: a Hangul syllable or an
    ASCII character other than a digit, ``-`` or ``(`` opens none (most words are told so
    without a regex)."""
    c = word[:1]
    if not c or "가" <= c <= "힣":
        return False
    return not c.isascii() or c in "0123456789-("


def _is_header(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > _HEADER_MAX or _is_sentence(s):
        return False
    if (_HEADING.match(s) and not s.startswith("-")) or _CAPTION.match(s):
        return False
    if _unit_line(s):
        return _unit_over_years(s)
    tokens = s.split()
    if any(is_figure(t) and not _YEARISH.match(t) for t in tokens):
        return False
    return len(tokens) >= 2


def _unit_over_years(line: str) -> bool:
    """A unit statement followed by column years only: ``(단위: 억원) 2024 2025`` is the
    header row, its statement the corner cell (never a unit line above the table)."""
    unit = _unit_line(line)
    if unit is None or not line.strip().startswith(unit):
        return False
    years = line.strip()[len(unit) :].split()
    return len(years) >= 2 and all(_YEARISH.match(t) for t in years)


def _flat(lines: list[_Line], i: int, ocr: bool = False) -> tuple[Table | None, int]:
    """A flattened table whose first row is line ``i``, and the line after it."""
    first = _row_of(lines[i])
    if first is None or first.label is None:
        return None, i + 1
    rows = [(i, first)]
    j = i + 1
    while j < len(lines):
        r = _row_of(lines[j])
        if r is None:
            break
        rows.append((j, r))
        j += 1
    # Header lines right above the first row (one or two), figure-free.
    heads: list[int] = []
    k = i - 1
    while k >= 0 and len(heads) < 2 and _is_header(lines[k].text):
        heads.insert(0, k)
        k -= 1
    width = max(len(r.figures) for _, r in rows)
    ocr_head = _ocr_year_header(lines, i, width) if ocr else None
    if ocr_head is not None and not (heads and _year_line(lines[heads[-1]].text, width)):
        heads = [ocr_head]
    if not heads and (len(rows) < 2 or not _has_unit_near(lines, i, j - 1)):
        return None, j
    header_cells, n_header_rows = _header(lines, heads, width)
    cells: list[Cell] = list(header_cells)
    for n, (_, r) in enumerate(rows):
        row = n_header_rows + n
        if r.label is not None:
            cells.append(Cell(row, 0, r.label[2], start=r.label[0], end=r.label[1]))
        # A short row fills its columns from the left (a missing last cell is common).
        for k2, (a, b, t) in enumerate(r.figures):
            cells.append(Cell(row, 1 + k2, t, start=a, end=b))
    first_line = heads[0] if heads else i
    caption, unit, _, _ = _around(lines, first_line, j - 1)
    if unit is None and heads and _unit_over_years(lines[heads[0]].text):
        unit = _unit_line(lines[heads[0]].text)
    if unit is None and ocr_head is not None and heads == [ocr_head]:
        caption, unit = _ocr_caption_unit(lines, first_line) or (caption, unit)
    table = Table(
        tuple(cells),
        n_header_rows + len(rows),
        1 + width,
        header_rows=n_header_rows,
        caption=caption,
        unit=unit,
        start=lines[first_line].start + _indent(lines[first_line].text),
        end=lines[j - 1].end,
        source="text_flat",
    )
    return table, j


def _year_line(line: str, width: int) -> bool:
    """Whether ``line`` ends in ``width`` rising four-digit years (a year header).

    >>> _year_line("융자규모   증가율   2019  2020  2021", 3), _year_line("2021 2020 2022", 3)
    (True, False)
    """
    tokens = line.split()
    if width < 2 or len(tokens) < width:
        return False
    tail = tokens[-width:]
    if not all(_FOUR_YEAR.fullmatch(t) for t in tail):
        return False
    years = [int(t) for t in tail]
    return all(a < b for a, b in pairwise(years))


def _ocr_year_header(lines: list[_Line], i: int, width: int) -> int | None:
    """In OCR text, the year header over the row at line ``i``: the nearest line above
    ending in ``width`` rising years, with at most :data:`_OCR_NOISE_LINES` lines between
    that are neither rows nor headers of their own (a chart's labels or the other column
    read across: ``으,ㄴ6, ㄴㄴ``, ``모시시 <52>2022~2023년도분야별``). A row of figures
    between ends the search: the header is another table's."""
    k = i - 1
    noise = 0
    while k >= 0 and noise <= _OCR_NOISE_LINES:
        line = lines[k]
        k -= 1
        if not line.text.strip():
            continue
        if _year_line(line.text, width):
            return k + 1
        if _row_of(line) is not None or _unit_line(line.text) or _CAPTION.match(line.text):
            return None
        noise += 1
    return None


def _ocr_caption_unit(lines: list[_Line], first: int) -> tuple[str, str] | None:
    """In OCR text, the caption and unit statement of a table whose header is line
    ``first``: the nearest unit statement within :data:`_OCR_UNIT_REACH` lines above,
    right under a ``<표 N>`` caption (the block a table's caption opens); a caption
    line between ends the search (the unit is another table's or chart's)."""
    for k in range(first - 1, max(-1, first - 1 - _OCR_UNIT_REACH), -1):
        s = lines[k].text.strip()
        if _CAPTION.match(s):
            return None
        unit = _unit_line(s)
        if unit is None:
            continue
        above = (lines[c].text.strip() for c in range(k - 1, max(-1, k - 1 - _OCR_UNIT_REACH), -1))
        for caption in list(filter(None, above))[:_REACH]:
            if _TABLE_CAPTION.match(caption):
                return caption, unit
        return None
    return None


def _indent(s: str) -> int:
    return len(s) - len(s.lstrip())


def _has_unit_near(lines: list[_Line], first: int, last: int) -> bool:
    _, unit, _, _ = _around(lines, first, last)
    return unit is not None


def _tokens(line: _Line) -> list[tuple[int, int, str]]:
    """Header cells of a header line: words, with single syllables rejoined (``구 분``),
    a stage after its year (``2023년 결산``) and a parenthesis after its word (``증감 (B-A)``)."""
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(line.text):
        a, b, t = line.start + m.start(), line.start + m.end(), m.group()
        if out:
            pa, pb, pt = out[-1]
            # 구 분, 연  도: spaced-out syllables of one word, never across a column gap.
            near = a - pb < _COLUMN_GAP
            single = (
                near
                and len(t) == 1
                and len(pt.replace(" ", "")) <= 2
                and _hangul(pt)
                and _hangul(t)
            )
            stage = _YEARISH.match(pt) is not None and t.rstrip("()AB-") in _STAGES
            stage = stage or (
                _YEARISH.match(pt) is not None and _TRAILING_PAREN.sub("", t) in _STAGES
            )
            # 증감 (B-A): a parenthesis closes the word before it, unless that word has
            # its own already (정부안(B) (B-A) are two sub-columns).
            paren = _PAREN_TOKEN.match(t) and not _YEARISH.match(pt) and not pt.endswith(")")
            if single or stage or paren:
                out[-1] = (pa, b, line.text[pa - line.start : b - line.start])
                continue
        out.append((a, b, t))
    return out


def _hangul(t: str) -> bool:
    return bool(t) and all("가" <= ch <= "힣" or ch == " " for ch in t)


def _header(lines: list[_Line], heads: list[int], width: int) -> tuple[list[Cell], int]:
    """Header cells over ``width`` figure columns (plus the label column 0)."""
    if not heads:
        return [], 0
    top = _tokens(lines[heads[0]])
    if len(heads) == 2:
        sub = _tokens(lines[heads[1]])
        two = _two_rows(top, sub, width)
        if two is not None:
            return two, 2
        # Not sub-columns: the upper line is a title or a first header row of its own.
        top = sub
    top = _year_words(top, width)
    cells: list[Cell] = []
    values = top[-width:] if len(top) >= width else top
    label = top[: len(top) - len(values)]
    if label:
        a, b = label[0][0], label[-1][1]
        cells.append(Cell(0, 0, " ".join(t for _, _, t in label), header=True, start=a, end=b))
    offset = 1 + (width - len(values)) if len(top) > width or label else 1
    for n, (a, b, t) in enumerate(values):
        cells.append(Cell(0, offset + n, t, header=True, start=a, end=b))
    return cells, 1


# Words that head a column of their own, never a year's stage.
_OWN_COLUMN_WORDS: Final = DIFF_HEADERS + RATE_HEADERS + TOTAL_HEADERS + COUNT_HEADERS


def _year_words(top: list[tuple[int, int, str]], width: int) -> list[tuple[int, int, str]]:
    """A header with more words than its table has columns (``width`` figures and a
    label): a year and the Hangul word after it are one column, as a stage the list
    lacks or OCR garbled (``2022년 본예삽 2023년 예산압 증감``) must not push each year
    one column right. Words that head a column of their own (증감, 합계, 비중) never join.

    >>> [t for _, _, t in _year_words([(0, 3, "분야명"), (4, 9, "2022년"), (10, 13, "본예삽"),
    ...     (14, 19, "2023년"), (20, 23, "예산압"), (24, 26, "증감")], 3)]
    ['분야명', '2022년 본예삽', '2023년 예산압', '증감']
    """
    extra = len(top) - (width + 1)
    if extra <= 0:
        return top
    out: list[tuple[int, int, str]] = []
    for a, b, t in top:
        if extra and out and _YEARISH.match(out[-1][2]) and _joins_year(t):
            pa, _, pt = out[-1]
            out[-1] = (pa, b, f"{pt} {t}")
            extra -= 1
            continue
        out.append((a, b, t))
    # Only a header the joins make fit is read so; else the words stay as they were.
    return out if not extra else top


def _joins_year(t: str) -> bool:
    return _hangul(t) and _YEARISH.match(t) is None and not any(w in t for w in _OWN_COLUMN_WORDS)


def _two_rows(
    top: list[tuple[int, int, str]], sub: list[tuple[int, int, str]], width: int
) -> list[Cell] | None:
    """A budget sheet's two-row header: years on the first line, the sub-columns of
    the years that name no stage (당초, 수정, 정부안) on the second, and the formulas of a
    closing 증감 (``(B-A) (B-A)/A``) under it."""
    label = [t for t in top[:1] if not _YEARISH.match(t[2].split()[0])]
    groups = top[len(label) :]
    bare = [n for n, g in enumerate(groups) if _YEARISH.match(g[2])]
    if not bare or not sub:
        return None
    spans = [1] * len(groups)
    # Sub-columns of the groups after the last year: the formulas closing the line.
    tail = list(range(bare[-1] + 1, len(groups)))
    n_tail = 0
    while n_tail < len(sub) and _FORMULA.match(sub[len(sub) - 1 - n_tail][2]):
        n_tail += 1
    if n_tail and len(tail) == 1:
        spans[tail[0]] = n_tail
    elif n_tail and len(tail) != n_tail:
        n_tail = 0
    under = _under_years([s[2] for s in sub[: len(sub) - n_tail]], len(bare))
    if under is None:
        return None
    for n, g in enumerate(bare):
        spans[g] = under[n]
    if sum(spans) != width:
        return None
    cells: list[Cell] = []
    if label:
        a, b, t = label[0]
        cells.append(Cell(0, 0, t, rowspan=2, header=True, start=a, end=b))
    col = 1
    s = 0
    subbed = set(bare) | (set(tail) if n_tail else set())
    for n, (a, b, t) in enumerate(groups):
        span = spans[n]
        rowspan = 1 if n in subbed else 2
        cells.append(Cell(0, col, t, colspan=span, rowspan=rowspan, header=True, start=a, end=b))
        if n in subbed:
            for k in range(span):
                sa, sb, st = sub[s]
                cells.append(Cell(1, col + k, st, header=True, start=sa, end=sb))
                s += 1
        col += span
    return cells


def _stage_kind(word: str) -> int | None:
    """0 settled, 1 current budget, 2 asked for; None for a word of no stage (국비)."""
    w = _TRAILING_PAREN.sub("", word)
    for k, stages in enumerate((ACTUAL_STAGES, CURRENT_STAGES, REQUEST_STAGES)):
        if w in stages:
            return k
    return None


def _under_years(subs: list[str], n_years: int) -> list[int] | None:
    """How many of the sub-columns ``subs`` stand under each of ``n_years`` years.

    The same words under every year split evenly (``계획 실적 | 계획 실적``); stage words
    go one kind to a year (``결산 | 본예산 추경 | 요구 정부안``); words that name no
    stage split evenly (``국비 지방비 | 국비 지방비``); else the words that close
    a budget year (정부안, 확정) go under the last year and the rest share the others.
    """
    if len(subs) < n_years:
        return None
    if len(subs) % n_years == 0:
        # 계획 실적 | 계획 실적: the same sub-columns under every year.
        size = len(subs) // n_years
        if all(subs[k] == subs[k % size] for k in range(len(subs))):
            return [size] * n_years
    kinds = [_stage_kind(w) for w in subs]
    runs: list[int] = []
    last: int | None = None
    for k in kinds:
        if not runs or (k is not None and k != last):
            runs.append(0)
            last = k if k is not None else last
        runs[-1] += 1
    if len(runs) == n_years and all(k is not None for k in kinds[:1]):
        return runs
    if all(k is None for k in kinds) and len(subs) % n_years == 0:
        return [len(subs) // n_years] * n_years
    request = [n for n, k in enumerate(kinds) if k == 2]
    under = [0] * n_years
    if request and n_years >= 2:
        under[-1] = len(subs) - request[0]
        rest = request[0]
        for n in range(n_years - 1):
            under[n] = rest // (n_years - 1) + (1 if n < rest % (n_years - 1) else 0)
    else:
        for n in range(len(subs)):
            under[min(n, n_years - 1)] += 1
    return under if min(under) >= 1 else None


# A formula or rate heading a 증감's sub-column: (B-A), (B-A)/A, B/A, (%), 증감률.
_FORMULA: Final = re.compile(
    r"^\(?[A-Z]\s*[-+/]\s*[A-Z]\)?(?:\s*/\s*[A-Z])?(?:\s*\(?%p?\)?)?$|^\(?%p?\)?$"
    r"|^(?:증감률|증감율|비율|비중)(?:\(%p?\))?$"
)


# --- one cell a line -------------------------------------------------------------------------


def _is_cell_line(line: str) -> bool:
    """A line that may be one table cell: short, no sentence, caption, unit or bullet.

    Most lines of a document get here (each line the table tests pass): the regex tests
    run only where a cheap look at the stripped line's ends leaves them a chance.
    """
    s = line.strip()
    if not s or len(s) > _CELL_MAX or _is_sentence(s) or _unit_line(s):
        return False
    first = s[0]
    if first in _CAPTION_OPENERS and _CAPTION.match(s):
        return False
    # A Hangul syllable opens a heading only as 가. (no bullet, digit or numeral is one).
    heading_possible = not ("가" <= first <= "힣") or s[1:2] == "."
    if heading_possible and _HEADING.match(s) and not is_figure(s):
        return False
    # Two figures on a line make it a row of a flattened table, not one cell.
    words = len(s.split())
    if words > _CELL_WORDS:
        return False
    # One word holds at most one figure: a figure is bounded by the line's ends or by
    # white space (or U+001C..U+001F), all of which str.split parts words at and strip
    # takes off, so in one word only the whole of it can be one (most cell lines are).
    return words == 1 or len(_CELL_FIGURES.findall(s)) <= 1


def _is_sentence(s: str) -> bool:
    """``_SENTENCE.search(s)`` for a stripped line, without the regex: it ends in 다, 음,
    함, 임 or 됨 (a period may follow, itself an end) or in ``.?!``, or holds 니다."""
    return s.endswith(_SENTENCE_ENDS) or "니다" in s


def _cells_per_line(lines: list[_Line], i: int) -> tuple[list[Table], int]:
    """Tables written one cell a line (blank lines between them or not) in the run of
    cell lines from line ``i`` (a cell line), and the line after the run.

    Row by row: the header's cells, then each row's label and its figures
    (``구분 / 2026 / 2027 / 합계 / 인건비 / 1,200 / …``). A table PDF text gives column by
    column (``구분 / 국비 / 지방비 / 2024 / 100 / 50 / 2025 / …``) reads the same way
    turned over: years down the side.
    """
    # Line ``i`` is a cell line (the caller has tested it).
    run: list[_Line] = [lines[i]]
    j = i + 1
    while j < len(lines) and len(run) < _RUN_MAX:
        s = lines[j].text
        if s.strip():
            if not _is_cell_line(s):
                break
            run.append(lines[j])
        j += 1
    if len(run) < _CELL_RUN_MIN:
        # Too few cells for the smallest table the loop below reads: its figures are
        # not worth reading (most runs are one or two lines).
        return [], j
    texts = [r.text.strip() for r in run]
    figure = [is_figure(t) and not _YEARISH.match(t) for t in texts]
    out: list[Table] = []
    p = 1
    while p < len(run):
        if not (figure[p] and not figure[p - 1]):
            p += 1
            continue
        # (rows, width, header cells): the header may lack its corner cell (구분).
        best: tuple[int, int, int] | None = None
        for width in range(_CELL_COLS_MIN, _CELL_COLS_MAX + 1):
            for heads in (width, width - 1):
                top = p - 1 - heads
                if top < 0 or any(figure[top : p - 1]):
                    continue
                rows = _count_rows(figure, p - 1, width)
                if rows and (best is None or rows > best[0]):
                    best = (rows, width, heads)
        if best is None:
            p += 1
            continue
        rows, width, heads = best
        table = _cell_table(lines, run, p - 1 - heads, width, heads, rows, i)
        end = p - 1 + rows * width
        if table is not None:
            out.append(table)
        p = max(end, p + 1)
    return out, j


def _count_rows(figure: list[bool], start: int, width: int) -> int:
    """How many whole rows (a label, then ``width - 1`` figures) follow ``start``."""
    rows = 0
    k = start
    while k + width <= len(figure) and not figure[k] and all(figure[k + 1 : k + width]):
        rows += 1
        k += width
    return rows


def _cell_table(
    lines: list[_Line], run: list[_Line], top: int, width: int, heads: int, rows: int, first: int
) -> Table | None:
    cells: list[Cell] = []
    # With no corner cell the header's cells stand over the figure columns.
    skip = width - heads
    for k in range(heads + rows * width):
        line = run[top + k]
        lead = _indent(line.text)
        body = line.text.strip()
        r, c = divmod(k + skip, width)
        a = line.start + lead
        cells.append(Cell(r, c, body, header=r == 0, start=a, end=a + len(body)))
    header = [c.text for c in cells[:heads]]
    years = sum(1 for h in header if _YEARISH.match(h.replace(" ", "")))
    # Lines are in order of their (distinct) starts: found by bisection, not by a map of
    # every line to the document's end built for each table.
    a = bisect_left(lines, run[top].start, lo=first, key=_START)
    b = bisect_left(lines, run[top + heads + rows * width - 1].start, lo=a, key=_START)
    caption, unit, _, _ = _around(lines, a, b)
    if unit is None and years < _MIN_FIGURES:
        return None
    return Table(
        tuple(cells),
        rows + 1,
        width,
        header_rows=1,
        caption=caption,
        unit=unit,
        start=cells[0].start,
        end=cells[-1].end,
        source="text_flat",
    )


def with_text_tables(tables: Sequence[Table], text: str, ocr: bool = False) -> tuple[Table, ...]:
    """``tables`` (a reader's, on ``text``'s offsets) with the tables found in ``text``
    that overlap none of them, in reading order (``ocr``: see :func:`find_text_tables`)."""
    found = not_overlapping(tables, find_text_tables(text, ocr))
    return tuple(sorted([*tables, *found], key=lambda t: (t.start is None, t.start or 0)))


def iter_cells(tables: list[Table]) -> Iterator[tuple[int, Cell]]:
    """Every cell with a place in the text, with its table's index."""
    for n, t in enumerate(tables):
        for c in t.cells:
            if c.start is not None:
                yield n, c


__all__ = ["find_text_tables", "iter_cells", "with_text_tables"]
