"""How much of a news article the HTML reader keeps, by page layout.

Pages are built by ``tests/html_pages.py`` around made-up articles and, when the
folders exist, around the news texts of ``../shared/seeds`` and ``../shared/corpus``
(read here, never stored). For each layout (``<p>``, ``<div>``, ``<br>``, nested
``<section>``, an old ``<font>`` table) and for marked and unmarked noise boxes it
prints the mean share of article letters kept and the noise lines let in, for gongmun's
reader and, when it is installed, trafilatura.

    python benchmarks/html_article.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from html_pages import LAYOUTS, article, kept, noise, page  # noqa: E402

from gongmun.errors import InputError  # noqa: E402
from gongmun.readers.html import html_to_raw  # noqa: E402

SHARED = ROOT.parent / "shared"


def texts() -> list[tuple[str, list[str]]]:
    """Articles to wrap: made-up ones, then the shared news texts (lines of 20+ letters)."""
    out = [(f"made{i}", article(random.Random(i), 5 + i)) for i in range(8)]
    for folder in ("seeds", "corpus"):
        for f in sorted((SHARED / folder).glob("*.txt")) if (SHARED / folder).is_dir() else []:
            lines = [ln.strip() for ln in f.read_text("utf-8", "replace").splitlines()]
            lines = [ln for ln in lines if len(ln) >= 2][:400]
            if lines:
                out.append((f.name, lines))
    return out


def gongmun_text(html: str) -> str:
    try:
        return html_to_raw(html).text
    except InputError:
        return ""


def readers() -> dict[str, object]:
    found: dict[str, object] = {"gongmun": gongmun_text}
    try:
        import trafilatura

        found["trafilatura"] = lambda html: trafilatura.extract(html, favor_recall=True) or ""
    except ImportError:
        pass
    return found


def main() -> None:
    docs = texts()
    print(f"{len(docs)} articles")
    for name, read in readers().items():
        for marked in (True, False):
            for layout in LAYOUTS:
                shares, leaks, worst = [], 0, 1.0
                for i, (_doc, lines) in enumerate(docs):
                    rng = random.Random(1000 + i)
                    html = page(lines, layout, random.Random(1000 + i), marked)
                    share, leaked = kept(read(html), lines, noise(rng))  # type: ignore[operator]
                    shares.append(share)
                    leaks += leaked
                    worst = min(worst, share)
                mean = sum(shares) / len(shares)
                print(
                    f"{name:12} {'marked' if marked else 'plain ':6} {layout:10} "
                    f"kept {mean:.3f} (worst {worst:.3f})  noise lines {leaks}"
                )


if __name__ == "__main__":
    main()
