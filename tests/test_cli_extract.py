"""gongmun extract: JSON Lines on stdout, tables with -o, exit codes, the summary."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import gongmun
from gongmun.cli import OutputFormat, main

SEEDS = Path(__file__).parent.parent / "seeds"


def _records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_directory_to_stdout_one_document_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEEDS)]) == 0
    out, err = capsys.readouterr()
    records = _records(out)
    assert [r["source"]["path"] for r in records] == [  # type: ignore[index]
        str(p) for p in sorted(SEEDS.glob("*.txt"))
    ]
    assert "한" in out or "다" in out  # Hangul is written as is, not \uXXXX
    assert err.startswith("gongmun: 4 documents (4 extracted, 0 failed)")


def test_a_failure_is_a_record_without_source_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    assert main(["extract", str(tmp_path / "empty.txt"), str(seed)]) == 1
    out, err = capsys.readouterr()
    failure, doc = _records(out)
    assert "source" not in failure
    assert failure == {
        "path": str(tmp_path / "empty.txt"),
        "error": "empty",
        "message": "file is empty",
        "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "path_bytes": None,
        "gongmun_version": gongmun.__version__,
    }
    assert "source" in doc
    assert f"gongmun: {tmp_path / 'empty.txt'}: file is empty (empty)" in err
    assert "(1 extracted, 1 failed)" in err


@pytest.mark.parametrize("codec", ["utf-8", "cp949"])
def test_stdin(
    codec: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("□ 총 600억원 규모 지원\n".encode(codec)))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["extract", "-"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["source"]["path"] == "-"  # type: ignore[index]
    assert record["text"].startswith("□ 총 600억원 규모 지원")  # type: ignore[attr-defined]


def test_stdin_that_is_not_text_is_a_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe\xff\x00\x80")))
    assert main(["extract", "-"]) == 1
    (record,) = _records(capsys.readouterr().out)
    assert (record["path"], record["error"]) == ("-", "undecodable")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["extract", "nowhere/*.txt"], "no documents matched"),
        (["extract", str(SEEDS), "--format", "parquet"], "give it with -o DIR"),
        (["extract", str(SEEDS), "--format", "csv"], "give it with -o DIR"),
        (["extract", str(SEEDS), "--resume"], "--resume needs -o OUT"),
        (["extract", str(SEEDS), "--jobs", "0"], "--jobs must be at least 1"),
        (["extract", str(SEEDS), "-f", "csv", "-o", str(SEEDS)], "holds other files"),
        (["extract", str(SEEDS), "-o", str(SEEDS)], "is a directory"),
        (["extract", str(SEEDS), "-f", "xml"], "invalid choice"),
        (["extract"], "required"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str], problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert problem in err


def test_csv_tables_with_output_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tables"
    assert (
        main(["extract", str(SEEDS), str(tmp_path / "gone.txt"), "-f", "csv", "-o", str(out)]) == 1
    )
    assert {p.name for p in out.iterdir()} == {
        f"{t}.csv"
        for t in (
            "documents",
            "amounts",
            "periods",
            "projects",
            "failures",
            "tables",
            "cells",
            "warnings",
        )
    }
    documents = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(documents) == 1 + 4
    assert "not_found" in (out / "failures.csv").read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_parquet_tables_with_two_jobs(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "tables"
    assert main(["extract", str(SEEDS), "-f", "parquet", "-o", str(out), "-j", "2"]) == 0
    docs = pq.read_table(out / "documents.parquet")
    assert docs.column("path").to_pylist() == [str(p) for p in sorted(SEEDS.glob("*.txt"))]


def test_every_output_format_is_accepted_in_a_new_directory(tmp_path: Path) -> None:
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    for fmt in OutputFormat:
        out = tmp_path / "new" / fmt.value
        assert main(["extract", seed, "-f", fmt.value, "-o", str(out)]) == 0
        assert out.exists()


def test_the_installed_module_runs_as_a_command(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    run = subprocess.run(
        [sys.executable, "-m", "gongmun", "extract", str(seed)],
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    (record,) = _records(run.stdout.decode("utf-8"))
    assert record["source"]["path"] == str(seed)  # type: ignore[index]
