"""Saved web pages (news, 정책브리핑): the article body as text, the rest left out.

Standard library only (``html.parser``): the pages are simple article pages, and a
heavier extractor (trafilatura and its lxml stack) would add several dependencies for
what a marker table and a text-density fallback do here. The body is the element named
by :data:`~gongmun.readers.html_tables.BODY_MARKERS`, else the ``<article>`` with most
text, else the element with the most paragraph text; navigation, share buttons,
bylines and the like inside it are dropped. Tables in the body become :class:`Table`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final

from gongmun.doc.grid import SpanCell, layout
from gongmun.doc.tables import Table, place
from gongmun.errors import InputError
from gongmun.readers.html_tables import (
    BLOCK_TAGS,
    BODY_MARKERS,
    BOILERPLATE_MARKERS,
    BOILERPLATE_TAGS,
    CELL_TAGS,
    CHARSET_ALIASES,
    SKIP_TAGS,
    VOID_TAGS,
)
from gongmun.readers.model import RawInput
from gongmun.readers.pdf import clean_cell
from gongmun.readers.text import decode_text

MEDIA_TYPE: Final = "text/html"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")
# Nesting deeper than this is not a real page; deeper elements are flattened.
MAX_DEPTH: Final = 512


@dataclass(eq=False)
class Node:
    """A parsed element: tag, attributes and children (nodes or text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def markers(self) -> str:
        """Id and class of the element, lower-cased, space-separated."""
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag in SKIP_TAGS:
                self.skipping += 1
            return
        if tag in SKIP_TAGS:
            self.skipping = 1
            return
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag not in SKIP_TAGS:
            self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in SKIP_TAGS:
                self.skipping -= 1
            return
        # Close up to the matching open element; a stray end tag is ignored.
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.stack[-1].children.append(data)


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Decode with the page's ``<meta charset>`` when it works, else like a text file."""
    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        codec = CHARSET_ALIASES.get(declared, declared)
        try:
            return data.decode(codec).removeprefix("\ufeff"), codec
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common: fall back to detection
    return decode_text(data, path)


def read_html(data: bytes, path: str, sha256: str) -> RawInput:
    """Read a saved web page; the article body becomes the text."""
    source, encoding = decode_html(data, path)
    raw = html_to_raw(source, path)
    return RawInput(raw.text, path, sha256, MEDIA_TYPE, encoding, tables=raw.tables)


def html_to_raw(source: str, path: str | None = None) -> RawInput:
    """The article of an HTML page as a :class:`RawInput` (sha256 of the HTML text).

    >>> page = '<nav>메뉴</nav><div id="articleBody"><p>총 600억원</p></div>'
    >>> html_to_raw(page).text
    '총 600억원'
    """
    import hashlib

    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    root = builder.root
    body = find_body(root)
    renderer = _Renderer()
    title = _title(root)
    if title and title not in _plain(body):
        renderer.block(title)
    renderer.render(body)
    text, tables = renderer.finish()
    if not text.strip():
        raise InputError(path or "<html>", "web page has no article text", "no_text")
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    return RawInput(text, path, digest, MEDIA_TYPE, tables=tables)


def _iter(node: Node) -> list[Node]:
    out: list[Node] = []
    todo = [node]
    while todo:
        n = todo.pop()
        out.append(n)
        todo.extend(c for c in reversed(n.children) if isinstance(c, Node))
    return out


def _plain(node: Node) -> str:
    parts: list[str] = []
    todo: list[Node | str] = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, str):
            parts.append(n)
        else:
            todo.extend(reversed(n.children))
    return "".join(parts)


def _is_boilerplate(node: Node) -> bool:
    if node.tag in BOILERPLATE_TAGS:
        return True
    marks = node.markers()
    return any(m in marks for m in BOILERPLATE_MARKERS)


def find_body(root: Node) -> Node:
    """The element holding the article: by marker, then ``<article>``, then text density."""
    nodes = _iter(root)
    for marker in BODY_MARKERS:
        hits = [
            n
            for n in nodes
            if marker in n.markers().split() or n.attrs.get("itemprop", "").lower() == marker
        ]
        if hits:
            return max(hits, key=lambda n: len(_plain(n).strip()))
    articles = [n for n in nodes if n.tag == "article"]
    if articles:
        return max(articles, key=lambda n: len(_plain(n).strip()))
    best, best_score = root, 0
    for n in nodes:
        if _is_boilerplate(n):
            continue
        score = _density(n)
        if score > best_score:
            best, best_score = n, score
    return best if best_score else root


