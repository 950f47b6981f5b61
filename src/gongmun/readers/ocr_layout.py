"""An OCR'd page's text and tables, rebuilt from tesseract's word boxes.

tesseract's own text runs a table's row into one line (``결산 2,300,000 2,230,000 …``)
and its cells into each other. Here the table grids come from the page's ruling lines
(:mod:`.ocr_rules`), each cell is read apart (:mod:`.ocr_cells`), and every word keeps
its box (TSV): the table is written into the page text the way the PDF reader writes a
ruled table, one cell per line, row after row, and given as a
:class:`~gongmun.doc.tables.Table` (source ``ocr_ruled``) with its cells' boxes. The
rest of the page is tesseract's text as it was, line by line; a table stands before the
first line below its top.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from gongmun.doc.tables import Box, Table, place
from gongmun.readers.page_text import PageWriter
from gongmun.readers.pdf_cells import ruled_table

# A grid is a table when it has at least this many rows and columns (a box drawn
# around a title or a paragraph is read as text).
MIN_ROWS: Final = 2
MIN_COLS: Final = 2
SOURCE: Final = "ocr_ruled"


@dataclass(frozen=True, slots=True)
class TsvWord:
    """One word of tesseract's TSV: text, box in pixels, its line, and confidence."""

    text: str
    box: Box
    line: tuple[int, int, int]
    conf: float
    # Written right after the word before it on its line, with no space between, in
    # tesseract's text (its TSV cuts Korean into pieces: ``혁``, ``신``, ``창업``).
    glued: bool = False


@dataclass(frozen=True, slots=True)
class PlacedWord:
    """A word's offsets in the page text, its box in output units and its confidence."""

    start: int
    end: int
    box: Box
    conf: float


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The words of tesseract's TSV in reading order, boxes in pixels.

    >>> head = "level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\t"
    >>> head += "left\\ttop\\twidth\\theight\\tconf\\ttext\\n"
    >>> [w] = parse_tsv(head + "5\\t1\\t1\\t1\\t2\\t2\\t50\\t20\\t60\\t10\\t91.5\\t600억원")
    >>> w.text, w.box, w.line, w.conf
    ('600억원', (50.0, 20.0, 110.0, 30.0), (1, 1, 2), 91.5)
    """
    out: list[TsvWord] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, width, height = (float(c) for c in cols[6:10])
            line = (int(cols[2]), int(cols[3]), int(cols[4]))
            conf = float(cols[10])
        except ValueError:
            continue
        out.append(TsvWord(cols[11].strip(), (left, top, left + width, top + height), line, conf))
    return out


def align(text: str, words: Sequence[TsvWord]) -> list[tuple[int, int, TsvWord]]:
    """Offsets of each word in ``text``, found in order; a word not found is skipped.

    >>> ws = [TsvWord("총", (0, 0, 1, 1), (1, 1, 1), 90)]
    >>> ws.append(TsvWord("600억원", (2, 0, 5, 1), (1, 1, 1), 80))
    >>> [(a, b) for a, b, _ in align("총 600억원\\n지원", ws)]
    [(0, 1), (2, 7)]
    """
    out: list[tuple[int, int, TsvWord]] = []
    pos = 0
    for w in words:
        # Look only a little ahead: a word tesseract left out of its text must not make the
        # search run over the rest of the page (linear time overall).
        at = text.find(w.text, pos, pos + len(w.text) + 200)
        if at < 0:
            continue
        out.append((at, at + len(w.text), w))
        pos = at + len(w.text)
    return out


def spaced(text: str, words: Sequence[TsvWord]) -> list[TsvWord]:
    """``words`` with :attr:`TsvWord.glued` set as ``text`` (tesseract's text of the same
    image) writes them: tesseract's TSV gives a Korean word in pieces, its text joins them.

    >>> ws = [TsvWord("혁", (0, 0, 1, 1), (1, 1, 1), 90)]
    >>> ws.append(TsvWord("신", (1, 0, 2, 1), (1, 1, 1), 90))
    >>> ws.append(TsvWord("자금", (3, 0, 5, 1), (1, 1, 1), 90))
    >>> [w.glued for w in spaced("혁신 자금", ws)]
    [False, True, False]
    """
    out = list(words)
    k = 0
    last: tuple[int, tuple[int, int, int]] | None = None  # the end and line of the word before
    for start, end, w in align(text, words):
        while out[k] is not w:  # align keeps the words' order, skipping those not found
            k += 1
        if last is not None and last == (start, w.line):
            out[k] = dataclasses.replace(w, glued=True)
        last = (end, w.line)
        k += 1
    return out


def _scaled(box: Box, scale: float) -> Box:
    return (
        round(box[0] / scale, 2),
        round(box[1] / scale, 2),
        round(box[2] / scale, 2),
        round(box[3] / scale, 2),
    )


@dataclass(frozen=True, slots=True)
class CellWords:
    """A table to write: its rows of cell boxes (pixels; None under a merged cell) and
    the words each cell holds, boxes on the page."""

    rows: tuple[tuple[Box | None, ...], ...]
    words: dict[Box, list[TsvWord]]

    @property
    def top(self) -> float:
        """The table's top edge (pixels)."""
        return self.box[1]

    @property
    def box(self) -> Box:
        """The box of the table's cells (pixels)."""
        corners = [b for row in self.rows for b in row if b is not None]
        return (
            min(b[0] for b in corners),
            min(b[1] for b in corners),
            max(b[2] for b in corners),
            max(b[3] for b in corners),
        )


