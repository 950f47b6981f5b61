"""--resume: a killed run, started again, loses nothing and duplicates nothing."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongmun.cli import main
from gongmun.models import Failure
from gongmun.paths import record_key
from gongmun.writers_resume import prepare_resume

N_DOCS = 1500
psutil = pytest.importorskip("psutil")  # comes with dask.distributed (dev extras)


def _corpus(root: Path, n: int) -> Path:
    docs = root / "docs"
    docs.mkdir()
    for i in range(n):
        (docs / f"{i:05d}.txt").write_text(
            f"가상 문서 {i}\nㅇ 총 {i + 1}억원 규모, ’25~’29 지원\n", encoding="utf-8"
        )
    return docs


def _default_sigint() -> None:
    # A shell starts background jobs with Ctrl-C ignored, and Python keeps an ignored
    # SIGINT ignored: the run under test gets Ctrl-C as a terminal would give it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _extract(*args: str | Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "gongmun", "extract", *map(str, args)]
    return subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_default_sigint
    )


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_killing_a_real_run_and_resuming_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    docs = _corpus(tmp_path, N_DOCS)
    out = tmp_path / "out.jsonl"
    run = _extract(docs, "-o", out, "--jobs", "2", "--resume")
    deadline = time.monotonic() + 120
    while _lines(out) < 50 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    helpers = psutil.Process(run.pid).children(recursive=True)  # fork server, workers
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    partial = _lines(out)
    assert 0 < partial < N_DOCS
    # Its workers notice and leave rather than wait forever on their task queue.
    _, alive = psutil.wait_procs(helpers, timeout=10)
    for p in alive:
        p.kill()
    assert [p.pid for p in alive] == []

    resumed = _extract(docs, "-o", out, "--jobs", "2", "--resume")
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    assert f"{partial} already in the output, skipped" in err.decode()

    clean = tmp_path / "clean.jsonl"
    fresh = _extract(docs, "-o", clean)
    fresh.communicate(timeout=300)
    # Output is in input order, so the resumed file is byte for byte a clean run's.
    assert out.read_bytes() == clean.read_bytes()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len({r["source"]["sha256"] for r in records}) == N_DOCS


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    docs = _corpus(tmp_path, N_DOCS)
    out = tmp_path / "out.jsonl"
    run = _extract(docs, "-o", out, "--jobs", "2")
    deadline = time.monotonic() + 120
    while _lines(out) < 50 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err.decode()
    assert "interrupted (run again with --resume to finish)" in err.decode()
    assert out.read_bytes().endswith(b"\n")
    resumed = _extract(docs, "-o", out, "--resume")
    resumed.communicate(timeout=300)
    assert resumed.returncode == 0
    assert _lines(out) == N_DOCS


def test_resume_drops_a_torn_line_and_retries_failures(tmp_path: Path) -> None:
    docs = _corpus(tmp_path, 3)
    (docs / "00001.txt").write_bytes(b"")  # fails: empty
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(docs), "-o", str(out)]) == 1
    first = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(first[1])["error"] == "empty"

    (docs / "00001.txt").write_text("이제 읽히는 문서, 총 5억원\n", encoding="utf-8")
    with out.open("ab") as f:
        f.write(b'{"schema_version": "1", "sour')  # what a power cut can leave
    assert main(["extract", str(docs), "-o", str(out), "--resume"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["path"] for r in records] == [
        str(docs / "00000.txt"),
        str(docs / "00002.txt"),
        str(docs / "00001.txt"),
    ]


def test_the_same_bytes_under_a_new_path_are_a_new_record(tmp_path: Path) -> None:
    docs = tmp_path / "d"
    docs.mkdir()
    for name in ("a.txt", "b.txt"):
        (docs / name).write_text("같은 내용, 총 1억원\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(docs / "a.txt"), "-o", str(out)]) == 0
    keys = [record_key(str(docs / name)) for name in ("a.txt", "b.txt")]
    assert prepare_resume(out, keys) == [True, False]
    assert main(["extract", str(docs), "-o", str(out), "--resume"]) == 0
    paths = [json.loads(line)["source"]["path"] for line in out.read_text().splitlines()]
    assert paths == [str(docs / "a.txt"), str(docs / "b.txt")]


def test_resume_key_is_the_sha256_every_reader_records() -> None:
    """--resume hashes input bytes; every reader must record that same sha256."""
    from gongmun.batch import extract_many, source_sha256
    from gongmun.inputs import find_documents

    paths = find_documents([str(Path(__file__).parent.parent / "fixtures")])
    suffixes = {Path(p).suffix for p in paths}
    assert {".txt", ".pdf", ".html"} <= suffixes
    for path, result in zip(paths, extract_many(paths), strict=True):
        recorded = result.sha256 if isinstance(result, Failure) else result.source.sha256
        assert recorded == source_sha256(path), path
