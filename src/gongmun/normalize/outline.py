"""The outline of a normalized text: a tree of blocks following the 개조식 hierarchy.

Every non-blank line of the normalized text is one block (the joiner already made one
line per item or paragraph). A marked block nests under the nearest block above it with
a smaller depth (□ → ㅇ → - → ·); ``*``/``※`` notes attach to the block above; a plain
line is a paragraph at the top of the current heading.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from gongmun.normalize.markers import MARKER_DEPTH, find_markers

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
_LEVEL, _DEPTH, _KIND, _CHILDREN, _NOTES = 0, 1, 2, 7, 8

# Enumeration marks (➊, ①, (1), ▪) sit where a document puts them: many plans head an
# item with one and give its fields as ㅇ or - lines ("➊ NAME" / "ㅇ 사업기간 : …"), which
# their usual depth (below ·) would hand to the item before.
_ENUMERATIONS = frozenset({"circled", "paren_number", "triangle"})
# The shallowest kind an enumeration may head: a numbered heading after one opens a section.
_BODY_DEPTH = MARKER_DEPTH["square"]


def _place_enumeration(
    first: _Node, node: _Node, stack: list[_Node], roots: list[_Node], placed: dict[str, float]
) -> None:
    """Fix the depth of ``first``'s kind for the whole document from ``node``, the line
    after it: just above a shallower body mark (``□ A`` / ``➊ NAME`` / ``ㅇ 사업기간 : …``
    puts ➊ between □ and ㅇ, and ``➊ NAME`` moves up under □), else where it is."""
    kind, depth = first[_KIND], first[_DEPTH]
    placed[kind] = depth
    if node[_KIND] in ("paragraph", kind) or not _BODY_DEPTH <= node[_DEPTH] < depth:
        return
    placed[kind] = first[_DEPTH] = node[_DEPTH] - 0.5
    # ``first`` is the last line added (only notes came after it): it has no children and
    # is its parent's last child, so it moves up by leaving that parent.
    stack.pop()
    moved = False
    while stack and stack[-1][_DEPTH] >= first[_DEPTH]:
        if not moved:
            stack[-1][_CHILDREN].pop()
            moved = True
        stack.pop()
    if moved:
        if stack:
            first[_LEVEL] = stack[-1][_LEVEL] + 1
            stack[-1][_CHILDREN].append(first)
        else:
            first[_LEVEL] = 0
            roots.append(first)
    stack.append(first)


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
    # Depths of the enumeration kinds the document has placed, and the first line of a
    # kind not placed yet (_place_enumeration).
    placed: dict[str, float] = {}
    first: _Node | None = None
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
            if marker.kind in placed:
                node[_DEPTH] = placed[marker.kind]
        if first is not None:
            # The line after a kind's first enumeration says where the kind sits.
            _place_enumeration(first, node, stack, roots, placed)
            first = None
        depth = node[_DEPTH]
        while stack and stack[-1][_DEPTH] >= depth:
            stack.pop()
        if stack:
            node[_LEVEL] = stack[-1][_LEVEL] + 1
            stack[-1][_CHILDREN].append(node)
        else:
            roots.append(node)
        stack.append(node)
        if node[_KIND] in _ENUMERATIONS and node[_KIND] not in placed:
            first = node
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
