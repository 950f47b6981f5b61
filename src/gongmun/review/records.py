"""Records read back from a ``gongmun extract`` JSON Lines file, one at a time.

Every Document line carries ``text``, the normalized text its spans index, so a review
needs nothing but the JSONL. A line whose ``text`` was dropped (``jq 'del(.text)'`` to
save space) is given its text again by extracting the source file anew, only if the file
is still there with the same sha256 and the records' spans show their text in what that
extraction gives; otherwise the document is reported, never shown with wrong places.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gongmun.models import Document, Failure


@dataclass(frozen=True, slots=True)
class Unshown:
    """A line that cannot be shown, with the reason (names the file and line)."""

    where: str
    message: str
    path: str | None = None


Record = Document | Failure | Unshown


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    place = ".".join(str(x) for x in err["loc"])
    return f"{place}: {err['msg']}" if place else str(err["msg"])


def recover_text(rec: dict[str, Any], base: Path) -> str:
    """The normalized text of a record without ``text``, from its source file.

    Raises ``ValueError`` with a message a user can act on when the file is gone, has
    changed (another sha256) or gives another text than the records were found in.
    """
    import hashlib

    from gongmun.pipeline import extract

    src = rec.get("source") or {}
    path = src.get("path")
    if not path or path == "-":
        raise ValueError("the record has no text and came from stdin: extract it again")
    candidates = [Path(path), base / path]
    found = next((p for p in candidates if p.is_file()), None)
    if found is None:
        raise ValueError(f"the record has no text and its source {path} is gone")
    digest = hashlib.sha256(found.read_bytes()).hexdigest()
    if digest != src.get("sha256"):
        raise ValueError(
            f"the record has no text and its source {path} has changed since it was "
            "extracted (another sha256): extract it again"
        )
    from gongmun.errors import InputError

    try:
        text = extract(found).text
    except InputError as e:
        raise ValueError(f"the record has no text and {path} cannot be read: {e.problem}") from e
    for key in ("amounts", "periods"):
        for r in rec.get(key) or []:
            span = r.get("span") or {}
            start, end = span.get("start", 0), span.get("end", 0)
            if text[start:end] != r.get("text"):
                raise ValueError(
                    f"the record has no text, and extracting {path} again gives a text in "
                    f"which its {key} do not stand where the record says: extract it again"
                )
    return text


def parse_line(raw: str, where: str, base: Path) -> Record | None:
    """One JSONL line as a record; None for a blank line."""
    if not raw.strip():
        return None
    try:
        rec: Any = json.loads(raw)
    except json.JSONDecodeError as e:
        return Unshown(where, f"not JSON ({e.msg})")
    if not isinstance(rec, dict):
        return Unshown(where, "not a gongmun record (not a JSON object)")
    if "source" in rec:
        path = (rec.get("source") or {}).get("path")
        if "text" not in rec:
            try:
                rec = {**rec, "text": recover_text(rec, base)}
            except ValueError as e:
                return Unshown(where, str(e), path)
        try:
            return Document.model_validate(rec)
        except ValidationError as e:
            return Unshown(where, f"not a valid gongmun document ({_first_error(e)})", path)
    if "error" in rec and "path" in rec:
        try:
            return Failure.model_validate(rec)
        except ValidationError as e:
            return Unshown(where, f"not a valid gongmun failure ({_first_error(e)})")
    return Unshown(where, "not a gongmun record (no source, no error)")


def read_jsonl(path: str | Path) -> Iterator[Record]:
    """The records of a JSONL file, in order; a line that cannot be shown is an
    :class:`Unshown` naming ``FILE line N``. Raises ``OSError`` if the file cannot be read."""
    file = Path(path)
    with file.open(encoding="utf-8", errors="replace") as f:
        for number, raw in enumerate(f, start=1):
            record = parse_line(raw, f"{path} line {number}", file.parent)
            if record is not None:
                yield record
