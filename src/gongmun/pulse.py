"""Progress a document's work reports while it runs: the page OCR is reading.

OCR costs seconds a page, so a batch's progress per document stands still for minutes on
a long scan. The reader calls :func:`report` before each page; whoever runs the work
listens: a worker process of :mod:`gongmun.pool` sends each report up its pipe, and
the batch shows it in its progress line (``scan.pdf: OCR page 3/12``). Without a
listener a report costs one check.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OcrPage:
    """OCR is reading page ``page`` of the ``pages`` it has to read in ``path``."""

    path: str
    page: int
    pages: int

    def __str__(self) -> str:
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return f"{name}: OCR page {self.page}/{self.pages}"


_listener: Callable[[object], None] | None = None


def report(note: object) -> None:
    """Tell the listener, if any, how the current document's work goes (a picklable note).

    >>> seen = []
    >>> with listening(seen.append):
    ...     report(OcrPage("scan.pdf", 2, 5))
    >>> [str(n) for n in seen]
    ['scan.pdf: OCR page 2/5']
    """
    if _listener is not None:
        _listener(note)


@contextlib.contextmanager
def listening(listener: Callable[[object], None]) -> Iterator[None]:
    """Send the reports made inside the block to ``listener``."""
    global _listener
    before = _listener
    _listener = listener
    try:
        yield
    finally:
        _listener = before


def listen(listener: Callable[[object], None] | None) -> None:
    """Send every later report of this process to ``listener`` (a worker's whole life)."""
    global _listener
    _listener = listener


__all__ = ["OcrPage", "listen", "listening", "report"]
