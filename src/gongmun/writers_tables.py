"""The flat tables of ``--format csv|parquet``: their columns, and rows from one record.

Rows are built from the JSON form of a record (``model_dump(mode="json")``), so a JSON
Lines file written earlier can be turned into tables the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Final, Literal


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its name and its type (``str``, ``int`` 64-bit, ``bool``)."""

    name: str
    kind: Literal["str", "int", "bool"]


def _cols(spec: str) -> tuple[Column, ...]:
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, kind or "str"))  # type: ignore[arg-type]
    return tuple(out)


_KEY: Final = "path sha256"
_SPANS: Final = "span_start:int span_end:int raw_start:int raw_end:int page:int"
_CELL: Final = "cell_table:int cell_row:int cell_col:int"
_POINTS: Final = (
    "start_year:int start_month:int start_half:int start_quarter:int "
    "end_year:int end_month:int end_half:int end_quarter:int"
)

TABLES: Final[dict[str, tuple[Column, ...]]] = {
    "documents": _cols(
        f"{_KEY} media_type encoding pages:int title issuer issued kind "
        "amounts:int periods:int projects:int warnings:int"
    ),
    "amounts": _cols(
        f"{_KEY} index:int text value_krw:int year:int qualifier unit_implied:bool per "
        f"decrease:bool {_SPANS} {_CELL}"
    ),
    "periods": _cols(f"{_KEY} index:int text {_POINTS} duration_years:int {_SPANS} {_CELL}"),
    "projects": _cols(
        f"{_KEY} index:int name group period_text {_POINTS} total_text total_krw:int "
        f"annual_json funding_json {_SPANS}"
    ),
    "failures": _cols(f"{_KEY} error message"),
    # One row per table, one per cell: ``cells.table`` joins ``tables.index``.
    "tables": _cols(
        f"{_KEY} index:int source caption unit n_rows:int n_cols:int header_rows:int {_SPANS}"
    ),
    "cells": _cols(
        f"{_KEY} table:int row:int col:int rowspan:int colspan:int text header:bool "
        "span_start:int span_end:int raw_start:int raw_end:int"
    ),
}


def _spans(rec: dict[str, Any]) -> dict[str, Any]:
    span = rec.get("span") or {}
    raw = rec.get("raw_span") or {}
    return {
        "span_start": span.get("start"),
        "span_end": span.get("end"),
        "raw_start": raw.get("start"),
        "raw_end": raw.get("end"),
        "page": rec.get("page"),
    }


def _cell(rec: dict[str, Any]) -> dict[str, Any]:
    cell = rec.get("cell") or {}
    return {f"cell_{k}": cell.get(k) for k in ("table", "row", "col")}


def _table(key: dict[str, Any], t: dict[str, Any]) -> dict[str, Any]:
    fields = ("index", "source", "caption", "unit", "n_rows", "n_cols", "header_rows")
    return {**key, **{f: t.get(f) for f in fields}, **_spans(t)}


def _cells(key: dict[str, Any], t: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for c in t.get("cells") or []:
        spans = _spans(c)
        del spans["page"]
        fields = ("row", "col", "rowspan", "colspan", "text", "header")
        out.append({**key, "table": t.get("index"), **{f: c.get(f) for f in fields}, **spans})
    return out


def _points(period: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for side in ("start", "end"):
        point = (period or {}).get(side) or {}
        for part in ("year", "month", "half", "quarter"):
            out[f"{side}_{part}"] = point.get(part)
    return out


def _amount(key: dict[str, Any], i: int, a: dict[str, Any]) -> dict[str, Any]:
    fields = ("text", "value_krw", "year", "qualifier", "unit_implied", "per", "decrease")
    return {**key, "index": i, **{f: a.get(f) for f in fields}, **_spans(a), **_cell(a)}


def _period(key: dict[str, Any], i: int, p: dict[str, Any]) -> dict[str, Any]:
    return {
        **key,
        "index": i,
        "text": p.get("text"),
        **_points(p),
        "duration_years": p.get("duration_years"),
        **_spans(p),
        **_cell(p),
    }


def _project(key: dict[str, Any], i: int, p: dict[str, Any]) -> dict[str, Any]:
    period = p.get("period")
    total = p.get("total") or {}
    return {
        **key,
        "index": i,
        "name": p.get("name"),
        "group": p.get("group"),
        "period_text": (period or {}).get("text"),
        **_points(period),
        "total_text": total.get("text"),
        "total_krw": total.get("value_krw"),
        # Nested lists stay JSON text: DuckDB reads them with json functions.
        "annual_json": json.dumps(p.get("annual") or [], ensure_ascii=False),
        "funding_json": json.dumps(p.get("funding") or [], ensure_ascii=False),
        **_spans(p),
    }


def table_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every table for one Document or Failure in JSON form.

    >>> rows = table_rows({"path": "a.hwp", "error": "unsupported", "message": "…",
    ...                    "sha256": None})
    >>> rows["failures"], rows["amounts"]
    ([{'path': 'a.hwp', 'sha256': None, 'error': 'unsupported', 'message': '…'}], [])
    """
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    if "source" not in record:
        key = {"path": record.get("path"), "sha256": record.get("sha256")}
        out["failures"].append(
            {**key, "error": record.get("error"), "message": record.get("message")}
        )
        return out
    src = record["source"]
    meta = record.get("meta") or {}
    key = {"path": src.get("path"), "sha256": src.get("sha256")}
    amounts = record.get("amounts") or []
    periods = record.get("periods") or []
    projects = record.get("projects") or []
    out["documents"].append(
        {
            **key,
            "media_type": src.get("media_type"),
            "encoding": src.get("encoding"),
            "pages": src.get("pages"),
            **{f: meta.get(f) for f in ("title", "issuer", "issued", "kind")},
            "amounts": len(amounts),
            "periods": len(periods),
            "projects": len(projects),
            "warnings": len(record.get("warnings") or []),
        }
    )
    out["amounts"] = [_amount(key, i, a) for i, a in enumerate(amounts)]
    out["periods"] = [_period(key, i, p) for i, p in enumerate(periods)]
    out["projects"] = [_project(key, i, p) for i, p in enumerate(projects)]
    tables = record.get("tables") or []
    out["tables"] = [_table(key, t) for t in tables]
    out["cells"] = [row for t in tables for row in _cells(key, t)]
    return out
