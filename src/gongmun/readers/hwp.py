"""Binary HWP 5 (``.hwp``): everything the document shows, read from its records.

gongmun reads the records itself (:mod:`.hwp_records`, olefile + zlib, the format is
public): body paragraphs; tables with their cell spans; text boxes and other drawing
objects' text; footnotes and endnotes after the paragraph that anchors them; 덧말 and
글자 겹침 in place; headers and footers once, after the body (page furniture, not
repeated per page). Hidden comments, field codes and auto numbers show nothing.
Characters outside Unicode's use are dropped with one warning (:mod:`.chars`).

Pages: Hancom stores each line's vertical position as laid out; where it goes back up,
a new page begins (a multi-column layout is read as one column), and every section and
explicit page break starts one, so records carry ``page``.

HWP 3 files, password-protected and distribution (배포용) documents get one clear error
each (``hwp3_unsupported``, ``encrypted_hwp``, ``distribution_hwp``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Final

from gongmun.doc.tables import Cell, Table
from gongmun.errors import InputError
from gongmun.readers.assemble import ParaMark, assemble
from gongmun.readers.bounds import check_table_slots
from gongmun.readers.chars import drop_outside, dropped_warning
from gongmun.readers.hwp_records import (
    CTRL_HEADER,
    LIST_HEADER,
    PARA_HEADER,
    PARA_LINE_SEG,
    PARA_TEXT,
    TABLE,
    Record,
    ctrl_id,
    open_hwp,
)
from gongmun.readers.hwp_text import decode_para_text, wchars
from gongmun.readers.layout import PAGE, Furniture, PageMark, PageTracker
from gongmun.readers.model import RawInput
from gongmun.readers.pdf import clean_cell

MEDIA_TYPE: Final = "application/x-hwp"
CONVERT_ADVICE: Final = (
    "convert it to HWPX or PDF first (Hancom Office: Save As .hwpx; or LibreOffice with "
    "the H2Orestart extension: soffice --headless --convert-to pdf FILE.hwp)"
)

# Controls (by id) whose paragraphs are shown after the anchoring paragraph.
NOTES: Final = frozenset({"fn  ", "en  "})
FURNITURE: Final = frozenset({"head", "foot"})
# Controls that show nothing: hidden comment, section/column definitions, auto number,
# new number, page hiding, page number position, bookmark, index mark. Fields (ids
# starting with '%') show their text between field start and end, in the paragraph.
SILENT: Final = frozenset(
    {"tcmt", "secd", "cold", "atno", "nwno", "pghd", "pgnp", "pgct", "bokm", "idxm", "eqed"}
)
# Controls whose text stands in the paragraph itself: 덧말 (main text, then the ruby
# text in brackets as Hancom shows it above) and 글자 겹침 (the overlapped characters).
RUBY, OVERLAP = "tdut", "tcps"
# Paragraph header: break type byte (0x04 page break, 0x01 section break).
_BREAK_OFFSET: Final = 11
_PAGE_BREAK: Final = 0x04
# PARA_LINE_SEG: 36 bytes per line, vertical position at offset 4.
_LINE_SEG: Final = 36
# Nesting of controls inside cells inside controls... beyond this is not a document.
MAX_DEPTH: Final = 32


@dataclass(slots=True)
class HwpCell:
    """A table cell as the file addresses it."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


@dataclass(slots=True)
class HwpTable:
    """A table's cells, as many as the file really holds, and its own caption (the
    caption list of the table control, before its TABLE record), if it has one."""

    cells: list[HwpCell]
    caption: str | None = None


# What the walk yields: text, a table, a page or paragraph mark (Furniture is a str).
Block = str | HwpTable | PageMark | ParaMark


@dataclass(slots=True)
class _Out:
    """Blocks in reading order (page marks and furniture among them) and dropped chars."""

    blocks: list[Block] = field(default_factory=list)
    dropped: int = 0


