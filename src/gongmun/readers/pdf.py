"""PDF reader (pdfplumber): text page by page, ruled tables as rows, and what went wrong.

Pages are joined with :data:`~gongmun.readers.model.PAGE_JOIN`; ``page_starts`` says
where each begins. On a page with ruled tables the text around each table is read
band by band from top to bottom, and each table is written into the text as one cell
per line, row after row (the way the seed texts carry tables), so an amount found in a
table keeps its page and its place. Problems that leave text usable are warnings:
``(cid:…)`` glyphs, doubled (fake bold) characters, pages without a text layer, damage
pdfminer worked around (:mod:`.pdf_log`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import re
from dataclasses import dataclass
from typing import Any, Final

from gongmun import pulse
from gongmun.doc.tables import Table, place
from gongmun.errors import InputError
from gongmun.readers import limits
from gongmun.readers.model import PAGE_JOIN, RawInput, Row, WordBox
from gongmun.readers.ocr import OcrMode
from gongmun.readers.page_text import PageWriter
from gongmun.readers.pdf_cells import round_box, ruled_table
from gongmun.readers.pdf_guard import find_limit, guarded, new_page
from gongmun.readers.pdf_log import collected
from gongmun.readers.pdf_tables import (
    CELL_TEXT_SETTINGS,
    CID_MARK,
    CONTROL_GLYPHS_MIN,
    DEDUPE_TOLERANCE,
    DOUBLED_MIN_CHARS,
    EOF_WINDOW,
    LAPARAMS,
    MIN_TABLE_COLS,
    MIN_TABLE_ROWS,
    OCR_MAX_CHARS,
    OCR_MIN_IMAGE_SHARE,
    TABLE_MIN_COVERAGE,
    TABLE_SETTINGS,
    TEXT_SETTINGS,
)
from gongmun.readers.pdf_units import with_box_units
from gongmun.readers.pdf_words import aligned_tables, hrule_tables, words_of

MEDIA_TYPE = "application/pdf"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageText:
    """One page read: its text, its tables (offsets within the page) and warnings."""

    text: str
    tables: tuple[Table, ...]
    warnings: tuple[tuple[str, str], ...]
    control_glyphs: int = 0
    ocr_words: tuple[tuple[int, int, tuple[float, float, float, float]], ...] | None = None
    # Words of the text layer: (start, end) in ``text`` and their box, for records' bbox.
    text_words: tuple[tuple[int, int, tuple[float, float, float, float]], ...] = ()

    @property
    def needs_ocr(self) -> bool:
        """True for a scanned page (images, no usable text layer)."""
        return any(code == "pdf_needs_ocr" for code, _ in self.warnings)


def read_pdf(data: bytes, path: str, sha256: str, ocr: OcrMode = "auto") -> RawInput:
    """Read a PDF's bytes; raise :class:`InputError` if it is encrypted, broken or textless.

    Scanned pages are OCR'd (:mod:`.ocr`): with ``ocr="auto"`` the pages with no text layer
    at all, with ``"always"`` also pages with only a few characters over a page-sized
    image; ``"never"`` leaves them empty, with a warning. pdfminer's work is bounded
    (:mod:`~gongmun.readers.pdf_guard`): reference loops, Flate bombs, XObject fan-outs
    and page counts past the limits end with an error.
    """
    with guarded(), collected() as complaints:
        raw = _read_pdf(data, path, sha256, ocr)
    damaged = complaints.warning()
    if damaged is None:
        return raw
    return dataclasses.replace(raw, warnings=(*raw.warnings, damaged))


def _read_pdf(data: bytes, path: str, sha256: str, ocr: OcrMode) -> RawInput:
    import pdfplumber

    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(path, "PDF is truncated or broken (no %%EOF at its end)", "broken_pdf")
    try:
        # No laparams: read_page runs the layout analysis itself (pdf_layout), once.
        pdf = pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False)
    except Exception as e:  # pdfminer raises many types; all mean the same to a user
        raise _open_error(path, e) from e
    try:
        try:
            _check_page_count(pdf, path)
            pages = pdf.pages
        except InputError:
            raise
        except Exception as e:
            raise _open_error(path, e) from e
        if not pages:
            raise InputError(path, "PDF has no pages", "broken_pdf")
        read: list[PageText] = []
        for page in pages:
            new_page()
            try:
                read.append(read_page(page))
            except Exception as e:
                limit = find_limit(e)
                if limit is not None:
                    problem = f"page {page.page_number}: {limit.problem}"
                    raise InputError(path, problem, limit.code) from e
                raise InputError(
                    path,
                    f"page {page.page_number} of the PDF cannot be read: {_describe(e)}",
                    "broken_pdf",
                ) from e
            finally:
                page.close()
    finally:
        _close(pdf)
    read, engine = _ocr_pages(read, data, path, ocr)
    if not any(p.text.strip() for p in read):
        hint = " (gongmun extract --ocr)" if ocr == "never" else ""
        raise InputError(
            path,
            f"no text layer on any of its {len(read)} page(s): a scanned PDF needs OCR{hint}",
            "no_text",
        )
    return _assemble(read, path, sha256, engine)


def _ocr_pages(
    pages: list[PageText], data: bytes, path: str, mode: OcrMode
) -> tuple[list[PageText], str | None]:
    """Pages with the scanned ones OCR'd, and the engine used (None if none was)."""
    from gongmun.readers import ocr

    if mode == "never":
        return pages, None
    todo = [
        i for i, p in enumerate(pages) if p.needs_ocr and (mode == "always" or not p.text.strip())
    ]
    if not todo:
        return pages, None
    if ocr.engine() is None:
        if mode == "always" or not any(p.text.strip() for p in pages):
            ocr.require_engine(path)
        # auto, and other pages have text: those are read, the scanned ones reported.
        numbers = ", ".join(str(i + 1) for i in todo)
        note = ("ocr_unavailable", f"page(s) {numbers} scanned and left unread: {ocr.INSTALL_HINT}")
        first = pages[todo[0]]
        out = list(pages)
        out[todo[0]] = PageText(first.text, first.tables, (*first.warnings, note))
        return out, None
    name = ocr.require_engine(path)
    out = list(pages)
    for k, i in enumerate(todo, start=1):
        # Seconds a page: the batch's progress line shows which page is being read.
        pulse.report(pulse.OcrPage(path, k, len(todo)))
        grey = ocr.render_pdf_grey(data, i, path)
        read = ocr.ocr_grey(grey, path, scale=ocr.DPI / 72)
        kept = tuple(w for w in pages[i].warnings if w[0] != "pdf_needs_ocr")
        words = tuple((w.start, w.end, w.box) for w in read.words)
        tables = tuple(dataclasses.replace(t, page=i + 1) for t in read.tables)
        out[i] = PageText(read.text, tables, kept, 0, words)
    numbers = ", ".join(str(i + 1) for i in todo)
    what = "had no text layer" if mode == "auto" else "were scanned"
    first = out[todo[0]]
    out[todo[0]] = PageText(
        first.text,
        first.tables,
        (*first.warnings, ("ocr_pages", f"page(s) {numbers} {what}: read by OCR ({name})")),
        first.control_glyphs,
        first.ocr_words,
    )
    return out, name


