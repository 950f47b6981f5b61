"""OCR of scanned pages and images: pypdfium2 renders, the tesseract binary reads (``kor``).

tesseract runs as a subprocess (``tesseract - page -l kor --psm 6 txt tsv``): no Python
binding to install; the text is tesseract's own, and the TSV gives every word with its
box, so records from an OCR'd page carry a bounding box. ``--psm 6`` (one uniform block
of text) was chosen by measurement: on real government pages it reads more figures right
than the default automatic segmentation, which splits table cells and bullets apart.

Cost: about 3–13 CPU-seconds a page at 300 dpi (one thread a page; tesseract's own
OpenMP threads are turned off so a worker pool of ``-j N`` uses N cores).
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from gongmun.errors import InputError

OcrMode = Literal["auto", "always", "never"]

LANGUAGE: Final = "kor"
PSM: Final = 6
DPI: Final = 300
# A page tesseract has not read in this many seconds is given up (a worker's timeout, if
# any, is the outer bound).
PAGE_TIMEOUT_S: Final = 300
INSTALL_HINT: Final = (
    "install tesseract with Korean: sudo apt-get install tesseract-ocr tesseract-ocr-kor "
    "(macOS: brew install tesseract tesseract-lang)"
)
# Pixels of an image larger than this are not OCR'd (a decompression bomb, or a poster).
MAX_PIXELS: Final = 60_000_000


@dataclass(frozen=True, slots=True)
class Word:
    """One word tesseract read: offsets in the page text, and its box.

    The box is ``(x0, top, x1, bottom)`` in PDF points for a PDF page, in pixels for an
    image.
    """

    start: int
    end: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The text of one OCR'd page with its words."""

    text: str
    words: tuple[Word, ...]


class OcrUnavailable(InputError):
    """tesseract (or its Korean data) is not installed."""


def normalize_mode(ocr: bool | str | None) -> OcrMode:
    """``True`` → ``always``, ``False`` → ``never``, ``None`` → ``auto``; strings as given.

    >>> normalize_mode(True), normalize_mode(None), normalize_mode("never")
    ('always', 'auto', 'never')
    """
    if ocr is True:
        return "always"
    if ocr is False:
        return "never"
    if ocr is None or ocr == "auto":
        return "auto"
    if ocr in ("always", "never"):
        return "always" if ocr == "always" else "never"
    raise ValueError(f"ocr must be True, False, 'auto', 'always' or 'never', not {ocr!r}")


@functools.cache
def engine() -> str | None:
    """``tesseract 5.3.0 kor psm 6``, or None when tesseract or its ``kor`` data is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        version = subprocess.run(
            [exe, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
        langs = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in langs.stdout.split():
        return None
    first = (version.stdout or version.stderr).strip().splitlines()
    name = first[0].strip() if first else "tesseract"
    return f"{name} {LANGUAGE} psm {PSM}"


def require_engine(path: str) -> str:
    """The engine's name, or :class:`OcrUnavailable` naming ``path`` and the install command."""
    name = engine()
    if name is None:
        raise OcrUnavailable(
            path,
            f"needs OCR, but tesseract with Korean (kor) is not installed: {INSTALL_HINT}",
            "ocr_unavailable",
        )
    return name


