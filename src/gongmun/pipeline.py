"""The whole job for one document: read → normalize → find amounts, periods, projects → Document."""

from __future__ import annotations

import bisect
import os
import re
from pathlib import Path

from gongmun.doc.aligned_text import with_aligned_tables
from gongmun.doc.around import with_surroundings
from gongmun.doc.continued import with_table_above
from gongmun.doc.placement import CellLocator, kept_regions, normalized_tables
from gongmun.doc.places import CellBoxes, with_cell_boxes, with_paragraphs
from gongmun.doc.records import table_records, with_cells
from gongmun.doc.tables import Table
from gongmun.doc.text_tables import with_text_tables
from gongmun.errors import InputError
from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.cell_years import with_column_years
from gongmun.extractors.context import Context
from gongmun.extractors.meta import find_meta
from gongmun.extractors.ocr_doubt import DOUBT_CODES, drop_doubtful, drop_doubtful_periods
from gongmun.extractors.period_cells import with_table_periods
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.models import Document, Source, Span, Warning
from gongmun.normalize import Normalized, normalize
from gongmun.normalize.ocr import doubt_reason
from gongmun.readers import RawInput, WordBox, from_text, read_bytes, read_path
from gongmun.readers.ocr import normalize_mode
from gongmun.versions import VERSION, reader_version

# A str longer than this, or holding a line break, is text, never a path.
_MAX_PATH_CHARS = 4096

# An extension at the end of a name without spaces (`typo.txt`, `report.hwpx`), or a
# document extension after a name with spaces (`my report.pdf`).
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
_DOCUMENT_EXTENSION = re.compile(r"\.(?:txt|text|md|pdf|hwpx?|html?|docx?|xlsx?|csv|json)$", re.I)


def looks_like_path(source: str) -> bool:
    """True if a ``str`` reads as a file name rather than a document's text.

    One line, and a document extension at its end, or no white space and a path
    separator or an extension.

    >>> [looks_like_path(s) for s in ("typo.txt", "inbox/보도자료", "내 문서.pdf")]
    [True, True, True]
    >>> looks_like_path("총 600억원 지원"), looks_like_path("가" * 100)
    (False, False)
    """
    if not source or len(source) >= _MAX_PATH_CHARS or "\n" in source or "\r" in source:
        return False
    if _DOCUMENT_EXTENSION.search(source):
        return True
    if any(c.isspace() for c in source):
        return False
    return "/" in source or "\\" in source or bool(_EXTENSION.search(source))


def _is_file(source: str) -> bool:
    try:
        return Path(source).is_file()
    except (OSError, ValueError):  # a name too long, a NUL: not a file
        return False


def extract(
    source: str | os.PathLike[str], ocr: bool | str | None = None, ocr_text: bool = False
) -> Document:
    """Extract one document from a file (or, for a ``str`` that is no path, from text).

    A :class:`~pathlib.Path` (or any ``os.PathLike``) is always a file. A ``str`` is a
    file when it names one; a ``str`` that names none but looks like a path
    (:func:`looks_like_path`: ``typo.txt``, ``inbox/a``) raises
    :class:`~gongmun.errors.InputError` with code ``not_found``; any other ``str`` is
    read as the document's text. Prefer :func:`extract_text` for text.

    ``ocr``: ``None``/``"auto"`` OCRs the pages of a PDF that have no text layer (and
    images), ``True``/``"always"`` also pages that look scanned under a few characters,
    ``False``/``"never"`` never OCRs. ``ocr_text`` marks the text as OCR output someone
    else made, so OCR repairs apply to all of it.

    >>> doc = extract("□ (기간/규모) 2025년 ~ , 과제당 4년간 100억원 규모 지원")
    >>> doc.source.media_type
    'text/plain'
    >>> extract("보도자료_오타.txt")
    Traceback (most recent call last):
    gongmun.errors.InputError: 보도자료_오타.txt: no such file
    """
    mode = normalize_mode(ocr)
    if isinstance(source, str):
        if "\n" not in source and len(source) < _MAX_PATH_CHARS and _is_file(source):
            return extract_raw(read_path(source, mode), ocr_text)
        if looks_like_path(source):
            raise InputError(source, "no such file", "not_found")
        return extract_raw(from_text(source), ocr_text)
    return extract_raw(read_path(os.fspath(source), mode), ocr_text)


def extract_text(text: str, path: str | None = None, ocr_text: bool = False) -> Document:
    """Extract from text already decoded; ``path`` is only recorded in ``source``."""
    return extract_raw(from_text(text, path), ocr_text)


def extract_bytes(data: bytes, name: str) -> Document:
    """Extract one document from its bytes, as read from storage; ``name`` is its path.

    The format is found from the bytes and the name's extension, as for a file, and
    ``name`` is recorded as ``source.path``. Bytes that cannot be read raise
    :class:`~gongmun.errors.InputError` naming ``name``.

    >>> doc = extract_bytes("총 600억원 지원".encode("cp949"), "s3://bucket/memo.txt")
    >>> doc.source.path, doc.source.encoding, doc.amounts[0].value_krw
    ('s3://bucket/memo.txt', 'cp949', 60000000000)
    """
    return extract_raw(read_bytes(data, name))


