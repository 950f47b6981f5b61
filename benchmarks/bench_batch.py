"""Batch throughput: documents/s and MB/s with --jobs 1 and 2, peak memory per worker.

Peak memory of pool workers is sampled with psutil (a dependency of dask.distributed, in
the dev extras) every 50 ms.

Builds a corpus of at least ``--mb`` MB by repeating the seeds (each copy gets its own
first line, so every file has its own sha256), then runs ``gongmun extract DIR -o OUT
--jobs N`` in a fresh process per N and prints one row per run and the scaling ratio.
Numbers only; nothing here asserts a timing. The load average before each run is
printed: other work on the machine makes the wall-clock ratio meaningless, so the CPU
seconds of each run are printed too.

    python benchmarks/bench_batch.py            # 20 MB, jobs 1 and 2
    python benchmarks/bench_batch.py --mb 5 --jobs 1 2 4
    python benchmarks/bench_batch.py --dask  # also the Dask recipe on a LocalCluster
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


FIXTURES = SEEDS.parent / "fixtures"
# Fixture documents of every format the readers take (the expected outputs are not).
_FORMATS = (".pdf", ".hwpx", ".hwp", ".html", ".txt")


def _fixture_documents() -> list[Path]:
    """The repository's fixture documents that gongmun reads (a broken one is left out)."""
    from gongmun.errors import InputError
    from gongmun.readers import read_path

    out = []
    for p in sorted(FIXTURES.rglob("*")):
        if p.suffix.lower() not in _FORMATS or not p.is_file():
            continue
        try:
            read_path(p)
        except InputError:
            continue
        out.append(p)
    return out


def build_corpus(root: Path, megabytes: float, fixtures: bool = False) -> tuple[int, int]:
    """Copies of the seeds (and, with ``fixtures``, of every fixture document: PDF, HWPX,
    HWP, HTML, text) under ``root`` until they hold ``megabytes``; (files, bytes)."""
    seeds = [(p.stem, p.suffix, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    if fixtures:
        seeds += [(p.stem, p.suffix, p.read_bytes()) for p in _fixture_documents()]
    if not seeds:
        raise SystemExit(f"no seeds in {SEEDS}")
    files = size = 0
    while size < megabytes * 1e6:
        for stem, suffix, data in seeds:
            # A text copy gets its own first line (its own sha256); other formats are
            # copied as they are.
            body = f"사본 {files}\n".encode() + data if suffix == ".txt" else data
            (root / f"{files:06d}_{stem}{suffix}").write_bytes(body)
            files += 1
            size += len(body)
    return files, size


def child(corpus: Path, jobs: int, out: Path) -> None:
    """Run one extraction in this process and print its measurements as JSON."""
    from gongmun.cli import main

    start = time.perf_counter()
    code = main(["extract", str(corpus), "-o", str(out), "--jobs", str(jobs)])
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # Linux reports KiB, macOS bytes.
    self_mb = usage.ru_maxrss / (1 << 20) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"exit": code, "seconds": seconds, "self_rss_mb": self_mb, "self_cpu": cpu}))


def _sample_workers(
    pid: int, peaks: dict[int, float], cpu: dict[int, float], stop: threading.Event
) -> None:
    """Peak RSS (MB) and CPU seconds of every descendant of ``pid`` (workers, fork server)."""
    try:
        import psutil
    except ImportError:
        print("psutil is not installed: worker memory and CPU not measured", file=sys.stderr)
        return

    try:
        parent = psutil.Process(pid)
        while not stop.wait(0.05):
            for p in parent.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / (1 << 20))
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
    except psutil.Error:
        return


def run(corpus: Path, jobs: int, out: Path) -> dict[str, float]:
    """Measure one ``--jobs`` setting in a fresh interpreter."""
    cmd = [sys.executable, __file__, "--child", str(corpus), "--jobs", str(jobs), "--out", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_workers, args=(proc.pid, peaks, cpu, stop))
    sampler.start()
    stdout, _ = proc.communicate()
    stop.set()
    sampler.join()
    result: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    # With one job the work runs in the child itself; with more, in its pool workers.
    result["worker_rss_mb"] = result["self_rss_mb"] if jobs == 1 else max(peaks.values(), default=0)
    # CPU seconds of the whole run (sampled every 50 ms for workers, so slightly low).
    result["cpu"] = result["self_cpu"] + sum(cpu.values())
    return result


