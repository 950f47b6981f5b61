"""The README's examples run, and its command-line reference names every option."""

import argparse
import re
from pathlib import Path

import pytest

from gongmun.cli import build_parser

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.DOTALL)


def test_library_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    # Engine recipes need a cluster; tests/test_engines_*.py and test_batch_dask.py run them.
    engines = ("dask", "pyspark", "ray.data")
    examples = [b for b in _blocks("python") if not any(e in b for e in engines)]
    assert len(examples) == 3
    scope = {"__name__": "__main__"}  # the blocks build on each other, as a reader would
    for code in examples:
        exec(compile(code, "README.md", "exec"), scope)


def test_set_up_and_test_commands_match_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    setup, run_seeds, test = _blocks("sh")[:3]
    assert "python3 -m venv .venv" in setup
    assert "default-jre-headless" in setup
    assert "default-jre-headless" in ci
    assert "python3 -m venv .venv" in ci
    assert "pip install -e '.[dev]'" in setup
    assert "pip install -q -e '.[dev]'" in ci
    assert test.strip() in ci
    assert "gongmun check fixtures" in ci
    assert run_seeds.strip() == "gongmun extract seeds -o out.jsonl"


@pytest.mark.parametrize("command", ["extract", "check", "review", "export"])
def test_every_option_is_documented(command: str) -> None:
    sub = next(
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    ).choices[command]
    for action in sub._actions:
        for flag in action.option_strings:
            if flag not in ("-h", "--help"):
                assert flag in README, f"gongmun {command} {flag} is not in the README"
