"""Text normalization that keeps its way back to the source.

``normalize(raw)`` runs named steps in a fixed order; each step returns edits, the
edits compose into one :class:`~gongmun.offsets.OffsetMap`, and the steps that changed
something are recorded so ``gongmun normalize --explain`` can show them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from gongmun.normalize import steps
from gongmun.offsets import Edit, OffsetMap, apply_edits

StepFunction = Callable[[str], list[Edit]]


@dataclass(frozen=True, slots=True)
class Step:
    """A named normalization step."""

    name: str
    run: StepFunction


@dataclass(frozen=True, slots=True)
class StepRecord:
    """What one step changed: how many edits and where in the raw input (None: unmappable)."""

    name: str
    edits: int
    raw_spans: tuple[tuple[int, int] | None, ...]


@dataclass(frozen=True, slots=True)
class Dropped:
    """A piece of the input left out of the normalized text (boilerplate, page furniture)."""

    reason: str
    raw_start: int
    raw_end: int
    text: str


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalized text, its map back to the raw input, and what was done to get there."""

    raw: str
    text: str
    offsets: OffsetMap
    steps: tuple[StepRecord, ...]
    dropped: tuple[Dropped, ...] = field(default=())

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw span of normalized ``[start, end)``, or None where it has no exact source."""
        return self.offsets.to_source(start, end)


STEPS: Final[tuple[Step, ...]] = (
    Step("unify_line_endings", steps.unify_line_endings),
    Step("compose_nfc", steps.compose_nfc),
    Step("remove_zero_width", steps.remove_zero_width),
    Step("fold_characters", steps.fold_characters),
    Step("collapse_spaces", steps.collapse_spaces),
)


def normalize(raw: str) -> Normalized:
    """Normalize decoded document text; never raises on a ``str``.

    >>> normalize("‘25∼’29  600억원").text
    "'25~'29 600억원"
    """
    if not isinstance(raw, str):
        raise TypeError(f"normalize() takes str, not {type(raw).__name__}; decode bytes first")
    text = raw
    offsets = OffsetMap.identity(len(raw))
    records: list[StepRecord] = []
    for step in STEPS:
        edits = step.run(text)
        if not edits:
            continue
        text, step_map = apply_edits(text, edits)
        before = offsets
        offsets = offsets.then(step_map)
        spans = tuple(_raw_of(before, e) for e in edits)
        records.append(StepRecord(step.name, len(edits), spans))
    return Normalized(raw, text, offsets, tuple(records))


def _raw_of(offsets: OffsetMap, edit: Edit) -> tuple[int, int] | None:
    return offsets.to_source(edit.start, edit.end)


__all__ = ["STEPS", "Dropped", "Normalized", "Step", "StepRecord", "normalize"]
