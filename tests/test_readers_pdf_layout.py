"""The PDF reader's own layout analysis gives what pdfminer's gives (records unchanged).

The reader opens PDFs without ``laparams`` and runs the analysis itself
(:mod:`gongmun.readers.pdf_layout`, a faster text-box grouping). Every page read that
way must equal the page read from pdfplumber's own analysis (``laparams={}``): same
text, tables, word boxes and warnings, same characters in the same order. The
grouping alone is compared with pdfminer's on random boxes.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfminer.layout import LAParams, LTLayoutContainer, LTTextBoxHorizontal, LTTextGroup
from readers_support import FIXTURES
from test_readers_pdf import _fake_bold, _spread_table, make_pdf
from test_readers_pdf_tables import _aligned, _hrules, _prose, _ruled_wrapped

from gongmun.readers.pdf import read_page
from gongmun.readers.pdf_layout import BoxIndex, group_textboxes

CORPUS = Path("/work/shared/corpus")


def _columns(c: Any) -> None:
    """Two columns of prose, a heading across both, a footnote: reading order matters."""
    c.drawString(72, 800, "□ 두 단으로 쓴 보도자료 제목 2025년 예산 600억원")
    for i in range(12):
        c.drawString(72, 760 - 14 * i, f"왼쪽 단 {i}번째 줄 사업비 {i + 1}0억원")
        c.drawString(320, 760 - 14 * i, f"오른쪽 단 {i}번째 줄 기간 202{i % 10}년")
    c.drawString(72, 560, "※ 각주: 금액은 억원 단위")
    c.showPage()
    c.drawString(300, 700, "둘째 쪽 오른쪽 위")
    c.drawString(72, 650, "둘째 쪽 왼쪽 아래 100억원")


DRAWINGS = [_columns, _fake_bold, _spread_table, _aligned, _hrules, _prose, _ruled_wrapped]


def _both(path: Path) -> list[tuple[Any, Any, list[Any], list[Any]]]:
    """Each page read through pdfplumber's analysis and through the reader's own."""
    out = []
    with pdfplumber.open(path, laparams={}) as theirs, pdfplumber.open(path) as ours:
        assert ours.laparams is None
        for a, b in zip(theirs.pages, ours.pages, strict=True):
            out.append((read_page(a), read_page(b), a.chars, b.chars))
    return out


def _check(path: Path) -> None:
    pages = _both(path)
    assert pages
    for theirs, ours, their_chars, our_chars in pages:
        assert ours == theirs
        assert our_chars == their_chars


def test_seed_pdf_pages_are_read_as_with_pdfminers_analysis() -> None:
    _check(FIXTURES / "seed000.pdf")


@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda d: d.__name__)
def test_made_pdf_pages_are_read_as_with_pdfminers_analysis(tmp_path: Path, draw: Any) -> None:
    _check(make_pdf(tmp_path, draw))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no shared corpus on this machine")
def test_corpus_pdf_pages_are_read_as_with_pdfminers_analysis() -> None:
    paths = sorted(CORPUS.glob("*.pdf"))[:1]  # one: the suite stays quick
    for path in paths:
        _check(path)


def _shape(item: Any, order: dict[int, int]) -> Any:
    """A group tree as nested tuples of box numbers, in the groups' own order."""
    if isinstance(item, LTTextGroup):
        return tuple(_shape(x, order) for x in item)
    return order[id(item)]


def _box(x0: float, y0: float, w: float, h: float) -> LTTextBoxHorizontal:
    box = LTTextBoxHorizontal()
    box.set_bbox((x0, y0, x0 + w, y0 + h))
    return box


def test_grouping_is_pdfminers_on_random_boxes() -> None:
    rng = random.Random(12)
    laparams = LAParams()
    bbox = (0.0, 0.0, 600.0, 850.0)
    for _ in range(150):
        n = rng.randint(1, 30)
        boxes = [
            _box(rng.uniform(0, 500), rng.uniform(0, 800), rng.uniform(5, 250), rng.uniform(5, 60))
            for _ in range(n)
        ]
        order = {id(b): i for i, b in enumerate(boxes)}
        theirs = LTLayoutContainer(bbox).group_textboxes(laparams, boxes)
        ours = group_textboxes(bbox, boxes)
        for g in (*theirs, *ours):
            g.analyze(laparams)
        assert [_shape(g, order) for g in ours] == [_shape(g, order) for g in theirs]


def test_box_index_finds_the_first_box_holding_a_point() -> None:
    rng = random.Random(7)
    boxes = [
        (x, y, x + rng.uniform(1, 300), y + rng.uniform(1, 80))
        for x, y in ((rng.uniform(-50, 600), rng.uniform(-50, 850)) for _ in range(60))
    ]
    index = BoxIndex(boxes, pad=0.5)
    for _ in range(2000):
        x, y = rng.uniform(-100, 700), rng.uniform(-100, 900)
        want = next(
            (
                i
                for i, b in enumerate(boxes)
                if b[0] - 0.5 <= x < b[2] + 0.5 and b[1] - 0.5 <= y < b[3] + 0.5
            ),
            None,
        )
        assert index.first(x, y) == want


def test_box_index_bounds_boxes_far_off_the_page() -> None:
    huge = float("inf")
    index = BoxIndex([(-huge, 0.0, huge, 1e300), (0.0, 0.0, 10.0, 10.0)], pad=0.5)
    assert index.first(5.0, 5.0) == 0
    assert index.first(1e200, 3.0) == 0
    assert index.first(float("nan"), 1.0) is None
