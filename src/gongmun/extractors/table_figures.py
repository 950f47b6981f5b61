"""Money figures read from tables: each cell's unit, year, sign and place.

A table's bare figures are amounts only where a unit says so: the column's header
(``예산(억원)``), the table's unit statement (``(단위: 백만원, %)``, before or after it),
or, for a table with none of its own, the unit the document states for its tables
(``※ 이하 표의 금액 단위는 백만원``), else the unit its rows' own reckonings show (a
budget statement's ``5,830,000원*12개월`` beside 69,960,000: :mod:`.table_arithmetic`).
Rate, share, count and period columns are never money; a 증감 column's figures are
changes (△ a decrease) of no year. A figure's year comes from its column's header
(``’24년 예산``, a year over sub-columns), else its row's label (years down the side),
else the caption (``사업비 (’25년)``) when the table names no year elsewhere.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Final

import regex

from gongmun.doc.column_words import MONEY_UNITS
from gongmun.doc.columns import (
    UNIT_STATEMENT,
    TableView,
    money_unit,
    squeeze,
    units_of,
    year_in,
)
from gongmun.doc.tables import Cell, Table
from gongmun.extractors.numbers import parse_figure, scaled_won

# A cell of one figure: 1,234 / △12.5 / -300 / −300 / (-)300 / (300); group "num" is the
# figure. A bare minus counts only in a 증감 column; (-) marks a decrease anywhere.
_CELL_FIGURE = re.compile(
    r"^\s*(?P<dec>[△▽▲▼]\s?|(?P<minus>[-−])(?=\d)|\(\s?[-−]\s?\)\s?)?"
    r"\(?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\)?\s*$"
)
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")
# Change marks whose sign depends on the document's convention (see ``_row_fell``).
_SOLID_MARKS: Final = "▲▼"
# The document's unit for its tables: ※ 이하 표의 금액 단위는 백만원, (이하 단위: 억원).
_DOC_UNIT = regex.compile(
    r"(?:이하|모든|전체|각|본\s?자료|본\s?문서)[^\n]{0,20}?(?:금액\s?)?단위\s*(?:는|은|:|：)?\s*"
    r"(?P<unit>천원|백만원|억원|조원|만원|십억원|원)"
)
# Headers of a column adding up a row's other columns (not a programme's years: 총사업비).
_SUMS: Final = frozenset({"계", "합계", "소계", "총계"})
# Units listed in parentheses in the corner header cell: 구분(조원, %).
_CORNER_UNITS: Final = re.compile(r"\((?P<units>[^()]{1,20}[,·/][^()]{1,20})\)")
# How far around a reader's table its unit statement may stand, in characters.
_UNIT_REACH: Final = 120


@dataclass(frozen=True, slots=True)
class TableFigure:
    """One money figure of a table cell: where, its won, year and place in the table."""

    start: int
    end: int
    value: int
    decrease: bool
    year: int | None
    table: int
    row: int
    col: int
    total_row: bool


def document_table_unit(text: str) -> int | None:
    """The unit a document states for all its tables (``※ 이하 표의 금액 단위는 백만원``).

    >>> document_table_unit("※ 이하 표의 금액 단위는 백만원임")
    1000000
    """
    m = _DOC_UNIT.search(text)
    return money_unit([m.group("unit")]) if m is not None else None


def table_units(text: str, table: Table) -> list[str] | None:
    """The units a table states (``['억원', '%']``): its unit statement, a header cell's
    ``(단위: 억원)``, the corner cell's ``구분(억원)``, a caption holding the unit (``사업비
    (’26년, 단위: 억원)``), or a unit statement in the text right
    before or after it (a reader's table). None when it states none; an empty list when
    its header cells state different units (two panels side by side, ``(단위: 조원,%)``
    over one and ``(단위: %)`` over the other): no one unit is the whole table's then.

    >>> from gongmun.doc.tables import table_from_rows
    >>> t = table_from_rows([["(단위: 억원, %)", "2024"], ["계", "120"]], "text_aligned",
    ...                     header_rows=1)
    >>> table_units("", t)
    ['억원', '%']
    """
    if table.unit:
        return units_of(table.unit)
    caption = table.caption or ""
    if "단" in caption and UNIT_STATEMENT.search(caption):
        # A caption holding the unit: 사업비 (’26년, 단위: 억원).
        found = units_of(caption)
        if money_unit(found) is not None:
            return found
    view = TableView(table)
    corner = view.column_unit(0)
    if corner in MONEY_UNITS and not view.is_money_column(0):
        # 구분(억원) 2024 2025: the corner cell's unit is the table's.
        return [corner]
    listed = _CORNER_UNITS.search(view.header(0))
    if listed is not None and not view.is_money_column(0):
        # 구분(조원, %): the corner lists the table's units as a unit statement would.
        found = units_of(listed.group("units"))
        if money_unit(found) is not None:
            return found
    stated = [
        found
        for c in table.cells
        if c.row <= max(table.header_rows, view.header_rows)
        and "단" in c.text
        and UNIT_STATEMENT.search(c.text)
        if (found := units_of(c.text))
    ]
    if stated:
        return stated[0] if all(u == stated[0] for u in stated) else []
    if table.start is not None and table.end is not None:
        before = text[max(0, table.start - _UNIT_REACH) : table.start]
        after = text[table.end : table.end + _UNIT_REACH // 3]
        for part in (before.rsplit("\n", 3)[-3:], after.split("\n", 2)[:2]):
            for line in reversed(part):
                if "단" in line and UNIT_STATEMENT.search(line):
                    # 단위는 … with no unit named (the document's own note) states none.
                    return units_of(line) or None
    return None


def table_unit(text: str, table: Table) -> int | None:
    """The money unit a table states (see :func:`table_units`), None for none."""
    return money_unit(table_units(text, table) or [])


def states_unit(text: str, table: Table, shown: int | None = None) -> bool:
    """Whether a money unit applies to ``table`` at all (its own, a header cell's, or
    ``shown``, the one its rows' reckonings show when it states none)."""
    units = table_units(text, table)
    view = TableView(table)
    return (
        money_unit(units or []) is not None
        or any(view.column_unit(k) is not None for k in range(table.n_cols))
        or (shown is not None and units is None)
    )


def read_tables(
    text: str,
    tables: list[Table],
    doc_year: int | None,
    doc_unit: int | None = None,
    shown: list[int | None] | None = None,
) -> list[TableFigure]:
    """The money figures of every table, in table then reading order. ``shown`` is each
    table's unit shown by its rows' reckonings (:func:`.table_arithmetic.shown_units`),
    taken by a table that states none when the document states none for its tables.

    >>> from gongmun.doc.text_tables import find_text_tables
    >>> text = "(단위: 억원)\\n| 구분 | '24년 | 증감률 |\\n|---|---|---|\\n| 계 | 1,200 | 3.5 |"
    >>> [(f.value, f.year, f.total_row) for f in read_tables(text, find_text_tables(text), 2025)]
    [(120000000000, 2024, True)]
    """
    out: list[TableFigure] = []
    for n, table in enumerate(tables):
        units = table_units(text, table)
        # The document's unit for its tables goes only to a table that states none: a
        # table stating ``(단위: %)`` or two units side by side does not inherit it.
        # Else the unit its rows' reckonings show (산출내역 5,830,000원*12개월).
        unit = money_unit(units) if units is not None else doc_unit
        if unit is None and units is None and shown is not None:
            unit = shown[n]
        view = TableView(table, doc_year, unit=unit, units=units)
        out.extend(_read(text, n, table, view))
    return out


def _read(text: str, n: int, table: Table, view: TableView) -> list[TableFigure]:
    kinds = view.kinds
    years = [view.column_year(k) for k in range(table.n_cols)]
    rows_with_years = any(view.row_year(r) for r in range(view.header_rows, table.n_rows))
    caption_year = None
    if not any(years) and not rows_with_years:
        caption_year = year_in(table.caption or "", view.doc_year)
    by_row = view.row_multipliers()
    out = []
    for c in _body(table, view):
        if c.start is None or c.end is None or c.col >= table.n_cols:
            continue
        mult = view.column_multiplier(c.col)
        if mult is not None and c.row in by_row and view.column_unit(c.col) is None:
            # Rows with units of their own (지원기관(개), 지원예산(억원)) decide.
            mult = by_row[c.row]
        elif mult is not None and view.mixed and view.column_unit(c.col) is None:
            # (단위: 개, 억원) with nothing saying which figures are money.
            mult = None
        if mult is None:
            continue
        m = _CELL_FIGURE.match(c.text)
        if m is None or (_YEAR_LIKE.fullmatch(m.group("num")) and kinds[c.col] != "diff"):
            continue
        dec = bool(m.group("dec")) and (not m.group("minus") or kinds[c.col] == "diff")
        if m.group("minus") and not dec:
            continue
        if dec and m.group("dec")[0] in _SOLID_MARKS:
            # ▲ is a decrease in a budget sheet and a rise in a market report: only the
            # row's own figures can tell (당초 2,344,290 → 추경 2,104,290 beside ▲240,000).
            if kinds[c.col] != "diff" or (fell := _row_fell(view, c.row, m.group("num"))) is None:
                continue
            dec = fell
        value = scaled_won(m.group("num"), dec, mult)
        if value is None:
            continue
        year: int | None = None
        if kinds[c.col] == "value":
            year = years[c.col] or view.row_year(c.row) or caption_year
        elif kinds[c.col] == "total" and rows_with_years:
            # Years down the side: a row's 계 is that year's total.
            year = view.row_year(c.row)
        elif kinds[c.col] == "total" and caption_year and squeeze(view.header(c.col)) in _SUMS:
            # 사업비 (’25년) over 국비 | 지방비 | 계: the 계 adds up that one year.
            year = caption_year
        start = c.start + (m.start("dec") if m.group("dec") else m.start("num"))
        out.append(
            TableFigure(
                start,
                c.start + m.end("num"),
                value,
                dec,
                year,
                n,
                c.row,
                c.col,
                view.is_total_row(c.row),
            )
        )
    return out


def _row_fell(view: TableView, row: int, num: str) -> bool | None:
    """Whether a change of ``num`` in ``row`` is a fall (True) or a rise (False), by two
    figures side by side among the row's value columns differing by it; None if none do."""
    change = parse_figure(num)
    figures = [
        figure
        for k, cell in enumerate(view.grid[row])
        if cell is not None and cell.col == k and view.kinds[k] == "value"
        if (figure := parse_figure(cell.text)) is not None
    ]
    for before, after in itertools.pairwise(figures):
        if change is not None and abs(after - before) == change:
            return after < before
    return None


@dataclass(frozen=True, slots=True)
class CellFrame:
    """What a table cell tells a figure found in it by the text passes (``2조 1,000억원``
    under ``’24년 예산``): the column's (or row's) year and whether it is a totals row."""

    start: int
    end: int
    year: int | None
    total_row: bool


def cell_frames(text: str, tables: list[Table], doc_year: int | None) -> list[CellFrame]:
    """Frames of the body cells of money-kind columns of every table, by start."""
    out = []
    for table in tables:
        view = TableView(table, doc_year, unit=1)
        rows_with_years = any(view.row_year(r) for r in range(view.header_rows, table.n_rows))
        for c in _body(table, view):
            if c.start is None or c.end is None or c.col >= table.n_cols:
                continue
            kind = view.column_kind(c.col)
            if kind not in ("value", "diff", "total") and not (rows_with_years and c.col > 0):
                continue
            year = None
            if kind == "value":
                year = view.column_year(c.col) or view.row_year(c.row)
            out.append(CellFrame(c.start, c.end, year, view.is_total_row(c.row)))
    out.sort(key=lambda f: f.start)
    return out


def _body(table: Table, view: TableView) -> list[Cell]:
    """Body cells: below the header rows the view reads (a reader may state fewer)."""
    return [c for c in table.cells if not c.header and c.row >= view.header_rows]


def cell_at(tables: list[Table], start: int, end: int) -> tuple[int, Cell] | None:
    """The table cell holding text span ``[start, end)`` (for figures found in the text)."""
    for n, t in enumerate(tables):
        if t.start is None or t.end is None or not t.start <= start < t.end:
            continue
        for c in t.cells:
            if c.start is not None and c.end is not None and c.start <= start and end <= c.end:
                return n, c
    return None


__all__ = [
    "CellFrame",
    "TableFigure",
    "cell_at",
    "cell_frames",
    "document_table_unit",
    "read_tables",
    "states_unit",
    "table_unit",
    "table_units",
]
