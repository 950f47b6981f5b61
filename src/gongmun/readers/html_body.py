"""Which element of a web page holds the article.

First a body marker (:data:`~gongmun.readers.html_tables.BODY_MARKERS`: the id or class
Korean news sites and 정책브리핑 give their article container). Without one, every
element is scored by the paragraphs under it, and the best-scoring one is the body.

A *paragraph* is the text an element holds directly or through inline elements
(``<span>``, ``<b>``, ``<a>``, ``<font>``...), not through nested blocks; so articles
made of ``<p>``, of ``<div>`` paragraphs, of ``<br>``-separated lines in one element or
of nested ``<section>``s are all paragraphs under one container. A paragraph of at least
:data:`MIN_PARAGRAPH` letters adds its letters less half that many (short lines are
datelines, buttons and footer links as often as article text); link text subtracts
:data:`LINK_WEIGHT` times its length (menus, related-story lists), and so does a
copyright line's text (:data:`~gongmun.readers.html_tables.FURNITURE_WORDS`); page furniture
(``<nav>``, ``<footer>``, ``class="related"``...) counts nothing. An element's score is
the sum over the paragraphs under it. The body is the innermost element scoring within
:data:`SLACK_PERCENT` of the top score: the smallest element that holds the article's
paragraphs without the link lists, datelines and footer lines around them.
Table cells are paragraphs of any length, so a page that is only a table keeps its rows.
"""

from __future__ import annotations

from typing import Final

from gongmun.readers.html_tables import (
    BODY_MARKERS,
    BOILERPLATE_MARKERS,
    BOILERPLATE_TAGS,
    CELL_TAGS,
    FURNITURE_WORDS,
    INLINE_TAGS,
)
from gongmun.readers.html_tree import Chunk, Node, iter_nodes, plain

# Letters (non-space characters) a paragraph needs to count; half as many are taken
# off each, so many short lines weigh less than one paragraph of the same letters.
MIN_PARAGRAPH: Final = 10
# Each letter of link text costs this many letters of paragraph text.
LINK_WEIGHT: Final = 2
# Share of the top score an inner element may miss and still be the body.
SLACK_PERCENT: Final = 10
# Parts of a table that hold whole rows: a body found there is read as its whole table,
# since only the table renders its cells apart (a row alone would glue them: 1 | 34억 -> 134억).
ROW_PARTS: Final = frozenset({"tr", "thead", "tbody", "tfoot"})
# A body marker's element is taken unless the paragraph score finds an element outside
# it that scores this many times more (a marker reused on a teaser box).
MARKER_OUTSCORED: Final = 2


def is_boilerplate(node: Node) -> bool:
    """Page furniture by tag (``<nav>``, ``<footer>``) or by id/class token substring.

    >>> is_boilerplate(Node("div", {"class": "article_share"}))
    True
    """
    if node.tag in BOILERPLATE_TAGS:
        return True
    marks = node.markers()
    return any(m in marks for m in BOILERPLATE_MARKERS)


def outside_furniture(root: Node) -> list[Node]:
    """The elements of ``root`` that are neither page furniture nor inside it, in order."""
    out: list[Node] = []
    todo = [root]
    while todo:
        n = todo.pop()
        if n is not root and is_boilerplate(n):
            continue
        out.append(n)
        todo.extend(c for c in reversed(n.children) if isinstance(c, Node))
    return out


