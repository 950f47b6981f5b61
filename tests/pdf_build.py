"""Build small PDFs for tests: hostile ones object by object with a correct xref, and Korean
text ones drawn with reportlab (:func:`korean_canvas`)."""

from __future__ import annotations

import zlib
from typing import Any

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF of ``objects`` (number -> body without ``obj``/``endobj``)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", length: bytes | None = None) -> bytes:
    """A stream object's body; ``length`` overrides ``/Length`` (e.g. ``b"9 0 R"``)."""
    n = length if length is not None else b"%d" % len(data)
    return b"<< /Length " + n + b" " + extra + b" >>\nstream\n" + data + b"\nendstream"


def flate(data: bytes, extra: bytes = b"") -> bytes:
    """A Flate-compressed stream of ``data``."""
    packed = zlib.compress(data, 9)
    return stream(packed, b"/Filter /FlateDecode " + extra)


def text_page(
    contents: bytes = b"4 0 R", resources: bytes = b"<< /Font << /F1 5 0 R >> >>"
) -> bytes:
    """A page object (number 3 by convention) under pages object 2."""
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "
        + contents
        + b" /Resources "
        + resources
        + b" >>"
    )


def simple(contents: bytes = b"BT /F1 12 Tf 72 720 Td (600 won) Tj ET") -> dict[int, bytes]:
    """Objects of a one-page PDF: 1 catalog, 2 pages, 3 page, 4 contents, 5 font."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: text_page(),
        4: stream(contents),
        5: FONT,
    }


CID_FONT = "HYSMyeongJo-Medium"


def korean_canvas(out: object, size: float = 10, **kw: object) -> Any:
    """A reportlab canvas writing to ``out`` (a path or a binary stream) in a Korean CID font.

    The font is one of reportlab's built-in Asian CID fonts, named and not embedded, so
    no font file is needed; ``invariant`` keeps the output the same from run to run.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    c = canvas.Canvas(out, invariant=True, **kw)
    c.setFont(CID_FONT, size)
    return c
