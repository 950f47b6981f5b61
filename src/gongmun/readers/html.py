"""Saved web pages (news, 정책브리핑): the article body as text, the rest left out.

Standard library only (``html.parser``): the pages are simple article pages, and a
heavier extractor (trafilatura and its lxml stack) would add several dependencies for
what a marker table and a paragraph score do here (:mod:`.html_body` finds the article;
measured in ``tests/test_readers_html_layouts.py``). Navigation, share buttons, bylines
and the like inside the body are dropped. Tables in the body become :class:`Table`.

The text keeps its way back to the page: :attr:`RawInput.source_text` is the decoded
HTML (``data.decode(encoding)``) and :attr:`RawInput.source_map` maps every position of
the text to it, so a record's ``raw_span`` shows the value in the page's own source.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from gongmun.doc.grid import SpanCell, layout
from gongmun.doc.tables import Table, place
from gongmun.errors import InputError
from gongmun.offsets import OffsetMap
from gongmun.readers.html_body import find_body, is_boilerplate
from gongmun.readers.html_meta import find_published, find_title
from gongmun.readers.html_tables import (
    BLOCK_TAGS,
    CELL_TAGS,
    CHARSET_ALIASES,
    IGNORED_CHARSETS,
)
from gongmun.readers.html_tree import Chunk, Node, cell_text, chunks, iter_nodes, parse, plain
from gongmun.readers.model import RawInput
from gongmun.readers.pdf import clean_cell
from gongmun.readers.text import BOMS, decode_text

MEDIA_TYPE: Final = "text/html"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# Where a charset declaration is looked for: HTML5 says 1024 bytes, but Korean pages
# often put scripts and styles first.
CHARSET_SCAN_BYTES: Final = 16 * 1024
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")

# Old names kept for callers of this module.
_iter = iter_nodes
_plain = plain
_is_boilerplate = is_boilerplate
__all__ = ["MEDIA_TYPE", "Node", "decode_html", "find_body", "html_to_raw", "read_html"]


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Decode a page: a byte-order mark first, then its declared charset (``<meta
    charset>`` or the ``http-equiv`` Content-Type form) when it decodes, else like a text
    file. ``data.decode(encoding)`` is the returned text.

    >>> head = '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
    >>> decode_html((head + "총").encode("cp949"), "a.html")[1]
    'cp949'
    """
    if any(data.startswith(bom) for bom, _name, _codec in BOMS):
        return decode_text(data, path)
    m = _CHARSET.search(data[:CHARSET_SCAN_BYTES])
    if m:
        declared = m.group(1).decode("ascii").lower()
        codec = CHARSET_ALIASES.get(declared, declared)
        if declared not in IGNORED_CHARSETS and codec not in IGNORED_CHARSETS:
            try:
                return data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration is common: fall back to detection
    return decode_text(data, path)


def read_html(data: bytes, path: str, sha256: str) -> RawInput:
    """Read a saved web page; the article body becomes the text."""
    source, encoding = decode_html(data, path)
    raw = html_to_raw(source, path)
    return RawInput(
        raw.text,
        path,
        sha256,
        MEDIA_TYPE,
        encoding,
        tables=raw.tables,
        source_text=source,
        source_map=raw.source_map,
        issued=raw.issued,
        items=raw.items,
    )


def html_to_raw(source: str, path: str | None = None) -> RawInput:
    """The article of an HTML page as a :class:`RawInput` (sha256 of the HTML text).

    >>> page = '<nav>메뉴</nav><div id="articleBody"><p>총 600억원</p></div>'
    >>> raw = html_to_raw(page)
    >>> raw.text, raw.source_text[raw.source_map.to_source(2, 7)[0]:][:5]
    ('총 600억원', '600억원')
    """
    import hashlib

    page = parse(source)
    root = page.root
    body = find_body(root)
    renderer = _Renderer()
    title, title_chunks = find_title(root, source)
    if title and title not in plain(body):
        renderer.block(title, title_chunks)
    renderer.render(body)
    text, tables, mapping, items = renderer.finish(len(source))
    if not text.strip():
        raise InputError(path or "<html>", "web page has no article text", "no_text")
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    return RawInput(
        text,
        path,
        digest,
        MEDIA_TYPE,
        tables=tables,
        source_text=source,
        source_map=mapping,
        issued=find_published(page),
        items=items,
    )


# Elements whose text is one item of a list (a list item, a term, its description): each
# stands on its own lines, never a wrapped part of the line above or below.
ITEM_TAGS: Final = frozenset({"li", "dt", "dd"})


class _ItemEnd:
    """Where the renderer leaves an item element."""


# A piece of rendered text and where it came from: (n0, n1, r0, r1, linear).
_Piece = tuple[int, int, int, int, bool]