def find_body(root: Node) -> Node:
    """The element holding the article: by marker, else by paragraph score (module doc).

    >>> from gongmun.readers.html_tree import parse
    >>> page = parse('<div><a>홈</a><a>경제</a></div><div class="x">'
    ...              '<div>정부는 총 600억원을 지원한다.</div>'
    ...              '<div>과제당 4년간 100억원 규모로 지원할 예정이다.</div></div>')
    >>> find_body(page.root).attrs
    {'class': 'x'}
    """
    nodes = iter_nodes(root)
    scores, parents = _scores(root)
    top = max(scores.values(), default=0)
    best, best_depth = root, -1
    if top > 0:
        # The innermost element within SLACK of the top score: a footer line or a
        # dateline next to the article does not pull the body out to the whole page.
        floor = top - top * SLACK_PERCENT // 100
        depths = _depths(root, parents, nodes)
        for n in nodes:
            score = scores.get(id(n))
            if score is not None and score >= floor and depths[id(n)] > best_depth:
                best, best_depth = n, depths[id(n)]
    best = _whole_table(best, parents)
    best_score = scores.get(id(best), 0)
    for marker in BODY_MARKERS:
        hits = [
            n
            for n in nodes
            if marker in n.markers().split() or n.attrs.get("itemprop", "").lower() == marker
        ]
        if hits:
            hit = max(hits, key=lambda n: len(plain(n).strip()))
            if scores.get(id(hit), 0) * MARKER_OUTSCORED >= best_score or _holds(
                best, hit, parents
            ):
                return _whole_table(hit, parents)
            return best
    return best


def _whole_table(node: Node, parents: dict[int, Node]) -> Node:
    """``node``, or the table it is a row or row group of (:data:`ROW_PARTS`)."""
    n = node
    while n.tag in ROW_PARTS:
        parent = parents.get(id(n))
        if parent is None:
            return node
        n = parent
    return n


def _depths(root: Node, parents: dict[int, Node], nodes: list[Node]) -> dict[int, int]:
    """Depth of every element (document order puts parents first)."""
    depths = {id(root): 0}
    for n in nodes:
        parent = parents.get(id(n))
        if parent is not None:
            depths[id(n)] = depths.get(id(parent), 0) + 1
        else:
            depths.setdefault(id(n), 0)
    return depths


def _holds(outer: Node, inner: Node, parents: dict[int, Node]) -> bool:
    """True when ``inner`` is ``outer`` or inside it."""
    n: Node | None = inner
    while n is not None:
        if n is outer:
            return True
        n = parents.get(id(n))
    return False


def _scores(root: Node) -> tuple[dict[int, int], dict[int, Node]]:
    """Paragraph score of every element outside page furniture (by ``id``), and each
    element's parent."""
    parents: dict[int, Node] = {}
    order: list[Node] = []
    todo = [root]
    while todo:
        n = todo.pop()
        if n is not root and is_boilerplate(n):
            continue
        order.append(n)
        for c in n.children:
            if isinstance(c, Node):
                parents[id(c)] = n
                todo.append(c)
    scores: dict[int, int] = {}
    # Children come after their parents in ``order``: add up from the end.
    for n in reversed(order):
        own = _paragraph_value(n) if n.tag not in INLINE_TAGS else 0
        scores[id(n)] = scores.get(id(n), 0) + own
        parent = parents.get(id(n))
        if parent is not None:
            scores[id(parent)] = scores.get(id(parent), 0) + scores[id(n)]
    return scores, parents


def _paragraph_value(block: Node) -> int:
    """What the paragraph directly in ``block`` adds to a score (module doc)."""
    letters = 0
    links = 0
    furniture = 0
    todo: list[tuple[Node | Chunk, bool]] = [(c, block.tag == "a") for c in block.children]
    while todo:
        c, in_link = todo.pop()
        if isinstance(c, Chunk):
            count = len(c.text) - sum(1 for ch in c.text if ch.isspace())
            if in_link:
                links += count
            elif any(w in c.text for w in FURNITURE_WORDS):
                furniture += count
            else:
                letters += count
        elif c.tag in INLINE_TAGS and not is_boilerplate(c):
            todo.extend((g, in_link or c.tag == "a") for g in c.children)
    if block.tag not in CELL_TAGS:
        letters = letters - MIN_PARAGRAPH // 2 if letters >= MIN_PARAGRAPH else 0
    return letters - furniture - LINK_WEIGHT * links
