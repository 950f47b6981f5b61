"""Print how long the amount and period passes take on real and adversarial text.

Run: .venv/bin/python benchmarks/bench_extract_regex.py [FILE ...]
Adversarial inputs (long digit runs, repeated units) must stay near linear.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.periods import find_periods
from gongmun.normalize import normalize

ADVERSARIAL = {
    "digits x2000": "1" * 2000 + "x",
    "1억 x5000": "1억" * 5000,
    "1천 x5000": "1천" * 5000 + "x",
    "'25~ x3000": "'25~" * 3000,
    "table 3000 rows": "(단위: 억원)\n" + "1 2 3 4\n" * 3000,
}


def main() -> None:
    inputs = dict(ADVERSARIAL)
    for name in sys.argv[1:]:
        inputs[name] = Path(name).read_text("utf-8", errors="replace")
    for name, raw in inputs.items():
        ctx = Context(norm=normalize(raw))
        t0 = time.perf_counter()
        amounts = find_amounts(ctx)
        t1 = time.perf_counter()
        periods = find_periods(ctx)
        t2 = time.perf_counter()
        print(
            f"{name[:40]:40} {len(raw):>7} chars  amounts {len(amounts):>5} in {t1 - t0:6.3f}s"
            f"  periods {len(periods):>5} in {t2 - t1:6.3f}s"
        )


if __name__ == "__main__":
    main()
