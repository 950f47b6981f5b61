"""Review what gongmun extracted: a static site showing every record in its document
(``gongmun review``), and Label Studio pre-annotations (``gongmun export``).

>>> from gongmun.review import ReviewSite, read_jsonl  # doctest: +SKIP
>>> site = ReviewSite("out-review")  # doctest: +SKIP
>>> for record in read_jsonl("out.jsonl"):  # doctest: +SKIP
...     site.add(record)
>>> site.close()  # doctest: +SKIP

The names load on first use, so that the command line starts without pydantic.
"""

from __future__ import annotations

import importlib
from typing import Any

_NAMES = {
    "ReviewSite": "gongmun.review.site",
    "SiteError": "gongmun.review.site",
    "site_problem": "gongmun.review.site",
    "Unshown": "gongmun.review.records",
    "read_jsonl": "gongmun.review.records",
}
__all__ = sorted(_NAMES)


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        return getattr(importlib.import_module(_NAMES[name]), name)
    raise AttributeError(f"module 'gongmun.review' has no attribute {name!r}")
