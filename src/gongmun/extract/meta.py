"""Document facts: title, issuer, dates, kind (work in progress)."""

from __future__ import annotations

from gongmun.extract.context import Context
from gongmun.models import Meta


def find_meta(ctx: Context) -> Meta:
    """Return what the document says about itself."""
    return Meta()
