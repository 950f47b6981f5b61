"""HWP and HWPX readers' blocks joined into one :class:`RawInput`.

Both readers walk their file into the same blocks, in reading order: text (one
paragraph's, or a text box's), tables of the document model, :class:`PageMark`\\ s
where a page begins, :class:`ParaMark`\\ s where a top-level paragraph of the file
begins, and :class:`Furniture` (headers, footers). Blocks are joined by one line break;
furniture is written once, after the body, with the place of the paragraph that first
anchored it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from gongmun.doc.tables import Table, place
from gongmun.errors import InputError
from gongmun.readers.bounds import check_table_slots
from gongmun.readers.layout import Furniture, PageMark
from gongmun.readers.model import Paragraph, RawInput


@dataclass(frozen=True, slots=True)
class ParaMark:
    """Where top-level paragraph ``index`` (0-based) of section ``section`` (0-based)
    begins among a reader's blocks: what follows, up to the next mark, is its text and
    what it anchors (tables, text boxes, notes)."""

    section: int
    index: int


Block = str | Table | PageMark | ParaMark


def assemble(
    blocks: Sequence[Block],
    path: str,
    sha256: str,
    media_type: str,
    warnings: tuple[tuple[str, str], ...],
    paged: bool,
) -> RawInput:
    """The reader's text, tables, pages and paragraph places from its ``blocks``.

    ``paged``: the file recorded its layout, so tables carry their page and the input
    has ``page_starts``. Raises ``no_text`` when no block holds any text.

    >>> raw = assemble(
    ...     [ParaMark(0, 0), "총 600억원", ParaMark(0, 1), "", ParaMark(0, 2), "지원"],
    ...     "a.hwpx", "0" * 64, "application/hwp+zip", (), False,
    ... )
    >>> raw.text, raw.paragraph_of(raw.text.index("지원"))
    ('총 600억원\\n\\n지원', (0, 2))
    """
    parts: list[str] = []
    tables: list[Table] = []
    page_starts: list[int] = [0]
    paragraphs: list[Paragraph] = []
    furniture: dict[str, ParaMark | None] = {}
    here: ParaMark | None = None
    offset = 0
    for block in blocks:
        if isinstance(block, PageMark):
            # The next block starts after its line break; an empty page still counts.
            page_starts.append(offset + 1 if offset else 0)
            continue
        if isinstance(block, ParaMark):
            here = block
            continue
        if isinstance(block, Furniture):
            furniture.setdefault(str(block), here)
            continue
        if isinstance(block, Table) and not any(c.text.strip() for c in block.cells):
            # A table of no text (a frame around a picture): nothing a reader sees.
            continue
        if offset:
            parts.append("\n")
            offset += 1
        _mark(paragraphs, offset, here)
        if isinstance(block, str):
            piece = block
        else:
            check_table_slots(path, block.n_rows, block.n_cols, _kind(media_type))
            table = dataclasses.replace(block, page=len(page_starts)) if paged else block
            piece, table = place(table, offset)
            tables.append(table)
        parts.append(piece)
        offset += len(piece)
    if furniture:
        sep = "\n\n" if offset else ""
        parts.append(sep)
        offset += len(sep)
        for i, (text, anchor) in enumerate(furniture.items()):
            if i:
                parts.append("\n")
                offset += 1
            _mark(paragraphs, offset, anchor)
            parts.append(text)
            offset += len(text)
    text = "".join(parts)
    if not text.strip():
        raise InputError(path, f"{_kind(media_type)} document has no text", "no_text")
    return RawInput(
        text,
        path,
        sha256,
        media_type,
        page_starts=tuple(page_starts) if paged else None,
        tables=tuple(tables),
        warnings=warnings,
        paragraphs=tuple(paragraphs),
    )


def _kind(media_type: str) -> str:
    return "HWPX" if media_type.endswith("zip") else "HWP"


def _mark(paragraphs: list[Paragraph], offset: int, here: ParaMark | None) -> None:
    """Record that text from ``offset`` on belongs to paragraph ``here``."""
    if here is None:
        return
    if paragraphs and paragraphs[-1].section == here.section and paragraphs[-1].index == here.index:
        return
    if paragraphs and paragraphs[-1].start == offset:
        paragraphs.pop()  # the previous paragraph showed nothing
    paragraphs.append(Paragraph(offset, here.section, here.index))
