"""Table-driven cases for each normalization step (tests/cases/normalize_steps.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from gongmun.normalize import STEPS
from gongmun.offsets import apply_edits

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "cases" / "normalize_steps.toml").read_text(encoding="utf-8")
)["case"]
BY_NAME = {s.name: s for s in STEPS}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['step']}:{c['input'][:20]}")
def test_step_case(case: dict[str, Any]) -> None:
    step = BY_NAME[case["step"]]
    text, _ = apply_edits(case["input"], step.run(case["input"]))
    assert text == case["expected"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['step']}:{c['input'][:20]}")
def test_step_is_idempotent(case: dict[str, Any]) -> None:
    step = BY_NAME[case["step"]]
    once, _ = apply_edits(case["input"], step.run(case["input"]))
    twice, _ = apply_edits(once, step.run(once))
    assert twice == once


def test_every_step_has_a_case() -> None:
    covered = {c["step"] for c in CASES}
    missing = {s.name for s in STEPS} - covered - {"drop_running_headers"}
    assert not missing
