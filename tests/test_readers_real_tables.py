"""Tables of the real HWPX files (../shared/readers-real, when present): the reader's
cells are the cells of the file, as an independent walk of its XML sees them.

The walk here knows only OWPML's nesting (``tbl`` → ``tr`` → ``tc``, text in ``t``):
a table nested in a cell belongs to that cell's text, not to the document's tables.
The files are read in place and never copied.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from gongmun.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "readers-real"
ZIPS = (
    sorted(p for p in REAL.glob("r*.hwpx") if p.read_bytes()[:2] == b"PK") if REAL.is_dir() else []
)
needs_real = pytest.mark.skipif(not ZIPS, reason="../shared/readers-real is not here")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _all_text(elem: Any) -> str:
    return "".join(
        (t.text or "") + "".join(c.tail or "" for c in t)
        for t in elem.iter()
        if _local(t.tag) == "t"
    )


def _key(text: str) -> str:
    """A cell's text without spaces and private-use glyphs (which the reader drops)."""
    return re.sub(r"[\s\ue000-\uf8ff]+", "", text)


def _cells(elem: Any, out: list[str], in_cell: bool = False) -> None:
    """Texts of the cells of top-level tables (whitespace removed)."""
    for child in elem:
        name = _local(child.tag)
        if name == "tc" and not in_cell:
            out.append(_key(_all_text(child)))
            _cells(child, out, in_cell=True)
        else:
            _cells(child, out, in_cell)


def file_cells(path: Path) -> Counter[str]:
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        for name in sorted(z.namelist()):
            if re.fullmatch(r"Contents/section\d+\.xml", name):
                _cells(ElementTree.fromstring(z.read(name)), found)
    return Counter(c for c in found if c)


@needs_real
@pytest.mark.parametrize("path", ZIPS, ids=lambda p: p.name[:3])
def test_real_hwpx_tables_hold_the_files_cells(path: Path) -> None:
    raw = read_path(path)
    want = file_cells(path)
    got = Counter(_key(c.text) for t in raw.tables for c in t.cells if c.text.strip())
    # Cells match one for one; a cell whose paragraphs the reader orders differently
    # (anchored objects) may differ, but never more than 2% of them.
    assert sum(want.values()) == sum(got.values())
    assert sum((want - got).values()) <= 0.02 * max(sum(want.values()), 1)
    for t in raw.tables:
        assert t.source == "hwpx"
        for c in t.cells:
            assert c.row + c.rowspan <= t.n_rows
            assert c.col + c.colspan <= t.n_cols
            if c.start is not None and c.end is not None:
                assert raw.text[c.start : c.end] == c.text
