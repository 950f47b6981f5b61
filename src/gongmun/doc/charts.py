"""Tell a chart's figures laid out in columns from a table (tables found in text or words).

A chart's text (a PDF text layer, OCR) stands in columns like a table: data labels and
axis ticks line up, so a run of such lines reads as a grid::

    융자규모추이                         총지출 대비 융자지출 비중
    (단위: 조원,%)                                        (단위:%)
    60.0                             30.0        9.0
    7.7            7.9       7.7
    40.0                     15.0

But nothing says what a row is: a table's body rows start with a label (``국비``, ``계``,
a year down the side, a row number), a chart's lines start with a tick or a data label.
Its figures read under the chart's unit are wrong values, and a wrong value is worse
than a miss, so such a grid is no table.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Final

from gongmun.doc.columns import is_figure, label_year
from gongmun.doc.tables import Table

# Rows whose first cell is a bare figure, out of the body rows: more than this share and
# the grid is a chart's figures.
_UNLABELLED_SHARE: Final = 0.5


def reads_as_chart(table: Table) -> bool:
    """True when the leftmost cell of most body rows of ``table`` is a bare figure (a
    tick or a data label; not a year, not a row number 1, 2, 3): a chart's figures.

    >>> from gongmun.doc.tables import table_from_rows
    >>> chart = table_from_rows([["추이", ""], ["60.0", "7.9"], ["40.0", "7.7"]], "text_aligned",
    ...                         header_rows=1)
    >>> table = table_from_rows([["구분", "2025"], ["국비", "120"], ["지방비", "60"]],
    ...                         "text_aligned", header_rows=1)
    >>> reads_as_chart(chart), reads_as_chart(table)
    (True, False)
    """
    firsts: dict[int, tuple[int, str]] = {}  # row -> its leftmost cell's (col, text)
    for c in table.cells:
        if c.row < table.header_rows or not c.text.strip():
            continue
        if c.row not in firsts or c.col < firsts[c.row][0]:
            firsts[c.row] = (c.col, c.text)
    if not firsts:
        return False
    rows = [t for _, (_, t) in sorted(firsts.items())]
    bare = [t for t in rows if is_figure(t) and label_year(t) is None]
    if len(bare) <= _UNLABELLED_SHARE * len(rows):
        return False
    return not _numbering(bare)


def _numbering(figures: list[str]) -> bool:
    """True for row numbers: whole numbers each one more than the one before (1, 2, 3)."""
    try:
        values = [Decimal(f.strip().strip("()")) for f in figures]
    except InvalidOperation:
        return False
    return all(v == v.to_integral_value() for v in values) and all(
        b - a == 1 for a, b in pairwise(values)
    )


__all__ = ["reads_as_chart"]
