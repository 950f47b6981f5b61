"""Output files: JSON Lines (one record per line, never half a line) and flat tables.

JSON Lines: a line with ``source`` is a Document; a line with ``error`` is a Failure.
Tables (CSV or Parquet) go into a directory: ``documents``, ``amounts``, ``periods``,
``projects``, ``failures``, ``tables`` and ``cells``, each row carrying the document's
``path`` and ``sha256``.
They are written beside the target and moved into place at the end, so an interrupted
run leaves the old directory (or none), never a half-written table. The directory is
locked (``flock``) while a run writes it: a second run on the same directory says so and
stops; the run holding the lock also removes the ``.DIR.partial-*`` folders a killed run
(``kill -9``) left.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, Protocol

from gongmun.models import Document, Failure
from gongmun.writers_jsonl import OutputError, describe_path, lock
from gongmun.writers_tables import (
    TABLES,
    Column,
    table_rows,
    to_csv,
    to_python,
)


class TableSink(Protocol):
    """One table being written."""

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Append rows."""

    def close(self) -> None:
        """Finish the file."""


class _CsvSink:
    def __init__(self, path: Path, columns: tuple[Column, ...], bom: bool = False) -> None:
        # utf-8-sig: a byte-order mark first, which Korean Excel needs to read UTF-8.
        self._f = path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="")
        self._columns = columns
        self._w = csv.writer(self._f)
        self._w.writerow([c.name for c in columns])

    def add(self, rows: list[dict[str, Any]]) -> None:
        cols = self._columns
        self._w.writerows([to_csv(c.spec, row.get(c.name)) for c in cols] for row in rows)

    def close(self) -> None:
        self._f.close()


# Rows held before a Parquet row group is written: bounds memory on big batches.
_ROW_GROUP: Final = 50_000


class _ParquetSink:
    def __init__(self, path: Path, columns: tuple[Column, ...], bom: bool = False) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from gongmun.arrow_schema import spec_type

        self._pa = pa
        self._columns = columns
        # Every column nullable: a row may come from a record written before a field was.
        self._schema = pa.schema(
            [pa.field(c.name, spec_type(c.spec, keep_nulls=False)) for c in columns]
        )
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._rows: list[dict[str, Any]] = []

    def add(self, rows: list[dict[str, Any]]) -> None:
        cols = self._columns
        self._rows.extend(
            {c.name: to_python(c.spec, row.get(c.name)) for c in cols} for row in rows
        )
        if len(self._rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
        self._writer.write_table(table)
        self._rows = []

    def close(self) -> None:
        if self._rows:
            self._flush()
        self._writer.close()


class MissingDependency(Exception):
    """An optional dependency a chosen output format needs is not installed."""


def check_format(fmt: str) -> None:
    """Raise :class:`MissingDependency` if ``fmt`` cannot be written here."""
    if fmt == "parquet":
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError as e:
            raise MissingDependency(
                "--format parquet needs pyarrow: pip install 'gongmun[parquet]'"
            ) from e


def table_dir_problem(out: Path) -> str | None:
    """Why ``out`` cannot receive tables, or None if it can (missing, or ours)."""
    if not out.exists():
        return None
    if not out.is_dir():
        return f"{out} exists and is not a directory"
    ours = {f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")}
    others = sorted(p.name for p in out.iterdir() if p.name not in ours)
    if others:
        return f"{out} holds other files ({', '.join(others[:3])}); choose a new directory"
    return None


class TableWriter:
    """Write results as the flat tables, CSV or Parquet, into directory ``out``.

    Raises :class:`~gongmun.writers_jsonl.OutputError` when another run is writing
    ``out`` or it cannot be made.
    """

    def __init__(self, out: str | Path, fmt: str, bom: bool = False) -> None:
        check_format(fmt)
        self._out = Path(out)
        self._ext = fmt
        self._lock_fd, self._made = _lock_dir(self._out)
        try:
            parent = self._out.absolute().parent
            _remove_stale_partials(parent, self._partial_prefix())
            self._tmp = Path(tempfile.mkdtemp(dir=parent, prefix=self._partial_prefix()))
            sink = _CsvSink if fmt == "csv" else _ParquetSink
            self._sinks: dict[str, TableSink] = {}
            for name, cols in TABLES.items():
                self._sinks[name] = sink(self._tmp / f"{name}.{fmt}", cols, bom)
        except BaseException:
            self.abort()
            raise

    def _partial_prefix(self) -> str:
        return f".{self._out.absolute().name}.partial-"

    def write(self, result: Document | Failure) -> None:
        """Add the rows of one result."""
        for name, rows in table_rows(result.model_dump(mode="json")).items():
            if rows:
                self._sinks[name].add(rows)

    def close(self) -> None:
        """Finish every table and move them into ``out``."""
        for s in self._sinks.values():
            s.close()
        self._out.mkdir(exist_ok=True)
        for name in TABLES:
            for ext in ("csv", "parquet"):
                (self._out / f"{name}.{ext}").unlink(missing_ok=True)
            (self._tmp / f"{name}.{self._ext}").replace(self._out / f"{name}.{self._ext}")
        self._tmp.rmdir()
        self._unlock()

    def abort(self) -> None:
        """Drop everything written so far (and ``out`` itself if this run made it)."""
        for s in getattr(self, "_sinks", {}).values():
            with contextlib.suppress(Exception):
                s.close()
        if hasattr(self, "_tmp"):
            shutil.rmtree(self._tmp, ignore_errors=True)
        if self._made:
            with contextlib.suppress(OSError):
                self._out.rmdir()  # only when still empty
        self._unlock()

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def files(self) -> Iterator[Path]:
        """The table files this writer produces."""
        return (self._out / f"{name}.{self._ext}" for name in TABLES)


def _lock_dir(out: Path) -> tuple[int | None, bool]:
    """Make ``out`` if missing and lock it for this run: (its descriptor, whether made).

    The lock is on the directory itself, which stays in place while its tables are
    replaced; a file system that cannot lock a directory goes on unlocked."""
    made = False
    try:
        out.absolute().parent.mkdir(parents=True, exist_ok=True)
        try:
            out.mkdir()
            made = True
        except FileExistsError:
            pass
        fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as e:
        raise OutputError(str(out), f"cannot write tables: {describe_path(e, out)}") from e
    try:
        lock(fd, str(out))
    except BaseException:
        os.close(fd)
        raise
    return fd, made


def _remove_stale_partials(parent: Path, prefix: str) -> None:
    """Remove ``.DIR.partial-*`` folders a killed run left: only folders of our tables.

    Called with the directory's lock held, so no live run is writing them."""
    ours = {f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")}
    with contextlib.suppress(OSError):
        for p in parent.glob(f"{glob.escape(prefix)}*"):
            if p.is_dir() and not p.is_symlink() and all(f.name in ours for f in p.iterdir()):
                shutil.rmtree(p, ignore_errors=True)
