"""Scanned PDFs and images read by OCR (tesseract ``kor``), and a clear error without it.

OCR costs seconds a page, so one module fixture OCRs the shared scans once (three pages)
and the tests look at its output.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from gongmun.cli import main
from gongmun.readers import ocr

SCANNED = Path("/work/shared/ocr/scanned")
GOLD = Path("/work/shared/gold/seeds")


@pytest.fixture(scope="module")
def ocr_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    if not SCANNED.is_dir():
        pytest.skip("the shared scans are not on this machine")
    tmp = tmp_path_factory.mktemp("ocr")
    # An image file: the top of the first scanned page, cropped so OCR stays cheap.
    from PIL import Image

    png = ocr.render_pdf_page((SCANNED / _named("imageonly")).read_bytes(), 0, "scan")
    with Image.open(io.BytesIO(png)) as page:
        page.crop((0, 0, page.width, page.height // 5)).save(tmp / "top.png")
    out = tmp / "out.jsonl"
    paths = [
        str(SCANNED / _named("imageonly")),
        str(SCANNED / _named("mixed")),
        str(tmp / "top.png"),
    ]
    assert main(["extract", *paths, "--ocr", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    return {Path(r["source"]["path"]).name: r for r in records}


def _named(part: str) -> str:
    [name] = [p.name for p in SCANNED.glob(f"*{part}*.pdf")]
    return name


def _gold_values() -> list[int]:
    [gold] = GOLD.glob("000_*.json")
    return sorted(a["value_krw"] for a in json.loads(gold.read_text("utf-8"))["amounts"])


def test_image_only_pdf_gives_the_first_seed_amounts(ocr_run: dict[str, dict[str, Any]]) -> None:
    doc = ocr_run[_named("imageonly")]
    assert sorted(a["value_krw"] for a in doc["amounts"]) == _gold_values()
    assert doc["source"]["ocr_pages"] == [1, 2]
    assert doc["source"]["ocr_engine"].startswith("tesseract ")
    for a in doc["amounts"]:
        assert a["page"] in (1, 2)
        x0, top, x1, bottom = a["bbox"]
        assert 0 <= x0 < x1 <= 612
        assert 0 <= top < bottom <= 842


def test_mixed_pdf_ocrs_only_the_page_without_text(ocr_run: dict[str, dict[str, Any]]) -> None:
    doc = ocr_run[_named("mixed")]
    assert doc["source"]["ocr_pages"] == [2]
    assert sorted(a["value_krw"] for a in doc["amounts"]) == _gold_values()
    assert "ocr_pages" in [w["code"] for w in doc["warnings"]]
    # Page 1's text layer gives its records the boxes of their words too.
    assert any(a["bbox"] is not None for a in doc["amounts"] if a["page"] == 1)


def test_an_image_is_read_by_ocr(ocr_run: dict[str, dict[str, Any]]) -> None:
    doc = ocr_run["top.png"]
    assert doc["source"]["media_type"] == "image/png"
    assert 60_000_000_000 in [a["value_krw"] for a in doc["amounts"]]


def test_without_tesseract_ocr_is_one_clear_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("L", (200, 280), 255).save(scan, format="PDF")
    text = tmp_path / "memo.txt"
    text.write_text("총 600억원 지원", encoding="utf-8")
    monkeypatch.setattr(ocr, "engine", lambda: None)
    out = tmp_path / "out.jsonl"
    # In this process (-j 1, no time limit), where the monkeypatch holds.
    one = ["-j", "1", "--timeout", "0"]
    assert main(["extract", str(scan), str(text), "--ocr", *one, "-o", str(out)]) == 1
    failure, doc = (json.loads(line) for line in out.read_text("utf-8").splitlines())
    assert failure["error"] == "ocr_unavailable"
    assert "apt-get install tesseract-ocr tesseract-ocr-kor" in failure["message"]
    assert [a["value_krw"] for a in doc["amounts"]] == [60_000_000_000]
    assert main(["extract", str(scan), "--ocr", "never", *one, "-o", str(out)]) == 1
    assert json.loads(out.read_text("utf-8"))["error"] == "no_text"
