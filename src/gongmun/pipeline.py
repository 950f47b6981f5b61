"""The whole job for one document: read → normalize → find amounts, periods, projects → Document."""

from __future__ import annotations

import os
from pathlib import Path

from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.meta import find_meta
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.extractors.years import infer_doc_year
from gongmun.models import Amount, Document, Source, Warning
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


def extract_raw(raw: RawInput, ocr_text: bool = False) -> Document:
    """Extract from a :class:`~gongmun.readers.RawInput` a reader produced.

    OCR repairs run on the pages the reader OCR'd, or on all of the text with ``ocr_text``.
    """
    norm = normalize(raw.text, ocr=True if ocr_text else raw.ocr_ranges)
    ctx = Context(norm=norm, page_of=raw.page_of)
    for code, message in raw.warnings:
        ctx.warnings.append(Warning(code=code, message=message))
    doubtful: list[tuple[int, int]] = []
    for notice in norm.notices:
        if notice.code == "ocr_doubtful_figure" and notice.raw_start is not None:
            doubtful.append((notice.raw_start, notice.raw_end or notice.raw_start))
            continue  # reported below, with the amount it cost, if one was read from it
        ctx.warnings.append(Warning(code=notice.code, message=notice.message))
    meta = find_meta(ctx)
    ctx.title = meta.title
    # Two-digit years resolve to the century nearest the document's own year.
    ctx.doc_year = meta.issued.year if meta.issued is not None else infer_doc_year(norm.text)
    amounts = _drop_doubtful(ctx, find_amounts(ctx), doubtful)
    periods = find_periods(ctx)
    projects = find_projects(ctx, amounts, periods, raw.tables)
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
        warnings=ctx.warnings,
    )


def _drop_doubtful(
    ctx: Context, amounts: list[Amount], doubtful: list[tuple[int, int]]
) -> list[Amount]:
    """Amounts read from a figure OCR left doubtful are dropped, each with a warning.

    A wrong value is worse than a miss: ``11632억원`` may be 1,632억 with its comma read as
    a ``1``, so no value is given for it.
    """
    if not doubtful:
        return amounts
    kept: list[Amount] = []
    for a in amounts:
        raw = a.raw_span
        hit = raw is not None and any(s < raw.end and raw.start < e for s, e in doubtful)
        if not hit:
            kept.append(a)
            continue
        ctx.warnings.append(
            Warning(
                code="ocr_doubtful_figure",
                message=(
                    f"{a.text!r} read by OCR is doubtful (a separator may be lost or read as "
                    f"a digit); not given as an amount"
                ),
                span=a.span,
                page=a.page,
            )
        )
    return kept
