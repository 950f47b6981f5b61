"""Throughput per core of the engine recipes beside one plain process, on seeds-sized documents.

Copies of the seeds (about 25 KB each, each with its own first line) are extracted by:

- ``extract_many``: one in-process extraction, the baseline;
- ``partition``: :func:`gongmun.engines.partition.extract_partition` in this process,
  which sends each document to its isolated worker process (the cost of isolation);
- ``dask``: :func:`gongmun.dask_recipe.write_parquet` on a ``LocalCluster`` of 1 and 2
  single-threaded workers;
- ``spark``: :func:`gongmun.engines.spark.extract_files` → Parquet on ``local[1]`` and
  ``local[2]``.

Every engine first runs a small warm-up job, so the worker processes have loaded Kiwi
(seconds, once per worker) before the timed run. Prints seconds, documents/s, documents/s
per core, and the CPU seconds of the whole process tree (engine, JVM, workers) with the
documents per CPU second, which is the throughput per core on a machine of your own; the
ratio to the baseline is of those. Also the peak RSS of a gongmun worker process (psutil,
sampled every 100 ms). Numbers only; nothing asserts a timing. The load average is
printed too: on a shared machine wall-clock numbers mean little.

    python benchmarks/bench_engines.py                    # 160 documents, every engine
    python benchmarks/bench_engines.py --docs 400 --engines spark
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ENGINES = ("extract_many", "partition", "dask", "spark")


def build_corpus(root: Path, docs: int) -> list[str]:
    """``docs`` copies of the seeds under ``root``; their paths."""
    seeds = [(p.stem, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    paths = []
    for i in range(docs):
        stem, data = seeds[i % len(seeds)]
        path = root / f"{i:06d}_{stem}.txt"
        path.write_bytes(f"사본 {i}\n".encode() + data)
        paths.append(str(path))
    return paths


@contextlib.contextmanager
def worker_rss() -> Iterator[list[float]]:
    """Sample the peak RSS (MB) of gongmun worker processes below this one."""
    import psutil

    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        me = psutil.Process()
        while not stop.wait(0.1):
            with contextlib.suppress(psutil.Error):
                for p in me.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        if "gongmun.engines.worker" in " ".join(p.cmdline()):
                            peak[0] = max(peak[0], p.memory_info().rss / 1e6)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        yield peak
    finally:
        stop.set()
        t.join()


def _tree_cpu() -> dict[int, float]:
    """CPU seconds (user + system) of this process and every process below it, by pid."""
    import psutil

    out: dict[int, float] = {}
    me = psutil.Process()
    for p in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            out[p.pid] = t.user + t.system
    return out


CPU: list[float] = [0.0]  # CPU seconds of the last timed run, all processes


def timed(fn: Callable[[], Any]) -> float:
    """Wall seconds of ``fn()``; its CPU seconds over the process tree go to ``CPU``."""
    before = _tree_cpu()
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    after = _tree_cpu()
    CPU[0] = sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())
    return seconds


def run_extract_many(paths: list[str], _: int, __: Path) -> float:
    from gongmun.batch import extract_many

    list(extract_many(paths[:2]))  # loads Kiwi
    return timed(lambda: list(extract_many(paths)))


def run_partition(paths: list[str], _: int, __: Path) -> float:
    from gongmun.engines.partition import extract_partition

    def run(ps: list[str]) -> None:
        extract_partition((p, Path(p).read_bytes()) for p in ps)

    run(paths[:2])
    return timed(lambda: run(paths))


def run_dask(paths: list[str], cores: int, out: Path) -> float:
    from dask.distributed import Client, LocalCluster

    from gongmun.dask_recipe import write_parquet

    with (
        LocalCluster(
            n_workers=cores, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        Client(cluster),
    ):
        write_parquet(paths[: 2 * cores], str(out / "warm"), npartitions=cores)
        # About 4 partitions per core: enough to balance, few enough to cost nothing.
        return timed(lambda: write_parquet(paths, str(out / "run"), npartitions=4 * cores))


def run_spark(paths: list[str], cores: int, out: Path) -> float:
    from pyspark.sql import SparkSession

    from gongmun.engines.spark import extract_files

    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        warm = out / "warm-in"
        warm.mkdir()
        for p in paths[: 2 * cores]:
            (warm / Path(p).name).write_bytes(Path(p).read_bytes())
        extract_files(spark, str(warm)).write.parquet(str(out / "warm"))
        src = str(Path(paths[0]).parent)
        return timed(lambda: extract_files(spark, src).write.parquet(str(out / "run")))
    finally:
        spark.stop()


RUNNERS: dict[str, tuple[Callable[[list[str], int, Path], float], tuple[int, ...]]] = {
    "extract_many": (run_extract_many, (1,)),
    "partition": (run_partition, (1,)),
    "dask": (run_dask, (1, 2)),
    "spark": (run_spark, (1, 2)),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=160, help="documents per run (default 160)")
    ap.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongmun-bench-engines-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        paths = build_corpus(corpus, args.docs)
        mb = sum(Path(p).stat().st_size for p in paths) / 1e6
        print(f"{len(paths)} documents, {mb:.1f} MB ({mb * 1e3 / len(paths):.0f} KB each)")
        print(
            "engine        cores  seconds  docs/s  per core  CPU s  docs/CPU s  ×baseline"
            "  worker RSS  load"
        )
        base: float | None = None
        for name in args.engines:
            fn, cores_list = RUNNERS[name]
            for cores in cores_list:
                out = Path(tmp) / f"{name}-{cores}"
                out.mkdir()
                load = os.getloadavg()[0]
                with worker_rss() as peak:
                    seconds = fn(paths, cores, out)
                rate = len(paths) / seconds
                per_cpu = len(paths) / CPU[0] if CPU[0] else 0.0
                if name == "extract_many":
                    base = per_cpu
                ratio = f"{per_cpu / base:9.2f}" if base else "        -"
                rss = f"{peak[0]:7.0f} MB" if peak[0] else "         -"
                print(
                    f"{name:<13} {cores:>5}  {seconds:7.2f}  {rate:6.1f}  {rate / cores:8.1f}  "
                    f"{CPU[0]:5.1f}  {per_cpu:10.1f}  {ratio}  {rss}  {load:4.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
