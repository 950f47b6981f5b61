"""Amounts in a table cell take the year its column header states.

A budget table heads a column with its year (``지원 금액 (2024 계획안)``, ``2025년``,
``’25``); an amount in a body cell of that column with no year of its own is that
year's figure. Only a header that names exactly one year frames its column: a header
``’24~’26`` or ``2024 대비 2025`` says nothing about one year.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from gongmun.doc.column_words import BUDGET_STAGES
from gongmun.doc.columns import TableView
from gongmun.doc.tables import Table
from gongmun.extractors.projects.forms import form_box, label_year
from gongmun.extractors.years import FISCAL_YEAR_AFTER, parse_year_marker
from gongmun.models import Amount

# A year inside a header cell: 2025년(도), (2024 계획안), 2025 예산, 2023회계연도, FY2025.
_HEADER_YEAR = re.compile(
    r"(?<![\d.~])(?P<four>(?:19|20)\d{2})(?![\d.])\s*(?:년도?|"
    + FISCAL_YEAR_AFTER
    + r"|(?=\s*(?:"
    + "|".join(BUDGET_STAGES)
    + r")))"
)
# The year a form's label opens with, and what a label's words never hold.
_LABEL_YEAR = re.compile(r"^\s*(?:'\d{2}|(?:19|20)\d{2})년도?")
_FIGURE_CHARS = re.compile(r"[\d~∼.,]")
# Headers that compare or range over years frame no single year.
_NOT_ONE_YEAR = re.compile(r"~|대비|증감|비교|누적")


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
    """``amounts`` where a body cell's amount without a year takes its column's year, or
    in a form box the year its label opens with (:func:`label_years`)."""
    years = column_years(tables, doc_year)
    labelled = label_years(tables)
    cells = {(i, c.row, c.col): c for i, t in enumerate(tables) for c in t.cells}
    out = []
    for a in amounts:
        ref = a.cell
        cell = None if ref is None else cells.get((ref.table, ref.row, ref.col))
        if a.year is None and ref is not None and cell is not None:
            year = labelled.get((ref.table, cell.row, cell.col))
            body = not cell.header and cell.row >= tables[ref.table].header_rows
            if year is None and body:
                year = years[ref.table].get(cell.col)
            if year is not None:
                a = a.model_copy(update={"year": year})
        out.append(a)
    return out


def label_years(tables: Sequence[Table]) -> dict[tuple[int, int, int], int]:
    """(table, row, col) of each value cell of a form box whose label, the cell just
    before it on its row, opens with a year → that year (``'26년 예산 | 12억원``)."""
    out: dict[tuple[int, int, int], int] = {}
    for i, t in enumerate(tables):
        if not form_box(t):
            continue
        for r in range(t.n_rows):
            row = t.row_cells(r)
            for label, value in itertools.pairwise(row):
                year = label_year(label.text)
                rest = _LABEL_YEAR.sub("", label.text).strip()
                # A label is words after its year ('26년 예산), not a value ('26~'28).
                if year is not None and rest and not _FIGURE_CHARS.search(rest):
                    out[(i, value.row, value.col)] = year
    return out
