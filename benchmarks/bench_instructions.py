"""Issue 12's text ratio in instructions: extraction beside Kiwi tokenize, load-proof.

    python benchmarks/bench_instructions.py [--corpus DIR] [--passes 2] [--jobs 2]

CPU time on a shared host moves by a quarter between runs (the reference with it), so a
3–10 % speed-up cannot be seen end to end. Instructions executed do not depend on load:
each figure here is a fresh process run under ``valgrind --tool=callgrind``, and one pass
over a text set costs (instructions of N passes − instructions of 0 passes) / N, so
imports, Kiwi's load and the warm-up cancel out. Per set (the seeds, the corpus texts):
Kiwi's own ``tokenize`` (the ``kiwipiepy.Kiwi`` the normalizer asks), ``normalize``
alone and the whole ``extract_text``, both with Kiwi's join decisions forgotten before
every document (a batch of distinct documents). It prints the ratios and what the 10×
goal leaves for the stages after normalize. Needs ``valgrind`` (Debian package); it
takes some minutes (each run is ~50× slower than native). Numbers only; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import bench_text

CHILD = """
import sys
from pathlib import Path
from gongmun import _kiwi
from gongmun.normalize import normalize
from gongmun.pipeline import extract_text
folder, mode, passes = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
kiwi = _kiwi.kiwi()
kiwi.tokenize("워밍업 문장입니다.")
extract_text("워밍업 1,000억원 사업\\n신규\\n사업")
for _ in range(passes):
    for text in docs:
        if mode == "kiwi":
            kiwi.tokenize(text)
        else:
            _kiwi.one_word.cache_clear()
            (normalize if mode == "normalize" else extract_text)(text)
"""

VALGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(folder: Path, mode: str, passes: int) -> int:
    """Instructions one fresh process executes doing ``passes`` passes of ``mode``."""
    run = subprocess.run(
        [*VALGRIND, sys.executable, "-c", CHILD, str(folder), mode, str(passes)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    found = _COLLECTED.search(run.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count for {mode} on {folder}")
    return int(found.group(1))


def main() -> None:
    """Count each set's passes and print the ratios."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument(
        "--corpus", default=os.environ.get("GONGMUN_CORPUS", bench_text.default_corpus())
    )
    ap.add_argument("--passes", type=int, default=2, help="passes per counted run")
    ap.add_argument("--jobs", type=int, default=2, help="valgrind runs at once")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench_instructions: valgrind is not installed (apt-get install valgrind)")
    sets = [("seeds", bench_text.SEEDS)]
    if args.corpus and Path(args.corpus).is_dir():
        sets.append(("corpus texts", Path(args.corpus)))
    runs = [(sets[0][1], "extract", 0)] + [
        (folder, mode, args.passes)
        for _, folder in sets
        for mode in ("kiwi", "normalize", "extract")
    ]
    with ThreadPoolExecutor(args.jobs) as pool:
        counts = dict(zip(runs, pool.map(lambda r: instructions(*r), runs), strict=True))
    base = counts[(sets[0][1], "extract", 0)]
    for label, folder in sets:
        per = {
            m: (counts[(folder, m, args.passes)] - base) / args.passes
            for m in ("kiwi", "normalize", "extract")
        }
        budget = per["kiwi"] / 10
        rest = per["extract"] - per["normalize"]
        print(f"{label}: instructions per pass, Kiwi's join decisions forgotten per document")
        print(f"  Kiwi tokenize   {per['kiwi'] / 1e9:7.3f} G")
        for mode, tail_note in (
            ("normalize", f"({per['normalize'] / budget:.0%} of the 10× budget)"),
            ("extract", "(goal ≥ 10×)"),
        ):
            print(
                f"  {mode:15s} {per[mode] / 1e9:7.3f} G  "
                f"{per['kiwi'] / per[mode]:5.1f}× Kiwi  {tail_note}"
            )
        left = budget - per["normalize"]
        tail = f"{rest / left:.1f}× fewer" if left > 0 else "no budget left"
        print(
            f"  after normalize {rest / 1e9:7.3f} G; "
            f"the goal leaves {max(left, 0) / 1e9:.3f} G: {tail}"
        )


if __name__ == "__main__":
    main()
