"""Settings of the PDF reader, as data: pdfplumber tolerances and warning thresholds."""

from __future__ import annotations

from typing import Any, Final

# Body text: pdfplumber's defaults keep Korean spacing exact on PDFs that carry space
# glyphs (facts.md); a size-relative tolerance here would glue words of PDFs that
# position words without spaces.
TEXT_SETTINGS: Final[dict[str, Any]] = {"x_tolerance": 3, "y_tolerance": 3}

# Table cells: justified cell text is spread out (``해 외 기 술 에``); a tolerance of
# 0.8 x the font size joins it again (0.7-1.0 measured right, facts.md).
CELL_TEXT_SETTINGS: Final[dict[str, Any]] = {"x_tolerance_ratio": 0.8, "y_tolerance": 3}

# Tables are found from ruling lines only: text-aligned "tables" found in body text are
# mostly false (bullets and indents line up too).
TABLE_SETTINGS: Final[dict[str, Any]] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
MIN_TABLE_ROWS: Final = 2
MIN_TABLE_COLS: Final = 2

# Characters drawn twice at (almost) the same place: fake bold. Tolerance in points.
DEDUPE_TOLERANCE: Final = 1
# Warn about doubled characters only when they are more than a trace.
DOUBLED_MIN_CHARS: Final = 5

CID_MARK: Final = "(cid:"

# The PDF spec wants ``%%EOF`` within the last 1024 bytes; a file cut short lacks it.
EOF_WINDOW: Final = 1024

# A "table" whose cells hold less than this share of the characters inside its ruling
# is a frame or a box drawn around text: the text is read as text instead.
TABLE_MIN_COVERAGE: Final = 0.8

# Glyphs mapped to control characters: Hancom PDFs draw word spaces as U+0007.
CONTROL_GLYPHS_MIN: Final = 1

# pdfminer layout analysis, used only for the reading order of text boxes (columns);
# the text of each box is still joined by pdfplumber's tolerances.
LAPARAMS: Final[dict[str, Any]] = {}

# A page with fewer visible characters than this over images covering at least this
# share of it is a scan with a stamped page number or header: it needs OCR.
OCR_MAX_CHARS: Final = 40
OCR_MIN_IMAGE_SHARE: Final = 0.5
