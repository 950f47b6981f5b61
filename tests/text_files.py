"""The plain-text documents the fast-path tests hold to their simple forms: the seeds,
the fixtures, and the shared corpus when ``../shared`` is beside the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
FILES = sorted(
    [*ROOT.glob("seeds/*.txt"), *ROOT.glob("fixtures/**/*.txt")]
    + (sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else [])
)
