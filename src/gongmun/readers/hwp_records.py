"""HWP 5 containers: the OLE file, its ``FileHeader``, and the record trees of its sections.

An HWP 5 file is an OLE compound file. ``FileHeader`` carries the signature and flags
(compressed, password, distribution); ``BodyText/Section{N}`` streams hold the body as
raw-deflate-compressed records. A record is a 32-bit header (tag: 10 bits, level: 10
bits, size: 12 bits, ``0xFFF`` meaning a 32-bit size follows) and its payload; a
record at level ``L`` belongs to the nearest record before it at level ``L - 1``.

The file is untrusted: each stream inflates to at most
:data:`~gongmun.readers.limits.MAX_HWP_STREAM_BYTES` and all of them together to
:data:`~gongmun.readers.limits.MAX_HWP_TOTAL_BYTES`; records are built only as far as
the bytes hold them, and a stream that stops holding records (zeros, garbage) ends
there. The format is public (Hancom, "한글 문서 파일 구조 5.0").
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from gongmun.errors import InputError
from gongmun.readers import limits

SIGNATURE: Final = b"HWP Document File"
# HWP 3 files start with the same words and a version in text: "HWP Document File V3.00".
HWP3_SIGNATURE: Final = b"HWP Document File V"

FLAG_COMPRESSED: Final = 0x01
FLAG_PASSWORD: Final = 0x02
FLAG_DISTRIBUTION: Final = 0x04

# Record tags (HWPTAG_BEGIN = 0x10); only those the reader looks at.
TAG_BEGIN: Final = 0x10
PARA_HEADER: Final = TAG_BEGIN + 50
PARA_TEXT: Final = TAG_BEGIN + 51
PARA_LINE_SEG: Final = TAG_BEGIN + 53
CTRL_HEADER: Final = TAG_BEGIN + 55
LIST_HEADER: Final = TAG_BEGIN + 56
SHAPE_COMPONENT: Final = TAG_BEGIN + 60
TABLE: Final = TAG_BEGIN + 61
EQEDIT: Final = TAG_BEGIN + 72
# Highest tag the format defines (HWPTAG_BEGIN + 0x3F0 leaves room for future tags).
TAG_MAX: Final = 0x3FF

# A malformed level chain must not build a tree deeper than any real document.
MAX_LEVEL: Final = 64
_INFLATE_CHUNK: Final = 1024 * 1024


@dataclass(slots=True)
class Record:
    """One record and the records nested under it."""

    tag: int
    payload: bytes
    children: list[Record] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class HwpFile:
    """What the reader needs of an HWP 5 file: its version and each section's records."""

    version: str
    sections: tuple[Record, ...]
    warnings: tuple[tuple[str, str], ...] = ()
    # Each section's number, as its stream is named (``BodyText/Section0``).
    numbers: tuple[int, ...] = ()


def open_hwp(data: bytes, path: str) -> HwpFile:
    """Open an HWP 5 file's bytes; raise :class:`InputError` for what cannot be read.

    Codes: ``encrypted_hwp`` (password), ``distribution_hwp`` (배포용 문서),
    ``broken_hwp`` (not HWP 5 inside, broken container), ``too_large`` (inflates past
    the limits).
    """
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as e:  # olefile raises many kinds on a corrupt container
        raise _broken(path, f"broken OLE container ({type(e).__name__}: {e})") from e
    try:
        return _read(ole, path)
    except InputError:
        raise
    except Exception as e:  # a corrupt sector chain surfaces while reading streams
        raise _broken(path, f"broken OLE container ({type(e).__name__}: {e})") from e
    finally:
        ole.close()


def _read(ole: object, path: str) -> HwpFile:
    import olefile

    assert isinstance(ole, olefile.OleFileIO)
    if not ole.exists("FileHeader"):
        raise _broken(path, "OLE file without a FileHeader stream: not an HWP document")
    header = _stream(ole, "FileHeader", path, 4096)
    if not header.startswith(SIGNATURE) or len(header) < 40:
        raise _broken(path, "FileHeader lacks the 'HWP Document File' signature")
    (ver,) = struct.unpack_from("<I", header, 32)
    version = ".".join(str((ver >> s) & 0xFF) for s in (24, 16, 8, 0))
    (flags,) = struct.unpack_from("<I", header, 36)
    if flags & FLAG_PASSWORD:
        raise InputError(
            path,
            "HWP document is password-protected: open it in Hancom Office and save it "
            "without the password first",
            "encrypted_hwp",
        )
    if flags & FLAG_DISTRIBUTION:
        raise InputError(
            path,
            "HWP distribution document (배포용 문서): its text is locked against "
            "copying; ask the publisher for the original or a PDF",
            "distribution_hwp",
        )
    names = sorted(
        (_section_no(e[1]), e)
        for e in ole.listdir()
        if len(e) == 2 and e[0] == "BodyText" and e[1].lower().startswith("section")
    )
    if not names:
        raise _broken(path, "HWP document without BodyText sections")
    budget = [limits.MAX_HWP_TOTAL_BYTES]
    sections: list[Record] = []
    warnings: list[tuple[str, str]] = []
    for _, entry in names:
        raw = _stream(ole, "/".join(entry), path, limits.MAX_HWP_STREAM_BYTES)
        body = _inflate(raw, path, entry[1], budget) if flags & FLAG_COMPRESSED else raw
        root, stopped = build_tree(body)
        if stopped:
            warnings.append(
                ("hwp_records", f"{entry[1]}: records end at byte {stopped:,} of {len(body):,}")
            )
        sections.append(root)
    return HwpFile(version, tuple(sections), tuple(warnings), tuple(n for n, _ in names))


