"""A one-line progress display on a terminal's stderr (count, rate, ETA), and durations.

Small enough not to need a dependency; the library never imports it.
"""

from __future__ import annotations

import os
import time
from typing import Final, TextIO

from gongmun.batch import Progress

_COLORS: Final = {"red": "31", "yellow": "33", "green": "32"}


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, never with ``NO_COLOR`` set (no-color.org) or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def paint(text: str, color: str, stream: TextIO) -> str:
    """``text`` in ``color`` when ``stream`` takes colour (see :func:`use_color`)."""
    if not use_color(stream):
        return text
    return f"\x1b[{_COLORS[color]}m{text}\x1b[0m"


def duration(seconds: float) -> str:
    """A short human duration.

    >>> duration(4.25), duration(75), duration(3725)
    ('4.2s', '1m15s', '1h02m')
    """
    if seconds < 60:
        return f"{seconds:.1f}s"
    m, s = divmod(int(seconds), 60)
    if m < 60:
        return f"{m}m{s:02d}s"
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m"


def progress_text(p: Progress) -> str:
    """The text of the progress line.

    >>> progress_text(Progress(done=50, total=200, failed=1, bytes_done=5_000_000,
    ...                        bytes_total=20_000_000, elapsed=10.0))
    '50/200 documents, 1 failed, 5.0 docs/s, 0.50 MB/s, ETA 30.0s'
    >>> progress_text(Progress(done=0, total=2, failed=0, bytes_done=0, bytes_total=0,
    ...                        elapsed=4.0, current="scan.pdf: OCR page 3/12"))
    '0/2 documents, 0.0 docs/s, 0.00 MB/s, scan.pdf: OCR page 3/12'
    """
    parts = [f"{p.done}/{p.total} documents"]
    if p.failed:
        parts.append(f"{p.failed} failed")
    parts.append(f"{p.rate:.1f} docs/s")
    if p.elapsed > 0:
        parts.append(f"{p.bytes_done / 1e6 / p.elapsed:.2f} MB/s")
    eta = p.eta
    if eta is not None and p.done < p.total:
        parts.append(f"ETA {duration(eta)}")
    if p.current and p.done < p.total:
        parts.append(p.current)
    return ", ".join(parts)


class ProgressLine:
    """Redraws one status line in place; messages printed through it keep the line intact."""

    def __init__(self, stream: TextIO, enabled: bool, interval: float = 0.1) -> None:
        self._stream = stream
        self._enabled = enabled
        self._interval = interval
        self._last = 0.0
        self._text = ""

    def update(self, p: Progress) -> None:
        """Show ``p`` (at most every ``interval`` seconds, and always the last one)."""
        if not self._enabled:
            return
        now = time.monotonic()
        if p.done < p.total and now - self._last < self._interval:
            return
        self._last = now
        self._text = progress_text(p)
        self._stream.write("\r\x1b[K" + self._text)
        self._stream.flush()

    def message(self, text: str) -> None:
        """Print a line of its own above the progress line."""
        if self._enabled and self._text:
            self._stream.write("\r\x1b[K")
        self._stream.write(text + "\n")
        if self._enabled and self._text:
            self._stream.write(self._text)
        self._stream.flush()

    def close(self) -> None:
        """Erase the progress line."""
        if self._enabled and self._text:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
        self._text = ""
