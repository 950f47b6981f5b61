"""The whole job for one document: read → normalize → find amounts, periods, projects → Document."""

from __future__ import annotations

import os
import re
from pathlib import Path

from gongmun.doc.around import with_surroundings
from gongmun.doc.placement import CellLocator, kept_regions, normalized_tables
from gongmun.doc.records import table_records, with_cells
from gongmun.doc.text_tables import with_text_tables
from gongmun.errors import InputError
from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.cell_years import with_column_years
from gongmun.extractors.context import Context
from gongmun.extractors.meta import find_meta
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.extractors.years import infer_doc_year
from gongmun.models import Document, Source, Warning
from gongmun.normalize import normalize
from gongmun.readers import RawInput, from_text, read_bytes, read_path
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


def extract(source: str | os.PathLike[str]) -> Document:
    """Extract one document from a file (or, for a ``str`` that is no path, from text).

    A :class:`~pathlib.Path` (or any ``os.PathLike``) is always a file. A ``str`` is a
    file when it names one; a ``str`` that names none but looks like a path
    (:func:`looks_like_path`: ``typo.txt``, ``inbox/a``) raises
    :class:`~gongmun.errors.InputError` with code ``not_found``; any other ``str`` is
    read as the document's text. Prefer :func:`extract_text` for text.

    >>> doc = extract("□ (기간/규모) 2025년 ~ , 과제당 4년간 100억원 규모 지원")
    >>> doc.source.media_type
    'text/plain'
    >>> extract("보도자료_오타.txt")
    Traceback (most recent call last):
    gongmun.errors.InputError: 보도자료_오타.txt: no such file
    """
    if isinstance(source, str):
        if "\n" not in source and len(source) < _MAX_PATH_CHARS and _is_file(source):
            return extract_raw(read_path(source))
        if looks_like_path(source):
            raise InputError(source, "no such file", "not_found")
        return extract_raw(from_text(source))
    return extract_raw(read_path(os.fspath(source)))


def extract_text(text: str, path: str | None = None) -> Document:
    """Extract from text already decoded; ``path`` is only recorded in ``source``."""
    return extract_raw(from_text(text, path))


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


def extract_raw(raw: RawInput) -> Document:
    """Extract from a :class:`~gongmun.readers.RawInput` a reader produced."""
    norm = normalize(raw.text, kept_regions(raw.tables))
    # Readers' tables (with the unit and caption around them), then the tables written
    # out in the text (markdown, flattened rows).
    readers = normalized_tables(with_surroundings(raw.text, raw.tables), norm.offsets)
    tables = with_text_tables(readers, norm.text)
    ctx = Context(norm=norm, page_of=raw.page_of, tables=tables, to_raw=raw.to_raw)
    for code, message in raw.warnings:
        ctx.warnings.append(Warning(code=code, message=message))
    meta = find_meta(ctx)
    if raw.issued is not None:
        # The file's own metadata (a page's article:published_time) dates it best.
        meta = meta.model_copy(update={"issued": raw.issued})
    ctx.title = meta.title
    # Two-digit years resolve to the century nearest the document's own year.
    ctx.doc_year = meta.issued.year if meta.issued is not None else infer_doc_year(norm.text)
    # Figures learn their cell before projects copy them into names' figures.
    cells = CellLocator(ctx.tables)
    amounts = with_column_years(with_cells(find_amounts(ctx), cells), ctx.tables, ctx.doc_year)
    periods = with_cells(find_periods(ctx), cells)
    projects = find_projects(ctx, amounts, periods, ctx.tables)
    source = Source(
        path=raw.path,
        sha256=raw.sha256,
        media_type=raw.media_type,
        encoding=raw.encoding,
        pages=len(raw.page_starts) if raw.page_starts else None,
        raw_text=raw.raw_kind,
        gongmun_version=VERSION,
        reader=reader_version(raw.media_type),
    )
    return Document(
        source=source,
        meta=meta,
        text=norm.text,
        amounts=amounts,
        periods=periods,
        projects=projects,
        tables=table_records(ctx.tables, ctx.raw_span),
        warnings=ctx.warnings,
    )