def _assemble(pages: list[PageText], path: str, sha256: str, engine: str | None = None) -> RawInput:
    parts: list[str] = []
    starts: list[int] = []
    tables: list[Table] = []
    warnings: list[tuple[str, str]] = []
    ocr_ranges: list[tuple[int, int]] = []
    ocr_pages: list[int] = []
    words: list[WordBox] = []
    offset = 0
    for number, page in enumerate(pages, start=1):
        if number > 1:
            parts.append(PAGE_JOIN)
            offset += len(PAGE_JOIN)
        starts.append(offset)
        parts.append(page.text)
        if page.ocr_words is not None:
            ocr_pages.append(number)
            ocr_ranges.append((offset, offset + len(page.text)))
            words.extend(
                WordBox(offset + a, offset + b, number, box) for a, b, box in page.ocr_words
            )
        words.extend(WordBox(offset + a, offset + b, number, box) for a, b, box in page.text_words)
        tables.extend(t.shifted(offset) for t in page.tables)
        warnings.extend(page.warnings)
        offset += len(page.text)
    controls = sum(p.control_glyphs for p in pages)
    if controls >= CONTROL_GLYPHS_MIN:
        # Benign and usually on every page: one warning for the document.
        warnings.append(
            (
                "pdf_control_glyphs",
                f"{controls} glyphs map to control characters (word spaces in Hancom PDFs); "
                "read as spaces",
            )
        )
    return RawInput(
        text="".join(parts),
        path=path,
        sha256=sha256,
        media_type=MEDIA_TYPE,
        page_starts=tuple(starts),
        tables=tuple(tables),
        warnings=tuple(warnings),
        ocr_ranges=tuple(ocr_ranges),
        ocr_pages=tuple(ocr_pages),
        ocr_engine=engine,
        words=tuple(words),
    )


