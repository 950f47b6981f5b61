"""Find named projects and tie the amounts and periods beside them to them.

A project is found by its place in the document — an item's head, a label, a table's
name column, the phrase an amount is given to — and each figure's role (the year's
budget, the total, a funding share, or neither) is decided in its clause
(:mod:`.assign`). The rules are the records of :data:`RULES`, run in that order; each
claims the figures its shape ties to the name, and a figure goes to one project only.
:mod:`.merge` then joins mentions of one project, figures from the surest rule first.

Modules: :mod:`.names` (the extent of a name), :mod:`.by_position`,
:mod:`.by_prose` and :mod:`.by_table` (the rules), :mod:`.assign` (roles of figures),
:mod:`.figures` (the ledger), :mod:`.merge`, :mod:`.words` (word lists).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from gongmun.doc.columns import TableView
from gongmun.doc.tables import Table
from gongmun.extractors.context import Context
from gongmun.extractors.projects import (
    by_columns,
    by_grid,
    by_position,
    by_prose,
    by_reference,
    by_table,
)
from gongmun.extractors.projects.aliases import find_aliases, rename
from gongmun.extractors.projects.figures import Draft, Figures
from gongmun.extractors.projects.legible import legible_drafts
from gongmun.extractors.projects.lines import split_lines
from gongmun.extractors.projects.merge import build, fiscal_levels, merge, one_year_editions
from gongmun.extractors.projects.names import clean_name
from gongmun.extractors.projects.resolve import surety
from gongmun.extractors.projects.scan import Scan
from gongmun.extractors.table_arithmetic import reckoned
from gongmun.models import Amount, Period, Project
from gongmun.normalize.outline import iter_blocks


@dataclass(frozen=True, slots=True)
class Rule:
    """One way of finding projects: ``find`` reads a scan and returns drafts.

    ``rank`` orders mentions of one project when they merge: the lowest rank's figures win
    (then the mention heading its line; see :mod:`.resolve`).
    """

    name: str
    find: Callable[[Scan], list[Draft]]
    rank: int
    example: str


# Run in this order: a rule claims figures before the rules after it can.
RULES: Final[tuple[Rule, ...]] = (
    Rule("scale_line", by_position.scale_lines, 0, "ㅇ NAME 추진 / * (규모) 150억원('24~'28)"),
    Rule("alias_mention", by_prose.alias_mentions, 1, "「A」(이하 'B') … B는 총 120억원"),
    Rule("label_name", by_position.label_names, 2, "* (NAME사업) ’25년 20억원"),
    Rule("paren_figures", by_position.paren_figures, 0, "NAME(’25~’29, ’25년 51.7억원)"),
    Rule("colon_figures", by_position.colon_or_comma_figures, 0, "NAME : (’24) 8,295억원"),
    Rule("box_row", by_columns.box_rows, 2, "A형R&D B형R&D / • (규모) (’23)8억원 / • (규모) …"),
    Rule("name_field", by_position.name_fields, 1, "【세부사업명】 NAME / 사업기간 : '25~'27"),
    Rule("item_head", by_position.item_heads, 1, "ㅇ NAME : 총 120억원; - NAME('25~'29)"),
    Rule("respective", by_prose.respective, 2, "A 및 B에 각각 15억원, 22억원"),
    Rule("name_amount", by_prose.name_amounts, 2, "'NAME'에 1조원"),
    Rule("mention", by_prose.repeated_mentions, 3, "NAME(총 450억 원) … NAME은 4년간 추진"),
    Rule("sentence_rest", by_reference.sentence_rest, 3, "'NAME'에는 올해 150억원, 내년 200억원이"),
    Rule("item_notes", by_position.item_notes, 3, "ㅇ NAME사업을 통해 … / * ’25년 40억원"),
    Rule(
        "named_item_notes",
        by_reference.item_notes_of_named,
        3,
        "ㅇ NAME(’25~’29, 총 480억원) / * ’25년 52억원, ’26년 90억원",
    ),
    Rule("task_table", by_table.text_tables, 4, "과제명 주요내용 / NAME 설명"),
    Rule("table_row", by_grid.table_rows, 2, "a table's 과제명 column and its row's figures"),
    Rule("table_mention", by_prose.table_mentions, 3, "NAME에 1,500억원(’26~’30) / 표: NAME | …"),
    Rule(
        "continued",
        by_reference.continued_sentences,
        3,
        "… NAME에 64억원을 투입한다. 이 사업은 4년간 총 210억원",
    ),
    Rule("subject", by_prose.subject, 3, "a press release about one programme"),
)

# Ranks of the rules' names; finer names a rule may record are in resolve.FINER_RANKS.
_RANK: Final[dict[str, int]] = {r.name: r.rank for r in RULES}


def find_projects(
    ctx: Context,
    amounts: Sequence[Amount],
    periods: Sequence[Period],
    tables: Iterable[Table] = (),
) -> list[Project]:
    """Return the named projects of the document with their figures, in text order.

    >>> from gongmun.normalize import normalize
    >>> from gongmun.extractors.amounts import find_amounts
    >>> from gongmun.extractors.periods import find_periods
    >>> ctx = Context(normalize("* 바이오파운드리 구축사업('25~'29, '25년 51.7억원)"))
    >>> [p.name for p in find_projects(ctx, find_amounts(ctx), find_periods(ctx))]
    ['바이오파운드리 구축사업']
    """
    text = ctx.text
    tables = list(tables)
    # A cost line's working (2,200원*12개월= 26,400원) and a table's change against last
    # year (its 증감 column) give no project a budget.
    changes = _change_cells(tables, amounts, ctx.doc_year)
    budgets = [
        a
        for a in amounts
        if not reckoned(text, a.span.start, a.span.end)
        and (a.cell is None or (a.cell.table, a.cell.col) not in changes)
    ]
    scan = Scan(
        ctx=ctx,
        figures=Figures(budgets, periods, text, ctx.doc_year, ctx.lines),
        lines=split_lines(text, ctx.lines),
        blocks=iter_blocks(ctx.norm.blocks),
        tables=tables,
        aliases=find_aliases(text),
    )
    for rule in RULES:
        scan.drafts.extend(rule.find(scan))
    # A draft found under an alias is a mention of the long name it stands for.
    rename(scan.drafts, scan.aliases)
    # A name OCR garbled through is refused, one garbled at an edge trimmed (.legible).
    merged = merge(legible_drafts(scan.drafts, text, ocr=ctx.ocr), surety(text, scan.lines, _RANK))
    fiscal_levels(merged, scan.figures.fiscal_year)
    one_year_editions(merged, scan.figures.fiscal_year, text)
    return [build(ctx, d) for d in merged]


def _change_cells(
    tables: Sequence[Table], amounts: Sequence[Amount], doc_year: int | None
) -> set[tuple[int, int]]:
    """(table, column) of the 증감 columns holding one of ``amounts``."""
    read = {a.cell.table for a in amounts if a.cell is not None}
    return {
        (n, col)
        for n in read
        if n < len(tables)
        for col, kind in enumerate(TableView(tables[n], doc_year).kinds)
        if kind == "diff"
    }


__all__ = ["RULES", "Rule", "clean_name", "find_projects"]
