"""Amounts in a table cell take the year its column header states.

A budget table heads a column with its year (``지원 금액 (2024 계획안)``, ``2025년``,
``’25``); an amount in a body cell of that column with no year of its own is that
year's figure. Only a header that names exactly one year frames its column: a header
``’24~’26`` or ``2024 대비 2025`` says nothing about one year.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from gongmun.doc.column_words import BUDGET_STAGES
from gongmun.doc.columns import TableView
from gongmun.doc.tables import Table
from gongmun.extractors.years import FISCAL_YEAR_AFTER, parse_year_marker
from gongmun.models import Amount

# A year inside a header cell: 2025년(도), (2024 계획안), 2025 예산, 2023회계연도, FY2025.
_HEADER_YEAR = regex.compile(
    r"(?<![\d.~])(?P<four>(?:19|20)\d{2})(?![\d.])\s*(?:년도?|"
    + FISCAL_YEAR_AFTER
    + r"|(?=\s*(?:"
    + "|".join(BUDGET_STAGES)
    + r")))"
)
# Headers that compare or range over years frame no single year.
_NOT_ONE_YEAR = regex.compile(r"~|대비|증감|비교|누적")


def header_year(text: str, doc_year: int | None = None) -> int | None:
    """The one year a header cell names, or None.

    >>> header_year("지원 금액 (2024계획안)"), header_year("’25년"), header_year("2025")
    (2024, 2025, 2025)
    >>> header_year("2023회계연도 결산"), header_year("FY2026")
    (2023, 2026)
    >>> header_year("'24~'26") is None, header_year("2024 대비 2025 증감") is None
    (True, True)
    """
    if _NOT_ONE_YEAR.search(text):
        return None
    whole = parse_year_marker(text.strip(), doc_year)
    if whole is not None:
        return whole
    years = {int(m.group("four")) for m in _HEADER_YEAR.finditer(text)}
    return years.pop() if len(years) == 1 else None


def column_years(tables: Sequence[Table], doc_year: int | None) -> list[dict[int, int]]:
    """Per table, column → the one year its header cells name (columns without one left out).

    A change, total, rate or count column (``2025년`` over ``증감``) stands for no one
    year even under a year's header (see :class:`~gongmun.doc.columns.TableView`)."""
    out: list[dict[int, int]] = []
    for t in tables:
        kinds = TableView(t, doc_year).kinds
        found: dict[int, set[int]] = {}
        for c in t.header_cells():
            year = header_year(c.text, doc_year)
            for col in range(c.col, c.col + c.colspan):
                found.setdefault(col, set())
                if year is not None:
                    found[col].add(year)
        out.append(
            {
                col: ys.pop()
                for col, ys in found.items()
                if len(ys) == 1 and (col >= len(kinds) or kinds[col] in ("value", "label"))
            }
        )
    return out


def with_column_years(
    amounts: Sequence[Amount], tables: Sequence[Table], doc_year: int | None
) -> list[Amount]:
    """``amounts`` where a body cell's amount without a year takes its column's year."""
    years = column_years(tables, doc_year)
    cells = {(i, c.row, c.col): c for i, t in enumerate(tables) for c in t.cells}
    out = []
    for a in amounts:
        ref = a.cell
        cell = None if ref is None else cells.get((ref.table, ref.row, ref.col))
        if a.year is None and ref is not None and cell is not None:
            body = not cell.header and cell.row >= tables[ref.table].header_rows
            year = years[ref.table].get(cell.col)
            if body and year is not None:
                a = a.model_copy(update={"year": year})
        out.append(a)
    return out
