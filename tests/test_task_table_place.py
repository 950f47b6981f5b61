"""A reader table's names are found inside the table's place in the text."""

from gongmun.doc.tables import Cell, Table
from gongmun.extractors.projects.by_table import reader_tables


def _table(start: int, end: int) -> Table:
    cells = (
        Cell(0, 0, "과제명", header=True),
        Cell(0, 1, "예산", header=True),
        Cell(1, 0, "스마트 물류 실증"),
        Cell(1, 1, "30억원"),
    )
    return Table(cells, 2, 2, header_rows=1, start=start, end=end, source="pdf_ruled")


def test_a_name_mentioned_before_the_table_is_taken_from_the_table() -> None:
    prose = "올해 스마트 물류 실증을 새로 추진한다.\n"
    table_text = "과제명 예산\n스마트 물류\n실증 30억원\n"
    text = prose + table_text
    drafts = reader_tables(text, [_table(len(prose), len(text))])
    assert [(d.name, d.start) for d in drafts] == [
        ("스마트 물류\n실증", len(prose) + len("과제명 예산\n"))
    ]


def test_a_name_outside_the_table_is_not_taken() -> None:
    text = "스마트 물류 실증 계획\n과제명 예산\n다른 과제 30억원\n"
    start = text.index("과제명")
    assert reader_tables(text, [_table(start, len(text))]) == []
