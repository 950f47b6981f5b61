"""A page's text written piece by piece, one piece a line, its tables placed between.

The PDF reader writes a page's text boxes, the OCR reader an OCR'd page's lines; both put
each table (written one cell a line, :func:`~gongmun.doc.tables.place`) before the first
piece it stands above. Only that rule differs (a PDF table stands before the first text
box at or below its top that overlaps it across; an OCR'd table before the first line of
its block below its top), so it is a parameter of one writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from gongmun.doc.tables import Table

T = TypeVar("T")  # a table as the reader holds it
W = TypeVar("W")  # where the next piece stands, as the rule reads it


class PageWriter(Generic[T, W]):
    """Pieces of text joined by line breaks, and tables put between them.

    ``render`` writes a table: its text and the :class:`Table` placed at offset 0 of it;
    ``stands_before(table, where)`` says whether a pending table goes before a piece at
    ``where``.

    >>> from gongmun.doc.tables import place, table_from_rows
    >>> w = PageWriter([(5, table_from_rows((("국비", "300"),), "pdf_ruled"))],
    ...                lambda t: place(t[1], 0), lambda t, top: t[0] <= top)
    >>> _ = w.add("제목"); _ = w.put_tables(10); _ = w.add("본문")
    >>> w.text, w.tables[0].start
    ('제목\\n국비\\n300\\n본문', 3)
    """

    def __init__(
        self,
        tables: Iterable[T],
        render: Callable[[T], tuple[str, Table]],
        stands_before: Callable[[T, W], bool],
    ) -> None:
        self._parts: list[str] = []
        self.length = 0
        self._pending = list(tables)
        self._render = render
        self._stands_before = stands_before
        self.tables: list[Table] = []

    def add(self, piece: str) -> int:
        """Write ``piece`` on a line of its own; its offset in the text."""
        if self._parts:
            self._parts.append("\n")
            self.length += 1
        self._parts.append(piece)
        self.length += len(piece)
        return self.length - len(piece)

    def put_tables(self, where: W | None) -> list[tuple[T, int]]:
        """Write, in their order, the pending tables that stand before a piece at
        ``where`` (all that are left with None); each with the offset it was written at."""
        out = []
        for t in list(self._pending):
            if where is None or self._stands_before(t, where):
                text, table = self._render(t)
                at = self.add(text)
                self.tables.append(table.shifted(at))
                self._pending.remove(t)
                out.append((t, at))
        return out

    @property
    def text(self) -> str:
        """The text written so far."""
        return "".join(self._parts)


__all__ = ["PageWriter"]
