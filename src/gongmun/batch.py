"""Many documents at once: one function per document, an ordered process pool around it.

A document that fails is a :class:`~gongmun.models.Failure` among the results, never an
exception that ends the batch. Results come back in input order, each as soon as the
ones before it are done, whatever ``jobs`` is.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import multiprocessing
import os
import re
import select
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypeVar

from gongmun.errors import InputError
from gongmun.models import Document, Failure
from gongmun.pipeline import extract, extract_text

T = TypeVar("T")
R = TypeVar("R")

_CODE: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_MAX_MESSAGE_CHARS: Final = 2000
_MAX_RESTARTS: Final = 3


@dataclass(frozen=True, slots=True)
class TextInput:
    """A document given as text rather than a file (stdin); ``path`` names it in records.

    ``bytes`` are decoded as a text file is: UTF-8 (with or without BOM), else CP949.

    >>> TextInput("총 600억원".encode("cp949")).decoded()
    '총 600억원'
    """

    text: str | bytes
    path: str = "-"

    def decoded(self) -> str:
        """The text; raise :class:`InputError` (``undecodable``) for bytes that are not text."""
        if isinstance(self.text, str):
            return self.text
        for codec in ("utf-8-sig", "cp949"):
            try:
                return self.text.decode(codec)
            except UnicodeDecodeError:
                continue
        raise InputError(self.path, "not text in UTF-8 or CP949", "undecodable")


Source = str | os.PathLike[str] | TextInput


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a batch has got; passed to ``on_progress`` after every document."""

    done: int
    total: int
    failed: int
    bytes_done: int
    bytes_total: int
    elapsed: float

    @property
    def rate(self) -> float:
        """Documents per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the byte rate so far, or None before the first document."""
        if not self.done or self.elapsed <= 0:
            return None
        if self.bytes_done and self.bytes_total:
            return self.elapsed * (self.bytes_total - self.bytes_done) / self.bytes_done
        return (self.total - self.done) / self.rate


def source_path(source: Source) -> str:
    """The name a result carries for ``source``: the path as given, or ``-`` for stdin.

    >>> source_path(TextInput("총 600억원"))
    '-'
    """
    return source.path if isinstance(source, TextInput) else os.fspath(source)


def source_sha256(source: Source) -> str | None:
    """sha256 of the bytes a document is read from (UTF-8 for text), or None if unreadable.

    It equals ``Document.source.sha256``, which is what ``--resume`` matches on.
    """
    if isinstance(source, TextInput):
        # Text is recorded by the sha256 of its UTF-8 form, whatever it arrived in.
        try:
            data = source.decoded().encode("utf-8", "surrogatepass")
        except InputError:
            data = source.text if isinstance(source.text, bytes) else b""
        return hashlib.sha256(data).hexdigest()
    h = hashlib.sha256()
    try:
        with Path(source).open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def source_size(source: Source) -> int:
    """Bytes of input, for progress; 0 when it cannot be known."""
    if isinstance(source, TextInput):
        text = source.text
        return len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    try:
        return Path(source).stat().st_size
    except OSError:
        return 0


def failure(source: Source, code: str, message: str) -> Failure:
    """A :class:`Failure` for ``source``; an ill-formed code becomes ``unreadable``."""
    if len(message) > _MAX_MESSAGE_CHARS:
        message = message[:_MAX_MESSAGE_CHARS] + "…"
    return Failure(
        path=source_path(source),
        error=code if _CODE.match(code) else "unreadable",
        message=message,
        sha256=source_sha256(source),
    )


