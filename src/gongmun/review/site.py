"""The review site: ``DIR/index.html``, one folder of sheets per document, the assets.

A static site that works from ``file://``: no server, no network, no framework; the
two small scripts and the style sheet are copied from this package into ``DIR/assets``.
Pages are written as the records come (each file atomically: a temporary file beside
it, then renamed), and the index is rewritten every few seconds and at the end, so a
site being written by ``gongmun extract --review`` can be opened at any time.

``DIR`` must be new, empty, or a site gongmun wrote (it holds ``.gongmun-review``):
nothing else is ever overwritten or removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from gongmun.models import Document, Failure
from gongmun.review.page import SHEET_CHARS, document_pages, esc
from gongmun.review.records import Record, Unshown

MARKER: Final = ".gongmun-review"
ASSETS: Final = ("review.css", "review.js", "index.js")
_INDEX_EVERY: Final = 2.0  # seconds between index rewrites while pages are added


class SiteError(Exception):
    """The site's directory cannot be used or written; the message says why."""


def site_problem(out: Path) -> str | None:
    """Why ``out`` cannot hold a review site, or None (missing, empty, or one of ours)."""
    if not out.exists():
        return None
    if not out.is_dir():
        return f"{out} exists and is not a directory"
    if (out / MARKER).is_file() or not any(out.iterdir()):
        return None
    return f"{out} holds other files and no gongmun review site; choose a new directory"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole: a temporary file beside it, then renamed."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


