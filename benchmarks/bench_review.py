"""Review pages of a growing document: CPU seconds to lay out and write every sheet.

    .venv/bin/python benchmarks/bench_review.py            # the longest seed 1× … 32×
    .venv/bin/python benchmarks/bench_review.py --max 8

The longest seed is extracted once; its text and records are then repeated into one
document of 1×, 2×, 4× … ``--max``× (32× is about 1 MB, some 300 pages), and
``document_sheets`` renders all its sheets. Prints the seconds, the number of sheets,
the largest sheet, and the growth exponent between sizes (1.0 is linear). CPU time
(``process_time``), best of ``--repeat`` runs. Asserts nothing.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path
from typing import Any

from gongmun.models import Document
from gongmun.pipeline import extract
from gongmun.review.page import document_sheets

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _shift(record: dict[str, Any], by: int) -> dict[str, Any]:
    out = dict(record)
    for key in ("span", "raw_span"):
        if out.get(key):
            out[key] = {"start": out[key]["start"] + by, "end": out[key]["end"] + by}
    for key in ("period", "total"):
        if out.get(key):
            out[key] = _shift(out[key], by)
    for key in ("annual", "funding"):
        if out.get(key):
            out[key] = [{**a, "amount": _shift(a["amount"], by)} for a in out[key]]
    return out


def repeated(doc: Document, times: int) -> Document:
    """``doc``'s text and records ``times`` over, one after the other."""
    base = doc.model_dump(mode="json")
    text = base["text"] + "\n"
    n = len(text)
    record = {**base, "text": text * times, "tables": []}
    for key in ("amounts", "periods", "projects"):
        items = [
            {**_shift(r, i * n), "cell": None} if key != "projects" else _shift(r, i * n)
            for i in range(times)
            for r in base[key]
        ]
        record[key] = items
    record["warnings"] = []
    return Document.model_validate(record)


def main() -> None:
    """Time the sheets of the longest seed repeated."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seed = max(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    doc = extract(seed)
    last: tuple[int, float] | None = None
    times = 1
    print(
        f"{'size':>6} {'chars':>9} {'records':>8} {'sheets':>6} {'max sheet':>10} {'CPU s':>7} exp"
    )
    while times <= args.max:
        big = repeated(doc, times)
        best = math.inf
        for _ in range(args.repeat):
            start = time.process_time()
            sheets = list(document_sheets(big))
            best = min(best, time.process_time() - start)
        records = len(big.amounts) + len(big.periods) + len(big.projects)
        exp = ""
        if last is not None and last[1] > 0:
            exp = f"{math.log(best / last[1]) / math.log(times / last[0]):.2f}"
        print(
            f"{times:>5}× {len(big.text):>9,} {records:>8,} {len(sheets):>6} "
            f"{max(map(len, sheets)):>10,} {best:>7.3f} {exp}"
        )
        last = (times, best)
        times *= 2


if __name__ == "__main__":
    main()
