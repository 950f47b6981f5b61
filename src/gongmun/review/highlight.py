"""Where each record's element goes in the text: nested in place, or shown beside it.

Every record becomes exactly one element whose text content is the record's own text
(``text``; ``name`` for a project), so a page is both readable and machine-checkable.
Elements must nest, and records do not always: a project name may hold a period
(nested: fine) or, rarely, two records cross (``[3, 8)`` and ``[5, 10)``). Then no DOM
can hold both in place, since their shared characters would have to be inside two
elements neither of which holds the other. Such a record, and one whose span does not
show its text, is an *echo*: an element with its text, placed at the first point after
its start where no other record is open (so it adds nothing to another record's text),
styled apart. The text itself stays exactly the normalized text everywhere else.

The work is one sort and one pass; long documents are cut into sheets at line ends
where no record is open (:func:`sheet_bounds`), each rendered on its own.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

Kind = Literal["amount", "period", "project"]
# At the same span the project is the outer element, then the period, then the amount.
_RANK: Final[dict[str, int]] = {"project": 0, "period": 1, "amount": 2}


@dataclass(frozen=True, slots=True)
class Mark:
    """One record to highlight: its kind, index in its list, span and the text it shows."""

    kind: Kind
    index: int
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        """``amount-3``: the element's id on its page."""
        return f"{self.kind}-{self.index}"


@dataclass(slots=True)
class Layout:
    """Records in place (in opening order) and echoes as (position, mark)."""

    placed: list[Mark] = field(default_factory=list)
    echoes: list[tuple[int, Mark]] = field(default_factory=list)

    def where(self) -> dict[str, int]:
        """The text position at which each record's element stands (for sheets)."""
        out = {m.key: m.start for m in self.placed}
        out.update((m.key, pos) for pos, m in self.echoes)
        return out


def _order(m: Mark) -> tuple[int, int, int, int]:
    return (m.start, -m.end, _RANK[m.kind], m.index)


def plan(text: str, marks: Iterable[Mark]) -> Layout:
    """Decide for every mark: in place, or an echo at the next point nothing is open.

    >>> lay = plan("총 600억원 지원", [Mark("amount", 0, 2, 7, "600억원"),
    ...                            Mark("project", 0, 0, 7, "총 600억원")])
    >>> [m.key for m in lay.placed], lay.echoes
    (['project-0', 'amount-0'], [])
    >>> lay = plan("abcdefghij", [Mark("period", 0, 0, 5, "abcde"),
    ...                          Mark("amount", 0, 3, 8, "defgh")])
    >>> [m.key for m in lay.placed], [(p, m.key) for p, m in lay.echoes]
    (['period-0'], [(5, 'amount-0')])
    """
    n = len(text)
    layout = Layout()
    stack: list[Mark] = []
    for m in sorted(marks, key=_order):
        while stack and stack[-1].end <= m.start:
            stack.pop()
        valid = m.start < m.end <= n and text[m.start : m.end] == m.text
        if not valid:
            # Nothing to point at in the text: shown where its start is, outside others.
            pos = min(m.start, n)
            layout.echoes.append((stack[0].end if stack and pos < stack[0].end else pos, m))
        elif stack and m.end > stack[-1].end:
            # Crosses the open record: beside the outermost open one, once it has closed.
            layout.echoes.append((stack[0].end, m))
        else:
            layout.placed.append(m)
            stack.append(m)
    layout.echoes.sort(key=lambda pm: (pm[0], *_order(pm[1])))
    return layout


def sheet_bounds(text: str, placed: list[Mark], size: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of about ``size`` characters, at a line end when one is
    near, never inside a placed record.

    >>> sheet_bounds("aaaa\\nbbbb\\ncccc\\n", [], 6)
    [(0, 10), (10, 15)]
    >>> sheet_bounds("aaaa\\nbbbb\\ncccc\\n", [Mark("amount", 0, 8, 12, "bb\\ncc")], 6)
    [(0, 12), (12, 15)]
    """
    n = len(text)
    merged: list[list[int]] = []
    for m in placed:  # in start order: merge into covered stretches
        if merged and m.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], m.end)
        else:
            merged.append([m.start, m.end])
    cuts = [0]
    j = 0
    while n - cuts[-1] > size:
        target = cuts[-1] + size
        newline = text.find("\n", target, target + size // 2 + 1)
        cut = newline + 1 if newline >= 0 else target
        while j < len(merged) and merged[j][1] <= cut:
            j += 1
        if j < len(merged) and merged[j][0] < cut:
            cut = merged[j][1]
        if cut >= n:
            break
        cuts.append(cut)
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], n], strict=True)]


def render(
    text: str,
    bounds: tuple[int, int],
    layout: Layout,
    open_tag: Callable[[Mark, bool], str],
    close_tag: str = "</mark>",
) -> str:
    """HTML of ``text[start:end]`` with each record's element opened by
    ``open_tag(mark, is_echo)``; all text is escaped.

    >>> lay = plan("a<b>c", [Mark("amount", 0, 1, 4, "<b>")])
    >>> render("a<b>c", (0, 5), lay, lambda m, e: f"<mark id={m.key}>")
    'a<mark id=amount-0>&lt;b&gt;</mark>c'
    """
    start, end = bounds
    last = end == len(text)
    placed = [m for m in layout.placed if start <= m.start < end]
    echoes = [(p, m) for p, m in layout.echoes if start <= p < end or (last and p == end)]
    out: list[str] = []
    pos = start
    stack: list[Mark] = []
    e = 0

    def advance(to: int) -> None:
        nonlocal pos, e
        while True:
            close = stack[-1].end if stack else end + 1
            echo = echoes[e][0] if e < len(echoes) else end + 1
            step = min(close, echo)
            if step > to:
                break
            out.append(html.escape(text[pos:step]))
            pos = step
            if close <= echo:
                out.append(close_tag)
                stack.pop()
            else:
                mark = echoes[e][1]
                out.append(open_tag(mark, True) + html.escape(mark.text) + close_tag)
                e += 1
        out.append(html.escape(text[pos:to]))
        pos = to

    for m in placed:
        advance(m.start)
        out.append(open_tag(m, False))
        stack.append(m)
    advance(end)
    while stack:  # only if a record ran past the sheet (cut points avoid it)
        out.append(close_tag)
        stack.pop()
    return "".join(out)
