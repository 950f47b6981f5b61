"""``gongmun normalize FILE --explain``: the text on stdout, the account on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongmun.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"


def test_explain_names_steps_places_and_drops(capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = SEEDS.glob("001_*.txt")
    assert main(["normalize", str(path), "--explain", "--show", "2"]) == 0
    out, err = capsys.readouterr()
    assert "- 3 -" not in out.split("\n")
    assert "join_broken_lines:" in err
    assert "drop_page_numbers: 39 edit(s)" in err
    assert "layout: single-spaced" in err
    assert "outline:" in err
    assert "L" in err.split("join_broken_lines:")[1].split("\n")[1]


def test_normalize_without_explain_prints_only_text(capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = SEEDS.glob("004_*.txt")
    assert main(["normalize", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "34억원" in out
    assert err == ""