def read_hwp(data: bytes, path: str, sha256: str) -> RawInput:
    """Read an HWP 5 file's bytes; raise :class:`InputError` if it cannot be read."""
    if data.startswith(b"HWP Document File V"):
        raise InputError(
            path,
            "HWP 3 document (Hangul 97 or older), a format gongmun does not read; open it in "
            "Hancom Office and save it as .hwpx, or convert it to PDF",
            "hwp3_unsupported",
        )
    hwp = open_hwp(data, path)
    out = _Out()
    pages = PageTracker()
    for number, section in zip(hwp.numbers, hwp.sections, strict=True):
        pages.new_section()
        index = 0
        for node in section.children:
            if node.tag != PARA_HEADER:
                continue
            page_break = len(node.payload) > _BREAK_OFFSET and bool(
                node.payload[_BREAK_OFFSET] & _PAGE_BREAK
            )
            if pages.starts_page(page_break, _line_positions(node)):
                out.blocks.append(PAGE)
            out.blocks.append(ParaMark(number, index))
            index += 1
            out.blocks.extend(_paragraph(node, out, 0))
    warnings = list(hwp.warnings)
    if out.dropped:
        warnings.append(dropped_warning(out.dropped, "Hancom"))
    blocks = [to_table(b, path) if isinstance(b, HwpTable) else b for b in out.blocks]
    return assemble(blocks, path, sha256, MEDIA_TYPE, tuple(warnings), pages.recorded)


def _line_positions(node: Record) -> list[int]:
    seg = next((c for c in node.children if c.tag == PARA_LINE_SEG), None)
    if seg is None:
        return []
    n = len(seg.payload) // _LINE_SEG
    return [struct.unpack_from("<i", seg.payload, k * _LINE_SEG + 4)[0] for k in range(n)]


def _paragraph(node: Record, out: _Out, depth: int) -> list[Block]:
    """One paragraph's text, then the blocks its controls show (tables, boxes, notes)."""
    controls = [c for c in node.children if c.tag == CTRL_HEADER]
    text_rec = next((c for c in node.children if c.tag == PARA_TEXT), None)
    pieces = decode_para_text(text_rec.payload) if text_rec is not None else []
    parts: list[str] = []
    after: list[Block] = []
    seen: set[int] = set()
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
            continue
        if piece.index < len(controls):
            seen.add(piece.index)
            parts.append(_inline(controls[piece.index]))
            after.extend(_control(controls[piece.index], out, depth))
    # Controls no anchor points at (a file out of step with itself) still show.
    for i, ctrl in enumerate(controls):
        if i not in seen:
            after.extend(_control(ctrl, out, depth))
    text, dropped = drop_outside("".join(parts))
    out.dropped += dropped
    blocks: list[Block] = [text] if text.strip() else []
    return blocks + after


def _inline(ctrl: Record) -> str:
    """Text a control shows inside its paragraph: 덧말 and 글자 겹침, nothing else."""
    kind = ctrl_id(ctrl.payload)
    if kind == RUBY:
        main, at = wchars(ctrl.payload, 4)
        ruby, _ = wchars(ctrl.payload, at)
        return f"{main}({ruby})" if ruby.strip() else main
    if kind == OVERLAP:
        return wchars(ctrl.payload, 4)[0]
    return ""


def _control(ctrl: Record, out: _Out, depth: int) -> list[Block]:
    """Blocks a control shows after its paragraph."""
    if depth >= MAX_DEPTH:
        return []
    kind = ctrl_id(ctrl.payload)
    if kind in SILENT or kind in (RUBY, OVERLAP) or kind.startswith("%"):
        return []
    if kind == "tbl ":
        return _table_blocks(ctrl, out, depth)
    blocks = _paragraphs_under(ctrl, out, depth)
    if kind in FURNITURE:
        return [Furniture(b) for b in blocks if isinstance(b, str)]
    # Text boxes and drawings (gso), footnotes and endnotes, anything else with text.
    return blocks


