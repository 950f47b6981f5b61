"""A scanned grid that starts with figures takes its header from the line above it.

Synthetic words and cells (no real document's text): the header search is pure
geometry, tested fast on boxes made here; one small drawn page (an open-sided table,
its header set above the first rule) is OCR'd once where tesseract ``kor`` and a Korean
font are, as ``test_readers_ocr_tables.py`` does.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_readers_ocr_made import FONT_PX, scan_font

import gongmun
from gongmun.doc.tables import Cell, Table
from gongmun.readers.ocr_heads import header_above
from gongmun.readers.ocr_layout import TsvWord
from gongmun.readers.pdf_cells import ruled_table

# Two columns of a grid, 100 units wide, rows 20 high from y=100.
COLS = ((100.0, 200.0), (200.0, 300.0))


def _grid(rows: list[list[str]], top: float = 100.0) -> Table:
    cells = tuple(
        Cell(r, k, text, bbox=(COLS[k][0], top + 20 * r, COLS[k][1], top + 20 * (r + 1)))
        for r, row in enumerate(rows)
        for k, text in enumerate(row)
    )
    box = (COLS[0][0], top, COLS[-1][1], top + 20 * len(rows))
    return Table(cells, len(rows), len(COLS), bbox=box, source="ocr_ruled")


def _line(n: int, y: float, *words: tuple[str, float, float]) -> list[TsvWord]:
    """Words of tesseract line ``n`` with their top at ``y`` (x0, x1 given)."""
    return [TsvWord(t, (x0, y, x1, y + 12), (1, 1, n), 90) for t, x0, x1 in words]


def _heads(t: Table) -> dict[int, str]:
    return {c.col: c.text for c in t.cells if c.header}


def test_a_first_row_of_figures_is_no_header_row() -> None:
    boxes = [[(0, 0, 50, 10), (50, 0, 100, 10)], [(0, 10, 50, 20), (50, 10, 100, 20)]]
    figures = ruled_table(boxes, [["10.56", "△0.01"], ["3.99", "3.64"]], "ocr_ruled")
    assert figures.header_rows == 0
    assert not any(c.header for c in figures.cells)
    # A row of years, or of words, is a header row as before.
    years = ruled_table(boxes, [["2025", "2026"], ["3.99", "3.64"]], "ocr_ruled")
    assert years.header_rows == 1
    words = ruled_table(boxes, [["구분", "1,200"], ["3.99", "3.64"]], "pdf_ruled")
    assert words.header_rows == 1


def test_the_line_just_above_gives_each_column_its_header() -> None:
    grid = _grid([["10.5", "8.4"], ["3.9", "3.6"]])
    words = _line(1, 80, ("2025년", 120, 160), ("본예산", 162, 190), ("2026년", 220, 260))
    # A label left of the grid, on the same line, stays out of its columns.
    words += _line(1, 80, ("구분", 20, 60))
    t = header_above(grid, words, 1.0)
    assert t.header_rows == 1
    assert t.n_rows == 3
    assert _heads(t) == {0: "2025년 본예산", 1: "2026년"}
    # The header is not written in the text (tesseract's line holds it): no offsets.
    assert all(c.start is None for c in t.cells if c.header)
    assert next((c.row, c.text) for c in t.cells if not c.header) == (1, "10.5")


def test_a_row_of_figures_above_the_rules_is_passed_over() -> None:
    # The first body row stood above the first rule (a shaded header has no rule under it).
    grid = _grid([["10.5", "8.4"]])
    words = _line(2, 84, ("28.9", 130, 170), ("26.9", 230, 270))
    words += _line(1, 64, ("2025", 130, 170), ("2026", 230, 270))
    assert _heads(header_above(grid, words, 1.0)) == {0: "2025", 1: "2026"}


def test_no_header_is_guessed_from_prose_or_a_distant_line() -> None:
    grid = _grid([["10.5", "8.4"]])
    # A sentence running across both columns is no header.
    prose = _line(1, 80, ("2025년", 120, 160), ("예산은", 165, 230), ("늘었다", 235, 280))
    assert header_above(grid, prose, 1.0) is grid
    # Words more than a row's height above the grid are something else.
    far = _line(1, 40, ("2025년", 120, 160), ("2026년", 220, 260))
    assert header_above(grid, far, 1.0) is grid
    # Nor from under many rows of figures.
    stacked = [
        w
        for n in range(3)
        for w in _line(10 - n, 84 - 16 * n, ("1.0", 130, 170), ("2.0", 230, 270))
    ]
    stacked += _line(1, 20, ("2025", 130, 170), ("2026", 230, 270))
    assert header_above(grid, stacked, 1.0) is grid


def test_a_grid_with_its_own_header_row_is_left_as_it_is() -> None:
    grid = _grid([["2025", "2026"], ["3.9", "3.6"]])
    grid = Table(grid.cells, 2, 2, header_rows=1, bbox=grid.bbox, source="ocr_ruled")
    words = _line(1, 80, ("가", 120, 160), ("나", 220, 260))
    assert header_above(grid, words, 1.0) is grid


def test_word_boxes_in_pixels_are_scaled_to_the_grid() -> None:
    grid = _grid([["10.5", "8.4"]])
    words = _line(1, 160, ("2025년", 240, 320), ("2026년", 440, 520))  # at 2 pixels a unit
    assert _heads(header_above(grid, words, 2.0)) == {0: "2025년", 1: "2026년"}


DPI = 300
HEADS = ("2025년 예산", "2026년 예산")
LABELS = ("국비", "지방비")
FIGURES = (("1,250", "820"), ("430", "215"))
COL_X = (480, 880, 1280)  # the vertical rules: the label column's side is open
ROW_Y = (200, 300, 400)


def _open_sided_page(font: str) -> Any:
    """A table whose header stands above its first rule and whose left side is open."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 500), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(font, FONT_PX)
    draw.text((80, 20), "(단위: 억원)", font=face, fill=0)
    for y in ROW_Y:
        draw.line([(80, y), (COL_X[-1], y)], fill=0, width=3)
    for x in COL_X:
        draw.line([(x, ROW_Y[0]), (x, ROW_Y[-1])], fill=0, width=3)
    for k, text in enumerate(HEADS):
        draw.text((COL_X[k] + 60, ROW_Y[0] - 80), text, font=face, fill=0)
    for r, row in enumerate(FIGURES):
        draw.text((100, ROW_Y[r] + 22), LABELS[r], font=face, fill=0)
        for k, text in enumerate(row):
            width = draw.textlength(text, font=face)
            draw.text((COL_X[k + 1] - 30 - width, ROW_Y[r] + 22), text, font=face, fill=0)
    return image


@pytest.fixture(scope="module")
def open_doc(tmp_path_factory: pytest.TempPathFactory) -> gongmun.Document:
    font = scan_font()
    path = tmp_path_factory.mktemp("scan-open") / "open.png"
    _open_sided_page(font).save(path, dpi=(DPI, DPI))
    doc = gongmun.extract(path, ocr=True)
    assert isinstance(doc, gongmun.Document)
    return doc


def test_a_scanned_grid_takes_the_years_of_the_header_above_it(open_doc: Any) -> None:
    [table] = [t for t in open_doc.tables if t.source == "ocr_ruled"]
    assert table.header_rows == 1
    heads = {c.col: c.text.replace(" ", "") for c in table.cells if c.header}
    assert heads == {k: h.replace(" ", "") for k, h in enumerate(HEADS)}
    got = sorted((a.value_krw, a.year) for a in open_doc.amounts)
    want = sorted(
        (int(f.replace(",", "")) * 10**8, 2025 + k) for row in FIGURES for k, f in enumerate(row)
    )
    assert got == want
