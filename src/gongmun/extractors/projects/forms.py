"""Form boxes: a form's labels, each beside or above its value (사업명 | NAME, 사업기간
| '25~'29), as a table or flattened to one label and one value a line."""

from __future__ import annotations

import re
from typing import Final

from gongmun.doc.tables import Table
from gongmun.extractors.projects.words import (
    FIELD_NAME_LABELS,
    FIGURE_FIELD_LABELS,
    NAME_COLUMNS,
    NAME_LABELS,
)


def label_year(label: str) -> int | None:
    """The year a bare label opens with: ``'25년 예산`` → 2025 (the value's year, which
    sits on the line after it, out of its clause's reach).

    >>> label_year("'25년 예산"), label_year("2026년도 예산"), label_year("사업기간")
    (2025, 2026, None)
    """
    m = _YEAR_LABEL.match(label)
    if m is None:
        return None
    digits = m.group().strip().lstrip("'")[:4].rstrip("년")
    return int(digits) if len(digits) == 4 else 2000 + int(digits[:2])


def bare_label(line: str) -> bool:
    """Whether ``line`` is a figure field's label alone (``사업기간``, ``총 사업비``)."""
    return len(line) <= 16 and "".join(_YEAR_LABEL.sub("", line).split()) in FIGURE_FIELD_LABELS


# The year a label may open with ("'25년 예산", "2025년도 예산").
_YEAR_LABEL = re.compile(r"^\s*(?:'\d{2}|(?:19|20)\d{2})년도?\s*")


def form_box(table: Table) -> bool:
    """Whether ``table`` is a form's box of labels, each beside its value: a name label
    in the first column with a value after it, and a figure label somewhere
    (사업명 | NAME / 사업기간 | '25~'29 | 총사업비 | 90억원), not a header row of labels
    (사업명 | 사업기간 | 총사업비, 사업명 | 2024년 예산)."""
    keys = {id(c): "".join(c.text.split()) for c in table.cells}
    if not any(bare_label(c.text) for c in table.cells):
        return False
    for c in table.cells:
        if c.col != 0 or keys[id(c)] not in _NAME_LABEL_SET:
            continue
        after = sorted(
            (d for d in table.cells if d.row == c.row and d.col > 0), key=lambda d: d.col
        )
        # One value beside the label, or pairs on (NAME | 총사업비 | 90억원); a row of
        # names is a table laid out by columns (사업명 | A | B | C).
        if (
            after
            and not _label_like(keys[id(after[0])])
            and (len(after) == 1 or _label_like(keys[id(after[1])]))
        ):
            return True
    return False


def _label_like(key: str) -> bool:
    """Whether a cell's text (spaces removed) reads as a column's label, not a value."""
    return (
        not key
        or key in _NAME_LABEL_SET
        or key in NAME_COLUMNS
        or bare_label(key)
        or _HEADER_LEAD.match(key) is not None
    )


# A header cell opening with a year or a number (2024년 예산, '25년, 1차년도).
_HEADER_LEAD = re.compile(r"^[\d'’‘`(\[]")


_NAME_LABEL_SET: Final = frozenset((*NAME_LABELS, *FIELD_NAME_LABELS))
