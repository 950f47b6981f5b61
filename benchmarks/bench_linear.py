"""Linear time, measured: each stage's CPU seconds as one document grows.

    .venv/bin/python benchmarks/bench_linear.py            # 1× … 32× the seeds
    .venv/bin/python benchmarks/bench_linear.py --max 8 --mb 0.25 --lines 10000

Inputs, each timed stage by stage (normalize, meta, amounts, periods, projects, and the
whole ``extract_text``):

- the longest seed, repeated 1×, 2×, 4× … ``--max``× into one document (many lines);
- the same seed text joined into **one single line** of about ``--mb`` MB (web pages and
  PDF text layers often come so);
- ``--lines`` short lines (``ㅇ N번 과제: ’25~’29, 총 N억원 지원``);
- hostile shapes (unit statements, period runs, quoted names, bullets, bare figures,
  label fields, a run without spaces…) each repeated along one line of ``--shape-kb``
  KB and a quarter of it: the whole extraction's time and growth exponent; and OCR'd
  shapes (repairs, doubtful figures, columns read across) read with ``ocr_text=True``.

For the repeated seeds it prints the growth exponent between each size and the next
(log time ratio / log size ratio: 1.0 is linear, 2.0 quadratic) and over the whole
range (Kiwi is loaded before the clock starts); the goal is at most 1.1 for every
stage. For the single line it prints its cost per MB beside the same text in lines: a
long line must cost what the same text in lines costs. CPU time (``process_time``),
best of ``--repeat`` runs. Asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import math
import time
from collections.abc import Callable
from pathlib import Path

from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.meta import find_meta
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.normalize import normalize
from gongmun.pipeline import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Hostile one-line shapes, each repeated along one single line: unit statements, period
# runs, quoted names, bullets, bare figures, label fields, a run without spaces...
SHAPES = {
    "unit statements": "(단위: 억원) 2,500 ",
    "inline units": "지원예산(억원) 120 340 ",
    "amounts": "총 1,000억원 ",
    "periods": "’25~’29 ",
    "quoted names": "「가상 플랫폼 구축사업」 총 100억원 ",
    "bullets": "□ 추진 배경 ㅇ 과제당 연 10억원 내외 지원 - 세부 ",
    "bare figures": "12.5 300 2,500 ",
    "name fields": "사업명: 가상 플랫폼 구축 사업비: 100억원 ",
    "funding splits": "총사업비 100억원(국비 50, 지방비 50) ",
    "no spaces": "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허",
    "captions": "<표 1> 예산 (단위: 억원) 100 200 ",
    "mixed": "ㅇ (사업명) 「AI 바우처」 ’25~’29, 총 600억원(국비 400, 민간 200) 지원 ",
}
# OCR'd text (``ocr_text=True``): shapes each repair and doubt fires on, many of them.
OCR_SHAPES = {
    "ocr repairs": "총 3.099억원 ['22] 1.615 ['23] 1,910 (24) 900 -> ('25) 1,200억원 ",
    "ocr doubts": "해수부 11632억원, 3, 099억원, 1[286억원 ",
    "ocr columns": "2023년 주요 사업 추진 현황 개요        사업별로 보면 주택 융자가 가장 크고 ",
}
STAGES = ("normalize", "meta", "amounts", "periods", "projects", "extract")


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def stage_seconds(text: str, repeat: int) -> dict[str, float]:
    """CPU seconds of each stage on ``text``; each stage's inputs are made off the clock."""
    out = {"normalize": _best(lambda: normalize(text), repeat)}
    norm = normalize(text)
    ctx = Context(norm=norm, doc_year=2025)
    out["meta"] = _best(lambda: find_meta(Context(norm=norm, doc_year=2025)), repeat)
    out["amounts"] = _best(lambda: find_amounts(ctx), repeat)
    out["periods"] = _best(lambda: find_periods(ctx), repeat)
    amounts, periods = find_amounts(ctx), find_periods(ctx)
    out["projects"] = _best(lambda: find_projects(ctx, amounts, periods), repeat)
    out["extract"] = _best(lambda: extract_text(text), repeat)
    return out


