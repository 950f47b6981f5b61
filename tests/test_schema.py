"""The JSON Schemas in schemas/ are generated from the models and must not drift."""

from __future__ import annotations

import json
from pathlib import Path

from gongmun.schema import PUBLIC_MODELS, render_schemas

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_schemas_on_disk_match_the_models() -> None:
    rendered = render_schemas()
    on_disk = {p.name: p.read_text("utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert set(on_disk) == set(rendered), "run `gongmun schema` to regenerate schemas/"
    for name, body in rendered.items():
        assert on_disk[name] == body, f"{name} drifted from the models; run `gongmun schema`"


def test_schema_fixes_the_contract_fields() -> None:
    doc = json.loads(render_schemas()["document.schema.json"])
    assert doc["properties"]["schema_version"]["const"] == "1"
    amount = doc["$defs"]["Amount"]["properties"]
    assert amount["value_krw"]["type"] == "integer"
    assert {
        "text",
        "value_krw",
        "year",
        "qualifier",
        "unit_implied",
        "span",
        "raw_span",
        "page",
    } <= set(amount)
    year = amount["year"]["anyOf"][0]
    assert (year["minimum"], year["maximum"]) == (1900, 2100)
    assert set(PUBLIC_MODELS) == {"document", "amount", "period", "project", "failure"}
