"""Tables of the document model as output records, and figures marked with their cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from gongmun import models
from gongmun.doc.placement import CellLocator
from gongmun.doc.tables import Cell, Table

RawSpan = Callable[[int, int], tuple[int, int] | None]
Figure = TypeVar("Figure", models.Amount, models.Period)


def table_records(tables: Sequence[Table], raw_span: RawSpan) -> list[models.Table]:
    """Output records of ``ctx.tables`` (normalized offsets); ``raw_span`` maps a
    normalized span to the raw input."""
    return [_record(i, t, raw_span) for i, t in enumerate(tables)]


def _spans(
    start: int | None, end: int | None, raw_span: RawSpan
) -> tuple[models.Span | None, models.Span | None]:
    if start is None or end is None:
        return None, None
    raw = raw_span(start, end)
    span = models.Span(start=start, end=end)
    return span, None if raw is None else models.Span(start=raw[0], end=raw[1])


def _cell(c: Cell, raw_span: RawSpan) -> models.TableCell:
    span, raw = _spans(c.start, c.end, raw_span)
    return models.TableCell(
        row=c.row,
        col=c.col,
        rowspan=c.rowspan,
        colspan=c.colspan,
        text=c.text,
        header=c.header,
        span=span,
        raw_span=raw,
        bbox=c.bbox,
    )


def _record(index: int, t: Table, raw_span: RawSpan) -> models.Table:
    span, raw = _spans(t.start, t.end, raw_span)
    return models.Table(
        index=index,
        source=t.source,
        caption=t.caption,
        unit=t.unit,
        page=t.page,
        n_rows=t.n_rows,
        n_cols=t.n_cols,
        header_rows=t.header_rows,
        span=span,
        raw_span=raw,
        bbox=t.bbox,
        cells=[_cell(c, raw_span) for c in t.cells],
    )


def with_cells(figures: Sequence[Figure], locator: CellLocator) -> list[Figure]:
    """``figures`` with ``cell`` set where a figure's span lies inside one table cell.

    Every extractor gets this for free: it runs on what they found, by span alone.
    """
    out = []
    for f in figures:
        hit = locator.find(f.span.start, f.span.end)
        if hit is None or f.cell is not None:
            out.append(f)
            continue
        ref = models.CellRef(table=hit.table, row=hit.cell.row, col=hit.cell.col)
        out.append(f.model_copy(update={"cell": ref}))
    return out
