"""Readers: turn a file into decoded text (and pages, tables, warnings) for the pipeline.

Each reader returns a :class:`RawInput`; problems that make a file unreadable raise
:class:`~gongmun.errors.InputError` naming the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from gongmun.errors import InputError


@dataclass(frozen=True, slots=True)
class Table:
    """A table found by a reader: rows of cell texts (``None`` under merged cells)."""

    rows: tuple[tuple[str | None, ...], ...]
    page: int | None = None
    raw_start: int | None = None


@dataclass(frozen=True, slots=True)
class RawInput:
    """Decoded text of one document, with how it was read.

    ``page_starts[i]`` is the offset in ``text`` where page ``i + 1`` begins.
    """

    text: str
    path: str | None
    sha256: str
    media_type: str
    encoding: str | None = None
    page_starts: tuple[int, ...] | None = None
    tables: tuple[Table, ...] = ()
    warnings: tuple[tuple[str, str], ...] = field(default=())

    def page_of(self, offset: int) -> int | None:
        """1-based page holding raw ``offset``, or None for inputs without pages."""
        if not self.page_starts:
            return None
        page = 0
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i + 1
            else:
                break
        return page or 1


def from_text(text: str, path: str | None = None) -> RawInput:
    """Wrap text already decoded (library use, stdin) as a :class:`RawInput`."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return RawInput(text=text, path=path, sha256=digest, media_type="text/plain", encoding=None)


def read_path(path: str | Path) -> RawInput:
    """Read one file by its extension; raise :class:`InputError` naming the file if it cannot."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file", "not_found")
    if p.is_dir():
        raise InputError(str(path), "is a directory, not a document", "is_directory")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}", "unreadable") from e
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise InputError(str(path), "file is empty", "empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")
        except UnicodeDecodeError as e:
            raise InputError(str(path), "not text in UTF-8 or CP949", "undecodable") from e
        return RawInput(text, str(path), digest, "text/plain", "cp949")
    return RawInput(text, str(path), digest, "text/plain", "utf-8")
