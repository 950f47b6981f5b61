"""Tables aligned with spaces in plain text (``text_aligned``), read before normalizing.

A plan or a text export lays a table out in columns of spaces::

      연  도       국  비      지방비       계
      2025         120         60        180
      과제명                    사업기간     총사업비
      AI 기반 재난 예측 플랫폼   2025~2027    320

Normalizing squeezes those spaces and may join the lines, so the columns are read from
the raw text, where they still stand: the character positions blank in every body row
(a row with a figure) part the columns, and a header word (``연  도``, ``2025년`` over
two sub-columns) goes to the columns it stands over. A cell keeps its words as written
(``AI 기반 재난 예측 플랫폼``, ``연  도``), so its span is exact. Each line is looked at
once and a row's positions once per line: linear in the text.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from gongmun.doc.bands import band_range
from gongmun.doc.charts import reads_as_chart
from gongmun.doc.columns import is_figure
from gongmun.doc.tables import Cell, Table, not_overlapping

# Two spaces or a tab part the words of two cells on a line (one space joins words).
_GAP: Final = re.compile(r"[ \t]{2,}|\t")
# Words joined by single spaces: one cell's text (AI 기반 재난 예측 플랫폼).
_GROUP: Final = re.compile(r"\S+(?: \S+)*")
_YEARISH: Final = re.compile(r"^(?:(?:19|20)\d{2}|'\s?\d{2})(?:년도?)?$")
# A column's tag under its header: (A), (B), (B-A), (C=B-A), (A+B).
_TAG: Final = re.compile(r"^\(\s?[A-Z](?:\s?[-+=/]\s?[A-Z])*\s?\)$")
# A line longer than this is prose or a layout, not a table row.
_LINE_MAX: Final = 300
# Header lines read above the first body row at most.
_MAX_HEADS: Final = 2
# Body rows a table needs (one row is a line of figures, not a table).
_MIN_BODY: Final = 2


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str
    groups: tuple[tuple[int, int], ...]  # (start, end) offsets of the word groups on it
    # Where the groups stand on the page: their offsets, or their display columns where
    # a wide (Hangul, Hanja) character takes two (see _by_width).
    places: tuple[tuple[int, int], ...]

    @property
    def is_body(self) -> bool:
        """A row of figures: a group that is a figure and no year (years head columns)."""
        return any(_figure(self.text[a:b]) for a, b in self.groups)


def _figure(word: str) -> bool:
    w = word.strip()
    return (is_figure(w) or w == "-") and not _YEARISH.match(w.replace(" ", ""))


def _groups(text: str) -> tuple[tuple[int, int], ...]:
    """Word groups of a line parted by two spaces or more, as (start, end) columns."""
    return tuple((m.start(), m.end()) for m in _GROUP.finditer(text))


def _width_places(line: _Line) -> tuple[tuple[int, int], ...]:
    """The line's groups in display columns: a wide character (East Asian width W or F)
    takes two, as in the fixed-width editor or PDF layout that aligned the table."""
    col = 0
    at = [0] * (len(line.text) + 1)
    for k, ch in enumerate(line.text):
        at[k] = col
        col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    at[len(line.text)] = col
    return tuple((at[a], at[b]) for a, b in line.groups)


def _by_width(run: Sequence[_Line]) -> list[_Line]:
    """``run`` placed by display width instead of by character offsets."""
    return [dataclasses.replace(ln, places=_width_places(ln)) for ln in run]


def _candidate(text: str) -> bool:
    """A line that may be a row: not too long, and two word groups at least."""
    if len(text) > _LINE_MAX or ("  " not in text and "\t" not in text):
        # No two spaces and no tab anywhere: no gap between groups (most lines).
        return False
    s = text.strip()
    return bool(s) and _GAP.search(s) is not None


def find_aligned_tables(text: str) -> list[Table]:
    """Tables laid out in columns of spaces in ``text``, with offsets into it.

    >>> t = find_aligned_tables("과제명      사업기간    총사업비\\n가 플랫폼   2025~2027   320\\n"
    ...                         "나 관리     2025~2026   340\\n")[0]
    >>> t.source, t.header_rows, t.rows_text()[1]
    ('text_aligned', 1, ('가 플랫폼', '2025~2027', '320'))
    """
    tables: list[Table] = []
    run: list[_Line] = []
    # Only a line holding two spaces or a tab may be a row (few lines do): the lines are
    # visited from one scan for those, and a run of rows ends at any line between.
    last_end = -1  # the end of the last candidate line
    for start, end in _gap_lines(text):
        line = text[start:end].rstrip("\r")
        if _candidate(line):
            if run and start != last_end + 1:
                tables.extend(_tables_of(run))  # a line between ended the run
                run = []
            groups = _groups(line)
            run.append(_Line(start, line, groups, groups))
            last_end = end
        elif run:
            tables.extend(_tables_of(run))
            run = []
    tables.extend(_tables_of(run))
    return tables


def _gap_lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` (without its ``\\n``) holding two spaces
    or a tab, in order; each line once.

    >>> list(_gap_lines("가  나\\n다\\n\\t라  마\\n"))
    [(0, 4), (7, 12)]
    """
    # The next two spaces and the next tab, each found again only once passed (str.find
    # beats a pattern's search here): linear in the text.
    spaces, tab = text.find("  "), text.find("\t")
    while spaces >= 0 or tab >= 0:
        at = tab if spaces < 0 or 0 <= tab < spaces else spaces
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield start, end
        if 0 <= spaces < end:
            spaces = text.find("  ", end)
        if 0 <= tab < end:
            tab = text.find("\t", end)


