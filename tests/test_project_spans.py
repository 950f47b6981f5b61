"""Every project's span shows its name as written, on the seeds and (when present) the
shared corpus: a span pointing at another phrase of the line is a bug."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongmun import extract
from gongmun.models import Document

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
CORPUS_DIR = Path(__file__).parent.parent.parent / "shared" / "corpus"
CORPUS = sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else []


def _misplaced(doc: Document) -> list[tuple[str, str]]:
    out = []
    for p in doc.projects:
        written = " ".join(doc.text[p.span.start : p.span.end].split())
        if written != p.name:
            out.append((p.name, written))
    return out


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_project_spans_cover_their_names(path: Path) -> None:
    assert _misplaced(extract(path)) == []


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not here")
def test_corpus_project_spans_cover_their_names() -> None:
    bad = {p.name: _misplaced(extract(p)) for p in CORPUS}
    assert {k: v for k, v in bad.items() if v} == {}
