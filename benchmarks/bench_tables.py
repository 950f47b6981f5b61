"""Amounts in tables: score gongmun on the hand-written table documents in benchmarks/tables.

Each document in ``benchmarks/tables/docs`` is written for this check (budget tables in
every shape the table recogniser reads: markdown, aligned spaces, one cell a line, column
by column, row by row, years down the side, two-row headers, glued cells) and has its
gold in ``benchmarks/tables/gold``, written by hand in the eval's gold format. The
``x*``, ``y*``, ``z*``, ``w*``, ``v*``, ``u*``, ``s*`` and ``r*`` documents were written
in eight batches (``r*``: mostly prose, projects named by their place), each before the
rules were fixed for it (their first scores are in the README). Prints, per
document and in total, amounts F1 and amounts-with-right-year F1. Numbers only.

    python benchmarks/bench_tables.py [--show] [--docs DIR]

``--docs fixtures/tables`` scores the table documents kept as check fixtures there (any
extension) against the gold of the same stem: the ``unseen_*`` ones were written after
the rules, to measure documents the rules were not tuned on.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from gongmun.pipeline import extract

HERE = Path(__file__).parent / "tables"


def _f1(tp: int, pred: int, gold: int) -> float:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    """Score every document and print the table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show", action="store_true", help="print missed and extra amounts")
    ap.add_argument("--docs", type=Path, default=HERE / "docs", help="folder of documents")
    args = ap.parse_args()
    totals = Counter[str]()
    for doc in sorted(args.docs.iterdir()):
        gold_file = HERE / "gold" / f"{doc.stem}.json"
        if doc.name.endswith(".expected.json") or not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = extract(doc).amounts
        gv = Counter(a["value_krw"] for a in gold["amounts"])
        gy = Counter((a["value_krw"], a["year"]) for a in gold["amounts"])
        pv = Counter(a.value_krw for a in pred)
        py = Counter((a.value_krw, a.year) for a in pred)
        tp, tpy = sum((gv & pv).values()), sum((gy & py).values())
        n, g = len(pred), len(gold["amounts"])
        totals.update(tp=tp, tpy=tpy, pred=n, gold=g)
        print(f"{doc.stem:24} amounts {_f1(tp, n, g):.3f}  with year {_f1(tpy, n, g):.3f}")
        if args.show:
            print("   missed:", sorted((gy - py).elements(), key=str))
            print("   extra: ", sorted((py - gy).elements(), key=str))
    t = totals
    print(
        f"{'TOTAL':24} amounts {_f1(t['tp'], t['pred'], t['gold']):.3f}"
        f"  with year {_f1(t['tpy'], t['pred'], t['gold']):.3f}"
    )


if __name__ == "__main__":
    main()