def _tables_of(run: Sequence[_Line]) -> list[Table]:
    """The table a run of candidate lines holds: up to two header lines, then body rows.

    Columns are read twice when a line holds wide characters: by character offsets (a
    layout that counts characters) and by display width (an editor or a PDF layout in
    which a Hangul syllable is two columns wide). The reading that puts fewer groups of
    a line into one cell (``증 감    증감률`` as one header) is the table's; when both
    join as many, the one with fewer columns: names of different lengths before the
    figures stagger the figures' character offsets into extra, half-filled columns
    (``계`` row's first figure read under the second year), never their display columns."""
    first = next((k for k, ln in enumerate(run) if ln.is_body), None)
    if first is None:
        return []
    n_heads = _header_lines(run, first)
    lines = list(run[first - n_heads :])
    if len(lines) - n_heads < _MIN_BODY:
        return []
    best = _read(lines, n_heads)
    if any(ln.places != _width_places(ln) for ln in lines):
        wide = _read(_by_width(lines), n_heads)
        if wide is not None and (best is None or wide[1:] < best[1:]):
            best = wide
    if best is not None and best[1] and (by_order := _in_order(lines, n_heads)) is not None:
        # Each reading had to join groups, yet every line holds as many groups: a table
        # typed with gaps that do not line up (a long name pushing its row's figures
        # right); its cells are the lines' groups in order, as a row's reader sees them.
        best = by_order
    if best is None:
        return []
    cells, n_cols = best[0], best[2]
    table = Table(
        tuple(cells),
        len(lines),
        n_cols,
        header_rows=n_heads,
        start=lines[0].start + lines[0].groups[0][0],
        end=lines[-1].start + lines[-1].groups[-1][1],
        source="text_aligned",
    )
    # A chart's ticks and data labels line up too, but no row has a label.
    return [] if reads_as_chart(table) else [table]


def _header_lines(run: Sequence[_Line], first: int) -> int:
    """How many lines above the first body row ``first`` head the table: up to
    :data:`_MAX_HEADS`, not counting lines of column tags only (``(A)  (B)  (B-A)``
    under ``본예산  추경``), which a budget sheet adds under its two header lines."""
    n = counted = 0
    while n < first and counted < _MAX_HEADS:
        line = run[first - n - 1]
        n += 1
        if not all(_TAG.match(line.text[a:b]) for a, b in line.groups):
            counted += 1
    return n


def _read(lines: Sequence[_Line], n_heads: int) -> tuple[list[Cell], int, int] | None:
    """The cells of ``lines`` (``n_heads`` header lines first) placed in the columns
    their body rows make, how many groups had to join another in a cell, and the number
    of columns; None when they make no table (one column, no column of figures)."""
    columns = _columns(lines[n_heads:])
    if len(columns) < 2:
        return None
    cells: list[Cell] = []
    joins = 0
    for r, line in enumerate(lines):
        row, joined = _cells(line, r, columns, header=r < n_heads)
        joins += joined
        cells.extend(_spread(row, len(columns)) if r < n_heads - 1 else row)
    if not _has_figure_column(cells, n_heads, len(columns)):
        return None
    return cells, joins, len(columns)


