"""What every extractor shares: the normalized text and the way back to the raw input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from gongmun.doc.tables import Table
from gongmun.extractors.line_index import LineIndex
from gongmun.extractors.years import infer_doc_year
from gongmun.models import Span, Warning
from gongmun.normalize import Normalized


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value sits: normalized span, raw span (None if unmappable) and page."""

    span: Span
    raw_span: Span | None
    page: int | None


@dataclass
class Context:
    """A normalized document being extracted, with the warnings gathered so far."""

    norm: Normalized
    doc_year: int | None = None
    title: str | None = None
    page_of: Callable[[int], int | None] = field(default=lambda _offset: None)
    # Tables in reading order, offsets in the normalized text; a cell's figure refers to
    # its table by position here (``Document.tables[i]``).
    tables: tuple[Table, ...] = ()
    # Reader text span → the span of the text raw_span indexes (RawInput.to_raw).
    to_raw: Callable[[int, int], tuple[int, int] | None] = field(default=lambda a, b: (a, b))
    warnings: list[Warning] = field(default_factory=list)
    # Some of the text is OCR output (an OCR'd page, or text marked ``--ocr-text``): rules
    # that undo OCR's misreadings (a Latin acronym read as digits) apply.
    ocr: bool = False

    @property
    def text(self) -> str:
        """The normalized text every span indexes."""
        return self.norm.text

    @cached_property
    def lines(self) -> LineIndex:
        """Where each line of the text starts and ends (found on first use, then shared
        by every pass that reads the text line by line)."""
        return LineIndex(self.text)

    @cached_property
    def inferred_year(self) -> int | None:
        """The year the text states for itself (:func:`.years.infer_doc_year`), read once
        however many passes ask (each asks when ``doc_year`` is None)."""
        return infer_doc_year(self.text)

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of the raw text (``source.raw_text``) normalized ``[start, end)`` came
        from, or None where it has no exact place."""
        read = self.norm.raw_span(start, end)
        return self.to_raw(*read) if read is not None else None

    def locate(self, start: int, end: int) -> Location:
        """Span, raw span and page of normalized ``[start, end)``; warns when it cannot map."""
        span = Span(start=start, end=end)
        read = self.norm.raw_span(start, end)
        raw = self.to_raw(*read) if read is not None else None
        if read is None or raw is None:
            self.warnings.append(
                Warning(
                    code="raw_span_unmapped",
                    message=f"{self.text[start:end]!r} has no exact place in the raw input",
                    span=span,
                )
            )
            return Location(span, None, self.page_of(read[0]) if read is not None else None)
        return Location(span, Span(start=raw[0], end=raw[1]), self.page_of(read[0]))
