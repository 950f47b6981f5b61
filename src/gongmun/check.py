"""Golden-file checks: documents with their expected output beside them, for CI.

``DIR/<name>.<ext>`` is an input and ``DIR/<name>.expected.json`` its expected record
(a Document or a Failure, ``source.path`` relative to ``DIR``, keys sorted, Hangul
unescaped). :func:`check_dir` extracts every input again and reports, field by field,
what changed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Final, Literal

from gongmun.batch import extract_many
from gongmun.inputs import walk_documents
from gongmun.models import Document, Failure

EXPECTED_SUFFIX: Final = ".expected.json"
_SHOWN: Final = 100  # characters of a value shown in a diff line


def expected_path(document: Path, shared_stem: bool = False) -> Path:
    """Where the expectation of ``document`` lives: ``<name>.expected.json`` beside it.

    When another input in the same folder has the same name with another extension
    (``seed000.pdf`` and ``seed000.hwpx``), each keeps its extension instead.

    >>> expected_path(Path("fixtures/made/amounts.txt")).as_posix()
    'fixtures/made/amounts.expected.json'
    >>> expected_path(Path("fixtures/readers/seed000.pdf"), shared_stem=True).as_posix()
    'fixtures/readers/seed000.pdf.expected.json'
    """
    name = document.name if shared_stem else document.stem
    return document.with_name(name + EXPECTED_SUFFIX)


def is_checked(document: Path) -> bool:
    """README files describe a fixture folder; they are not fixtures themselves.

    >>> is_checked(Path("fixtures/readers/README.md")), is_checked(Path("a/보도자료.md"))
    (False, True)
    """
    return not document.name.upper().startswith("README")


def expectations(inputs: list[Path]) -> dict[Path, Path]:
    """Input → its expectation file, for every input (see :func:`expected_path`)."""
    stems = Counter((p.parent, p.stem) for p in inputs)
    return {p: expected_path(p, stems[(p.parent, p.stem)] > 1) for p in inputs}


def render(record: dict[str, Any]) -> str:
    """The text of an expectation file for one record."""
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# Fields that differ between machines or releases, not between extractions: left out of
# expectations so that upgrading pdfplumber does not change every fixture.
_UNCHECKED: Final = ("gongmun_version", "reader")


def _relabel(result: Document | Failure, rel: str) -> dict[str, Any]:
    # The path as run depends on the working directory; the one recorded must not.
    if isinstance(result, Failure):
        record = result.model_copy(update={"path": rel}).model_dump(mode="json")
        where = record
    else:
        source = result.source.model_copy(update={"path": rel})
        record = result.model_copy(update={"source": source}).model_dump(mode="json")
        where = record["source"]
    for key in _UNCHECKED:
        where.pop(key, None)
    if where.get("path_bytes") is None:
        where.pop("path_bytes", None)
    return record


def _recorded_path(exp: Path) -> str | None:
    """The input path (relative to DIR) an expectation file records, None if not ours."""
    try:
        record = json.loads(exp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    source = record.get("source")
    path = source.get("path") if isinstance(source, dict) else record.get("path")
    if isinstance(path, str) and ("source" in record or "error" in record):
        return path
    return None


def _orphan_of(root: Path, exp: Path) -> bool:
    """True if ``exp`` is gongmun's expectation of an input under ``root`` that is gone.

    Any other ``*.expected.json`` (a user's own file, one for another tool) is not ours:
    ``check`` neither reports nor deletes it.
    """
    rel = _recorded_path(exp)
    if rel is None or rel.startswith("/") or ".." in Path(rel).parts:
        return False
    doc = root / rel
    if doc.exists():
        return False
    return exp in (expected_path(doc), expected_path(doc, shared_stem=True))


@dataclass
class CaseResult:
    """The outcome for one input (or for one expectation left without its input)."""

    name: str
    status: Literal["ok", "changed", "new", "stale"]
    differences: list[str] = field(default_factory=list)
    actual: str | None = None
    expected_file: Path | None = None


class CheckError(Exception):
    """DIR cannot be checked (missing, or without documents)."""


def check_dir(
    directory: str | Path, jobs: int = 1, timeout: float | None = None
) -> list[CaseResult]:
    """Extract every input under ``directory`` and compare with its expectation.

    ``timeout`` is the time limit per document, as for
    :func:`~gongmun.batch.extract_many`.
    """
    root = Path(directory)
    if not root.is_dir():
        raise CheckError(f"{root}: not a directory")
    inputs = [p for p in walk_documents(root) if is_checked(p)]
    if not inputs:
        raise CheckError(f"{root}: no documents to check")
    expected_of = expectations(inputs)
    owners = set(expected_of.values())
    results: list[CaseResult] = []
    for doc, result in zip(inputs, extract_many(inputs, jobs=jobs, timeout=timeout), strict=True):
        rel = doc.relative_to(root).as_posix()
        exp = expected_of[doc]
        actual = _relabel(result, rel)
        text = render(actual)
        if not exp.exists():
            results.append(CaseResult(rel, "new", [], text, exp))
            continue
        try:
            expected = json.loads(exp.read_text(encoding="utf-8"))
        except ValueError as e:
            diffs = [f"{exp.name} is not valid JSON: {e}"]
            results.append(CaseResult(rel, "changed", diffs, text, exp))
            continue
        diffs = list(diff(expected, actual))
        results.append(CaseResult(rel, "changed" if diffs else "ok", diffs, text, exp))
    for exp in sorted(root.rglob("*" + EXPECTED_SUFFIX)):
        hidden = any(p.startswith(".") for p in exp.relative_to(root).parts)
        if exp not in owners and not hidden and _orphan_of(root, exp):
            rel = exp.relative_to(root).as_posix()
            results.append(CaseResult(rel, "stale", ["its input is gone"], None, exp))
    return results


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def _write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: a reader sees the old file or the new."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update(
    results: list[CaseResult], directory: str | Path
) -> tuple[list[CaseResult], list[tuple[CaseResult, str]]]:
    """Rewrite the expectations of changed and new cases, delete stale ones.

    Only expectations of documents this check ran (or gongmun's own orphans) are
    touched, each atomically, and only inside ``directory``: an expectation that is a
    symbolic link to a place outside it is refused, not written through. Returns the
    cases updated and the ones refused with the reason.
    """
    root = Path(directory)
    touched: list[CaseResult] = []
    refused: list[tuple[CaseResult, str]] = []
    for r in results:
        exp = r.expected_file
        if r.status == "ok" or exp is None:
            continue
        if not _inside(root, exp):
            refused.append((r, f"{exp} leads outside {root}"))
            continue
        if r.status == "stale":
            exp.unlink()
        elif r.actual is not None:
            _write_atomic(exp.resolve() if exp.is_symlink() else exp, r.actual)
        touched.append(r)
    return touched, refused


def _failure_text(record: dict[str, Any]) -> str | None:
    """``a failure (code: message)`` for a Failure record, None for a Document."""
    if "source" in record or "error" not in record:
        return None
    return f"a failure ({record.get('error')}: {record.get('message')})"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _label(value: Any) -> str:
    """A record named by what a reader recognizes: its text and value, or its name."""
    if isinstance(value, dict):
        if "text" in value and "value_krw" in value:
            return f"{_short(value['text'])} ({value['value_krw']})"
        for key in ("name", "text", "code"):
            if isinstance(value.get(key), str):
                return _short(value[key])
    return _short(value)


def _text_diff(old: str, new: str, where: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
    i = min(len(old), len(new)) if i is None else i
    lo = max(0, i - 20)
    return (
        f"{where}: differs from offset {i} (length {len(old)} -> {len(new)}): "
        f"{_short(old[lo : i + 40])} -> {_short(new[lo : i + 40])}"
    )


def _diff_lists(old: list[Any], new: list[Any], where: str) -> Iterator[str]:
    keys_old = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in old]
    keys_new = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in new]
    matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            i, j = i1 + k, j1 + k
            label = f"{where}[{i}]" if i == j else f"{where}[{i}->{j}]"
            yield from diff(old[i], new[j], label)
        for i in range(i1 + paired, i2):
            yield f"{where}[{i}]: removed {_label(old[i])}"
        for j in range(j1 + paired, j2):
            yield f"{where}[{j}]: added {_label(new[j])}"


def diff(old: Any, new: Any, where: str = "") -> Iterator[str]:
    """Readable differences between two JSON values, one line per changed field.

    Lists of records are aligned first, so one inserted amount reads as one addition,
    not as every later amount changing.

    >>> old = {"amounts": [{"text": "100억원", "value_krw": 10000000000}]}
    >>> new = {"amounts": [{"text": "100억원", "value_krw": 1000000000},
    ...                    {"text": "5천만원", "value_krw": 50000000}]}
    >>> for line in diff(old, new):
    ...     print(line)
    amounts[0].value_krw: 10000000000 -> 1000000000
    amounts[1]: added "5천만원" (50000000)
    """
    if not where and isinstance(old, dict) and isinstance(new, dict):
        was, now = _failure_text(old), _failure_text(new)
        if (was is None) != (now is None):
            yield f"was {was or 'a document'}, now {now or 'a document'}"
            return
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(old.keys() | new.keys()):
            sub = f"{where}.{k}" if where else k
            if k not in new:
                yield f"{sub}: removed (was {_short(old[k])})"
            elif k not in old:
                yield f"{sub}: added {_short(new[k])}"
            else:
                yield from diff(old[k], new[k], sub)
    elif isinstance(old, list) and isinstance(new, list):
        yield from _diff_lists(old, new, where)
    elif isinstance(old, str) and isinstance(new, str) and old != new:
        if max(len(old), len(new)) > _SHOWN // 2 or "\n" in old + new:
            yield _text_diff(old, new, where or "value")
        else:
            yield f"{where or 'value'}: {_short(old)} -> {_short(new)}"
    elif old != new or type(old) is not type(new):
        yield f"{where or 'value'}: {_short(old)} -> {_short(new)}"
