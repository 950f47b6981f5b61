"""Linear time, guarded without a clock: the work of each stage grows with its input.

The work is counted, not timed: every Python and C function call a stage makes
(``sys.setprofile``), which is the same on a busy machine as on an idle one. A stage that
scans back over the whole text from each match makes calls in proportion to the matches
times the text, and its count grows about 16-fold when the text grows 4-fold; a linear
one about 4-fold. The bound is generous (6-fold). What this cannot see is a single C call
whose own cost grows (one regex scanning the whole text from each of many starts is
still many calls, and is seen; but one ``pattern.match(text, pos)`` whose pattern has a
literal is a scan to the text's end in the regex module, one call however long);
benchmarks/bench_linear.py times the stages.

Projects have their own guard (tests/test_projects_properties.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.meta import find_meta
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.normalize import normalize

PIECES = [
    "총 600억원",
    "’25~’29",
    "2028년까지 4년간",
    "(’24) 1,200억원",
    "□ 추진 배경",
    "ㅇ 과제당 연 10억원 내외 지원",
    "「가상 플랫폼 구축사업」",
    "국비 100억원, 민간 78억원",
    "△ 5.2",
    "- 3 -",
    "산업통상자원부",
    "’25.上~",
    "2,500",
    "규모로 추진한다.",
]
GROWTH = 4
BOUND = 6.0


def calls(fn: Callable[[], object]) -> int:
    """Function calls (Python and C) made while ``fn`` runs."""
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def stages(text: str) -> dict[str, int]:
    """Calls per stage on ``text``; each stage's inputs are made outside the count."""
    out = {"normalize": calls(lambda: normalize(text))}
    norm = normalize(text)
    out["meta"] = calls(lambda: find_meta(Context(norm=norm, doc_year=2025)))
    ctx = Context(norm=norm, doc_year=2025)
    out["amounts"] = calls(lambda: find_amounts(ctx))
    out["periods"] = calls(lambda: find_periods(ctx))
    return out


@settings(max_examples=4, deadline=None)
@given(
    unit=st.lists(st.sampled_from(PIECES), min_size=4, max_size=12),
    joiner=st.sampled_from([" ", "\n", " · "]),
)
def test_each_stage_does_linear_work_on_long_inputs(unit: list[str], joiner: str) -> None:
    # About 2 KB and 8 KB: long enough that a scan back per match would dominate.
    small = joiner.join(unit * max(1, 2000 // len(joiner.join(unit))))
    large = joiner.join([small] * GROWTH)
    before, after = _with_projects(small), _with_projects(large)
    for stage, n in before.items():
        assert after[stage] <= BOUND * n + 10_000, (
            f"{stage}: {n} calls at {len(small)} chars, {after[stage]} at {len(large)}"
        )


def _with_projects(text: str) -> dict[str, int]:
    out = stages(text)
    ctx = Context(norm=normalize(text), doc_year=2025)
    amounts, periods = find_amounts(ctx), find_periods(ctx)
    out["projects"] = calls(lambda: find_projects(ctx, amounts, periods))
    return out


# Shapes that were quadratic on one long line once: a rule that ran each match to the
# end of its line (unit statements), or searched back to the line's start from each
# amount (a line's opening label).
ONE_LINE_SHAPES = [
    "(단위: 억원) 2,500",
    "지원예산(억원) 120 340",
    "총 1,000억원",
    "「가상 플랫폼 구축사업」 총 100억원",
    "사업명: 가상 플랫폼 구축 사업비: 100억원",
    "총사업비 100억원(국비 50, 지방비 50)",
]


@pytest.mark.parametrize("shape", ONE_LINE_SHAPES)
def test_one_long_line_of_a_repeated_shape_costs_linear_work(shape: str) -> None:
    small = " ".join([shape] * max(1, 2000 // len(shape)))
    large = " ".join([small] * GROWTH)
    assert "\n" not in large
    before, after = stages(small), stages(large)
    for stage, n in before.items():
        assert after[stage] <= BOUND * n + 10_000, (
            f"{stage}: {n} calls at {len(small)} chars, {after[stage]} at {len(large)}"
        )
