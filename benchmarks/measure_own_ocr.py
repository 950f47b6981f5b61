"""Measure gongmun's own OCR path: PDFs we have gold for, made image-only, read with --ocr.

Usage (from the repository root, with ``../shared`` beside it)::

    python benchmarks/measure_own_ocr.py [--doc PART ...] [--seeds] [--dpi 300]
        [--no-cache] [--show N] [-j N] [--list]

Documents: the corpus PDFs that have gold (``SHARED/corpus`` with ``SHARED/gold/corpus``),
the image-only scans of ``SHARED/ocr/scanned`` (gold in ``SHARED/ocr/gold``) and, with
``--seeds``, the seed texts written to PDF the way ``benchmarks/hwp_vs_pdf.py`` does (many
pages: OCR of all of them takes minutes). ``--doc PART`` keeps the documents whose name
holds PART (repeatable); ``--list`` prints the choice with page counts and stops.

Each PDF is rendered with pypdfium2 at ``--dpi`` (grey) into an image-only PDF (no text
layer at all) in ``/tmp/gongmun-own-ocr-$USER/`` (kept as a cache, never in the repo) and
extracted with ``gongmun extract --ocr always``; the clean file is extracted too, and
both are scored by ``SHARED/eval/score.py`` against the clean gold. One table: amounts,
amounts with year, periods: F1/precision per document, OCR beside clean.

OCR costs 3–13 CPU-seconds a page, so tesseract's outputs are cached by default: a shim
named ``tesseract`` first on ``PATH`` keys each run by the page image and its arguments
and replays the stored TSV/text, so changes to what gongmun does with tesseract's words
are measured in seconds. A change to the image (``--dpi``, preprocessing in gongmun) or
to tesseract's arguments misses the cache and really runs tesseract. ``--no-cache`` always
runs it. The CPU time of the run is printed (tesseract's included when it ran).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("amounts", "amounts_with_year", "periods")
CACHE = Path(tempfile.gettempdir()) / f"gongmun-own-ocr-{getpass.getuser()}"

# The shim: run as ``tesseract - BASE ARGS...`` with the PNG on stdin it replays the
# outputs stored for (image, args); any other use passes straight to the real binary.
_SHIM = r"""#!{python}
import hashlib, os, shutil, subprocess, sys
from pathlib import Path
REAL, STORE = {real!r}, Path({store!r})
args = sys.argv[1:]
if len(args) < 2 or args[0] != "-":
    os.execv(REAL, [REAL, *args])
data = sys.stdin.buffer.read()
key = hashlib.sha256(data + repr(args[2:]).encode()).hexdigest()
kept = STORE / key
exts = [a for a in args[2:] if a in ("txt", "tsv", "hocr")] or ["txt"]
if not all((kept / e).is_file() for e in exts):
    done = subprocess.run([REAL, *args], input=data, capture_output=True)
    sys.stderr.buffer.write(done.stderr)
    if done.returncode:
        sys.exit(done.returncode)
    kept.mkdir(parents=True, exist_ok=True)
    for e in exts:
        shutil.copyfile(args[1] + "." + e, kept / e)
for e in exts:
    shutil.copyfile(kept / e, args[1] + "." + e)
"""


@dataclass(frozen=True)
class Doc:
    """One measured document: the clean file, its gold, and the name the gold gives."""

    name: str
    clean: Path
    gold: Path
    pdf: Path | None  # the PDF to rasterize (None: made from the seed text)
    scanned: bool = False  # already image-only


def _gold_name(gold: Path) -> str:
    name: str = json.loads(gold.read_text(encoding="utf-8"))["doc"]
    return name


def _documents(shared: Path, seeds: bool) -> list[Doc]:
    out: list[Doc] = []
    for pdf in sorted((shared / "corpus").glob("*.pdf")):
        gold = shared / "gold" / "corpus" / f"{pdf.stem}.json"
        if gold.exists():
            out.append(Doc(pdf.name, pdf, gold, pdf))
    # The image-only scans (a mixed one holds the same pages: one document, one gold).
    for scan in sorted((shared / "ocr" / "scanned").glob("*_imageonly*.pdf")):
        stem = scan.name.split("_imageonly")[0]
        gold = shared / "ocr" / "gold" / f"{stem}.json"
        clean = ROOT / "seeds" / f"{stem}.txt"
        if gold.exists() and clean.exists():
            out.append(Doc(scan.name, clean, gold, scan, scanned=True))
    if seeds:
        taken = {_gold_name(d.gold) for d in out}
        for text in sorted((ROOT / "seeds").glob("*.txt")):
            gold = shared / "gold" / "seeds" / f"{text.stem}.json"
            if gold.exists() and _gold_name(gold) not in taken:
                out.append(Doc(f"{text.stem}.pdf", text, gold, None))
    return out


def _pdf_of(doc: Doc) -> Path:
    """The PDF to rasterize: the document's own, or the seed text written to PDF."""
    if doc.pdf is not None:
        return doc.pdf
    made = CACHE / "seed-pdf" / doc.name
    if not made.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import hwp_vs_pdf

        made.parent.mkdir(parents=True, exist_ok=True)
        lines = doc.clean.read_text(encoding="utf-8").splitlines()
        lines = [hwp_vs_pdf._CONTROLS.sub(" ", line) for line in lines]
        hwp_vs_pdf.as_pdf(lines, made)
    return made


