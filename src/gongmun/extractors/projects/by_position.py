"""Project rules that read a name from its place: an item's head, a label, a diagram box.

Each rule takes a :class:`~gongmun.extractors.projects.scan.Scan` and returns drafts; the
figures it claims are the ones its shape ties to the name (the group after the name, the
``(규모)`` line under the item, the item's ``*`` notes).
"""

from __future__ import annotations

from typing import Final

import regex

from gongmun.extractors.projects.figures import Draft, Figures
from gongmun.extractors.projects.lines import Line, paren_groups
from gongmun.extractors.projects.names import (
    LABEL as _LABEL,
)
from gongmun.extractors.projects.names import (
    NAME_END as _NAME_END,
)
from gongmun.extractors.projects.names import (
    NOT_HEAD_AFTER,
    STRONG_HEADS,
    clean_name,
    draft_at,
    locate,
    name_before,
)
from gongmun.extractors.projects.scan import Scan

_SCALE_LABELS: Final = frozenset({"규모", "사업규모", "예산", "사업비", "총사업비", "기간/규모"})

_YEAR_GAP = regex.compile(r"[\s'\d년도,]*")

_TENTATIVE = regex.compile(r"\s*\(가칭\)\s*$")

_NAME_THEN_SEP = regex.compile(r"(?P<name>[^:,()]{3,80}?(?:\([^()]{1,30}\))?)\s*(?P<sep>:|,)\s*")


def scale_lines(scan: Scan) -> list[Draft]:
    """``* (규모) …`` under an item: the line's figures are the item's."""
    out: list[Draft] = []
    for i in range(len(scan.lines)):
        out.extend(_scale_line(scan.text, scan.lines, i, scan.figures))
    return out


def label_names(scan: Scan) -> list[Draft]:
    """``* (규제특례신산업창출(R&D)사업) ’25년 20억원``: a label that names the programme."""
    return [d for line in scan.lines for d in _label_name(scan.text, line, scan.figures)]


def paren_figures(scan: Scan) -> list[Draft]:
    """``NAME(’25~’29, ’25년 51.7억원)``; ``PARENT(NAME(가칭), ’26년 80억)``; a diagram box."""
    text, lines = scan.text, scan.lines
    return [
        d
        for i, line in enumerate(lines)
        for d in _paren_figures(text, line, scan.figures, _line_above(text, lines, i))
    ]


def colon_or_comma_figures(scan: Scan) -> list[Draft]:
    """``NAME : (’24) 8,295억원 → (’25) 8,272억원`` and ``NAME, ’25년 92억 투입``."""
    return [
        d for line in scan.lines for d in _colon_or_comma_figures(scan.text, line, scan.figures)
    ]


def item_notes(scan: Scan) -> list[Draft]:
    """An item naming a programme without figures takes the yearly figures of its notes."""
    out: list[Draft] = []
    for i in range(len(scan.lines)):
        out.extend(_item_with_notes(scan.text, scan.lines, i, scan.figures))
    return out


def _scale_line(text: str, lines: list[Line], i: int, figures: Figures) -> list[Draft]:
    line = lines[i]
    body = text[line.body_start : line.end]
    label = _LABEL.match(body)
    if not label or label.group("label").replace(" ", "") not in _SCALE_LABELS or i == 0:
        return []
    if not figures.any_in(line.body_start, line.end):
        return []
    above = _item_above(text, lines, i)
    if above is None:
        return []
    found = name_before(text, above, above.end, figures)
    if found is None:
        # "ㅇ NAME(R&D) 유형 개편": the name ends at one of the line's groups.
        for g0, g1 in paren_groups(text, above.body_start, above.end):
            found = name_before(text, above, g1, figures) or name_before(text, above, g0, figures)
            if found:
                break
    if found is None:
        return []
    d = draft_at(found, "scale_line")
    figures.take(d, line.body_start + label.end(), line.end, text)
    return [d]


def _line_above(text: str, lines: list[Line], i: int) -> Line | None:
    """The nearest non-blank line above ``i`` within one blank line, if it is not an item."""
    for ln in reversed(lines[max(0, i - 2) : i]):
        if ln.end > ln.start and text[ln.start : ln.end].strip():
            return ln if ln.body_start == ln.start else None
    return None


def _item_above(text: str, lines: list[Line], i: int) -> Line | None:
    """The nearest line above ``i`` that is an item, not a note (``*``, ``-``, ``※``)."""
    for ln in reversed(lines[max(0, i - 4) : i]):
        if ln.end <= ln.body_start:
            continue
        if not _is_note(text, ln):
            return ln
    return None


def _is_note(text: str, line: Line) -> bool:
    """A note or sub-point under an item (``*``, ``※``, ``-``), not an item itself."""
    return text[line.start : line.end].lstrip().startswith(_NOTE_MARKS)


