"""pdfminer's complaints about a damaged PDF, as one warning on the document.

pdfminer logs what it works around (an xref entry it cannot parse, a font without its
box, an inline image it cannot draw) and reads on. With no logging set up, Python's
last-resort handler printed those lines on stderr, among gongmun's own messages and
unattached to any document. Here they are collected while one PDF is read and become
a ``pdf_damaged`` warning on that document's record, where an analyst sees that the
text came from a file that needed repair. Handlers the user set up still get them.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

# Distinct messages kept per document: enough to say what was wrong, bounded whatever
# the file does (a broken file can log once per object).
_KEEP: Final = 3
_SHOWN_CHARS: Final = 160


@dataclass(slots=True)
class Complaints:
    """What pdfminer logged while one PDF was read."""

    count: int = 0
    distinct: list[str] = field(default_factory=list)

    def warning(self) -> tuple[str, str] | None:
        """The document's ``pdf_damaged`` warning, None if nothing was logged.

        >>> code, message = Complaints(2, ["Not adding object 8 to xref"]).warning()
        >>> message
        'pdfminer worked around damage in the file (2 messages): Not adding object 8 to xref'
        """
        if not self.count:
            return None
        shown = "; ".join(m[:_SHOWN_CHARS] for m in self.distinct)
        plural = "message" if self.count == 1 else "messages"
        return (
            "pdf_damaged",
            f"pdfminer worked around damage in the file ({self.count} {plural}): {shown}",
        )


_CURRENT: contextvars.ContextVar[Complaints | None] = contextvars.ContextVar(
    "gongmun_pdf_complaints", default=None
)


class _Collector(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        found = _CURRENT.get()
        if found is None:
            return
        found.count += 1
        if len(found.distinct) < _KEEP:
            try:
                message = record.getMessage()
            except Exception:  # a bad format string in the library: keep the template
                message = str(record.msg)
            if message not in found.distinct:
                found.distinct.append(message)


_HANDLER: Final = _Collector(logging.WARNING)


@contextlib.contextmanager
def collected() -> Iterator[Complaints]:
    """Collect pdfminer's warnings logged in this context (this thread) while it is open."""
    logger = logging.getLogger("pdfminer")
    if _HANDLER not in logger.handlers:
        # Present, it also keeps the last-resort handler from printing them on stderr.
        logger.addHandler(_HANDLER)
    found = Complaints()
    token = _CURRENT.set(found)
    try:
        yield found
    finally:
        _CURRENT.reset(token)