def exponent(t1: float, t2: float, n1: int, n2: int) -> float:
    """Growth exponent between two sizes; nan when the times are too small to tell."""
    if t1 <= 1e-3 or t2 <= 1e-3:
        return math.nan
    return math.log(t2 / t1) / math.log(n2 / n1)


def _row(label: str, size: int, times: dict[str, float]) -> str:
    cells = " ".join(f"{times[s]:9.3f}" for s in STAGES)
    return f"{label:>14} {size / 1e6:8.3f} MB {cells}"


def main() -> None:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", type=int, default=32, help="largest repeat of the seeds (power of 2)")
    ap.add_argument("--mb", type=float, default=1.0, help="size of the single-line document")
    ap.add_argument("--lines", type=int, default=50_000, help="number of short lines")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement (best kept)")
    ap.add_argument(
        "--shape-kb", type=int, default=400, help="size of each one-line hostile shape (0: none)"
    )
    args = ap.parse_args()
    # The longest seed (a 72 KB work plan): joining all four seeds into one text today
    # loses most of it in normalizing (a press release's closing block is taken as
    # boilerplate up to the end), which would time nothing.
    seeds = max((p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")), key=len)
    # Off the clock: loading Kiwi (a second or more) would land on the first row.
    extract_text(seeds[:5000])
    print(f"{'input':>14} {'size':>11} " + " ".join(f"{s:>9}" for s in STAGES))
    sizes: list[tuple[int, dict[str, float]]] = []
    k = 1
    while k <= args.max:
        text = "\n\n".join([seeds] * k)
        times = stage_seconds(text, args.repeat)
        sizes.append((len(text.encode()), times))
        print(_row(f"seeds ×{k}", len(text.encode()), times), flush=True)
        k *= 2
    for (n1, t1), (n2, t2) in itertools.pairwise(sizes):
        growth = " ".join(f"{exponent(t1[s], t2[s], n1, n2):9.2f}" for s in STAGES)
        print(f"{'exponent':>14} {'':>11} {growth}")
    if len(sizes) > 1:
        (n1, t1), (n2, t2) = sizes[0], sizes[-1]
        whole = " ".join(f"{exponent(t1[s], t2[s], n1, n2):9.2f}" for s in STAGES)
        print(f"{'1× → ' + str(args.max) + '×':>14} {'':>11} {whole}   (goal ≤ 1.10)")

    lined = seeds
    while len(lined.encode()) < args.mb * 1e6:
        lined += "\n" + seeds
    one_line = " ".join(lined.split())
    for label, text in (("in lines", lined), ("one line", one_line)):
        times = stage_seconds(text, args.repeat)
        print(_row(label, len(text.encode()), times), flush=True)
    short = "".join(f"ㅇ {i}번 과제: ’25~’29, 총 {i}억원 지원\n" for i in range(args.lines))
    print(_row(f"{args.lines} lines", len(short.encode()), stage_seconds(short, args.repeat)))
    if args.shape_kb:
        _shapes(args.shape_kb)


def _shapes(kb: int) -> None:
    """Whole extraction of each hostile shape on one line at a quarter of ``kb`` and at
    ``kb`` KB, with the growth exponent between them."""
    print(f"\none line of a repeated shape (extract, CPU s): {kb // 4} KB → {kb} KB")
    shapes = [(name, unit, False) for name, unit in SHAPES.items()]
    shapes += [(name, unit, True) for name, unit in OCR_SHAPES.items()]
    for name, unit, ocr in shapes:
        times = []
        for size in (kb * 250, kb * 1000):
            text = unit * (size // len(unit.encode()) + 1)
            run = lambda t=text, o=ocr: extract_text(t, ocr_text=o)  # noqa: E731
            times.append((len(text.encode()), _best(run, 1)))
        (n1, t1), (n2, t2) = times
        print(f"{name:>16} {t1:8.2f} {t2:8.2f}   exponent {exponent(t1, t2, n1, n2):5.2f}")


if __name__ == "__main__":
    main()
