"""Throughput of ``normalize`` beside Kiwi's own tokenize speed, on the seeds.

    .venv/bin/python benchmarks/bench_text.py [--mb 5] [--kiwi-mb 1]

The four seed documents are repeated until they make at least ``--mb`` MB (UTF-8) and
normalized one document at a time, as a batch would. Kiwi tokenizes the same documents
(``--kiwi-mb`` MB of them: it is ~100x slower, and its speed does not depend on length).
Two normalize runs are printed: with the process-wide cache of Kiwi join decisions warm
(repeated seeds hit it), and with the cache cleared before every document (what a batch of
distinct documents costs). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from gongmun import _kiwi
from gongmun.normalize import normalize

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
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def time_normalize(docs: list[str], *, clear_cache: bool) -> float:
    start = time.process_time()
    for doc in docs:
        if clear_cache:
            _kiwi.one_word.cache_clear()
        normalize(doc)
    return time.process_time() - start


def time_tokenize(docs: list[str]) -> float:
    start = time.process_time()
    for doc in docs:
        _kiwi.tokenize(doc)
    return time.process_time() - start


def best_of(runs: int, measure: Callable[[], float]) -> float:
    """The shortest of ``runs`` timings: the least disturbed by other work."""
    return min(measure() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="MB of text to normalize")
    parser.add_argument("--kiwi-mb", type=float, default=0.5, help="MB of text Kiwi tokenizes")
    parser.add_argument("--runs", type=int, default=3, help="timings to take the best of")
    args = parser.parse_args()

    docs = documents(args.mb)
    size = megabytes(docs)
    print(f"text: {len(docs)} documents, {size:.2f} MB (seeds repeated)")

    start = time.process_time()
    _kiwi.kiwi()
    print(f"Kiwi() load: {time.process_time() - start:.2f} s (once per process)")

    _kiwi.one_word.cache_clear()
    warm = best_of(args.runs, lambda: time_normalize(docs, clear_cache=False))
    info = _kiwi.one_word.cache_info()
    print(
        f"normalize, decision cache warm:    {size / warm:7.2f} MB/s  ({warm:.2f} s; "
        f"Kiwi asked {info.misses} distinct joins, {info.hits} cache hits)"
    )
    cold_docs = docs[: max(4, len(docs) // 5)]
    cold_size = megabytes(cold_docs)
    cold = best_of(args.runs, lambda: time_normalize(cold_docs, clear_cache=True))
    print(
        f"normalize, cache cleared per doc:  {cold_size / cold:7.2f} MB/s  "
        f"({cold:.2f} s on {cold_size:.2f} MB)"
    )

    kiwi_docs = documents(args.kiwi_mb)
    kiwi_size = megabytes(kiwi_docs)
    tokens = sum(len(_kiwi.tokenize(d)) for d in kiwi_docs[:4])
    took = best_of(args.runs, lambda: time_tokenize(kiwi_docs))
    kiwi_speed = kiwi_size / took
    print(
        f"Kiwi tokenize (same seeds):         {kiwi_speed:7.2f} MB/s  ({took:.2f} s on "
        f"{kiwi_size:.2f} MB, {tokens} tokens)"
    )
    print(
        f"normalize / Kiwi tokenize: {size / warm / kiwi_speed:.1f}x (warm), "
        f"{cold_size / cold / kiwi_speed:.1f}x (cache cleared per doc); goal >= 10x"
    )


if __name__ == "__main__":
    main()
