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
    """
    rows: dict[int, list[str]] = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        tag = "th" if cell.header else "td"
        attrs = f' data-row="{cell.row}" data-col="{cell.col}"'
        if cell.rowspan > 1:
            attrs += f' rowspan="{cell.rowspan}"'
        if cell.colspan > 1:
            attrs += f' colspan="{cell.colspan}"'
        if hit == (cell.row, cell.col):
            attrs += ' class="hit"'
        rows.setdefault(cell.row, []).append(f"<{tag}{attrs}>{html.escape(cell.text)}</{tag}>")
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
