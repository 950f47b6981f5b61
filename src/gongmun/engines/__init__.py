"""gongmun on data engines (Spark, Dask, Ray): one engine-neutral partition function.

:func:`gongmun.engines.partition.extract_partition` takes a batch of ``(path, bytes)``
and returns one Arrow record batch of :func:`~gongmun.engines.partition.partition_schema`,
one row per document in input order. Every document runs in a separate worker process
(:mod:`gongmun.engines.isolate`), so a native crash, a hang past the time limit or an
exception costs only that document's row, never the task or the job: engines abort a
stage (Spark), the whole job (Dask ``KilledWorker``) or retry forever (Ray) when a task's
own process dies.

==========================  ===============================================
:mod:`.partition`           the partition function and its fixed schema
:mod:`.isolate`             the worker process beside each engine thread
:mod:`.worker`              the worker process's side (``python -m``)
:mod:`.storage`             bytes from fsspec URLs (``s3://``, ``gs://``, local)
:mod:`.spark`               ``binaryFile`` → ``mapInArrow`` → Parquet
:mod:`gongmun.dask_recipe`  the same over a Dask bag
==========================  ===============================================
"""
