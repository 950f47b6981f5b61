"""Reading an input file's bytes: regular files only, never more than the limit.

A FIFO blocks a reader forever and ``/dev/zero`` never ends, so the file is opened
without blocking, checked to be a regular file on the open descriptor (no race with a
rename), and read up to one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1 << 20


class NotARegularFile(OSError):
    """The path is a FIFO, device, socket...: ``what`` says which."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class FileTooLarge(OSError):
    """The file holds more than the limit; ``size`` is what was seen of it."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def describe_mode(mode: int) -> str:
    """What kind of file a ``st_mode`` is, for messages.

    >>> describe_mode(stat.S_IFIFO)
    'a FIFO (named pipe)'
    """
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def is_regular_file(path: str | os.PathLike[str]) -> bool:
    """True for a regular file (or a link to one); False for FIFOs, devices, missing files.

    >>> is_regular_file("/dev/zero"), is_regular_file(__file__)
    (False, True)
    """
    try:
        return stat.S_ISREG(Path(path).stat().st_mode)
    except OSError:
        return False


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises :class:`FileNotFoundError`, :class:`IsADirectoryError`,
    :class:`NotARegularFile`, :class:`FileTooLarge` or another :class:`OSError`.
    """
    _check(Path(path).stat(), path, limit)  # refuse before opening (a FIFO would block)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        _check(os.fstat(fd), path, limit)  # the file opened, not a swapped-in one
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - total) or 1):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while being read
                raise FileTooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _check(st: os.stat_result, path: str | os.PathLike[str], limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFile(describe_mode(st.st_mode))
    if st.st_size > limit:
        raise FileTooLarge(st.st_size)
