"""Build small HWPX files for tests, fixtures and benchmarks: paragraphs, tables, the zip.

One place for the markup every HWPX maker here writes, so a change to what the reader
expects (a namespace, the cell address form) is made once::

    section(para("□ 2026년 예산") + tbl([[tc(0, 0, "사업명"), tc(0, 1, "2026년")]]))
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

NS = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="x"'
MIMETYPE = "application/hwp+zip"
# A fixed date makes a generated fixture byte-identical from run to run.
FIXED_DATE = (2025, 1, 1, 0, 0, 0)


def section(body: str) -> str:
    """A section XML document holding ``body`` (paragraphs and tables)."""
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{body}</hs:sec>'


def para(text: str) -> str:
    """One paragraph of one run holding ``text`` (markup, so escape text that needs it)."""
    return f"<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>"


def tc(row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> str:
    """A table cell at ``row``/``col`` holding one paragraph, with its spans."""
    return (
        f"<hp:tc><hp:subList>{para(text)}</hp:subList>"
        f'<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
        f'<hp:cellSpan colSpan="{colspan}" rowSpan="{rowspan}"/></hp:tc>'
    )


def tbl(rows: list[list[str]], caption: str = "") -> str:
    """A paragraph holding a table of ``rows`` (lists of :func:`tc` cells), captioned on top."""
    trs = "".join("<hp:tr>" + "".join(r) + "</hp:tr>" for r in rows)
    cap = (
        f'<hp:caption side="TOP"><hp:subList>{para(caption)}</hp:subList></hp:caption>'
        if caption
        else ""
    )
    return f"<hp:p><hp:run><hp:tbl>{cap}{trs}</hp:tbl></hp:run></hp:p>"


def hwpx_bytes(
    members: dict[str, str | bytes], *, fixed: bool = False, compresslevel: int | None = None
) -> bytes:
    """A zip of ``mimetype`` then ``members`` (name -> data), deflated.

    ``fixed`` writes every member stored with :data:`FIXED_DATE`, as the committed
    fixtures were made, so regenerating them gives the same bytes.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as z:
        for name, data in {"mimetype": MIMETYPE, **members}.items():
            z.writestr(zipfile.ZipInfo(name, FIXED_DATE) if fixed else name, data)
    return out.getvalue()


def write_hwpx(
    path: Path,
    members: dict[str, str | bytes],
    *,
    fixed: bool = False,
    compresslevel: int | None = None,
) -> Path:
    """Write :func:`hwpx_bytes` of ``members`` to ``path`` and return it."""
    path.write_bytes(hwpx_bytes(members, fixed=fixed, compresslevel=compresslevel))
    return path


def one_section(body: str, *, fixed: bool = False) -> bytes:
    """An HWPX whose only section holds ``body``."""
    return hwpx_bytes({"Contents/section0.xml": section(body)}, fixed=fixed)
