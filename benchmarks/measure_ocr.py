"""Measure extraction from real OCR text against the same documents' clean text.

Usage (from the repository root, with ``../shared`` holding the OCR set)::

    python benchmarks/measure_ocr.py [--shared ../shared] [--show N] [--setting NAME]

For each OCR setting in ``SHARED/ocr/text/`` it runs ``gongmun extract DIR --ocr-text``
and scores the output with ``SHARED/eval/score.py`` against ``SHARED/ocr/gold``; it then
extracts the clean text of the same documents (the seeds in ``seeds/`` and the corpus
PDFs in ``SHARED/corpus``), scores them against the same gold (the document names are
mapped to the gold's ``.txt`` names) and prints one table: F1 and precision per setting,
and how far each falls behind the clean text. ``--show N`` passes through to score.py,
listing each document's misses and false positives. Nothing is copied into the repo:
outputs go to a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("amounts", "amounts_with_year", "periods", "projects")


def _extract(paths: list[Path], out: Path, *flags: str) -> None:
    cmd = ["gongmun", "extract", *map(str, paths), "-o", str(out), "-q", "--exit-zero", *flags]
    subprocess.run(cmd, check=True)


def _score(shared: Path, gold: Path, pred: Path, show: int) -> dict[str, dict[str, float]]:
    score = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold)]
    score += ["--pred", str(pred)]
    if show:
        subprocess.run([*score, "--show", str(show)], check=True)
    done = subprocess.run([*score, "--json"], check=True, capture_output=True, text=True)
    total: dict[str, dict[str, float]] = json.loads(done.stdout)["total"]
    return total


def _clean_sources(shared: Path, gold: Path) -> dict[Path, str]:
    """The clean file of each gold document, mapped to the gold's document name."""
    out: dict[Path, str] = {}
    for g in sorted(gold.glob("*.json")):
        name = json.loads(g.read_text(encoding="utf-8"))["doc"]
        stem = Path(name).stem
        for candidate in (ROOT / "seeds" / f"{stem}.txt", shared / "corpus" / f"{stem}.pdf"):
            if candidate.exists():
                out[candidate] = name
                break
        else:
            print(f"no clean source for {name}", file=sys.stderr)
    return out


def main() -> None:
    """Print the OCR-vs-clean table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--setting", action="append", help="only these settings")
    args = ap.parse_args()
    shared: Path = args.shared
    gold = shared / "ocr" / "gold"
    rows: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="gongmun-ocr-measure-") as tmp:
        sources = _clean_sources(shared, gold)
        clean_out = Path(tmp) / "clean.jsonl"
        _extract(list(sources), clean_out)
        renamed = Path(tmp) / "clean-renamed.jsonl"
        by_name = {p.name: n for p, n in sources.items()}
        with clean_out.open(encoding="utf-8") as src, renamed.open("w", encoding="utf-8") as dst:
            for line in src:
                doc = json.loads(line)
                doc["source"]["path"] = by_name[Path(doc["source"]["path"]).name]
                dst.write(json.dumps(doc, ensure_ascii=False) + "\n")
        if args.show:
            print("== clean")
        rows["clean"] = _score(shared, gold, renamed, args.show)
        for setting in sorted((shared / "ocr" / "text").iterdir()):
            if args.setting and setting.name not in args.setting:
                continue
            out = Path(tmp) / f"{setting.name}.jsonl"
            _extract([setting], out, "--ocr-text")
            if args.show:
                print(f"== {setting.name}")
            rows[setting.name] = _score(shared, gold, out, args.show)
    head = f"{'setting':<18}" + "".join(f"{k[:18]:>22}" for k in KINDS)
    print(head + "   (F1 / precision; Δ = F1 − clean F1)")
    clean = rows["clean"]
    for name, total in rows.items():
        cells = []
        for k in KINDS:
            f1, p = total[k]["f1"], total[k]["p"]
            delta = "" if name == "clean" else f" Δ{f1 - clean[k]['f1']:+.2f}"
            cells.append(f"{f1:.3f}/{p:.3f}{delta}")
        print(f"{name:<18}" + "".join(f"{c:>22}" for c in cells))


if __name__ == "__main__":
    main()
