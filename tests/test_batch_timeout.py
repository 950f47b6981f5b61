"""A time limit per document: a document past it is a `timeout` record, its worker is
replaced and the batch goes on; SIGTERM and SIGHUP end a run as Ctrl-C does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongmun.batch import extract_many
from gongmun.models import Document, Failure
from gongmun.pool import map_ordered

psutil = pytest.importorskip("psutil")  # comes with dask.distributed (dev extras)
LIMIT = 2.0


def _slow_document(path: Path) -> Path:
    # Two megabytes of task lines, each with a period and amounts: a real document that
    # takes far longer than LIMIT to extract (about a minute today, on one core).
    path.write_text(
        "".join(
            f"ㅇ {i}번 과제: ’25~’29, 총 {i}억원 규모 지원 (국비 {i}억원)\n" for i in range(40_000)
        ),
        encoding="utf-8",
    )
    return path


def _small(path: Path, n: int) -> Path:
    path.write_text(f"ㅇ 총 {n}억원 지원, ’25~’29\n", encoding="utf-8")
    return path


def test_a_real_slow_document_times_out_and_the_batch_goes_on(tmp_path: Path) -> None:
    slow = _slow_document(tmp_path / "slow.txt")
    before = _small(tmp_path / "a.txt", 1)
    after = _small(tmp_path / "b.txt", 2)
    results = list(extract_many([before, slow, after], jobs=1, timeout=LIMIT))
    assert [type(r) for r in results] == [Document, Failure, Document]
    failed = results[1]
    assert isinstance(failed, Failure)
    assert (failed.error, failed.path) == ("timeout", str(slow))
    assert f"not done after {LIMIT:g} s" in failed.message
    assert failed.sha256 is not None


def _sleepy(n: int) -> int:
    if n % 5 == 2:
        time.sleep(600)
    return n


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_pool_keeps_order_around_items_past_the_limit(jobs: int) -> None:
    got = list(
        map_ordered(
            _sleepy, range(12), jobs, on_crash=lambda n: -1, timeout=0.5, on_timeout=lambda n: -n
        )
    )
    assert got == [-n if n % 5 == 2 else n for n in range(12)]


def _run(*args: str | Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "gongmun", "extract", *map(str, args)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for_workers(run: subprocess.Popen[bytes], n: int) -> list[object]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and run.poll() is None:
        procs = psutil.Process(run.pid).children(recursive=True)
        if len(procs) >= n:
            return list(procs)
        time.sleep(0.05)
    raise AssertionError("the run never started its workers")


@pytest.mark.parametrize(("sig", "fmt"), [(signal.SIGTERM, "csv"), (signal.SIGHUP, "jsonl")])
def test_sigterm_and_sighup_end_a_run_like_ctrl_c(
    tmp_path: Path, sig: signal.Signals, fmt: str
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        _small(docs / f"{i}.txt", i + 1)
    _slow_document(docs / "9_slow.txt")
    out = tmp_path / ("tables" if fmt == "csv" else "out.jsonl")
    run = _run(docs, "-o", out, "-f", fmt, "-j", "2")
    helpers = _wait_for_workers(run, 2)  # the fork server and a worker at least
    time.sleep(1.0)
    run.send_signal(sig)
    _, err = run.communicate(timeout=60)
    text = err.decode()
    assert run.returncode == 128 + sig, text
    assert "interrupted" in text
    assert "documents (" in text  # the summary
    assert "leaked" not in text
    assert "Traceback" not in text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["docs", *(["out.jsonl"] if fmt == "jsonl" else [])]
    )
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert all("source" in r for r in records)
    _, alive = psutil.wait_procs(helpers, timeout=10)
    for p in alive:
        if p.pid != os.getpid():
            p.kill()
    assert [p for p in alive if "forkserver" not in " ".join(p.cmdline())] == []