def _density(node: Node) -> int:
    """Text directly in this element or its ``<p>``/``<br>`` children (not nested blocks)."""
    total = 0
    for c in node.children:
        if isinstance(c, str):
            total += len(c.strip())
        elif c.tag in {"p", "span", "b", "strong", "font", "em", "i"}:
            total += len(_plain(c).strip())
    return total


def _title(root: Node) -> str:
    for n in _iter(root):
        if n.tag == "meta" and n.attrs.get("property", "").lower() == "og:title":
            return n.attrs.get("content", "").strip()
    for tag in ("h1", "title"):
        for n in _iter(root):
            if n.tag == tag and not _is_boilerplate(n):
                return _SPACES.sub(" ", _plain(n)).strip()
    return ""


class _Renderer:
    """Turns a subtree into lines of text, recording where each table lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[Table] = []

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def block(self, text: str) -> None:
        self._emit("\n" + text + "\n")

    def render(self, node: Node) -> None:
        todo: list[Node | str | None] = [node]
        while todo:
            n = todo.pop()
            if n is None:
                self._emit("\n")
            elif isinstance(n, str):
                self._emit(_SPACES.sub(" ", n.replace("\n", " ")))
            elif n.tag == "head" or (n is not node and _is_boilerplate(n)):
                continue
            elif n.tag == "table":
                self._table(n)
            elif n.tag in BLOCK_TAGS:
                self._emit("\n")
                todo.append(None)
                todo.extend(reversed(n.children))
            else:
                todo.extend(reversed(n.children))

    def _table(self, table: Node) -> None:
        rows: list[list[SpanCell]] = []
        heads = 0
        caption: str | None = None
        for n, in_head in _table_parts(table):
            if n.tag == "caption":
                caption = caption or clean_cell(_plain(n)) or None
                continue
            cells = [
                SpanCell(
                    clean_cell(_plain(td)) or "",
                    _span(td.attrs.get("rowspan")),
                    _span(td.attrs.get("colspan")),
                    header=td.tag == "th" or in_head,
                )
                for td in n.children
                if isinstance(td, Node) and td.tag in CELL_TAGS
            ]
            if any(c.text for c in cells):
                rows.append(cells)
                if in_head and len(rows) == heads + 1:
                    heads += 1
        if not rows:
            return
        grid = layout(rows, "html", header_rows=heads or None)
        grid = dataclasses.replace(grid, caption=caption)
        self._emit("\n")
        rendered, placed = place(grid, self.length)
        self.tables.append(placed)
        self._emit(rendered + "\n")

    def finish(self) -> tuple[str, tuple[Table, ...]]:
        """Lines stripped, blank lines dropped, table and cell offsets moved to match.

        Cell lines are clean already (no edge spaces), so each cell starts a line.
        """
        raw = "".join(self.parts)
        out: list[str] = []
        moved: dict[int, int] = {}
        pos = 0
        length = 0
        for line in raw.split("\n"):
            stripped = line.strip()
            if stripped:
                if out:
                    length += 1
                moved[pos + line.index(stripped[0])] = length
                out.append(stripped)
                length += len(stripped)
            pos += len(line) + 1
        return "\n".join(out), tuple(_moved(t, moved) for t in self.tables)


def _moved(table: Table, moved: dict[int, int]) -> Table:
    """``table`` with each cell moved from its old line start to the new one."""
    cells = []
    for c in table.cells:
        at = moved.get(c.start) if c.start is not None else None
        if at is None or c.end is None or c.start is None:
            cells.append(dataclasses.replace(c, start=None, end=None))
        else:
            cells.append(dataclasses.replace(c, start=at, end=at + c.end - c.start))
    placed = [c for c in cells if c.start is not None and c.end is not None]
    start = min((c.start for c in placed if c.start is not None), default=None)
    end = max((c.end for c in placed if c.end is not None), default=None)
    return dataclasses.replace(table, cells=tuple(cells), start=start, end=end)


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute as a count (1 when absent or broken)."""
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def _table_parts(table: Node) -> list[tuple[Node, bool]]:
    """The caption and the rows of ``table`` in order, each with whether it is in
    ``<thead>``; rows of tables nested inside cells are not this table's."""
    out: list[tuple[Node, bool]] = []
    todo: list[tuple[Node, bool]] = [
        (c, False) for c in reversed(table.children) if isinstance(c, Node)
    ]
    while todo:
        n, in_head = todo.pop()
        if n.tag in {"tr", "caption"}:
            out.append((n, in_head))
        elif n.tag != "table":
            inner = in_head or n.tag == "thead"
            todo.extend((c, inner) for c in reversed(n.children) if isinstance(c, Node))
    return out
