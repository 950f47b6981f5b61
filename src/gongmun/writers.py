"""Output files: JSON Lines (one record per line, never half a line) and flat tables.

JSON Lines: a line with ``source`` is a Document; a line with ``error`` is a Failure.
Tables (CSV or Parquet) go into a directory: ``documents``, ``amounts``, ``periods``,
``projects``, ``failures``, ``tables`` and ``cells``, each row carrying the document's
``path`` and ``sha256``.
They are written beside the target and moved into place at the end, so an interrupted
run leaves the old directory (or none), never a half-written table.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final, Protocol

from gongmun.models import Document, Failure
from gongmun.writers_tables import TABLES, Column, table_rows


class JsonlWriter:
    """Append whole lines to a file descriptor: one ``write`` call per record.

    A record is one ``os.write`` of its full line, so a killed run leaves complete
    lines; the one exception, a torn last line (a power cut, or a kill landing inside
    the write of a record of megabytes, which Linux may cut short), is what
    :func:`prepare_resume` removes.
    """

    def __init__(self, fd: int | None, close: bool, stream: IO[bytes] | None = None) -> None:
        self._fd = fd
        self._close = close
        self._stream = stream

    @classmethod
    def open(cls, path: str | Path, append: bool) -> JsonlWriter:
        """Open ``path`` for writing records (truncating it unless ``append``)."""
        Path(path).absolute().parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        return cls(os.open(path, flags, 0o644), close=True)

    @classmethod
    def stream(cls, stream: IO[bytes]) -> JsonlWriter:
        """Write to a binary stream such as ``sys.stdout.buffer``, flushing every line."""
        return cls(None, close=False, stream=stream)

    def write_line(self, line: str) -> None:
        """Write one record (a JSON text without newline)."""
        data = (line + "\n").encode("utf-8")
        if self._stream is not None:
            self._stream.write(data)
            self._stream.flush()
            return
        assert self._fd is not None
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def write(self, result: Document | Failure) -> None:
        """Write one Document or Failure."""
        self.write_line(result.model_dump_json())

    def close(self) -> None:
        """Close the file (not stdout)."""
        if self._close and self._fd is not None:
            os.close(self._fd)


def prepare_resume(path: str | Path) -> Counter[str]:
    """Make ``path`` ready to be appended to; return the sha256s of documents already in it.

    A torn last line (no newline) is cut off; failure lines are removed so that their
    documents are tried again. A sha256 met twice counts twice, so two files with the
    same bytes are each skipped only once. A missing file counts as empty.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> _ = p.write_text('{"source": {"sha256": "ab"}}\\n{"error": "empty", "path": "x"}\\n{"sou')
    >>> prepare_resume(p)
    Counter({'ab': 1})
    >>> p.read_text()
    '{"source": {"sha256": "ab"}}\\n'
    """
    p = Path(path)
    if not p.exists():
        return Counter()
    data = p.read_bytes()
    end = data.rfind(b"\n") + 1
    kept: list[bytes] = []
    done: Counter[str] = Counter()
    changed = end != len(data)
    for raw in data[:end].splitlines(keepends=True):
        try:
            rec = json.loads(raw)
        except ValueError:
            changed = True  # not a record of ours: drop it rather than trip over it later
            continue
        sha = rec.get("source", {}).get("sha256") if isinstance(rec, dict) else None
        if isinstance(sha, str):
            done[sha] += 1
            kept.append(raw)
        else:
            changed = True
    if changed:
        _replace_bytes(p, b"".join(kept))
    return done


def _replace_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class TableSink(Protocol):
    """One table being written."""

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Append rows."""

    def close(self) -> None:
        """Finish the file."""


class _CsvSink:
    def __init__(self, path: Path, columns: tuple[Column, ...]) -> None:
        self._f = path.open("w", encoding="utf-8", newline="")
        self._w = csv.DictWriter(self._f, fieldnames=[c.name for c in columns])
        self._w.writeheader()

    def add(self, rows: list[dict[str, Any]]) -> None:
        self._w.writerows(rows)

    def close(self) -> None:
        self._f.close()


# Rows held before a Parquet row group is written: bounds memory on big batches.
_ROW_GROUP: Final = 50_000


class _ParquetSink:
    def __init__(self, path: Path, columns: tuple[Column, ...]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
        self._pa = pa
        self._schema = pa.schema([pa.field(c.name, types[c.kind]) for c in columns])
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._rows: list[dict[str, Any]] = []

    def add(self, rows: list[dict[str, Any]]) -> None:
        self._rows.extend(rows)
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
    """Write results as the five flat tables, CSV or Parquet, into directory ``out``."""

    def __init__(self, out: str | Path, fmt: str) -> None:
        check_format(fmt)
        self._out = Path(out)
        self._ext = fmt
        parent = self._out.absolute().parent
        parent.mkdir(parents=True, exist_ok=True)
        self._tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{self._out.name}.partial-"))
        sink = _CsvSink if fmt == "csv" else _ParquetSink
        self._sinks: dict[str, TableSink] = {
            name: sink(self._tmp / f"{name}.{fmt}", cols) for name, cols in TABLES.items()
        }

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

    def abort(self) -> None:
        """Drop everything written so far."""
        for s in self._sinks.values():
            with contextlib.suppress(Exception):
                s.close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def files(self) -> Iterator[Path]:
        """The table files this writer produces."""
        return (self._out / f"{name}.{self._ext}" for name in TABLES)
