"""The worker process of :mod:`gongmun.engines.isolate`: documents in, Arrow rows out.

Run as ``python -m gongmun.engines.worker PARENT_PID`` with pipes on stdin and stdout.
It loads Kiwi, sends an empty *ready* frame, then answers each document frame with one
row frame, until stdin ends (the parent closed it or died):

- in: ``>IQ`` (name bytes, data bytes), the name in UTF-8, the document's bytes;
- out: ``>Q`` (payload bytes), an Arrow IPC record-batch message of one row of
  :func:`~gongmun.engines.partition.partition_schema` (no schema: the parent has it).

Frames go over a private copy of stdout; fd 1 itself is pointed at stderr, so a library
that prints cannot corrupt them. The parent is watched as a pool worker watches its
parent, so the worker never outlives it.

``GONGMUN_TEST_POISON=1`` in the environment turns on three test documents, for testing
a deployment's isolation (never set it in production): bytes starting with
``GONGMUN-TEST-CRASH`` kill the worker with SIGSEGV, ``GONGMUN-TEST-HANG`` sleep for an
hour, ``GONGMUN-TEST-RAISE`` raise inside extraction.
"""

from __future__ import annotations

import os
import signal
import struct
import sys
import threading
import time
from typing import BinaryIO, Final

from gongmun.batch import TextInput, extract_one, failure
from gongmun.models import Document, Failure
from gongmun.pool import _watch_parent

DOC_HEADER: Final = struct.Struct(">IQ")
ROW_HEADER: Final = struct.Struct(">Q")
POISON_ENV: Final = "GONGMUN_TEST_POISON"


# A few lines that touch every extractor once.
_WARM_UP: Final = (
    "보도자료\n□ 2025년부터 2028년까지 4년간 총 600억원을 지원하는 "
    "'AI 반도체 실증' 사업을 추진한다.\n* (규모) ’25년 51.7억원, 국고 100억원\n"
).encode()


def read_exact(stream: BinaryIO, n: int) -> bytes | None:
    """``n`` bytes from ``stream``, or None at end of input before the first byte."""
    chunks = []
    left = n
    while left:
        chunk = stream.read(left)
        if not chunk:
            if left == n:
                return None
            raise EOFError(f"input ended {left} bytes short of a frame")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _poison(data: bytes) -> None:
    # Test documents for isolation (module docstring); off unless the variable is set.
    if os.environ.get(POISON_ENV) != "1":
        return
    if data.startswith(b"GONGMUN-TEST-CRASH"):
        os.kill(os.getpid(), signal.SIGSEGV)
        time.sleep(5)  # the signal arrives asynchronously; never return from here
        os._exit(139)
    if data.startswith(b"GONGMUN-TEST-HANG"):
        time.sleep(3600)
    if data.startswith(b"GONGMUN-TEST-RAISE"):
        raise RuntimeError("test document raised inside extraction")


def extract_result(name: str, data: bytes) -> Document | Failure:
    """:func:`gongmun.extract_bytes` with every error a :class:`Failure`, as in a batch.

    The same function as ``gongmun extract`` runs per document
    (:func:`gongmun.batch.extract_one`), on the bytes.

    >>> extract_result("a.txt", b"").error
    'empty'
    >>> extract_result("a.txt", "총 600억원".encode()).amounts[0].value_krw
    60000000000
    """
    source = TextInput(data, name)
    try:
        _poison(data)
    except Exception as e:
        return failure(source, "internal_error", f"{type(e).__name__}: {e}")
    return extract_one(source)


def serve(inp: BinaryIO, out: BinaryIO) -> None:
    """Answer document frames from ``inp`` with row frames on ``out`` until ``inp`` ends."""
    from gongmun._kiwi import kiwi
    from gongmun.engines.partition import result_row_message

    # Kiwi, the rules' lazy set-up (compiled patterns, caches) and pyarrow's import are
    # paid before the ready frame, so no document's time limit pays for them.
    kiwi()
    result_row_message(extract_result("warm-up.txt", _WARM_UP))
    out.write(ROW_HEADER.pack(0))
    out.flush()
    while True:
        header = read_exact(inp, DOC_HEADER.size)
        if header is None:
            return
        name_len, data_len = DOC_HEADER.unpack(header)
        name = (read_exact(inp, name_len) or b"").decode("utf-8", "surrogateescape")
        data = read_exact(inp, data_len) or b""
        payload = result_row_message(extract_result(name, data))
        out.write(ROW_HEADER.pack(len(payload)))
        out.write(payload)
        out.flush()


def main() -> None:
    """Entry point of ``python -m gongmun.engines.worker PARENT_PID``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the engine stops us by closing stdin
    if len(sys.argv) > 1:
        threading.Thread(target=_watch_parent, args=(int(sys.argv[1]),), daemon=True).start()
    protocol = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, protocol)


if __name__ == "__main__":
    main()
