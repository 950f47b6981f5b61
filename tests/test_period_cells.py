"""Periods read from a table's period column (사업기간), each tied to its cell and row."""

from __future__ import annotations

import pytest

from gongmun.extractors.period_cells import cell_period
from gongmun.pipeline import extract_text


def _table(cells: list[str], header: str = "사업기간") -> str:
    rows = "\n".join(f"| 사업{i} | {c} | {100 + i} |" for i, c in enumerate(cells))
    return f"(단위: 억원)\n| 사업명 | {header} | 총사업비 |\n|---|---|---|\n{rows}\n"


@pytest.mark.parametrize(
    ("cell", "years"),
    [
        ("25~29", (2025, 2029)),
        ("’25-’29", (2025, 2029)),
        ("2025-2029", (2025, 2029)),
        ("2024 – 2026", (2024, 2026)),
        ("25-27", (2025, 2027)),
    ],
)
def test_a_period_column_reads_year_ranges_prose_leaves_alone(
    cell: str, years: tuple[int, int]
) -> None:
    doc = extract_text(_table([cell]))
    [period] = doc.periods
    assert (period.start and period.start.year, period.end and period.end.year) == years
    assert period.cell is not None
    assert (period.cell.row, period.cell.col) == (1, 1)
    # The row's project runs over that period.
    [project] = doc.projects
    assert project.name == "사업0"
    assert project.period is not None
    assert project.period.text == period.text


def test_the_same_cells_outside_a_period_column_are_no_periods() -> None:
    doc = extract_text(_table(["25-27"], header="코드"))
    assert doc.periods == []


def test_a_period_the_text_pass_reads_is_not_read_twice() -> None:
    doc = extract_text(_table(["’25~’29", "2025-2027"]))
    assert [p.text for p in doc.periods] == ["'25~'29", "2025-2027"]
    assert [p.cell.row for p in doc.periods if p.cell] == [1, 2]


@pytest.mark.parametrize("cell", ["10-95", "2029~2025", "1,200", "계속", "2025~"])
def test_cells_that_are_no_closed_year_range(cell: str) -> None:
    assert cell_period(cell, 2025) is None
