"""A readable account of what ``normalize`` did, for ``gongmun normalize FILE --explain``."""

from __future__ import annotations

from collections import Counter

from gongmun.normalize import Normalized, iter_blocks
from gongmun.normalize.joins import detect_layout

_CONTEXT = 14


def _line_of(raw: str, pos: int) -> int:
    return raw.count("\n", 0, pos) + 1


def _shown(text: str) -> str:
    return text.replace("\n", "⏎").replace("\t", "⇥")


def _place(raw: str, span: tuple[int, int] | None) -> str:
    """``L12  …context[changed]context…`` for a raw span."""
    if span is None:
        return "(no exact place in the input)"
    a, b = span
    before = _shown(raw[max(0, a - _CONTEXT) : a])
    inside = _shown(raw[a:b])
    after = _shown(raw[b : b + _CONTEXT])
    return f"L{_line_of(raw, a)}  …{before}[{inside}]{after}…"


def explain(norm: Normalized, show: int = 5) -> str:
    """What each step changed (with places in the input), what was dropped, the outline.

    >>> from gongmun.normalize import normalize
    >>> print(explain(normalize("ㅇ 지원할 예정\\n으로 추진\\n- 2 -"), show=1))
    input: 20 chars, 3 lines; output: 14 chars, 2 lines
    layout: single-spaced, no trailing spaces
    drop_page_numbers: 1 edit(s)
        L3  … 지원할 예정⏎으로 추진⏎[- 2 -]…
    join_broken_lines: 1 edit(s)
        L1  …ㅇ 지원할 예정[⏎]으로 추진⏎- 2 -…
    dropped: 1 piece(s), 5 chars
        drop_page_numbers L3 '- 2 -'
    outline: 1 block(s): circle 1
    """
    raw = norm.raw
    layout = detect_layout(raw.split("\n"))
    lines = [
        f"input: {len(raw)} chars, {raw.count(chr(10)) + 1} lines; "
        f"output: {len(norm.text)} chars, {norm.text.count(chr(10)) + 1} lines",
        "layout: "
        + ("double-spaced" if layout.double_spaced else "single-spaced")
        + (", trailing spaces mark wraps" if layout.trailing_spaces else ", no trailing spaces"),
    ]
    for rec in norm.steps:
        lines.append(f"{rec.name}: {rec.edits} edit(s)")
        lines.extend(f"    {_place(raw, span)}" for span in rec.raw_spans[:show])
        if rec.edits > show:
            lines.append(f"    … {rec.edits - show} more")
    if norm.dropped:
        size = sum(d.raw_end - d.raw_start for d in norm.dropped)
        lines.append(f"dropped: {len(norm.dropped)} piece(s), {size} chars")
        for d in norm.dropped[:show]:
            first, last = _line_of(raw, d.raw_start), _line_of(raw, max(d.raw_start, d.raw_end - 1))
            where = f"L{first}" if first == last else f"L{first}-{last}"
            lines.append(f"    {d.reason} {where} {d.text.strip()[:60]!r}")
    blocks = iter_blocks(norm.blocks)
    kinds = Counter(b.kind for b in blocks)
    summary = ", ".join(f"{k} {n}" for k, n in kinds.most_common())
    lines.append(f"outline: {len(blocks)} block(s): {summary}")
    return "\n".join(lines)


__all__ = ["explain"]