def _in_order(lines: Sequence[_Line], n_heads: int) -> tuple[list[Cell], int, int] | None:
    """The cells of ``lines`` read in order, group ``k`` of every line in column ``k``,
    when every line holds the same number of groups (two at least); else None."""
    n = len(lines[0].groups)
    if n < 2 or any(len(ln.groups) != n for ln in lines):
        return None
    cells = [
        Cell(r, k, ln.text[a:b], header=r < n_heads, start=ln.start + a, end=ln.start + b)
        for r, ln in enumerate(lines)
        for k, (a, b) in enumerate(ln.groups)
    ]
    if not _has_figure_column(cells, n_heads, n):
        return None
    return cells, 0, n


def _columns(body: Sequence[_Line]) -> list[tuple[int, int]]:
    """Column extents: runs of character positions some body row fills, parted by
    positions blank in every one of them."""
    width = max(ln.places[-1][1] for ln in body)
    filled = bytearray(width + 1)
    for ln in body:
        for a, b in ln.places:
            filled[a:b] = b"\x01" * (b - a)
    out: list[tuple[int, int]] = []
    k = 0
    while k < width:
        if not filled[k]:
            k += 1
            continue
        a = k
        # The blank between words of one cell (AI 기반) lies inside its group: filled.
        while k < width and filled[k]:
            k += 1
        out.append((a, k))
    return out


def _cells(
    line: _Line, row: int, columns: Sequence[tuple[int, int]], header: bool
) -> tuple[list[Cell], int]:
    """The line's groups as cells (groups in one column join, a group over several
    spans), and how many groups joined another."""
    placed: dict[int, tuple[int, int, int]] = {}  # first column -> (start, end, last column)
    joins = 0
    for (a, b), (pa, pb) in zip(line.groups, line.places, strict=True):
        lo, hi = band_range(columns, pa, pb)
        if lo in placed:
            s, _, h = placed[lo]
            placed[lo] = (s, b, max(h, hi))
            joins += 1
        elif placed and max(placed) >= lo:
            # Overlaps a column a group on its left spans already: join that cell.
            k = max(placed)
            s, _, h = placed[k]
            placed[k] = (s, b, max(h, hi))
            joins += 1
        else:
            placed[lo] = (a, b, hi)
    out = []
    for col, (a, b, hi) in sorted(placed.items()):
        body = line.text[a:b]
        out.append(
            Cell(
                row,
                col,
                body,
                colspan=hi - col + 1,
                header=header,
                start=line.start + a,
                end=line.start + b,
            )
        )
    return out, joins


def _spread(row: list[Cell], n_cols: int) -> list[Cell]:
    """An upper header row: each cell runs over the empty columns after it (``2025년``
    over ``국비 지방비``), up to the next cell of the row."""
    out = []
    for k, c in enumerate(row):
        stop = row[k + 1].col if k + 1 < len(row) else n_cols
        out.append(dataclasses.replace(c, colspan=max(c.colspan, stop - c.col)))
    return out


def _has_figure_column(cells: Sequence[Cell], heads: int, n_cols: int) -> bool:
    """Whether most body cells of some column are figures (else it is a layout)."""
    seen = [0] * n_cols
    figures = [0] * n_cols
    for c in cells:
        if c.row < heads:
            continue
        seen[c.col] += 1
        figures[c.col] += _figure(c.text)
    return any(f >= _MIN_BODY and f * 2 >= s for f, s in zip(figures, seen, strict=True))


def with_aligned_tables(
    tables: Sequence[Table], text: str, ocr: bool | Sequence[tuple[int, int]] = False
) -> tuple[Table, ...]:
    """``tables`` (a reader's, on ``text``'s offsets) with the aligned tables of ``text``
    that overlap none of them, in reading order.

    ``ocr``: the text is OCR output (True) or these ``(start, end)`` ranges of it are,
    whose runs of spaces do not keep a page's columns (tesseract writes a gap's width
    loosely, and a chart or the other column read across puts noise among a table's
    lines): tables there are left to the text tables, which read a row's cells in order
    under its year header.
    """
    if ocr is True:
        return tuple(tables)
    found = not_overlapping(tables, find_aligned_tables(text))
    if ocr:
        found = [t for t in found if not _in_ranges(ocr, t.start or 0)]
    if not found:
        return tuple(tables)
    return tuple(sorted([*tables, *found], key=lambda t: (t.start is None, t.start or 0)))


def _in_ranges(ranges: Sequence[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


__all__ = ["find_aligned_tables", "with_aligned_tables"]