def read_page(page: Any) -> PageText:
    """Text, tables and warnings of one pdfplumber page.

    A page of a PDF opened without ``laparams`` gets pdfminer's layout analysis here
    (:mod:`.pdf_layout`), before its characters are read, so they come in reading order.
    """
    number = page.page_number
    boxes = _text_boxes(page)
    if not page.chars:
        if page.images:
            return PageText("", (), (("pdf_needs_ocr", _on(number, _SCANNED)),))
        return PageText("", (), (("pdf_empty_page", _on(number, "page has no text")),))
    warnings: list[tuple[str, str]] = []
    controls = controls_to_spaces(page.chars)
    # dedupe_chars sorts every character: a fifth of the reading time on a long page, so
    # it runs only where a cheap pass saw a character drawn twice.
    clean = page.dedupe_chars(tolerance=DEDUPE_TOLERANCE) if has_doubles(page.chars) else page
    visible = _visible(clean.chars)
    doubled = _visible(page.chars) - visible if clean is not page else 0
    if doubled >= DOUBLED_MIN_CHARS:
        warnings.append(
            (
                "pdf_doubled_chars",
                _on(number, f"{doubled} doubled characters (fake bold) were removed"),
            )
        )
    tables = _tables(clean)
    tables.extend(word_position_tables(clean, [box for box, _ in tables]))
    tables.sort(key=lambda t: (t[0][1], t[0][0]))
    tables = with_box_units(tables, boxes)
    text, placed, words = _layout_text(clean, boxes, tables)
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
    elif visible < OCR_MAX_CHARS and _image_share(page) >= OCR_MIN_IMAGE_SHARE:
        # A scan with a stamped page number or header: a few characters over an image.
        warnings.append(
            (
                "pdf_needs_ocr",
                _on(
                    number,
                    f"only {visible} characters of text over a page-sized image "
                    "(a scanned page): needs OCR",
                ),
            )
        )
    found = tuple(dataclasses.replace(t, page=number) for t in placed)
    return PageText(text, found, tuple(warnings), controls, text_words=words)


def _text_boxes(page: Any) -> list[dict[str, Any]]:
    """The page's text boxes (as pdfplumber describes them) in pdfminer's reading order."""
    if page.pdf.laparams is not None:  # opened with laparams: pdfplumber analysed it
        return list(page.objects.get("textboxhorizontal", []))
    from gongmun.readers.pdf_layout import analyze_page

    return analyze_page(page, LAPARAMS)


_SCANNED = "no text layer, only images (a scanned page): needs OCR"
Box = tuple[float, float, float, float]


def _on(page: int, message: str) -> str:
    return f"page {page}: {message}"


def controls_to_spaces(chars: list[dict[str, Any]]) -> int:
    """Glyphs whose text is a control character (Hancom PDFs draw spaces as U+0007)."""
    n = 0
    for c in chars:
        t = c["text"]
        if t and ord(t[0]) < 0x20:
            c["text"] = " "
            n += 1
    return n


def _image_share(page: Any) -> float:
    """Share of the page's area under images (overlaps counted twice; capped at 1)."""
    area = float(page.width * page.height) or 1.0
    covered = sum(
        max(0.0, float(i["x1"] - i["x0"])) * max(0.0, float(i["bottom"] - i["top"]))
        for i in page.images
    )
    return min(1.0, covered / area)


def _visible(chars: list[dict[str, Any]]) -> int:
    return sum(1 for c in chars if not c["text"].isspace())


