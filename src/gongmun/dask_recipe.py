"""Beyond one machine: the partition function of :mod:`gongmun.engines` on a Dask bag.

Needs the ``dask`` extra (``pip install 'gongmun[dask]'``); URLs (``s3://``, ``gs://``)
also need the ``storage`` extra. Each partition reads its documents' bytes on the
worker (:func:`gongmun.engines.storage.read_document`) and runs
:func:`~gongmun.engines.partition.extract_partition`, so every document runs in a
worker process of its own beside the Dask worker thread: a crash, a hang past
``timeout`` or an exception is that document's failure record, and no Dask worker dies
(no ``KilledWorker``). Works with daemonic Dask workers (the default)::

    from dask.distributed import Client
    from gongmun.dask_recipe import extract_bag, write_parquet

    with Client("scheduler:8786"):          # or LocalCluster(...)
        bag = extract_bag(paths, npartitions=64)          # JSON records, in order
        lines = bag.map(json.dumps, ensure_ascii=False)
        lines.to_textfiles("out/*.jsonl", last_endline=True)
        write_parquet(paths, "s3://bucket/out")           # or Arrow rows as Parquet
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from gongmun.batch import extract_one
from gongmun.engines.partition import DEFAULT_TIMEOUT, extract_partition, to_records
from gongmun.engines.storage import is_url, read_document


def extract_record(path: str) -> dict[str, Any]:
    """Extract one document to its JSON-ready record (a Document or a Failure), in-process.

    >>> extract_record("없는파일.txt")["error"]
    'not_found'
    """
    return extract_one(path).model_dump(mode="json")


def _npartitions(n: int, npartitions: int | None) -> int:
    # About 4 partitions per 100 documents: a slow document holds back little, and
    # scheduling overhead (a few ms per task) stays negligible.
    if npartitions is not None:
        return npartitions
    return max(1, min(n, n // 25 or 1))


def extract_batch(
    paths: Sequence[str],
    timeout: float | None = DEFAULT_TIMEOUT,
    storage_options: Mapping[str, Any] | None = None,
) -> Any:
    """Read and extract ``paths`` (paths or URLs) into one Arrow batch: one partition's work.

    >>> extract_batch(["memory://없는.txt"]).column("error").to_pylist()
    ['not_found']
    """
    items = ((p, read_document(p, storage_options)) for p in paths)
    return extract_partition(items, timeout=timeout)


def _records(
    paths: Sequence[str], timeout: float | None, storage_options: Mapping[str, Any] | None
) -> list[dict[str, Any]]:
    batch = extract_batch(paths, timeout, storage_options)
    return [r.model_dump(mode="json") for r in to_records(batch)]


def _bag(paths: Sequence[str | os.PathLike[str]], npartitions: int | None) -> Any:
    import dask.bag as db

    # dask's own annotations leave from_sequence untyped; the Bag is Any to us anyway.
    from_sequence: Any = db.from_sequence
    names = [os.fspath(p) for p in paths]
    return from_sequence(names, npartitions=_npartitions(len(names), npartitions))


def extract_bag(
    paths: Sequence[str | os.PathLike[str]],
    npartitions: int | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    storage_options: Mapping[str, Any] | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of JSON records, one per path or URL, in the order of ``paths``.

    The records are those of ``gongmun extract`` (and ``extract_many``) for the same
    names. ``npartitions`` defaults to about 4 partitions per 100 documents.
    """
    return _bag(paths, npartitions).map_partitions(
        _records, timeout=timeout, storage_options=storage_options
    )


def _write_part(
    paths: Sequence[str],
    target: str,
    timeout: float | None,
    storage_options: Mapping[str, Any] | None,
) -> tuple[str, int, int]:
    import pyarrow.parquet as pq

    batch = extract_batch(paths, timeout, storage_options)
    if is_url(target):
        import fsspec

        with fsspec.open(target, "wb", **dict(storage_options or {})) as f:
            pq.write_table(_table(batch), f)
    else:
        pq.write_table(_table(batch), target)
    return target, batch.num_rows, batch.num_rows - batch.column("error").null_count


def _table(batch: Any) -> Any:
    import pyarrow as pa

    return pa.Table.from_batches([batch])


def write_parquet(
    paths: Sequence[str | os.PathLike[str]],
    out: str,
    npartitions: int | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    storage_options: Mapping[str, Any] | None = None,
) -> list[tuple[str, int, int]]:
    """Extract ``paths`` on the cluster into ``out/part-NNNNN.parquet``, one per partition.

    Rows have :func:`~gongmun.engines.partition.partition_schema`, in the order of
    ``paths``. ``out`` is a folder path or URL. Returns ``(file, rows, failures)`` of
    every part, after the work is done.
    """
    from dask.base import compute as dask_compute
    from dask.delayed import delayed as dask_delayed

    # dask's annotations leave these untyped; the tasks are Any to us anyway.
    compute: Any = dask_compute
    delayed: Any = dask_delayed
    if is_url(out):
        import fsspec

        fs, root = fsspec.core.url_to_fs(out, **dict(storage_options or {}))
        fs.makedirs(root, exist_ok=True)
    else:
        os.makedirs(out, exist_ok=True)  # noqa: PTH103 (out may be a str path or URL)
    parts = _bag(paths, npartitions).to_delayed()
    base = out.rstrip("/")
    tasks = [
        delayed(_write_part)(part, f"{base}/part-{i:05d}.parquet", timeout, storage_options)
        for i, part in enumerate(parts)
    ]
    return list(compute(*tasks))
