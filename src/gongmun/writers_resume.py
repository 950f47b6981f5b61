"""``--resume``: keep what an output already holds, never destroy what gongmun did not write.

A record is matched to an input by its path as given (``source.path`` with
``path_bytes``) **and** the sha256 of the input's bytes: the same path with new bytes
(an edited file) is extracted again and its old record removed, the same bytes under a
new path are a new record. Failure records are removed so their documents are tried
again, and so is a torn last line (a run killed mid-write) and a second record for one
path. Records of paths not among the inputs are kept as they are.

An output holding any line that is not a gongmun record (``hello world``, ``{"a": 1}``)
is refused and left exactly as it was. Lines are removed by cutting the file's end when
they are all at the end; otherwise the file is rewritten beside itself (in the folder
of its real path, so a symlink the user made stays a symlink), with its mode, and moved
into place atomically; that needs free space for the copy, and without it the output is
left as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from gongmun.writers_jsonl import JsonlWriter, OutputError, describe, lock, starts_as_record

Key = tuple[str, str | None]

_COPY_BLOCK: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    key: Key | None  # None: a blank line
    sha256: str | None
    failed: bool


def _record(raw: bytes) -> tuple[Key, str | None, bool] | None:
    """(key, sha256, is a failure) of one of gongmun's records, None for anything else."""
    try:
        rec: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(rec, dict):
        return None
    src = rec.get("source")
    if isinstance(src, dict) and isinstance(src.get("sha256"), str) and "text" in rec:
        path = src.get("path")
        return (str(path) if path is not None else "-", src.get("path_bytes")), src["sha256"], False
    if isinstance(rec.get("path"), str) and isinstance(rec.get("error"), str):
        return (rec["path"], rec.get("path_bytes")), rec.get("sha256"), True
    return None


def _scan(fd: int, name: str) -> tuple[list[_Line], int, int]:
    """The complete lines of the output, where the torn tail starts, and the file's size."""
    lines: list[_Line] = []
    with os.fdopen(os.dup(fd), "rb") as f:
        f.seek(0)
        pos = 0
        for number, raw in enumerate(iter(f.readline, b""), start=1):
            end = pos + len(raw)
            if not raw.endswith(b"\n"):
                if _torn(raw) and _record(raw) is None:
                    return lines, pos, end  # a record cut short: ours to remove
                if _record(raw) is None:
                    raise _foreign(name, number)
                lines.append(_Line(pos, end, *_record(raw)))  # type: ignore[misc]
                return lines, end, end
            if raw.strip() == b"":
                lines.append(_Line(pos, end, None, None, False))
            else:
                found = _record(raw)
                if found is None:
                    raise _foreign(name, number)
                lines.append(_Line(pos, end, *found))
            pos = end
    return lines, pos, pos


def _torn(raw: bytes) -> bool:
    """True for the start of one of gongmun's records, cut anywhere."""
    # A torn line starting as a record does is the remains of a run killed mid-write;
    # anything else is someone else's text.
    return starts_as_record(raw)


def _foreign(name: str, number: int) -> OutputError:
    return OutputError(
        name,
        f"line {number} is not a gongmun record, so --resume will not touch this file "
        "(it was left as it was); give another -o, or remove the --resume",
    )


def plan(
    lines: Sequence[_Line], keys: Sequence[Key], sha_of: Callable[[int], str | None]
) -> tuple[list[bool], list[bool]]:
    """(kept, per line; done, per input): which records stay and which inputs they cover."""
    wanted: dict[Key, list[int]] = {}
    for i, key in enumerate(keys):
        wanted.setdefault(key, []).append(i)
    done = [False] * len(keys)
    kept = []
    for line in lines:
        if line.key is None or line.key not in wanted:
            kept.append(True)  # a blank line, or another input's record: not ours to judge
            continue
        if line.failed:
            kept.append(False)
            continue
        free = [i for i in wanted[line.key] if not done[i]]
        match = next((i for i in free if sha_of(i) == line.sha256), None)
        if match is None:
            kept.append(False)  # an edited input, or a second record for one path
        else:
            done[match] = True
            kept.append(True)
    return kept, done


def resume(
    writer: JsonlWriter, keys: Sequence[Key], sha_of: Callable[[int], str | None]
) -> tuple[list[bool], int]:
    """Make the output ready to be appended to; return (done per input, lines removed).

    ``keys`` are the inputs' :func:`~gongmun.paths.record_key`; ``sha_of(i)`` the sha256
    of input ``i`` (called only for inputs the output has a record for).
    """
    assert writer.fd is not None
    try:
        lines, tail, size = _scan(writer.fd, writer.name)
    except OSError as e:
        raise OutputError(writer.name, f"cannot read: {describe(e)}") from e
    cache: dict[int, str | None] = {}

    def sha(i: int) -> str | None:
        if i not in cache:
            cache[i] = sha_of(i)
        return cache[i]

    kept, done = plan(lines, keys, sha)
    removed = kept.count(False) + (tail != size)
    first = kept.index(False) if False in kept else None
    if first is not None and any(kept[first:]):
        _rewrite(writer, [(x.start, x.end) for x, k in zip(lines, kept, strict=True) if k])
        return done, removed
    cut = lines[first].start if first is not None else tail
    try:
        if cut != size:
            os.ftruncate(writer.fd, cut)
        if cut and not _ends_with_newline(writer.fd, cut):
            os.write(writer.fd, b"\n")  # a last record without its newline, kept
    except OSError as e:
        raise OutputError(writer.name, f"cannot shorten it: {describe(e)}") from e
    return done, removed


def _ends_with_newline(fd: int, size: int) -> bool:
    return os.pread(fd, 1, size - 1) == b"\n"


def _rewrite(writer: JsonlWriter, ranges: list[tuple[int, int]]) -> None:
    """Write the kept lines beside the real file, then move them into its place."""
    assert writer.fd is not None
    real = Path(os.path.realpath(writer.name))
    mode = os.fstat(writer.fd).st_mode & 0o7777
    try:
        tmp_fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as e:
        raise OutputError(writer.name, f"cannot rewrite it: {describe(e)}") from e
    try:
        with os.fdopen(tmp_fd, "wb") as out:
            for start, end in ranges:
                pos = start
                while pos < end:
                    block = os.pread(writer.fd, min(_COPY_BLOCK, end - pos), pos)
                    out.write(block)
                    pos += len(block)
                if end > start and os.pread(writer.fd, 1, end - 1) != b"\n":
                    out.write(b"\n")
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        new_fd = os.open(tmp, os.O_RDWR | os.O_APPEND)
        try:
            lock(new_fd, writer.name)
            Path(tmp).replace(real)
        except BaseException:
            os.close(new_fd)
            raise
    except OSError as e:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise OutputError(
            writer.name, f"cannot rewrite it ({describe(e)}); it was left as it was"
        ) from e
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    writer.replace_fd(new_fd)


def prepare_resume(path: str | Path, keys: Sequence[Key] = ()) -> list[bool]:
    """Open ``path`` as :func:`resume` does for ``keys`` (paths as given), then close it.

    >>> import tempfile, pathlib
    >>> from gongmun.paths import record_key
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> _ = p.write_text('{"path": "x", "error": "empty", "message": ""}\\n{"schema_v')
    >>> prepare_resume(p, [record_key("x")])
    [False]
    >>> p.read_text()
    ''
    """
    from gongmun.batch import source_sha256

    names = [k[0] for k in keys]
    writer = JsonlWriter.open(path, append=True)
    try:
        return resume(writer, keys, lambda i: source_sha256(names[i]))[0]
    finally:
        writer.close()
