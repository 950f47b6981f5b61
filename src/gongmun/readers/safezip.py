"""Reading members of an untrusted zip within :mod:`~gongmun.readers.limits`."""

from __future__ import annotations

import io
import lzma
import posixpath
import zipfile
import zlib

from gongmun.errors import InputError
from gongmun.readers import limits

_CHUNK = 1024 * 1024


def open_zip(data: bytes, path: str, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip and check every entry's name and declared size.

    Refuses (``unsafe_archive``) too many entries, absolute or ``..`` names, entries or
    totals over the limits, and compression ratios that only a bomb reaches.
    """
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as e:
        raise InputError(
            path, f"{what} is not a readable zip archive: {e}", "broken_" + what.lower()
        ) from e
    if len(infos) > limits.MAX_ZIP_ENTRIES:
        raise _unsafe(path, f"{len(infos):,} entries (limit {limits.MAX_ZIP_ENTRIES:,})")
    total = 0
    for info in infos:
        check_name(info.filename, path)
        if info.file_size > limits.MAX_ZIP_ENTRY_BYTES:
            raise _unsafe(path, f"entry {info.filename!r} unpacks to {info.file_size:,} bytes")
        if (
            info.file_size >= limits.RATIO_CHECK_MIN_BYTES
            and info.file_size > max(info.compress_size, 1) * limits.MAX_ZIP_RATIO
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise _unsafe(
                path, f"entry {info.filename!r} is compressed {ratio:,} times over: a zip bomb"
            )
        total += info.file_size
    if total > limits.MAX_ZIP_TOTAL_BYTES:
        raise _unsafe(path, f"entries unpack to {total:,} bytes in all")
    return z


def check_name(name: str, path: str) -> None:
    """Refuse absolute names, drive letters and ``..`` steps (path traversal).

    >>> check_name("Contents/section0.xml", "a.hwpx")
    >>> check_name("../x", "a.hwpx")
    Traceback (most recent call last):
    gongmun.errors.InputError: a.hwpx: unsafe archive: entry name '../x' leaves the archive
    """
    clean = name.replace("\\", "/")
    if (
        clean.startswith("/")
        or (len(clean) > 1 and clean[1] == ":")
        or ".." in posixpath.normpath(clean).split("/")
        or "\x00" in clean
    ):
        raise _unsafe(path, f"entry name {name!r} leaves the archive")


def read_member(z: zipfile.ZipFile, name: str, path: str) -> bytes:
    """Inflate one member, stopping at the limit whatever its header claims."""
    out = bytearray()
    try:
        with z.open(name) as f:
            while chunk := f.read(_CHUNK):
                out += chunk
                if len(out) > limits.MAX_ZIP_ENTRY_BYTES:
                    raise _unsafe(path, f"entry {name!r} unpacks to more than its size says")
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        # A corrupt deflate (or LZMA) stream: their errors are no OSError.
        zlib.error,
        lzma.LZMAError,
    ) as e:
        raise InputError(path, f"zip entry {name!r} is broken: {e}", "broken_hwpx") from e
    return bytes(out)


def _unsafe(path: str, problem: str) -> InputError:
    return InputError(path, f"unsafe archive: {problem}", "unsafe_archive")