def _paragraphs_under(node: Record, out: _Out, depth: int) -> list[Block]:
    """Every paragraph in a control's subtree, in order (text boxes, notes, captions)."""
    blocks: list[Block] = []
    stack = [iter(node.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == PARA_HEADER:
            blocks.extend(_paragraph(child, out, depth + 1))
        elif child.children and len(stack) < MAX_DEPTH:
            stack.append(iter(child.children))
    return blocks


def _table_blocks(ctrl: Record, out: _Out, depth: int) -> list[Block]:
    """A table control: its caption's paragraphs, then the table of the cells it holds."""
    blocks: list[Block] = []
    cells: list[HwpCell] = []
    current: HwpCell | None = None
    cell_parts: list[str] = []
    caption: list[str] = []
    seen_table = False

    def close() -> None:
        if current is not None:
            current.text = clean_cell(" ".join(cell_parts)) or ""
            cells.append(current)
        cell_parts.clear()

    for child in ctrl.children:
        if child.tag == TABLE:
            seen_table = True
        elif child.tag == LIST_HEADER and seen_table:
            close()
            current = _cell_header(child.payload)
            for para in (c for c in child.children if c.tag == PARA_HEADER):
                cell_parts.extend(_flat(_paragraph(para, out, depth + 1)))
        elif child.tag == PARA_HEADER:
            inner = _paragraph(child, out, depth + 1)
            if current is not None:
                cell_parts.extend(_flat(inner))
            else:
                blocks.extend(inner)  # the caption, before the table record
                if not seen_table:
                    caption.extend(_flat(inner))
    close()
    if cells:
        blocks.append(HwpTable(cells, clean_cell(" ".join(caption)) or None))
    return blocks


def _flat(blocks: list[Block]) -> list[str]:
    """A cell's blocks as text: a table nested in a cell is flattened into it."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
        elif isinstance(b, HwpTable):
            out.extend(c.text for c in sorted(b.cells, key=lambda c: (c.row, c.col)) if c.text)
    return out


def _cell_header(payload: bytes) -> HwpCell:
    """A cell's address and spans from its list header (column, row, spans at 8..15)."""
    if len(payload) < 16:
        return HwpCell(0, 0, 1, 1, "")
    col, row, colspan, rowspan = struct.unpack_from("<HHHH", payload, 8)
    return HwpCell(row, col, max(rowspan, 1), max(colspan, 1), "")


def compact_cells(cells: list[HwpCell]) -> tuple[list[HwpCell], int, int]:
    """Cells renumbered onto the rows and columns where a cell starts, and the grid size.

    A file may declare any address or span (65535 x 65535); only slots where a cell
    really starts are kept, so the grid is bounded by the cells the file holds. A span
    counts the kept rows (columns) it covers.

    >>> found = [HwpCell(0, 0, 1, 1, "가"), HwpCell(900, 70, 9, 9, "나")]
    >>> cells, n_rows, n_cols = compact_cells(found)
    >>> [(c.row, c.col, c.rowspan, c.colspan) for c in cells], n_rows, n_cols
    ([(0, 0, 1, 1), (1, 1, 1, 1)], 2, 2)
    """
    import bisect

    rows = sorted({c.row for c in cells})
    cols = sorted({c.col for c in cells})
    row_no = {r: i for i, r in enumerate(rows)}
    col_no = {c: i for i, c in enumerate(cols)}
    seen: set[tuple[int, int]] = set()
    out: list[HwpCell] = []
    for c in cells:
        r, k = row_no[c.row], col_no[c.col]
        if (r, k) in seen:
            continue  # two cells claiming one slot: the first stands
        seen.add((r, k))
        rs = bisect.bisect_left(rows, c.row + c.rowspan) - r
        cs = bisect.bisect_left(cols, c.col + c.colspan) - k
        out.append(HwpCell(r, k, max(rs, 1), max(cs, 1), c.text))
    return out, len(rows), len(cols)


def to_table(found: HwpTable, path: str) -> Table:
    """The document model's table of the cells found, first row the header."""
    cells, n_rows, n_cols = compact_cells(found.cells)
    check_table_slots(path, n_rows, n_cols, "HWP")
    model = tuple(
        Cell(c.row, c.col, c.text, c.rowspan, c.colspan, header=c.row == 0) for c in cells
    )
    return Table(model, n_rows, n_cols, header_rows=1, caption=found.caption, source="hwp")
