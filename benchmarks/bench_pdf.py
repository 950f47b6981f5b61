"""The PDF path against pdfplumber alone: CPU time per file and overall, and the ratio.

    python benchmarks/bench_pdf.py [PDF ...] [--repeat 5]

Default files: the PDFs under the repository's ``fixtures/`` and ``seeds/`` and
``/work/shared/corpus/*.pdf`` when it exists (read only; files gongmun refuses, such
as a truncated test PDF, are listed and skipped). In one process, interleaved round by
round so that load on a shared machine hits every contestant alike, best-of-N CPU time
(``time.process_time``) of:

- ``plumber``: ``pdfplumber.open`` and ``page.extract_text()`` for every page: the
  floor, pdfplumber's own text with no tables, reading order or checks;
- ``read``: gongmun's PDF reader (``read_bytes``: text in reading order, tables, word
  boxes, warnings);
- ``extract``: the whole extraction of the same bytes (reader, normalize, amounts,
  periods, projects, tables, the record built).

Each file's line gives ``read`` and ``extract`` as a ratio to ``plumber`` (goal for
``read``: at most 1.3x); the last line sums the best times over all files. Numbers
only: nothing here asserts a timing. The first round also warms Kiwi, imports and
caches, and every round counts only its best.
"""

from __future__ import annotations

import argparse
import io
import os
import time
from collections.abc import Callable
from pathlib import Path

from gongmun.errors import InputError
from gongmun.pipeline import extract_raw
from gongmun.readers import read_bytes

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus")


def default_files() -> list[Path]:
    """The repository's PDFs (fixtures, seeds) and the shared corpus's, when present."""
    found = sorted(p for d in ("fixtures", "seeds") for p in (ROOT / d).rglob("*.pdf"))
    if CORPUS.is_dir():
        found += sorted(CORPUS.glob("*.pdf"))
    return found


def plumber(data: bytes) -> int:
    """pdfplumber alone: every page's ``extract_text()``; the number of pages."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def _cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def load(paths: list[Path]) -> list[tuple[str, bytes, int]]:
    """(name, bytes, pages) of each PDF gongmun reads; the ones it refuses are listed."""
    files: list[tuple[str, bytes, int]] = []
    for path in paths:
        data = path.read_bytes()
        try:
            read_bytes(data, str(path))
        except InputError as e:
            print(f"skipped {path.name}: {e}")
            continue
        files.append((path.name, data, plumber(data)))
    return files


NAMES = ("plumber", "read", "extract")


def measure(files: list[tuple[str, bytes, int]], repeat: int) -> dict[tuple[str, str], float]:
    """Best-of-``repeat`` CPU seconds of each contestant on each file, interleaved."""
    best = {(name, f): float("inf") for name in NAMES for f, _, _ in files}
    for _ in range(repeat):
        for name, data, _ in files:
            runs: dict[str, Callable[[], object]] = {
                "plumber": lambda d=data: plumber(d),
                "read": lambda d=data, n=name: read_bytes(d, n),
                "extract": lambda d=data, n=name: extract_raw(read_bytes(d, n)),
            }
            for key in NAMES:
                best[key, name] = min(best[key, name], _cpu(runs[key]))
    return best


def report(
    files: list[tuple[str, bytes, int]], best: dict[tuple[str, str], float]
) -> dict[str, float]:
    """Print one line per file and the sums; the summed seconds and pages."""
    head = ("file", "pages", "plumber", "read", "ratio", "extract", "ratio")
    print("{:<48} {:>5} {:>8} {:>8} {:>6} {:>8} {:>6}".format(*head))
    total = dict.fromkeys(NAMES, 0.0)
    pages = 0
    for name, _, n in files:
        t = {k: best[k, name] for k in NAMES}
        for k in NAMES:
            total[k] += t[k]
        pages += n
        print(
            f"{name[:48]:<48} {n:>5} {t['plumber']:>8.3f} {t['read']:>8.3f} "
            f"{t['read'] / t['plumber']:>5.2f}x {t['extract']:>8.3f} "
            f"{t['extract'] / t['plumber']:>5.2f}x"
        )
    print(
        f"{'all':<48} {pages:>5} {total['plumber']:>8.3f} {total['read']:>8.3f} "
        f"{total['read'] / total['plumber']:>5.2f}x {total['extract']:>8.3f} "
        f"{total['extract'] / total['plumber']:>5.2f}x"
    )
    print(
        f"read: {pages / total['read']:.1f} pages per CPU second "
        f"(pdfplumber alone {pages / total['plumber']:.1f})"
    )
    return {**total, "pages": float(pages)}


def main() -> None:
    """Print one line per PDF and the overall ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5, help="rounds (best of N, default 5)")
    args = ap.parse_args()
    files = load(args.pdfs or default_files())
    if not files:
        raise SystemExit("no PDF to measure")
    best = measure(files, args.repeat)
    load_avg = os.getloadavg()[0]
    cores = os.cpu_count()
    print(f"best of {args.repeat} rounds, CPU seconds (load average {load_avg:.1f}, {cores} cores)")
    report(files, best)


if __name__ == "__main__":
    main()
