"""An ordered process pool with a time limit per item: one item per worker at a time.

Each worker is a process of its own with a pipe to the parent, given one item at a time,
so the parent always knows which item a worker holds and since when. A worker that dies
(a crash in native code, the OOM killer) costs only the item it held; a worker past the
time limit is killed and replaced, and its item gets ``on_timeout(item)``. Only pipes
are used: no semaphores or queues that a killed run would leak.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Final, Generic, TypeVar

from gongmun import pulse

T = TypeVar("T")
R = TypeVar("R")

# Signals a worker leaves to its parent: the parent stops the pool and reports.
_PARENT_SIGNALS: Final = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_JOIN_SECONDS: Final = 2.0
# A worker that has not even begun its item after this long (plus the time limit) is
# stuck starting up: it is replaced like one past the limit.
_START_GRACE: Final = 120.0
_STARTED: Final = "started"
_DONE: Final = "done"
# A report from inside the item's work (:mod:`gongmun.pulse`: the page OCR is reading).
_NOTE: Final = "note"


def _watch_parent(pid: int) -> None:
    """Exit when process ``pid`` (the batch's parent) is gone.

    A worker blocks on its pipe forever if its parent is killed (SIGKILL, the OOM
    killer) while a sibling still holds the pipe's other end.
    """
    fd: int | None = None
    with contextlib.suppress(AttributeError, OSError):
        fd = os.pidfd_open(pid)
    if fd is None and os.name != "posix":
        return  # os.kill(pid, 0) would kill on Windows; its pipes break instead
    if fd is not None:
        select.select([fd], [], [])
    else:
        while True:
            time.sleep(1.0)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                continue
    os._exit(1)


def _serve(conn: Connection, fn: Callable[[Any], Any], parent: int) -> None:
    """A worker's life: take an item, send back ``fn(item)``, until told to stop."""
    for sig in _PARENT_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()

    def send_note(note: object) -> None:
        with contextlib.suppress(OSError, ValueError):
            conn.send((_NOTE, note))

    pulse.listen(send_note)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        # The clock starts now, not when the item was sent: a new worker may still be
        # starting up (importing, unpickling) when it is given its first item.
        conn.send((_STARTED, None))
        conn.send((_DONE, fn(item[1])))


# What the fork server imports before it forks workers: gongmun's code with Kiwi loaded
# and warmed, once for all workers (a batch of many documents), or the code alone (one
# document, whose worker loads Kiwi only if a line join needs it). The server is started
# once per process, so the first pool's choice holds for the later ones.
PRELOAD_KIWI: Final = "gongmun._preload"
PRELOAD_CODE: Final = "gongmun._preload_code"


def _context(preload: str = PRELOAD_KIWI) -> multiprocessing.context.BaseContext:
    # forkserver/spawn: workers never inherit the parent's threads the way fork would;
    # the fork server has imported gongmun (and loaded Kiwi) once for all workers.
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and sys.platform != "darwin":
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([preload])
        return ctx
    return multiprocessing.get_context("spawn")


@dataclass
class _Worker(Generic[T]):
    process: BaseProcess
    conn: Connection
    task: tuple[int, T] | None = None
    given: float = 0.0
    started: float | None = None

    def give(self, index: int, item: T) -> None:
        self.task = (index, item)
        self.given = time.monotonic()
        self.started = None
        self.conn.send((index, item))

    def deadline(self, timeout: float) -> float:
        """When the item it holds is past the limit (or the worker stuck starting)."""
        if self.started is None:
            return self.given + _START_GRACE + timeout
        return self.started + timeout

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join(_JOIN_SECONDS)
        self.conn.close()

    def stop(self) -> None:
        """Ask an idle worker to leave; kill it if it does not."""
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(_JOIN_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(_JOIN_SECONDS)
        self.conn.close()


@dataclass
class _Pool(Generic[T, R]):
    fn: Callable[[T], R]
    jobs: int
    ctx: multiprocessing.context.BaseContext = field(default_factory=_context)
    workers: list[_Worker[T]] = field(default_factory=list)

    def start(self) -> _Worker[T]:
        parent, child = multiprocessing.Pipe(duplex=True)
        proc = self.ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, self.fn, os.getpid()), daemon=True
        )
        proc.start()
        child.close()
        worker: _Worker[T] = _Worker(proc, parent)
        self.workers.append(worker)
        return worker

    def idle(self) -> _Worker[T] | None:
        for w in self.workers:
            if w.task is None:
                return w
        if len(self.workers) < self.jobs:
            return self.start()
        return None

    def drop(self, worker: _Worker[T]) -> None:
        worker.kill()
        self.workers.remove(worker)

    def close(self) -> None:
        for w in self.workers:
            if w.task is None:
                w.stop()
            else:
                w.kill()
        self.workers.clear()


