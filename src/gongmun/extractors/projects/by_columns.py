"""A diagram of side-by-side boxes flattened into text: a line of N names, then N runs
of bullet lines that each open with the same label, one run per box, in the names' order:

    소재A형R&D 융합B형R&D
    • (지원 규모) (’23)812억원 → (’24)829억원
    • (핵심 품목) 277억원
    • (지원 규모) (’23)124억원 → (’24)186억원

The dated figures of run k are the k-th name's yearly figures; undated ones (a box's
parts) are left alone. Names must be single words (a line of several multi-word names
cannot be split without guessing), and the runs must number exactly as many as the names.
"""

from __future__ import annotations

from typing import Final

from gongmun.extractors.projects.figures import Draft
from gongmun.extractors.projects.lines import Line
from gongmun.extractors.projects.names import LABEL, clean_name, locate
from gongmun.extractors.projects.scan import Scan

# How many boxes a row may hold, and how many bullet lines the boxes may have in all.
_MAX_BOXES: Final = 4
_MAX_LINES: Final = 16


def box_rows(scan: Scan) -> list[Draft]:
    """Drafts for the names of a flattened row of boxes (see the module's docstring)."""
    text, figures, lines = scan.text, scan.figures, scan.lines
    out: list[Draft] = []
    for i in _rows_of_names(scan):
        names = text[lines[i].start : lines[i].end].split()
        run = _bullets_after(text, lines, i)
        labels = [LABEL.match(text[ln.body_start : ln.end]) for ln in run]
        first = labels[0] if labels else None
        if first is None:
            continue
        opening = first.group("label").replace(" ", "")
        cuts = [
            k
            for k, m in enumerate(labels)
            if m is not None and m.group("label").replace(" ", "") == opening
        ]
        if len(cuts) != len(names):
            continue
        cuts.append(len(run))
        pos = lines[i].start
        for k, name in enumerate(names):
            place = locate(text, name, pos, lines[i].end)
            if place is None:
                break
            pos = place[1]
            d = Draft(name, place[0], place[1], "box_row")
            for ln in run[cuts[k] : cuts[k + 1]]:
                figures.take_annual(d, ln.body_start, ln.end)
            if d.annual:
                out.append(d)
    return out


def _rows_of_names(scan: Scan) -> list[int]:
    """Lines that are 2 to 4 single-word names with no figures, bullet lines after them."""
    text, figures, lines = scan.text, scan.figures, scan.lines
    out: list[int] = []
    for i in scan.figure_lines:
        # A row of boxes has no figures; the bullets under it do: look one line up.
        j = i - 1
        if j < 0 or (out and out[-1] == j):
            continue
        line = lines[j]
        if line.body_start != line.start or figures.any_in(line.start, line.end):
            continue
        words = text[line.start : line.end].split()
        if not 2 <= len(words) <= _MAX_BOXES or lines[i].body_start == lines[i].start:
            continue
        if all(clean_name(w) == w for w in words):
            out.append(j)
    return out


def _bullets_after(text: str, lines: list[Line], i: int) -> list[Line]:
    """The bullet lines right after line ``i``, at most :data:`_MAX_LINES`."""
    run: list[Line] = []
    for ln in lines[i + 1 : i + 1 + _MAX_LINES]:
        if ln.body_start == ln.start or not text[ln.body_start : ln.end].strip():
            break
        if run and _marker(text, ln) != _marker(text, run[0]):
            break  # "➍ …" or "□ …" after the boxes' "•" lines: the next item
        run.append(ln)
    return run


def _marker(text: str, line: Line) -> str:
    return text[line.start : line.body_start].strip()
