"""The shared table model: cells, grid look-ups, rendering, and tables kept whole
through normalization down to the output records."""

from __future__ import annotations

from gongmun.doc.grid import SpanCell, layout
from gongmun.doc.placement import CellLocator
from gongmun.doc.tables import Cell, Table, place, render_cells, table_from_rows
from gongmun.normalize import normalize
from gongmun.offsets import Edit, apply_edits
from gongmun.pipeline import extract_raw
from gongmun.readers import from_text
from gongmun.readers.model import RawInput


def _budget() -> Table:
    # 구분 spans two rows; the year header spans two columns.
    rows = [
        [SpanCell("구분", rowspan=2, header=True), SpanCell("2025년", colspan=2, header=True)],
        [SpanCell("본예산", header=True), SpanCell("추경", header=True)],
        [SpanCell("R&D"), SpanCell("1,200"), SpanCell("3,400")],
    ]
    return layout(rows, "html")


def test_layout_places_spans_and_counts_header_rows() -> None:
    t = _budget()
    assert (t.n_rows, t.n_cols, t.header_rows) == (3, 3, 2)
    assert [(c.row, c.col) for c in t.cells] == [
        (0, 0),
        (0, 1),
        (1, 1),
        (1, 2),
        (2, 0),
        (2, 1),
        (2, 2),
    ]
    assert t.cell_at(1, 0) is t.cells[0]
    assert t.cell_at(0, 2) is t.cells[1]
    assert t.grid()[1][0] is t.cells[0]
    assert t.rows_text()[1] == (None, "본예산", "추경")
    assert [c.text for c in t.header_cells()] == ["구분", "2025년", "본예산", "추경"]
    assert [c.text for c in t.body_cells()] == ["R&D", "1,200", "3,400"]


def test_layout_bounds_a_rowspan_by_the_rows_that_exist() -> None:
    t = layout([[SpanCell("합계", rowspan=50), SpanCell("1")], [SpanCell("2")]], "html")
    assert t.n_rows == 2
    assert t.cells[0].rowspan == 2
    assert (t.cells[2].row, t.cells[2].col) == (1, 1)


def test_place_gives_every_cell_its_own_line_and_offsets() -> None:
    text, t = place(_budget(), 5)
    assert text == "구분\n2025년\n본예산\n추경\nR&D\n1,200\n3,400"
    whole = "x" * 5 + text
    assert all(whole[c.start : c.end] == c.text for c in t.cells if c.start is not None)
    assert (t.start, t.end) == (5, 5 + len(text))


def test_render_skips_empty_cells() -> None:
    text, cells = render_cells([Cell(0, 0, ""), Cell(0, 1, "예산")])
    assert text == "예산"
    assert (cells[0].start, cells[1].start) == (None, 0)


def test_table_from_rows_marks_header_cells() -> None:
    t = table_from_rows((("과제명", "예산"), ("AI", "10억원")), "pdf_ruled", header_rows=1)
    assert [c.header for c in t.cells] == [True, True, False, False]


def test_from_source_inverts_to_source() -> None:
    text = "가  나다\n라"
    new, m = apply_edits(text, [Edit(1, 3, " "), Edit(5, 6, "")])
    assert new == "가 나다라"
    assert m.from_source(3, 5) == (2, 4)
    assert m.to_source(2, 4) == (3, 5)
    assert m.from_source(1, 3) == (1, 2)  # a rewrite maps by its ends
    assert m.start_from_source(2) is None  # strictly inside a rewrite


def test_normalizer_never_joins_the_lines_of_a_kept_table() -> None:
    raw = "ㅇ 공공연구자 창업 활성화를\n지원하고 예정\n으로 추진"
    assert normalize(raw).text == "ㅇ 공공연구자 창업 활성화를 지원하고 예정으로 추진"
    assert normalize(raw, [(0, len(raw))]).text == raw


def test_normalizer_does_not_glue_text_before_a_table_to_its_first_cell() -> None:
    raw = "ㅇ 정부는 예산을\n확대하고\n계\n1,200"
    table = (raw.index("확대"), len(raw))
    kept = normalize(raw, [table]).text
    assert "계\n1,200" in kept
    assert kept.startswith("ㅇ 정부는 예산을\n확대하고")
    table = (raw.index("계"), len(raw))
    assert "확대하고\n계\n1,200" in normalize(raw, [table]).text