def document_id(doc: Document) -> str:
    """A stable folder name for a document: the same path and bytes give the same id."""
    s = doc.source
    key = f"{s.path}\0{s.path_bytes}\0{s.sha256}".encode("utf-8", "surrogateescape")
    return hashlib.sha256(key).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the index: a document with its counts, or a failure with its message."""

    path: str
    title: str = ""
    kind: str = ""
    issuer: str = ""
    issued: str = ""
    amounts: int = 0
    periods: int = 0
    projects: int = 0
    warnings: int = 0
    failures: int = 0
    href: str | None = None
    error: str = ""
    message: str = ""


class ReviewSite:
    """Add documents (or failures) one by one; :meth:`close` writes the final index."""

    def __init__(self, out: str | Path, sheet_chars: int = SHEET_CHARS) -> None:
        self.out = Path(out)
        problem = site_problem(self.out)
        if problem:
            raise SiteError(problem)
        self.sheet_chars = sheet_chars
        self.rows: list[Row] = []
        self._ids: set[str] = set()
        self._written: dict[str, Row] = {}
        self._index_cost = 0.0
        self._last_index = 0.0
        try:
            (self.out / "assets").mkdir(parents=True, exist_ok=True)
            (self.out / "docs").mkdir(exist_ok=True)
            (self.out / MARKER).write_text("a review site written by gongmun\n", "utf-8")
            for name in ASSETS:
                asset = resources.files("gongmun.review") / "assets" / name
                write_atomic(self.out / "assets" / name, asset.read_text("utf-8"))
        except OSError as e:
            raise SiteError(f"{self.out}: cannot write: {e.strerror or e}") from e

    @property
    def index(self) -> Path:
        """``DIR/index.html``."""
        return self.out / "index.html"

    def add(self, record: Record) -> Row:
        """Write the pages of a document (a failure gets a line in the index only)."""
        if isinstance(record, Failure):
            row = Row(record.path, failures=1, error=record.error, message=record.message)
        elif isinstance(record, Unshown):
            row = Row(
                record.path or record.where,
                failures=1,
                error="not_shown",
                message=f"{record.where}: {record.message}",
            )
        else:
            row = self._write_document(record)
        self.rows.append(row)
        # Every few seconds, and never more than a tenth of the time: the index grows.
        if time.monotonic() - self._last_index > max(_INDEX_EVERY, 10 * self._index_cost):
            self.write_index()
        return row

    def rebuild(self, records: Iterable[Record]) -> None:
        """Make the index the rows of ``records`` (the whole output of a resumed run):
        documents written in this run keep their pages, the others get theirs."""
        written = dict(self._written)
        self.rows = []
        for record in records:
            if isinstance(record, Document):
                ident = document_id(record)
                if ident in written:
                    self.rows.append(written.pop(ident))
                    continue
            self.add(record)

    def _write_document(self, doc: Document) -> Row:
        base = document_id(doc)
        ident, n = base, 1
        while ident in self._ids:  # the same path and bytes twice in one run
            n += 1
            ident = f"{base}-{n}"
        self._ids.add(ident)
        folder = self.out / "docs" / ident
        try:
            folder.mkdir(parents=True, exist_ok=True)
            count = 0
            for name, page in document_pages(doc, self.sheet_chars):
                write_atomic(folder / name, page)
                count += name[0].isdigit()
            for old in folder.glob("*.html"):  # sheets of an older, longer version
                if old.stem.isdigit() and int(old.stem) > count:
                    old.unlink()
        except OSError as e:
            raise SiteError(f"{folder}: cannot write: {e.strerror or e}") from e
        m = doc.meta
        row = Row(
            doc.source.path or "-",
            title=m.title or "",
            kind=m.kind,
            issuer=m.issuer or "",
            issued=m.issued.isoformat() if m.issued else "",
            amounts=len(doc.amounts),
            periods=len(doc.periods),
            projects=len(doc.projects),
            warnings=len(doc.warnings),
            href=f"docs/{ident}/1.html",
        )
        self._written[ident] = row
        return row

    def write_index(self) -> None:
        """Write ``index.html`` for the rows so far."""
        start = time.monotonic()
        try:
            write_atomic(self.index, index_html(self.rows))
        except OSError as e:
            raise SiteError(f"{self.index}: cannot write: {e.strerror or e}") from e
        self._last_index = time.monotonic()
        self._index_cost = self._last_index - start

    def close(self) -> None:
        """Write the final index and remove the document folders of earlier runs that
        this run did not write (only folders of gongmun's own pages)."""
        self.write_index()
        for folder in (self.out / "docs").iterdir():
            if folder.name in self._ids or not folder.is_dir():
                continue
            files = list(folder.iterdir())
            if all(
                f.suffix == ".html" and (f.stem.isdigit() or f.stem == "records") for f in files
            ):
                shutil.rmtree(folder, ignore_errors=True)


_COLUMNS: Final = (
    ("path", "text"),
    ("title", "text"),
    ("kind", "text"),
    ("issuer", "text"),
    ("issued", "text"),
    ("amounts", "num"),
    ("periods", "num"),
    ("projects", "num"),
    ("warnings", "num"),
    ("failures", "num"),
)


def _row_html(row: Row) -> str:
    path = esc(row.path)
    first = f'<a href="{esc(row.href)}">{path}</a>' if row.href else path
    title = esc(row.title)
    if row.error:
        title = f"<code>{esc(row.error)}</code> {esc(row.message)}"
    cells = [f"<td>{first}</td>", f"<td>{title}</td>"]
    cells += [f"<td>{esc(v)}</td>" for v in (row.kind, row.issuer, row.issued)]
    nums = (row.amounts, row.periods, row.projects, row.warnings, row.failures)
    cells += [f'<td class="n" data-v="{v}">{v}</td>' for v in nums]
    cls = ' class="failed"' if row.error else ""
    return f"<tr{cls}>{''.join(cells)}</tr>"


def index_html(rows: list[Row]) -> str:
    """The index page: one row per document or failure, sortable and filterable."""
    heads = "".join(
        f'<th data-type="{kind}" scope="col"><button type="button">{name}</button></th>'
        for name, kind in _COLUMNS
    )
    failed = sum(r.failures for r in rows)
    total = (
        f"{len(rows) - failed} documents, {failed} failed"
        f" · {sum(r.amounts for r in rows)} amounts · {sum(r.periods for r in rows)} periods"
        f" · {sum(r.projects for r in rows)} projects"
    )
    return (
        '<!doctype html>\n<html lang="ko"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>gongmun review</title>"
        '<link rel="stylesheet" href="assets/review.css"></head><body class="index-page">'
        f'<header><h1>gongmun review</h1><p class="counts">{esc(total)}</p></header>'
        '<main style="display:block"><p class="controls"><label>Filter '
        '<input id="filter" type="search" placeholder="path, title, kind, issuer, date…">'
        f'</label> <span id="shown">{len(rows)}</span> shown</p>'
        f'<table class="docs" id="docs"><thead><tr>{heads}</tr></thead><tbody>'
        f"{''.join(_row_html(r) for r in rows)}</tbody></table></main>"
        '<script src="assets/index.js"></script></body></html>\n'
    )
