"""Arrow types of the models: the one mapping every typed output uses.

Needs ``pyarrow`` (the ``parquet`` extra). The models in :mod:`gongmun.models` are the
single source of truth, and :func:`gongmun.writers_tables.spec_of` the single
derivation of a type from an annotation (CSV needs it without pyarrow); this module
only maps those types to Arrow, for the Parquet tables (``--format parquet``) and the
engines' partition batches (:func:`gongmun.engines.partition.partition_schema`) alike,
so a field added to a model appears in both with the same type:

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

A field is non-nullable only when its annotation excludes ``None``. Parquet tables
ask for every field nullable (``keep_nulls=False``): a row may be built from a JSON
Lines record written before a field existed.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from gongmun.writers_tables import ListOf, Spec, Struct, is_optional, spec_of


def spec_type(spec: Spec, keep_nulls: bool = True) -> Any:
    """The ``pyarrow.DataType`` of a column type from :func:`spec_of`.

    ``keep_nulls``: nested fields and list items are non-nullable where the model says
    so; with False every one is nullable.

    >>> str(spec_type(spec_of(list[int]))), str(spec_type(spec_of(list[int]), False))
    ('list<item: int64 not null>', 'list<item: int64>')
    """
    import pyarrow as pa

    if isinstance(spec, ListOf):
        nullable = spec.optional or not keep_nulls
        return pa.list_(pa.field("item", spec_type(spec.item, keep_nulls), nullable=nullable))
    if isinstance(spec, Struct):
        return pa.struct(
            [
                pa.field(n, spec_type(s, keep_nulls), nullable=n in spec.optional or not keep_nulls)
                for n, s in spec.fields
            ]
        )
    scalars = {
        "str": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "float": pa.float64(),  # page coordinates only: money is int
        "date": pa.date32(),
        "json": pa.string(),  # a union of several types: its JSON text
    }
    return scalars[spec]


def arrow_type(annotation: Any) -> Any:
    """The ``pyarrow.DataType`` of one model annotation (``None`` only sets nullability).

    >>> from gongmun.models import Span
    >>> str(arrow_type(list[Span]))
    'list<item: struct<start: int64 not null, end: int64 not null> not null>'
    """
    return spec_type(spec_of(annotation))


def model_fields(model: type[BaseModel]) -> list[Any]:
    """The ``pyarrow.Field`` of every field of ``model``, in declaration order.

    >>> from gongmun.models import Failure
    >>> [(f.name, str(f.type), f.nullable) for f in model_fields(Failure)][:2]
    [('path', 'string', False), ('error', 'string', False)]
    """
    import pyarrow as pa

    return [
        pa.field(name, arrow_type(f.annotation), nullable=is_optional(f.annotation))
        for name, f in model.model_fields.items()
    ]


def model_struct(model: type[BaseModel]) -> Any:
    """The Arrow ``struct`` type of ``model``: its fields, typed by :func:`arrow_type`.

    >>> from gongmun.models import TimePoint
    >>> str(model_struct(TimePoint))
    'struct<year: int64, month: int64, half: int64, quarter: int64>'
    """
    return spec_type(spec_of(model))


__all__ = ["arrow_type", "model_fields", "model_struct", "spec_type"]
