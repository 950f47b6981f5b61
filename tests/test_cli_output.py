"""Output a batch can be trusted with: errors as one line and status 3, whole lines only,
one writer per file, --resume that never destroys what it did not write."""

from __future__ import annotations

import errno
import fcntl
import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from gongmun import writers_jsonl
from gongmun.cli import EXIT_OUTPUT, EXIT_USAGE, main

DOC = "ㅇ 2025년부터 총 {n}억원 지원\n"
FAST = ["--timeout", "0", "-j", "1"]


def _docs(root: Path, n: int) -> list[Path]:
    root.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        p = root / f"{i:02d}.txt"
        p.write_text(DOC.format(n=i + 1), encoding="utf-8")
        paths.append(p)
    return paths


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _paths(path: Path) -> list[str]:
    return [r["source"]["path"] if "source" in r else r["path"] for r in _records(path)]


def test_a_full_disk_is_one_line_and_status_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    _docs(tmp_path / "d", 2)
    assert main(["extract", str(tmp_path / "d"), "-o", "/dev/full", *FAST]) == EXIT_OUTPUT
    err = capsys.readouterr().err
    assert err == "gongmun: /dev/full: cannot write: No space left on device\n"


def test_an_output_under_a_file_is_one_line_and_status_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x")
    _docs(tmp_path / "d", 1)
    out = tmp_path / "file" / "out.jsonl"
    assert main(["extract", str(tmp_path / "d"), "-o", str(out), *FAST]) == EXIT_OUTPUT
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"gongmun: {out}: cannot open for writing: ")
    assert "Traceback" not in line


def test_a_write_failing_midway_leaves_only_whole_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _docs(tmp_path / "d", 5)
    out = tmp_path / "out.jsonl"
    real_write = os.write
    calls = {"n": 0}

    def flaky(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            real_write(fd, bytes(data[:10]))  # half a record reaches the disk…
            raise OSError(errno.ENOSPC, "No space left on device")  # …then the disk is full
        return real_write(fd, data)

    monkeypatch.setattr(writers_jsonl.os, "write", flaky)
    assert main(["extract", *map(str, docs), "-o", str(out), *FAST]) == EXIT_OUTPUT
    assert _paths(out) == [str(docs[0]), str(docs[1])]
    assert out.read_bytes().endswith(b"\n")
    assert "No space left on device" in capsys.readouterr().err


def test_normalize_and_schema_output_errors_are_one_line_and_status_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (doc,) = _docs(tmp_path / "d", 1)

    class FullDisk(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("sys.stdout", FullDisk())
    assert main(["normalize", str(doc)]) == EXIT_OUTPUT
    err = capsys.readouterr().err
    assert err == f"gongmun: stdout: cannot write: {os.strerror(errno.ENOSPC)}\n"
    monkeypatch.undo()
    (tmp_path / "file").write_text("x")
    assert main(["schema", "--dir", str(tmp_path / "file" / "schemas")]) == EXIT_OUTPUT
    (line,) = capsys.readouterr().err.splitlines()
    schemas = tmp_path / "file" / "schemas"
    assert line == f"gongmun: {schemas}: cannot write: {tmp_path / 'file'} is not a folder"
    # -o under a file names the file in the way, not "File exists".
    out = tmp_path / "file" / "out.jsonl"
    assert main(["extract", str(doc), "-o", str(out), *FAST]) == EXIT_OUTPUT
    (line,) = capsys.readouterr().err.splitlines()
    assert line == f"gongmun: {out}: cannot open for writing: {tmp_path / 'file'} is not a folder"


def test_a_second_writer_is_refused_and_the_output_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _docs(tmp_path / "d", 2)
    out = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, docs), "-o", str(out), *FAST]) == 0
    before = out.read_bytes()
    capsys.readouterr()
    with out.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another run holds it
        for extra in ([], ["--resume"]):
            code = main(["extract", *map(str, docs), "-o", str(out), *FAST, *extra])
            assert code == EXIT_OUTPUT
            assert "another gongmun run is writing it" in capsys.readouterr().err
            assert out.read_bytes() == before


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_second_run_on_a_tables_folder_is_refused_and_the_tables_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    docs = _docs(tmp_path / "d", 2)
    out = tmp_path / "tables"
    run = ["extract", *map(str, docs), "-o", str(out), "-f", fmt, *FAST]
    assert main(run) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    held = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # another run is writing the folder
        assert main(run) == EXIT_OUTPUT
        (line,) = capsys.readouterr().err.splitlines()
        assert line == f"gongmun: {out}: another gongmun run is writing it; wait for it to end"
    finally:
        os.close(held)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "tables"]  # no partial folder
    assert main(run) == 0  # the lock goes with the run that held it


