"""Ruled tables on scanned pages: rules found and erased, cells read apart, a real table.

The rule finding is plain numpy on images drawn here (fast). One small image of a ruled
table with synthetic figures (none from any real document) is OCR'd once (a second or
two) where tesseract ``kor`` and a Korean font are; it skips otherwise, and fails in CI
(``GONGMUN_REQUIRE_OCR``), as ``test_readers_ocr_made.py`` does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from test_readers_ocr_made import FONT_PX, scan_font

import gongmun
from gongmun.models import Document
from gongmun.readers.ocr_rules import clear_rules

DPI = 300
# Synthetic rows: a header of years, two rows of figures (억원).
ROWS = (("구분", "2025년", "2026년"), ("국비", "1,250", "820"), ("지방비", "430", "215"))
COL_X = (80, 480, 880, 1280)  # the vertical rules; cells between them
ROW_Y = (160, 260, 360, 460)  # the horizontal rules


def _ruled_page(font: str | None) -> Any:
    """A white page with the table's rules drawn, and its text when a font is given."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 560), 255)
    draw = ImageDraw.Draw(image)
    for y in ROW_Y:
        draw.line([(COL_X[0], y), (COL_X[-1], y)], fill=0, width=3)
    for x in COL_X:
        draw.line([(x, ROW_Y[0]), (x, ROW_Y[-1])], fill=0, width=3)
    if font is not None:
        face = ImageFont.truetype(font, FONT_PX)
        draw.text((COL_X[0], 60), "(단위: 억원)", font=face, fill=0)
        for r, row in enumerate(ROWS):
            for c, text in enumerate(row):
                # Figures set right against their cell's rule, as tables print them.
                width = draw.textlength(text, font=face)
                x = COL_X[c + 1] - 20 - width if r else COL_X[c] + 30
                draw.text((x, ROW_Y[r] + 22), text, font=face, fill=0)
    else:
        draw.rectangle([(COL_X[1] + 40, ROW_Y[1] + 30), (COL_X[1] + 90, ROW_Y[1] + 60)], fill=0)
    return image


def test_the_rules_of_a_table_give_its_grid_and_are_erased_but_not_its_ink() -> None:
    grey = np.asarray(_ruled_page(None))
    cleared, grids = clear_rules(grey, DPI)
    [grid] = grids
    assert len(grid.cells) == 9
    x0, top, x1, bottom = grid.box
    assert abs(x0 - COL_X[0]) <= 3
    assert abs(x1 - COL_X[-1]) <= 3
    assert abs(top - ROW_Y[0]) <= 3
    assert abs(bottom - ROW_Y[-1]) <= 3
    # The rules are gone; the blot inside a cell (ink, not a rule) is kept.
    assert cleared[ROW_Y[2], 200:1200].min() == 255
    assert cleared[200:400, COL_X[2]].min() == 255
    assert cleared[ROW_Y[1] + 45, COL_X[1] + 60] == 0


def test_a_long_stroke_outside_any_grid_is_not_erased() -> None:
    # A vertical stroke with no rules across it: a headline's glyph, not a table's rule.
    grey = np.full((400, 400), 255, dtype=np.uint8)
    grey[50:350, 200:206] = 0
    cleared, grids = clear_rules(grey, DPI)
    assert grids == []
    assert cleared[200, 203] == 0


@pytest.fixture(scope="module")
def table_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    font = scan_font()
    path = tmp_path_factory.mktemp("scan-table") / "table.png"
    _ruled_page(font).save(path, dpi=(DPI, DPI))
    doc = gongmun.extract(path, ocr=True)
    assert isinstance(doc, Document)
    return doc


def test_a_scanned_ruled_table_keeps_each_cell_in_its_column(table_doc: Document) -> None:
    [table] = table_doc.tables
    assert table.source == "ocr_ruled"
    assert (table.n_rows, table.n_cols) == (3, 3)
    by_slot = {(c.row, c.col): c.text.replace(" ", "") for c in table.cells}
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            assert by_slot[(r, c)] == text, (r, c)
    # Cell boxes are where the cells were drawn (pixels for an image).
    cell = next(c for c in table.cells if (c.row, c.col) == (1, 1))
    assert cell.bbox is not None
    assert abs(cell.bbox[0] - COL_X[1]) <= 4
    assert abs(cell.bbox[2] - COL_X[2]) <= 4


def test_a_scanned_table_gives_its_figures_with_their_cells_and_boxes(
    table_doc: Document,
) -> None:
    values = sorted(a.value_krw for a in table_doc.amounts)
    assert values == [21_500_000_000, 43_000_000_000, 82_000_000_000, 125_000_000_000]
    first = next(a for a in table_doc.amounts if a.value_krw == 125_000_000_000)
    assert first.bbox is not None
    x0, top, x1, bottom = first.bbox
    assert COL_X[1] - 4 <= x0 < x1 <= COL_X[2] + 4
    assert ROW_Y[1] - 4 <= top < bottom <= ROW_Y[2] + 4
