"""What every reader returns: :class:`RawInput`, with the tables it found."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Final, Literal

from gongmun.doc.tables import Table
from gongmun.offsets import OffsetMap

# Pages (PDF) are joined with a blank line: the normalizer and the extractors already
# treat a blank line as a paragraph break, and ``page_starts`` keeps the exact boundary.
PAGE_JOIN: Final = "\n\n"

Row = tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class WordBox:
    """A word read by OCR: raw offsets, 1-based page, box ``(x0, top, x1, bottom)``
    (PDF points on a PDF page, pixels in an image)."""

    start: int
    end: int
    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Where a paragraph of an HWP/HWPX file begins in the reader's text: raw ``start``,
    its ``section`` and its ``index`` among the section's top-level paragraphs (0-based,
    as the file stores them)."""

    start: int
    section: int
    index: int


@dataclass(frozen=True, slots=True)
class RawInput:
    """Decoded text of one document, with how it was read.

    ``page_starts[i]`` is the offset in ``text`` where page ``i + 1`` begins; pages are
    joined with :data:`PAGE_JOIN`. ``tables`` are the tables the reader found, in reading
    order, their offsets in ``text``. ``warnings`` are ``(code, message)`` pairs; a
    warning about one page starts its message with ``"page N: "``. ``ocr_ranges`` are the
    ``(start, end)`` offsets of text read by OCR (OCR repairs apply there only), on
    ``ocr_pages`` by ``ocr_engine``; ``words`` are its words with their boxes.
    ``paragraphs`` (HWP, HWPX) say which paragraph of the file each part of ``text`` comes
    from, in order of ``start``. ``items`` are ``(start, end)`` spans of ``text`` the
    file marks as whole items (a web page's list items, a definition list's terms and
    descriptions), apart and in order: the normalizer joins no line into or out of one.

    ``source_text`` is the decoded file when ``text`` was derived from it (a web page's
    HTML, ``data.decode(encoding)``), and ``source_map`` maps positions of ``text`` to
    it; records' ``raw_span`` then index ``source_text``. ``issued`` is the date the
    file's own metadata gives (a page's ``article:published_time``).
    """

    text: str
    path: str | None
    sha256: str
    media_type: str
    encoding: str | None = None
    page_starts: tuple[int, ...] | None = None
    tables: tuple[Table, ...] = ()
    warnings: tuple[tuple[str, str], ...] = field(default=())
    source_text: str | None = None
    source_map: OffsetMap | None = None
    issued: dt.date | None = None
    ocr_ranges: tuple[tuple[int, int], ...] = ()
    ocr_pages: tuple[int, ...] = ()
    ocr_engine: str | None = None
    words: tuple[WordBox, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    items: tuple[tuple[int, int], ...] = ()

    @property
    def raw_text(self) -> str:
        """The text every record's ``raw_span`` indexes (see :attr:`raw_kind`)."""
        return self.source_text if self.source_text is not None else self.text

    @property
    def raw_kind(self) -> Literal["decoded", "reader"]:
        """``decoded`` when ``raw_span`` indexes the file decoded with ``encoding`` (text
        files, web pages, text given as a str); ``reader`` when it indexes the reader's
        own text of the file (PDF, HWP, HWPX, a text file mixing encodings), which
        ``gongmun normalize FILE --raw`` prints.

        >>> RawInput("총 600억원", None, "0" * 64, "text/plain", "utf-8").raw_kind
        'decoded'
        """
        if self.source_text is not None:
            return "decoded"
        if self.media_type == "text/plain" and (self.encoding is None or "+" not in self.encoding):
            return "decoded"
        return "reader"

    def to_raw(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of :attr:`raw_text` that ``text[start:end]`` comes from, or None."""
        if self.source_map is None:
            return (start, end)
        return self.source_map.to_source(start, end)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding raw ``offset``, or None for inputs without pages.

        >>> RawInput("가\\n\\n나", None, "0" * 64, "application/pdf", page_starts=(0, 3)).page_of(3)
        2
        """
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def paragraph_of(self, offset: int) -> tuple[int, int] | None:
        """``(section, index)`` of the file's paragraph holding raw ``offset`` (HWP, HWPX:
        a table, text box or note counts as part of the paragraph that anchors it).

        >>> raw = RawInput("가\\n나", None, "0" * 64, "application/hwp+zip",
        ...                paragraphs=(Paragraph(0, 0, 0), Paragraph(2, 0, 5)))
        >>> raw.paragraph_of(2), raw.paragraph_of(0)
        ((0, 5), (0, 0))
        """
        if not self.paragraphs:
            return None
        i = bisect.bisect_right(self.paragraphs, offset, key=lambda p: p.start) - 1
        if i < 0:
            return None
        p = self.paragraphs[i]
        return (p.section, p.index)
