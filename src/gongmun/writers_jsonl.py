"""JSON Lines output: whole lines only, one writer per file, errors as one clear line.

A record is one ``os.write`` of its full line with Ctrl-C and SIGTERM held back, and a
write that fails (a full disk, ``/dev/full``) is cut back to the end of the line before,
so the file holds only whole records whatever happens; a torn last line (a power cut,
``kill -9``) is what ``--resume`` removes. The file is locked (``flock``) while a run
writes it, so a second run on the same output says so and stops instead of mixing its
lines in. Opening never truncates before the lock is held, and never empties a file
that holds someone else's data: only a file that is empty or starts with a gongmun
record is overwritten.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; one writer is the user's to ensure
    fcntl = None  # type: ignore[assignment]

# Signals held back while a line is written, so that it is written whole.
_HELD: Final = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

# How gongmun's records begin (the models' first fields: a document, or a failure).
RECORD_STARTS: Final = (b'{"schema_version":', b'{"path":')


def starts_as_record(raw: bytes) -> bool:
    """True for the start of one of gongmun's records, cut anywhere (or a whole one)."""
    return any(raw.startswith(s) or s.startswith(raw) for s in RECORD_STARTS)


class OutputError(Exception):
    """The output cannot be written; ``str()`` is ``"{path}: {problem}"``."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def describe(e: OSError) -> str:
    """The problem of an OS error in a few words (``No space left on device``)."""
    return e.strerror or str(e)


def describe_path(e: OSError, path: str | Path) -> str:
    """Like :func:`describe`, naming the file in the way when a folder of ``path`` is a
    file (``/dev/full/out.jsonl``: ``/dev/full is not a folder``, not ``File exists``)."""
    if isinstance(e, FileExistsError | NotADirectoryError):
        for parent in Path(path).absolute().parents:
            if parent.exists():
                if not parent.is_dir():
                    return f"{parent} is not a folder"
                break
    return describe(e)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the block ends (main thread, POSIX)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    except (OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def lock(fd: int, path: str) -> None:
    """Take the writer's lock on ``fd``, or raise :class:`OutputError` if a run holds it."""
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as e:
        raise OutputError(path, "another gongmun run is writing it; wait for it to end") from e
    except OSError:
        return  # a file system without locks (some network mounts): go on unlocked


def open_locked(path: str) -> int:
    """Open ``path`` read-write (created 0644 if missing, never truncated) and lock it."""
    try:
        Path(path).absolute().parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError as e:
        raise OutputError(path, f"cannot open for writing: {describe_path(e, path)}") from e
    try:
        lock(fd, path)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _refuse_foreign(fd: int, name: str) -> None:
    """Raise :class:`OutputError` if the regular file ``fd`` holds data gongmun did not write.

    A plain run empties its output; that is safe for a file gongmun wrote (it starts with
    a record) or an empty one, and would destroy anything else (a user's own JSON Lines,
    a mistyped ``-o`` naming a document), so that is refused and left as it was.
    """
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return
    head = os.pread(fd, 4096, 0).lstrip()
    if not head or starts_as_record(head):
        return
    raise OutputError(
        name,
        "it holds data that is not gongmun's records, so it was left as it was; "
        "give another -o, or remove the file first",
    )


class JsonlWriter:
    """Append whole lines to a locked file, or to a stream such as stdout."""

    def __init__(self, fd: int | None, name: str, stream: IO[bytes] | None = None) -> None:
        self.fd = fd
        self.name = name
        self._stream = stream

    @classmethod
    def open(cls, path: str | Path, append: bool) -> JsonlWriter:
        """Lock ``path`` and write to it; its old content is kept only if ``append``."""
        name = str(path)
        fd = open_locked(name)
        if not append:
            try:
                _refuse_foreign(fd, name)
            except BaseException:
                os.close(fd)
                raise
            try:
                os.ftruncate(fd, 0)
            except OSError as e:
                if stat.S_ISREG(os.fstat(fd).st_mode):  # a device (/dev/full) has no length
                    os.close(fd)
                    raise OutputError(name, f"cannot empty it: {describe(e)}") from e
        return cls(fd, name)

    @classmethod
    def stream(cls, stream: IO[bytes], name: str = "stdout") -> JsonlWriter:
        """Write to a binary stream such as ``sys.stdout.buffer``, flushing every line."""
        return cls(None, name, stream=stream)

    def write_line(self, line: str) -> None:
        """Write one record (a JSON text without newline) as one whole line.

        Raises :class:`OutputError` if it cannot be written, after cutting the file back
        to the lines written before; ``BrokenPipeError`` when stdout's reader has gone.
        """
        data = (line + "\n").encode("utf-8")
        if self._stream is not None:
            try:
                self._stream.write(data)
                self._stream.flush()
            except BrokenPipeError:
                raise
            except OSError as e:
                raise OutputError(self.name, f"cannot write: {describe(e)}") from e
            return
        assert self.fd is not None
        with signals_held():
            end = self._end()
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(self.fd, view) :]
            except OSError as e:
                if end is not None:
                    with contextlib.suppress(OSError):
                        os.ftruncate(self.fd, end)
                raise OutputError(self.name, f"cannot write: {describe(e)}") from e

    def _end(self) -> int | None:
        assert self.fd is not None
        try:
            return os.lseek(self.fd, 0, os.SEEK_END)
        except OSError:
            return None  # a pipe or a device: nothing to cut back

    def replace_fd(self, fd: int) -> None:
        """Write to ``fd`` (the file after a rewrite) from now on, closing the old one."""
        if self.fd is not None and self.fd != fd:
            os.close(self.fd)
        self.fd = fd

    def close(self) -> None:
        """Close the file (and so release the lock); a stream is only flushed."""
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.flush()
            return
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
