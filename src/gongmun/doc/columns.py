"""What a table's columns and rows hold: a column's year, unit and kind, totals rows.

Shared by every extractor that reads a :class:`~gongmun.doc.tables.Table` (amounts,
periods, projects). :class:`TableView` reads the grid once (spans honoured), so asking
about every cell of a table costs what the table's size costs; the module-level
functions build a view for a single question.

>>> from gongmun.doc.tables import table_from_rows
>>> t = table_from_rows([["구분", "’24년 예산", "’25년 예산", "증감률(%)"],
...                      ["합계", "1,200", "1,500", "25.0"]], "markdown", header_rows=1)
>>> v = TableView(t, doc_year=2025)
>>> [v.column_year(k) for k in range(4)], [v.column_kind(k) for k in range(4)]
([None, 2024, 2025, None], ['label', 'value', 'value', 'rate'])
>>> v.is_total_row(1)
True
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Final, Literal

import regex

from gongmun.doc.column_words import (
    COUNT_HEADERS,
    COUNT_UNITS,
    COUNTED_UNITS,
    DIFF_HEADERS,
    MONEY_UNIT_ALT,
    MONEY_UNITS,
    NAME_HEADERS,
    NON_MONEY_UNITS,
    PERIOD_HEADERS,
    RATE_HEADERS,
    STAGE_WORDS,
    TOTAL_HEADERS,
    TOTAL_ROWS,
    unit_word,
)
from gongmun.doc.tables import Cell, Table
from gongmun.extractors.years import QUOTES, resolve_two_digit

ColumnKind = Literal["label", "name", "value", "diff", "total", "rate", "count", "period"]

_MONEY_ALT = MONEY_UNIT_ALT
_COUNT_ALT = "|".join(regex.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True))
# A unit statement: (단위: 백만원, %), [단위 : 억원], 단위:억원.
UNIT_STATEMENT: Final = re.compile(
    r"[(\[<]?\s*단\s?위\s*[:：]?\s*(?P<units>[^)\]>\n]{1,40})[)\]>]?"
)
# A unit in parentheses in a header cell: 예산(억원), (%), 지원기업(개사).
_HEADER_UNIT = re.compile(rf"\(\s*(?P<unit>{_MONEY_ALT}|{_COUNT_ALT})\s*\)")
# A year in a header: 2025, 2025년, 2025년도, ’25, ’25년, 25년 (never inside a longer number).
# Any quote mark: aligned tables are read from the raw text, before quotes are folded.
_Q = f"[{QUOTES}]"
_YEAR = re.compile(
    rf"(?<![\d.,])(?:(?P<four>(?:19|20)\d{{2}})(?:\s*년도?)?|{_Q}\s?(?P<two>\d{{2}})(?:\s*년도?)?"
    # Not a date's year (2025.3.1, 2025,); a month with 월 after it (2010.1월 누계) is
    # the year's own.
    r"|(?P<bare>\d{2})\s*년도?)(?![\d,]|\s*[.](?!\s*(?:1[0-2]|0?[1-9])\s*월))"
)
# A range of years: ’25~’29, 2021~2025 (a period or a multi-year total, no one year).
_RANGE = re.compile(rf"\d\s*(?:년도?)?\s*[~∼～\-–]\s*{_Q}?\s?\d")
# A row label that is only a year: years down the side.
_YEAR_LABEL = re.compile(
    rf"^\s*(?:(?P<four>(?:19|20)\d{{2}})|{_Q}\s?(?P<two>\d{{2}})|(?P<bare>\d{{2}})(?=\s*년))"
    r"\s*(?:년도?)?\s*(?:\([^()]{0,8}\))?\s*$"
)
# A figure cell: 1,234 / △12.5 / ▲240,000 / (300) / -20 / −20 / (-)20 / (−)20.
# A reader's cells keep their text as written, so the minus sign (U+2212) is read too.
FIGURE_SIGN: Final = r"[△▽▲▼]\s?|[-−]\s?|\(\s?[-−]\s?\)\s?"
FIGURE_CELL: Final = re.compile(
    rf"^\s*(?:{FIGURE_SIGN})?\(?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?\)?\s*$"
    rf"|^\s*(?:{FIGURE_SIGN})?\(?\d+(?:\.\d+)?\)?\s*$"
)
# A cell of one amount written with its unit (2조 1,000억원, 450억원, △20억원).
_AMOUNT_CHARS = r"[\s\d,.△▽조억만천백십원()-]*"
_AMOUNT_CELL = re.compile(rf"^{_AMOUNT_CHARS}\d{_AMOUNT_CHARS}[조억만원]\s*$")
_SPACES = re.compile(r"\s+")
_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d{2}\s*$")
# Header rows read at most (a table of figure-free rows is text, not a header).
_MAX_HEADER_ROWS: Final = 3
_STAGE = re.compile("|".join(STAGE_WORDS))
# What a row label holds besides its year to be that year's row: a stage (예산안, 결산).
_STAGE_LABEL = re.compile("(?:" + "|".join(STAGE_WORDS) + r")(?:\([A-Z가-힣]\))?")


def squeeze(text: str) -> str:
    """``text`` without spaces (``합 계`` → ``합계``): flattened tables space out labels."""
    return _SPACES.sub("", text)


_UNIT_PARTS = re.compile(r"[,·/\s]+")
# 억 원, 백만 원: one unit written with a space before 원.
_SPACED_WON = re.compile(r"(?<=[십백천만억조])\s+(?=원)")


def units_of(statement: str) -> list[str]:
    """The units a unit statement lists, in order.

    >>> units_of("(단위 : 억원, %)"), units_of("[단위: 백만원]"), units_of("(억 원)")
    (['억원', '%'], ['백만원'], ['억원'])
    """
    m = UNIT_STATEMENT.search(statement)
    body = m.group("units") if m is not None else statement.strip().strip("()[]<>")
    body = _SPACED_WON.sub("", body)
    out = []
    for part in _UNIT_PARTS.split(body):
        part = part.strip("()[]<> ")
        if part in MONEY_UNITS or part in COUNT_UNITS:
            out.append(part)
    return out


def money_unit(units: list[str]) -> int | None:
    """The multiplier of the first money unit among ``units`` (``['억원', '%']`` → 10**8)."""
    for u in units:
        if u in MONEY_UNITS:
            return MONEY_UNITS[u]
    return None


def year_in(text: str, doc_year: int | None = None) -> int | None:
    """The one year a header names (``’25년 예산`` → 2025); None for none, several or a range.

    >>> year_in("2024 계획안"), year_in("’23년 예산", 2025), year_in("’25~’29") is None
    (2024, 2023, True)
    """
    if _RANGE.search(text):
        return None
    years = {_year_value(m, doc_year) for m in _YEAR.finditer(text)}
    years.discard(None)
    return years.pop() if len(years) == 1 else None


def _year_value(m: re.Match[str] | regex.Match[str], doc_year: int | None) -> int | None:
    if m.group("four"):
        return int(m.group("four"))
    two = m.group("two") or m.group("bare")
    return resolve_two_digit(int(two), doc_year) if two else None


def label_year(text: str, doc_year: int | None = None) -> int | None:
    """The year a row label is, when the label is only a year (``2021``, ``’22년``)."""
    m = _YEAR_LABEL.match(text)
    return _year_value(m, doc_year) if m is not None else None


# Words that end a subtotal's label naming what it adds up (인건비 소계), and how long
# such a label may be: a longer cell is a sentence that happens to end so.
_NAMED_TOTALS: Final = ("소계", "합계", "총계")
_NAMED_TOTAL_MAX: Final = 16


def is_figure(text: str) -> bool:
    """True for a cell holding one bare figure (``1,234``, ``△12``, ``(300)``)."""
    return FIGURE_CELL.match(text) is not None


def is_total_label(text: str) -> bool:
    """True for the label of a totals row (합계, 계, 소계, ``합 계``), or of a subtotal
    that names what it adds up (``인건비 소계``, ``세입합계``; never a word that only
    ends in 계, like 회계).

    >>> is_total_label("합 계"), is_total_label("보조금수입 소계"), is_total_label("일반회계")
    (True, True, False)
    """
    label = squeeze(text).strip("()[]<>*※")
    return label in TOTAL_ROWS or (
        len(label) <= _NAMED_TOTAL_MAX and label.endswith(_NAMED_TOTALS) and label[:-2] != ""
    )


def _last_unit(text: str) -> str | None:
    """The last unit in parentheses in ``text`` (``지원액(억원)`` → ``억원``)."""
    found = _HEADER_UNIT.findall(text)
    return unit_word(found[-1]) if found else None


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


class _TableFacts:
    """What every view of one table reads alike, whatever its year and unit: the grid, the
    header rows, and (once asked) each column's header, unit, share of figures, and the
    columns' kinds per document year. A document's passes make several views of each
    table (figures, units, years, periods, sums); this is read once for them all."""

    __slots__ = ("column_units", "figure_share", "grid", "header_rows", "headers", "kinds", "table")

    def __init__(self, table: Table) -> None:
        self.table = table
        self.grid: tuple[tuple[Cell | None, ...], ...] = table.grid()
        # Figure-free rows under the stated header rows are headers too (a reader's
        # two-row header: 2023년 over 당초(A) 수정); a row of amounts written with their
        # unit (450억원) is a body row.
        rows = max(table.header_rows, 0)
        while rows < table.n_rows - 1 and not any(
            c is not None
            and c.row == rows
            and (is_figure(c.text) or _AMOUNT_CELL.match(c.text) is not None)
            and not _YEAR_CELL.match(c.text)
            for c in self.grid[rows]
        ):
            if rows >= _MAX_HEADER_ROWS or not any(c is not None for c in self.grid[rows]):
                break
            rows += 1
        self.header_rows = rows
        self.headers: tuple[str, ...] | None = None
        self.column_units: tuple[str | None, ...] | None = None
        self.figure_share: tuple[float, ...] | None = None
        self.kinds: dict[int | None, tuple[ColumnKind, ...]] = {}


def _facts_of(table: Table) -> _TableFacts:
    """The facts of ``table``, kept for the tables read last. Keyed by the object (a
    table is frozen), and holding it, so a key is never another table's reused id."""
    facts = _FACTS.get(id(table))
    if facts is None or facts.table is not table:
        facts = _TableFacts(table)
        if len(_FACTS) >= _FACTS_MAX:
            _FACTS.clear()  # bounded; one step, so a thread reading it sees a whole dict
        _FACTS[id(table)] = facts
    return facts


