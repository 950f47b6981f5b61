"""Issue 12's throughput figures in one run: text against Kiwi, PDF against pdfplumber,
and ``-j 1`` against ``-j 2``.

    python benchmarks/bench_speed.py [--corpus DIR] [--mb 0.3] [--runs 3] [--batch-mb 3]

In this process, interleaved and best of ``--runs`` CPU time (see ``bench_text.py`` and
``bench_pdf.py``): full extraction MB/s beside Kiwi tokenize MB/s on the seeds and on the
corpus texts, then gongmun's PDF reader and whole PDF extraction beside pdfplumber's own
``extract_text``. Then ``bench_batch.py``'s ``-j 1`` and ``-j 2`` runs (each in a fresh
process, as a batch runs) on the seeds and fixture documents repeated to ``--batch-mb``
MB: docs/s, with the bound from CPU cost beside the wall-clock ratio (on a loaded machine
the wall clock cannot scale; the bound says what two free cores would give). A summary
with the goals closes the output. Numbers only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
from pathlib import Path

import bench_batch
import bench_pdf
import bench_text


def main() -> None:
    """Run the three benchmarks and print their summary."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument(
        "--corpus", default=os.environ.get("GONGMUN_CORPUS", bench_text.default_corpus())
    )
    ap.add_argument("--mb", type=float, default=0.3, help="MB of text per text set")
    ap.add_argument("--runs", type=int, default=3, help="timings to take the best of")
    ap.add_argument("--batch-mb", type=float, default=3.0, help="MB of documents per batch run")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    print(
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores, load average {load:.1f} at the start"
    )
    summary: list[str] = []
    text_sets = [("seeds", bench_text.SEEDS)]
    if args.corpus and Path(args.corpus).is_dir():
        text_sets.append(("corpus texts", Path(args.corpus)))
    for label, folder in text_sets:
        docs = bench_text.text_set(folder, args.mb)
        if not docs:
            continue
        r = bench_text.measure(label, docs, args.runs, stages=False)
        summary.append(
            f"{label:13s} extract {r['cold']:.2f} MB/s, Kiwi tokenize {r['kiwi']:.2f} MB/s: "
            f"{r['cold'] / r['kiwi']:.1f}× Kiwi (goal ≥ 10×)"
        )

    print("\nPDF")
    files = bench_pdf.load(bench_pdf.default_files())
    if files:
        best = bench_pdf.measure(files, args.runs)
        t = bench_pdf.report(files, best)
        summary.append(
            f"{'PDF':13s} {int(t['pages'])} pages: read {t['read'] / t['plumber']:.2f}×, "
            f"extract {t['extract'] / t['plumber']:.2f}× pdfplumber alone (goal: read ≤ 1.3×)"
        )

    print("\nbatch")
    with tempfile.TemporaryDirectory(prefix="gongmun-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        n, size = bench_batch.build_corpus(corpus, args.batch_mb, fixtures=True)
        print(f"corpus: {n} documents, {size / 1e6:.1f} MB (seeds and fixtures repeated)")
        s = bench_batch.scaling(corpus, n, size, [1, 2], Path(tmp))
        if "bound" in s:
            summary.append(
                f"{'-j 1 / -j 2':13s} {s['docs/s j1']:.1f} / {s['docs/s j2']:.1f} docs/s: "
                f"{s['wall']:.2f}× wall clock, {s['bound']:.2f}× bound from CPU cost"
            )
    print(f"\nsummary (load average {os.getloadavg()[0]:.1f} at the end)")
    for line in summary:
        print("  " + line)


if __name__ == "__main__":
    main()
