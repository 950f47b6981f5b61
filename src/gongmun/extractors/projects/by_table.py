"""Task tables (과제명, 사업명 columns): rows flattened into lines of text, or tables a
reader found in a PDF or HWPX. Each row names a project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gongmun.doc.tables import Table
from gongmun.extractors.projects.figures import Draft
from gongmun.extractors.projects.lines import BULLET_START, MARKER, PAGE_LINE, TABLE_CAPTION, Line
from gongmun.extractors.projects.names import cell_name, spaced
from gongmun.extractors.projects.scan import Scan
from gongmun.extractors.projects.words import (
    TABLE_DESCRIPTION_HEADERS,
    TABLE_NAME_HEADERS,
)

_DIGIT = re.compile(r"\d")


def text_tables(scan: Scan) -> list[Draft]:
    """Rows of a task table written out as lines (a 과제명 header, then one row a line)."""
    # A header row has a 과제명/사업명/프로젝트 cell: only lines holding one can open a table.
    return task_tables(scan.text, scan.lines, scan.lines_holding(TABLE_NAME_HEADERS))


def grid_tables(scan: Scan) -> list[Draft]:
    """Rows of tables a reader found, in their 과제명/사업명 column."""
    return reader_tables(scan.text, scan.tables)


def task_tables(text: str, lines: list[Line], heads: Iterable[int] | None = None) -> list[Draft]:
    """Rows of a task table written out as lines: a header with 과제명/프로젝트, then rows.

    ``heads``: the indices of the lines that may be a header, in order (all by default).
    """
    out: list[Draft] = []
    i = 0  # the first line not yet read as a header or a row
    for at in range(len(lines)) if heads is None else heads:
        if at < i:
            continue  # a row of the table above
        header = lines[at].text(text).strip()
        cells = header.split()
        if not _is_task_header(header, cells):
            continue
        has_description = any(h in header for h in TABLE_DESCRIPTION_HEADERS)
        j = at + 1
        rows: list[tuple[int, str]] = []
        while j < len(lines):
            row = lines[j].text(text).strip()
            if row and (
                PAGE_LINE.match(row) or BULLET_START.match(row) or TABLE_CAPTION.match(row)
            ):
                break
            if row:
                rows.append((lines[j].start, row))
            j += 1
        out.extend(_table_rows(text, rows, has_description))
        i = j
    return out


def _table_rows(text: str, rows: list[tuple[int, str]], has_description: bool) -> list[Draft]:
    """Names from the rows of one text table.

    Where rows are dashed (``- NAME``), only dashed rows are names and the rest are
    group labels; otherwise short rows are group labels and, beside a description
    column, names and descriptions alternate.
    """
    out: list[Draft] = []
    dashed = any(r.startswith(("- ", "– ")) for _, r in rows)
    expect_name = True
    group: str | None = None
    in_label = False  # a group label wrapped over rows: 첨단 / 바이오
    for line_start, row in rows:
        is_row = row.startswith(("- ", "– ")) if dashed else not _is_group_label(row)
        if not is_row:
            group = f"{group} {row}" if in_label and group else row
            in_label = True
            expect_name = True
            continue
        in_label = False
        if dashed:
            name = row[2:].strip()
            if cell_name(name) is not None:
                start = text.find(name, line_start)
                out.append(Draft(name, start, start + len(name), "task_table", group=group))
            continue
        # A row is the name whole: refused only when it is never a name (a count, a sum,
        # a sentence, a label), as a reader's table cell is (names.cell_name).
        if expect_name and cell_name(row) is not None:
            start = text.find(row, line_start)
            out.append(Draft(row, start, start + len(row), "task_table", group=group))
        expect_name = not has_description or not expect_name
    return out


def _is_task_header(header: str, cells: list[str]) -> bool:
    if not 2 <= len(cells) <= 6 or len(header) > 40 or any(len(c) > 6 for c in cells):
        return False
    if ":" in header or "：" in header:
        return False  # "사업명 : NAME" is a field, not a table's header row
    if TABLE_CAPTION.match(header) or header.startswith(("<", "〈", "「")):
        return False
    if BULLET_START.match(header) or MARKER.match(header):
        return False
    # The name column's header is a cell of its own: "(사업명) NAME" is a field.
    return any(c in TABLE_NAME_HEADERS for c in cells) and not _DIGIT.search(header)


def _is_group_label(row: str) -> bool:
    """Short cells like ``AI``, ``첨단``, ``(소재·부품`` that name a row group, not a task."""
    short = len(row) <= 12 and " " not in row.strip("()")
    return short or (row.startswith("(") and row.endswith(")") and len(row) <= 20)


def reader_tables(text: str, tables: Iterable[Table]) -> list[Draft]:
    """Rows of tables a reader found (PDF, HWPX): the cells of the 과제명/사업명 column."""
    wanted = {h.replace(" ", "") for h in TABLE_NAME_HEADERS}
    out: list[Draft] = []
    for table in tables:
        rows = table.rows_text()
        if not rows:
            continue
        header = ["".join((c or "").split()) for c in rows[0]]
        col = next((i for i, c in enumerate(header) if c in wanted), None)
        if col is None:
            continue
        group: str | None = None
        # A cell's name is looked for inside its table's place in the text (where the
        # pipeline knows it): a name it cannot find costs the table, not the document.
        lo = table.start if table.start is not None else 0
        hi = table.end if table.end is not None else len(text)
        cursor = lo
        for row in rows[1:]:
            if col >= len(row):
                continue
            if col > 0 and row[0]:
                group = " ".join(row[0].split())
            name = " ".join((row[col] or "").split())
            found = _find_loose(text, name, cursor, lo, hi) if name else None
            if found is None:
                continue
            start, end = found
            cursor = end
            out.append(Draft(text[start:end], start, end, "task_table", group=group))
    return out


def _find_loose(text: str, name: str, start: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Where ``name`` is in ``text[lo:hi]`` at or after ``start`` (else from ``lo``),
    whatever the whitespace between its characters (a cell's text may be wrapped
    differently from the page's)."""
    pattern = spaced(name)
    if pattern is None:
        return None
    m = pattern.search(text, start, hi)
    if m is None and start > lo:
        m = pattern.search(text, lo, hi)
    return (m.start(), m.end()) if m else None