def normalize_raw(raw: RawInput, ocr_text: bool = False) -> tuple[tuple[Table, ...], Normalized]:
    """The reader's tables with the tables aligned with spaces in its text, and the
    normalized text that keeps them all as written: the ``text`` of the document
    :func:`extract_raw` makes (``gongmun normalize`` prints it).

    Tables aligned with spaces are read from the raw text, where the spaces that part
    their columns still stand; the normalizer then keeps them as written.
    """
    ocr = True if ocr_text else raw.ocr_ranges
    raw_tables = with_aligned_tables(raw.tables, raw.text, ocr=ocr)
    keep = kept_regions(raw_tables)
    if raw.items:
        # A web page's list items and definition fields are kept whole too.
        keep = apart([*keep, *raw.items])
    return raw_tables, normalize(raw.text, keep, ocr=ocr)


def apart(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, each that overlaps one before it left out.

    >>> apart([(5, 9), (0, 3), (2, 4), (9, 12)])
    [(0, 3), (5, 9), (9, 12)]
    """
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return out


def extract_raw(raw: RawInput, ocr_text: bool = False) -> Document:
    """Extract from a :class:`~gongmun.readers.RawInput` a reader produced.

    OCR repairs run on the pages the reader OCR'd, or on all of the text with ``ocr_text``.
    """
    ocr = True if ocr_text else raw.ocr_ranges
    raw_tables, norm = normalize_raw(raw, ocr_text)
    # Readers' tables (with the unit and caption around them), then the tables written
    # out in the text (markdown, flattened rows).
    readers = normalized_tables(with_surroundings(raw.text, raw_tables), norm.offsets, norm.text)
    tables = with_table_above(with_text_tables(readers, norm.text, ocr=bool(ocr)), norm.text)
    ctx = Context(norm=norm, page_of=raw.page_of, tables=tables, to_raw=raw.to_raw, ocr=bool(ocr))
    for code, message in raw.warnings:
        ctx.warnings.append(Warning(code=code, message=message))
    doubtful: dict[str, list[tuple[tuple[int, int], str]]] = {c: [] for c in DOUBT_CODES}
    for notice in norm.notices:
        if notice.code in doubtful and notice.raw_start is not None:
            # In the coordinates of records' raw_span (the decoded file, for a web page).
            span = raw.to_raw(notice.raw_start, notice.raw_end or notice.raw_start)
            if span is not None:
                doubtful[notice.code].append((span, doubt_reason(notice.message)))
            continue  # reported below, with the record it cost, if one was read from it
        ctx.warnings.append(Warning(code=notice.code, message=notice.message))
    meta = find_meta(ctx)
    if raw.issued is not None:
        # The file's own metadata (a page's article:published_time) dates it best.
        meta = meta.model_copy(update={"issued": raw.issued})
    ctx.title = meta.title
    # Two-digit years resolve to the century nearest the document's own year.
    ctx.doc_year = meta.issued.year if meta.issued is not None else ctx.inferred_year
    # Figures learn their cell before projects copy them into names' figures.
    cells = CellLocator(ctx.tables)
    amounts = drop_doubtful(ctx, find_amounts(ctx), doubtful["ocr_doubtful_figure"], ocr)
    amounts = with_column_years(with_cells(amounts, cells), ctx.tables, ctx.doc_year)
    periods = drop_doubtful_periods(ctx, find_periods(ctx), doubtful["ocr_doubtful_period"])
    # Year ranges in a 사업기간 column (25~29, 2025-2029) are periods there, not in prose.
    periods = with_cells(with_table_periods(ctx, periods), cells)
    if raw.words:
        boxes = _Boxes(raw.words)
        amounts = [a.model_copy(update={"bbox": boxes.of(a.raw_span)}) for a in amounts]
        periods = [p.model_copy(update={"bbox": boxes.of(p.raw_span)}) for p in periods]
    cell_boxes = CellBoxes(ctx.tables)
    if cell_boxes:
        amounts = with_cell_boxes(amounts, cell_boxes)
        periods = with_cell_boxes(periods, cell_boxes)
    if raw.paragraphs:
        amounts = with_paragraphs(amounts, raw.paragraph_of)
        periods = with_paragraphs(periods, raw.paragraph_of)
    projects = find_projects(ctx, amounts, periods, ctx.tables)
    table_out = table_records(ctx.tables, ctx.raw_span)
    if raw.paragraphs:
        projects = with_paragraphs(projects, raw.paragraph_of)
        table_out = with_paragraphs(table_out, raw.paragraph_of)
    source = Source(
        path=raw.path,
        sha256=raw.sha256,
        media_type=raw.media_type,
        encoding=raw.encoding,
        pages=len(raw.page_starts) if raw.page_starts else None,
        raw_text=raw.raw_kind,
        gongmun_version=VERSION,
        reader=reader_version(raw.media_type),
        ocr_pages=list(raw.ocr_pages) or None,
        ocr_engine=raw.ocr_engine,
    )
    return Document(
        source=source,
        meta=meta,
        text=norm.text,
        amounts=amounts,
        periods=periods,
        projects=projects,
        tables=table_out,
        warnings=ctx.warnings,
    )


class _Boxes:
    """The box around the OCR words a raw span covers (one page: the span's first)."""

    def __init__(self, words: tuple[WordBox, ...]) -> None:
        self._words = words
        self._starts = [w.start for w in words]

    def of(self, span: Span | None) -> tuple[float, float, float, float] | None:
        if span is None:
            return None
        i = max(0, bisect.bisect_right(self._starts, span.start) - 1)
        hit: list[WordBox] = []
        while i < len(self._words) and self._words[i].start < span.end:
            w = self._words[i]
            if w.end > span.start and (not hit or w.page == hit[0].page):
                hit.append(w)
            i += 1
        if not hit:
            return None
        return (
            min(w.box[0] for w in hit),
            min(w.box[1] for w in hit),
            max(w.box[2] for w in hit),
            max(w.box[3] for w in hit),
        )
