"""The document model's fast paths find exactly what the plain forms they replace find."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from text_files import FILES

from gongmun import extract
from gongmun.doc import aligned_text, columns, text_tables
from gongmun.doc.columns import TableView, is_figure
from gongmun.doc.tables import Cell, Table
from gongmun.normalize import normalize

SETTINGS = settings(max_examples=300, deadline=None)

# Pieces of table cells, sentences, captions and headings, and every kind of white space
# str.split and the regex module tell apart (U+001C..U+001F split words for str.split only).
PIECES = (
    *("1", "12", "1,200", "3.5", "(4)", "-", "-6%", "△12", "▽ 3", "2025", "'25년", "0"),
    *("가", "가.", "하.", "나)", "사업", "합계", "추진함", "한다", "입니다", "됨.", "?", "!", "."),
    *("□", "ㅇ", "※", "##", "Ⅱ", "1.", "2)", "<", ">", "[", "]", "〈", "【", "표", "그림"),
    *("단위", "(단위: 억원)", "억원", " ", "  ", "\t", "\x1c", "\x1f", "\xa0", "\u3000"),
)
lines = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def plain_is_cell_line(line: str) -> bool:
    """_is_cell_line as first written: every test a regex, each word matched alone."""
    s = line.strip()
    if not s or len(s) > text_tables._CELL_MAX:
        return False
    if text_tables._SENTENCE.search(s) or text_tables._unit_line(s):
        return False
    if text_tables._CAPTION.match(s) or (text_tables._HEADING.match(s) and not is_figure(s)):
        return False
    words = s.split()
    if len(words) > text_tables._CELL_WORDS:
        return False
    return sum(1 for w in words if text_tables._FIG_WORD.fullmatch(w)) <= 1


@SETTINGS
@given(lines)
def test_cell_lines_are_the_lines_the_plain_tests_find(line: str) -> None:
    assert text_tables._is_cell_line(line) == plain_is_cell_line(line)


@SETTINGS
@given(lines)
def test_sentence_ends_are_what_the_sentence_pattern_finds(line: str) -> None:
    s = line.strip()
    assert text_tables._is_sentence(s) == (text_tables._SENTENCE.search(s) is not None)


@cache
def _normalized_lines(path: Path) -> list[str]:
    return normalize(path.read_text(encoding="utf-8", errors="replace")).text.split("\n")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_cell_lines_equal_the_plain_tests_on_documents(path: Path) -> None:
    for line in _normalized_lines(path):
        assert text_tables._is_cell_line(line) == plain_is_cell_line(line), line


FIGURES = ("1", "1,200", "(300)", "△12", "-6%", "-", "3.5", "2025", "38,200원", "1,2003,400")
# Rows (a label, figures, an ending) and lines of loose pieces.
row_lines = st.one_of(
    st.builds(
        lambda label, figures, end: label + " ".join(figures) + end,
        st.sampled_from(["", "국비 ", "국비", "계", "가 사업 ", "합계\t", "2021 ", "추진한다 "]),
        st.lists(st.sampled_from(FIGURES), max_size=5),
        st.sampled_from(["", " ", "\t", "\x1c", "원", ".", ")", "%", "-"]),
    ),
    lines,
)


def _line(text: str) -> text_tables._Line:
    return text_tables._Line(0, len(text), text)


@SETTINGS
@given(row_lines)
def test_rows_are_what_the_word_by_word_reading_finds(line: str) -> None:
    # _row_of answers most lines from their last character or word; _read_row reads all.
    assert text_tables._row_of(_line(line)) == text_tables._read_row(_line(line))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_rows_equal_the_word_by_word_reading_on_documents(path: Path) -> None:
    for line in _normalized_lines(path):
        assert text_tables._row_of(_line(line)) == text_tables._read_row(_line(line)), line


def plain_aligned_tables(text: str) -> list[object]:
    """find_aligned_tables as first written: every line tested in turn."""
    tables: list[object] = []
    run: list[aligned_text._Line] = []
    pos = 0
    for raw_line in text.split("\n"):
        line = raw_line.rstrip("\r")
        if aligned_text._candidate(line):
            groups = aligned_text._groups(line)
            run.append(aligned_text._Line(pos, line, groups, groups))
        elif run:
            tables.extend(aligned_text._tables_of(run))
            run = []
        pos += len(raw_line) + 1
    tables.extend(aligned_text._tables_of(run))
    return tables


# Rows of an aligned table (cells parted by gaps) and the lines that end a run of them:
# prose, a blank, a line of one cell.
ALIGNED_CELLS = ("과제명", "사업기간", "2025~2027", "320", "1,200", "-", "가 플랫폼", "2025년", "")
GAPS = ("  ", "   ", "\t", " ")
aligned_row = st.lists(
    st.tuples(st.sampled_from(ALIGNED_CELLS), st.sampled_from(GAPS)), max_size=4
).map(lambda cells: "".join(c + g for c, g in cells).rstrip(" "))
aligned_line = st.one_of(aligned_row, st.sampled_from(("", "입니다.", "합계", "  ", "320\r")))
aligned_texts = st.lists(aligned_line, max_size=12).map("\n".join)


@SETTINGS
@given(aligned_texts)
def test_aligned_tables_from_gap_lines_equal_every_line_read(text: str) -> None:
    assert aligned_text.find_aligned_tables(text) == plain_aligned_tables(text)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_aligned_tables_from_gap_lines_equal_on_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert aligned_text.find_aligned_tables(text) == plain_aligned_tables(text)


TABLE_DOCS = sorted(
    (Path(__file__).resolve().parents[1] / "benchmarks" / "tables" / "docs").glob("*")
)


def _view_answers(view: TableView) -> tuple[object, ...]:
    cols, rows = range(view.table.n_cols), range(view.table.n_rows)
    return (
        view.header_rows,
        view.headers,
        view.kinds,
        tuple(view.column_unit(k) for k in cols),
        tuple(view.column_year(k) for k in cols),
        tuple(view.column_multiplier(k) for k in cols),
        tuple(view.row_year(r) for r in rows),
        tuple(view.is_total_row(r) for r in rows),
    )


@pytest.mark.parametrize("path", TABLE_DOCS, ids=[p.name for p in TABLE_DOCS])
def test_views_sharing_a_tables_facts_answer_as_fresh_views(path: Path) -> None:
    # Views of one table in every year and unit, made one after another (their shared
    # facts read once), answer as a view made alone with nothing read before.
    for table in extract(path).tables:
        t = Table(
            tuple(
                Cell(c.row, c.col, c.text, rowspan=c.rowspan, colspan=c.colspan, header=c.header)
                for c in table.cells
            ),
            table.n_rows,
            table.n_cols,
            header_rows=table.header_rows,
            unit=table.unit,
        )
        params = [(y, u) for y in (None, 2019, 2025) for u in (None, 1, 10**8)]
        shared = [_view_answers(TableView(t, y, unit=u)) for y, u in params]
        fresh = []
        for y, u in params:
            columns._FACTS.clear()
            fresh.append(_view_answers(TableView(t, y, unit=u)))
        assert shared == fresh


LINE_PIECES = ("", "\n", "\n\n", "가", "1,200", " ", "\t", "|")
line_texts = st.lists(st.sampled_from(LINE_PIECES), max_size=16).map("".join)


@SETTINGS
@given(line_texts)
def test_lines_built_by_maps_equal_the_loop(text: str) -> None:
    # _lines builds its named tuples with C-level maps; _lines_plain is the loop.
    built = text_tables._lines(text)
    assert built == text_tables._lines_plain(text)
    assert all(type(line) is text_tables._Line for line in built)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_lines_built_by_maps_equal_the_loop_on_documents(path: Path) -> None:
    text = "\n".join(_normalized_lines(path))
    assert text_tables._lines(text) == text_tables._lines_plain(text)


@pytest.mark.parametrize("n", range(1, text_tables._CELL_RUN_MIN + 3))
def test_runs_too_short_for_a_table_of_cells_are_none(n: int) -> None:
    # The shortest run a table one cell a line is read from: a header of two cells over
    # one row of three (label, two figures), as _cells_per_line's loop needs.
    cells = ["구분", "2025", "사업", "1,200", "300", "계", "1,500", "400"][:n]
    lines = text_tables._lines("(단위: 억원)\n" + "\n".join(cells))
    found, end = text_tables._cells_per_line(lines, 1)
    assert end == len(lines)
    assert bool(found) == (n >= text_tables._CELL_RUN_MIN)
