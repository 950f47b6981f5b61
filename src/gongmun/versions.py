"""Versions a record carries: gongmun's own and the library that read its file.

A record names what made it, so that two runs' outputs can be told apart and a bug
report says which reader was at work.
"""

from __future__ import annotations

from functools import cache
from typing import Final

VERSION: Final = "0.1.0"

# media type → the distribution that parses that format (None: gongmun's own reader).
READER_LIBRARIES: Final[dict[str, str | None]] = {
    "application/pdf": "pdfplumber",
    # HWP 5: gongmun's own record reader inside olefile's compound file (syhwp, tried
    # first, is no longer used).
    "application/x-hwp": "olefile",
    "application/hwp+zip": None,
    "text/html": None,
    "text/plain": None,
}


@cache
def reader_version(media_type: str) -> str:
    """``"pdfplumber 0.11.4"`` for a PDF, ``"gongmun 0.1.0"`` where gongmun reads itself.

    >>> reader_version("text/plain") == f"gongmun {VERSION}"
    True
    """
    dist = READER_LIBRARIES.get(media_type)
    if dist is None:
        return f"gongmun {VERSION}"
    from importlib import metadata  # ~0.05 s to import: not at start-up

    try:
        return f"{dist} {metadata.version(dist)}"
    except metadata.PackageNotFoundError:
        return dist
