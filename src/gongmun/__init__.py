"""gongmun (공문): Korean government documents into validated, traceable records.

>>> import gongmun
>>> doc = gongmun.extract_text("2028년까지 4년간 6개 과제에 총 600억원 지원 예정")
>>> doc.schema_version
'1'

The names below are imported on first use: ``import gongmun`` (and so ``gongmun
--help``) loads neither the rules nor pydantic, pdfplumber, pyarrow or Kiwi.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from gongmun.versions import VERSION

if TYPE_CHECKING:
    from gongmun.batch import extract_many
    from gongmun.errors import GongmunError, InputError
    from gongmun.models import Amount, Document, Failure, Period, Project, Span, TimePoint
    from gongmun.normalize import Normalized, normalize
    from gongmun.pipeline import extract, extract_bytes, extract_text

__version__ = VERSION

# Public name → the module that defines it.
_LAZY: dict[str, str] = {
    "extract_many": "gongmun.batch",
    "GongmunError": "gongmun.errors",
    "InputError": "gongmun.errors",
    "Amount": "gongmun.models",
    "Document": "gongmun.models",
    "Failure": "gongmun.models",
    "Period": "gongmun.models",
    "Project": "gongmun.models",
    "Span": "gongmun.models",
    "TimePoint": "gongmun.models",
    "Normalized": "gongmun.normalize",
    "normalize": "gongmun.normalize",
    "extract": "gongmun.pipeline",
    "extract_bytes": "gongmun.pipeline",
    "extract_text": "gongmun.pipeline",
}

__all__ = [
    "Amount",
    "Document",
    "Failure",
    "GongmunError",
    "InputError",
    "Normalized",
    "Period",
    "Project",
    "Span",
    "TimePoint",
    "__version__",
    "extract",
    "extract_bytes",
    "extract_many",
    "extract_text",
    "normalize",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gongmun' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


class _Package(types.ModuleType):
    """``gongmun.normalize`` stays the function when the subpackage of that name loads.

    Importing a submodule sets it as an attribute of its package; loaded eagerly, the
    function was bound after the subpackage, and a lazy load must not turn
    ``gongmun.normalize`` into the subpackage either.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
