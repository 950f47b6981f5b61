"""Document bytes from storage: local paths, or fsspec URLs (``s3://``, ``gs://``, ``file://``).

URLs need the ``storage`` extra (``pip install 'gongmun[storage]'``, which brings
fsspec) plus the file system for the scheme: ``s3fs`` for ``s3://``, ``gcsfs`` for
``gs://``, ``adlfs`` for ``abfs://``; credentials come from the usual places (the
environment, instance roles) or ``storage_options``. A plain path is read directly.
Reading never raises for one document: a missing or unreadable object becomes the
:class:`~gongmun.errors.InputError` the partition turns into its failure row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any, Final

from gongmun.errors import InputError
from gongmun.inputs import DOCUMENT_SUFFIXES, find_documents
from gongmun.readers import file_bytes, limits

_GLOB_CHARS: Final = frozenset("*?[")


def is_url(path: str) -> bool:
    """True for a URL with a scheme (``s3://b/k``, ``memory://x``), False for a path.

    >>> is_url("s3://bucket/보도자료.pdf"), is_url("inbox/보도자료.pdf")
    (True, False)
    """
    return "://" in path


def _fs(url: str, storage_options: Mapping[str, Any] | None) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError as e:
        raise ImportError(
            f"{url}: URLs need fsspec: pip install 'gongmun[storage]' "
            "(and s3fs for s3://, gcsfs for gs://)"
        ) from e
    fs, path = fsspec.core.url_to_fs(url, **dict(storage_options or {}))
    return fs, path


def read_document(
    path: str, storage_options: Mapping[str, Any] | None = None
) -> bytes | InputError:
    """The bytes of the document at ``path`` (a path or URL), or the error that stopped it.

    The codes are those of a local file: ``not_found``, ``is_directory``, ``too_large``
    (from the object's size, before reading), ``unreadable``.

    >>> read_document("memory://없는/문서.txt").code
    'not_found'
    """
    if not is_url(path):
        try:
            return file_bytes(path)
        except InputError as e:
            return e
    fs, inner = _fs(path, storage_options)
    try:
        if fs.isdir(inner):
            return InputError(path, "is a directory, not a document", "is_directory")
        info = fs.info(inner)
        size = info.get("size")
        if isinstance(size, int) and size > limits.MAX_FILE_BYTES:
            return InputError(
                path,
                f"object of {size:,} bytes is over the limit of {limits.MAX_FILE_BYTES:,}",
                "too_large",
            )
        data: bytes = fs.cat_file(inner)
    except FileNotFoundError:
        return InputError(path, "no such file", "not_found")
    except OSError as e:
        return InputError(path, f"cannot read: {e.strerror or e}", "unreadable")
    return data


def find_urls(
    patterns: Iterable[str], storage_options: Mapping[str, Any] | None = None
) -> list[str]:
    """Expand paths and URLs into documents, as :func:`gongmun.inputs.find_documents` does.

    A URL that is a folder is searched recursively for the document extensions
    (hidden folders skipped); a URL with ``*``/``?``/``[`` is a glob; any other URL is
    kept as it is (a missing one becomes a ``not_found`` row). Results keep the scheme
    and are sorted within each pattern; plain paths go through ``find_documents``.
    """
    out: list[str] = []
    seen: set[str] = set()
    for pattern in patterns:
        found = _expand_url(pattern, storage_options) if is_url(pattern) else None
        for p in found if found is not None else find_documents([pattern]):
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out


def _expand_url(url: str, storage_options: Mapping[str, Any] | None) -> list[str]:
    fs, inner = _fs(url, storage_options)
    if _GLOB_CHARS & set(inner):
        matches = [m for m in fs.glob(inner) if not fs.isdir(m)]
    elif fs.isdir(inner):
        matches = [m for m in fs.find(inner) if _wanted(m, inner)]
    else:
        return [url]
    return sorted(fs.unstrip_protocol(m) for m in matches)


def _wanted(path: str, root: str) -> bool:
    rel = PurePosixPath(path).relative_to(PurePosixPath(root.rstrip("/") or "/"))
    hidden = any(part.startswith(".") for part in rel.parts[:-1])
    return not hidden and PurePosixPath(path).suffix.lower() in DOCUMENT_SUFFIXES
