"""OCR of scanned pages and images: pypdfium2 renders, the tesseract binary reads (``kor``).

tesseract runs as a subprocess (``tesseract - page -l kor --psm 6 txt tsv``): no Python
binding to install; the TSV gives every word with its box, so records from an OCR'd page
carry a bounding box. Before a page is read its ruling lines are found and erased
(:mod:`.ocr_rules`): tesseract reads rules as characters glued to the figures beside
them. The grids they drew become tables, their cells filled with the words inside
(:mod:`.ocr_layout`); the rest of the text is tesseract's. ``--psm 6`` (one uniform block
of text) was chosen by measurement (``benchmarks/measure_own_ocr.py``), for the page with
its tables taken out too: ``--psm 3`` (automatic) cut lines into fragments (amounts F1
0.69 → 0.65, the first seed's 1.00 → 0.57); ``--psm 4`` found more periods (F1 0.83 → 0.97)
but gave wrong figures on a two-column report page (precision 1.00 → 0.92).

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

from gongmun.doc.tables import Table
from gongmun.errors import InputError

OcrMode = Literal["auto", "always", "never"]

LANGUAGE: Final = "kor"
PSM: Final = 6
# The strip of table cells (ocr_cells) is lines of text one under another: one block.
CELL_PSM: Final = 6
DPI: Final = 300
# Blocks of a page read in one strip are this far apart (inches): tesseract joined the
# last line of one to the first of the next at the cells' 0.12.
BLOCK_GAP_IN: Final = 0.5
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
    """One word tesseract read: offsets in the page text, its box and confidence.

    The box is ``(x0, top, x1, bottom)`` in PDF points for a PDF page, in pixels for an
    image; ``conf`` is tesseract's (0–100; -1 when not given).
    """

    start: int
    end: int
    box: tuple[float, float, float, float]
    conf: float = -1.0


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The text of one OCR'd page with its words and the ruled tables found on it
    (offsets in ``text``, boxes in the words' units)."""

    text: str
    words: tuple[Word, ...]
    tables: tuple[Table, ...] = ()


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


def ocr_png(png: bytes, path: str, scale: float = 1.0, dpi: float | None = None) -> OcrPage:
    """Read one page image (PNG bytes); word boxes are divided by ``scale`` (pixels per unit).

    ``dpi`` is the image's resolution (rules are measured in inches); by default
    ``scale × 72`` for a PDF page, :data:`DPI` for an image (``scale`` 1).
    """
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        grey = np.asarray(image.convert("L"))
    return ocr_grey(grey, path, scale, dpi)


def ocr_grey(grey: Any, path: str, scale: float = 1.0, dpi: float | None = None) -> OcrPage:
    """Read one page given as a grey image (a 2-D uint8 numpy array).

    Its rules are erased; the tables they draw are blanked out of the page and their
    cells read apart, in one strip (:mod:`.ocr_cells`); the page is read without them,
    and the tables are put back in its text where they stood (:mod:`.ocr_layout`).
    """
    from gongmun.readers import ocr_cells, ocr_layout, ocr_regions
    from gongmun.readers.ocr_rules import INK_BELOW, clear_rules

    if dpi is None:
        dpi = scale * 72 if scale != 1.0 else float(DPI)
    cleared, grids = clear_rules(grey, dpi)
    found = [(ocr_cells.grid_rows(g), g) for g in grids]
    found = [(rows, g) for rows, g in found if ocr_layout.is_table(rows)]
    page = cleared
    if found:
        page = cleared.copy()
        for _, g in found:
            x0, top, x1, bottom = (round(v) for v in g.box)
            page[max(0, top) : bottom + 1, max(0, x0) : x1 + 1] = 255
    ink = page < INK_BELOW
    for _, g in found:
        # A table is part of the block it stands in.
        x0, top, x1, bottom = (round(v) for v in g.box)
        ink[max(0, top) : bottom + 1, max(0, x0) : x1 + 1] = True
    blocks = ocr_regions.columns(ink, dpi)
    if len(blocks) > 1:
        text, page_words = _read_blocks(page, blocks, path, dpi)
    else:
        blocks = []
        text, tsv = _tesseract(_pgm(page), path)
        # tesseract ends a page with a form feed; the reader joins pages itself.
        text = text.replace("\f", "").rstrip()
        page_words = ocr_layout.parse_tsv(tsv)
    tables: list[ocr_layout.CellWords] = []
    cells = [c for _, g in found for c in g.cells]
    made = ocr_cells.strip(cleared, cells, dpi) if cells else None
    if made is not None:
        image, bands = made
        strip_text, strip_tsv = _tesseract(_pgm(ocr_cells.enlarged(image)), path, CELL_PSM)
        read = ocr_cells.shrunk(ocr_layout.spaced(strip_text, ocr_layout.parse_tsv(strip_tsv)))
        held = ocr_cells.assign(read, bands, dpi)
        index = {c: k for k, c in enumerate(cells)}
        for rows, g in found:
            inside = {c: held[index[c]] for c in g.cells if index[c] in held}
            if inside:
                tables.append(ocr_layout.CellWords(rows, inside))
    rebuilt, placed, out = ocr_layout.rebuild(text, page_words, tables, scale, blocks)
    words = tuple(Word(w.start, w.end, w.box, w.conf) for w in placed)
    return OcrPage(rebuilt, words, tuple(out))


