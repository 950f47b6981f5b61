"""File names as records and messages can carry them: never a lone surrogate, never a
control character that forges a line.

On POSIX a file name is bytes. Python decodes names that are not UTF-8 (``b"b\\xff.txt"``,
a CP949-encoded name) with lone surrogates (``"b\\udcff.txt"``), which JSON cannot hold.
A record shows such a name as escaped text (``b\\xff.txt``) and keeps the exact bytes in
``path_bytes`` (base64), from which :func:`original_path` gives the name back.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from typing import Final

_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
# Controls (C0, DEL, C1) and the Unicode line and paragraph separators: a name holding
# one would start a new line, or move the cursor, in a terminal.
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def has_surrogates(text: str) -> bool:
    """True if ``text`` holds a lone surrogate (it cannot be written as UTF-8).

    >>> has_surrogates("b\\udcff.txt"), has_surrogates("보도자료.hwp")
    (True, False)
    """
    return _SURROGATE.search(text) is not None


def escape_surrogates(text: str) -> str:
    """``text`` with every lone surrogate written as an escape (``\\xff``, ``\\udc80``).

    Surrogates that stand for undecodable bytes (``surrogateescape``, as in file names)
    become ``\\xNN`` for the byte; any other one becomes its ``\\uXXXX`` escape.

    >>> escape_surrogates("b\\udcff.txt")
    'b\\\\xff.txt'
    >>> escape_surrogates("보도자료.hwp")
    '보도자료.hwp'
    """
    if not has_surrogates(text):
        return text
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return data.decode("utf-8", "backslashreplace")


def path_bytes(path: str) -> str | None:
    """base64 of the exact bytes of a file name that is not valid UTF-8, else None.

    >>> path_bytes("b\\udcff.txt"), path_bytes("a.txt")
    ('Yv8udHh0', None)
    """
    if not has_surrogates(path):
        return None
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogatepass")
    return base64.b64encode(raw).decode("ascii")


def original_path(path: str, encoded: str | None) -> str:
    """The name to open again: ``path`` itself, or the name ``path_bytes`` holds.

    >>> original_path("b\\\\xff.txt", "Yv8udHh0") == "b\\udcff.txt"
    True
    """
    if not encoded:
        return path
    try:
        return os.fsdecode(base64.b64decode(encoded, validate=True))
    except (binascii.Error, ValueError):
        return path


def record_key(path: str) -> tuple[str, str | None]:
    """How a record names a file: (``path`` as shown, ``path_bytes``); for matching."""
    return escape_surrogates(path), path_bytes(path)


def shown(path: str) -> str:
    """A file name safe on one line of a terminal: surrogates and controls escaped.

    >>> print(shown("a\\nb.txt"), shown("b\\udcff.txt"))
    a\\nb.txt b\\xff.txt
    """
    text = escape_surrogates(path)
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
