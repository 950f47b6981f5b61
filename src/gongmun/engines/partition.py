"""The partition function every engine maps: ``(path, bytes)`` pairs in, one Arrow batch out.

Needs ``pyarrow`` (the ``parquet`` extra). The batch has one row per document, in input
order, with the fixed schema of :func:`partition_schema`:

==================  =================  ==============================================
column              type               value
==================  =================  ==============================================
``path``            string, not null   the name given with the bytes (URL or path)
``error``           string             the failure's code; null for a document
``message``         string             the failure's message; null for a document
``sha256``          string             of the bytes (null when they could not be read)
other Failure       as typed           the other fields of :class:`~gongmun.models.Failure`
fields                                 (``gongmun_version``…); null for a document
``document``        struct             the whole :class:`~gongmun.models.Document`;
                                       null for a failure
==================  =================  ==============================================

Every column but ``path`` is typed from the models by :mod:`gongmun.arrow_schema`, so
a field added to a model appears here with its type.

A document that crashes its worker process is ``worker_crashed``, one past the time
limit ``timeout``, any other error the code ``gongmun extract`` gives it
(``internal_error`` for an exception). :func:`to_records` turns rows back into the
``Document`` and ``Failure`` records ``gongmun extract`` writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from gongmun.arrow_schema import model_fields, model_struct

# The limit of `gongmun extract --timeout`, so a document is stuck in both or neither.
from gongmun.batch import DEFAULT_TIMEOUT, TextInput, failure
from gongmun.engines.isolate import run_isolated
from gongmun.errors import InputError
from gongmun.models import Document, Failure

Item = tuple[str, "bytes | InputError"]


@cache
def partition_schema() -> Any:
    """The ``pyarrow.Schema`` of every batch :func:`extract_partition` returns.

    >>> partition_schema().names[:4], partition_schema().names[-1]
    (['path', 'error', 'message', 'sha256'], 'document')
    """
    import pyarrow as pa

    # The Failure's fields, nullable (a Document row fills only path and sha256).
    failure_fields = [
        f if f.name == "path" else f.with_nullable(True) for f in model_fields(Failure)
    ]
    return pa.schema([*failure_fields, pa.field("document", model_struct(Document))])


def _failure_columns() -> list[str]:
    return [name for name in partition_schema().names if name != "document"]


def result_row(result: Document | Failure) -> dict[str, Any]:
    """The row of one result, as a dict of :func:`partition_schema`'s columns.

    >>> row = result_row(Failure(path="a.pdf", error="broken_pdf", message="truncated"))
    >>> row["error"], row["document"]
    ('broken_pdf', None)
    """
    if isinstance(result, Failure):
        fields = result.model_dump(mode="python")
        return {**{name: fields.get(name) for name in _failure_columns()}, "document": None}
    row: dict[str, Any] = dict.fromkeys(_failure_columns())
    row["path"] = result.source.path or ""
    row["sha256"] = result.source.sha256
    row["document"] = result.model_dump(mode="python")
    return row


def _batch(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(rows, schema=partition_schema())


def result_row_message(result: Document | Failure) -> bytes:
    """One result as an Arrow IPC record-batch message (what a worker sends back)."""
    import pyarrow as pa

    try:
        return bytes(_batch([result_row(result)]).serialize())
    except (pa.ArrowException, OverflowError, ValueError) as e:
        assert isinstance(result, Document)  # a Failure's four strings always convert
        fail = Failure(
            path=result.source.path or "",
            error="internal_error",
            message=f"the record cannot be written as Arrow: {type(e).__name__}: {e}",
            sha256=result.source.sha256,
        )
        return bytes(_batch([result_row(fail)]).serialize())


def _read_message(payload: bytes) -> Any:
    import pyarrow as pa

    return pa.ipc.read_record_batch(pa.py_buffer(payload), partition_schema())


def extract_partition(items: Iterable[Item], timeout: float | None = DEFAULT_TIMEOUT) -> Any:
    """Extract a batch of ``(path, bytes)`` into one ``pyarrow.RecordBatch``, row by row.

    Each document runs in this thread's worker process (started on first use, kept for
    later partitions): a crash, a hang past ``timeout`` seconds (None: no limit) or an
    exception becomes that document's failure row and the rest go on. An
    :class:`~gongmun.errors.InputError` in place of the bytes (a read that failed)
    becomes its failure row directly.

    >>> batch = extract_partition([("memo.txt", "총 600억원 지원".encode()),
    ...                            ("empty.txt", b"")])
    >>> batch.column("error").to_pylist()
    [None, 'empty']
    >>> batch.column("document")[0]["amounts"][0]["value_krw"].as_py()
    60000000000
    """
    import pyarrow as pa

    batches = []
    for name, data in items:
        if isinstance(data, InputError):
            batches.append(_batch([result_row(failure(name, data.code, data.problem))]))
            continue
        outcome = run_isolated(name, data, timeout)
        if outcome.kind == "row":
            batches.append(_read_message(outcome.payload))
            continue
        code = "timeout" if outcome.kind == "timeout" else "worker_crashed"
        message = f"{outcome.detail} while reading this document"
        if outcome.kind == "timeout":
            message = f"{outcome.detail}; the worker was stopped and replaced"
        batches.append(_batch([result_row(failure(TextInput(data, name), code, message))]))
    if not batches:
        return _batch([])
    table = pa.Table.from_batches(batches, schema=partition_schema()).combine_chunks()
    return table.to_batches()[0]


def extract_arrow(
    batch: Any,
    path_column: str = "path",
    content_column: str = "content",
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Any:
    """:func:`extract_partition` over an Arrow batch or table with a path and a bytes column.

    The defaults fit Spark's ``binaryFile`` source (``path``, ``content``); Ray's
    ``read_binary_files(include_paths=True)`` gives ``path`` and ``bytes``.
    """
    paths = batch.column(path_column).to_pylist()
    contents = batch.column(content_column).to_pylist()
    return extract_partition(zip(paths, contents, strict=True), timeout=timeout)


def extract_table(
    table: Any,
    path_column: str = "path",
    content_column: str = "bytes",
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Any:
    """:func:`extract_arrow` returning a ``pyarrow.Table``: the function for Ray Data.

    The defaults fit ``ray.data.read_binary_files(..., include_paths=True)``.
    """
    import pyarrow as pa

    batch = extract_arrow(table, path_column, content_column, timeout)
    return pa.Table.from_batches([batch], schema=partition_schema())


def map_batches(
    batches: Iterable[Any],
    path_column: str = "path",
    content_column: str = "content",
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Any]:
    """:func:`extract_arrow` over each batch: the function for Spark's ``mapInArrow``."""
    for batch in batches:
        yield extract_arrow(batch, path_column, content_column, timeout)


def to_records(batch: Any) -> list[Document | Failure]:
    """The :class:`Document` or :class:`Failure` of every row, validated again.

    ``[r.model_dump(mode="json") for r in to_records(batch)]`` are the records that
    ``gongmun extract`` writes for the same documents under the same names.
    """
    out: list[Document | Failure] = []
    for row in batch.to_pylist():
        if row["document"] is not None:
            out.append(Document.model_validate(row["document"]))
        else:
            out.append(Failure.model_validate({k: row[k] for k in _failure_columns()}))
    return out


__all__ = [
    "DEFAULT_TIMEOUT",
    "extract_arrow",
    "extract_partition",
    "extract_table",
    "map_batches",
    "partition_schema",
    "result_row",
    "result_row_message",
    "to_records",
]
