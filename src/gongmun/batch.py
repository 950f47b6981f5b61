"""Many documents at once: one function per document, an ordered process pool around it.

A document that fails is a :class:`~gongmun.models.Failure` among the results, never an
exception that ends the batch. Results come back in input order, each as soon as the
ones before it are done, whatever ``jobs`` is.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from gongmun.errors import InputError
from gongmun.paths import escape_surrogates
from gongmun.pool import PRELOAD_CODE, PRELOAD_KIWI, map_ordered
from gongmun.readers.files import is_regular_file
from gongmun.readers.limits import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from gongmun.versions import VERSION

if TYPE_CHECKING:
    from gongmun.models import Document, Failure
    from gongmun.readers import RawInput
    from gongmun.readers.ocr import OcrMode

# The models (pydantic), the pipeline and the readers are imported where they are used:
# the CLI's process only hands documents to workers and writes the JSON they send back,
# and the workers' fork server imports them once (gongmun._preload_code).

T = TypeVar("T")
R = TypeVar("R")

_CODE: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_MAX_MESSAGE_CHARS: Final = 2000


@dataclass(frozen=True, slots=True)
class TextInput:
    """A document given as text or bytes rather than a file (stdin); ``path`` names it.

    ``bytes`` are read as a file's bytes are: the format from the first bytes (a PDF or
    an HTML page may come on stdin too), the encoding detected and recorded.

    >>> TextInput("총 600억원".encode("cp949")).read().encoding
    'cp949'
    """

    text: str | bytes
    path: str = "-"

    def read(self, ocr: OcrMode = "auto") -> RawInput:
        """The document as a reader gives it; raise :class:`InputError` if unreadable."""
        from gongmun.readers import from_text, read_bytes

        if isinstance(self.text, str):
            return from_text(self.text, self.path)
        return read_bytes(self.text, self.path, ocr)


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
    # What a running document reports (``scan.pdf: OCR page 3/12``), when it does.
    current: str | None = None

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
        # Bytes are recorded by their own sha256, as a file's are; text by its UTF-8.
        text = source.text
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        return hashlib.sha256(data).hexdigest()
    h = hashlib.sha256()
    if not is_regular_file(source):
        return None  # a FIFO or device would block or never end; reading it fails anyway
    try:
        # Only a regular file: reading a FIFO or /dev/zero to hash it would never end.
        if not stat.S_ISREG(Path(source).stat().st_mode):
            return None
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
    from gongmun.models import Failure

    if len(message) > _MAX_MESSAGE_CHARS:
        message = message[:_MAX_MESSAGE_CHARS] + "…"
    return Failure(
        path=source_path(source),
        error=code if _CODE.match(code) else "unreadable",
        # An exception's text may quote a file name that is not UTF-8.
        message=escape_surrogates(message),
        sha256=source_sha256(source),
        gongmun_version=VERSION,
    )


def _frames(e: BaseException) -> list[tuple[str, ...]]:
    return [Path(f.filename).parts for f in traceback.extract_tb(e.__traceback__)]


def _where(e: BaseException) -> str:
    """``at gongmun/extractors/amounts.py:120``: the innermost frame, for a bug report."""
    frames = traceback.extract_tb(e.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    parts = Path(last.filename).parts
    short = "/".join(parts[parts.index("gongmun") :]) if "gongmun" in parts else parts[-1]
    return f"at {short}:{last.lineno}"


# The package a frame is in → the stage of the work it stands for.
_STAGES: Final = {"readers": "reading", "normalize": "normalizing", "extractors": "extracting"}


def _stage(e: BaseException, default: str) -> str:
    """The stage an exception came from: the innermost gongmun package it passed through."""
    from pydantic import ValidationError

    if isinstance(e, ValidationError):
        return "validating the record"
    for parts in reversed(_frames(e)):
        if "gongmun" in parts:
            inside = parts[parts.index("gongmun") + 1 :]
            if inside and inside[0] in _STAGES:
                return _STAGES[inside[0]]
    return default


def read_source(source: Source, ocr: OcrMode = "auto") -> RawInput:
    """Read one input (a file, or text/bytes from stdin) as its reader gives it.

    ``ocr`` is the readers' (scanned pages are OCR'd here, in the worker).
    """
    from gongmun.readers import read_path

    if isinstance(source, TextInput):
        return source.read(ocr)
    return read_path(Path(source), ocr)


def _unchecked(source: Source, ocr: OcrMode, ocr_text: bool) -> Document | Failure:
    from gongmun.pipeline import extract_raw

    stage = "reading"
    try:
        raw = read_source(source, ocr)
        stage = "extracting"
        return extract_raw(raw, ocr_text)
    except InputError as e:
        return failure(source, e.code, e.problem)
    except Exception as e:  # one bad document must never end the batch
        where = ", ".join(x for x in (_stage(e, stage), _where(e)) if x)
        return failure(source, "internal_error", f"{type(e).__name__}: {e} ({where})")


def serialize(result: Document | Failure) -> str:
    """The JSON Lines record of one result: a JSON text, no newline, valid UTF-8."""
    text = result.model_dump_json()
    text.encode("utf-8")  # raises on a lone surrogate that got through
    return text


def checked(
    source: Source, ocr: OcrMode = "auto", ocr_text: bool = False
) -> tuple[Document | Failure, str]:
    """Extract one document and serialize it; any error at any stage is a Failure.

    A record that cannot be written as JSON (a lone surrogate a reader let through) is
    an ``unserializable`` failure, never an exception that ends the batch.
    """
    result = _unchecked(source, ocr, ocr_text)
    try:
        return result, serialize(result)
    except Exception as e:
        where = _where(e)
        bad = failure(
            source,
            "unserializable",
            f"the record cannot be written as JSON ({type(e).__name__}: {e}"
            f"{', ' + where if where else ''}); please report it",
        )
    try:
        return bad, serialize(bad)
    except Exception:  # the message itself was the problem: keep only the code
        bad = failure(source, "unserializable", "the record cannot be written as JSON")
        return bad, serialize(bad)


def extract_one(
    source: Source, ocr: OcrMode = "auto", ocr_text: bool = False
) -> Document | Failure:
    """Extract one document, turning every error into a :class:`Failure`.

    This is the per-document function of every batch (the process pool, Dask).
    Unreadable input keeps the reader's code; a record that cannot be serialized is
    ``unserializable``; anything else is ``internal_error`` with the exception's type,
    message, the stage (reading, normalizing, extracting, validating the record) and
    the place in the code. ``ocr`` and ``ocr_text`` are
    :func:`~gongmun.pipeline.extract`'s.

    >>> extract_one("없는/파일.txt").error
    'not_found'
    """
    return checked(source, ocr, ocr_text)[0]


def _crashed(source: Source) -> Failure:
    return failure(source, "worker_crashed", "the worker process died while reading this document")


def timed_out(source: Source, seconds: float) -> Failure:
    """The record of a document stopped at the time limit."""
    return failure(
        source,
        "timeout",
        f"not done after {seconds:g} s, stopped (raise the limit with --timeout, 0 for none)",
    )


@dataclass(frozen=True, slots=True)
class _TimedOut:
    """``on_timeout`` for a limit, picklable and bound to it."""

    seconds: float

    def failure(self, source: Source) -> Failure:
        return timed_out(source, self.seconds)

    def line(self, source: Source) -> Line:
        return to_line(timed_out(source, self.seconds))


def on_timeout_line(seconds: float) -> Callable[[Source], Line]:
    """``on_timeout`` for :func:`run_batch` over :func:`extract_line`."""
    return _TimedOut(seconds).line


def run_batch(
    fn: Callable[[Source], R],
    sources: Sequence[Source],
    *,
    jobs: int,
    is_failure: Callable[[R], bool],
    on_crash: Callable[[Source], R],
    on_progress: Callable[[Progress], None] | None = None,
    timeout: float | None = None,
    on_timeout: Callable[[Source], R] | None = None,
) -> Iterator[R]:
    """Run ``fn`` over ``sources`` with :func:`~gongmun.pool.map_ordered`, reporting progress.

    ``on_progress`` is called after every document, and whenever a running one reports
    how it goes (:mod:`gongmun.pulse`: each page OCR starts), with ``current`` saying so.
    """
    sizes = [source_size(s) for s in sources] if on_progress else []
    total_bytes = sum(sizes)
    start = time.monotonic()
    failed = done_bytes = done = 0

    def now(current: str | None = None) -> Progress:
        elapsed = time.monotonic() - start
        return Progress(
            done, len(sources), failed, done_bytes, total_bytes, elapsed, current=current
        )

    def on_note(_source: Source, note: object) -> None:
        if on_progress:
            on_progress(now(str(note)))

    for result in map_ordered(
        fn,
        sources,
        jobs,
        on_crash,
        timeout=timeout,
        on_timeout=on_timeout,
        on_note=on_note if on_progress else None,
        # One document: Kiwi only if a line join needs it, not always in the server.
        preload=PRELOAD_KIWI if len(sources) > 1 else PRELOAD_CODE,
    ):
        done += 1
        failed += is_failure(result)
        if on_progress:
            done_bytes += sizes[done - 1]
            on_progress(now())
        yield result


def extract_many(
    paths: Iterable[Source],
    jobs: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
    timeout: float | None = None,
    ocr: OcrMode = "auto",
    ocr_text: bool = False,
) -> Iterator[Document | Failure]:
    """Extract many documents, yielding each result in input order as soon as it is ready.

    ``paths`` are document files (``str`` is always a path here, never text; use
    :class:`TextInput` for text). ``jobs > 1`` runs that many worker processes; each
    loads the Korean analyzer once. A document that cannot be extracted is yielded as a
    :class:`~gongmun.models.Failure` (``path``, ``error`` code, ``message``) and the
    batch goes on. ``on_progress`` is called in this process after every document.
    ``timeout`` (seconds, None or 0 for no limit) stops a document still running after
    that long: it becomes a ``timeout`` Failure, its worker process is replaced and the
    batch goes on; a time limit needs a worker process, so it runs one even with
    ``jobs=1``. ``ocr`` and ``ocr_text`` are :func:`~gongmun.pipeline.extract`'s; OCR
    runs in the workers and counts against ``timeout``.
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
    if timeout is not None and timeout < 0:
        raise ValueError(f"timeout must be 0 (none) or more seconds, not {timeout}")
    from gongmun.models import Failure

    sources = list(paths)
    return run_batch(
        functools.partial(extract_one, ocr=ocr, ocr_text=ocr_text),
        sources,
        jobs=jobs,
        is_failure=lambda r: isinstance(r, Failure),
        on_crash=_crashed,
        on_progress=on_progress,
        timeout=timeout,
        on_timeout=_TimedOut(timeout).failure if timeout else None,
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


def to_line(result: Document | Failure, json: str | None = None) -> Line:
    """One result with its JSON Lines record (``json``, or serialized here)."""
    from gongmun.models import Failure

    json = serialize(result) if json is None else json
    if isinstance(result, Failure):
        return Line(
            json,
            result.path,
            result.sha256,
            error=result.error,
            message=result.message,
        )
    counts = (len(result.amounts), len(result.periods), len(result.projects))
    return Line(json, result.source.path or "-", result.source.sha256, counts)


def extract_line(source: Source, ocr: OcrMode = "auto", ocr_text: bool = False) -> Line:
    """:func:`extract_one`, serialized in the worker so the parent only writes bytes."""
    return to_line(*checked(source, ocr, ocr_text))


def crashed_line(source: Source) -> Line:
    """The record of a document whose worker died."""
    return to_line(_crashed(source))
