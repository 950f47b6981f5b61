"""PDF reader (pdfplumber): text page by page, ruled tables as rows, and what went wrong.

Pages are joined with :data:`~gongmun.readers.model.PAGE_JOIN`; ``page_starts`` says
where each begins. On a page with ruled tables the text around each table is read
band by band from top to bottom, and each table is written into the text as one cell
per line, row after row (the way the seed texts carry tables), so an amount found in a
table keeps its page and its place. Problems that leave text usable are warnings:
``(cid:…)`` glyphs, doubled (fake bold) characters, pages without a text layer.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from gongmun.errors import InputError
from gongmun.readers import limits
from gongmun.readers.model import PAGE_JOIN, RawInput, Row, Table
from gongmun.readers.pdf_tables import (
    CELL_TEXT_SETTINGS,
    CID_MARK,
    DEDUPE_TOLERANCE,
    DOUBLED_MIN_CHARS,
    EOF_WINDOW,
    MIN_TABLE_COLS,
    MIN_TABLE_ROWS,
    TABLE_SETTINGS,
    TEXT_SETTINGS,
)

MEDIA_TYPE = "application/pdf"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageText:
    """One page read: its text, its tables (offsets within the page) and warnings."""

    text: str
    tables: tuple[Table, ...]
    warnings: tuple[tuple[str, str], ...]


def read_pdf(data: bytes, path: str, sha256: str) -> RawInput:
    """Read a PDF's bytes; raise :class:`InputError` if it is encrypted, broken or textless."""
    import pdfplumber

    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(path, "PDF is truncated or broken (no %%EOF at its end)", "broken_pdf")
    try:
        pdf = pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False)
    except Exception as e:  # pdfminer raises many types; all mean the same to a user
        raise _open_error(path, e) from e
    with pdf:
        try:
            pages = pdf.pages
        except Exception as e:
            raise _open_error(path, e) from e
        if not pages:
            raise InputError(path, "PDF has no pages", "broken_pdf")
        if len(pages) > limits.MAX_PDF_PAGES:
            raise InputError(
                path,
                f"PDF has {len(pages):,} pages, over the limit of {limits.MAX_PDF_PAGES:,}",
                "too_large",
            )
        read: list[PageText] = []
        for page in pages:
            try:
                read.append(read_page(page))
            except Exception as e:
                raise InputError(
                    path,
                    f"page {page.page_number} of the PDF cannot be read: {_describe(e)}",
                    "broken_pdf",
                ) from e
            finally:
                page.close()
    if not any(p.text.strip() for p in read):
        raise InputError(
            path,
            f"no text layer on any of its {len(read)} page(s): a scanned PDF needs OCR first",
            "no_text",
        )
    return _assemble(read, path, sha256)


def _assemble(pages: list[PageText], path: str, sha256: str) -> RawInput:
    parts: list[str] = []
    starts: list[int] = []
    tables: list[Table] = []
    warnings: list[tuple[str, str]] = []
    offset = 0
    for number, page in enumerate(pages, start=1):
        if number > 1:
            parts.append(PAGE_JOIN)
            offset += len(PAGE_JOIN)
        starts.append(offset)
        parts.append(page.text)
        for t in page.tables:
            start = None if t.raw_start is None else offset + t.raw_start
            tables.append(Table(t.rows, number, start))
        warnings.extend(page.warnings)
        offset += len(page.text)
    return RawInput(
        text="".join(parts),
        path=path,
        sha256=sha256,
        media_type=MEDIA_TYPE,
        page_starts=tuple(starts),
        tables=tuple(tables),
        warnings=tuple(warnings),
    )