def _receive(
    worker: _Worker[T], on_note: Callable[[T, Any], None] | None
) -> tuple[bool, Any, bool]:
    """(got a result, the result, still usable) from what a worker has sent.

    A result sent just before the worker died still counts; notes go to ``on_note``.
    """
    try:
        while worker.conn.poll():
            tag, value = worker.conn.recv()
            if tag == _STARTED:
                worker.started = time.monotonic()
                continue
            if tag == _NOTE:
                if on_note is not None and worker.task is not None:
                    on_note(worker.task[1], value)
                continue
            return True, value, True
    except (EOFError, OSError):
        return False, None, False
    return False, None, worker.process.is_alive()


def map_ordered(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    on_crash: Callable[[T], R],
    window: int | None = None,
    timeout: float | None = None,
    on_timeout: Callable[[T], R] | None = None,
    on_note: Callable[[T, Any], None] | None = None,
    preload: str = PRELOAD_KIWI,
) -> Iterator[R]:
    """``map(fn, items)`` over ``jobs`` worker processes, in input order.

    At most ``window`` (default ``4 × jobs``) items are taken beyond the oldest one not
    yet yielded, so a slow item holds back only that many results. ``fn`` must not raise
    and must be picklable (a module-level function). An item whose worker dies gets
    ``on_crash(item)``; an item still running after ``timeout`` seconds gets
    ``on_timeout(item)`` (``on_crash`` if not given) and its worker is replaced.
    ``jobs == 1`` without a timeout runs in this process. What ``fn`` reports while it
    runs (:func:`gongmun.pulse.report`) reaches ``on_note(item, note)`` in this process.
    ``preload`` is the module the fork server imports before forking workers
    (:data:`PRELOAD_KIWI` or :data:`PRELOAD_CODE`).
    """
    if jobs <= 1 and not timeout:
        for item in items:
            if on_note is None:
                result = fn(item)
            else:
                with pulse.listening(functools.partial(on_note, item)):
                    result = fn(item)
            yield result
        return
    window = max(window or 4 * jobs, 1)
    late = on_timeout or on_crash
    source = enumerate(items)
    todo: deque[tuple[int, T]] = deque()
    done: dict[int, R] = {}
    following = 0  # index of the next result to yield
    exhausted = False
    pool: _Pool[T, R] = _Pool(fn, jobs, _context(preload))
    try:
        while True:
            # Hand items to idle workers, never running further ahead than the window.
            while True:
                if not todo and not exhausted:
                    nxt = next(source, None)
                    if nxt is None:
                        exhausted = True
                    else:
                        todo.append(nxt)
                if not todo or todo[0][0] >= following + window:
                    break
                worker = pool.idle()
                if worker is None:
                    break
                index, item = todo.popleft()
                try:
                    worker.give(index, item)
                except (OSError, ValueError):  # died before it could take the item
                    pool.drop(worker)
                    todo.appendleft((index, item))
            while following in done:
                yield done.pop(following)
                following += 1
            busy = [w for w in pool.workers if w.task is not None]
            if not busy:
                if exhausted and not todo:
                    return
                continue
            wait_for: float | None = None
            if timeout:
                first = min(w.deadline(timeout) for w in busy)
                wait_for = max(0.0, first - time.monotonic())
            ready = wait([x for w in busy for x in (w.conn, w.process.sentinel)], wait_for)
            for w in busy:
                assert w.task is not None
                index, item = w.task
                if w.conn in ready or w.process.sentinel in ready:
                    got, result, usable = _receive(w, on_note)
                    if got:
                        done[index] = result
                        w.task = None
                    elif not usable:
                        done[index] = on_crash(item)
                    if not usable or not w.process.is_alive():
                        pool.drop(w)
                        continue
                if timeout and w.task is not None and time.monotonic() >= w.deadline(timeout):
                    pool.drop(w)
                    done[index] = late(item)
    finally:
        pool.close()
