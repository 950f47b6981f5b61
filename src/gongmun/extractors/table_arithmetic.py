"""The unit a table shows by its own arithmetic, when it states none.

Budget statements (예산서, 결산서, 세입세출 명세) often print no ``(단위: …)`` and give,
beside each figure, the reckoning it comes from in a 산출내역 cell::

    국고보조금 | 69,960,000 | 69,960,000 | 0 | 운영비 5,830,000원*12개월

The reckoning is written in won, and 5,830,000원 × 12 is the row's 69,960,000: the
figures are won. A unit is taken only where two or more rows show it, each by a
reckoning in the same row that comes out to one of its figures, and no row shows
another unit; anything less and the table's bare figures stay unread, as before. A
table split over pages repeats its header: every part with the same header takes the
unit its parts show (:func:`shown_units`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

import regex

from gongmun.doc.column_words import MONEY_UNIT_ALT, MONEY_UNITS, unit_word
from gongmun.doc.columns import TableView
from gongmun.doc.tables import Table
from gongmun.extractors.numbers import NUMBER, parse_figure

# One factor of a reckoning: a figure, its unit or counted word (원, 개월, 명, 1인), and a
# remark in parentheses right after it (71,760원(급여*0.0312)); a parenthesis after a
# space opens other text (12개월 (직원 2인…)).
_FACTOR: Final = (
    rf"(?P<num>{NUMBER})[ \t]?(?P<unit>{MONEY_UNIT_ALT}|[가-힣]{{1,3}})?"
    r"(?:\([^()\n]{0,30}\))?"
)
_TIMES: Final = r"[ \t]*[*×xX✕][ \t]*"
_RECKONING: Final = regex.compile(
    rf"(?<![\d.,])(?P<result>=[ \t]*)?{_FACTOR}(?:{_TIMES}{_FACTOR})*"
)
_ONE_FACTOR: Final = re.compile(_FACTOR)
# A figure is worked with when a remark and a times sign follow it, or it follows "=".
_TIMES_AFTER: Final = re.compile(r"(?:\([^()\n]{0,30}\))?(?:[ \t]*[*×✕]|[ \t]+[xX][ \t])")
_RESULT_BEFORE: Final = re.compile(r"=[ \t]*$")
# A unit is taken from this many rows that show it.
MIN_ROWS: Final = 2


def reckonings(text: str) -> set[int]:
    """Won values a cell's reckonings come out to: each product holding one money figure,
    and the sum of the products (a result after ``=`` is not added twice).

    >>> sorted(reckonings("시설장 1인*1,950,000원*12개월 수당 (350,000원*1회)"))
    [350000, 23400000, 23750000]
    >>> sorted(reckonings("71,760원(급여*0.0312) *12개월= 861,120원"))
    [861120]
    """
    values: set[int] = set()
    total = 0
    for m in _RECKONING.finditer(text):
        value = _product(m.group(0))
        if value is None:
            continue
        values.add(value)
        if m.group("result") is None:
            total += value
    if total:
        values.add(total)
    return values


def reckoned(text: str, start: int, end: int) -> bool:
    """True when the figure at ``text[start:end]`` is a factor or the result of a reckoning:
    a cost line's working (산출내역), not a budget given to anything.

    >>> line = "고용안전기금 2,200원*12개월= 26,400원"
    >>> at = line.index("26,400원")
    >>> reckoned(line, 7, 13), reckoned(line, at, at + 7)
    (True, True)
    >>> reckoned("고용안전기금 26,400원", 7, 14)
    False
    """
    return bool(
        _TIMES_AFTER.match(text, end) or _RESULT_BEFORE.search(text, max(0, start - 4), start)
    )


def _product(reckoning: str) -> int | None:
    """Won of one product, None unless exactly one factor is money and the result is whole."""
    product = Decimal(1)
    money = 0
    for f in _ONE_FACTOR.finditer(reckoning):
        figure = parse_figure(f.group("num"))
        if figure is None:
            return None
        product *= figure
        unit = f.group("unit")
        if unit is not None and unit_word(unit) in MONEY_UNITS:
            product *= MONEY_UNITS[unit_word(unit)]
            money += 1
    if money != 1 or product != product.to_integral_value() or product <= 0:
        return None
    return int(product)


def shown_unit(table: Table) -> int | None:
    """The money unit (won per figure) the table's rows show by their reckonings, or None.

    >>> from gongmun.doc.tables import table_from_rows
    >>> t = table_from_rows([["과목", "예산액", "산출내역"],
    ...     ["국고보조금", "69,960,000", "운영비 5,830,000원*12개월"],
    ...     ["급식비", "4,200,000", "1인 7,000원 x 50명 x 12개월"]], "hwp", header_rows=1)
    >>> shown_unit(t)
    1
    """
    if not any("원" in c.text for c in table.cells):
        return None  # no reckoning in won: the usual table, left at once
    view = TableView(table)
    money_cols = {k for k, kind in enumerate(view.kinds) if kind in ("value", "total", "diff")}
    if not money_cols:
        return None
    rows: dict[int, set[int]] = {}
    figures: dict[int, list[Decimal]] = {}
    texts: dict[int, list[str]] = {}
    for c in table.cells:
        if c.header or c.row < view.header_rows or not c.text:
            continue
        figure = parse_figure(c.text) if c.col in money_cols else None
        if figure is not None:
            if figure > 0:
                figures.setdefault(c.row, []).append(figure)
        elif "원" in c.text:
            texts.setdefault(c.row, []).append(c.text)
    for row, found in figures.items():
        won = set().union(*(reckonings(t) for t in texts.get(row, ())))
        units = {
            mult
            for figure in found
            for mult in MONEY_UNITS.values()
            if (scaled := figure * mult) == scaled.to_integral_value() and int(scaled) in won
        }
        if units:
            rows[row] = units
    if len(rows) < MIN_ROWS:
        return None
    # One unit every showing row agrees on (a row may fit two by coincidence).
    common = set.intersection(*rows.values())
    return common.pop() if len(common) == 1 else None


def shown_units(tables: list[Table]) -> list[int | None]:
    """:func:`shown_unit` of each table, shared by the parts of one table split over
    pages (the same header texts): a part whose rows show no unit takes its parts' one.

    >>> from gongmun.doc.tables import table_from_rows
    >>> head = ["과목", "예산액", "산출내역"]
    >>> shown = table_from_rows([head, ["급여", "24,000,000", "2,000,000원*12개월"],
    ...     ["수당", "600,000", "300,000원*2회"]], "hwp", header_rows=1)
    >>> rest = table_from_rows([head, ["공공요금", "1,932,000", "요금 납부"]], "hwp", header_rows=1)
    >>> shown_units([shown, rest])
    [1, 1]
    """
    own = [shown_unit(t) for t in tables]
    if all(unit is None for unit in own):
        return own
    headers = [_header(t) for t in tables]
    by_header: dict[tuple[str, ...], set[int]] = {}
    for key, unit in zip(headers, own, strict=True):
        if key is not None and unit is not None:
            by_header.setdefault(key, set()).add(unit)
    out = []
    for unit, key in zip(own, headers, strict=True):
        if unit is None and key is not None and len(units := by_header.get(key, set())) == 1:
            unit = next(iter(units))
        out.append(unit)
    return out


def _header(table: Table) -> tuple[str, ...] | None:
    """The header texts by column that name a table across its parts, None for none."""
    header = TableView(table).headers if table.header_rows else ()
    return header if any(header) else None


__all__ = ["MIN_ROWS", "reckoned", "reckonings", "shown_unit", "shown_units"]
