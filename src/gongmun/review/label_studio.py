"""Label Studio pre-annotations: one task per document, its records as predicted spans.

Label Studio's JSON import format: a list of tasks, each ``{"data": {...},
"predictions": [{"model_version": ..., "result": [...]}]}``. A span result is
``{"id", "from_name", "to_name": "text", "type": "labels", "value": {"start", "end",
"text", "labels": [...]}}``; a per-region text area result with the *same* ``id``
carries the record's values (``value_krw=…``, ``year=…``) so annotators can correct
them; a ``relation`` result (``from_id`` → ``to_id``) ties a project to its figures.
Offsets are Python's (code points), which is what Label Studio stores for text.
:data:`LABEL_CONFIG` is the labeling interface these names belong to.

After correction, a team exports the annotations and turns them into ``gongmun check``
expectations; the ``data`` of each task keeps ``path`` and ``sha256`` for that.
"""

from __future__ import annotations

from typing import Any, Final

from gongmun.models import Amount, Document, Period, Project, TimePoint
from gongmun.review.page import project_links

FROM_LABELS: Final = "label"
FROM_VALUES: Final = "values"
TO_NAME: Final = "text"

LABEL_CONFIG: Final = """<View>
  <Style>.htx-text { white-space: pre-wrap; }</Style>
  <Relations>
    <Relation value="period"/>
    <Relation value="total"/>
    <Relation value="annual"/>
    <Relation value="funding"/>
  </Relations>
  <Labels name="label" toName="text">
    <Label value="amount" background="#ffd27a"/>
    <Label value="period" background="#a9d4f5"/>
    <Label value="project" background="#bfe6b8"/>
  </Labels>
  <Text name="text" value="$text"/>
  <TextArea name="values" toName="text" perRegion="true" editable="true"
            displayMode="region-list" placeholder="value_krw=…"/>
</View>
"""


def amount_values(a: Amount) -> list[str]:
    """An amount's fields as editable ``name=value`` lines.

    >>> from gongmun.models import Span
    >>> amount_values(Amount(text="600억원", value_krw=60000000000, qualifier="총",
    ...                      span=Span(start=0, end=5), raw_span=None))
    ['value_krw=60000000000', 'qualifier=총']
    """
    out = [f"value_krw={a.value_krw}"]
    if a.year is not None:
        out.append(f"year={a.year}")
    if a.qualifier:
        out.append(f"qualifier={a.qualifier}")
    if a.unit_implied:
        out.append("unit_implied=true")
    if a.per:
        out.append(f"per={a.per}")
    return out


def _point(prefix: str, p: TimePoint | None) -> list[str]:
    if p is None:
        return []
    parts = (("year", p.year), ("month", p.month), ("half", p.half), ("quarter", p.quarter))
    return [f"{prefix}_{name}={value}" for name, value in parts if value is not None]


def period_values(p: Period) -> list[str]:
    """A period's sides as ``start_year=2025`` … lines."""
    out = _point("start", p.start) + _point("end", p.end)
    if p.duration_years is not None:
        out.append(f"duration_years={p.duration_years}")
    return out


def project_values(p: Project) -> list[str]:
    """A project's name (and group) as lines; its figures are relations."""
    out = [f"name={p.name}"]
    if p.group:
        out.append(f"group={p.group}")
    return out


def _span(
    rid: str, label: str, start: int, end: int, text: str, lines: list[str]
) -> list[dict[str, Any]]:
    value = {"start": start, "end": end, "text": text}
    region = {"id": rid, "from_name": FROM_LABELS, "to_name": TO_NAME, "type": "labels"}
    out: list[dict[str, Any]] = [{**region, "value": {**value, "labels": [label]}}]
    if lines:
        out.append(
            {
                "id": rid,
                "from_name": FROM_VALUES,
                "to_name": TO_NAME,
                "type": "textarea",
                "value": {**value, "text": lines},
            }
        )
    return out


def task(doc: Document, model_version: str) -> dict[str, Any]:
    """The Label Studio task of one document."""
    result: list[dict[str, Any]] = []
    text = doc.text
    for i, a in enumerate(doc.amounts):
        result += _span(f"amount-{i}", "amount", a.span.start, a.span.end, a.text, amount_values(a))
    for i, p in enumerate(doc.periods):
        result += _span(f"period-{i}", "period", p.span.start, p.span.end, p.text, period_values(p))
    for i, proj in enumerate(doc.projects):
        start, end = proj.span.start, min(proj.span.end, len(text))
        if start >= end:
            continue  # a project with no place in the text has no span to show
        lines = project_values(proj)
        result += _span(f"project-{i}", "project", start, end, text[start:end], lines)
    shown = {r["id"] for r in result}
    for j, figures in project_links(doc).figures.items():
        for kind, _, key in figures:
            if f"project-{j}" not in shown or key not in shown:
                continue
            result.append(
                {
                    "from_id": f"project-{j}",
                    "to_id": key,
                    "type": "relation",
                    "direction": "right",
                    "labels": [kind],
                }
            )
    s = doc.source
    data = {"text": text, "path": s.path, "sha256": s.sha256, "title": doc.meta.title}
    return {"data": data, "predictions": [{"model_version": model_version, "result": result}]}
