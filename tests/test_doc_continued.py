"""A grid whose header was read above it continues the table just before it."""

from __future__ import annotations

import dataclasses

from gongmun.doc.continued import filled_headers, with_table_above
from gongmun.doc.tables import Cell, Table, place, table_from_rows
from gongmun.extractors.table_figures import read_tables


def _above(heads: list[str], unit: str | None = "(단위: 억원)") -> tuple[str, Table]:
    """A text table of one header line, and its text."""
    cells, pos = [], 0
    for k, h in enumerate(heads):
        cells.append(Cell(0, k, h, header=True, start=pos, end=pos + len(h)))
        pos += len(h) + 1
    text = " ".join(heads)
    return text, Table(
        tuple(cells),
        1,
        len(heads),
        header_rows=1,
        unit=unit,
        caption="<표 1> 연도별 지원",
        start=0,
        end=len(text),
        source="text_flat",
    )


def _grid(text: str, heads: dict[int, str], rows: list[list[str]]) -> tuple[str, Table]:
    """A scanned grid after ``text``: header cells not written (read above), figures."""
    cells = [Cell(0, k, h, header=True) for k, h in heads.items()]
    start = pos = len(text) + 1
    parts = []
    for r, row in enumerate(rows, start=1):
        for k, f in enumerate(row):
            cells.append(Cell(r, k, f, start=pos, end=pos + len(f)))
            parts.append(f)
            pos += len(f) + 1
    full = text + "\n" + "\n".join(parts)
    table = Table(
        tuple(cells),
        len(rows) + 1,
        len(rows[0]),
        header_rows=1,
        start=start,
        end=len(full),
        source="ocr_ruled",
    )
    return full, table


def test_the_grid_takes_the_unit_and_caption_of_the_table_it_continues() -> None:
    text, above = _above(["구분", "2024년", "2025년"])
    text, grid = _grid(text, {0: "2024년", 1: "2025년"}, [["120", "150"]])
    tables = with_table_above([above, grid], text)
    assert tables[1].unit == "(단위: 억원)"
    assert tables[1].caption == "<표 1> 연도별 지원"
    figures = read_tables(text, list(tables), 2025)
    assert [(f.value, f.year) for f in figures] == [(12_000_000_000, 2024), (15_000_000_000, 2025)]
    # Without it the grid states no unit: its bare figures are no money.
    assert read_tables(text, [above, grid], 2025) == []


def test_a_header_it_could_not_read_comes_from_the_table_above() -> None:
    text, above = _above(["구분", "2019", "2020", "2021", "2022"])
    text, grid = _grid(text, {1: "2020", 2: "2021", 3: "2022"}, [["0.5", "0.9", "1.0", "0.9"]])
    t = with_table_above([above, grid], text)[1]
    assert sorted((c.col, c.text) for c in t.cells if c.header) == [
        (0, "2019"),
        (1, "2020"),
        (2, "2021"),
        (3, "2022"),
    ]


def test_no_header_is_filled_where_the_columns_do_not_line_up_one_way() -> None:
    _, above = _above(["2020", "2020", "2020", "2020"])
    _, grid = _grid("", {1: "2020", 2: "2020"}, [["1", "2", "3"]])
    assert filled_headers(grid, above) is grid  # several shifts fit
    _, above = _above(["구분", "2024", "2025"])
    _, grid = _grid("", {1: "2025"}, [["1", "2"]])
    assert filled_headers(grid, above) is grid  # one shared header is too few
    _, grid = _grid("", {0: "2030", 1: "2031"}, [["1", "2", "3"]])
    assert filled_headers(grid, above) is grid  # none shared


def test_a_table_apart_from_the_grid_or_a_grid_with_its_own_header_lends_nothing() -> None:
    text, above = _above(["구분", "2024년", "2025년"])
    text, grid = _grid(
        text + "\n다른 문단이 사이에 있다.", {0: "2024년", 1: "2025년"}, [["1", "2"]]
    )
    assert with_table_above([above, grid], text)[1] is grid
    # A grid whose header row is written in the text (its own) continues nothing.
    text, above = _above(["구분", "2024년", "2025년"])
    own = Table(
        (Cell(0, 0, "2024년", header=True, start=len(text) + 1, end=len(text) + 6),),
        1,
        1,
        header_rows=1,
        start=len(text) + 1,
        end=len(text) + 6,
        source="ocr_ruled",
    )
    assert with_table_above([above, own], text + "\n2024년")[1] is own


def _paged(rows: list[list[str]], page: int, at: int, heads: int) -> tuple[str, Table]:
    """A ruled PDF table of ``rows`` on ``page``, placed at ``at`` of the text."""
    return place(table_from_rows(rows, "pdf_ruled", header_rows=heads, page=page), at)


FIRST_PART = [
    ["사업명", "사업기간", "총사업비", "2026", "2027"],
    ["터널 방재설비 개량", "2024~2028", "96,000", "21,500", "20,000"],
]
REST = [
    ["졸음쉼터 확충", "2026~2028", "12,600", "4,200", "4,200"],
    ["합계", "", "108,600", "25,700", "24,200"],
]


def test_a_table_goes_on_after_a_page_break_under_the_next_pages_running_head() -> None:
    # The part on page 6 repeats no header; the reader took its first row (a name, a
    # period and figures) for one, and the page's running head stands between.
    head, above = _paged(FIRST_PART, 5, 0, 1)
    above = dataclasses.replace(above, unit="(단위: 백만원)", caption="<표 3> 연차 투자계획")
    between = "\n\n도로안전 중기사업계획\n"
    rest_text, rest = _paged(REST, 6, len(head) + len(between), 1)
    text = head + between + rest_text
    t = with_table_above([above, rest], text)[1]
    assert t.header_rows == 1
    assert t.unit == "(단위: 백만원)"
    assert t.caption == "<표 3> 연차 투자계획"
    assert t.rows_text()[1] == tuple(REST[0])
    figures = read_tables(text, [above, t], 2026)
    assert (12_600_000_000, None) in [(f.value, f.year) for f in figures]
    assert (4_200_000_000, 2026) in [(f.value, f.year) for f in figures]


def test_a_table_after_a_page_break_goes_on_only_under_furniture_and_in_its_columns() -> None:
    head, above = _paged(FIRST_PART, 5, 0, 1)
    for between, page in (
        ("\n□ 향후 추진계획\n", 6),  # a heading starts something new
        ("\n(단위: 억원)\n", 6),  # so does a unit of its own
        ("\n도로안전 중기사업계획\n", 5),  # not a page turn
        ("\n도로안전 중기사업계획\n", 7),
    ):
        rest_text, rest = _paged(REST, page, len(head) + len(between), 1)
        assert with_table_above([above, rest], head + between + rest_text)[1] is rest
    # A header row of its own (words where the body has figures) is no body row.
    between = "\n도로안전 중기사업계획\n"
    own = [["구분", "기간", "사업비", "국비", "지방비"], *REST]
    rest_text, rest = _paged(own, 6, len(head) + len(between), 1)
    assert with_table_above([above, rest], head + between + rest_text)[1] is rest
