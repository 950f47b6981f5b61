"""Score the same documents as text, HWP, HWPX and PDF against the same gold.

    python benchmarks/hwp_vs_pdf.py --docs seeds --gold ../shared/gold/seeds
    python benchmarks/hwp_vs_pdf.py --docs ../shared/corpus --gold ../shared/gold/corpus

There is no gold for real HWP files, so the documents that have gold are written here
as HWP 5 (records built by ``tests/hwp_build.py``, one paragraph a line, Hancom's line
positions giving pages of 40 lines), as HWPX (the same paragraphs and line positions)
and as PDF (reportlab's Korean CID font, lines wrapped to the page as a word processor
would, 60 lines a page). Each is extracted and scored by ``../shared/eval/score.py``
as if it were the text file, so the numbers say what reading the format costs.
Written to a temporary folder, never into the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hwp_build  # noqa: E402
import hwpx_build  # noqa: E402

import gongmun  # noqa: E402

SCORE = ROOT.parent / "shared" / "eval" / "score.py"
LINES_PER_PAGE = {"hwp": 40, "pdf": 60}
LINE_STEP = 1600  # HWPUNIT between lines
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def as_hwp(lines: list[str]) -> bytes:
    paras = [
        hwp_build.paragraph(
            line.replace("\t", hwp_build.inline(9)),  # a tab is an inline control in HWP
            tops=[(i % LINES_PER_PAGE["hwp"]) * LINE_STEP],
        )
        for i, line in enumerate(lines)
    ]
    return hwp_build.hwp([b"".join(paras)])


def as_hwpx(lines: list[str]) -> bytes:
    body = "".join(
        f"<hp:p><hp:run><hp:t>{escape(line)}</hp:t></hp:run><hp:linesegarray>"
        f'<hp:lineseg vertpos="{(i % LINES_PER_PAGE["hwp"]) * LINE_STEP}"/>'
        f"</hp:linesegarray></hp:p>"
        for i, line in enumerate(lines)
    )
    return hwpx_build.one_section(body)


def as_pdf(lines: list[str], path: Path) -> None:
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "HYSMyeongJo-Medium"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y, n = 800.0, 0
    for line in lines:
        for piece in simpleSplit(line, font, 10, 483) or [""]:
            if n == LINES_PER_PAGE["pdf"]:
                c.showPage()
                y, n = 800.0, 0
            c.setFont(font, 10)
            c.drawString(56, y, piece)
            y -= 12.5
            n += 1
    c.save()


def score(records: list[dict[str, object]], gold: Path) -> dict[str, dict[str, float]]:
    """score.py's totals of ``records`` against the gold of those documents only."""
    names = {Path(str(r["source"]["path"])).stem for r in records}  # type: ignore[index]
    only = Path(tempfile.mkdtemp())
    for name in names:
        (only / f"{name}.json").write_bytes((gold / f"{name}.json").read_bytes())
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    run = subprocess.run(
        [sys.executable, str(SCORE), "--gold", str(only), "--pred", f.name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(f.name).unlink()
    for p in only.iterdir():
        p.unlink()
    only.rmdir()
    out: dict[str, dict[str, float]] = json.loads(run.stdout)["total"]
    return out


def main() -> None:
    """Print each format's scores on the documents of ``--docs`` that have gold."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    args = ap.parse_args()
    texts = [p for p in sorted(args.docs.glob("*.txt")) if (args.gold / f"{p.stem}.json").exists()]
    by_format: dict[str, list[dict[str, object]]] = {k: [] for k in ("txt", "hwp", "hwpx", "pdf")}
    with tempfile.TemporaryDirectory() as tmp:
        for text_path in texts:
            # Control characters (U+0007 of Hancom-made PDF text) are spaces in the
            # document; in HWP text they would be controls, in XML they are invalid.
            text = text_path.read_text(encoding="utf-8")
            lines = [_CONTROLS.sub(" ", line) for line in text.splitlines()]
            made = {"txt": text_path}
            for fmt, data in (("hwp", as_hwp(lines)), ("hwpx", as_hwpx(lines))):
                made[fmt] = Path(tmp) / f"{text_path.stem}.{fmt}"
                made[fmt].write_bytes(data)
            made["pdf"] = Path(tmp) / f"{text_path.stem}.pdf"
            as_pdf(lines, made["pdf"])
            for fmt, path in made.items():
                record = gongmun.extract(path).model_dump(mode="json")
                record["source"]["path"] = text_path.name  # paired with the text's gold
                by_format[fmt].append(record)
    print(f"{len(texts)} documents of {args.docs}")
    keys = ("amounts", "amounts_with_year", "periods", "projects")
    print("format  " + "  ".join(f"{k:>17}" for k in keys) + "  links")
    for fmt, records in by_format.items():
        total = score(records, args.gold)
        cells = "  ".join(f"{total[k]['f1']:>17.3f}" for k in keys)
        print(f"{fmt:<6}  {cells}  {total['project_links']['acc']:.3f}")


if __name__ == "__main__":
    main()
