"""PDF tables without vertical rules, from word positions.

Two shapes: tables ruled only by horizontal lines (a rule above, one under the header,
one at the end: ``pdf_hrules``), and tables of text aligned in columns with no rules at
all (``pdf_aligned``). Both are read the same way: words on a line are a row, and the
columns are the bands of x the body rows' words fill, split where every row leaves a
gap. Aligned tables need more proof than ruled ones (body prose must not become a
table): at least :data:`ALIGNED_MIN_ROWS` rows of :data:`ALIGNED_MIN_COLS` or more
cells apart by wide gaps, the same columns on every row, and a column of numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Final

import regex

from gongmun.doc.bands import band_range
from gongmun.doc.charts import reads_as_chart
from gongmun.doc.tables import Box, Cell, Table
from gongmun.normalize.joins import space_between
from gongmun.readers.pdf_cells import round_box

# Horizontal rules: thin and at least this long (points); rules of one table start and
# end within RULE_ALIGN of each other.
RULE_MIN_WIDTH: Final = 120.0
RULE_MAX_THICKNESS: Final = 2.0
RULE_ALIGN: Final = 12.0
# Words closer than this many font sizes are in one cell; columns are apart by more.
CELL_GAP_EM: Final = 0.9
# An aligned (unruled) table's columns are apart by at least this many font sizes.
ALIGNED_GAP_EM: Final = 1.5
ALIGNED_MIN_ROWS: Final = 3
ALIGNED_MIN_COLS: Final = 3
HRULES_MIN_ROWS: Final = 2
# Lines of one aligned table are at most this many line heights apart.
ALIGNED_MAX_LEADING: Final = 2.2
# A wrapped cell's next line: closer under its row than this share of the usual blank
# between rows, and than this many font sizes.
WRAP_GAP_SHARE: Final = 0.6
WRAP_GAP_EM: Final = 0.5
# A year an upper header names: 2024년, 2025, ’25.
_UPPER_YEAR = regex.compile(r"(?:19|20)\d{2}|['‘’`]\d{2}")
_NUMBER = regex.compile(r"^[△▽\-+(]?\d[\d,.]*%?\)?$")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the page: text and box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def size(self) -> float:
        """The word's height, about its font size."""
        return max(self.bottom - self.top, 1.0)


def words_of(page: Any, skip: Sequence[Box]) -> list[Word]:
    """The page's words outside the boxes in ``skip`` (ruled tables)."""
    out = []
    for w in page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False):
        x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(b[0] <= x < b[2] and b[1] <= y < b[3] for b in skip):
            continue
        out.append(Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]))
    return out


