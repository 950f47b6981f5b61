"""Which reader a file needs: magic bytes first, the extension second.

The extension alone lies too often (``.hwp`` saved as HWPX, ``.pdf`` that is an HTML
error page from a download), so the bytes decide whenever they can.
"""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["pdf", "zip", "ole", "html", "text", "other"]

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
    for magic, what in FOREIGN_MAGIC:
        if head.startswith(magic):
            return "other", what
    if suffix.lower() in HTML_EXTENSIONS or _looks_like_html(head):
        return "html", "HTML"
    return "text", "text"


def _looks_like_html(head: bytes) -> bool:
    start = head[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return any(start.startswith(o.encode()) for o in HTML_OPENINGS)
