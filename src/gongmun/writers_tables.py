"""The flat tables of ``--format csv|parquet``, derived from the pydantic models.

Nothing here names a field: the columns come from the models, so a field added to a
model (``Document.tables``, a new ``Amount`` attribute) has its column, with its type,
in the next run. The rules:

- ``documents``: one row per Document: the fields of ``source`` and ``meta``, and the
  number of records in each of the Document's lists (``amounts``, ``periods``...).
- One table per list of records on the Document (``amounts``, ``periods``, ``projects``,
  ``tables``, ``warnings``), one row per record, ``index`` its place in the list;
  ``cells`` (of ``tables``) is a table of its own too, ``table`` naming its table.
- ``failures``: one row per Failure.
- Every row starts with the document's ``path`` and ``sha256``, which join the tables.
- A nested record (``span``, ``period``, ``total``, ``cell``) is flattened into columns
  named by its path: ``span_start``, ``raw_span_end``, ``period_start_year``,
  ``total_value_krw``, ``cell_table``.
- A nested list (``annual``, ``funding``, ``meta.contacts``, a cell's ``bbox``) is one
  column: in Parquet a typed list (of structs for records), in CSV its JSON text.
- Types: integers are 64-bit integers, dates are dates, booleans booleans, text text.

Rows are built from the JSON form of a record (``model_dump(mode="json")``), so a JSON
Lines file written earlier can be turned into tables the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, Final, Literal, Union

from pydantic import BaseModel

from gongmun.models import Document, Failure, Meta, Source

Scalar = Literal["str", "int", "bool", "date", "float", "json"]


@dataclass(frozen=True, slots=True)
class Struct:
    """A nested record: its fields in order, and those that may be None."""

    fields: tuple[tuple[str, Spec], ...]
    optional: frozenset[str] = dataclasses.field(default=frozenset(), repr=False)


@dataclass(frozen=True, slots=True)
class ListOf:
    """A list of values of one type (``optional``: an item may be None)."""

    item: Spec
    optional: bool = dataclasses.field(default=False, repr=False)


Spec = Union[Scalar, Struct, ListOf]  # noqa: UP007 (a forward reference in a runtime alias)


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its name, where its value sits in a row's record, and its type.

    ``kind`` is the scalar kind for scalar columns and ``list`` or ``struct`` for the
    others (their shape is ``spec``).
    """

    name: str
    path: tuple[str, ...]
    spec: Spec = "str"

    @property
    def kind(self) -> str:
        """``str``, ``int``, ``bool``, ``date``, ``float``, ``json``, ``list`` or ``struct``."""
        if isinstance(self.spec, ListOf):
            return "list"
        if isinstance(self.spec, Struct):
            return "struct"
        return self.spec


_SCALARS: Final[dict[Any, Scalar]] = {
    str: "str",
    int: "int",
    bool: "bool",
    float: "float",
    dt.date: "date",
}

# Lists on a table's record that are tables of their own: (list, field) → (table, the
# column naming the parent's index).
CHILD_TABLES: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("tables", "cells"): ("cells", "table"),
}
# Document fields that are not tables' business: the normalized text is in JSON Lines.
_LEFT_OUT: Final = frozenset({"text", "schema_version"})
_KEY: Final = ("path", "sha256")


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``Annotated`` and ``None``, and whether None was allowed
    (a union of several other types is kept whole)."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                return annotation, optional
            annotation = args[0]
        else:
            return annotation, optional


def is_optional(annotation: Any) -> bool:
    """Whether a field so annotated may be None.

    >>> is_optional(int | None), is_optional(list[str])
    (True, False)
    """
    return _strip(annotation)[1]


