"""Readers: turn a file into decoded text (and pages, tables, warnings) for the pipeline.

``read_path`` picks the reader by the file's first bytes (:mod:`.detect`):

========  ==================================================================
PDF       :mod:`.pdf` (pdfplumber): pages joined by a blank line, ruled tables
HWPX      :mod:`.hwpx`: section XML from the zip, tables with merged cells
HWP       :mod:`.hwp`: binary HWP 5 records (olefile + zlib), tables, notes
HTML      :mod:`.html`: the article body of a saved page
text      :mod:`.text`: BOM, strict UTF-8, strict CP949, then detection
========  ==================================================================

Each reader returns a :class:`RawInput`; a file that cannot be read raises
:class:`~gongmun.errors.InputError` naming the file, with a stable ``code``:
``not_found``, ``is_directory``, ``not_a_file`` (a FIFO, device or socket), ``unreadable``,
``empty``, ``too_large``, ``binary``,
``undecodable``, ``unsupported_format``, ``encrypted_pdf``, ``broken_pdf``, ``no_text``,
``unsafe_archive``, ``unsafe_xml``, ``broken_hwpx``, ``hwp3_unsupported``,
``encrypted_hwp``, ``distribution_hwp``, ``broken_hwp``. An extension that names another
format than the bytes hold gives the warning ``format_mismatch``. Limits are in :mod:`.limits`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from gongmun import pulse
from gongmun.doc.tables import Table
from gongmun.errors import InputError
from gongmun.readers import limits
from gongmun.readers.detect import Kind, mismatch_warning, sniff
from gongmun.readers.files import FileTooLarge, NotARegularFile, read_regular_file
from gongmun.readers.model import PAGE_JOIN, RawInput, WordBox
from gongmun.readers.ocr import OcrMode

__all__ = [
    "PAGE_JOIN",
    "OcrMode",
    "RawInput",
    "Table",
    "WordBox",
    "file_bytes",
    "from_text",
    "read_bytes",
    "read_path",
]

# Image formats read by OCR: magic bytes → media type.
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


def from_text(text: str, path: str | None = None) -> RawInput:
    """Wrap text already decoded (library use, stdin) as a :class:`RawInput`.

    >>> from_text("총 600억원").media_type
    'text/plain'
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return RawInput(text=text, path=path, sha256=digest, media_type="text/plain", encoding=None)


def read_path(path: str | Path, ocr: OcrMode = "auto") -> RawInput:
    """Read one file, whatever its format; raise :class:`InputError` naming it if it cannot.

    >>> read_path("no/such/file.pdf")
    Traceback (most recent call last):
    gongmun.errors.InputError: no/such/file.pdf: no such file
    """
    return read_bytes(file_bytes(path), str(path), ocr)


def file_bytes(path: str | Path) -> bytes:
    """The bytes of one document file; raise :class:`InputError` naming it if it cannot.

    The checks of :func:`read_path` before any reading: ``not_found``, ``is_directory``,
    ``not_a_file`` (FIFOs, devices: never opened for reading),
    ``too_large`` (from the size, so a huge file is never read), ``unreadable``.
    """
    name = str(path)
    try:
        data = read_regular_file(path, limits.MAX_FILE_BYTES)
    except FileNotFoundError as e:
        raise InputError(name, "no such file", "not_found") from e
    except IsADirectoryError as e:
        raise InputError(name, "is a directory, not a document", "is_directory") from e
    except NotARegularFile as e:
        raise InputError(
            name, f"is {e.what}, not a regular file: only files are read", "not_a_file"
        ) from e
    except FileTooLarge as e:
        raise InputError(
            name,
            f"file of {e.size:,} bytes is over the limit of {limits.MAX_FILE_BYTES:,}",
            "too_large",
        ) from e
    except OSError as e:
        raise InputError(name, f"cannot read: {e.strerror or e}", "unreadable") from e
    return data


def read_bytes(data: bytes, path: str, ocr: OcrMode = "auto") -> RawInput:
    """Read a document's bytes; ``path`` names it in the result and in errors.

    >>> read_bytes("2028년까지 총 600억원".encode("cp949"), "a.txt").encoding
    'cp949'
    """
    if not data:
        raise InputError(path, "file is empty", "empty")
    if len(data) > limits.MAX_FILE_BYTES:
        raise InputError(path, f"{len(data):,} bytes is over the limit", "too_large")
    digest = hashlib.sha256(data).hexdigest()
    suffix = Path(path).suffix.lower()
    kind, what = sniff(data[: limits.SNIFF_BYTES], suffix)
    media = next((m for magic, m in _IMAGES if data.startswith(magic)), None)
    if media is not None and ocr != "never":
        return read_image(data, path, digest, media)
    if kind == "other":
        raise InputError(path, f"{what}, not a document gongmun reads", "unsupported_format")
    raw = _read_kind(kind, data, path, digest, ocr)
    warning = mismatch_warning(kind, suffix)
    if warning is None:
        return raw
    return dataclasses.replace(raw, warnings=(warning, *raw.warnings))


def _read_kind(kind: Kind, data: bytes, path: str, digest: str, ocr: OcrMode) -> RawInput:
    if kind == "pdf":
        from gongmun.readers.pdf import read_pdf

        return read_pdf(data, path, digest, ocr)
    if kind == "zip":
        from gongmun.readers.hwpx import read_hwpx

        return read_hwpx(data, path, digest)
    if kind in ("ole", "hwp3"):
        from gongmun.readers.hwp import read_hwp

        return read_hwp(data, path, digest)
    if kind == "html":
        from gongmun.readers.html import read_html

        return read_html(data, path, digest)
    from gongmun.readers.text import decode_document

    text, encoding, warnings = decode_document(data, path)
    return RawInput(text, path, digest, "text/plain", encoding, warnings=warnings)


def read_image(data: bytes, path: str, sha256: str, media_type: str) -> RawInput:
    """A scanned page given as an image (PNG, JPEG, TIFF's first frame), read by OCR."""
    from gongmun.readers import ocr

    what = {"image/png": "a PNG image", "image/jpeg": "a JPEG image"}.get(
        media_type, "a TIFF image"
    )
    png, frames = ocr.image_png(data, path, what)
    name = ocr.require_engine(path)
    pulse.report(pulse.OcrPage(path, 1, 1))
    page = ocr.ocr_png(png, path)
    warnings = [("ocr_pages", f"an image: read by OCR ({name})")]
    if frames > 1:
        warnings.append(("ocr_frames", f"only the first of {frames} frames was read"))
    return RawInput(
        text=page.text,
        path=path,
        sha256=sha256,
        media_type=media_type,
        page_starts=(0,),
        tables=tuple(dataclasses.replace(t, page=1) for t in page.tables),
        warnings=tuple(warnings),
        ocr_ranges=((0, len(page.text)),),
        ocr_pages=(1,),
        ocr_engine=name,
        words=tuple(WordBox(w.start, w.end, 1, w.box) for w in page.words),
    )