# The facts of the tables read last; a document's tables are read within its extraction.
_FACTS: dict[int, _TableFacts] = {}
_FACTS_MAX: Final = 256


class TableView:
    """One table read once: header text per column, kinds, years, units, totals rows.

    ``doc_year`` resolves two-digit years; ``unit`` is the money multiplier the table's
    unit statement gives (None: bare figures are no money unless a header cell says so);
    ``units`` the units that statement lists (default: those of ``table.unit``).
    """

    def __init__(
        self,
        table: Table,
        doc_year: int | None = None,
        unit: int | None = None,
        units: list[str] | None = None,
    ):
        self.table = table
        self.doc_year = doc_year
        # The units the table states, wherever it states them (its header, the text).
        self.units = units if units is not None else units_of(table.unit or "")
        self.unit = unit if unit is not None else money_unit(self.units)
        # What no year or unit changes is read once per table, for all its views.
        self._facts = _facts_of(table)
        self.grid: tuple[tuple[Cell | None, ...], ...] = self._facts.grid
        self.header_rows = self._facts.header_rows
        # Answers per column and row, kept: the passes ask them for every cell.
        self._column_years: dict[int, int | None] = {}
        self._row_years: dict[int, int | None] = {}
        self._total_rows: dict[int, bool] = {}
        self._row_labels: dict[int, str] = {}

    @property
    def headers(self) -> tuple[str, ...]:
        """Each column's header text, all header rows top to bottom (spans included)."""
        if self._facts.headers is None:
            self._facts.headers = self._headers()
        return self._facts.headers

    def _headers(self) -> tuple[str, ...]:
        out = []
        for k in range(self.table.n_cols):
            parts: list[str] = []
            for r in range(min(self.header_rows, self.table.n_rows)):
                c = self.grid[r][k]
                if c is None and r < self.header_rows - 1:
                    # An upper header cell a reader gave no span: it runs over the empty
                    # slots after it (2023년 over 당초(A) and 수정).
                    c = next((x for x in reversed(self.grid[r][:k]) if x is not None), None)
                if c is not None and c.text and (not parts or parts[-1] != c.text):
                    parts.append(c.text)
            out.append(" ".join(parts))
        return tuple(out)

    def _own_header(self, col: int) -> str:
        """Texts of the header cells that start in column ``col`` (no span from the left)."""
        return " ".join(
            c.text
            for r in range(min(self.header_rows, self.table.n_rows))
            if (c := self.grid[r][col]) is not None and c.col == col and c.row == r
        )

    def header(self, col: int) -> str:
        """The header text of column ``col`` (``2024년 본예산``), empty when none."""
        return self.headers[col] if 0 <= col < len(self.headers) else ""

    def column_unit(self, col: int) -> str | None:
        """The unit the column's header gives (``예산(억원)`` → ``억원``, ``(%)`` → ``%``)."""
        return self._column_units[col] if 0 <= col < len(self._column_units) else None

    @property
    def _column_units(self) -> tuple[str | None, ...]:
        if self._facts.column_units is None:
            self._facts.column_units = tuple(_last_unit(h) for h in self.headers)
        return self._facts.column_units

    @property
    def _figure_share(self) -> tuple[float, ...]:
        """Per column, the share of its non-empty body cells that are bare figures."""
        if self._facts.figure_share is None:
            self._facts.figure_share = self._figure_shares()
        return self._facts.figure_share

    def _figure_shares(self) -> tuple[float, ...]:
        shares = []
        for k in range(self.table.n_cols):
            seen = figures = 0
            for r in range(self.header_rows, self.table.n_rows):
                c = self.grid[r][k]
                if c is None or c.col != k or c.row != r or not c.text.strip():
                    continue
                seen += 1
                figures += (
                    is_figure(c.text) or c.text.strip() == "-" or bool(_AMOUNT_CELL.match(c.text))
                )
            shares.append(figures / seen if seen else 0.0)
        return tuple(shares)

    @property
    def kinds(self) -> tuple[ColumnKind, ...]:
        """Every column's kind (see :meth:`column_kind`)."""
        # A kind reads the table and the document's year only (never the view's unit).
        kinds = self._facts.kinds.get(self.doc_year)
        if kinds is None:
            kinds = self._facts.kinds[self.doc_year] = tuple(
                self._kind(k) for k in range(self.table.n_cols)
            )
        return kinds

    def column_kind(self, col: int) -> ColumnKind:
        """What column ``col`` holds: ``label`` (row labels), ``name`` (project names),
        ``value`` (one year's or one item's figures), ``diff`` (증감), ``total`` (합계,
        총사업비), ``rate`` (%, 증감률, 비중), ``count`` (명, 개, 기업수), ``period``."""
        return self.kinds[col]

    def _kind(self, col: int) -> ColumnKind:
        head = self.header(col)
        flat = squeeze(head)
        unit = self.column_unit(col)
        if unit is not None and unit in NON_MONEY_UNITS and unit not in MONEY_UNITS:
            return NON_MONEY_UNITS[unit]
        own = squeeze(self._own_header(col))
        if own and _has_any(own, RATE_HEADERS) and not own.startswith(("증감(", "증감액")):
            # Its own cell names a rate ((B-A)/A) under a 증감 that spans it.
            return "rate"
        if flat.startswith(("증감액", "증감(", "증감△")) or flat == "증감":
            return "diff"
        if _has_any(flat, RATE_HEADERS) or "%" in head:
            return "rate"
        if _has_any(flat, COUNT_HEADERS) or flat.endswith("수"):
            return "count"
        if self._figure_share[col] < 0.5:
            if _has_any(flat, NAME_HEADERS):
                return "name"
            if _has_any(flat, PERIOD_HEADERS):
                return "period"
            return "label"
        if _has_any(flat, PERIOD_HEADERS) and year_in(head, self.doc_year) is None:
            return "period" if not self._money_header(col) else "value"
        if _has_any(flat, DIFF_HEADERS) and not _has_any(flat, ("증감후",)):
            return "diff"
        if flat in TOTAL_HEADERS or any(flat.startswith(w) for w in TOTAL_HEADERS[:4]):
            return "total"
        if flat in ("평균", "연평균") or flat.endswith("평균"):
            return "total"
        return "value"

    def _money_header(self, col: int) -> bool:
        unit = self.column_unit(col)
        return unit is not None and unit in MONEY_UNITS

    def column_year(self, col: int) -> int | None:
        """The year column ``col`` stands for (``’24년 예산``, ``2024 계획안``, a year
        above sub-columns); None for totals, changes, rates and columns of no one year."""
        if col not in self._column_years:
            value = self.column_kind(col) == "value"
            self._column_years[col] = year_in(self.header(col), self.doc_year) if value else None
        return self._column_years[col]

    def column_multiplier(self, col: int) -> int | None:
        """Won per figure in column ``col``: its header's money unit, else the table's;
        None where its figures are no money (rates, counts, periods, labels)."""
        if self.column_kind(col) not in ("value", "diff", "total"):
            return None
        unit = self.column_unit(col)
        if unit is not None:
            return MONEY_UNITS.get(unit)
        return self.unit

    def is_money_column(self, col: int) -> bool:
        """True when the figures of column ``col`` are money amounts."""
        return self.column_multiplier(col) is not None

    def row_label(self, row: int) -> str:
        """The row's label: the text of its leftmost non-figure cells before any figure."""
        if row not in self._row_labels:
            self._row_labels[row] = self._row_label(row)
        return self._row_labels[row]

    def _row_label(self, row: int) -> str:
        parts: list[str] = []
        for c in self.grid[row] if 0 <= row < self.table.n_rows else ():
            if c is None or not c.text.strip():
                continue
            if is_figure(c.text):
                break
            if not parts or parts[-1] != c.text:
                parts.append(c.text)
        return " ".join(parts)

    def row_unit(self, row: int) -> str | None:
        """The unit a row's label gives (``지원예산(억원)``, ``지원기관(개)``), else None."""
        return _last_unit(self.row_label(row))

    @cached_property
    def mixed(self) -> bool:
        """Whether the unit statement lists counts beside money (``(단위: 개, 억원)``):
        then only a row's or column's own unit tells which figures are money."""
        return any(u in MONEY_UNITS for u in self.units) and any(
            u in COUNTED_UNITS for u in self.units
        )

    def row_multipliers(self) -> dict[int, int | None]:
        """Won per figure that rows' own units give, for rows under a row unit: a label
        with a unit (``지원예산(억원)``) sets it for its row and the rows after it (their
        sub-rows), up to the next label with a unit. Empty when no row label has a unit."""
        out: dict[int, int | None] = {}
        current: int | None = None
        seen = False
        for r in range(self.header_rows, self.table.n_rows):
            unit = self.row_unit(r)
            if unit is not None:
                seen = True
                current = MONEY_UNITS.get(unit)
            if seen:
                out[r] = current
        return out

    def is_total_row(self, row: int) -> bool:
        """True for a totals row (합계, 계, 소계 in its label cells)."""
        if row not in self._total_rows:
            self._total_rows[row] = self._is_total_row(row)
        return self._total_rows[row]

    def _is_total_row(self, row: int) -> bool:
        for c in self.grid[row] if 0 <= row < self.table.n_rows else ():
            if c is None or not c.text.strip():
                continue
            if is_figure(c.text):
                return False
            if is_total_label(c.text):
                return True
        return False

    def row_year(self, row: int) -> int | None:
        """The year a row stands for when its label is a year (years down the side), or a
        year's budget stage (``2025년 예산``, ``’26 정부안``: a column-by-column table
        read turned over)."""
        if row not in self._row_years:
            self._row_years[row] = self._row_year(row)
        return self._row_years[row]

    def _row_year(self, row: int) -> int | None:
        for c in self.grid[row] if 0 <= row < self.table.n_rows else ():
            if c is None or not c.text.strip():
                continue
            year = label_year(c.text, self.doc_year)
            if year is None and _STAGE_LABEL.fullmatch(squeeze(_YEAR.sub("", c.text))):
                year = year_in(c.text, self.doc_year)
            return year
        return None

    @cached_property
    def name_column(self) -> int | None:
        """The column naming the rows' projects (과제명, 사업명, 내역사업…), if any."""
        for k, kind in enumerate(self.kinds):
            if kind == "name":
                return k
        return None

    @cached_property
    def stage_columns(self) -> bool:
        """Whether headers name budget stages (본예산, 정부안): a budget sheet's columns."""
        return any(_STAGE.search(h) for h in self.headers)


