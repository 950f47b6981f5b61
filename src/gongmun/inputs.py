"""Which documents a batch reads: files, directories (recursive, by extension), globs, stdin.

This module only finds paths; reading them is the readers' job.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
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


OnError = Callable[[str, str], None]


def _ignore(path: str, problem: str) -> None:
    """The default ``on_error``: a folder that cannot be searched is passed over."""


def _is(path: Path, test: Callable[[Path], bool]) -> bool:
    try:
        return test(path)
    except (OSError, ValueError):  # a folder above it cannot be searched; a NUL
        return False


def walk_documents(directory: Path, on_error: OnError = _ignore) -> list[Path]:
    """Documents under ``directory`` by extension, hidden folders skipped, sorted by path.

    A folder that cannot be listed is reported to ``on_error(path, problem)`` and passed
    over; symbolic links to folders are not followed (no loops, nothing outside).
    """
    found = []

    def report(e: OSError) -> None:
        on_error(str(e.filename or directory), f"cannot search: {e.strerror or e}")

    for root, dirs, files in os.walk(directory, onerror=report):
        # Hidden folders (.git, .ipynb_checkpoints) hold copies, not documents.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            p = Path(root) / name
            if not name.startswith(".") and is_document_name(p) and _is(p, Path.is_file):
                found.append(p)
    return sorted(found, key=lambda q: q.as_posix())


def _expand_one(arg: str, on_error: OnError) -> Iterator[str]:
    if arg == STDIN:
        yield STDIN
        return
    path = Path(arg)
    if _is(path, Path.is_dir):
        yield from (str(p) for p in walk_documents(path, on_error))
    elif _GLOB_CHARS & set(arg) and not _is(path, Path.exists):
        # glob.glob, not Path.glob: the pattern may be absolute or start with ../
        for match in sorted(glob.glob(arg, recursive=True)):  # noqa: PTH207
            m = Path(match)
            if _is(m, Path.is_file):
                yield match
            elif _is(m, Path.is_dir):
                yield from (str(p) for p in walk_documents(m, on_error))
    else:
        # A missing or unreadable file is still an input: it becomes a failure record.
        yield arg


def find_documents(args: Iterable[str], on_error: OnError = _ignore) -> list[str]:
    """Expand command-line inputs into document paths, in a deterministic order.

    Directories are walked recursively for :data:`DOCUMENT_SUFFIXES` (hidden folders
    skipped) and sorted by path; globs (``seeds/*.txt``, ``**/*.pdf``) are sorted; ``-``
    stays ``-`` (stdin). A path met twice is kept once, where it first appears.
    A glob or directory that matches nothing contributes nothing; a folder that cannot
    be searched is reported to ``on_error(path, problem)`` and passed over.

    >>> find_documents(["없는파일.txt", "-"])
    ['없는파일.txt', '-']
    """
    seen: set[str] = set()
    out: list[str] = []
    for arg in args:
        for p in _expand_one(arg, on_error):
            key = p if p == STDIN else os.path.normcase(Path(p).absolute())
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out
