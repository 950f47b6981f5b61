"""Which reader a file needs: its first bytes decide, never the extension alone.

The extension lies too often (``.hwpx`` that is an HWP 5 file as published, ``.hwp``
saved as HWPX, ``.pdf`` that is an HTML page from a download), so the bytes decide
(OLE, zip, ``%PDF``, HWP 3, HTML, text) and an extension that says otherwise is a
warning (:func:`mismatch_warning`), not a failure.
"""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["pdf", "zip", "ole", "hwp3", "html", "text", "other"]

# Formats gongmun does not read, named so the error can say what the file is.
FOREIGN_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"{\\rtf", "an RTF document"),
)

ZIP_MAGIC: Final = b"PK\x03\x04"
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# HWP 3 (Hangul 97 and older) is not OLE: it opens with its signature and version.
HWP3_MAGIC: Final = b"HWP Document File V"
# The PDF header may follow a little junk; readers accept it within the first KB.
PDF_HEADER_WINDOW: Final = 1024

HTML_EXTENSIONS: Final = frozenset({".html", ".htm", ".xhtml", ".mhtml"})
HTML_OPENINGS: Final = ("<!doctype html", "<html", "<head", "<meta", "<body")


def sniff(head: bytes, suffix: str) -> tuple[Kind, str]:
    """Kind of a file from its first bytes and extension, with a description for errors.

    >>> sniff(b"%PDF-1.7\\n", ".bin")
    ('pdf', 'PDF')
    >>> sniff(b"<!DOCTYPE html><html>", ".txt")[0]
    'html'
    >>> sniff("□ 600억원".encode(), ".txt")[0]
    'text'
    """
    if b"%PDF-" in head[:PDF_HEADER_WINDOW]:
        return "pdf", "PDF"
    if head.startswith(ZIP_MAGIC):
        return "zip", "zip archive"
    if head.startswith(OLE_MAGIC):
        return "ole", "OLE compound file"
    if head.startswith(HWP3_MAGIC):
        return "hwp3", "HWP 3 document"
    for magic, what in FOREIGN_MAGIC:
        if head.startswith(magic):
            return "other", what
    if suffix.lower() in HTML_EXTENSIONS or _looks_like_html(head):
        return "html", "HTML"
    return "text", "text"


def _looks_like_html(head: bytes) -> bool:
    start = head[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return any(start.startswith(o.encode()) for o in HTML_OPENINGS)


# What each extension promises, by kind; an extension not listed promises nothing.
EXTENSION_KINDS: Final[dict[str, frozenset[str]]] = {
    ".pdf": frozenset({"pdf"}),
    ".hwpx": frozenset({"zip"}),
    ".hwp": frozenset({"ole", "hwp3"}),
    ".html": frozenset({"html"}),
    ".htm": frozenset({"html"}),
    ".xhtml": frozenset({"html"}),
    ".txt": frozenset({"text", "html"}),
    ".text": frozenset({"text", "html"}),
    ".md": frozenset({"text", "html"}),
}
KIND_NAMES: Final[dict[str, str]] = {
    "pdf": "a PDF",
    "zip": "a zip archive (HWPX)",
    "ole": "an HWP 5 (OLE) file",
    "hwp3": "an HWP 3 file",
    "html": "HTML",
    "text": "plain text",
}


def mismatch_warning(kind: Kind, suffix: str) -> tuple[str, str] | None:
    """A ``format_mismatch`` warning when the extension promises another format.

    >>> mismatch_warning("ole", ".hwpx")
    ('format_mismatch', 'named .hwpx but holds an HWP 5 (OLE) file: read as what it holds')
    >>> mismatch_warning("pdf", ".pdf") is None
    True
    """
    promised = EXTENSION_KINDS.get(suffix.lower())
    if promised is None or kind in promised or kind not in KIND_NAMES:
        return None
    return (
        "format_mismatch",
        f"named {suffix} but holds {KIND_NAMES[kind]}: read as what it holds",
    )
