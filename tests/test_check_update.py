"""gongmun check --update touches only gongmun's own expectations, atomically, inside DIR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongmun.cli import EXIT_OUTPUT, main

FAST = ["--timeout", "0", "-j", "1"]


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    root = tmp_path / "fixtures"
    root.mkdir()
    (root / "memo.txt").write_text("ㅇ 총 600억원 규모, ’25~’29\n", encoding="utf-8")
    (root / "other.txt").write_text("ㅇ 총 5억원\n", encoding="utf-8")
    return root


def test_an_expectation_gongmun_did_not_write_is_neither_stale_nor_deleted(
    cases: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(cases), "--update", *FAST]) == 0
    mine = cases / "notes.expected.json"
    mine.write_text('{"my": "own file"}\n', encoding="utf-8")
    foreign_record = cases / "sub" / "gone.expected.json"
    foreign_record.parent.mkdir()
    # A record of a path that would not put its expectation here: not this file's owner.
    foreign_record.write_text('{"path": "elsewhere/x.txt", "error": "empty", "message": ""}')
    assert main(["check", str(cases), *FAST]) == 0
    assert main(["check", str(cases), "--update", *FAST]) == 0
    assert mine.read_text(encoding="utf-8") == '{"my": "own file"}\n'
    assert foreign_record.exists()
    capsys.readouterr()


def test_an_orphan_of_gongmuns_own_is_removed(cases: Path) -> None:
    assert main(["check", str(cases), "--update", *FAST]) == 0
    (cases / "other.txt").unlink()
    assert main(["check", str(cases), *FAST]) == 1
    assert main(["check", str(cases), "--update", *FAST]) == 0
    assert not (cases / "other.expected.json").exists()
    assert (cases / "memo.expected.json").exists()


def test_a_symlink_leading_outside_dir_is_refused_not_written_through(
    cases: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "precious.json"
    outside.write_text("keep me\n", encoding="utf-8")
    (cases / "memo.expected.json").symlink_to(outside)
    assert main(["check", str(cases), "--update", *FAST]) == EXIT_OUTPUT
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert "leads outside" in capsys.readouterr().err
    assert (cases / "other.expected.json").exists()  # the others are still updated


def test_updates_are_atomic_and_keep_the_mode(cases: Path) -> None:
    assert main(["check", str(cases), "--update", *FAST]) == 0
    exp = cases / "memo.expected.json"
    exp.chmod(0o600)
    (cases / "memo.txt").write_text("ㅇ 총 700억원 규모\n", encoding="utf-8")
    assert main(["check", str(cases), "--update", *FAST]) == 0
    assert json.loads(exp.read_text(encoding="utf-8"))["amounts"][0]["value_krw"] == 70_000_000_000
    assert exp.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in cases.iterdir()) == [
        "memo.expected.json",
        "memo.txt",
        "other.expected.json",
        "other.txt",
    ]


def test_expectations_leave_out_what_differs_between_machines(cases: Path) -> None:
    assert main(["check", str(cases), "--update", *FAST]) == 0
    source = json.loads((cases / "memo.expected.json").read_text(encoding="utf-8"))["source"]
    assert "reader" not in source
    assert "gongmun_version" not in source
