"""Amounts and periods OCR left doubtful are dropped, each with a warning: a wrong value is
worse than a miss.

Two sources of doubt, both only in OCR'd text:

- a figure the repair step found doubtful (:func:`gongmun.normalize.ocr.doubtful_figures`:
  ``11632억원``, ``3, 099억``, a bare ``166조`` beside ``제67조``…), passed in as raw
  spans with the reason;
- a bare number of one or two digits whose unit comes only from a caption or a column
  (``당초(4)``: the column letter ``(A)`` read as ``4``; a garbled word in a table read
  as ``78``). OCR loses a table's layout, so such a number cannot be told from a letter,
  a footnote mark or a page's stray digits; a table figure with a separator or a decimal
  (``2,300,000``, ``36.7``) or three digits stays.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from gongmun.extractors.context import Context
from gongmun.models import Amount, Period, Warning

# The normalizer's notes for doubtful figures and periods (raw spans and reasons).
DOUBT_CODES: Final = ("ocr_doubtful_figure", "ocr_doubtful_period")

# One or two digits, maybe with a decrease mark: nothing in it tells a figure from a letter.
_SHORT_BARE: Final = re.compile(r"[△▽-]?\d{1,2}")
SHORT_WHY: Final = (
    "a bare one- or two-digit number with its unit only from a caption or a column "
    "(OCR loses the table's layout: a column letter or a stray mark read as digits)"
)


class _Doubts:
    """Doubtful spans, asked which one a record's span overlaps first (in their order) in
    time that stays linear when a long text has many of both."""

    def __init__(self, doubtful: Sequence[tuple[tuple[int, int], str]]) -> None:
        order = sorted(range(len(doubtful)), key=lambda i: doubtful[i][0][0])
        self._items = [(doubtful[i][0][0], doubtful[i][0][1], i, doubtful[i][1]) for i in order]
        self._starts = [s for s, _, _, _ in self._items]
        # A span overlapping [start, end) starts before end and after start - longest.
        self._longest = max((e - s for s, e, _, _ in self._items), default=0)

    def first(self, start: int, end: int) -> str | None:
        """The reason of the first doubtful span overlapping ``[start, end)``, if any."""
        best: tuple[int, str] | None = None
        k = bisect_left(self._starts, start - self._longest)
        while k < len(self._items) and self._items[k][0] < end:
            _, e, i, why = self._items[k]
            if start < e and (best is None or i < best[0]):
                best = (i, why)
            k += 1
        return best[1] if best is not None else None


def drop_doubtful(
    ctx: Context,
    amounts: list[Amount],
    doubtful: Sequence[tuple[tuple[int, int], str]],
    ocr: bool | Sequence[tuple[int, int]],
) -> list[Amount]:
    """The amounts that are not doubtful; each one dropped adds an ``ocr_doubtful_figure`` warning.

    ``doubtful`` are ``(raw_span, why)`` in the coordinates of records' ``raw_span``;
    ``ocr`` is True (all of the text is OCR output) or the raw text's OCR'd ranges.

    >>> from gongmun.pipeline import extract_text
    >>> doc = extract_text("(단위: 억원)\\n구분 당초(4) 1,615", ocr_text=True)
    >>> [a.text for a in doc.amounts], [w.code for w in doc.warnings]
    (['1,615'], ['ocr_doubtful_figure'])
    """
    if not ocr:
        return amounts
    kept: list[Amount] = []
    doubts = _Doubts(doubtful)
    for a in amounts:
        why = _doubt(ctx, a, doubts, ocr)
        if why is None:
            kept.append(a)
            continue
        ctx.warnings.append(
            Warning(
                code="ocr_doubtful_figure",
                message=f"{a.text!r} read by OCR is doubtful: {why}; not given as an amount",
                span=a.span,
                page=a.page,
            )
        )
    return kept


def drop_doubtful_periods(
    ctx: Context, periods: list[Period], doubtful: Sequence[tuple[tuple[int, int], str]]
) -> list[Period]:
    """The periods not read from a point OCR left doubtful (``'25.+ ~``: 上 or 下?); each one
    dropped adds an ``ocr_doubtful_period`` warning.

    >>> from gongmun.pipeline import extract_text
    >>> doc = extract_text("공고('25. ~), 착수('25.下~)", ocr_text=True)
    >>> [p.text for p in doc.periods], [w.code for w in doc.warnings]
    (["'25.下~"], ['ocr_doubtful_period'])
    """
    kept: list[Period] = []
    doubts = _Doubts(doubtful)
    for p in periods:
        raw = p.raw_span
        why = doubts.first(raw.start, raw.end) if raw is not None else None
        if why is None:
            kept.append(p)
            continue
        ctx.warnings.append(
            Warning(
                code="ocr_doubtful_period",
                message=f"{p.text!r} read by OCR is doubtful: {why}; not given as a period",
                span=p.span,
                page=p.page,
            )
        )
    return kept


def _doubt(
    ctx: Context, a: Amount, doubts: _Doubts, ocr: bool | Sequence[tuple[int, int]]
) -> str | None:
    raw = a.raw_span
    if raw is not None:
        why = doubts.first(raw.start, raw.end)
        if why is not None:
            return why
    if a.unit_implied and _SHORT_BARE.fullmatch(a.text) and _in_ocr(ctx, a, ocr):
        return SHORT_WHY
    return None


def _in_ocr(ctx: Context, a: Amount, ocr: bool | Sequence[tuple[int, int]]) -> bool:
    if ocr is True:
        return True
    if ocr is False:
        return False
    span = ctx.norm.raw_span(a.span.start, a.span.end)
    return span is not None and any(s <= span[0] and span[1] <= e for s, e in ocr)


__all__ = ["DOUBT_CODES", "SHORT_WHY", "drop_doubtful", "drop_doubtful_periods"]
