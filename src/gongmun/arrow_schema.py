"""Arrow types derived from the pydantic models: one derivation for every typed output.

Needs ``pyarrow`` (the ``parquet`` extra). The models in :mod:`gongmun.models` are the
single source of truth; this module only maps their annotations to Arrow, so a field
added to a model appears in every Arrow and Parquet output with no second list to keep:

==============================  =======================================
model annotation                Arrow type
==============================  =======================================
``int`` (won, offsets, years)   ``int64`` (exact; money is never float)
``str``, ``Literal[...]``       ``string``
``bool``                        ``bool``
``float`` (page coordinates)    ``float64``
``tuple[X, ...]`` of one type   ``list<X>``
``datetime.date``               ``date32``
``list[X]``                     ``list<X>``
a model                         ``struct`` of its fields, in order
``X | None``                    X, nullable
==============================  =======================================

Use :func:`arrow_type` for one annotation and :func:`model_struct` for a model; the
partition schema of the engines (:func:`gongmun.engines.partition.partition_schema`) is
built from them.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

_UNION_TYPES: tuple[Any, ...] = (Union, types.UnionType)


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``Annotated`` and ``None``, and whether None was allowed."""
    nullable = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in _UNION_TYPES:
            args = [a for a in get_args(annotation) if a is not type(None)]
            nullable = nullable or len(args) < len(get_args(annotation))
            if len(args) != 1:
                raise TypeError(f"no Arrow type for a union of {args}")
            annotation = args[0]
        else:
            return annotation, nullable


def arrow_type(annotation: Any) -> Any:
    """The ``pyarrow.DataType`` of one model annotation (``None`` only sets nullability).

    >>> from gongmun.models import Span
    >>> str(arrow_type(list[Span]))
    'list<item: struct<start: int64 not null, end: int64 not null> not null>'
    """
    import pyarrow as pa

    tp, _ = _strip(annotation)
    origin = get_origin(tp)
    if origin is Literal:
        values = get_args(tp)
        if all(isinstance(v, str) for v in values):
            return pa.string()
        raise TypeError(f"no Arrow type for {tp}")
    if origin is tuple and len(set(get_args(tp)) - {Ellipsis}) == 1:
        # A tuple of one type (a bbox's four coordinates) is a list: every engine reads
        # lists, not all read fixed-size lists.
        return _list_of(get_args(tp)[0])
    if origin is list:
        return _list_of(get_args(tp)[0])
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return model_struct(tp)
    scalars: dict[Any, Any] = {
        bool: pa.bool_(),  # before int: bool is an int to issubclass
        int: pa.int64(),
        float: pa.float64(),  # page coordinates only: money is int
        str: pa.string(),
        dt.date: pa.date32(),
    }
    if tp in scalars:
        return scalars[tp]
    raise TypeError(f"no Arrow type for {tp!r}")


def _list_of(item: Any) -> Any:
    import pyarrow as pa

    inner, nullable = _strip(item)
    return pa.list_(pa.field("item", arrow_type(inner), nullable=nullable))


def model_fields(model: type[BaseModel]) -> list[Any]:
    """The ``pyarrow.Field`` of every field of ``model``, in declaration order.

    A field is non-nullable only when its annotation excludes ``None``.

    >>> from gongmun.models import Failure
    >>> [(f.name, str(f.type), f.nullable) for f in model_fields(Failure)][:2]
    [('path', 'string', False), ('error', 'string', False)]
    """
    import pyarrow as pa

    hints = typing.get_type_hints(model, include_extras=True)
    out = []
    for name in model.model_fields:
        _, nullable = _strip(hints[name])
        out.append(pa.field(name, arrow_type(hints[name]), nullable=nullable))
    return out


def model_struct(model: type[BaseModel]) -> Any:
    """The Arrow ``struct`` type of ``model``: its fields, typed by :func:`arrow_type`.

    >>> from gongmun.models import TimePoint
    >>> str(model_struct(TimePoint))
    'struct<year: int64, month: int64, half: int64, quarter: int64>'
    """
    import pyarrow as pa

    return pa.struct(model_fields(model))


__all__ = ["arrow_type", "model_fields", "model_struct"]