def _pages(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def _image_only(doc: Doc, dpi: int) -> Path:
    """An image-only PDF of the document at ``dpi`` (cached), named as the document."""
    if doc.scanned and doc.pdf is not None:
        return doc.pdf
    out = CACHE / f"raster-{dpi}" / doc.name
    if out.exists():
        return out
    import pypdfium2

    source = pypdfium2.PdfDocument(str(_pdf_of(doc)))
    try:
        images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in source]
    finally:
        source.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_suffix(".part")
    images[0].save(part, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    part.rename(out)
    return out


def _shim_path() -> str:
    real = shutil.which("tesseract")
    if real is None:
        sys.exit("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-kor)")
    bin_dir = CACHE / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    shim = bin_dir / "tesseract"
    text = _SHIM.format(python=sys.executable, real=real, store=str(CACHE / "tesseract"))
    if not shim.exists() or shim.read_text() != text:
        shim.write_text(text)
        shim.chmod(0o755)
    return str(bin_dir)


def _extract(paths: list[Path], out: Path, flags: list[str], env: dict[str, str]) -> float:
    """Run gongmun extract; the CPU seconds its processes used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = ["gongmun", "extract", *map(str, paths), "-o", str(out), "-q", "--exit-zero", *flags]
    subprocess.run(cmd, check=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def _score(
    shared: Path, docs: list[Doc], pred: Path, tmp: Path, show: int, label: str
) -> dict[str, dict[str, dict[str, float]]]:
    """Per gold document name (and ``total``) the score of ``pred`` against the docs' gold."""
    gold_dir = tmp / f"gold-{label}"
    gold_dir.mkdir()
    for d in docs:
        shutil.copyfile(d.gold, gold_dir / d.gold.name)
    score = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold_dir)]
    score += ["--pred", str(pred)]
    if show:
        print(f"== {label}")
        subprocess.run([*score, "--show", str(show)], check=True)
    done = subprocess.run([*score, "--json"], check=True, capture_output=True, text=True)
    result = json.loads(done.stdout)
    out: dict[str, dict[str, dict[str, float]]] = dict(result["docs"])
    out["total"] = result["total"]
    return out


def _renamed(src: Path, dst: Path, names: dict[str, str]) -> None:
    """``src`` with each document's path set to its gold's name (score.py pairs by name)."""
    with src.open(encoding="utf-8") as f, dst.open("w", encoding="utf-8") as g:
        for line in f:
            doc = json.loads(line)
            path = doc.get("source", {}).get("path") or doc.get("path") or ""
            key = Path(path).name
            if key in names:
                if "source" in doc:
                    doc["source"]["path"] = names[key]
                else:
                    doc["path"] = names[key]
            g.write(json.dumps(doc, ensure_ascii=False) + "\n")


def main() -> None:
    """Print OCR-vs-clean scores per document."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--doc", action="append", default=[], help="only documents named so")
    ap.add_argument("--seeds", action="store_true", help="also the seeds, written to PDF")
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--no-cache", action="store_true", help="always run tesseract")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("-j", "--jobs", default="1")
    ap.add_argument("--list", action="store_true", help="list the documents and stop")
    args = ap.parse_args()
    shared: Path = args.shared
    docs = _documents(shared, args.seeds)
    if args.doc:
        docs = [d for d in docs if any(p in d.name for p in args.doc)]
    if not docs:
        sys.exit("no documents chosen")
    if args.list:
        for d in docs:
            print(f"{_pages(_pdf_of(d)):>3} pages  {d.name}")
        return
    env = dict(os.environ)
    if not args.no_cache:
        env["PATH"] = _shim_path() + os.pathsep + env.get("PATH", "")
    images = [_image_only(d, args.dpi) for d in docs]
    pages = sum(_pages(p) for p in images)
    with tempfile.TemporaryDirectory(prefix="gongmun-own-ocr-") as name:
        tmp = Path(name)
        jobs = ["-j", str(args.jobs)]
        ocr_raw = tmp / "ocr-raw.jsonl"
        cpu = _extract(images, ocr_raw, ["--ocr", "always", *jobs, "--timeout", "0"], env)
        ocr_out = tmp / "ocr.jsonl"
        _renamed(
            ocr_raw,
            ocr_out,
            {p.name: _gold_name(d.gold) for p, d in zip(images, docs, strict=True)},
        )
        clean_raw = tmp / "clean-raw.jsonl"
        clean = sorted({d.clean for d in docs})
        _extract(clean, clean_raw, jobs, env)
        clean_out = tmp / "clean.jsonl"
        _renamed(clean_raw, clean_out, {d.clean.name: _gold_name(d.gold) for d in docs})
        ocr_scores = _score(shared, docs, ocr_out, tmp, args.show, "ocr")
        clean_scores = _score(shared, docs, clean_out, tmp, args.show, "clean")
    print(f"{len(docs)} documents, {pages} pages at {args.dpi} dpi; OCR run {cpu:.0f} CPU s")
    head = f"{'document':<44}" + "".join(f"{k[:17]:>26}" for k in KINDS)
    print(head + "\n" + " " * 44 + "   (OCR F1/P  | clean F1/P) per kind")
    rows = [(d.name[:44], _gold_name(d.gold)) for d in docs] + [("total", "total")]
    for label, key in rows:
        cells = []
        for k in KINDS:
            o, c = ocr_scores[key][k], clean_scores[key][k]
            cells.append(f"{o['f1']:.3f}/{o['p']:.2f} | {c['f1']:.3f}/{c['p']:.2f}")
        print(f"{label:<44}" + "".join(f"{c:>26}" for c in cells))


if __name__ == "__main__":
    main()