def is_table(rows: Sequence[Sequence[Box | None]]) -> bool:
    """A grid with at least :data:`MIN_ROWS` rows and :data:`MIN_COLS` columns."""
    return len(rows) >= MIN_ROWS and max((len(r) for r in rows), default=0) >= MIN_COLS


def _cell_text(words: Sequence[TsvWord]) -> tuple[str, list[tuple[int, int, TsvWord]]]:
    """A cell's words, a line of the cell per tesseract line, left to right, with each
    word's offsets in that text."""
    lines: dict[tuple[int, int, int], list[TsvWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    parts: list[str] = []
    spans: list[tuple[int, int, TsvWord]] = []
    n = 0
    for key in sorted(lines):
        if parts:
            parts.append("\n")
            n += 1
        for j, w in enumerate(sorted(lines[key], key=lambda w: w.box[0])):
            if j and not w.glued:
                parts.append(" ")
                n += 1
            parts.append(w.text)
            spans.append((n, n + len(w.text), w))
            n += len(w.text)
    return "".join(parts), spans


def _table(
    t: CellWords, scale: float, page_words: Sequence[TsvWord] = ()
) -> tuple[str, Table, list[PlacedWord]]:
    """The table's text, the table (offsets in that text) and its words' places there.

    A grid starting with a row of figures takes its header from ``page_words`` (the
    page's words outside the tables) just above it (:mod:`.ocr_heads`)."""
    texts = [
        [None if b is None else _cell_text(t.words.get(b, []))[0] for b in row] for row in t.rows
    ]
    boxes = [[None if b is None else _scaled(b, scale) for b in row] for row in t.rows]
    table = ruled_table(boxes, texts, SOURCE)
    table = dataclasses.replace(table, bbox=_scaled(t.box, scale))
    rendered, placed = place(table, 0)
    by_box = {c.bbox: c for c in placed.cells}
    out: list[PlacedWord] = []
    for box, words in t.words.items():
        cell = by_box.get(_scaled(box, scale))
        if cell is None or cell.start is None:
            continue
        pos = 0
        # The cell's text was joined (join_wrapped): find each word in it, in order.
        for _, _, w in _cell_text(words)[1]:
            at = cell.text.find(w.text, pos)
            if at < 0:
                continue
            start = cell.start + at
            out.append(PlacedWord(start, start + len(w.text), _scaled(w.box, scale), w.conf))
            pos = at + len(w.text)
    if not placed.header_rows and page_words:
        from gongmun.readers.ocr_heads import header_above

        placed = header_above(placed, page_words, scale)
    return rendered, placed, out


def block_of(blocks: Sequence[Box], box: Box) -> int:
    """The index of the block (:mod:`.ocr_regions`) holding the middle of ``box``; the
    nearest block when none does, 0 without blocks.

    >>> block_of([(0, 0, 100, 500), (120, 0, 220, 500)], (150, 40, 170, 60))
    1
    """
    if not blocks:
        return 0
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2

    def away(k: int) -> float:
        x0, top, x1, bottom = blocks[k]
        return max(x0 - x, 0.0, x - x1) + max(top - y, 0.0, y - bottom)

    return min(range(len(blocks)), key=away)


def rebuild(
    text: str,
    words: Sequence[TsvWord],
    tables: Sequence[CellWords],
    scale: float,
    blocks: Sequence[Box] = (),
) -> tuple[str, list[PlacedWord], list[Table]]:
    """The page text with each table written as cells, the words' places, the tables.

    ``text`` and ``words`` are tesseract's for the page outside the tables, read block
    after block where the page has ``blocks`` side by side (pixels); a table stands in
    the block holding it, before that block's first line below its top. Without tables
    the text is tesseract's, unchanged, and every word keeps its offsets.
    """
    aligned = align(text, words)
    block = {id(t): block_of(blocks, t.box) for t in tables}
    # The page's words as its text spaces them: a header read above a grid joins them so.
    joined = spaced(text, words) if tables else []
    made = {id(t): _table(t, scale, joined) for t in tables}
    out_words: list[PlacedWord] = []

    def stands_before(t: CellWords, where: tuple[int, float]) -> bool:
        return (block[id(t)], t.top) <= where

    writer: PageWriter[CellWords, tuple[int, float]] = PageWriter(
        sorted(tables, key=lambda t: (block[id(t)], t.top)),
        lambda t: made[id(t)][:2],
        stands_before,
    )

    def put_tables(where: tuple[int, float] | None) -> None:
        for t, at in writer.put_tables(where):
            out_words.extend(
                dataclasses.replace(w, start=w.start + at, end=w.end + at) for w in made[id(t)][2]
            )

    k = 0
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        ids = []
        while k < len(aligned) and aligned[k][0] <= line_end:
            ids.append(k)
            k += 1
        if ids:
            first = aligned[ids[0]][2].box
            put_tables((block_of(blocks, first), min(aligned[i][2].box[1] for i in ids)))
        at = writer.add(line)
        for i in ids:
            a, b, w = aligned[i]
            start = at + a - line_start
            out_words.append(PlacedWord(start, start + b - a, _scaled(w.box, scale), w.conf))
        line_start = line_end + 1
    put_tables(None)
    return writer.text, out_words, writer.tables


__all__ = [
    "MIN_COLS",
    "MIN_ROWS",
    "CellWords",
    "PlacedWord",
    "TsvWord",
    "align",
    "block_of",
    "is_table",
    "parse_tsv",
    "rebuild",
    "spaced",
]