def lines_of(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into lines (by their tops), each left to right, top to bottom."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - w.top) <= 0.5 * w.size:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def segments(line: Sequence[Word], gap_em: float) -> list[list[Word]]:
    """A line's words in groups apart by more than ``gap_em`` font sizes."""
    out: list[list[Word]] = []
    for w in line:
        if out and w.x0 - out[-1][-1].x1 <= gap_em * w.size:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def bands(rows: Sequence[Sequence[list[Word]]]) -> list[tuple[float, float]]:
    """Column bands: x ranges the rows' segments fill, merged where they overlap."""
    spans = sorted((seg[0].x0, seg[-1].x1) for row in rows for seg in row)
    out: list[tuple[float, float]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _text(seg: Sequence[Word]) -> str:
    return " ".join(w.text for w in seg)


def grid(
    rows: Sequence[Sequence[list[Word]]],
    bs: Sequence[tuple[float, float]],
    header_rows: int,
    source: str,
) -> Table:
    """Rows of segments placed in the bands; a row with nothing in the first column and
    no number, under a row that has one, continues that row's wrapped cells. So does a
    row of a first cell only, set closer under a row of figures than rows are to each
    other (``해상풍력 배후항만`` / ``조성``: a name wrapped in its cell)."""
    placed: list[dict[int, tuple[int, str, Box]]] = []
    gaps = _gaps(rows)
    body_gaps = sorted(gaps[header_rows + 1 :])
    usual = body_gaps[len(body_gaps) // 2] if body_gaps else 0.0
    for r, row in enumerate(rows):
        cells: dict[int, tuple[int, str, Box]] = {}
        for seg in row:
            first, last = band_range(bs, seg[0].x0, seg[-1].x1)
            box = (seg[0].x0, min(w.top for w in seg), seg[-1].x1, max(w.bottom for w in seg))
            if first in cells:  # two segments in one band: one cell
                span, text, old = cells[first]
                merged = (old[0], min(old[1], box[1]), max(old[2], box[2]), max(old[3], box[3]))
                cells[first] = (max(span, last - first + 1), f"{text} {_text(seg)}", merged)
            else:
                cells[first] = (last - first + 1, _text(seg), box)
        numeric = any(_NUMBER.match(t) for _, t, _ in cells.values())
        wrapped = (
            bool(placed)
            and list(cells) == [0]
            and gaps[r] < min(WRAP_GAP_SHARE * usual, WRAP_GAP_EM * row[0][0].size)
            and any(_NUMBER.match(t) for _, t, _ in placed[-1].values())
        )
        if (
            placed
            and r > header_rows
            and (0 not in cells or wrapped)
            and 0 in placed[-1]
            and not numeric
        ):
            prev = placed[-1]
            for col, (span, text, box) in cells.items():
                if col in prev:
                    p_span, p_text, p_box = prev[col]
                    joined = p_text + space_between(p_text, text) + text
                    grown = (p_box[0], p_box[1], max(p_box[2], box[2]), box[3])
                    prev[col] = (p_span, joined, grown)
                else:
                    prev[col] = (span, text, box)
            continue
        placed.append(cells)
    out = [
        Cell(r, col, text, 1, span, header=r < header_rows, bbox=round_box(box))
        for r, cells in enumerate(placed)
        for col, (span, text, box) in sorted(cells.items())
    ]
    return Table(tuple(out), len(placed), len(bs), header_rows=header_rows, source=source)


def _gaps(rows: Sequence[Sequence[list[Word]]]) -> list[float]:
    """Per row, the blank between its top and the bottom of the row above (0 for the first)."""
    out = [0.0]
    for above, row in pairwise(rows):
        bottom = max(w.bottom for seg in above for w in seg)
        out.append(min(w.top for seg in row for w in seg) - bottom)
    return out


def _box_of(words: Sequence[Word]) -> Box:
    return (
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )


def _rules(page: Any) -> list[tuple[float, float, float]]:
    """Long thin horizontal lines of the page as (x0, x1, y), top to bottom."""
    out = []
    for e in page.edges:
        if e.get("orientation") != "h":
            continue
        if e["x1"] - e["x0"] >= RULE_MIN_WIDTH:
            out.append((float(e["x0"]), float(e["x1"]), float(e["top"])))
    out.sort(key=lambda r: (r[2], r[0]))
    merged: list[tuple[float, float, float]] = []
    for r in out:  # a rectangle's thin sides and a line drawn twice are one rule
        if (
            merged
            and abs(merged[-1][2] - r[2]) <= RULE_MAX_THICKNESS
            and abs(merged[-1][0] - r[0]) <= RULE_ALIGN
        ):
            continue
        merged.append(r)
    return merged


def _has_verticals(page: Any, box: Box) -> bool:
    for e in page.edges:
        if e.get("orientation") != "v":
            continue
        x = e["x0"]
        if (
            box[0] + RULE_ALIGN < x < box[2] - RULE_ALIGN
            and e["top"] < box[3]
            and box[1] < e["bottom"]
        ):
            return True
    return False


def hrule_tables(page: Any, words: list[Word]) -> list[tuple[Box, Table]]:
    """Tables between horizontal rules of one width, without vertical rules inside."""
    rules = _rules(page)
    groups: list[list[tuple[float, float, float]]] = []
    for r in rules:
        g = groups[-1] if groups else None
        if g and abs(g[-1][0] - r[0]) <= RULE_ALIGN and abs(g[-1][1] - r[1]) <= RULE_ALIGN:
            g.append(r)
        else:
            groups.append([r])
    out = []
    for g in groups:
        if len(g) < 2:
            continue
        box: Box = (min(r[0] for r in g), g[0][2], max(r[1] for r in g), g[-1][2])
        inside = [w for w in words if _inside(w, box)]
        if not inside or _has_verticals(page, box) or _cuts_words(g, inside):
            continue
        lines = lines_of(inside)
        head_end = g[1][2] if len(g) >= 3 else None
        heads = sum(1 for ln in lines if head_end is not None and ln[0].bottom <= head_end + 1)
        heads = heads if heads < len(lines) else 0
        rows = [segments(ln, CELL_GAP_EM) for ln in lines]
        body = rows[heads:] or rows
        bs = bands(body)
        if len(bs) < 2 or len(body) < HRULES_MIN_ROWS:
            continue
        table = grid(rows, bs, max(heads, 1), "pdf_hrules")
        if _labelled(table):
            out.append((box, _with_box(table, box)))
    return out


def _cuts_words(rules: Sequence[tuple[float, float, float]], words: Sequence[Word]) -> bool:
    """True when inner rules run through words: a chart's grid lines (axis labels sit on
    them), not a table's rules (text sits between them)."""
    inner = [r[2] for r in rules[1:-1]]
    cut = sum(1 for w in words for y in inner if w.top + 1 < y < w.bottom - 1)
    return cut >= 2


def _labelled(table: Table) -> bool:
    """A table's body rows mostly have a first cell and another one beside it. A group
    heading (one filled cell, ``1. 창업 지원``) right above such a value row counts with
    them: budget sheets set their groups that way, prose between rules never does."""
    body = [table.row_cells(r) for r in range(table.header_rows, table.n_rows)]
    if not body:
        return False
    valued = [len(cells) >= 2 and cells[0].col == 0 for cells in body]
    headings = sum(
        1 for cells, below in zip(body, valued[1:], strict=False) if len(cells) == 1 and below
    )
    good = sum(valued)
    # Headings never outnumber the value rows they head.
    return good > headings and (good + headings) * 5 >= len(body) * 4


def _inside(w: Word, box: Box) -> bool:
    x, y = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] <= y <= box[3]


def _with_box(table: Table, box: Box) -> Table:
    return replace(table, bbox=round_box(box))


def aligned_tables(words: list[Word]) -> list[tuple[Box, Table]]:
    """Runs of lines whose words stand in the same wide-apart columns, with numbers."""
    lines = lines_of(words)
    out: list[tuple[Box, Table]] = []
    run: list[tuple[list[Word], list[list[Word]]]] = []
    # The line before the run, when it may be an upper header (years over sub-columns).
    above: list[tuple[list[Word], list[list[Word]]]] = []

    def close() -> None:
        if len(run) >= ALIGNED_MIN_ROWS:
            upper = above[0] if above else None
            heads = upper is not None and _heads_in_order(upper, run)
            table = _aligned(run, 0 if heads else 1)
            if table is not None:
                if heads and upper is not None:
                    table = _with_header(table, upper[1])
                elif upper is not None and _upper_header(upper, run[0][0]):
                    table = _with_upper(table, upper[1], bands([segs for _, segs in run]))
                else:
                    upper = None
                box = _box_of([w for ln, _ in ([upper] if upper else []) + run for w in ln])
                out.append((box, _with_box(table, box)))
        run.clear()

    previous: tuple[list[Word], list[list[Word]]] | None = None
    for ln in lines:
        segs = segments(ln, ALIGNED_GAP_EM)
        before, previous = previous, (ln, segs)
        # A row with an empty cell (no 2024 figure) has fewer segments: it stays in the
        # table when each of them stands in a column of the rows before it.
        ref = max((r[1] for r in run), key=len) if run else None
        short = ref is not None and 2 <= len(segs) < len(ref) and _within(ref, segs)
        if len(segs) < ALIGNED_MIN_COLS and not short:
            close()
            continue
        if run:
            last = run[-1][0]
            leading = ln[0].top - last[0].top
            full = run[-1][1] if len(run[-1][1]) == len(segs) else ref
            if leading > ALIGNED_MAX_LEADING * ln[0].size or not (
                short or (full is not None and _same_columns(full, segs))
            ):
                close()
        if not run:
            # The line before a run may head it (an upper header, a header set apart).
            above[:] = [before] if before is not None else []
        run.append((ln, segs))
    close()
    return out


def _upper_header(upper: tuple[list[Word], list[list[Word]]], first: list[Word]) -> bool:
    """Whether a line right above a table's header row is an upper header: every group
    on it names a year (``2024년``, ``’25``) and none is a figure, as over sub-columns."""
    ln, segs = upper
    if first[0].top - ln[0].top > ALIGNED_MAX_LEADING * first[0].size:
        return False
    return all(
        _UPPER_YEAR.search(t) is not None and _NUMBER.match(t) is None
        for t in (_text(seg).replace(" ", "") for seg in segs)
    )


def _with_upper(
    table: Table, segs: Sequence[list[Word]], bs: Sequence[tuple[float, float]]
) -> Table:
    """``table`` under an upper header row: each group over the columns from the last one
    starting at or left of it (a year centred over 예산 and 집행) to the next group's."""
    starts: list[int] = []
    for seg in segs:
        k = max((i for i, (x0, _) in enumerate(bs) if x0 <= seg[0].x0 + 1), default=0)
        starts.append(max(k, starts[-1] + 1) if starts else k)
    upper = []
    for n, (seg, col) in enumerate(zip(segs, starts, strict=True)):
        if col >= len(bs):
            break
        stop = min(starts[n + 1], len(bs)) if n + 1 < len(starts) else len(bs)
        box = (seg[0].x0, min(w.top for w in seg), seg[-1].x1, max(w.bottom for w in seg))
        upper.append(Cell(0, col, _text(seg), 1, stop - col, header=True, bbox=round_box(box)))
    moved = [replace(c, row=c.row + 1) for c in table.cells]
    return replace(
        table,
        cells=tuple(upper + moved),
        n_rows=table.n_rows + 1,
        header_rows=table.header_rows + 1,
    )


def _within(ref: list[list[Word]], segs: list[list[Word]]) -> bool:
    """Each segment of a shorter row stands in its own column of ``ref``, left to right."""
    k = 0
    for seg in segs:
        while k < len(ref) and not _near(ref[k], seg):
            k += 1
        if k == len(ref):
            return False
        k += 1
    return True


def _near(x: list[Word], y: list[Word]) -> bool:
    """Two cells of one column: overlapping, or starting or ending near each other."""
    tol = ALIGNED_GAP_EM * x[0].size
    overlap = x[0].x0 < y[-1].x1 and y[0].x0 < x[-1].x1
    return overlap or abs(x[0].x0 - y[0].x0) <= tol or abs(x[-1].x1 - y[-1].x1) <= tol


def _same_columns(a: list[list[Word]], b: list[list[Word]]) -> bool:
    """Two rows with the same number of cells, each overlapping or starting near the other's."""
    if len(a) != len(b):
        return False
    return all(_near(x, y) for x, y in zip(a, b, strict=True))


def _heads_in_order(
    upper: tuple[list[Word], list[list[Word]]], run: list[tuple[list[Word], list[list[Word]]]]
) -> bool:
    """Whether the line above a run of rows of figures is their header although its words
    stand apart from the figures' columns (labels set flush left over figures set flush
    right): close above, no figure on it, and one group per column of the full rows."""
    ln, segs = upper
    first = run[0][0]
    if first[0].top - ln[0].top > ALIGNED_MAX_LEADING * first[0].size:
        return False
    if any(_NUMBER.match(_text(seg).replace(" ", "")) for seg in segs):
        return False
    if not any(_NUMBER.match(_text(seg).replace(" ", "")) for seg in run[0][1]):
        return False  # the run's first row is a header of its own
    return len(segs) == len(bands([r for _, r in run])) == max(len(r) for _, r in run)


def _with_header(table: Table, segs: Sequence[list[Word]]) -> Table:
    """``table`` (body rows only) under a header row whose groups head its columns in order."""
    head = [
        Cell(
            0,
            k,
            _text(seg),
            header=True,
            bbox=round_box(
                (seg[0].x0, min(w.top for w in seg), seg[-1].x1, max(w.bottom for w in seg))
            ),
        )
        for k, seg in enumerate(segs)
    ]
    moved = [replace(c, row=c.row + 1) for c in table.cells]
    return replace(table, cells=tuple(head + moved), n_rows=table.n_rows + 1, header_rows=1)


def _aligned(run: list[tuple[list[Word], list[list[Word]]]], header_rows: int = 1) -> Table | None:
    rows = [segs for _, segs in run]
    bs = bands(rows)
    if len(bs) != max(len(r) for r in rows):
        return None  # columns that do not line up merge into fewer bands
    numeric = [0] * len(bs)
    for segs in rows[header_rows:]:
        for seg in segs:
            if _NUMBER.match(_text(seg).replace(" ", "")):
                numeric[band_range(bs, seg[0].x0, seg[-1].x1)[0]] += 1
    if max(numeric) * 2 < len(rows) - header_rows:
        return None
    table = grid(rows, bs, header_rows, "pdf_aligned")
    # A chart's ticks and data labels line up too, but no row has a label.
    return None if reads_as_chart(table) else table
