"""Beyond one machine: the per-document function of :mod:`gongmun.batch` on a Dask bag.

Needs the ``dask`` extra (``pip install 'gongmun[dask]'``). Every Dask worker process
loads the Korean analyzer once, as a pool worker does; results are the JSON form of a
Document or a Failure, the same records ``gongmun extract`` writes, in input order::

    from dask.distributed import Client
    from gongmun.dask_recipe import extract_bag

    with Client("scheduler:8786"):          # or LocalCluster(...)
        bag = extract_bag(paths, npartitions=64)
        lines = bag.map(json.dumps, ensure_ascii=False)
        lines.to_textfiles("out/*.jsonl", last_endline=True)

Paths must be readable by the workers (a shared file system or object-store mount).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from gongmun.batch import extract_one


def extract_record(path: str) -> dict[str, Any]:
    """Extract one document to its JSON-ready record (a Document or a Failure).

    >>> extract_record("없는파일.txt")["error"]
    'not_found'
    """
    return extract_one(path).model_dump(mode="json")


def extract_bag(paths: Sequence[str | os.PathLike[str]], npartitions: int | None = None) -> Any:
    """A ``dask.bag.Bag`` of records, one per path, in the order of ``paths``.

    ``npartitions`` defaults to about 4 partitions per 100 documents (at least 1), small
    enough that a slow document holds back little and large enough to keep scheduling
    overhead (a few ms per task) negligible.
    """
    import dask.bag as db

    # dask's own annotations leave from_sequence untyped; the Bag is Any to us anyway.
    from_sequence: Any = db.from_sequence
    names = [os.fspath(p) for p in paths]
    if npartitions is None:
        npartitions = max(1, min(len(names), len(names) // 25 or 1))
    return from_sequence(names, npartitions=npartitions).map(extract_record)