def spec_of(annotation: Any) -> Spec:
    """The column type of a model field's annotation: the one derivation of types from
    the models, which the CSV and Parquet tables and the engines' Arrow batches
    (:mod:`gongmun.arrow_schema`) all use.

    >>> spec_of(int | None), spec_of(list[str])
    ('int', ListOf(item='str'))
    """
    tp, _ = _strip(annotation)
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return "json"  # several types: the value's JSON text
    if origin is Literal:
        values = typing.get_args(tp)
        return "int" if all(isinstance(v, int) for v in values) else "str"
    if origin in (list, tuple):
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        if not args or len(set(args)) > 1:
            return ListOf("json")
        return ListOf(spec_of(args[0]), optional=is_optional(args[0]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        fields = tp.model_fields.items()
        return Struct(
            tuple((n, spec_of(f.annotation)) for n, f in fields),
            frozenset(n for n, f in fields if is_optional(f.annotation)),
        )
    return _SCALARS.get(tp, "json")


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds (alone or in a list), if it holds one."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated or origin in (Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def flatten(
    model: type[BaseModel],
    path: tuple[str, ...] = (),
    prefix: str = "",
    skip: frozenset[str] = frozenset(),
) -> list[Column]:
    """Columns of ``model``: nested records flattened into ``parent_field`` names.

    >>> from gongmun.models import Span
    >>> [c.name for c in flatten(Span, prefix="raw_span_")]
    ['raw_span_start', 'raw_span_end']
    """
    out: list[Column] = []
    for name, field in model.model_fields.items():
        if name in skip:
            continue
        spec = spec_of(field.annotation)
        if isinstance(spec, Struct):
            nested = _model_of(field.annotation)
            assert nested is not None
            out.extend(flatten(nested, (*path, name), f"{prefix}{name}_"))
        else:
            out.append(Column(prefix + name, (*path, name), spec))
    return out


def _with_key(columns: list[Column], key: tuple[Column, ...]) -> tuple[Column, ...]:
    names = {c.name for c in key}
    return (*key, *(c for c in columns if c.name not in names))


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How one table's rows are found in a Document: the list, and the child's parent."""

    columns: tuple[Column, ...]
    field: str | None = None  # the Document's list this table comes from
    parent: tuple[str, str, str] | None = None  # (parent list, its field, parent column)


def _key() -> tuple[Column, Column]:
    return Column("path", ("path",)), Column("sha256", ("sha256",))


def _build() -> dict[str, TableSpec]:
    key = _key()
    lists = {
        name: model
        for name, field in Document.model_fields.items()
        if name not in _LEFT_OUT
        and isinstance(spec_of(field.annotation), ListOf)
        and (model := _model_of(field.annotation)) is not None
    }
    doc_cols = [
        *flatten(Source, ("source",)),
        *flatten(Meta, ("meta",)),
        *(Column(name, ("#count", name), "int") for name in lists),
    ]
    specs: dict[str, TableSpec] = {"documents": TableSpec(_with_key(doc_cols, key))}
    for name, model in lists.items():
        children = {f for (parent, f) in CHILD_TABLES if parent == name}
        cols = flatten(model, skip=frozenset(children))
        index = () if "index" in model.model_fields else (Column("index", ("#index",), "int"),)
        specs[name] = TableSpec(_with_key(cols, (*key, *index)), field=name)
        for child in sorted(children):
            table, parent_col = CHILD_TABLES[(name, child)]
            child_model = _model_of(model.model_fields[child].annotation)
            assert child_model is not None
            head = (
                *key,
                Column(parent_col, ("#parent",), "int"),
                Column("index", ("#index",), "int"),
            )
            specs[table] = TableSpec(
                _with_key(flatten(child_model), head), parent=(name, child, parent_col)
            )
    specs["failures"] = TableSpec(_with_key(flatten(Failure), key))
    return specs


SPECS: Final[dict[str, TableSpec]] = _build()
TABLES: Final[dict[str, tuple[Column, ...]]] = {name: s.columns for name, s in SPECS.items()}


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(record, dict):
            return None
        record = record.get(part)
    return record


def _row(
    columns: tuple[Column, ...], record: dict[str, Any], extra: dict[str, Any]
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for c in columns:
        if c.path[0].startswith("#") or (c.path == (c.name,) and c.name in extra):
            row[c.name] = extra.get(c.name)
        else:
            row[c.name] = _get(record, c.path)
    return row


def table_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every table for one Document or Failure in JSON form.

    >>> rows = table_rows({"path": "a.hwp", "error": "unsupported", "message": "…",
    ...                    "sha256": None})
    >>> rows["failures"][0]["error"], rows["amounts"]
    ('unsupported', [])
    """
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in SPECS}
    if "source" not in record:
        out["failures"].append(_row(SPECS["failures"].columns, record, {}))
        return out
    src = record.get("source") or {}
    key = {"path": src.get("path"), "sha256": src.get("sha256")}
    counts = {name: len(record.get(s.field) or []) for name, s in SPECS.items() if s.field}
    out["documents"].append(_row(SPECS["documents"].columns, record, {**key, **counts}))
    for name, spec in SPECS.items():
        if spec.field is not None:
            for i, item in enumerate(record.get(spec.field) or []):
                out[name].append(_row(spec.columns, item, {**key, "index": i}))
        elif spec.parent is not None:
            parent_list, child_field, parent_col = spec.parent
            for p_index, parent in enumerate(record.get(parent_list) or []):
                p_id = parent.get("index", p_index) if isinstance(parent, dict) else p_index
                for i, child in enumerate(_get(parent, (child_field,)) or []):
                    out[name].append(
                        _row(spec.columns, child, {**key, parent_col: p_id, "index": i})
                    )
    return out


def to_python(spec: Spec, value: Any) -> Any:
    """A JSON-form value as the Python value of its type (ISO dates become dates).

    >>> to_python("date", "2025-04-09")
    datetime.date(2025, 4, 9)
    """
    if value is None:
        return None
    if isinstance(spec, ListOf):
        return [to_python(spec.item, v) for v in value] if isinstance(value, list) else None
    if isinstance(spec, Struct):
        if not isinstance(value, dict):
            return None
        return {n: to_python(s, value.get(n)) for n, s in spec.fields}
    if spec == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if spec == "json":
        return json.dumps(value, ensure_ascii=False)
    return value


def to_csv(spec: Spec, value: Any) -> Any:
    """A JSON-form value as a CSV cell: lists and records as their JSON text."""
    if value is None:
        return None
    if isinstance(spec, ListOf | Struct) or spec == "json":
        return json.dumps(value, ensure_ascii=False)
    return value
