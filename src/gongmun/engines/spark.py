"""Spark: ``binaryFile`` → ``mapInArrow`` with the partition function → Parquet.

Needs the ``spark`` extra (``pip install 'gongmun[spark]'``: pyspark, pyarrow) and Java
17 or newer, and gongmun installed on every executor::

    from pyspark.sql import SparkSession
    from gongmun.engines.spark import extract_files

    spark = SparkSession.builder.getOrCreate()
    extract_files(spark, "s3a://bucket/releases/").write.parquet("s3a://bucket/out/")

Each executor Python worker keeps one gongmun worker process (Kiwi loaded once) and
sends it one document at a time, so a document that crashes or hangs is one failure
row; the task, the stage and the job succeed.
"""

from __future__ import annotations

import functools
from typing import Any

from gongmun.engines.partition import DEFAULT_TIMEOUT, map_batches, partition_schema
from gongmun.inputs import DOCUMENT_SUFFIXES


def spark_schema() -> Any:
    """The Spark ``StructType`` of :func:`~gongmun.engines.partition.partition_schema`."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(partition_schema())


def document_glob() -> str:
    """A ``pathGlobFilter`` for the document extensions, in lower and upper case.

    >>> document_glob()
    '*.{HTM,HTML,HWP,HWPX,MD,PDF,TEXT,TXT,htm,html,hwp,hwpx,md,pdf,text,txt}'
    """
    names = sorted({s[1:] for s in DOCUMENT_SUFFIXES} | {s[1:].upper() for s in DOCUMENT_SUFFIXES})
    return "*.{" + ",".join(names) + "}"


def extract_files(
    spark: Any,
    path: str | list[str],
    *,
    glob: str | None = None,
    recursive: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Any:
    """A DataFrame of :func:`spark_schema`, one row per document file under ``path``.

    ``path`` is anything ``spark.read.load`` takes (``s3a://…``, ``hdfs://…``, local
    folders, globs). Folders are searched recursively for the document extensions
    (``glob`` replaces :func:`document_glob`; ``"*"`` takes every file). Spark skips
    names starting with ``.`` or ``_``. Rows come in no particular order.
    """
    reader = (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", glob or document_glob())
        .option("recursiveFileLookup", str(recursive).lower())
    )
    files = reader.load(path).select("path", "content")
    fn = functools.partial(map_batches, timeout=timeout)
    return files.mapInArrow(fn, spark_schema())
