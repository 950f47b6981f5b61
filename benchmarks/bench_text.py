"""Full text extraction MB/s beside Kiwi's own tokenize MB/s, on the seeds and a corpus.

    .venv/bin/python benchmarks/bench_text.py [--corpus DIR] [--mb 0.3] [--runs 3] [--stages]

``--corpus`` (or the environment variable ``GONGMUN_CORPUS``; by default
``/work/shared/corpus`` when it exists) names a directory whose ``*.txt`` files are a
second text set; without one only the seeds are measured. Each set is
repeated until it holds at least ``--mb`` MB of UTF-8.

In one process, for each set, the runs are interleaved: Kiwi tokenizes the set (the same
``kiwipiepy.Kiwi`` the normalizer asks, loaded and warmed first), then ``extract_text``
extracts it twice — once with the process-wide cache of Kiwi join decisions kept (a batch
whose documents share line wraps), once with it cleared before every document (a batch of
distinct documents, the honest figure) — and again, ``--runs`` times. Every speed is MB of
UTF-8 input per second of *process CPU time*, the best of the runs: CPU time ignores
waiting for other processes on a busy machine, and the best run is the least disturbed.
On a loaded machine only the ratios mean much; the goal is extraction ≥ 10× Kiwi.

``--stages`` adds each stage's share of the extraction (normalize, meta, amounts,
periods, projects, each timed alone, best of the runs; the rest is reading, tables and
the document record). Normalize alone
is printed too. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

from gongmun import _kiwi
from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.meta import find_meta
from gongmun.extractors.periods import find_periods
from gongmun.extractors.projects import find_projects
from gongmun.extractors.years import infer_doc_year
from gongmun.normalize import normalize
from gongmun.pipeline import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CORPUS = Path("/work/shared/corpus")


def default_corpus() -> str | None:
    """The shared corpus directory when this machine has it."""
    return str(CORPUS) if CORPUS.is_dir() else None


def text_set(folder: Path, megabytes: float) -> list[str]:
    """The ``*.txt`` files of ``folder``, repeated until they hold ``megabytes`` MB."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        return []
    docs: list[str] = []
    while size_mb(docs) < megabytes:
        docs.extend(texts)
    return docs


def size_mb(docs: list[str]) -> float:
    """MB of UTF-8 in ``docs``."""
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def cpu_seconds(work: Callable[[], object]) -> float:
    """Process CPU seconds of one call of ``work``."""
    start = time.process_time()
    work()
    return time.process_time() - start


def extract_all(docs: list[str], *, clear_cache: bool) -> None:
    """Extract each document; optionally forget Kiwi's join decisions before each."""
    for doc in docs:
        if clear_cache:
            _kiwi.one_word.cache_clear()
        extract_text(doc)


def tokenize_all(docs: list[str]) -> None:
    """Kiwi tokens of each document."""
    for doc in docs:
        _kiwi.tokenize(doc)


def normalize_all(docs: list[str]) -> None:
    """Normalize each document (join decisions cached)."""
    for doc in docs:
        normalize(doc)


def stage_shares(docs: list[str], runs: int) -> dict[str, float]:
    """Best-of-``runs`` CPU seconds of each stage over ``docs`` (inputs made off the clock)."""
    norms = [normalize(doc) for doc in docs]
    metas = [find_meta(Context(norm=n)) for n in norms]
    ctxs = [
        Context(
            norm=n,
            doc_year=m.issued.year if m.issued is not None else infer_doc_year(n.text),
            title=m.title,
        )
        for n, m in zip(norms, metas, strict=True)
    ]
    figures = [(find_amounts(c), find_periods(c)) for c in ctxs]
    stages: dict[str, Callable[[], object]] = {
        "normalize": lambda: [normalize(doc) for doc in docs],
        "meta": lambda: [find_meta(Context(norm=n)) for n in norms],
        "amounts": lambda: [find_amounts(c) for c in ctxs],
        "periods": lambda: [find_periods(c) for c in ctxs],
        "projects": lambda: [find_projects(c, *f) for c, f in zip(ctxs, figures, strict=True)],
        "extract": lambda: [extract_text(doc) for doc in docs],
    }
    seconds = {name: min(cpu_seconds(work) for _ in range(runs)) for name, work in stages.items()}
    parts = sum(took for name, took in seconds.items() if name != "extract")
    seconds["rest"] = max(0.0, seconds["extract"] - parts)
    return seconds


def measure(label: str, docs: list[str], runs: int, stages: bool) -> dict[str, float]:
    """Print extract and Kiwi tokenize MB/s on ``docs``, interleaved, best of ``runs``;
    the MB/s of Kiwi and of extraction with the join cache cleared and kept."""
    size = size_mb(docs)
    print(f"\n{label}: {len(docs)} documents, {size:.2f} MB ({len(set(docs))} distinct)")
    extract_text(docs[0])  # warm lazy imports and compiled patterns
    _kiwi.tokenize(docs[0])  # warm Kiwi
    best = {"kiwi": float("inf"), "warm": float("inf"), "cold": float("inf")}
    for _ in range(runs):
        best["kiwi"] = min(best["kiwi"], cpu_seconds(lambda: tokenize_all(docs)))
        best["warm"] = min(best["warm"], cpu_seconds(lambda: extract_all(docs, clear_cache=False)))
        best["cold"] = min(best["cold"], cpu_seconds(lambda: extract_all(docs, clear_cache=True)))
    norm = min(cpu_seconds(lambda: normalize_all(docs)) for _ in range(runs))
    kiwi = size / best["kiwi"]
    rows = (
        ("Kiwi tokenize", best["kiwi"]),
        ("normalize (joins cached)", norm),
        ("extract_text, join cache kept", best["warm"]),
        ("extract_text, cache cleared per doc", best["cold"]),
    )
    for name, took in rows:
        speed = size / took
        print(f"  {name:38s} {speed:6.2f} MB/s  {took:6.2f} s CPU  {speed / kiwi:5.1f}× Kiwi")
    if stages:
        shares = stage_shares(docs, runs)
        total = shares.pop("extract")
        print("  stages: " + ", ".join(f"{k} {v / total:.0%}" for k, v in shares.items()))
    return {"kiwi": kiwi, "cold": size / best["cold"], "warm": size / best["warm"]}


def main() -> None:
    """Run the benchmark on the seeds and, when given, the corpus texts."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--corpus",
        default=os.environ.get("GONGMUN_CORPUS", default_corpus()),
        help="a directory of *.txt documents (default: $GONGMUN_CORPUS, else "
        f"{CORPUS} when present; none: seeds only)",
    )
    parser.add_argument("--mb", type=float, default=0.3, help="MB of text per set")
    parser.add_argument("--runs", type=int, default=3, help="timings to take the best of")
    parser.add_argument("--stages", action="store_true", help="print each stage's share")
    args = parser.parse_args()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {load:.1f}; "
        f"MB/s of process CPU time, best of {args.runs} interleaved runs"
    )
    print(f"Kiwi() load: {cpu_seconds(_kiwi.kiwi):.2f} s CPU (once per process)")
    measure("seeds", text_set(SEEDS, args.mb), args.runs, args.stages)
    if args.corpus:
        corpus = Path(args.corpus)
        docs = text_set(corpus, args.mb) if corpus.is_dir() else []
        if docs:
            measure(f"corpus {corpus}", docs, args.runs, args.stages)
        else:
            print(f"\ncorpus {corpus}: no *.txt files, skipped")
    print("\ngoal: extract_text ≥ 10× Kiwi tokenize on every set")


if __name__ == "__main__":
    main()
