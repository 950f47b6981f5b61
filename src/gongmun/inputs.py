"""Which documents a batch reads: files, directories (recursive, by extension), globs, stdin.

This module only finds paths; reading them is the readers' job.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

# Extensions a directory is searched for (lower case). Files named one by one are always
# taken, whatever their extension: the user asked for them.
DOCUMENT_SUFFIXES: Final[frozenset[str]] = frozenset(
    {".txt", ".text", ".md", ".pdf", ".hwpx", ".hwp", ".html", ".htm"}
)

STDIN: Final = "-"

_GLOB_CHARS: Final = frozenset("*?[")


def is_document_name(path: Path) -> bool:
    """True if a directory walk should pick ``path`` up, by its extension.

    >>> is_document_name(Path("보도자료.HWPX")), is_document_name(Path("a.expected.json"))
    (True, False)
    """
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def walk_documents(directory: Path) -> list[Path]:
    """Documents under ``directory`` by extension, hidden folders skipped, sorted by path."""
    found = []
    for p in directory.rglob("*"):
        rel = p.relative_to(directory).parts
        # Hidden folders (.git, .ipynb_checkpoints) hold copies, not documents.
        if any(part.startswith(".") for part in rel):
            continue
        if p.is_file() and is_document_name(p):
            found.append(p)
    return sorted(found, key=lambda q: q.as_posix())


def _expand_one(arg: str) -> Iterator[str]:
    if arg == STDIN:
        yield STDIN
        return
    path = Path(arg)
    if path.is_dir():
        yield from (str(p) for p in walk_documents(path))
    elif not path.exists() and _GLOB_CHARS & set(arg):
        # glob.glob, not Path.glob: the pattern may be absolute or start with ../
        for match in sorted(glob.glob(arg, recursive=True)):  # noqa: PTH207
            m = Path(match)
            if m.is_file():
                yield match
            elif m.is_dir():
                yield from (str(p) for p in walk_documents(m))
    else:
        # A missing file is still an input: it becomes a `not_found` failure record.
        yield arg


def find_documents(args: Iterable[str]) -> list[str]:
    """Expand command-line inputs into document paths, in a deterministic order.

    Directories are walked recursively for :data:`DOCUMENT_SUFFIXES` (hidden folders
    skipped) and sorted by path; globs (``seeds/*.txt``, ``**/*.pdf``) are sorted; ``-``
    stays ``-`` (stdin). A path met twice is kept once, where it first appears.
    A glob or directory that matches nothing contributes nothing.

    >>> find_documents(["없는파일.txt", "-"])
    ['없는파일.txt', '-']
    """
    seen: set[str] = set()
    out: list[str] = []
    for arg in args:
        for p in _expand_one(arg):
            key = p if p == STDIN else os.path.normcase(Path(p).absolute())
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out