def has_doubles(chars: list[dict[str, Any]]) -> bool:
    """True when some character is drawn again within about a point of itself.

    >>> a, b = {"text": "억", "x0": 10.0, "top": 5.0}, {"text": "억", "x0": 10.3, "top": 5.0}
    >>> has_doubles([a, b]), has_doubles([a])
    (True, False)
    """
    # Places seen, by text: a character is looked for only among its own kind.
    seen: dict[str, set[tuple[int, int]]] = {}
    for c in chars:
        t = c["text"]
        if t.isspace():
            continue
        x, y = round(c["x0"]), round(c["top"])
        places = seen.get(t)
        if places is None:
            seen[t] = {(x, y)}
            continue
        for dx, dy in _NEAR:
            if (x + dx, y + dy) in places:
                return True
        places.add((x, y))
    return False


_NEAR: Final = tuple((dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def _mid_in(obj: dict[str, Any], box: Box, pad: float = 0.0) -> bool:
    x: float = (obj["x0"] + obj["x1"]) / 2
    y: float = (obj["top"] + obj["bottom"]) / 2
    return box[0] - pad <= x < box[2] + pad and box[1] - pad <= y < box[3] + pad


def _tables(page: Any) -> list[tuple[Box, Table]]:
    """Ruled tables whose cells hold the text inside them (a frame around a page is not)."""
    from pdfplumber.table import Table as Found

    out: list[tuple[Box, Table]] = []
    for found in page.find_tables(TABLE_SETTINGS):
        if not _is_table(found):
            continue
        box: Box = tuple(found.bbox)
        # pdfplumber's extract tests every character of the page against every row; a
        # row's middle test passes only inside the table, so it is given those alone.
        chars = [c for c in page.chars if _mid_in(c, box)]
        only: Any = _Chars(chars)
        texts = Found(only, found.cells).extract(**CELL_TEXT_SETTINGS)
        table = ruled_table([r.cells for r in found.rows], texts, "pdf_ruled")
        inside = sum(1 for c in chars if not c["text"].isspace())
        in_cells = sum(len(c.text.replace(" ", "")) for c in table.cells)
        if table.cells and in_cells >= TABLE_MIN_COVERAGE * inside:
            out.append((box, dataclasses.replace(table, bbox=round_box(box))))
    out.sort(key=lambda t: (t[0][1], t[0][0]))
    return out


@dataclass(frozen=True, slots=True)
class _Chars:
    """What pdfplumber's ``Table.extract`` reads of its page: the characters."""

    chars: list[dict[str, Any]]


def word_position_tables(page: Any, ruled: list[Box]) -> list[tuple[Box, Table]]:
    """Tables ruled only by horizontal lines, then text-aligned ones, outside ``ruled``."""
    words = words_of(page, ruled)
    found = hrule_tables(page, words)
    rest = words_of(page, ruled + [box for box, _ in found]) if found else words
    return found + aligned_tables(rest)


_Word = tuple[int, int, tuple[float, float, float, float]]


def _layout_text(
    page: Any, boxes: list[dict[str, Any]], tables: list[tuple[Box, Table]]
) -> tuple[str, list[Table], tuple[_Word, ...]]:
    """Text boxes in pdfminer's reading order (columns kept apart), tables in between,
    with the box of every word of the text boxes.

    Each character goes to the first text box holding its middle; characters inside a
    table are left to the table. A table is written before the first box that starts
    below its top and overlaps it horizontally.
    """
    from gongmun.readers.pdf_layout import BoxIndex

    order: list[Box] = [(b["x0"], b["top"], b["x1"], b["bottom"]) for b in boxes]
    owned: list[list[dict[str, Any]]] = [[] for _ in order]
    spare: list[dict[str, Any]] = []
    # Text boxes indexed by place: a character is tested against the few near it.
    index = BoxIndex(order, pad=0.5)
    ruled = [t for t, _ in tables]
    first = index.first
    for c in page.chars:
        x: float = (c["x0"] + c["x1"]) / 2
        y: float = (c["top"] + c["bottom"]) / 2
        if ruled and any(t[0] <= x < t[2] and t[1] <= y < t[3] for t in ruled):
            continue
        i = first(x, y)
        if i is None:
            spare.append(c)
        else:
            owned[i].append(c)
    writer: PageWriter[tuple[Box, Table], Box] = PageWriter(
        tables, lambda t: place(t[1], 0), _stands_before
    )
    words: list[_Word] = []

    def add_text(chars: list[dict[str, Any]]) -> None:
        text, boxes = chars_text_words(chars)
        if text:
            at = writer.add(text)
            words.extend((at + a, at + b, box) for a, b, box in boxes)

    for b, chars in zip(order, owned, strict=True):
        writer.put_tables(b)
        add_text(chars)
    add_text(spare)
    writer.put_tables(None)
    return writer.text, writer.tables, tuple(words)


def _stands_before(table: tuple[Box, Table], box: Box) -> bool:
    """A table stands before a text box at or below its top that overlaps it across."""
    t = table[0]
    return box[1] >= t[1] - 1 and box[0] < t[2] and t[0] < box[2]


def chars_text_words(chars: list[dict[str, Any]]) -> tuple[str, list[_Word]]:
    """pdfplumber's ``extract_text(chars, **TEXT_SETTINGS)`` (newlines stripped at the
    ends), built here from its own word and line steps so that each word's place in the
    text and its box are known."""
    from pdfplumber.utils.clustering import cluster_objects
    from pdfplumber.utils.text import get_line_cluster_key

    if not chars:
        return "", []
    extractor = _body_words()
    found = extractor.extract_words(chars)
    tolerance = TEXT_SETTINGS.get("y_tolerance", 3)
    lines = cluster_objects(found, get_line_cluster_key(extractor.line_dir), tolerance)
    parts: list[str] = []
    words: list[_Word] = []
    n = 0
    for i, line in enumerate(lines):
        for j, word in enumerate(line):
            if j:
                parts.append(" ")
                n += 1
            text = str(word["text"])
            # Hundredths of a point: stable output, far finer than a glyph.
            box = (
                round(float(word["x0"]), 2),
                round(float(word["top"]), 2),
                round(float(word["x1"]), 2),
                round(float(word["bottom"]), 2),
            )
            words.append((n, n + len(text), box))
            parts.append(text)
            n += len(text)
        if i < len(lines) - 1:
            parts.append("\n")
            n += 1
    text = "".join(parts)
    lead = len(text) - len(text.lstrip("\n"))
    stripped = text.strip("\n")
    return stripped, [(a - lead, b - lead, box) for a, b, box in words if b > lead]


@functools.cache
def _body_words() -> Any:
    """pdfplumber's word extractor with the body text settings (it keeps no state)."""
    from pdfplumber.utils.text import WORD_EXTRACTOR_KWARGS, WordExtractor

    return WordExtractor(**{k: v for k, v in TEXT_SETTINGS.items() if k in WORD_EXTRACTOR_KWARGS})


def _chars_text(chars: list[dict[str, Any]]) -> str:
    from pdfplumber.utils.text import extract_text

    if not chars:
        return ""
    return str(extract_text(chars, **TEXT_SETTINGS)).strip("\n")


def _is_table(table: Any) -> bool:
    rows = table.rows
    return bool(len(rows) >= MIN_TABLE_ROWS and max(len(r.cells) for r in rows) >= MIN_TABLE_COLS)


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


def _close(pdf: Any) -> None:
    """Close without pdfplumber building every page first (its ``close`` walks
    ``pdf.pages``, which for a refused or broken file is what must not happen)."""
    if not hasattr(pdf, "_pages"):
        pdf._pages = []
    with contextlib.suppress(Exception):
        pdf.close()


def _check_page_count(pdf: Any, path: str) -> None:
    """Refuse a PDF over the page limit before pdfplumber builds a page object for each.

    The page tree is walked lazily and only one page past the limit: a declared
    ``/Count`` may lie either way.
    """
    import itertools

    from pdfminer.pdfpage import PDFPage

    found = sum(
        1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), limits.MAX_PDF_PAGES + 1)
    )
    if found > limits.MAX_PDF_PAGES:
        raise InputError(
            path, f"PDF has more than {limits.MAX_PDF_PAGES:,} pages (the limit)", "too_large"
        )


def _open_error(path: str, e: BaseException) -> InputError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    limit = find_limit(e)
    if limit is not None:
        return InputError(path, f"PDF {limit.problem}", limit.code)
    inner = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return InputError(
            path, "PDF is encrypted (needs a password): decrypt it first", "encrypted_pdf"
        )
    return InputError(path, f"PDF is broken: {_describe(inner)}", "broken_pdf")


def _describe(e: BaseException) -> str:
    text = str(e).strip()
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
