"""OCR repairs: each class on synthetic strings, and the properties every repair keeps."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import gongmun
from gongmun.normalize.ocr import (
    column_breaks,
    doubtful_figures,
    doubtful_periods,
    ocr_marks,
    repair_classes,
    repair_ocr,
)
from gongmun.offsets import apply_edits
from gongmun.pipeline import extract_raw
from gongmun.readers import read_path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _repaired(text: str) -> str:
    return apply_edits(text, repair_ocr(text))[0]


def test_each_class_is_named() -> None:
    text = "ㅁ 사업비 4.512억원, 7O0억원, 35익원, 사업('26-'30), 계획(23.11월~)"
    text += ", 개정('26.ㅜ+), 과제(12개 ~ '24년 30개)"
    assert set(repair_classes(text)) == {
        "halves",
        "arrows",
        "bullets",
        "separators",
        "digits",
        "units",
        "tildes",
        "year_quotes",
    }


def test_dotted_thousands_become_commas_but_decimals_stay() -> None:
    assert _repaired("총 4.512억원") == "총 4,512억원"
    assert _repaired("1조 7.958억원") == "1조 7,958억원"
    assert _repaired("6,214.5억원, 51.7억원, 0.512억원") == "6,214.5억원, 51.7억원, 0.512억원"


def test_a_year_before_a_figure_is_not_its_first_group() -> None:
    assert _repaired("('24. 905억원)") == "('24. 905억원)"
    assert repair_ocr("'28, 144억원") == []


def test_doubtful_figures_are_found_not_guessed() -> None:
    text = "해수부 41862억원, 과기부 55.318억원, 중기부 7, 204억원, 국토부 3]517억원, ['24] 2.614"
    spans = [text[a:b] for (a, b), _ in doubtful_figures(text)]
    assert spans == ["41862", "55.318", "7, 204", "3]517", "2.614"]
    assert _repaired(text) == text


def test_a_law_article_without_its_je_is_no_amount() -> None:
    # 제12조 read as 12조 would be 12 trillion won; a money 조 has 원 or 억 after it.
    text = "근거: 보조금법 제11조, 12조, 제14조\n총 12조원, 3조 2,000억원 투입, 5조, 제도 개선"
    spans = [text[a:b] for (a, b), _ in doubtful_figures(text)]
    assert spans == ["12조"]
    doc = gongmun.extract_text(text, ocr_text=True)
    assert 12_000_000_000_000 not in [a.value_krw for a in doc.amounts if a.text == "12조"]
    assert [a.value_krw for a in doc.amounts if a.text == "12조원"] == [12_000_000_000_000]
    assert any("law article" in w.message for w in doc.warnings)
    # The article shape after it counts too (조 제2항), within a few words only.
    assert [text for _, text in _doubts("7조 제2항에 따라")] == ["7조"]
    assert _doubts("운영비 7조" + "가" * 100 + "제3조") == []


def _doubts(text: str) -> list[tuple[str, str]]:
    return [(why, text[a:b]) for (a, b), why in doubtful_figures(text)]


def test_a_figure_glued_to_a_percentage_is_doubtful() -> None:
    # 31.5%(2조 …) with its bracket read as a digit: 31.5%12조.
    assert [t for _, t in _doubts("비중 31.5%12조 410억원, 4.1%0.350억원")] == ["12", "0.350"]
    assert _doubts("비중 31.5%(2조 410억원), 24.5% 증가") == []


def test_a_unit_far_from_its_number_is_doubtful() -> None:
    assert [t for _, t in _doubts("합계 9     조원")] == ["9     조원"]
    assert [t for _, t in _doubts("구분 3\n\n억원 계")] == ["3\n\n억원"]
    assert [t for _, t in _doubts("항목 6\n억\n비고")] == ["6\n억"]
    # A wrapped line of running text keeps its figure.
    assert _doubts("총 1,200\n억원을 투입") == []


def test_a_count_before_a_class_word_is_no_money() -> None:
    assert [t for _, t in _doubts("1억 UPH급 장비, 2억 타버급 설비")] == ["1억 UPH급", "2억 타버급"]
    assert [t for _, t in _doubts("3억 25가 개발")] == ["3억 25"]
    assert _doubts("100억원급 사업, 3억 5천만원") == []


def test_a_short_bare_number_in_an_ocr_table_is_dropped() -> None:
    # The column letters (A) and (B) read as 4 and 8, a garbled cell as 7: OCR lost the
    # table, so the unit of the caption above cannot make them figures.
    text = "(단위: 백만원)\n항목     2023년     2024년    증감\n"
    text += "계획     당초(4)    확정(8)\n7 구   떄\n"
    doc = gongmun.extract_text(text + "사업비 3,615 712", ocr_text=True)
    assert sorted(a.value_krw for a in doc.amounts) == [712_000_000, 3_615_000_000]
    doubts = [w.message for w in doc.warnings if w.code == "ocr_doubtful_figure"]
    assert len(doubts) == 3
    assert all("column letter" in m for m in doubts)
    # Clean text keeps them: a rule for OCR'd text only.
    clean = gongmun.extract_text(text)
    assert sorted(a.value_krw for a in clean.amounts) == [4_000_000, 7_000_000, 8_000_000]


def test_year_quotes_doubled_or_after_a_tilde_and_a_comma_month() -> None:
    assert _repaired("점검(~`'26.4월), 사업(~\"31)") == "점검(~'26.4월), 사업(~'31)"
    assert _repaired("시행(27,3월~)") == "시행('27,3월~)"
    doc = gongmun.extract_text("착수(~`'26.4월), 기간('27~\"31)", ocr_text=True)
    assert [(p.start, p.end) for p in doc.periods] == [
        (None, gongmun.TimePoint(year=2026, month=4)),
        (gongmun.TimePoint(year=2027), gongmun.TimePoint(year=2031)),
    ]


def test_a_half_year_mark_read_as_tieut_plus_is_the_second_half() -> None:
    assert _repaired("개정('26.ㅜ+), 시행(27.ㅜ+~)") == "개정('26.下), 시행('27.下~)"
    doc = gongmun.extract_text("시행(27.ㅜ+~)", ocr_text=True)
    assert [p.start for p in doc.periods] == [gongmun.TimePoint(year=2027, half=2)]


def test_a_half_year_mark_that_may_be_either_half_gives_no_period() -> None:
    # 上 and 下 both come out as "+": which half is unknown, so no period, and a warning.
    text = "점검(~'26.+), 공고('27. ~), 수립('27.下~)"
    assert [t for _, t in _period_doubts(text)] == ["'26.+", "'27. ~"]
    doc = gongmun.extract_text(text, ocr_text=True)
    assert [p.text for p in doc.periods] == ["'27.下~"]
    assert [w.code for w in doc.warnings].count("ocr_doubtful_period") == 2
    assert _period_doubts("수립('27.下~), 공고('27.3월~)") == []


def _period_doubts(text: str) -> list[tuple[str, str]]:
    return [(why, text[a:b]) for (a, b), why in doubtful_periods(text)]


def test_an_arrow_read_as_a_tilde_between_counts_is_no_period() -> None:
    assert _repaired("('22년 31개 ~ '23년 118개)") == "('22년 31개 → '23년 118개)"
    doc = gongmun.extract_text("과제 확대('22년 31개 ~ '23년 118개)", ocr_text=True)
    assert doc.periods == []
    assert _repaired("('22년 ~ '23년)") == "('22년 ~ '23년)"


def test_a_year_label_before_a_figure_gets_its_quote_back() -> None:
    assert (
        _repaired('규모: ("22)4,512억원 → ((23)5,108억원')
        == "규모: ('22)4,512억원 → ('23)5,108억원"
    )
    assert (
        _repaired("개발(26년 412억원), 구축(27년, 35.5억)")
        == "개발('26년 412억원), 구축('27년, 35.5억)"
    )
    assert _repaired("* 26년 9.5억원 투입\n사업규모 : 127년 1조 52억원") == (
        "* '26년 9.5억원 투입\n사업규모 : '27년 1조 52억원"
    )
    doc = gongmun.extract_text("개발(26년 412억원), 규모 ((23)5,108억원", ocr_text=True)
    assert [(a.value_krw, a.year) for a in doc.amounts] == [
        (41_200_000_000, 2026),
        (510_800_000_000, 2023),
    ]
    # Not a year: more than 39, no figure after it, or a count of years.
    for text in ("(45년 30억원)", "(26년 이상 경과)", "(23) 항목", "(10년간 50억원)"):
        assert repair_ocr(text) == [], text


def test_a_lone_dotted_group_among_comma_figures_is_a_thousands_group() -> None:
    # A row of integers (one written 1,806): 1.512 and 2.215 had their commas read as dots.
    row = "(예산, 억원) ['21] 1.512 ['22] 1.,734 ['23] 1,806 ['24] 2.215"
    assert _repaired(row) == "(예산, 억원) ['21] 1,512 ['22] 1,734 ['23] 1,806 ['24] 2,215"
    assert _doubts(row) == []
    # A doubled separator is a comma (a sibling as good as one written so).
    assert _repaired("['24] 1.910 ['25] 2,.685") == "['24] 1,910 ['25] 2,685"
    doc = gongmun.extract_text(row, ocr_text=True)
    assert sorted(a.value_krw for a in doc.amounts) == [
        151_200_000_000,
        173_400_000_000,
        180_600_000_000,
        221_500_000_000,
    ]
    # No comma figure beside it, a decimal in the row, or the sibling on another line:
    # the dot may be a decimal point, so the figure stays doubtful.
    for text, lone in (
        ("['24] 2.614 ['25] 2685", "2.614"),
        ("계 1.512 1,806 2.5", "1.512"),
        ("계 1.512\n1,806", "1.512"),
        ("비율 3.141 24.5%, 1,200", "3.141"),
    ):
        assert repair_ocr(text) == [], text
        assert [t for _, t in _doubts(text)] == [lone], text


def test_a_unit_statement_syllable_misread_is_the_unit() -> None:
    assert _repaired("(단위: 소원,%)") == "(단위: 조원,%)"
    assert _repaired("(단위 : 역원)  (단위:초원)") == "(단위 : 억원)  (단위:조원)"
    text = "(단위: 소원)\n구분 2024 2025\n자금 31.2 33.8"
    doc = gongmun.extract_text(text, ocr_text=True)
    assert [a.value_krw for a in doc.amounts] == [31_200_000_000_000, 33_800_000_000_000]
    # Outside a unit statement a word is a word.
    assert repair_ocr("소원 수리 12건, 초원 3곳") == []


def test_a_year_with_a_double_quote_or_no_bracket_after_a_figure() -> None:
    assert _repaired('지원("26년 45억원), 612억원("23) 투입') == (
        "지원('26년 45억원), 612억원('23) 투입"
    )
    assert _repaired("*“26년 8.5억원 투입") == "*'26년 8.5억원 투입"
    assert _repaired("3.412억원'23) 투입") == "3,412억원('23) 투입"
    assert _repaired("사업 12,310억원 (23)") == "사업 12,310억원 ('23)"
    doc = gongmun.extract_text('사업 12,310억원 (23), 지원("26년 45억원)', ocr_text=True)
    assert [(a.value_krw, a.year) for a in doc.amounts] == [
        (1_231_000_000_000, 2023),
        (4_500_000_000, 2026),
    ]
    # A quotation, a footnote or a count is no year.
    for text in ("“30년 전통”을", "사업 120억원 (3)", '("10년 이상)', "500억원 (8) 항목"):
        assert repair_ocr(text) == [], text


def test_a_bracketed_year_label_before_a_count_or_at_a_bullet() -> None:
    assert _repaired("(23년 12개 과제, 340억원)") == "('23년 12개 과제, 340억원)"
    assert _repaired("* (23년 지원) 41개 기업(1,120억원)") == "* ('23년 지원) 41개 기업(1,120억원)"
    doc = gongmun.extract_text("* (23년 지원) 41개 기업(1,120억원)", ocr_text=True)
    assert [(a.value_krw, a.year) for a in doc.amounts] == [(112_000_000_000, 2023)]
    # Counts of years and durations stay.
    for text in ("* (20년 이상) 기업", "(10년 3개월) 소요", "(23년 12개월간)", "- (15년 연속)"):
        assert repair_ocr(text) == [], text


def test_two_years_around_an_arrow() -> None:
    # ('23) 1,247억원 → ('24) 1,865억원 as OCR read it: quote and bracket in turn, a quote
    # lost before an arrow, the arrow's head read as a middle dot.
    assert _repaired('규모 : "(23)1,247억원 -> ("24)1,865억원') == (
        "규모 : '23)1,247억원 -> ('24)1,865억원"
    )
    assert _repaired("확대(24) 800 -> ('25) 1,100억원") == "확대('24) 800 -> ('25) 1,100억원"
    assert _repaired("확대('24) 800 -ㆍ('25) 1,100억원") == "확대('24) 800 ->('25) 1,100억원"
    doc = gongmun.extract_text("ㅇ 융자 확대('24) 800 -ㆍ('25) 1,100억원)", ocr_text=True)
    assert [(a.value_krw, a.year) for a in doc.amounts] == [
        (80_000_000_000, 2024),
        (110_000_000_000, 2025),
    ]
    # No year after the arrow, or no figure before it: nothing to settle.
    for text in ("(24) 800 -> 1,100억원", "(24) -> ('25)", "구분 -ㆍ 항목", "3 -ㆍ 4"):
        assert repair_ocr(text) == [], text


def test_a_year_that_lost_its_quote_before_a_doubled_one() -> None:
    # (23~`'27, …): the first year's quote lost, the second one's read twice.
    assert _repaired("개발사업(24~`'28, '25년 61억원)") == "개발사업('24~'28, '25년 61억원)"
    doc = gongmun.extract_text("개발사업(24~`'28, '25년 61억원)", ocr_text=True)
    assert [(p.start, p.end) for p in doc.periods] == [
        (gongmun.TimePoint(year=2024), gongmun.TimePoint(year=2028))
    ]


def test_a_bracket_after_a_percentage_read_as_zero() -> None:
    text = "기금이 98.2%041조 871억원), 특별회계는 1.8%0.509억원)"
    assert _repaired(text) == "기금이 98.2%(41조 871억원), 특별회계는 1.8%0.509억원)"
    # 0.509억 may be the figure with its bracket lost: still doubtful, as is a bracket read
    # as another digit (64.714억: 4,714억 or 64.714억?), or a 0 with no bracket closing.
    assert [t for _, t in _doubts(text)] == ["0.509"]
    assert [t for _, t in _doubts("비중 62.8%64.714억원)")] == ["64.714"]
    assert repair_ocr("비중 62.8%041조 871억원 등") == []
    doc = gongmun.extract_text(text, ocr_text=True)
    assert [a.value_krw for a in doc.amounts] == [41_087_100_000_000]


def test_a_space_after_a_bracket_figures_decimal_point_goes() -> None:
    assert (
        _repaired("주택기금(10. 1조원), 진흥기금(3. 5억원)")
        == "주택기금(10.1조원), 진흥기금(3.5억원)"
    )
    # Not in a bracket, or not a figure with its unit: a sentence may end on a number.
    for text in ("2024. 1조원 투자", "(10. 1개 과제)", "(10. 1조 2,000억원)", "(2025. 1조원)"):
        assert repair_ocr(text) == [], text


def test_a_closing_bracket_that_closes_nothing_before_a_unit_is_a_one() -> None:
    assert _repaired("기준으로 ]조원 이상, (]억원)") == "기준으로 1조원 이상, (1억원)"
    assert repair_ocr("[별표 1]조원 기준, [1]억원") == []


def test_a_figure_cut_by_other_text_between_its_lines_is_doubtful() -> None:
    # The right column's line was read across the left column's chart labels: 1조 and
    # 2,000억원 are the halves of 1조 2,000억원, which the lines between cut apart.
    text = "임대지원(4조 5,087억원), 시장지원(1조\n90 - 0 0 뽀    2.000억원) 등으로 축소"
    assert [t for _, t in _doubts(text)] == ["1조\n90 - 0 0 뽀    2.000억원"]
    doc = gongmun.extract_text(text, ocr_text=True)
    assert [a.text for a in doc.amounts] == ["4조 5,087억원"]
    assert sum("lines run together" in w.message for w in doc.warnings) == 2
    # Its rest right on the next line is a line wrap: one figure, not doubtful.
    assert _doubts("시장지원(1조\n2,000억원) 등으로") == []


def test_a_figure_cut_by_a_line_of_other_text_is_doubtful() -> None:
    # The rest opens a line after a line of another column's marks (and a blank line):
    # 2,000억원 alone would be a wrong value.
    text = "시장지원(1조\nㅣ 으\n\n2,000억원) 등으로 축소"
    assert [t for _, t in _doubts(text)] == ["1조\nㅣ 으\n\n2,000억원"]
    assert gongmun.extract_text(text, ocr_text=True).amounts == []
    # Blank lines only between the pieces: a wrap, read as one figure.
    assert _doubts("시장지원(1조\n\n2,000억원) 등으로") == []


def test_a_comma_read_as_an_opening_square_bracket() -> None:
    assert _repaired("총 1[286억원 투입") == "총 1,286억원 투입"
    doc = gongmun.extract_text("총 1[286억원 투입", ocr_text=True)
    assert [a.value_krw for a in doc.amounts] == [128_600_000_000]
    # Not before a unit (a code), or a closing bracket / bar (maybe a 1): left alone.
    assert _repaired("코드 6[911/ 0") == "코드 6[911/ 0"
    assert _repaired("총 1]286억원") == "총 1]286억원"


def test_a_year_quote_read_as_zero() -> None:
    assert _repaired("성과('24년 6개 → (025년 8개)") == "성과('24년 6개 → ('25년 8개)"
    assert _repaired("신규과제 발굴026년 132.66억원") == "신규과제 발굴'26년 132.66억원"
    doc = gongmun.extract_text("신규과제(026년 132.66억원)", ocr_text=True)
    assert [(a.text, a.year) for a in doc.amounts] == [("132.66억원", 2026)]
    assert _repaired("도입(024.12월~), 착수 025,2월~)") == "도입('24.12월~), 착수 '25,2월~)"
    # A zero after a digit or a decimal point is the number's own.
    assert _repaired("총 2025년, 0.025년") == "총 2025년, 0.025년"


def test_a_year_before_a_month_gets_its_quote_back() -> None:
    assert _repaired("운영 지속(25년 3월~)") == "운영 지속('25년 3월~)"
    assert _repaired('착수"25년 10월~12월') == "착수'25년 10월~12월"
    doc = gongmun.extract_text("운영 지속(25년 3월~)", ocr_text=True)
    assert [p.text for p in doc.periods] == ["'25년 3월~"]
    # Years and months of a span are 개월: no date, no quote.
    assert _repaired("(10년 3개월)") == "(10년 3개월)"


def test_a_bracket_figure_ending_its_line_keeps_the_sentences_year() -> None:
    text = (
        "90222   거는   00 0    - (부처별) 2022년 기준으로 1조원 이상의 순융자를 가진 부처는 "
        "국토교통부(10.1조원), 중소벤처기업부(2.9조\n0          |        원)가 있음"
    )
    doc = gongmun.extract_text(text, ocr_text=True)
    assert [(a.text, a.year) for a in doc.amounts][1:] == [("10.1조원", 2022), ("2.9조", 2022)]


def test_a_decrease_mark_read_as_a_jamo() -> None:
    # △ comes out as ㅅ (or ^ㅅ) before its figure; a jamo never opens a number.
    assert _repaired("증감 ^ㅅ315,400 ㅅ12,000") == "증감 △315,400 △12,000"
    text = "(단위: 백만원)\n구분 2023년 2024년 증감\n사업비 2,230,000 1,914,600 ^ㅅ315,400"
    doc = gongmun.extract_text(text, ocr_text=True)
    assert -315_400_000_000 in [a.value_krw for a in doc.amounts]
    for text in ("ㅅ 3", "사ㅅ3", "ㅅ가 3"):
        assert repair_ocr(text) == [], text


def test_a_decrease_mark_read_as_a_caret() -> None:
    # △ read as ^ before a comma-grouped figure (its comma maybe read as ``,.``).
    assert _repaired("증감 ^222,200 ^1,.250,000") == "증감 △222,200 △1,250,000"
    text = "(단위: 백만원)\n구분 2023년 2024년 증감\n사업비 2,230,000 2,007,800 ^222,200"
    doc = gongmun.extract_text(text, ocr_text=True)
    assert -222_200_000_000 in [a.value_krw for a in doc.amounts]
    # An exponent follows a digit or a letter; a caret before a bare or decimal number
    # is left as it is.
    for text in ("10^3,000", "x^2,000", "^3", "^1.5"):
        assert repair_ocr(text) == [], text


def test_a_change_header_read_as_jung_gam() -> None:
    assert _repaired("구분 2024 중감 (B-A) 3") == "구분 2024 증감 (B-A) 3"
    assert _repaired("중감률 3.5") == "증감률 3.5"
    # Inside a word (집중감시) or before other syllables 중감 stays.
    for text in ("집중감시 3건", "중감위원회 3인"):
        assert repair_ocr(text) == [], text


def test_an_open_period_whose_year_quote_was_read_as_a_double_quote() -> None:
    assert _repaired('ㅇ 사업기간 : "98년~ 계속') == "ㅇ 사업기간 : '98년~ 계속"
    assert _repaired("(98년~현재)") == "('98년~현재)"
    doc = gongmun.extract_text('ㅇ 사업기간 : "98년~ 계속', ocr_text=True)
    assert [(p.start.year if p.start else None) for p in doc.periods] == [1998]


def test_r_and_d_read_as_digits_and_marks_is_r_and_d() -> None:
    for garbled in ("기술개발(6&0)", "기술개발(8&0)", "기술개발(『&0)", "기술개발(&0)"):
        assert _repaired(garbled) == "기술개발(R&D)"
    assert _repaired("패키지형8&0(소재)") == "패키지형R&D(소재)"
    assert set(repair_classes("육성지원(8&0)")) == {"acronyms"}
    # A number run around the & is no acronym; & between words stays.
    for kept in ("15546&0000", "56&0", "영화&공연", "R&D 사업"):
        assert repair_ocr(kept) == []


def test_two_columns_read_across_into_one_line_are_parted() -> None:
    # A figure caption of the left column and a sentence of the right one, read across:
    # the caption's year is not the sentence's figure's year.
    left = "<그림3> 2024년 부처별 지원 규모 추이"
    right = "- 사업별로 보면 주택 지원 융자가 12조 3,400억원으로 가장 크고"
    text = left + " " * 20 + right + "\n- 다음으로 창업 지원 사업이 큼"
    assert _repaired(text) == left + "\n" + " " * 19 + right + "\n- 다음으로 창업 지원 사업이 큼"
    assert [a.year for a in gongmun.extract_text(text, ocr_text=True).amounts] == [None]
    assert [a.year for a in gongmun.extract_text(text).amounts] == [2024]
    # A caption whose spaces OCR lost is one long word, still not a cell.
    glued = "<그림3>2024년부처별지원규모추이와전망" + " " * 20 + right
    assert _repaired(glued).split("\n")[0] == "<그림3>2024년부처별지원규모추이와전망"
    # Table cells (figures, short labels) and a word gap stay on their line.
    for row in (
        "기금                31.2               33.8            35.6",
        "구분          지원 대상          지원 금액",
        "중소기업창업및진흥기금           소상공인시장진흥기금",
        "사업 개요 및 추진 배경 설명 2024년 예산 규모와 집행 실적",
    ):
        assert repair_ocr(row) == [], row


def test_lines_around_two_columns_read_across_are_not_joined_back() -> None:
    # The right column's sentence runs over two rows; the left column's title stands
    # between its halves, and a garbled mark above (an unclosed 『) is evidence the joiner
    # would take to join all of them: the title's year would frame the right column's
    # figure.
    garbled = "터15 1554『0005 오오으느느폰논논오느느보노보오오노오으으"
    right1 = "(부처별) 소관부처별 지원사업의 규모는 앞서 본 바와 같이 주택기금을 재원으로"
    left = "2023년도 예산안 재정지원사업 현황"
    right2 = "지원사업을 수행하는 국토부의 지원 규모가 12조 3,400억원으로 가장 큼"
    text = f"{garbled}{' ' * 30}{right1}\n{left}{' ' * 30}{right2}\n- 다음으로 창업 지원이 큼\n"
    norm = gongmun.normalize(text, ocr=True)
    assert f"{left}\n" in norm.text
    assert f"\n{right2}\n" in norm.text
    assert [a.year for a in gongmun.extract_text(text, ocr_text=True).amounts] == [None]
    # Text not marked as OCR joins as before.
    assert f"{left}\n" not in gongmun.normalize(text).text
    # Lines around a line read whole (no column gap) still join.
    plain = "ㅇ 지원사업을 수행하는 국토부의 지원 규모가 가장 크고 앞서 본 바와 같이 기금을"
    plain += "\n재원으로 함"
    assert "\n" not in gongmun.normalize(plain, ocr=True).text


def test_a_bibliography_that_lost_its_heading_gives_no_periods() -> None:
    body = "ㅇ 사업기간: '26~'30\n\n"
    refs = "행정부. (2024). 2024~2028년 재정계획.\n. (2023). 「2023~2027년 계획」.\n"
    refs += "감사원. (2019). 실태 보고서.\n"
    doc = gongmun.extract_text(body + refs, ocr_text=True)
    assert [p.text for p in doc.periods] == ["'26~'30"]
    # Two citations are no bibliography yet.
    two = gongmun.extract_text(
        body + "행정부. (2024). 2024~2028년 재정계획.\n감사원. (2019). 보고서."
    )
    assert len(two.periods) == 2
    # A body line joined to a citation is no citation.
    joined = gongmun.extract_text("ㅇ 사업기간: '26~'30\n" + refs)
    assert "'26~'30" in [p.text for p in joined.periods]


def test_the_seeds_give_the_same_records_with_the_repairs_on() -> None:
    # Clean text layers have no OCR marks to repair and no figure a doubt would drop.
    for seed in sorted(SEEDS.glob("*.txt")):
        raw = read_path(seed)
        assert repair_ocr(raw.text) == [], seed.name
        plain = extract_raw(raw).model_dump_json()
        assert extract_raw(raw, ocr_text=True).model_dump_json() == plain, seed.name


def test_a_doubtful_figure_gives_a_warning_and_no_amount() -> None:
    doc = gongmun.extract_text("해수부 41862억원, 중기부 2.729억원 등", ocr_text=True)
    assert [(a.text, a.value_krw) for a in doc.amounts] == [("2,729억원", 272_900_000_000)]
    [warning] = [w for w in doc.warnings if w.code == "ocr_doubtful_figure"]
    assert "41862억원" in warning.message
    assert warning.span is not None


def test_clean_text_is_read_as_before_without_the_flag() -> None:
    doc = gongmun.extract_text("중기부 2.729억원")
    assert [a.value_krw for a in doc.amounts] == [272_900_000]


def test_repairs_apply_only_inside_ocr_ranges() -> None:
    raw = "총 4.512억원\n\n총 4.512억원"
    norm = gongmun.normalize(raw, ocr=[(10, len(raw))])
    assert norm.text == "총 4.512억원\n\n총 4,512억원"
    assert "repair_ocr" in [s.name for s in norm.steps]


# Clean typography: what a text layer gives. None of it is an OCR mark.
CLEAN_TOKENS = st.sampled_from(
    [
        "3,099억원",
        "3,497.3억",
        "1조 3,099억원",
        "'25~'29",
        "('24.10월~)",
        "3월",
        "24.5%",
        "(24.5)",
        "2025. 4. 9.(수)",
        "총 600억원",
        "과제당 110억원/年",
        "2028년까지 4년간",
        "□ 개요",
        "ㅇ 지원",
        "- 세부",
        "월 30만원",
        "제66조",
        "법 제12조 제2항",
        "62.8%(4조 714억원)",
        "100억원급",
        "1조 2,000억원",
        "('25.下~)",
        "(~'25.上)",
        "('27,3월~)",
        "31개 → '23년",
        "('22)4,512억원",
        "('26년 412억원)",
        "(10년간 50억원)",
        "02-2110-5000",
        "집중감시",
        "10^3,000",
        "'98년~ 계속",
        "1,615",
        "2,300,000",
        "△222,200",
        "51.7억원",
        "사업",
        "추진",
        "(단위: 조원)",
        "1,615 2.5",
        "* ('24년 지원)",
        "(10년 3개월)",
        "2,776억원('24)",
        "(20년 이상)",
        "소원",
        "('24) 900 → ('25) 1,200억원",
        "구분 - 항목",
        "('25년 3월~)",
        "시장지원(1조\n\n2,000억원)",
        "0.025년",
        # A [ that stands before no unit. Not ending in a lone digit: "0" + " 100억원"
        # would be a figure split by a space, which OCR'd text marks doubtful.
        "6[911/",
        "R&D",
        "영화&공연",
    ]
)
CLEAN = st.lists(CLEAN_TOKENS, max_size=12).flatmap(
    lambda toks: st.lists(
        st.sampled_from([" ", "\n", ", "]), min_size=len(toks), max_size=len(toks)
    ).map(lambda seps: "".join(t + s for t, s in zip(toks, seps, strict=True)))
)
# Noisy text: clean tokens mixed with what OCR makes of them.
NOISY_TOKENS = st.one_of(
    CLEAN_TOKENS,
    st.sampled_from(
        [
            "3.099억원",
            "7O0억원",
            "110익원",
            "2억윈",
            "1초 2,450억원",
            "(24.10월~)",
            '"25.4월',
            "((25~'29)",
            "'25-'29",
            "ㅁ 개요",
            "o 지원",
            "41862억원",
            "3, 099억원",
            "1.,910",
            "166조, 제67조",
            "62.8%64조",
            "7    조원",
            "1억 40가급",
            "(~`'25.3월)",
            '(~"30)',
            "(25.ㅜ+~)",
            "('25.+ ~)",
            "(27,3월~)",
            "31개 ~ '23년",
            '("22)4,512억원',
            "(26년 412억원)",
            ": 127년 1조 52억원",
            "['22] 1.615 ['23] 1,910",
            "(단위: 소원)",
            '("25년 40억원)',
            "2,776억원'24)",
            "1,410억원 (24)",
            "(24년 11개 과제, 330억원)",
            "* (24년 지원)",
            '"(23)1,247억원 -> ("24)1,865억원',
            "(24) 900 -> ('25) 1,200억원",
            "('24) 900 -ㆍ('25) 1,200억원",
            "(23~`'27, '25년 70억원)",
            "^ㅅ222,200",
            "^222,.200",
            "중감 (B-A)",
            '사업기간 : "98년~ 계속',
            "주택기금(10. 1조원)",
            "기금이 98.2%041조 871억원)",
            "기준 ]조원 이상",
            "시장지원(1조\n90 - 0 뽀   2.000억원)",
            "ㅅ9.96",
            "<그림3> 2024년 부처별 지원 규모          - 사업별로 보면 주택 지원 융자가 크고",
            "시장지원(1조\nㅣ 으\n\n2,000억원)",
            "총 1[286억원",
            "(025년 8개)",
            "발굴026년 132.66억원",
            "지속(25년 3월~)",
            "기술개발(6&0)",
            "패키지형8&0(소재",
            "(&0",
        ]
    ),
)
NOISY = st.lists(
    st.tuples(NOISY_TOKENS, st.sampled_from([" ", "\n", ", ", "\n\n"])), max_size=12
).map(lambda parts: "".join(t + s for t, s in parts))


@settings(max_examples=200, deadline=None)
@given(CLEAN)
def test_text_without_ocr_marks_is_never_touched(text: str) -> None:
    assert ocr_marks(text) == []
    assert repair_ocr(text) == []


@settings(max_examples=200, deadline=None)
@given(NOISY)
def test_repair_is_idempotent(text: str) -> None:
    once = _repaired(text)
    assert repair_ocr(once) == []


@settings(max_examples=200, deadline=None)
@given(NOISY)
def test_every_edit_sits_at_an_ocr_mark_and_offsets_stay_exact(text: str) -> None:
    marks = ocr_marks(text)
    edits = repair_ocr(text)
    for e in edits:
        assert any(a <= e.start and e.end <= b for a, b in marks)
    new, offsets = apply_edits(text, edits)
    # Every character the repair did not touch maps back to itself; an inserted quote maps
    # to the empty place where it went.
    changed = [(e.start, e.end) for e in edits]
    for i in range(len(new)):
        src = offsets.to_source(i, i + 1)
        assert src is not None
        if not any(a <= src[0] < b for a, b in changed):
            assert text[src[0] : src[1]] in (new[i], "")


@settings(max_examples=100, deadline=None)
@given(CLEAN)
def test_clean_text_normalizes_alike_marked_as_ocr_or_not(text: str) -> None:
    marked, plain = gongmun.normalize(text, ocr=True), gongmun.normalize(text)
    assert marked.text == plain.text
    assert marked.offsets.segments == plain.offsets.segments


# Lines of two-column pages as OCR reads them: some across both columns (a wide gap), some
# left open (a particle, an unclosed 『) so that the joiner would join them.
_GAP = " " * 12
COLUMN_LINES = st.lists(
    st.sampled_from(
        [
            f"2023년도 예산안 재정지원사업 현황{_GAP}지원사업을 수행하는 국토부의 지원 규모가",
            f"터15 1554『0005 오오으느느폰논논오느느{_GAP}소관부처별 지원사업의 규모는 기금을",
            f"<그림3> 2024년 부처별 지원 규모 추이{_GAP}- 사업별로 보면 주택 지원 융자가 크고",
            "앞서 본 바와 같이 주택기금을 재원으로",
            "12조 3,400억원으로 가장 큼",
            "『 잡음으로 남은 괄호가 열린 줄의",
            "- 다음으로 창업 지원이 큼",
            "",
        ]
    ),
    max_size=8,
).map("\n".join)


@settings(max_examples=100, deadline=None)
@given(st.one_of(NOISY, COLUMN_LINES))
def test_the_breaks_around_columns_read_across_survive_normalization(text: str) -> None:
    norm = gongmun.normalize(text, ocr=True)
    for p in column_breaks(text):
        q = norm.offsets.start_from_source(p)
        if q is not None and q < len(norm.text):
            assert norm.text[q] == "\n", (text, p)


def test_a_bracketed_year_at_a_columns_edge_is_judged_alike_with_its_quote() -> None:
    # (24) ending the right column is a figure-like edge; once its quote is back, ('24)
    # must be one too, or the second pass would part the columns the first one kept.
    caption = "<그림3> 2024년 부처별 지원 규모"
    text = caption + "          - 사업별로 보면 주택 지원 융자가 크고 1,410억원 (24) "
    once = _repaired(text)
    assert "('24)" in once
    assert "\n" not in once
    assert repair_ocr(once) == []


def test_a_column_break_ends_the_row_a_dotted_group_is_judged_in() -> None:
    # The prose column to the right holds a decimal ('24.10월); once the wide gap becomes a
    # line break it is no longer in the figure's row, so it must not count before either.
    row = "['21] 2.340 ['22] 3,105"
    prose = "          - 부처별로 보면 청년 창업 지원이 크고 ('24.10월~)"
    text = row + " <그림2> 2023년 분야별 투자 규모" + prose
    once = _repaired(text)
    assert once.startswith("['21] 2,340 ['22] 3,105")
    assert "규모\n" in once
    assert repair_ocr(once) == []
