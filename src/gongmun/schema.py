"""JSON Schemas of the public models, generated into ``schemas/``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

from pydantic import BaseModel

from gongmun.models import Amount, Document, Failure, Period, Project

PUBLIC_MODELS: Final[dict[str, type[BaseModel]]] = {
    "document": Document,
    "amount": Amount,
    "period": Period,
    "project": Project,
    "failure": Failure,
}


def render_schemas() -> dict[str, str]:
    """File name → JSON text of each public model's schema, exactly as written to disk."""
    return {
        f"{name}.schema.json": json.dumps(
            model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True
        )
        + "\n"
        for name, model in PUBLIC_MODELS.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, body in render_schemas().items():
        path = directory / name
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written