def run_dask(corpus: Path, workers: int, out: Path) -> float:
    """Seconds for the Dask recipe on a LocalCluster of ``workers`` processes (cluster
    start-up excluded), writing JSON Lines as the README shows."""
    from dask.distributed import Client, LocalCluster

    from gongmun.dask_recipe import extract_bag

    paths = sorted(str(p) for p in corpus.iterdir())
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        start = time.perf_counter()
        lines = extract_bag(paths).map(json.dumps, ensure_ascii=False)
        lines.to_textfiles(str(out / "*.jsonl"), last_endline=True)
        return time.perf_counter() - start


def scaling(
    corpus: Path, files: int, size: int, jobs_list: list[int], tmp: Path
) -> dict[str, float]:
    """Run each ``--jobs`` setting on ``corpus`` and print its row, then the scaling from
    1 job: the wall-clock ratio beside the bound the CPU cost allows on free cores.

    Returns docs/s per setting (``docs/s jN``) and, with 1 and 2 jobs, ``wall`` and
    ``bound`` (2 × CPU of ``-j 1`` / CPU of ``-j 2``).
    """
    print(
        f"{'jobs':>4} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'RSS/worker':>11} "
        f"{'CPU s':>7} {'load':>5}"
    )
    rates: dict[int, float] = {}
    cpus: dict[int, float] = {}
    out: dict[str, float] = {}
    for jobs in jobs_list:
        load = os.getloadavg()[0]
        r = run(corpus, jobs, tmp / f"out{jobs}.jsonl")
        if r["exit"] != 0:
            print(f"  jobs {jobs}: exit {r['exit']} (some documents failed)")
        rates[jobs] = files / r["seconds"]
        cpus[jobs] = r["cpu"]
        out[f"docs/s j{jobs}"] = rates[jobs]
        print(
            f"{jobs:>4} {r['seconds']:>8.2f} {rates[jobs]:>8.1f} "
            f"{size / 1e6 / r['seconds']:>7.2f} {r['worker_rss_mb']:>8.0f} MB "
            f"{r['cpu']:>7.1f} {load:>5.2f}"
        )
    if 1 in rates:
        for jobs, rate in rates.items():
            if jobs == 1:
                continue
            # Wall-clock scaling is only meaningful on otherwise idle cores (see the
            # load column); the CPU bound is what N free cores would give at most.
            cores = min(jobs, os.cpu_count() or jobs)
            bound = cores * cpus[1] / cpus[jobs]
            if jobs == 2:
                out["wall"], out["bound"] = rate / rates[1], bound
            print(
                f"scaling 1 -> {jobs} jobs: {rate / rates[1]:.2f}x wall clock; "
                f"{bound:.2f}x bound from CPU cost on free cores "
                f"(CPU s: {cpus[1]:.1f} with 1 job, {cpus[jobs]:.1f} with {jobs}; "
                f"{files / (cpus[jobs] / cores):.1f} docs/s if the {cores} cores were free)"
            )
    return out


def main() -> None:
    """Build the corpus, run every --jobs setting, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--dask", action="store_true", help="also time the Dask recipe")
    ap.add_argument(
        "--fixtures",
        action="store_true",
        help="also copy the fixture documents (PDF, HWPX, HWP, HTML) into the batch",
    )
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.jobs[0], args.out)
        return
    with tempfile.TemporaryDirectory(prefix="gongmun-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files, size = build_corpus(corpus, args.mb, args.fixtures)
        what = "seeds and fixtures" if args.fixtures else "seeds"
        print(f"corpus: {files} documents, {size / 1e6:.1f} MB ({what} repeated)")
        scaling(corpus, files, size, args.jobs, Path(tmp))
        if args.dask:
            for workers in args.jobs:
                load = os.getloadavg()[0]
                seconds = run_dask(corpus, workers, Path(tmp) / f"dask{workers}")
                print(
                    f"dask, {workers} worker(s): {seconds:.2f} s, {files / seconds:.1f} docs/s, "
                    f"{size / 1e6 / seconds:.2f} MB/s, {files / seconds / workers:.1f} docs/s "
                    f"per worker (load {load:.2f})"
                )


if __name__ == "__main__":
    main()
