"""A table's unit statement and caption come from the lines around it."""

from __future__ import annotations

from gongmun.doc.around import split_caption, unit_of, with_surroundings
from gongmun.doc.tables import Table, place, table_from_rows


def _table(
    rows: tuple[tuple[str, ...], ...] = (("구분", "예산"), ("R&D", "1,200")),
) -> tuple[str, Table]:
    return place(table_from_rows(rows, "hwpx", header_rows=1), 0)


def _around(before: str, after: str) -> Table:
    body, t = _table()
    [out] = with_surroundings(before + body + after, [t.shifted(len(before))])
    return out


def test_unit_line_before_the_table_and_the_title_above_it() -> None:
    t = _around("본문 문장입니다.\n<표 3> 부처별 예산 현황\n(단위 : 백만원, %)\n", "\n다음 문단")
    assert (t.caption, t.unit) == ("<표 3> 부처별 예산 현황", "백만원, %")


def test_unit_line_moved_below_the_table() -> None:
    t = _around("□ 연도별 투자 계획\n", "\n[단위: 억원]\n다음 문단이다.")
    assert (t.caption, t.unit) == ("□ 연도별 투자 계획", "억원")


def test_unit_at_the_end_of_the_title_line() -> None:
    t = _around("사업별 예산 (단위: 천원)\n", "")
    assert (t.caption, t.unit) == ("사업별 예산", "천원")


def test_the_documents_title_is_no_tables_caption() -> None:
    # The first line of the document, over the table's unit line: the document's title.
    t = _around("가상 에너지 기술 사업\n(단위: 억원)\n", "")
    assert (t.caption, t.unit) == (None, "억원")
    # Marked as a table's title, the first line is its caption; later lines are captions.
    t = _around("<표 1> 분야별 사업비\n(단위: 억원)\n", "")
    assert (t.caption, t.unit) == ("<표 1> 분야별 사업비", "억원")
    t = _around("가상 에너지 기술 사업\n분야별 사업비\n(단위: 억원)\n", "")
    assert (t.caption, t.unit) == ("분야별 사업비", "억원")


def test_a_unit_the_tables_own_header_cells_state() -> None:
    def unit(rows: tuple[tuple[str, ...], ...]) -> str | None:
        body, t = _table(rows)
        text = "본문이다.\n" + body
        return with_surroundings(text, [t.shifted(len("본문이다.\n"))])[0].unit

    assert unit((("(단위: 백만원)", ""), ("구분", "2024"), ("계", "1,125"))) == "백만원"
    assert unit((("구분", "연봉한계액 (단위 : 천원)"), ("나급", "86,606"))) == "천원"
    # Two panels stating different units; a title box with no body (its unit is the
    # next table's): no unit of the table.
    assert unit((("(단위: 억원)", "(단위: %)"), ("120", "3.5"))) is None
    assert unit((("참고 1", "세부 통계 (단위: 억원)"),)) is None


def test_a_sentence_before_the_table_is_no_caption() -> None:
    t = _around("정부는 다음과 같이 예산을 편성했다.\n", "\n그리고 이어지는 문장")
    assert (t.caption, t.unit) == (None, None)


def test_a_line_of_figures_and_codes_before_the_table_is_no_caption() -> None:
    # A page counter, a date, a document number: no words, so no title.
    for line in ("1/4", "2024-11-26", "B35642022000020", "19.7"):
        t = _around(f"본문이다.\n{line}\n", "")
        assert t.caption is None, line
    assert _around("본문이다.\nAI 예산\n", "").caption == "AI 예산"


def test_a_unit_line_between_two_tables_belongs_to_the_second() -> None:
    first, a = _table()
    second, b = _table((("사업", "금액"), ("기반", "300")))
    middle = "\n(단위: 억원)\n"
    text = first + middle + second
    out = with_surroundings(text, [a, b.shifted(len(first) + len(middle))])
    assert (out[0].unit, out[1].unit) == (None, "억원")
    assert out[1].caption is None  # the line above the unit is the first table's cell


def test_unit_and_caption_parsers() -> None:
    assert unit_of("( 단위 : 억원 )") == "억원"
    assert unit_of("단위당 비용은 10억원") is None
    assert split_caption("(단위: 억원)") == (None, "억원")
