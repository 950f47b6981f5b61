"""The whole job for one document: read → normalize → find amounts, periods, projects → Document."""

from __future__ import annotations

import os
from pathlib import Path

from gongmun.doc.around import with_surroundings
from gongmun.doc.placement import CellLocator, kept_regions, normalized_tables
from gongmun.doc.records import table_records, with_cells
from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.cell_years import with_column_years
from gongmun.extractors.context import Context
from gongmun.extractors.meta import find_meta
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.extractors.years import infer_doc_year
from gongmun.models import Document, Source, Warning
from gongmun.normalize import normalize
from gongmun.readers import RawInput, from_text, read_path

# A str longer than this, or holding a newline, is text, never a path.
_MAX_PATH_CHARS = 4096


def extract(source: str | os.PathLike[str]) -> Document:
    """Extract one document from a path or from text.

    A :class:`~pathlib.Path` (or any ``os.PathLike``) is always read as a file. A ``str``
    is read as a file when it names one that exists and holds no newline; any other
    ``str`` is the document's text.

    >>> doc = extract("□ (기간/규모) 2025년 ~ , 과제당 4년간 100억원 규모 지원")
    >>> doc.source.media_type
    'text/plain'
    """
    if isinstance(source, str):
        if "\n" not in source and len(source) < _MAX_PATH_CHARS and Path(source).is_file():
            return extract_raw(read_path(os.fspath(source)))
        return extract_raw(from_text(source))
    return extract_raw(read_path(os.fspath(source)))


def extract_text(text: str, path: str | None = None) -> Document:
    """Extract from text already decoded; ``path`` is only recorded in ``source``."""
    return extract_raw(from_text(text, path))


def extract_raw(raw: RawInput) -> Document:
    """Extract from a :class:`~gongmun.readers.RawInput` a reader produced."""
    norm = normalize(raw.text, kept_regions(raw.tables))
    tables = normalized_tables(with_surroundings(raw.text, raw.tables), norm.offsets)
    ctx = Context(norm=norm, page_of=raw.page_of, tables=tables)
    for code, message in raw.warnings:
        ctx.warnings.append(Warning(code=code, message=message))
    meta = find_meta(ctx)
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
    )
    return Document(
        source=source,
        meta=meta,
        text=norm.text,
        amounts=amounts,
        periods=periods,
        projects=projects,
        tables=table_records(ctx.tables, norm.raw_span),
        warnings=ctx.warnings,
    )
