"""Tables of the real HWP and HWPX files (../shared/readers-real, when present): the
HWPX reader's cells are the cells of the file, as an independent walk of its XML sees
them; every file's tables in its record are what a reader sees (cells' text where they
stand, a sane grid, consistent spans, the unit a table states).

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
from readers_support import read_and_extract

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


# --- every real file's tables, as the record gives them ------------------------------------

FILES = sorted(p for p in REAL.glob("r*") if p.suffix in {".hwp", ".hwpx"}) if REAL.is_dir() else []
# A unit statement as a table states it: (단위: 백만원), [단위 : 억원, %].
UNIT = re.compile(r"[(\[]\s*단\s*위\s*[:：]?\s*[^()\[\]\n\d]{1,30}[)\]]")


def _line_before(text: str, pos: int) -> str:
    """The non-blank line ending before ``pos``."""
    lines = text[max(0, pos - 400) : pos].rstrip("\n").split("\n")
    return next((ln for ln in reversed(lines) if ln.strip()), "")


@pytest.mark.skipif(not FILES, reason="../shared/readers-real is not here")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_real_files_tables_are_what_a_reader_sees(path: Path) -> None:
    raw, doc = read_and_extract(path)
    for t in doc.tables:
        where = f"{path.name} table {t.index}"
        # A table has cells, and every row and column of its grid holds one.
        assert t.n_rows >= 1, where
        assert t.n_cols >= 1, where
        assert t.cells, where
        assert 0 <= t.header_rows <= t.n_rows, where
        slots: set[tuple[int, int]] = set()
        for c in t.cells:
            # Spans stay in the grid and no two cells claim one slot.
            assert c.row + c.rowspan <= t.n_rows, where
            assert c.col + c.colspan <= t.n_cols, where
            mine = {
                (r, k)
                for r in range(c.row, c.row + c.rowspan)
                for k in range(c.col, c.col + c.colspan)
            }
            assert not slots & mine, (where, c.row, c.col)
            slots |= mine
            # A cell's text is the file's text where the cell stands, inside its table.
            if c.text.strip():
                assert c.raw_span is not None, (where, c.text)
                assert c.span is not None, (where, c.text)
                assert raw.text[c.raw_span.start : c.raw_span.end] == c.text, where
                assert t.raw_span is not None
                assert t.raw_span.start <= c.raw_span.start <= c.raw_span.end <= t.raw_span.end
        assert {r for r, _ in slots} == set(range(t.n_rows)), where
        assert {k for _, k in slots} == set(range(t.n_cols)), where
        # A unit the table states (its caption, its own header cells, the line right above
        # it, which is never another table's) is the table's unit.
        heads = [c.text for c in t.cells if c.row < max(t.header_rows, 1)]
        above = _line_before(doc.text, t.span.start) if t.span is not None else ""
        body = t.n_rows > max(t.header_rows, 1)
        stated = [s for s in [t.caption or "", above, *(heads if body else [])] if UNIT.search(s)]
        if stated:
            assert t.unit is not None, (where, stated)
