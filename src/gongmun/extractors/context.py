"""What every extractor shares: the normalized text and the way back to the raw input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gongmun.doc.tables import Table
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
    warnings: list[Warning] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The normalized text every span indexes."""
        return self.norm.text

    def locate(self, start: int, end: int) -> Location:
        """Span, raw span and page of normalized ``[start, end)``; warns when it cannot map."""
        span = Span(start=start, end=end)
        raw = self.norm.raw_span(start, end)
        if raw is None:
            self.warnings.append(
                Warning(
                    code="raw_span_unmapped",
                    message=f"{self.text[start:end]!r} has no exact place in the raw input",
                    span=span,
                )
            )
            return Location(span, None, None)
        return Location(span, Span(start=raw[0], end=raw[1]), self.page_of(raw[0]))
