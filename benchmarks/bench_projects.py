"""Growth of project finding with input size: 1×, 2×, 4×, 8× of three inputs.

    .venv/bin/python benchmarks/bench_projects.py [--base 4000]

Inputs: a one-line document of ``총 1,000억원 `` repeated (the shape that once cost
quadratic time in the prose rule), the seeds joined into one long line, and the seeds as
written (many short lines), and the role fixtures (fixtures/made/roles_*.txt) both
ways. Only :func:`find_projects` is timed: amounts and periods are
found first, outside the clock. Prints CPU seconds per size and the growth exponent
(log time ratio / log size ratio; 1.0 is linear). Asserts nothing.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.normalize import normalize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MADE = Path(__file__).resolve().parent.parent / "fixtures" / "made"


def project_seconds(text: str) -> float:
    """CPU seconds of ``find_projects`` on ``text`` (best of two runs)."""
    ctx = Context(normalize(text), doc_year=2025)
    amounts, periods = find_amounts(ctx), find_periods(ctx)
    best = math.inf
    for _ in range(2):
        t0 = time.process_time()
        find_projects(ctx, amounts, periods)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    """Print the timings and growth exponents."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=int, default=4000, help="repeats at 1× (default 4000)")
    args = parser.parse_args()
    seeds = "\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    roles = "\n".join(p.read_text("utf-8") for p in sorted(MADE.glob("roles_*.txt")))
    shapes = {
        "one line of 총 1,000억원": lambda k: "총 1,000억원 " * (args.base * k),
        "seeds as one line": lambda k: " ".join([seeds.replace("\n", " ")] * k),
        "seeds as lines": lambda k: "\n".join([seeds] * k),
        # Clause years, continued sentences and item notes read back from each figure.
        "role fixtures as one line": lambda k: " ".join([roles.replace("\n", " ")] * (20 * k)),
        "role fixtures as lines": lambda k: "\n".join([roles] * (20 * k)),
    }
    for label, make in shapes.items():
        times = [(k, project_seconds(make(k))) for k in (1, 2, 4, 8)]
        base = times[0][1]
        cells = "  ".join(f"{k}×: {t:7.3f}s" for k, t in times)
        growth = math.log(max(times[-1][1], 1e-6) / max(base, 1e-6)) / math.log(8)
        print(
            f"{label:28s} {cells}  ratio 8×/1×: {times[-1][1] / max(base, 1e-6):5.1f}"
            f"  exponent {growth:.2f}"
        )


if __name__ == "__main__":
    main()
