"""Bounds on pdfminer's work for untrusted PDFs: reference loops, inflating, XObjects.

pdfminer trusts the file: ``resolve1`` follows ``5 0 R -> 6 0 R -> 5 0 R`` forever (a
``/Length``, ``/Contents`` or ``/Resources`` looping through objects hangs it), Flate
streams inflate without limit (a 300 KB file inflates to GBs), and a form XObject that
draws another ten times, eight deep, costs 10^8 draws. :func:`guarded` installs three
small guards, once per process, and gives each document its own budget:

- an indirect reference chain longer than :data:`MAX_REF_CHAIN` or coming back on
  itself is a broken file;
- Flate output is capped per stream and per document (``limits.MAX_PDF_STREAM_BYTES``,
  ``limits.MAX_PDF_INFLATED_BYTES``);
- XObject draws are capped per page and in depth.

Past a bound, :class:`PdfLimit` is raised and the reader reports ``too_large`` (or
``broken_pdf`` for a reference loop). The guards change nothing for a file within
the bounds.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Final

from gongmun.readers import limits

# Longest chain of references to references (real files: 1-2).
MAX_REF_CHAIN: Final = 32


class PdfLimit(Exception):
    """A bound on the work a PDF may cause was reached; ``code`` is the InputError code."""

    def __init__(self, problem: str, code: str = "too_large") -> None:
        super().__init__(problem)
        self.problem = problem
        self.code = code


@dataclass(slots=True)
class _Budget:
    inflated: int = 0
    draws: int = 0
    depth: int = 0


_BUDGET: ContextVar[_Budget | None] = ContextVar("gongmun_pdf_budget", default=None)
_installed = False


def find_limit(e: BaseException | None) -> PdfLimit | None:
    """The :class:`PdfLimit` behind an exception pdfminer or pdfplumber wrapped, if any."""
    seen = 0
    while e is not None and seen < 20:
        if isinstance(e, PdfLimit):
            return e
        inner = e.args[0] if e.args and isinstance(e.args[0], BaseException) else None
        e = inner or e.__cause__ or e.__context__
        seen += 1
    return None


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Read one PDF within the bounds (installs the guards on first use)."""
    _install()
    token = _BUDGET.set(_Budget())
    try:
        yield
    finally:
        _BUDGET.reset(token)


def new_page() -> None:
    """A page begins: its XObject draws are counted afresh."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.draws = 0


def _install() -> None:
    global _installed
    if _installed:
        return
    from pdfminer import pdfinterp, pdftypes

    pdftypes.PDFObjRef.resolve = _resolve  # type: ignore[method-assign]
    pdftypes.zlib = _BoundedZlib()  # type: ignore[attr-defined,assignment]
    original_do = pdfinterp.PDFPageInterpreter.do_Do

    def do_Do(self: Any, xobjid: Any) -> None:
        budget = _BUDGET.get()
        if budget is None:
            original_do(self, xobjid)
            return
        budget.draws += 1
        if budget.draws > limits.MAX_PDF_XOBJECT_DRAWS:
            raise PdfLimit(
                f"a page draws more than {limits.MAX_PDF_XOBJECT_DRAWS:,} XObjects "
                "(forms drawing forms: a fan-out)"
            )
        if budget.depth >= limits.MAX_PDF_XOBJECT_DEPTH:
            raise PdfLimit(f"XObjects nest more than {limits.MAX_PDF_XOBJECT_DEPTH} deep")
        budget.depth += 1
        try:
            original_do(self, xobjid)
        finally:
            budget.depth -= 1

    pdfinterp.PDFPageInterpreter.do_Do = do_Do  # type: ignore[method-assign,assignment]
    _installed = True


def _resolve(self: Any, default: object = None) -> Any:
    """``PDFObjRef.resolve`` that follows a chain of references to its end, bounded."""
    from pdfminer.pdftypes import PDFObjectNotFound, PDFObjRef

    seen: set[int] = set()
    x: Any = self
    while isinstance(x, PDFObjRef):
        if x.objid in seen or len(seen) >= MAX_REF_CHAIN:
            raise PdfLimit(
                f"object {self.objid} refers to itself through a loop of references",
                "broken_pdf",
            )
        seen.add(x.objid)
        assert x.doc is not None
        try:
            x = x.doc.getobj(x.objid)
        except PDFObjectNotFound:
            return default
    return x


def _account(n: int) -> None:
    if n > limits.MAX_PDF_STREAM_BYTES:
        raise PdfLimit(
            f"a stream inflates past {limits.MAX_PDF_STREAM_BYTES:,} bytes (a Flate bomb?)"
        )
    budget = _BUDGET.get()
    if budget is not None:
        budget.inflated += n
        if budget.inflated > limits.MAX_PDF_INFLATED_BYTES:
            raise PdfLimit(f"streams inflate past {limits.MAX_PDF_INFLATED_BYTES:,} bytes in all")


class _BoundedDecompress:
    """A ``zlib`` decompressor whose output is capped (pdfminer's repair path uses one)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._out = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        cap = limits.MAX_PDF_STREAM_BYTES + 1 - self._out
        if max_length:
            cap = min(cap, max_length)
        out: bytes = self._inner.decompress(data, cap)
        self._out += len(out)
        _account_stream(self._out)
        return out

    def flush(self, *args: Any) -> bytes:
        out: bytes = self._inner.flush(*args)
        self._out += len(out)
        _account_stream(self._out)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _account_stream(total: int) -> None:
    if total > limits.MAX_PDF_STREAM_BYTES:
        raise PdfLimit(
            f"a stream inflates past {limits.MAX_PDF_STREAM_BYTES:,} bytes (a Flate bomb?)"
        )


class _BoundedZlib:
    """Stands in for ``zlib`` inside ``pdfminer.pdftypes``: the same, with capped output."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
        del bufsize
        d = zlib.decompressobj(wbits)
        out = d.decompress(data, limits.MAX_PDF_STREAM_BYTES + 1)
        if len(out) > limits.MAX_PDF_STREAM_BYTES or d.unconsumed_tail:
            _account_stream(limits.MAX_PDF_STREAM_BYTES + 1)
        if not d.eof:
            # zlib.decompress fails on a truncated stream; pdfminer then repairs it.
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        _account(len(out))
        return out

    def decompressobj(self, *args: Any, **kwargs: Any) -> _BoundedDecompress:
        return _BoundedDecompress(zlib.decompressobj(*args, **kwargs))

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)
