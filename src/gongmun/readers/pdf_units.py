"""A PDF table's unit statement found by where it stands on the page.

A page sets ``(단위: 백만원)`` flush right just above its table (or just under it). Read in
pdfminer's order of text boxes, that short box on the right often comes after the
table and the notes under it, or at the end of the page, where no line next to the
table holds it: so the reader gives the table the unit of the box that stands over (or
under) it, within :data:`UNIT_GAP` points and across its width.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, Final

from gongmun.doc.around import unit_of
from gongmun.doc.tables import Box, Table

# How far above a table's top (or below its bottom) its unit statement may stand, in
# points: about two lines of body text.
UNIT_GAP: Final = 24.0


def with_box_units(
    tables: Sequence[tuple[Box, Table]], boxes: Sequence[dict[str, Any]]
) -> list[tuple[Box, Table]]:
    """``tables`` each with the unit of the unit-statement text box right above it (else
    right below it), where the table has none yet and only one such box stands there.

    >>> from gongmun.doc.tables import table_from_rows
    >>> t = table_from_rows((("구분", "2025"), ("계", "10")), "pdf_ruled")
    >>> unit = {"x0": 450.0, "x1": 520.0, "top": 99.0, "bottom": 109.0, "text": "(단위: 억원)\\n"}
    >>> [(_, found)] = with_box_units([((72.0, 112.0, 520.0, 180.0), t)], [unit])
    >>> found.unit
    '억원'
    """
    units = [
        (b, found)
        for b in boxes
        if "단" in b.get("text", "") and (found := unit_of(b["text"].strip())) is not None
    ]
    if not units:
        return list(tables)
    # A unit between two tables heads the one under it: never the one above's.
    heading = [(b, u) for b, u in units if any(_over(box, b) for box, _ in tables)]
    trailing = [(b, u) for b, u in units if not any(b is h for h, _ in heading)]
    out = []
    for box, table in tables:
        if table.unit is None:
            unit = _one(u for b, u in heading if _over(box, b)) or _one(
                u for b, u in trailing if _under(box, b)
            )
            if unit is not None:
                table = dataclasses.replace(table, unit=unit)
        out.append((box, table))
    return out


def _across(box: Box, b: dict[str, Any]) -> bool:
    return float(b["x0"]) < box[2] and box[0] < float(b["x1"])


def _over(box: Box, b: dict[str, Any]) -> bool:
    """The text box ``b`` stands right above the table at ``box``."""
    return _across(box, b) and 0 <= box[1] - float(b["bottom"]) <= UNIT_GAP


def _under(box: Box, b: dict[str, Any]) -> bool:
    """The text box ``b`` stands right under the table at ``box``."""
    return _across(box, b) and 0 <= float(b["top"]) - box[3] <= UNIT_GAP


def _one(units: Iterable[str]) -> str | None:
    """The one unit ``units`` name, or None for none or different ones."""
    found = set(units)
    return found.pop() if len(found) == 1 else None


__all__ = ["UNIT_GAP", "with_box_units"]