def ocr_png(png: bytes, path: str, scale: float = 1.0) -> OcrPage:
    """Read one page image (PNG bytes); word boxes are divided by ``scale`` (pixels per unit).

    tesseract writes its text (``txt``, spaced as it reads Korean) and its words (``tsv``)
    in one run; each TSV word is then found in the text, in order, for its offsets.
    """
    import tempfile

    exe = shutil.which("tesseract") or "tesseract"
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="gongmun-ocr-") as tmp:
        base = Path(tmp) / "page"
        try:
            done = subprocess.run(
                [exe, "-", str(base), "-l", LANGUAGE, "--psm", str(PSM), "txt", "tsv"],
                input=png,
                capture_output=True,
                timeout=PAGE_TIMEOUT_S,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired as e:
            raise InputError(
                path, f"OCR of a page took over {PAGE_TIMEOUT_S}s and was stopped", "ocr_failed"
            ) from e
        except OSError as e:
            raise OcrUnavailable(
                path, f"cannot run tesseract ({e}): {INSTALL_HINT}", "ocr_unavailable"
            ) from e
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise InputError(
                path, f"tesseract failed: {detail[-1] if detail else done.returncode}", "ocr_failed"
            )
        text = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        tsv = base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
    # tesseract ends a page with a form feed; the reader joins pages itself.
    text = text.replace("\f", "").rstrip()
    return OcrPage(text, align_words(text, parse_tsv(tsv, scale)))


def parse_tsv(tsv: str, scale: float = 1.0) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The words of tesseract's TSV with their boxes divided by ``scale``, in reading order.

    >>> head = "level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\t"
    >>> head += "left\\ttop\\twidth\\theight\\tconf\\ttext\\n"
    >>> row = "5\\t1\\t1\\t1\\t1\\t2\\t50\\t20\\t60\\t10\\t91\\t600억원"
    >>> parse_tsv(head + row, scale=2.0)
    [('600억원', (25.0, 10.0, 55.0, 15.0))]
    """
    out: list[tuple[str, tuple[float, float, float, float]]] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, width, height = (float(c) for c in cols[6:10])
        except ValueError:
            continue
        box = (
            round(left / scale, 2),
            round(top / scale, 2),
            round((left + width) / scale, 2),
            round((top + height) / scale, 2),
        )
        out.append((cols[11].strip(), box))
    return out


def align_words(
    text: str, words: list[tuple[str, tuple[float, float, float, float]]]
) -> tuple[Word, ...]:
    """Offsets of each word in ``text``, found in order; a word not found is skipped.

    >>> align_words("총 600억원\\n지원", [("총", (0, 0, 1, 1)), ("600억원", (2, 0, 5, 1))])
    (Word(start=0, end=1, box=(0, 0, 1, 1)), Word(start=2, end=7, box=(2, 0, 5, 1)))
    """
    out: list[Word] = []
    pos = 0
    for word, box in words:
        # Look only a little ahead: a word tesseract left out of its text must not make the
        # search run over the rest of the page (linear time overall).
        at = text.find(word, pos, pos + len(word) + 200)
        if at < 0:
            continue
        out.append(Word(at, at + len(word), box))
        pos = at + len(word)
    return tuple(out)


def render_pdf_page(data: bytes, index: int, path: str) -> bytes:
    """PNG bytes of page ``index`` (0-based) at :data:`DPI`, grey."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception as e:  # pdfium raises its own error types
        raise InputError(path, f"PDF cannot be rendered for OCR: {e}", "broken_pdf") from e
    try:
        page = pdf[index]
        bitmap = page.render(scale=DPI / 72, grayscale=True)
        image = bitmap.to_pil()
        return _png(image)
    finally:
        pdf.close()


def image_png(data: bytes, path: str, what: str = "image") -> tuple[bytes, int]:
    """An image file as PNG bytes for tesseract, and its number of frames read (TIFF: 1st)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise InputError(
                    path,
                    f"image of {image.width}x{image.height} pixels is over the OCR limit",
                    "too_large",
                )
            frames = getattr(image, "n_frames", 1)
            return _png(image.convert("L")), frames
    except UnidentifiedImageError as e:
        # PIL's message names a BytesIO's address: not stable, not useful.
        raise InputError(path, f"{what} that cannot be opened", "unsupported_format") from e
    except (OSError, ValueError) as e:
        raise InputError(path, f"{what} that cannot be opened: {e}", "unsupported_format") from e


def _png(image: Any) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


__all__ = [
    "DPI",
    "INSTALL_HINT",
    "PSM",
    "OcrMode",
    "OcrPage",
    "OcrUnavailable",
    "Word",
    "align_words",
    "engine",
    "image_png",
    "normalize_mode",
    "ocr_png",
    "parse_tsv",
    "render_pdf_page",
    "require_engine",
]