_NOTE_MARKS: Final = ("*", "-", "※", "–")


def _label_name(text: str, line: Line, figures: Figures) -> list[Draft]:
    body = text[line.body_start : line.end]
    label = _LABEL.match(body)
    if not label:
        return []
    name = clean_name(label.group("label"))
    rest = line.body_start + label.end()
    if name is None or name.endswith(")"):
        return []
    # The figures must follow the label at once: "(NAME사업) ’25년 20억원".
    first = figures.first_start_from(rest)
    if first is None or first >= line.end or not _YEAR_GAP.fullmatch(text[rest:first]):
        return []
    place = locate(text, name, line.body_start, rest)
    if place is None:
        return []
    d = Draft(name, place[0], place[1], "label_name")
    figures.take(d, rest, line.end, text)
    return [d]


def _paren_figures(
    text: str, line: Line, figures: Figures, above: Line | None = None
) -> list[Draft]:
    out = []
    for g0, g1 in paren_groups(text, line.body_start, line.end):
        if not figures.any_in(g0, g1):
            continue
        # "NAME 지원" names a programme only when it comes with its own run time.
        timed = bool(figures.periods_in(g0, g1))
        found = _inner_name(text, g0, g1, figures) or name_before(
            text, line, g0, figures, support_head=timed
        )
        # A diagram box: "재정융자특별회계" on one line, "(1997~2006)" alone on the next.
        box = above is not None and g0 == line.body_start and not text[g1 : line.end].strip()
        if found is None and box and above is not None:
            found = name_before(text, above, above.end, figures)
        if found is None or NOT_HEAD_AFTER.match(text, g1):
            continue
        d = draft_at(found, "paren_figures")
        figures.take(d, g0, g1, text)
        out.append(d)
    return out


def _inner_name(text: str, g0: int, g1: int, figures: Figures) -> tuple[str, int, int] | None:
    """``PARENT(NAME(가칭), ’26년 80억 규모)``: a project named first inside the group."""
    depth = 0
    for i in range(g0 + 1, g1 - 1):
        depth += (text[i] == "(") - (text[i] == ")")
        if text[i] == "," and depth == 0:
            part = text[g0 + 1 : i]
            if figures.overlaps(g0 + 1, i):
                return None
            part = _TENTATIVE.sub("", part)
            name = clean_name(part)
            if name is None or not figures.any_in(i, g1):
                return None
            place = locate(text, name, g0 + 1, i)
            return (name, *place) if place else None
    return None


def _colon_or_comma_figures(text: str, line: Line, figures: Figures) -> list[Draft]:
    body = text[line.body_start : line.end]
    m = _NAME_THEN_SEP.match(body)
    if not m:
        return []
    rest = line.body_start + m.end()
    nearby = figures.amounts_in(rest, min(line.end, rest + 40))
    if not nearby or figures.overlaps(line.body_start, line.body_start + m.end("name")):
        return []
    if any(id(a) in figures.used for a in nearby):
        return []
    name = clean_name(m.group("name"))
    if name is None:
        return []
    place = locate(text, name, line.body_start + m.start("name"), line.body_start + m.end("name"))
    if place is None:
        return []
    rule = "colon_figures" if m.group("sep") == ":" else "comma_figures"
    d = Draft(name, place[0], place[1], rule)
    figures.take(d, rest, line.end, text)
    return [d]


def _item_with_notes(text: str, lines: list[Line], i: int, figures: Figures) -> list[Draft]:
    """``ㅇ NAME사업을 통해 …`` with no figures, then ``* … ’25년 40억원``: the notes'
    yearly figures are the programme's."""
    line = lines[i]
    if _is_note(text, line) or figures.any_in(line.start, line.end):
        return []
    found: tuple[str, int, int] | None = None
    for m in _NAME_END.finditer(text, line.body_start, line.end):
        found = name_before(text, line, m.end(), figures)
        if found and STRONG_HEADS.search(found[0]):
            break
        found = None
    if found is None:
        return []
    notes = []
    for nxt in lines[i + 1 : i + 4]:
        if not text[nxt.start : nxt.end].lstrip().startswith(("*", "※")):
            break
        notes.append(nxt)
    dated = [
        a
        for ln in notes
        for a in figures.amounts_in(ln.start, ln.end)
        if id(a) not in figures.used and a.year is not None and a.qualifier is None
    ]
    if not dated:
        return []
    # "… 2,220억원 대출 실행 및 이차보전 130억 예산 지원": a figure called 예산 is the budget.
    dated.sort(key=lambda a: "예산" not in figures.text[a.span.end : a.span.end + 6])
    d = draft_at(found, "item_notes")
    for a in dated:
        figures.used.add(id(a))
        d.annual.setdefault(a.year or 0, a)
    return [d]
