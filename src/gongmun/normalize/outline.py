"""The outline of a normalized text: a tree of blocks following the 개조식 hierarchy.

Every non-blank line of the normalized text is one block (the joiner already made one
line per item or paragraph). A marked block nests under the nearest block above it with
a smaller depth (□ → ㅇ → - → ·); ``*``/``※`` notes attach to the block above; a plain
line is a paragraph at the top of the current heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongmun.normalize.markers import find_markers

# Depth of plain paragraphs: below numbered headings, beside □ items.
_PARAGRAPH_DEPTH = 3


@dataclass(frozen=True, slots=True)
class Block:
    """One item or paragraph: where it sits in the outline and where it is in the text.

    ``start``/``end`` index the normalized text and cover the whole line (marker
    included); ``text`` is the line without its marker; ``marker`` is the marker as written
    (``""`` for a paragraph) and ``kind`` its kind (``"paragraph"`` for none).
    """

    level: int
    kind: str
    marker: str
    text: str
    start: int
    end: int
    children: tuple[Block, ...] = field(default=())
    notes: tuple[Block, ...] = field(default=())


@dataclass(slots=True)
class _Node:
    level: int
    depth: int
    kind: str
    marker: str
    text: str
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)
    notes: list[_Node] = field(default_factory=list)

    def freeze(self) -> Block:
        return Block(
            self.level,
            self.kind,
            self.marker,
            self.text,
            self.start,
            self.end,
            tuple(c.freeze() for c in self.children),
            tuple(n.freeze() for n in self.notes),
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
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        end = start + len(line.rstrip())
        marker = markers.get(start)
        if marker is None:
            node = _Node(0, _PARAGRAPH_DEPTH, "paragraph", "", line.strip(), start + lead, end)
        else:
            node = _Node(
                0,
                marker.depth,
                marker.kind,
                marker.text,
                line[marker.body :].rstrip(),
                start + lead,
                end,
            )
        if node.kind == "note" and stack:
            parent = stack[-1]
            node.level = parent.level + 1
            parent.notes.append(node)
            continue
        while stack and stack[-1].depth >= node.depth:
            stack.pop()
        if stack:
            node.level = stack[-1].level + 1
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
    return tuple(n.freeze() for n in roots)


def iter_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """All blocks in text order (depth first, notes after their block's children)."""
    out: list[Block] = []
    for b in blocks:
        out.append(b)
        out.extend(iter_blocks(b.children))
        out.extend(iter_blocks(b.notes))
    return sorted(out, key=lambda b: b.start)


__all__ = ["Block", "build_outline", "iter_blocks"]
