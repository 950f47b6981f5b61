"""Benchmark the PDF reader: pages per second, and the share of time pdfplumber takes.

    python benchmarks/bench_readers.py [PDF ...]   (default: /work/shared/corpus/*.pdf)

For each PDF: wall time of ``read_path`` (best of ``--repeat`` runs) as pages/s, then
one run under cProfile, whose self time is summed by library: ``pdfplumber``,
``pdfminer`` (the parser pdfplumber drives) and ``gongmun`` (built-ins and standard
library calls count for the library that made them). Also prints plain
``page.extract_text()`` for comparison: what pdfplumber alone costs without tables,
layout order and checks.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from gongmun.readers import read_path

DEFAULT = sorted(str(p) for p in Path("/work/shared/corpus").glob("*.pdf"))


def _best(fn: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def _shares(path: str) -> dict[str, float]:
    prof = cProfile.Profile()
    prof.enable()
    read_path(path)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]

    def owner(filename: str) -> str:
        return next((k for k in ("gongmun", "pdfplumber", "pdfminer") if f"/{k}/" in filename), "")

    # Self time by library; built-ins and the standard library count for their caller's
    # library (pdfplumber's dedupe_chars spends its time in sorted()).
    out = {"pdfplumber": 0.0, "pdfminer": 0.0, "gongmun": 0.0}
    for (filename, _, _), (_, _, tottime, _, callers) in stats.items():
        lib = owner(filename)
        if lib:
            out[lib] += tottime
            continue
        for (caller_file, _, _), (_, _, edge_tt, _) in callers.items():
            out[owner(caller_file) or "pdfminer"] += edge_tt
    return out


def _plain(path: str) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def main() -> None:
    """Print one line per PDF and a total."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    total_pages = 0
    total_time = 0.0
    for path in args.pdfs:
        raw = read_path(path)
        pages = len(raw.page_starts or ())
        wall = _best(lambda p=path: read_path(p), args.repeat)
        plain = _best(lambda p=path: _plain(p), args.repeat)
        shares = _shares(path)
        inside = shares["pdfplumber"] + shares["pdfminer"]
        whole = sum(shares.values()) or 1.0
        total_pages += pages
        total_time += wall
        print(
            f"{Path(path).name}: {pages} pages, {wall:.2f} s, {pages / wall:.1f} pages/s "
            f"(plain extract_text: {pages / plain:.1f} pages/s); "
            f"time in pdfplumber+pdfminer {inside / whole:.0%} "
            f"(pdfplumber {shares['pdfplumber'] / whole:.0%}, "
            f"pdfminer {shares['pdfminer'] / whole:.0%}, gongmun {shares['gongmun'] / whole:.0%}); "
            f"{len(raw.tables)} tables, {len(raw.warnings)} warnings"
        )
    if total_time:
        print(
            f"all: {total_pages} pages in {total_time:.2f} s "
            f"= {total_pages / total_time:.1f} pages/s"
        )


if __name__ == "__main__":
    main()