def read_page(page: Any) -> PageText:
    """Text, tables and warnings of one pdfplumber page."""
    number = page.page_number
    if not page.chars:
        if page.images:
            return PageText("", (), (("pdf_needs_ocr", _on(number, _SCANNED)),))
        return PageText("", (), (("pdf_empty_page", _on(number, "page has no text")),))
    warnings: list[tuple[str, str]] = []
    clean = page.dedupe_chars(tolerance=DEDUPE_TOLERANCE)
    doubled = len(page.chars) - len(clean.chars)
    if doubled >= DOUBLED_MIN_CHARS:
        warnings.append(
            (
                "pdf_doubled_chars",
                _on(number, f"{doubled} doubled characters (fake bold) were removed"),
            )
        )
    found = [t for t in clean.find_tables(TABLE_SETTINGS) if _is_table(t)]
    found.sort(key=lambda t: t.bbox[1])
    pieces: list[str] = []
    tables: list[Table] = []
    length = 0

    def add(piece: str) -> None:
        nonlocal length
        if not piece:
            return
        if pieces:
            pieces.append("\n")
            length += 1
        pieces.append(piece)
        length += len(piece)

    top = float("-inf")
    for table in found:
        x0, t_top, x1, t_bottom = table.bbox
        add(_band_text(clean, top, t_top))
        rows = clean_rows(table.extract(**CELL_TEXT_SETTINGS))
        rendered = render_rows(rows)
        if rendered:
            add(rendered)
            tables.append(Table(rows, number, length - len(rendered)))
        # Text beside the table, in the same band.
        add(_band_text(clean, t_top, t_bottom, outside=(x0, x1)))
        top = t_bottom
    add(_band_text(clean, top, float("inf")))
    text = "".join(pieces)
    cids = text.count(CID_MARK)
    if cids:
        warnings.append(
            (
                "pdf_cid_glyphs",
                _on(
                    number,
                    f"{cids} glyph(s) have no Unicode mapping and read as (cid:…); "
                    "the font lacks a ToUnicode map, so that text is lost",
                ),
            )
        )
    if not text.strip() and page.images:
        warnings.append(("pdf_needs_ocr", _on(number, _SCANNED)))
    return PageText(text, tuple(tables), tuple(warnings))


_SCANNED = "no text layer, only images (a scanned page): needs OCR"


def _on(page: int, message: str) -> str:
    return f"page {page}: {message}"


def _is_table(table: Any) -> bool:
    rows = table.rows
    return len(rows) >= MIN_TABLE_ROWS and max(len(r.cells) for r in rows) >= MIN_TABLE_COLS


def _band_text(
    page: Any, top: float, bottom: float, outside: tuple[float, float] | None = None
) -> str:
    """Text of the characters whose middle lies between ``top`` and ``bottom``."""

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return False
        mid = (obj["top"] + obj["bottom"]) / 2
        if not top <= mid < bottom:
            return False
        if outside is None:
            return True
        h_mid = (obj["x0"] + obj["x1"]) / 2
        return not outside[0] <= h_mid < outside[1]

    band = page.filter(keep)
    if not band.chars:
        return ""
    return str(band.extract_text(**TEXT_SETTINGS)).strip("\n")


def clean_cell(cell: str | None) -> str | None:
    """One cell's text on one line; ``None`` (under a merged cell) stays ``None``.

    >>> clean_cell("차세대 반도체 기판인\\n유리기판용  TGV")
    '차세대 반도체 기판인 유리기판용 TGV'
    """
    if cell is None:
        return None
    return _SPACES.sub(" ", cell).strip()


def clean_rows(rows: list[list[str | None]]) -> tuple[Row, ...]:
    """Clean every cell; drop rows that are wholly empty."""
    out = []
    for row in rows:
        cells = tuple(clean_cell(c) for c in row)
        if any(cells):
            out.append(cells)
    return tuple(out)


def render_rows(rows: tuple[Row, ...]) -> str:
    """A table as text: one non-empty cell per line, row after row.

    >>> render_rows((("분과", "과제명"), ("AI", None)))
    '분과\\n과제명\\nAI'
    """
    return "\n".join(c for row in rows for c in row if c)


def _open_error(path: str, e: BaseException) -> InputError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return InputError(
            path, "PDF is encrypted (needs a password): decrypt it first", "encrypted_pdf"
        )
    return InputError(path, f"PDF is broken: {_describe(inner)}", "broken_pdf")


def _describe(e: BaseException) -> str:
    text = str(e).strip()
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
