"""OCR of an image-only PDF this test makes itself: runs wherever tesseract ``kor`` is (CI).

Two small pages of synthetic Korean text are drawn with a system Korean font and saved
as a PDF with no text layer (Pillow), so OCR is the only way to read them. One batch run
reads them through a worker process (a few seconds of OCR) and the tests look at it:
the amounts, their page and box, ``source``, and the per-page progress.

Without tesseract or a Korean font the tests skip, saying why; ``.ci/run`` sets
``GONGMUN_REQUIRE_OCR=1``, and there a missing piece fails them instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, NoReturn

import pytest

from gongmun.batch import Progress, extract_many
from gongmun.models import Document
from gongmun.readers import ocr

# Synthetic lines (none from any real document); one page each list.
PAGES = (
    ("□ 2026년 지역혁신 기반구축 사업 개요", "ㅇ 총사업비 1,250억원 ('26~'30)", "ㅇ 국비 820억원"),
    ("ㅇ 지방비 430억원 부담",),
)
VALUES = [43_000_000_000, 82_000_000_000, 125_000_000_000]
DPI = 300
FONT_PX = 46  # about 11 pt at 300 dpi


def _korean_font() -> str | None:
    if shutil.which("fc-match"):
        done = subprocess.run(
            ["fc-match", "-f", "%{file}", ":lang=ko"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        font = done.stdout.strip()
        if font and Path(font).is_file() and _draws_hangul(font):
            return font
    for pattern in ("**/*CJK*.tt[cf]", "**/Nanum*.ttf", "**/*Gothic*.tt[cf]"):
        for root in ("/usr/share/fonts", "/Library/Fonts", "C:/Windows/Fonts"):
            for font in sorted(Path(root).glob(pattern)) if Path(root).is_dir() else ():
                if _draws_hangul(str(font)):
                    return str(font)
    return None


def _draws_hangul(font: str) -> bool:
    from PIL import ImageFont

    try:
        face = ImageFont.truetype(font, FONT_PX)
    except OSError:
        return False
    # A font without Hangul draws every syllable as the same missing-glyph box.
    return face.getmask("가").getbbox() != face.getmask("힣").getbbox() or (
        face.getmask("가").tobytes() != face.getmask("힣").tobytes()
    )


def _missing(what: str) -> NoReturn:
    if os.environ.get("GONGMUN_REQUIRE_OCR"):
        pytest.fail(f"{what}, and GONGMUN_REQUIRE_OCR is set")
    pytest.skip(what)


def scan_font() -> str:
    """The Korean font to draw a test scan with; skips (or fails under
    GONGMUN_REQUIRE_OCR) when tesseract with Korean or such a font is missing."""
    if ocr.engine() is None:
        _missing(f"tesseract with Korean is not installed ({ocr.INSTALL_HINT})")
    font = _korean_font()
    if font is None:
        _missing("no Korean font to draw the test scan with (apt-get install fonts-noto-cjk)")
    return font


def _make_scan(path: Path, font: str) -> None:
    from PIL import Image, ImageDraw, ImageFont

    face = ImageFont.truetype(font, FONT_PX)
    images = []
    for lines in PAGES:
        image = Image.new("L", (1500, 160 + 100 * len(lines)), 255)
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(lines):
            draw.text((80, 80 + 100 * n), line, font=face, fill=0)
        images.append(image)
    images[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=images[1:])


@pytest.fixture(scope="module")
def scan_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    font = scan_font()
    assert font is not None
    path = tmp_path_factory.mktemp("scan") / "made-scan.pdf"
    _make_scan(path, font)
    seen: list[Progress] = []
    # A time limit makes the batch use a worker process, so notes cross its pipe.
    [doc] = extract_many([str(path)], jobs=1, timeout=300, on_progress=seen.append, ocr=True)
    assert isinstance(doc, Document), doc
    return {"doc": doc, "progress": seen}


def test_a_made_scan_gives_its_amounts_with_pages(scan_run: dict[str, Any]) -> None:
    doc: Document = scan_run["doc"]
    assert sorted(a.value_krw for a in doc.amounts) == VALUES
    assert {a.value_krw: a.page for a in doc.amounts} == {
        125_000_000_000: 1,
        82_000_000_000: 1,
        43_000_000_000: 2,
    }
    assert doc.source.ocr_pages == [1, 2]
    assert doc.source.ocr_engine is not None
    assert doc.source.ocr_engine.startswith("tesseract ")
    assert doc.source.ocr_engine.endswith(" kor psm 6")
    assert [(p.start, p.end) for p in doc.periods if p.start and p.end] != []


def test_a_made_scan_gives_boxes_where_the_figures_were_drawn(scan_run: dict[str, Any]) -> None:
    doc: Document = scan_run["doc"]
    points = 72 / DPI
    by_value = {a.value_krw: a for a in doc.amounts}
    for value, line in ((125_000_000_000, 1), (82_000_000_000, 2), (43_000_000_000, 0)):
        box = by_value[value].bbox
        assert box is not None, value
        x0, top, x1, bottom = box
        # Drawn at y = 80 + 100 × line pixels, FONT_PX high, right of x = 80.
        assert 80 * points - 2 <= x0 < x1 <= 1500 * points
        assert (80 + 100 * line - 10) * points <= top < bottom
        assert bottom <= (80 + 100 * line + FONT_PX + 20) * points


def test_progress_names_each_page_ocr_reads(scan_run: dict[str, Any]) -> None:
    currents = [p.current for p in scan_run["progress"] if p.current]
    assert currents == ["made-scan.pdf: OCR page 1/2", "made-scan.pdf: OCR page 2/2"]
    assert scan_run["progress"][-1].done == 1
