"""Old binary HWP 5 (``.hwp``, an OLE compound file) through syhwp (MIT), if installed.

syhwp is optional (``pip install 'gongmun[hwp]'``): without it, or when it cannot read
a file, the error says how to convert the document to a format gongmun reads.
"""

from __future__ import annotations

from typing import Any, Final

from gongmun.doc.tables import Cell, Table, place
from gongmun.errors import InputError
from gongmun.readers.model import RawInput
from gongmun.readers.pdf import clean_cell

MEDIA_TYPE: Final = "application/x-hwp"
CONVERT_ADVICE: Final = (
    "convert it to HWPX or PDF first (Hancom Office: Save As .hwpx; or LibreOffice with "
    "the H2Orestart extension: soffice --headless --convert-to pdf FILE.hwp)"
)


def read_hwp(data: bytes, path: str, sha256: str) -> RawInput:
    """Read an HWP 5 file's bytes with syhwp; raise :class:`InputError` if it cannot."""
    try:
        import syhwp
    except ImportError as e:
        raise InputError(
            path,
            "old binary HWP needs the optional reader: pip install 'gongmun[hwp]', or "
            + CONVERT_ADVICE,
            "hwp_unsupported",
        ) from e
    del data  # syhwp reads the file itself; its size was checked by the caller
    try:
        doc = syhwp.open(path)
    except syhwp.EncryptedDocumentError as e:
        raise InputError(path, "HWP document is password-protected", "encrypted_hwp") from e
    except Exception as e:
        raise InputError(
            path,
            f"HWP document cannot be read ({type(e).__name__}: {e}); " + CONVERT_ADVICE,
            "broken_hwp",
        ) from e
    return _assemble(doc, path, sha256)


def _table(table: Any) -> Table:
    """syhwp's table as cells (its cells carry row, col and maybe spans), first row the header."""
    cells = []
    for cell in table.cells:
        if 0 <= cell.row < table.n_rows and 0 <= cell.col < table.n_cols:
            rs = max(1, int(getattr(cell, "rowspan", 1) or 1))
            cs = max(1, int(getattr(cell, "colspan", 1) or 1))
            text = clean_cell(cell.text) or ""
            cells.append(Cell(cell.row, cell.col, text, rs, cs, header=cell.row == 0))
    return Table(tuple(cells), table.n_rows, table.n_cols, header_rows=1, source="hwp")


def _assemble(doc: Any, path: str, sha256: str) -> RawInput:
    parts: list[str] = []
    tables: list[Table] = []
    offset = 0
    for block in doc.blocks:
        if offset:
            parts.append("\n")
            offset += 1
        if hasattr(block, "cells"):
            piece, table = place(_table(block), offset)
            tables.append(table)
        else:
            piece = str(block.text)
        parts.append(piece)
        offset += len(piece)
    text = "".join(parts)
    if not text.strip():
        raise InputError(path, "HWP document has no text", "no_text")
    return RawInput(text, path, sha256, MEDIA_TYPE, tables=tuple(tables))
