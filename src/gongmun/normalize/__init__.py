"""Text normalization that keeps its way back to the source.

``normalize(raw)`` runs named steps in a fixed order; each step returns edits, the
edits compose into one :class:`~gongmun.offsets.OffsetMap`, and the steps that changed
something are recorded so ``gongmun normalize --explain`` can show them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Final

from gongmun.normalize import steps
from gongmun.normalize.boilerplate import boilerplate_warnings, drop_boilerplate
from gongmun.normalize.furniture import drop_page_numbers, drop_running_headers
from gongmun.normalize.joins import join_broken_lines, join_session
from gongmun.normalize.keep import kept_apart
from gongmun.normalize.ocr import column_breaks, doubtful_notes, repair_ocr
from gongmun.normalize.outline import Block, build_outline, iter_blocks
from gongmun.offsets import Edit, OffsetMap, apply_edits

StepFunction = Callable[[str], list[Edit]]
# A one-for-one step's output text and how many characters it changed (see Step.fast).
FastStep = Callable[[str], tuple[str, int]]
# (code, message, span in the step's input or None): what a step saw but would not
# change (a plan it refused, a figure it could not settle).
StepNotes = Callable[[str], list[tuple[str, str, tuple[int, int] | None]]]
# Line breaks (positions in a step's input) that the later steps must keep: a step
# finding them never joins lines across them.
StepHolds = Callable[[str], list[int]]
# Where the raw text is OCR output: True (all of it), False, or raw (start, end) ranges.
OcrText = bool | Sequence[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Step:
    """A named normalization step; ``drops`` steps remove text, reported in ``dropped``.

    ``once`` steps map characters and cannot find anything new in text they already ran
    on (nor in text the later steps produce), so they run in the first pass only.
    ``idempotent`` steps find nothing in their own output, so a later pass skips them while
    the text is still what they left. ``notes`` gives the warnings of a step on a text
    (a plan it refused). ``ocr`` steps run only on text marked as OCR output, and first,
    so their edits index the raw text. ``holds`` gives the line breaks a step makes or
    finds that no later step may join across (the two columns OCR read across one line).
    ``fast`` is the same step for a step that swaps characters one for one (a fold): it
    gives the new text and the number of edits, the offsets stay as they were (a one-for-
    one edit maps position by position), and the edits themselves are made only when
    ``StepRecord.raw_spans`` is read. A ``fast`` step runs once, has no notes and is no
    OCR step. ``session`` makes the step's function afresh for each ``normalize`` call,
    for a step that carries what it settled in one pass over the text into the next (the
    line joiner's kept breaks); it must give what ``run`` gives on every text.
    """

    name: str
    run: StepFunction
    drops: bool = False
    once: bool = False
    idempotent: bool = False
    notes: StepNotes | None = None
    ocr: bool = False
    holds: StepHolds | None = None
    fast: FastStep | None = None
    session: Callable[[], StepFunction] | None = None

    def __post_init__(self) -> None:
        if self.fast is not None and not (self.once and self.notes is None and not self.ocr):
            raise ValueError(f"step {self.name}: a fast step runs once, with no notes, on any text")


# The edits of one pass of a step, or how to make them (a fast step's, made when asked).
_PassEdits = Sequence[Edit] | Callable[[], Sequence[Edit]]


class StepRecord:
    """What one step changed: how many edits and where in the raw input (None: unmappable).

    The raw spans are worked out when first read (``gongmun normalize --explain``): the
    extractors never read them, and a fold of thousands of characters has as many.
    """

    __slots__ = ("_raw_spans", "_where", "edits", "name")

    def __init__(
        self,
        name: str,
        edits: int,
        where: tuple[tuple[OffsetMap, _PassEdits], ...] = (),
    ) -> None:
        self.name = name
        self.edits = edits
        self._raw_spans: tuple[tuple[int, int] | None, ...] | None = None
        # (map from the step's input to the raw text, the step's edits), one per pass.
        self._where = where

    @property
    def raw_spans(self) -> tuple[tuple[int, int] | None, ...]:
        """Where each edit is in the raw input, in order (None: it has no exact place)."""
        if self._raw_spans is None:
            self._raw_spans = tuple(
                offsets.to_source(e.start, e.end)
                for offsets, edits in self._where
                for e in (edits() if callable(edits) else edits)
            )
        return self._raw_spans

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StepRecord):
            return NotImplemented
        return (self.name, self.edits, self.raw_spans) == (other.name, other.edits, other.raw_spans)

    def __hash__(self) -> int:
        return hash((self.name, self.edits, self.raw_spans))

    def __repr__(self) -> str:
        return f"StepRecord(name={self.name!r}, edits={self.edits!r}, raw_spans={self.raw_spans!r})"


@dataclass(frozen=True, slots=True)
class Dropped:
    """A piece of the input left out of the normalized text (boilerplate, page furniture)."""

    reason: str
    raw_start: int
    raw_end: int
    text: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning from a normalization step: ``code``, ``message``, and where in the raw input."""

    code: str
    message: str
    raw_start: int | None = None
    raw_end: int | None = None


@dataclass(frozen=True)
class Normalized:
    """The normalized text, its map back to the raw input, and what was done to get there."""

    raw: str
    text: str
    offsets: OffsetMap
    steps: tuple[StepRecord, ...]
    dropped: tuple[Dropped, ...] = field(default=())
    notices: tuple[Notice, ...] = field(default=())

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """The outline of ``text``: a tree of items and paragraphs (built on first use)."""
        return build_outline(self.text)

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw span of normalized ``[start, end)``, or None where it has no exact source."""
        return self.offsets.to_source(start, end)


def _boilerplate_notes(text: str) -> list[tuple[str, str, tuple[int, int] | None]]:
    return [(code, message, None) for code, message in boilerplate_warnings(text)]


STEPS: Final[tuple[Step, ...]] = (
    Step("repair_ocr", repair_ocr, once=True, ocr=True, notes=doubtful_notes, holds=column_breaks),
    Step("unify_line_endings", steps.unify_line_endings, once=True),
    Step("compose_nfc", steps.compose_nfc, once=True),
    Step("remove_zero_width", steps.remove_zero_width, once=True),
    Step("fold_characters", steps.fold_characters, once=True, fast=steps.fold_text),
    Step("drop_boilerplate", drop_boilerplate, drops=True, notes=_boilerplate_notes),
    Step("drop_page_numbers", drop_page_numbers, drops=True),
    Step("drop_running_headers", drop_running_headers, drops=True),
    Step("join_broken_lines", join_broken_lines, session=join_session),
    Step("collapse_spaces", steps.collapse_spaces, idempotent=True),
)
# Joins can make new joins possible (a wrapped line grows); run to a fixed point, so
# normalizing normalized text changes nothing.
_MAX_PASSES: Final[int] = 6


def normalize(raw: str, keep: Sequence[tuple[int, int]] = (), ocr: OcrText = False) -> Normalized:
    """Normalize decoded document text; never raises on a ``str``.

    ``keep`` are raw spans (a reader's tables, one cell per line) that only the
    character maps may touch: no line is joined into, out of or across them, and
    nothing in them is dropped, so two cells never run together.

    ``ocr`` marks the raw text (``True``) or raw ``(start, end)`` ranges of it (OCR'd
    pages) as OCR output: only there does ``repair_ocr`` repair and flag figures.

    >>> normalize("‘25∼’29  600억원").text
    "'25~'29 600억원"
    >>> normalize("ㅇ 공공연구자 창업 활성화를\\n- 3 -\\n지원하고 예정\\n으로 추진").text
    'ㅇ 공공연구자 창업 활성화를 지원하고 예정으로 추진'
    """
    if not isinstance(raw, str):
        raise TypeError(f"normalize() takes str, not {type(raw).__name__}; decode bytes first")
    text = raw
    offsets = OffsetMap.identity(len(raw))
    records: list[StepRecord] = []
    dropped: list[Dropped] = []
    notices: list[Notice] = []
    # The same notices as a set: a text with many doubtful figures has as many notices, and a
    # list's membership test would make that quadratic.
    noticed: set[Notice] = set()
    seen: set[str] = set()
    # Per step, a text it is known to find nothing in: steps are pure, so running one again
    # on that text would find nothing again (collapse_spaces in the confirming pass).
    quiet: dict[str, str] = {}
    # Line breaks no step may remove (positions in ``text``, sorted; see Step.holds).
    held: list[int] = []
    # The functions of the steps that keep state across the passes over this text.
    sessions = {s.name: s.session() for s in STEPS if s.session is not None}
    for npass in range(_MAX_PASSES):
        before_pass = text
        for step in STEPS:
            if (step.once and npass) or quiet.get(step.name) == text or (step.ocr and not ocr):
                continue
            if step.fast is not None and not held:
                # One for one: the text changes, the offsets do not (see Step.fast).
                folded, count = step.fast(text)
                if count:
                    where = ((offsets, partial(step.run, text)),)
                    records.append(StepRecord(step.name, count, where=where))
                text = folded
                continue
            edits = sessions.get(step.name, step.run)(text)
            if keep and not step.once:
                edits = kept_apart(edits, offsets, keep, drops=step.drops)
            notes = step.notes(text) if step.notes is not None else []
            if step.ocr and ocr is not True:
                # Only the OCR'd ranges; an OCR step runs first, on the raw text itself.
                assert not isinstance(ocr, bool)
                edits = [e for e in edits if _within(ocr, e.start, e.end)]
                notes = [n for n in notes if n[2] is not None and _within(ocr, *n[2])]
            for code, message, span in notes:
                raw_span = offsets.to_source(*span) if span is not None else None
                notice = Notice(code, message, *(raw_span or (None, None)))
                if notice not in noticed and (span is not None or notice.code not in seen):
                    notices.append(notice)
                    noticed.add(notice)
                seen.add(code)
            if held and not step.drops:
                edits = _keeping_breaks(edits, held)
            if not edits:
                quiet[step.name] = text
                continue
            if step.holds is not None:
                held = sorted(
                    p for p in step.holds(text) if isinstance(ocr, bool) or _within(ocr, p, p + 1)
                )
            text, step_map = apply_edits(text, edits)
            if held:
                held = [q for q in map(step_map.start_from_source, held) if q is not None]
            if step.idempotent:
                quiet[step.name] = text
            record = StepRecord(step.name, len(edits), where=((offsets, edits),))
            records.append(record)
            offsets = offsets.then(step_map)
            if step.drops:
                dropped.extend(
                    Dropped(step.name, s[0], s[1], raw[s[0] : s[1]])
                    for s in record.raw_spans
                    if s is not None
                )
        if text == before_pass:
            break
    return Normalized(raw, text, offsets, _merge_records(records), tuple(dropped), tuple(notices))


def _keeping_breaks(edits: list[Edit], held: list[int]) -> list[Edit]:
    """The edits that remove none of the ``held`` line breaks (an edit that keeps a line
    break in its place, as collapsing a blank run does, may cover one)."""
    out = []
    for e in edits:
        k = bisect_left(held, e.start)
        if k < len(held) and held[k] < e.end and "\n" not in e.new:
            continue
        out.append(e)
    return out


def _within(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _merge_records(records: list[StepRecord]) -> tuple[StepRecord, ...]:
    """One record per step name, in pipeline order, over all passes."""
    merged: dict[str, StepRecord] = {}
    for r in records:
        old = merged.get(r.name)
        merged[r.name] = (
            r
            if old is None
            else StepRecord(r.name, old.edits + r.edits, where=old._where + r._where)
        )
    order = {s.name: i for i, s in enumerate(STEPS)}
    return tuple(sorted(merged.values(), key=lambda r: order[r.name]))


__all__ = [
    "STEPS",
    "Block",
    "Dropped",
    "Normalized",
    "Notice",
    "OcrText",
    "Step",
    "StepRecord",
    "iter_blocks",
    "normalize",
]