def _where(e: BaseException) -> str:
    """`` (at gongmun/extractors/amounts.py:120)``: the innermost frame, for a bug report."""
    frames = traceback.extract_tb(e.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    parts = Path(last.filename).parts
    short = "/".join(parts[parts.index("gongmun") :]) if "gongmun" in parts else parts[-1]
    return f" (at {short}:{last.lineno})"


def extract_one(source: Source, ocr: str = "auto", ocr_text: bool = False) -> Document | Failure:
    """Extract one document, turning every error into a :class:`Failure`.

    This is the per-document function of every batch (the process pool, Dask).
    Unreadable input keeps the reader's code; anything else is ``internal_error`` with
    the exception's type and message. ``ocr`` and ``ocr_text`` are
    :func:`~gongmun.pipeline.extract`'s (OCR runs here, in the worker).

    >>> extract_one("없는/파일.txt").error
    'not_found'
    """
    try:
        if isinstance(source, TextInput):
            return extract_text(source.decoded(), source.path, ocr_text)
        return extract(Path(source), ocr, ocr_text)
    except InputError as e:
        return failure(source, e.code, e.problem)
    except Exception as e:  # one bad document must never end the batch
        return failure(source, "internal_error", f"{type(e).__name__}: {e}{_where(e)}")


def _watch_parent(pid: int) -> None:
    """Exit when process ``pid`` (the batch's parent) is gone.

    A pool worker blocks on its task queue forever if its parent is killed (SIGKILL, the
    OOM killer): it holds the queue's write end itself, so it never sees end of file.
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


def _init_worker(parent: int) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and reports what was written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _start_method() -> str:
    # forkserver/spawn: workers never inherit the parent's threads (the pool's own
    # feeder thread) the way fork would; the fork server has Kiwi loaded already.
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods and sys.platform != "darwin" else "spawn"


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    ctx = multiprocessing.get_context(_start_method())
    if isinstance(ctx, multiprocessing.context.ForkServerContext):
        # Workers fork from a server that has imported gongmun and loaded Kiwi once,
        # instead of each paying the imports and the model load again.
        ctx.set_forkserver_preload(["gongmun._preload"])
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(os.getpid(),)
    )


def map_ordered(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    on_crash: Callable[[T], R],
    window: int | None = None,
) -> Iterator[R]:
    """``map(fn, items)`` over ``jobs`` processes, in input order, holding few results.

    At most ``window`` (default ``4 × jobs``) items are in flight, so a slow document
    holds back only that many finished results. ``fn`` must not raise. If a worker dies
    (a crash in native code, the OOM killer), the items that were in flight are run
    again one at a time; the one that kills its worker alone gets ``on_crash(item)``.
    ``fn`` must be picklable (a module-level function).
    """
    if jobs <= 1:
        yield from map(fn, items)
        return
    window = window or 4 * jobs
    source = iter(items)
    retry: deque[T] = deque()
    # (item, future, alone): alone means nothing else was in flight beside it.
    pending: deque[tuple[T, Future[R], bool]] = deque()
    pool = _new_pool(jobs)
    restarts = 0  # in a row, without a result: workers that cannot even start

    def submit(item: T, alone: bool) -> bool:
        # A worker may die between two submissions; the pool then refuses new work.
        try:
            pending.append((item, pool.submit(fn, item), alone))
        except BrokenProcessPool:
            return False
        return True

    try:
        while True:
            refused = False
            if retry or any(alone for _, _, alone in pending):
                if not pending and retry:
                    item = retry.popleft()
                    if not submit(item, alone=True):
                        retry.appendleft(item)
                        refused = True
            else:
                for nxt in itertools.islice(source, window - len(pending)):
                    if not submit(nxt, alone=False):
                        retry.append(nxt)
                        refused = True
                        break
            if refused and not pending:
                restarts += 1
                if restarts > _MAX_RESTARTS:
                    raise RuntimeError("gongmun's worker processes keep dying on start")
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(jobs)
                continue
            if not pending:
                return
            item, fut, alone = pending.popleft()
            try:
                result = fut.result()
            except BrokenProcessPool:
                rest = [p[0] for p in pending]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(jobs)
                retry.extendleft(reversed(rest))
                if alone:
                    restarts = 0
                    yield on_crash(item)
                else:
                    retry.appendleft(item)
                continue
            restarts = 0
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _crashed(source: Source) -> Failure:
    return failure(source, "worker_crashed", "the worker process died while reading this document")


def run_batch(
    fn: Callable[[Source], R],
    sources: Sequence[Source],
    *,
    jobs: int,
    is_failure: Callable[[R], bool],
    on_crash: Callable[[Source], R],
    on_progress: Callable[[Progress], None] | None = None,
) -> Iterator[R]:
    """Run ``fn`` over ``sources`` with :func:`map_ordered`, reporting progress."""
    sizes = [source_size(s) for s in sources] if on_progress else []
    total_bytes = sum(sizes)
    start = time.monotonic()
    failed = done_bytes = 0
    for done, result in enumerate(map_ordered(fn, sources, jobs, on_crash), start=1):
        failed += is_failure(result)
        if on_progress:
            done_bytes += sizes[done - 1]
            elapsed = time.monotonic() - start
            on_progress(Progress(done, len(sources), failed, done_bytes, total_bytes, elapsed))
        yield result


def extract_many(
    paths: Iterable[Source],
    jobs: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
    ocr: str = "auto",
    ocr_text: bool = False,
) -> Iterator[Document | Failure]:
    """Extract many documents, yielding each result in input order as soon as it is ready.

    ``paths`` are document files (``str`` is always a path here, never text; use
    :class:`TextInput` for text). ``jobs > 1`` runs that many worker processes; each
    loads the Korean analyzer once. A document that cannot be extracted is yielded as a
    :class:`~gongmun.models.Failure` (``path``, ``error`` code, ``message``) and the
    batch goes on. ``on_progress`` is called in this process after every document.
    With ``jobs > 1`` call this under ``if __name__ == "__main__":`` in scripts, as for
    any use of :mod:`multiprocessing`.

    >>> results = list(extract_many(["없는파일.txt", TextInput("총 600억원", "memo.txt")]))
    >>> [type(r).__name__ for r in results]
    ['Failure', 'Document']
    >>> results[1].source.path
    'memo.txt'
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    sources = list(paths)
    return run_batch(
        functools.partial(extract_one, ocr=ocr, ocr_text=ocr_text),
        sources,
        jobs=jobs,
        is_failure=lambda r: isinstance(r, Failure),
        on_crash=_crashed,
        on_progress=on_progress,
    )


@dataclass(frozen=True, slots=True)
class Line:
    """One JSON Lines record made in a worker, with what the parent needs to report it.

    ``counts`` is (amounts, periods, projects); ``error`` and ``message`` are set for a
    failure only.
    """

    json: str
    path: str
    sha256: str | None
    counts: tuple[int, int, int] = (0, 0, 0)
    error: str = ""
    message: str = ""

    @property
    def failed(self) -> bool:
        """True for a Failure record."""
        return bool(self.error)


def to_line(result: Document | Failure) -> Line:
    """Serialize one result to its JSON Lines record (Hangul unescaped, no newline)."""
    if isinstance(result, Failure):
        return Line(
            result.model_dump_json(),
            result.path,
            result.sha256,
            error=result.error,
            message=result.message,
        )
    counts = (len(result.amounts), len(result.periods), len(result.projects))
    return Line(result.model_dump_json(), result.source.path or "-", result.source.sha256, counts)


def extract_line(source: Source, ocr: str = "auto", ocr_text: bool = False) -> Line:
    """:func:`extract_one`, serialized in the worker so the parent only writes bytes."""
    return to_line(extract_one(source, ocr, ocr_text))


def crashed_line(source: Source) -> Line:
    """The record of a document whose worker died."""
    return to_line(_crashed(source))
