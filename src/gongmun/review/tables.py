"""A document's table (``Document.tables``) as an HTML table, merged cells kept.

Each cell carries ``data-row`` and ``data-col`` (its top-left slot), so the page's script
can mark the cell a figure was read from.
"""

from __future__ import annotations

import html

from gongmun.models import Table


def table_html(table: Table, hit: tuple[int, int] | None = None) -> str:
    """``<table id="table-N">``: caption and unit, then the rows; ``hit`` (row, col) marked.

    >>> from gongmun.models import TableCell
    >>> t = Table(index=0, source="markdown", n_rows=1, n_cols=2,
    ...           cells=[TableCell(row=0, col=0, text="<b>"), TableCell(row=0, col=1, text="5")])
    >>> out = table_html(t, hit=(0, 1))
    >>> "&lt;b&gt;</td>" in out, '<td data-row="0" data-col="1" class="hit">5</td>' in out
    (True, True)
    >>> t = Table(index=1, source="hwpx", n_rows=2, n_cols=3, cells=[
    ...     TableCell(row=0, col=0, colspan=2, text="구분"), TableCell(row=0, col=2, text="계"),
    ...     TableCell(row=1, col=2, text="9")])  # row 1: two empty slots, then 9
    >>> table_html(t).count("<td"), '<td data-row="1" data-col="2">9</td>' in table_html(t)
    (5, True)
    """
    at = {(c.row, c.col): c for c in table.cells}
    n_rows = max([table.n_rows, *(c.row + c.rowspan for c in table.cells)])
    n_cols = max([table.n_cols, *(c.col + c.colspan for c in table.cells)])
    covered: set[tuple[int, int]] = set()  # slots under a merged cell
    rows: dict[int, list[str]] = {}
    for r in range(n_rows):
        out = rows.setdefault(r, [])
        for col in range(n_cols):
            if (r, col) in covered:
                continue
            cell = at.get((r, col))
            if cell is None:  # an empty slot: kept, so later cells stay in their column
                out.append(f'<td data-row="{r}" data-col="{col}"></td>')
                continue
            covered.update(
                (r + i, col + j) for i in range(cell.rowspan) for j in range(cell.colspan)
            )
            tag = "th" if cell.header else "td"
            attrs = f' data-row="{r}" data-col="{col}"'
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if hit == (r, col):
                attrs += ' class="hit"'
            out.append(f"<{tag}{attrs}>{html.escape(cell.text)}</{tag}>")
    head = ""
    caption = " ".join(html.escape(x) for x in (table.caption, table.unit) if x)
    where = f"table {table.index} ({html.escape(table.source)}"
    where += f", page {table.page})" if table.page is not None else ")"
    if caption or table.page is not None:
        head = f"<caption>{caption} <small>{where}</small></caption>"
    body = "".join(f"<tr>{''.join(rows[r])}</tr>" for r in sorted(rows))
    return (
        f'<table class="src-table" id="table-{table.index}" data-table="{table.index}">'
        f"{head}<tbody>{body}</tbody></table>"
    )
