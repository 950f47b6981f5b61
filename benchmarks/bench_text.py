"""Throughput of ``normalize`` and ``extract_text`` beside Kiwi's own tokenize speed, on the seeds.

    .venv/bin/python benchmarks/bench_text.py [--mb 5] [--kiwi-mb 0.5] [--extract-mb 1] [--runs 3]

The four seed documents are repeated until they make at least ``--mb`` MB (UTF-8) and
normalized one document at a time, as a batch would. Kiwi tokenizes the same documents, and
``extract_text`` extracts them (``--kiwi-mb`` and ``--extract-mb`` MB of them: both are
~10-20x slower than normalize, and their speed per MB does not depend on how many copies of
the seeds they get). Two normalize runs are printed: with the process-wide cache of Kiwi
join decisions warm (repeated seeds hit it), and with the cache cleared before every document
(what a batch of distinct documents costs).

Every speed is MB of UTF-8 input per second of *process CPU time*, the best of ``--runs``
timings: CPU time ignores waiting for other processes on a busy machine, and the best run
is the least disturbed. Wall time of the same best run is shown beside it. Prints numbers;
asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from gongmun import _kiwi
from gongmun.normalize import normalize
from gongmun.pipeline import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def documents(megabytes: float) -> list[str]:
    """The seeds, repeated until they hold at least ``megabytes`` MB of UTF-8."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    docs: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for text in seeds:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


def megabytes(docs: list[str]) -> float:
    """MB of UTF-8 in ``docs``."""
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(process CPU seconds, wall seconds) of one call of ``work``."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """The run with the least CPU time: the least disturbed by other work."""
    return min(timed(work) for _ in range(runs))


def normalize_all(docs: list[str], *, clear_cache: bool) -> None:
    """Normalize each document; optionally forget Kiwi's join decisions before each."""
    for doc in docs:
        if clear_cache:
            _kiwi.one_word.cache_clear()
        normalize(doc)


def line(label: str, size: float, took: tuple[float, float], extra: str = "") -> float:
    """Print one speed line and return MB per CPU second."""
    cpu, wall = took
    speed = size / cpu
    print(
        f"{label:34s} {speed:7.2f} MB/s  ({cpu:.2f} s CPU, {wall:.2f} s wall on "
        f"{size:.2f} MB{extra})"
    )
    return speed


def main() -> None:
    """Run the benchmark and print the speeds and their ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="MB of text to normalize")
    parser.add_argument("--kiwi-mb", type=float, default=0.5, help="MB of text Kiwi tokenizes")
    parser.add_argument("--extract-mb", type=float, default=1.0, help="MB of text to extract")
    parser.add_argument("--runs", type=int, default=3, help="timings to take the best of")
    args = parser.parse_args()

    docs = documents(args.mb)
    size = megabytes(docs)
    print(f"text: {len(docs)} documents, {size:.2f} MB (the {len(set(docs))} seeds repeated)")
    print(f"speeds: MB/s of process CPU time, best of {args.runs} runs")

    cpu, _ = timed(_kiwi.kiwi)
    print(f"Kiwi() load: {cpu:.2f} s CPU (once per process)")

    _kiwi.one_word.cache_clear()
    warm = best_of(args.runs, lambda: normalize_all(docs, clear_cache=False))
    info = _kiwi.one_word.cache_info()
    warm_speed = line(
        "normalize, decision cache warm:",
        size,
        warm,
        f"; Kiwi asked {info.misses} distinct joins, {info.hits} cache hits",
    )
    cold_docs = docs[: max(4, len(docs) // 5)]
    cold = best_of(args.runs, lambda: normalize_all(cold_docs, clear_cache=True))
    cold_speed = line("normalize, cache cleared per doc:", megabytes(cold_docs), cold)

    kiwi_docs = documents(args.kiwi_mb)
    tokens = sum(len(_kiwi.tokenize(d)) for d in kiwi_docs[:4])
    took = best_of(args.runs, lambda: [_kiwi.tokenize(d) for d in kiwi_docs])
    kiwi_speed = line(
        "Kiwi tokenize (same seeds):", megabytes(kiwi_docs), took, f", {tokens} tokens"
    )

    extract_docs = documents(args.extract_mb)
    extract_text(extract_docs[0])  # warm up lazy imports and compiled patterns
    took = best_of(args.runs, lambda: [extract_text(d) for d in extract_docs])
    extract_speed = line("extract_text (same seeds):", megabytes(extract_docs), took)

    print(
        f"normalize / Kiwi tokenize: {warm_speed / kiwi_speed:.1f}x (warm), "
        f"{cold_speed / kiwi_speed:.1f}x (cache cleared per doc); goal >= 10x"
    )
    print(f"extract_text / Kiwi tokenize: {extract_speed / kiwi_speed:.1f}x")


if __name__ == "__main__":
    main()