def column_year(table: Table, col: int, doc_year: int | None = None) -> int | None:
    """The year column ``col`` of ``table`` stands for (see :meth:`TableView.column_year`)."""
    return TableView(table, doc_year).column_year(col)


def column_unit(table: Table, col: int) -> str | None:
    """The unit column ``col``'s header gives (``예산(억원)`` → ``억원``), else None."""
    return TableView(table).column_unit(col)


def column_kind(table: Table, col: int) -> ColumnKind:
    """What column ``col`` of ``table`` holds (see :meth:`TableView.column_kind`)."""
    return TableView(table).column_kind(col)


def is_money_column(table: Table, col: int, unit: int | None = None) -> bool:
    """True when column ``col``'s figures are money (a money unit and a money kind)."""
    return TableView(table, unit=unit).is_money_column(col)


def is_total_row(table: Table, row: int) -> bool:
    """True when ``row`` of ``table`` is a totals row (합계, 계, 소계)."""
    return TableView(table).is_total_row(row)


__all__ = [
    "FIGURE_CELL",
    "UNIT_STATEMENT",
    "ColumnKind",
    "TableView",
    "column_kind",
    "column_unit",
    "column_year",
    "is_figure",
    "is_money_column",
    "is_total_label",
    "is_total_row",
    "label_year",
    "money_unit",
    "squeeze",
    "units_of",
    "year_in",
]
