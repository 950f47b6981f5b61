"""Find periods in normalized text (work in progress)."""

from __future__ import annotations

from typing import Any

from gongmun.extract.context import Context


def find_periods(ctx: Context, *_: Any) -> list[Any]:
    """Return the periods of the document, in text order."""
    return []