def _raw_with_table() -> RawInput:
    prose = "□ 2025년 예산 현황\n"
    text, t = place(
        table_from_rows((("사업", "예산"), ("기반구축", "600억원")), "html"), len(prose)
    )
    base = from_text(prose + text)
    return RawInput(base.text, None, base.sha256, "text/html", tables=(t,))


def test_amounts_in_a_cell_carry_their_cell_and_the_document_lists_tables() -> None:
    doc = extract_raw(_raw_with_table())
    [table] = doc.tables
    assert (table.index, table.source, table.n_rows, table.n_cols) == (0, "html", 2, 2)
    for cell in table.cells:
        assert cell.span is not None
        assert cell.raw_span is not None
        assert doc.text[cell.span.start : cell.span.end] == cell.text
    [amount] = [a for a in doc.amounts if a.text == "600억원"]
    assert amount.cell is not None
    assert (amount.cell.table, amount.cell.row, amount.cell.col) == (0, 1, 1)


def test_figures_outside_tables_have_no_cell() -> None:
    doc = extract_raw(from_text("□ 총 600억원 투입"))
    assert doc.tables == []
    assert all(a.cell is None for a in doc.amounts)


def test_locator_needs_the_span_whole_inside_one_cell() -> None:
    t = Table((Cell(0, 0, "100", start=0, end=3), Cell(0, 1, "200", start=4, end=7)), 1, 2)
    loc = CellLocator([t])
    assert loc.find(0, 3) is not None
    assert loc.find(2, 5) is None
    assert loc.find(8, 9) is None


def _doc_with(header: str, figure: str) -> RawInput:
    rows = (("사업", header), ("창업지원", figure))
    text, t = place(table_from_rows(rows, "pdf_ruled", header_rows=1), 0)
    base = from_text(text)
    return RawInput(base.text, None, base.sha256, "application/pdf", tables=(t,))


def test_an_amount_takes_the_year_its_column_header_names() -> None:
    doc = extract_raw(_doc_with("지원 금액 (2025계획안)", "300억원"))
    [amount] = doc.amounts
    assert amount.year == 2025


def test_a_header_over_a_range_of_years_frames_no_year() -> None:
    doc = extract_raw(_doc_with("사업비 (2024~2026)", "300억원"))
    [amount] = doc.amounts
    assert amount.year is None


def _ocr_table(source: str) -> RawInput:
    # A cell OCR read with its comma doubled (``2,.300,000``): the repair step mends it.
    prose = "(단위: 백만원)\n"
    rows = (("사업명", "2025년 예산"), ("창업지원", "4,.150,000"))
    text, t = place(table_from_rows(rows, source, header_rows=1), len(prose))
    base = from_text(prose + text)
    return RawInput(
        base.text,
        None,
        base.sha256,
        "application/pdf",
        tables=(t,),
        ocr_ranges=((0, len(base.text)),),
        ocr_pages=(1,),
    )


def test_a_table_ocr_read_takes_its_repaired_cell_text() -> None:
    doc = extract_raw(_ocr_table("ocr_ruled"))
    [table] = doc.tables
    cell = next(c for c in table.cells if c.row == 1 and c.col == 1)
    assert cell.text == "4,150,000"
    assert cell.span is not None
    assert doc.text[cell.span.start : cell.span.end] == cell.text
    [amount] = [a for a in doc.amounts if a.value_krw == 4_150_000_000_000]
    assert amount.year == 2025


def test_a_clean_table_keeps_its_cells_as_the_reader_wrote_them() -> None:
    # Folds apply in a kept table's text, not to its cells: a clean table's record holds
    # what the reader read (’25년 stays ’25년).
    text, t = place(table_from_rows((("구분", "’25년"), ("국비", "300")), "pdf_ruled"), 0)
    base = from_text(text)
    doc = extract_raw(RawInput(base.text, None, base.sha256, "application/pdf", tables=(t,)))
    assert doc.tables[0].cells[1].text == "’25년"
