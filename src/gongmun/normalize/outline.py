"""The outline of a normalized text: a tree of blocks following the 개조식 hierarchy.

Every non-blank line of the normalized text is one block (the joiner already made one
line per item or paragraph). A marked block nests under the nearest block above it with
a smaller depth (□ → ㅇ → - → ·); ``*``/``※`` notes attach to the block above; a plain
line is a paragraph at the top of the current heading.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from gongmun.normalize.markers import find_markers

# Depth of plain paragraphs: below numbered headings, beside □ items.
_PARAGRAPH_DEPTH = 3


class Block(NamedTuple):
    """One item or paragraph: where it sits in the outline and where it is in the text.

    ``start``/``end`` index the normalized text and cover the whole line (marker
    included); ``text`` is the line without its marker; ``marker`` is the marker as written
    (``""`` for a paragraph) and ``kind`` its kind (``"paragraph"`` for none). A named
    tuple (immutable like a frozen dataclass): one is made for every line of every
    document, at a third of a frozen dataclass's cost.
    """

    level: int
    kind: str
    marker: str
    text: str
    start: int
    end: int
    children: tuple[Block, ...] = ()
    notes: tuple[Block, ...] = ()


# A block being built: [level, depth, kind, marker, text, start, end, children, notes]
# (a list, not an object: one is made for every line of every document).
_Node = list[Any]
_LEVEL, _DEPTH, _CHILDREN, _NOTES = 0, 1, 7, 8


def _freeze(node: _Node) -> Block:
    level, _, kind, marker, text, start, end, children, notes = node
    return Block(
        level,
        kind,
        marker,
        text,
        start,
        end,
        tuple([_freeze(c) for c in children]) if children else (),
        tuple([_freeze(n) for n in notes]) if notes else (),
    )


def build_outline(text: str) -> tuple[Block, ...]:
    """The tree of blocks of a normalized text.

    >>> top = build_outline("□ 사업 개요\\nㅇ 총 600억원\\n* 과제당 100억원\\n- 세부")
    >>> [(b.kind, b.text) for b in top]
    [('square', '사업 개요')]
    >>> item = top[0].children[0]
    >>> item.text, [n.text for n in item.notes], [c.text for c in item.children]
    ('총 600억원', ['과제당 100억원'], ['세부'])
    """
    roots: list[_Node] = []
    stack: list[_Node] = []
    pos = 0
    markers = find_markers(text)
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        body = line.strip()
        if not body:
            continue
        lead = len(line) - len(line.lstrip())
        end = start + len(line.rstrip())
        marker = markers.get(start)
        if marker is None:
            node = [0, _PARAGRAPH_DEPTH, "paragraph", "", body, start + lead, end, [], []]
        else:
            node = [
                0,
                marker.depth,
                marker.kind,
                marker.text,
                line[marker.body :].rstrip(),
                start + lead,
                end,
                [],
                [],
            ]
            if marker.kind == "note" and stack:
                parent = stack[-1]
                node[_LEVEL] = parent[_LEVEL] + 1
                parent[_NOTES].append(node)
                continue
        depth = node[_DEPTH]
        while stack and stack[-1][_DEPTH] >= depth:
            stack.pop()
        if stack:
            node[_LEVEL] = stack[-1][_LEVEL] + 1
            stack[-1][_CHILDREN].append(node)
        else:
            roots.append(node)
        stack.append(node)
    return tuple([_freeze(n) for n in roots])


def iter_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """All blocks in text order (depth first, notes after their block's children)."""
    out: list[Block] = []
    todo = list(reversed(blocks))
    while todo:
        b = todo.pop()
        out.append(b)
        # Depth first: the children, then the notes, each in order.
        todo.extend(reversed(b.notes))
        todo.extend(reversed(b.children))
    starts = {b.start for b in out}
    if len(starts) < len(out):
        # Two blocks at one place (never from build_outline): the order of each level's
        # own sort decides between them.
        return _iter_sorted(blocks)
    return sorted(out, key=lambda b: b.start)


def _iter_sorted(blocks: tuple[Block, ...]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        out.append(b)
        out.extend(_iter_sorted(b.children))
        out.extend(_iter_sorted(b.notes))
    return sorted(out, key=lambda b: b.start)


__all__ = ["Block", "build_outline", "iter_blocks"]