def _read_blocks(
    page: Any, blocks: list[tuple[float, float, float, float]], path: str, dpi: float
) -> tuple[str, list[Any]]:
    """The text and words of a page read block by block (its columns, :mod:`.ocr_regions`):
    the blocks stacked in one strip and read at once, each word moved back to the page."""
    from gongmun.readers import ocr_cells, ocr_layout

    made = ocr_cells.strip(page, blocks, dpi, border_in=0, gap_in=BLOCK_GAP_IN)
    if made is None:
        return "", []
    image, bands = made
    text, tsv = _tesseract(_pgm(image), path)
    held = ocr_cells.assign(ocr_layout.parse_tsv(tsv), bands, dpi, BLOCK_GAP_IN)
    # The strip holds the blocks one under another: its text reads them in order.
    return text.replace("\f", "").rstrip(), [w for k in sorted(held) for w in held[k]]


def _pgm(grey: Any) -> bytes:
    """A grey image as binary PGM: what tesseract reads fastest (no compression)."""
    height, width = grey.shape
    data: bytes = grey.tobytes()
    return f"P5\n{width} {height}\n255\n".encode("ascii") + data


def _tesseract(image: bytes, path: str, psm: int = PSM) -> tuple[str, str]:
    """tesseract's text and TSV of one page image (PGM or PNG bytes)."""
    import tempfile

    exe = shutil.which("tesseract") or "tesseract"
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="gongmun-ocr-") as tmp:
        base = Path(tmp) / "page"
        try:
            done = subprocess.run(
                [exe, "-", str(base), "-l", LANGUAGE, "--psm", str(psm), "txt", "tsv"],
                input=image,
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
    return text, tsv


def render_pdf_page(data: bytes, index: int, path: str) -> bytes:
    """PNG bytes of page ``index`` (0-based) at :data:`DPI`, grey."""
    from PIL import Image

    return _png(Image.fromarray(render_pdf_grey(data, index, path)))


def render_pdf_grey(data: bytes, index: int, path: str) -> Any:
    """Page ``index`` (0-based) at :data:`DPI` as a grey image (2-D uint8 numpy array)."""
    import numpy as np
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception as e:  # pdfium raises its own error types
        raise InputError(path, f"PDF cannot be rendered for OCR: {e}", "broken_pdf") from e
    try:
        page = pdf[index]
        bitmap = page.render(scale=DPI / 72, grayscale=True)
        return np.array(bitmap.to_pil().convert("L"))
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
    "engine",
    "image_png",
    "normalize_mode",
    "ocr_grey",
    "ocr_png",
    "render_pdf_grey",
    "render_pdf_page",
    "require_engine",
]
