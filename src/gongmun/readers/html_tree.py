"""A saved web page as a tree of elements whose text knows where it sits in the page.

The standard library's ``html.parser`` builds the tree. Character references are kept
as their own :class:`Chunk` (``convert_charrefs=False``) so that every piece of text has
its exact place in the decoded HTML: ``source[chunk.start:chunk.end]`` is what the page
holds, ``chunk.text`` what it shows (``&amp;`` shows ``&``). JSON-LD scripts are kept
aside for the page's metadata; other scripts and styles are left out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final

from gongmun.readers.html_tables import BLOCK_TAGS, SKIP_TAGS, VOID_TAGS

# Nesting deeper than this is not a real page; deeper elements are flattened.
MAX_DEPTH: Final = 512
# JSON-LD kept per page (characters): metadata is small, a huge script is not metadata.
MAX_JSONLD_CHARS: Final = 200_000
_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Chunk:
    """Text of the page: ``text`` as shown, from ``source[start:end]``.

    A chunk is *linear* when it shows its source character for character (plain text);
    a character reference (``&lt;``, ``&#44608;``) is one chunk that is not.
    """

    text: str
    start: int
    end: int

    @property
    def linear(self) -> bool:
        """True when ``text`` is ``source[start:end]`` itself."""
        return len(self.text) == self.end - self.start


@dataclass(eq=False)
class Node:
    """A parsed element: tag, attributes, children (nodes or text chunks) and where its
    start tag sits in the page (``start``, ``tag_end``)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | Chunk] = field(default_factory=list)
    start: int = 0
    tag_end: int = 0

    def markers(self) -> str:
        """Id and class of the element, lower-cased, space-separated."""
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower()


@dataclass
class Page:
    """A parsed page: its root element and the JSON-LD scripts it carries."""

    root: Node
    jsonld: list[str]


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(source)]
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.skipping = 0
        self.jsonld: list[str] = []
        self.in_jsonld = False
        self.jsonld_chars = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _node(self, tag: str, attrs: list[tuple[str, str | None]]) -> Node:
        start = self._pos()
        raw = self.get_starttag_text() or ""
        return Node(tag, {k: v or "" for k, v in attrs}, start=start, tag_end=start + len(raw))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag in SKIP_TAGS:
                self.skipping += 1
            return
        if tag in SKIP_TAGS:
            self.skipping = 1
            kind = dict(attrs).get("type") or ""
            self.in_jsonld = tag == "script" and "ld+json" in kind.lower()
            if self.in_jsonld:
                self.jsonld.append("")
            return
        node = self._node(tag, attrs)
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag not in SKIP_TAGS:
            self.stack[-1].children.append(self._node(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in SKIP_TAGS:
                self.skipping -= 1
                self.in_jsonld = self.in_jsonld and self.skipping > 0
            return
        # Close up to the matching open element; a stray end tag is ignored.
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.in_jsonld and self.jsonld_chars + len(data) <= MAX_JSONLD_CHARS:
                self.jsonld[-1] += data
                self.jsonld_chars += len(data)
            return
        start = self._pos()
        self.stack[-1].children.append(Chunk(data, start, start + len(data)))

    def _reference(self, length: int) -> None:
        """A character reference of ``length`` characters before its optional ``;``."""
        if self.skipping:
            return
        start = self._pos()
        end = start + length
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[start:end]
        self.stack[-1].children.append(Chunk(html.unescape(raw), start, end))

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))


def parse(source: str) -> Page:
    """Parse decoded HTML into a :class:`Page`.

    >>> page = parse("<p>총 600억원 &amp; 지원</p>")
    >>> [(c.text, c.start, c.end) for c in page.root.children[0].children]
    [('총 600억원 ', 3, 11), ('&', 11, 16), (' 지원', 16, 19)]
    """
    builder = _TreeBuilder(source)
    builder.feed(source)
    builder.close()
    return Page(builder.root, builder.jsonld)


def iter_nodes(node: Node) -> list[Node]:
    """``node`` and every element under it, in document order."""
    out: list[Node] = []
    todo = [node]
    while todo:
        n = todo.pop()
        out.append(n)
        todo.extend(c for c in reversed(n.children) if isinstance(c, Node))
    return out


def cell_text(node: Node) -> str:
    """The text of a table cell: :func:`plain`, with a line break where a ``<br>`` or a
    block (``<p>``, ``<div>``) ends a line inside it, as the page shows the cell.

    >>> cell_text(parse("<td>백신<br>플랫폼 <p>고도화</p>사업</td>").root)
    '백신\\n플랫폼 \\n고도화\\n사업'
    """
    out: list[str] = []
    todo: list[Node | Chunk | None] = [node]
    while todo:
        n = todo.pop()
        if n is None:
            out.append("\n")
        elif isinstance(n, Chunk):
            out.append(n.text)
        else:
            if n is not node and n.tag in BLOCK_TAGS:
                out.append("\n")
                if n.children:
                    todo.append(None)  # the line break after the block
            todo.extend(reversed(n.children))
    return "".join(out)


def chunks(node: Node) -> list[Chunk]:
    """Every text chunk under ``node``, in document order."""
    out: list[Chunk] = []
    todo: list[Node | Chunk] = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, Chunk):
            out.append(n)
        else:
            todo.extend(reversed(n.children))
    return out


def plain(node: Node) -> str:
    """The text under ``node`` as the page shows it, markup left out.

    >>> plain(parse("<div>총 <b>600억원</b></div>").root)
    '총 600억원'
    """
    return "".join(c.text for c in chunks(node))
