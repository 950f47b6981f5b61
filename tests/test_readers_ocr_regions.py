"""Scanned pages in columns, tables placed in their column, OCR word spacing.

The layout steps are plain numpy on masks and images drawn here (no tesseract); one page
of two text columns is OCR'd where tesseract ``kor`` and a Korean font are (skips
otherwise, fails in CI with ``GONGMUN_REQUIRE_OCR``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from test_readers_ocr_made import FONT_PX, scan_font

import gongmun
from gongmun.readers.ocr_layout import CellWords, TsvWord, rebuild, spaced
from gongmun.readers.ocr_regions import columns

DPI = 300


def _text_lines(mask: Any, x0: int, x1: int, top: int, n: int, step: int = 60) -> None:
    """Lines of 'text' (ink bars 28 px high with word gaps every 150 px) between x0 and x1."""
    for k in range(n):
        y = top + k * step
        for x in range(x0, x1, 150):
            mask[y : y + 28, x : min(x1, x + 130)] = True


def test_two_columns_of_text_are_two_blocks_read_left_then_right() -> None:
    page = np.zeros((3300, 2550), dtype=bool)  # a portrait page at 300 dpi
    _text_lines(page, 150, 1200, 200, 40)
    _text_lines(page, 1350, 2400, 200, 38)
    blocks = columns(page, DPI)
    assert len(blocks) == 2
    (lx0, _, lx1, _), (rx0, _, rx1, _) = blocks
    assert lx0 <= 150
    assert 1170 <= lx1 <= 1350 <= rx0
    assert rx1 >= 2380


def test_a_title_across_the_page_is_read_before_its_columns() -> None:
    page = np.zeros((3300, 2550), dtype=bool)
    _text_lines(page, 150, 2400, 150, 2)
    _text_lines(page, 150, 1200, 500, 30)
    _text_lines(page, 1350, 2400, 500, 30)
    blocks = columns(page, DPI)
    assert [b[0] < 1300 for b in blocks] == [True, True, False]
    assert blocks[0][2] > 2300  # the title, across the page
    assert blocks[0][3] < blocks[1][1]


def test_a_table_of_short_cells_is_not_cut_into_columns() -> None:
    # Four columns of short figures with wide blanks between them: one block.
    page = np.zeros((3300, 2550), dtype=bool)
    for k in range(20):
        y = 300 + k * 70
        for x in (200, 800, 1400, 2000):
            page[y : y + 28, x : x + 220] = True
    assert columns(page, DPI) == [(0.0, 0.0, 2550.0, 3300.0)]


def test_a_spread_of_two_pages_is_two_blocks_whatever_they_hold() -> None:
    page = np.zeros((2480, 3500), dtype=bool)  # landscape: two pages side by side
    _text_lines(page, 150, 1600, 200, 30)
    for k in range(12):  # the right page: a table of short cells
        y = 300 + k * 70
        for x in (1950, 2500, 3050):
            page[y : y + 28, x : x + 200] = True
    blocks = columns(page, DPI)
    assert len(blocks) == 2
    assert blocks[0][2] <= 1700 <= blocks[1][0]


def _word(text: str, x: float, line: int, glued: bool = False) -> TsvWord:
    return TsvWord(
        text, (x, line * 50.0, x + 20.0 * len(text), line * 50.0 + 30), (1, 1, line), 90, glued
    )


def test_words_tesseract_writes_together_stay_together() -> None:
    # tesseract's TSV cuts 혁신창업 into pieces; its text writes them as one word.
    words = [_word("혁", 0, 1), _word("신", 20, 1), _word("창업", 40, 1), _word("자금", 100, 1)]
    marked = spaced("혁신창업 자금\n", words)
    assert [w.glued for w in marked] == [False, True, True, False]
    # A cell's text is written as tesseract wrote it, not a space between every piece.
    box = (0.0, 0.0, 200.0, 100.0)
    _, _, [table] = rebuild("", [], [CellWords(((box, box),), {box: marked})], 1.0)
    assert table.cells[0].text == "혁신창업 자금"


def test_a_table_stands_in_the_block_that_holds_it() -> None:
    # Two blocks side by side; a table at the top of the right one comes after the left
    # block's lines, before the right block's.
    left, right = (0.0, 0.0, 500.0, 1000.0), (600.0, 0.0, 1100.0, 1000.0)
    text = "왼쪽 위\n왼쪽 아래\n오른쪽 아래"
    words = [
        TsvWord("왼쪽", (10, 10, 60, 40), (1, 1, 1), 90),
        TsvWord("위", (70, 10, 90, 40), (1, 1, 1), 90),
        TsvWord("왼쪽", (10, 900, 60, 930), (1, 1, 2), 90),
        TsvWord("아래", (70, 900, 110, 930), (1, 1, 2), 90),
        TsvWord("오른쪽", (610, 700, 680, 730), (2, 1, 1), 90),
        TsvWord("아래", (690, 700, 730, 730), (2, 1, 1), 90),
    ]
    a, b = (610.0, 100.0, 800.0, 200.0), (800.0, 100.0, 1000.0, 200.0)
    cells = {a: [TsvWord("국비", (620, 110, 680, 140), (3, 1, 1), 90)]}
    table = CellWords(((a, b),), cells)
    rebuilt, _, [placed] = rebuild(text, words, [table], 1.0, [left, right])
    assert rebuilt == "왼쪽 위\n왼쪽 아래\n국비\n오른쪽 아래"
    assert placed.start == rebuilt.index("국비")
    # Without blocks the table stands before the first line below its top.
    rebuilt, _, _ = rebuild(text, words, [table], 1.0)
    assert rebuilt == "왼쪽 위\n국비\n왼쪽 아래\n오른쪽 아래"


@pytest.fixture(scope="module")
def two_columns(tmp_path_factory: pytest.TempPathFactory) -> Any:
    font = scan_font()
    from PIL import Image, ImageDraw, ImageFont

    face = ImageFont.truetype(font, FONT_PX)
    image = Image.new("L", (2550, 2700), 255)  # portrait: columns of text, not a spread
    draw = ImageDraw.Draw(image)
    # Synthetic lines; the left column's figure and its unit are on one line, and the
    # right column's lines stand level with the left's.
    left = ("가나 사업은 총 사업비로 모두", "350억원을 들여 추진하기로 하며")
    left += ("다라 기관이 맡아서 사업을 하고", "마바 평가를 거친 뒤에 정하여진다")
    right = ("사아 사업의 기간은 모두 합하여", "2025~2027년이며 그 뒤에는 없다")
    right += ("자차 지역에서 한다고 정하였다", "카타 위원회를 두어서 살피도록 한다")
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        draw.text((150, 150 + 110 * k), a, font=face, fill=0)
        draw.text((1350, 150 + 110 * k), b, font=face, fill=0)
    path = tmp_path_factory.mktemp("scan-columns") / "columns.png"
    image.save(path, dpi=(DPI, DPI))
    return gongmun.extract(path, ocr=True)


def test_a_scan_in_two_columns_reads_each_column_whole(two_columns: Any) -> None:
    text = two_columns.text.replace(" ", "")
    assert text.index("350억원") < text.index("다라기관") < text.index("사아사업")
    assert [a.value_krw for a in two_columns.amounts] == [35_000_000_000]
    [period] = two_columns.periods
    assert period.start is not None
    assert period.end is not None
    assert (period.start.year, period.end.year) == (2025, 2027)
