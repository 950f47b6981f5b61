"""One worker process beside each engine thread: a document that kills it costs one row.

A Spark executor's Python worker, a Dask worker thread or a Ray task runs gongmun in a
separate process started with :mod:`subprocess` (``python -m gongmun.engines.worker``),
not as a :mod:`multiprocessing` child, so it works inside daemonic processes too (Dask
workers cannot start a multiprocessing pool unless ``distributed.worker.daemon`` is
off). The worker loads Kiwi once and is reused for every later partition the same
thread runs; it is replaced only after a crash or a time-out. Documents go over pipes
one at a time, so the parent always knows which document a death belongs to.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import IO, Final

from gongmun.engines.worker import DOC_HEADER, ROW_HEADER

# Loading Kiwi takes seconds (more on a busy machine); past this the worker is broken.
START_TIMEOUT: Final = 300.0
_READ_CHUNK: Final = 1 << 20


class WorkerStartError(RuntimeError):
    """The worker process could not start: the environment is broken, not a document."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: a row payload, or why there is none.

    ``kind`` is ``row`` (``payload`` holds the Arrow message), ``crashed`` or
    ``timeout``; ``detail`` says how the worker died.
    """

    kind: str
    payload: bytes = b""
    detail: str = ""


def _died(code: int | None) -> str:
    if code is None:
        return "the worker process stopped answering"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the worker process died ({name})"
    return f"the worker process exited with status {code}"


class Worker:
    """One ``gongmun.engines.worker`` process and its pipes."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "gongmun.engines.worker", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        assert self._proc.stdin is not None
        assert self._proc.stdout is not None
        self._in: IO[bytes] = self._proc.stdin
        self._out = self._proc.stdout.fileno()
        self._poll = select.poll()
        self._poll.register(self._out, select.POLLIN)
        ready = self._read(ROW_HEADER.size, time.monotonic() + START_TIMEOUT)
        if ready is None or ROW_HEADER.unpack(ready)[0] != 0:
            self.kill()
            raise WorkerStartError(
                f"gongmun's worker process did not start ({_died(self._proc.poll())}); "
                "see its error output above"
            )

    def _read(self, n: int, deadline: float | None) -> bytes | None:
        """``n`` bytes from the worker, or None if it ends or the deadline passes first."""
        chunks: list[bytes] = []
        left = n
        while left:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            # poll, not select: an engine's process may hold more than 1024 descriptors.
            if not self._poll.poll(None if wait is None else int(wait * 1000) + 1):
                return None
            chunk = os.read(self._out, min(left, _READ_CHUNK))
            if not chunk:
                return None
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def run(self, name: str, data: bytes, timeout: float | None) -> Outcome:
        """Send one document and wait for its row, at most ``timeout`` seconds."""
        encoded = name.encode("utf-8", "surrogateescape")
        try:
            for part in (DOC_HEADER.pack(len(encoded), len(data)), encoded, data):
                view = memoryview(part)
                while view:  # an unbuffered pipe may take a write in pieces
                    view = view[self._in.write(view) or 0 :]
        except (BrokenPipeError, OSError):
            return Outcome("crashed", detail=_died(self._wait()))
        deadline = time.monotonic() + timeout if timeout else None
        header = self._read(ROW_HEADER.size, deadline)
        if header is not None:
            payload = self._read(ROW_HEADER.unpack(header)[0], deadline)
            if payload is not None:
                return Outcome("row", payload)
        if self._proc.poll() is None and deadline is not None and time.monotonic() >= deadline:
            self.kill()
            return Outcome("timeout", detail=f"no result within {timeout:g} s")
        return Outcome("crashed", detail=_died(self._wait()))

    def _wait(self) -> int | None:
        try:
            return self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    @property
    def pid(self) -> int:
        """The worker process's id."""
        return self._proc.pid

    def alive(self) -> bool:
        """True while the process runs."""
        return self._proc.poll() is None

    def kill(self) -> None:
        """Stop the process at once and reap it."""
        with contextlib.suppress(OSError):
            self._proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._proc.wait(timeout=10)
        self._close_pipes()

    def close(self) -> None:
        """End the worker as it expects: close its stdin, then wait for it briefly."""
        with contextlib.suppress(OSError):
            self._in.close()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for stream in (self._proc.stdin, self._proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


_local = threading.local()
_all: list[Worker] = []
_all_lock = threading.Lock()


def _current() -> Worker:
    worker: Worker | None = getattr(_local, "worker", None)
    if worker is None or not worker.alive():
        if worker is not None:
            _forget(worker)
        worker = Worker()
        _local.worker = worker
        with _all_lock:
            _all.append(worker)
    return worker


def _forget(worker: Worker) -> None:
    worker.kill()
    with _all_lock:
        if worker in _all:
            _all.remove(worker)
    if getattr(_local, "worker", None) is worker:
        _local.worker = None


def run_isolated(name: str, data: bytes, timeout: float | None) -> Outcome:
    """Extract one document in this thread's worker process, replacing it if it dies.

    The worker sees one document at a time, so a death is always that document's:
    ``crashed`` (a native crash, the OOM killer), or ``timeout`` past ``timeout``
    seconds (the worker is killed). Either way the next document gets a new worker.
    """
    worker = _current()
    outcome = worker.run(name, data, timeout)
    if outcome.kind != "row":
        _forget(worker)
    return outcome


def shutdown() -> None:
    """End every worker process this process started (also run at exit)."""
    with _all_lock:
        workers = list(_all)
        _all.clear()
    for worker in workers:
        worker.close()
    _local.worker = None


atexit.register(shutdown)
