"""The conventions a data engineer expects of a command line."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import gongmun
from gongmun.cli import EXIT_USAGE, main, usable_cores
from gongmun.progress import paint

DOC = "ㅇ 올해 총 {n}억원 지원\n"
FAST = ["--timeout", "0", "-j", "1"]


def _doc(path: Path, n: int = 1) -> Path:
    path.write_text(DOC.format(n=n), encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"gongmun {gongmun.__version__} (python ")
    assert "pdfplumber" in out


def test_every_reader_a_record_names_is_installed() -> None:
    # A record's source.reader names the library that read the file: one gongmun no
    # longer uses (or never installed) would mislead a bug report.
    from importlib import metadata

    from gongmun.versions import READER_LIBRARIES, reader_version

    for media_type, dist in READER_LIBRARIES.items():
        if dist is not None:
            assert reader_version(media_type) == f"{dist} {metadata.version(dist)}"


def test_quiet_prints_nothing_on_success_and_verbose_a_line_per_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _doc(tmp_path / "a.txt"), _doc(tmp_path / "b.txt", 2)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(a), str(b), "-o", str(out), "-q", *FAST]) == 0
    assert capsys.readouterr().err == ""
    assert main(["extract", str(a), str(b), "-o", str(out), "-v", *FAST]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        f"gongmun: {a}: 1 amount, 0 periods, 0 projects",
        f"gongmun: {b}: 1 amount, 0 periods, 0 projects",
    ]


def test_exit_zero_keeps_failures_in_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["extract", str(empty), *FAST]) == 1
    capsys.readouterr()
    assert main(["extract", str(empty), "--exit-zero", *FAST]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["error"] == "empty"


def test_jobs_default_to_the_usable_cores_and_too_many_warn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gongmun.cli import build_parser

    args = build_parser().parse_args(["extract", "x"])
    assert args.jobs == usable_cores()
    assert build_parser().parse_args(["extract", "x", "-j", "auto"]).jobs == usable_cores()
    a = _doc(tmp_path / "a.txt")
    too_many = usable_cores() + 1
    assert main(["extract", str(a), "-j", str(too_many), "--timeout", "0"]) == 0
    err = capsys.readouterr().err
    assert f"warning: --jobs {too_many} is more than the {usable_cores()} usable cores" in err


def test_a_bad_flag_shows_the_subcommands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["extract", "x", "--nope"], ["check", "x", "--nope"]):
        assert main(argv) == EXIT_USAGE
        err = capsys.readouterr().err
        assert err.startswith(f"usage: gongmun {argv[0]} ")
        assert "unrecognized arguments: --nope" in err


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert paint("empty", "red", _Tty()) == "\x1b[31mempty\x1b[0m"
    assert paint("empty", "red", io.StringIO()) == "empty"
    monkeypatch.setenv("NO_COLOR", "1")
    assert paint("empty", "red", _Tty()) == "empty"


@pytest.mark.parametrize("codec", ["cp949", "utf-16", "utf-8-sig"])
def test_stdin_encodings_are_detected_and_recorded(
    codec: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "□ 2025년부터 총 600억원 규모로 지원한다\n"
    data = text.encode(codec)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["extract", "-", *FAST]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["text"] == text
    # The encoding recorded decodes the bytes to the text raw_span indexes (BOM dropped).
    assert record["source"]["encoding"] == codec
    assert data.decode(record["source"]["encoding"]) == text
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["normalize", "-"]) == 0
    assert capsys.readouterr().out == text


@pytest.fixture
def locked_tree() -> Iterator[Path]:
    """A folder holding a readable document and a folder nobody may search."""
    root = Path(tempfile.mkdtemp())
    root.chmod(0o755)
    _doc(root / "ok.txt")
    locked = root / "locked"
    locked.mkdir()
    _doc(locked / "inside.txt")
    locked.chmod(0o000)
    yield root
    locked.chmod(0o755)
    shutil.rmtree(root)


@pytest.fixture
def as_a_user(locked_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the locked folder unsearchable for this process, even as root.

    Root may search any folder, so there the kernel's refusal is played by ``os.stat``
    and ``os.scandir``; for any other user the folder's mode already refuses.
    """
    if os.geteuid() != 0:
        return
    locked = str(locked_tree / "locked")
    real_stat, real_scandir = os.stat, os.scandir

    def refuse(path: object) -> None:
        name = os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else ""
        if name == locked or name.startswith(locked + os.sep):
            raise PermissionError(13, "Permission denied", name)

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if not name_is_self(path, locked):
            refuse(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        refuse(path)
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)


def name_is_self(path: object, locked: str) -> bool:
    """The locked folder itself may be stat'ed (its parent is searchable): only its inside not."""
    return isinstance(path, str | os.PathLike) and os.fspath(path) == locked


@pytest.mark.usefixtures("as_a_user")
def test_a_file_inside_an_unsearchable_folder_is_a_failure_not_a_crash(
    locked_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inside = locked_tree / "locked" / "inside.txt"
    ok = locked_tree / "ok.txt"
    assert main(["extract", str(inside), str(ok), *FAST]) == 1
    out, err = capsys.readouterr()
    failure, doc = (json.loads(line) for line in out.splitlines())
    assert failure["path"] == str(inside)
    assert failure["error"] == "unreadable"
    assert doc["source"]["path"] == str(ok)

    assert main(["extract", str(locked_tree), *FAST]) == 0
    out, err = capsys.readouterr()
    (record,) = (json.loads(line) for line in out.splitlines())
    assert record["source"]["path"] == str(ok)
    assert f"warning: {locked_tree / 'locked'}: cannot search" in err
