"""Characters described by the reader (:mod:`gongmun.readers.pdf_objects`) are pdfplumber's.

Every object of every page is described both ways and compared: the same keys in the
same order with the same values, on the committed PDFs, PDFs drawn here, one from the
shared corpus when it is on the machine, and a page whose media box does not start at 0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfminer.layout import LTAnno, LTChar, LTContainer
from readers_support import FIXTURES
from test_readers_pdf import _fake_bold, make_pdf
from test_readers_pdf_layout import _columns

from gongmun.readers.pdf_objects import describer

CORPUS = Path("/work/shared/corpus")
TABLES = FIXTURES.parent / "tables"


def _leaves(items: Any) -> list[Any]:
    out = []
    for obj in items:
        if isinstance(obj, LTContainer):
            out.extend(_leaves(obj._objs))
        elif not isinstance(obj, LTAnno):
            out.append(obj)
    return out


def _compare(page: Any) -> int:
    describe = describer(page)
    chars = 0
    for obj in _leaves(page.layout._objs):
        ours, theirs = describe(obj), page.process_object(obj)
        assert list(ours.items()) == list(theirs.items())
        chars += isinstance(obj, LTChar)
    return chars


def _check(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        chars = sum(_compare(page) for page in pdf.pages)
    assert chars > 0


@pytest.mark.parametrize(
    "path",
    [FIXTURES / "seed000.pdf", *sorted(TABLES.glob("*.pdf"))],
    ids=lambda p: p.name,
)
def test_committed_pdfs_are_described_as_pdfplumber_does(path: Path) -> None:
    _check(path)


@pytest.mark.parametrize("draw", [_columns, _fake_bold], ids=lambda d: d.__name__)
def test_made_pdfs_are_described_as_pdfplumber_does(tmp_path: Path, draw: Any) -> None:
    _check(make_pdf(tmp_path, draw))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no shared corpus on this machine")
def test_a_corpus_pdf_is_described_as_pdfplumber_does() -> None:
    _check(sorted(CORPUS.glob("*.pdf"))[0])


def test_a_media_box_away_from_the_origin_shifts_characters_as_pdfplumber_does() -> None:
    with pdfplumber.open(FIXTURES / "seed000.pdf") as pdf:
        page = pdf.pages[0]
        x0, top, x1, bottom = page.mediabox
        page.mediabox = (x0 + 12.5, top + 3.0, x1 + 12.5, bottom + 3.0)
        assert _compare(page) > 0