def test_an_output_that_is_also_an_input_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (doc,) = _docs(tmp_path / "d", 1)
    before = doc.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(doc)
    for out in (doc, link):
        assert main(["extract", str(doc), "-o", str(out), *FAST]) == EXIT_USAGE
        assert "is also an input" in capsys.readouterr().err
    assert doc.read_bytes() == before


@pytest.mark.parametrize("foreign", [b"hello world\n", b'{"a": 1}\n', b"[1, 2]\n", b"oops"])
def test_resume_refuses_an_output_holding_other_lines_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], foreign: bytes
) -> None:
    docs = _docs(tmp_path / "d", 2)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(docs[0]), "-o", str(out), *FAST]) == 0
    out.write_bytes(out.read_bytes() + foreign)
    before = out.read_bytes()
    capsys.readouterr()
    assert main(["extract", *map(str, docs), "-o", str(out), "--resume", *FAST]) == EXIT_OUTPUT
    err = capsys.readouterr().err
    assert "line 2 is not a gongmun record" in err
    assert "left as it was" in err
    assert out.read_bytes() == before


def test_resume_of_an_edited_input_leaves_one_record_for_its_path(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "d", 3)
    out = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, docs), "-o", str(out), *FAST]) == 0
    docs[0].write_text(DOC.format(n=77), encoding="utf-8")
    assert main(["extract", *map(str, docs), "-o", str(out), "--resume", *FAST]) == 0
    records = _records(out)
    assert sorted(_paths(out)) == sorted(map(str, docs))
    (edited,) = [r for r in records if r["source"]["path"] == str(docs[0])]
    assert edited["amounts"][0]["value_krw"] == 7_700_000_000


def test_resume_keeps_records_of_other_inputs_and_the_same_bytes_under_a_new_path(
    tmp_path: Path,
) -> None:
    docs = _docs(tmp_path / "d", 2)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(docs[0].read_bytes())
    out = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, docs), "-o", str(out), *FAST]) == 0
    assert main(["extract", str(copy), "-o", str(out), "--resume", *FAST]) == 0
    assert _paths(out) == [str(docs[0]), str(docs[1]), str(copy)]


def test_a_resumed_rewrite_keeps_the_mode_and_writes_through_a_symlink(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "d", 3)
    docs[1].write_bytes(b"")  # a failure in the middle: removing it needs a rewrite
    real = tmp_path / "real" / "out.jsonl"
    real.parent.mkdir()
    link = tmp_path / "out.jsonl"
    link.symlink_to(real)
    assert main(["extract", *map(str, docs), "-o", str(link), *FAST]) == 1
    real.chmod(0o640)
    docs[1].write_text(DOC.format(n=9), encoding="utf-8")
    assert main(["extract", *map(str, docs), "-o", str(link), "--resume", *FAST]) == 0
    assert link.is_symlink()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(_paths(real)) == sorted(map(str, docs))
    assert sorted(p.name for p in real.parent.iterdir()) == ["out.jsonl"]  # no temp file left


def test_a_plain_run_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "d", 2)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(docs[1]), "-o", str(out), *FAST]) == 0
    out.chmod(0o600)
    assert main(["extract", str(docs[0]), "-o", str(out), *FAST]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert _paths(out) == [str(docs[0])]


@pytest.mark.parametrize(
    "content",
    [b'{"id": 1, "label": "mine"}\n', b"%PDF-1.7\n", b"\xef\xbb\xbfpath,amount\n", b"notes\n"],
)
def test_a_plain_run_never_empties_a_file_gongmun_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    docs = _docs(tmp_path / "d", 1)
    out = tmp_path / "data.jsonl"
    out.write_bytes(content)
    assert main(["extract", str(docs[0]), "-o", str(out), *FAST]) == EXIT_OUTPUT
    assert out.read_bytes() == content
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"gongmun: {out}: it holds data that is not gongmun's records")


def test_a_plain_run_replaces_an_empty_file_and_a_failure_record(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "d", 2)
    docs[1].write_bytes(b"")  # an empty input is a failure record: still gongmun's output
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"")
    assert main(["extract", str(docs[1]), "-o", str(out), *FAST]) == 1
    assert "error" in _records(out)[0]
    assert main(["extract", str(docs[0]), "-o", str(out), *FAST]) == 0
    assert _paths(out) == [str(docs[0])]


def test_dash_o_dash_is_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _docs(tmp_path / "d", 1)
    assert main(["extract", str(docs[0]), "-o", "-", *FAST]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["source"]["path"] == str(docs[0])
    assert not (Path.cwd() / "-").exists()


def test_resume_with_a_fifo_among_the_inputs_does_not_hang_hashing_it(tmp_path: Path) -> None:
    from gongmun.batch import source_sha256

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert source_sha256(fifo) is None
    assert source_sha256(Path("/dev/zero")) is None