def _stream(ole: object, name: str, path: str, limit: int) -> bytes:
    import olefile

    assert isinstance(ole, olefile.OleFileIO)
    size = ole.get_size(name)
    if size > limit:
        raise InputError(
            path, f"HWP stream {name} of {size:,} bytes is over the limit", "too_large"
        )
    with ole.openstream(name) as f:
        data: bytes = f.read(limit + 1)
    return data


def _section_no(name: str) -> int:
    digits = "".join(ch for ch in name if ch.isdigit())
    return int(digits) if digits else 0


def _inflate(raw: bytes, path: str, name: str, budget: list[int]) -> bytes:
    """Raw-deflate ``raw`` in chunks, stopping at the stream and total limits."""
    d = zlib.decompressobj(-15)
    out = bytearray()
    limit = min(limits.MAX_HWP_STREAM_BYTES, budget[0])
    data = raw
    try:
        while data and not d.eof:
            out += d.decompress(data, _INFLATE_CHUNK)
            data = d.unconsumed_tail
            if len(out) > limit:
                raise InputError(
                    path,
                    f"HWP section {name} inflates past {limit:,} bytes (a decompression bomb?)",
                    "too_large",
                )
        if not d.eof:
            out += d.flush()
    except zlib.error as e:
        if not out:
            raise _broken(path, f"section {name} is not compressed data: {e}") from e
        # A truncated tail: keep the records before it.
    budget[0] -= len(out)
    return bytes(out)


def iter_records(buf: bytes) -> Iterator[tuple[int, int, bytes, int]]:
    """``(tag, level, payload, end)`` of each record, stopping where records stop.

    A tag below ``HWPTAG_BEGIN`` never occurs in a body stream: from there on the bytes
    are not records (a zero-filled or overwritten stream), and iteration ends.

    >>> rec = struct.pack("<I", 67 | (0 << 10) | (4 << 20)) + "총액".encode("utf-16-le")
    >>> [(t, lvl, p.decode("utf-16-le")) for t, lvl, p, _ in iter_records(rec)]
    [(67, 0, '총액')]
    """
    i, n = 0, len(buf)
    while i + 4 <= n:
        (header,) = struct.unpack_from("<I", buf, i)
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        j = i + 4
        if size == 0xFFF:
            if j + 4 > n:
                return
            (size,) = struct.unpack_from("<I", buf, j)
            j += 4
        if tag < TAG_BEGIN or j + size > n:
            return
        yield tag, level, buf[j : j + size], j + size
        i = j + size


def build_tree(buf: bytes) -> tuple[Record, int]:
    """The records of a stream as a tree, and where records stopped (0: at the end).

    A level jump past the parent is clamped to one below it, so the tree is well formed
    whatever the file says.
    """
    root = Record(-1, b"")
    stack = [root]
    stopped = 0
    for tag, level, payload, end in iter_records(buf):
        stopped = end
        depth = min(level, len(stack) - 1, MAX_LEVEL)
        node = Record(tag, payload)
        stack[depth].children.append(node)
        del stack[depth + 1 :]
        stack.append(node)
    return root, (stopped if stopped < len(buf) else 0)


def ctrl_id(payload: bytes) -> str:
    """A control's four-letter id (stored reversed), e.g. ``'tbl '``, ``'gso '``.

    >>> ctrl_id(b" lbt")
    'tbl '
    """
    return payload[:4][::-1].decode("latin-1")


def _broken(path: str, problem: str) -> InputError:
    from gongmun.readers.hwp import CONVERT_ADVICE

    return InputError(path, f"{problem}; {CONVERT_ADVICE}", "broken_hwp")