class _Renderer:
    """Turns a subtree into lines of text, recording where each table lands and where
    every piece of text sits in the page."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[Table] = []
        self.pieces: list[_Piece] = []
        # The page position after the last text mapped: synthetic text (line breaks,
        # rendered tables that cannot be aligned) is placed there.
        self.at = 0
        # Spans (in the rendered text) of the outermost list items, terms and descriptions
        # holding no table, and how deep the renderer is inside such elements.
        self.items: list[tuple[int, int]] = []
        self._item_start: int | None = None
        self._item_depth = 0

    def _emit(self, s: str, align: list[Chunk] | None = None) -> None:
        """Add text made by the renderer; with ``align``, map its characters to those
        chunks in order where they match (a table's cells, a title)."""
        if align:
            self._aligned(s, align)
        else:
            self.pieces.append((self.length, self.length + len(s), self.at, self.at, False))
        self.parts.append(s)
        self.length += len(s)

    def _aligned(self, s: str, source: list[Chunk]) -> None:
        """Map each non-space character of ``s`` to the next matching source character;
        once one is not found, the rest is placed without a source of its own."""
        ci, k = 0, 0
        n = self.length
        lost = False
        for ch in s:
            if not lost and not ch.isspace():
                while ci < len(source):
                    c = source[ci]
                    if c.linear:
                        found = c.text.find(ch, k)
                        if found >= 0:
                            pos = c.start + found
                            self.pieces.append((n, n + 1, pos, pos + 1, True))
                            self.at = pos + 1
                            k = found + 1
                            break
                    elif k == 0 and c.text == ch:
                        self.pieces.append((n, n + 1, c.start, c.end, False))
                        self.at = c.end
                        k = 1
                        break
                    ci, k = ci + 1, 0
                else:
                    lost = True
            if lost or ch.isspace():
                self.pieces.append((n, n + 1, self.at, self.at, False))
            n += 1

    def _text(self, c: Chunk) -> None:
        """A chunk of page text, runs of white space shown as one space."""
        n = self.length
        if not c.linear:
            shown = _WHITESPACE.sub(" ", c.text)
            self.pieces.append((n, n + len(shown), c.start, c.end, False))
            self.parts.append(shown)
            self.length += len(shown)
            self.at = c.end
            return
        out: list[str] = []
        last = 0
        for m in _WHITESPACE.finditer(c.text):
            if m.start() > last:
                out.append(c.text[last : m.start()])
                self.pieces.append(
                    (n, n + m.start() - last, c.start + last, c.start + m.start(), True)
                )
                n += m.start() - last
            out.append(" ")
            one = m.end() - m.start() == 1
            self.pieces.append((n, n + 1, c.start + m.start(), c.start + m.end(), one))
            n += 1
            last = m.end()
        if last < len(c.text):
            out.append(c.text[last:])
            self.pieces.append((n, n + len(c.text) - last, c.start + last, c.end, True))
            n += len(c.text) - last
        shown = "".join(out)
        self.parts.append(shown)
        self.length = n
        self.at = c.end

    def block(self, text: str, source: list[Chunk] | None = None) -> None:
        """A line of its own (the title), mapped to ``source`` where it matches."""
        self._emit("\n")
        self._emit(text, source)
        self._emit("\n")

    def render(self, node: Node) -> None:
        """Render ``node``'s subtree, page furniture left out."""
        todo: list[Node | Chunk | _ItemEnd | None] = [node]
        while todo:
            n = todo.pop()
            if n is None:
                self._emit("\n")
            elif isinstance(n, _ItemEnd):
                self._item_end()
            elif isinstance(n, Chunk):
                self._text(n)
            elif n.tag == "head" or (n is not node and is_boilerplate(n)):
                continue
            elif n.tag == "table":
                self._item_start = None  # an item holding a table is no line of its own
                self._table(n)
            elif n.tag in BLOCK_TAGS:
                self._emit("\n")
                if n.tag in ITEM_TAGS:
                    self._item_depth += 1
                    if self._item_depth == 1:
                        self._item_start = self.length
                    todo.append(_ItemEnd())
                todo.append(None)
                todo.extend(reversed(n.children))
            else:
                todo.extend(reversed(n.children))

    def _item_end(self) -> None:
        self._item_depth -= 1
        if self._item_depth == 0 and self._item_start is not None:
            if self.length > self._item_start:
                self.items.append((self._item_start, self.length))
            self._item_start = None

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
                    clean_cell(cell_text(td)) or "",
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
        self._emit(rendered + "\n", chunks(table))

    def finish(
        self, source_length: int
    ) -> tuple[str, tuple[Table, ...], OffsetMap, tuple[tuple[int, int], ...]]:
        """Lines stripped, blank lines dropped, table and cell offsets moved to match; with
        the map of the text to the page and the items' spans in the text.

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
        text = "\n".join(out)
        to_page = OffsetMap.from_pieces(self.pieces, len(raw), source_length)
        tables = tuple(_moved(t, moved) for t in self.tables)
        kept = _kept_lines(raw, len(text))
        items = []
        for a, b in self.items:
            # From the item's first character shown to its last (lines are stripped).
            first = len(raw[a:b]) - len(raw[a:b].lstrip())
            last = len(raw[a:b].rstrip())
            if first >= last:
                continue
            start, end = kept.start_from_source(a + first), kept.end_from_source(a + last)
            if start is not None and end is not None and end > start:
                items.append((start, end))
        return text, tables, to_page.then(kept), tuple(items)


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


def _kept_lines(raw: str, length: int) -> OffsetMap:
    """The map of ``raw`` with its lines stripped and blank lines dropped back to ``raw``
    (what :meth:`_Renderer.finish` does to the text)."""
    pieces: list[_Piece] = []
    pos = 0
    n = 0
    last_end: int | None = None
    for line in raw.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = pos + len(line) - len(line.lstrip())
            if last_end is not None:
                # The line break after the previous kept line stands for all between.
                pieces.append((n, n + 1, last_end, lead, False))
                n += 1
            pieces.append((n, n + len(stripped), lead, lead + len(stripped), True))
            n += len(stripped)
            last_end = lead + len(stripped)
        pos += len(line) + 1
    return OffsetMap.from_pieces(pieces, length, len(raw))
