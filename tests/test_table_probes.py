"""Table shapes probed with synthetic documents of the kinds Korean government documents
take (plain text, HTML, HWPX): one small input per rule, each failing without it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hwpx_build import para, section, tbl, tc, write_hwpx
from pdf_build import korean_canvas

from gongmun.doc.aligned_text import find_aligned_tables
from gongmun.pipeline import extract, extract_text

E = 10**8
M = 10**6


def _figures(text: str) -> list[tuple[int, int | None]]:
    return [(a.value_krw, a.year) for a in extract_text(text).amounts]


# Names of different lengths before the figures: by characters the 계 row's figures
# start further right than the others' and would stand under the next year; by display
# width (a Hangul syllable two columns) every row lines up.
STAGGERED = (
    "□ 연도별 투자계획\n"
    "(단위: 억원)\n"
    "사업명                '25    '26    '27    합계\n"
    "수소도시 조성          100    200    300    600\n"
    "탄소중립 산단 전환     50     60     70     180\n"
    "계                     150    260    370    780\n"
)


def test_staggered_names_keep_each_figure_under_its_year() -> None:
    [t] = find_aligned_tables(STAGGERED)
    assert t.n_cols == 5
    assert t.rows_text()[3] == ("계", "150", "260", "370", "780")
    got = _figures(STAGGERED)
    assert (150 * E, 2025) in got
    assert (260 * E, 2026) in got
    assert (780 * E, None) in got  # the 합계 column spans the years
    assert (150 * E, 2026) not in got


# A budget sheet's header in three lines: the years, the stages, the stages' tags.
THREE_LINE_HEADER = (
    "2025년 추가경정예산안 개요\n"
    "(단위: 억원)\n"
    "구분            2024년    2025년            증감\n"
    "                결산      본예산    추경     (B-A)\n"
    "                          (A)       (B)\n"
    "총계            1,000     1,200     1,500     300\n"
    " 청년일자리     400       500       700       200\n"
    " 지역화폐       600       700       800       100\n"
)


def test_a_line_of_column_tags_does_not_push_the_years_out_of_the_header() -> None:
    [t] = find_aligned_tables(THREE_LINE_HEADER)
    assert t.header_rows == 3
    got = _figures(THREE_LINE_HEADER)
    assert (400 * E, 2024) in got
    assert (500 * E, 2025) in got
    assert (700 * E, 2025) in got
    assert (200 * E, None) in got  # 증감 (B-A)
    names = {p.name for p in extract_text(THREE_LINE_HEADER).projects}
    assert {"청년일자리", "지역화폐"} <= names


# Decreases written with a minus sign (U+2212) or a bracketed minus: (-)50, (−)50.
MINUS_SIGNS = (
    "(단위: 억원)\n"
    "구분        2024     2025     증감\n"
    "가사업      100      90       \N{MINUS SIGN}10\n"
    "나사업      200      150      (-)50\n"
    "다사업      300      280      (\N{MINUS SIGN})20\n"
)


def test_minus_signs_of_a_change_column_are_decreases() -> None:
    got = _figures(MINUS_SIGNS)
    assert (-10 * E, None) in got
    assert (-50 * E, None) in got
    assert (-20 * E, None) in got
    assert (150 * E, 2025) in got


def test_the_minus_sign_folds_to_a_hyphen_minus() -> None:
    doc = extract_text("증감 \N{MINUS SIGN}120억원")
    assert "\N{MINUS SIGN}" not in doc.text
    assert len(doc.text) == len("증감 \N{MINUS SIGN}120억원")


# A web page's table headed by plain cells, its unit in a row of its own under the years.
UNIT_ROW_HTML = (
    "<html><body><p>2026년 지원 계획</p><table>"
    "<tr><td>구분</td><td>'25</td><td>'26</td><td>'27</td><td>합계</td></tr>"
    '<tr><td colspan="5">(단위: 백만원)</td></tr>'
    "<tr><td>청년 창업 지원</td><td>1,000</td><td>2,000</td><td>3,000</td><td>6,000</td></tr>"
    "<tr><td>귀농 정착 지원</td><td>500</td><td>500</td><td>500</td><td>1,500</td></tr>"
    "</table></body></html>"
)


def test_a_unit_row_under_plain_header_cells_is_the_tables_unit(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(UNIT_ROW_HTML, encoding="utf-8")
    doc = extract(str(path))
    got = [(a.value_krw, a.year) for a in doc.amounts]
    assert (1000 * M, 2025) in got
    assert (3000 * M, 2027) in got
    assert (6000 * M, None) in got
    [p] = [p for p in doc.projects if p.name == "청년 창업 지원"]
    assert p.total is not None
    assert p.total.value_krw == 6000 * M  # never the '25 figure
    assert {a.year: a.amount.value_krw for a in p.annual} == {
        2025: 1000 * M,
        2026: 2000 * M,
        2027: 3000 * M,
    }


def test_a_years_sum_column_under_its_payers_is_the_projects_annual(tmp_path: Path) -> None:
    # 사업명 and 총사업비 two rows high beside 2025년 사업비 over 국비 | 지방비 | 계: the
    # second row heads sub-columns, so 국비 and 지방비 are funding shares and the 계 is
    # the year's figure (never the first payer's).
    rows = [
        [
            tc(0, 0, "사업명", rowspan=2),
            tc(0, 1, "총사업비", rowspan=2),
            tc(0, 2, "2025년 사업비", colspan=3),
        ],
        [tc(1, 2, "국비"), tc(1, 3, "지방비"), tc(1, 4, "계")],
        [
            tc(2, k, t)
            for k, t in enumerate(["생활SOC 복합센터", "9,000", "1,500", "1,000", "2,500"])
        ],
        [
            tc(3, k, t)
            for k, t in enumerate(["노후 상수관로 정비", "12,000", "2,000", "1,000", "3,000"])
        ],
    ]
    body = para("지역 현안사업 추진 현황") + para("(단위: 백만원)") + tbl(rows)
    path = write_hwpx(tmp_path / "split.hwpx", {"Contents/section0.xml": section(body)})
    doc = extract(str(path))
    [p] = [p for p in doc.projects if p.name == "생활SOC 복합센터"]
    assert p.total is not None
    assert p.total.value_krw == 9000 * M
    assert {a.year: a.amount.value_krw for a in p.annual} == {2025: 2500 * M}
    assert sorted((f.source, f.amount.value_krw) for f in p.funding) == [
        ("국비", 1500 * M),
        ("지방비", 1000 * M),
    ]


# Typed with gaps that do not line up (a long name pushes its row's figures right), yet
# every line holds three groups: the cells are the groups in order.
UNEVEN_GAPS = (
    "2025년 예산안\n"
    "(단위: 억원)\n"
    "구분          2024      2025\n"
    "총계          3,000     3,300\n"
    " ㆍ청년 일경험 지원    1,000     1,100\n"
    " ㆍ고용장려금          2,000     2,200\n"
)


def test_rows_of_as_many_groups_read_in_order_when_their_gaps_do_not_line_up() -> None:
    [t] = find_aligned_tables(UNEVEN_GAPS)
    assert t.rows_text()[0] == ("구분", "2024", "2025")
    assert t.rows_text()[2] == ("ㆍ청년 일경험 지원", "1,000", "1,100")
    got = _figures(UNEVEN_GAPS)
    assert (3000 * E, 2024) in got
    assert (1000 * E, 2024) in got
    assert (1100 * E, 2025) in got
    assert (1000 * E, 2025) not in got


def test_a_middle_dot_before_a_row_name_is_its_mark() -> None:
    names = {p.name for p in extract_text(UNEVEN_GAPS).projects}
    assert "청년 일경험 지원" in names


def _cells(c: Any, x0: float, top: float, widths: list[float], rows: list[list[str]]) -> None:
    """Rows of cells from ``top`` down: labels set flush left, figures flush right."""
    y = top
    for row in rows:
        x = x0
        for w, t in zip(widths, row, strict=True):
            if t[0].isdigit() or t[0] == "△":
                c.drawRightString(x + w - 4, y - 13, t)
            else:
                c.drawString(x + 4, y - 13, t)
            x += w
        y -= 18


def _pdf(tmp_path: Path, draw: Any) -> Path:
    out = tmp_path / "t.pdf"
    c = korean_canvas(str(out), 10)
    draw(c)
    c.showPage()
    c.save()
    return out


def test_a_pdf_tables_unit_set_flush_right_above_it(tmp_path: Path) -> None:
    # pdfminer reads the short box on the right after the table and its note.
    rows = [
        ["사업명", "2024 예산", "2025 정부안", "증감", "(%)"],
        ["탄소중립 기술개발", "12,500", "14,000", "1,500", "12.0"],
        ["수소경제 기반 구축", "8,000", "7,200", "△800", "△10.0"],
    ]
    widths = [150.0, 80.0, 80.0, 70.0, 50.0]

    def draw(c: Any) -> None:
        c.drawString(72, 750, "< 사업별 예산 현황 >")
        c.drawRightString(520, 735, "(단위: 백만원)")
        _cells(c, 72, 730, widths, rows)
        for k in range(len(rows) + 1):
            c.line(72, 730 - 18 * k, 72 + sum(widths), 730 - 18 * k)
        x = 72.0
        for w in [*widths, 0.0]:
            c.line(x, 730, x, 730 - 18 * len(rows))
            x += w
        c.drawString(72, 660, "* 주: 기금 포함")

    doc = extract(str(_pdf(tmp_path, draw)))
    got = [(a.value_krw, a.year) for a in doc.amounts]
    assert (12500 * M, 2024) in got
    assert (7200 * M, 2025) in got


def test_a_pdf_header_set_apart_from_its_figures_heads_them(tmp_path: Path) -> None:
    # Years flush left over figures flush right, no rules: the header's words stand in
    # none of the figures' columns, yet it is their header row (never the first body row).
    rows = [
        ["구분", "'26", "'27", "'28", "합계"],
        ["스마트시티 실증", "100", "150", "200", "450"],
        ["디지털트윈 구축", "50", "60", "70", "180"],
        ["계", "150", "210", "270", "630"],
    ]

    def draw(c: Any) -> None:
        c.drawString(72, 760, "(단위: 억원)")
        _cells(c, 72, 750, [130.0, 50.0, 50.0, 50.0, 60.0], rows)

    doc = extract(str(_pdf(tmp_path, draw)))
    got = [(a.value_krw, a.year) for a in doc.amounts]
    assert (150 * E, 2027) in got
    assert (50 * E, 2026) in got
    assert (450 * E, None) in got
    assert (150 * E, 2026) in got  # the 계 row's '26
    [p] = [p for p in doc.projects if p.name == "스마트시티 실증"]
    assert p.total is not None
    assert p.total.value_krw == 450 * E


def test_column_major_text_with_a_totals_column_after_the_years() -> None:
    # PDF text read column by column: the header, the rows' labels, then each column's
    # figures; the 합계 under the years heads a column, it is no row.
    head = "(단위: 억원)\n구분\n'26\n'27\n'28\n합계\n가 사업\n나 사업\n"
    text = head + "100\n50\n150\n60\n200\n70\n450\n180"
    got = _figures(text)
    assert (100 * E, 2026) in got
    assert (50 * E, 2026) in got
    assert (150 * E, 2027) in got
    assert (70 * E, 2028) in got
    assert (450 * E, None) in got
    assert (180 * E, None) in got
