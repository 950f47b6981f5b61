"""A labelled row with fewer figures than its table's header has year columns stands in
no known column (OCR read the columns apart), unless the next line goes on with it."""

from gongmun.pipeline import extract_text

_HEAD = "<표 3> 부문별 지원 규모\n(단위: 억원)\n구분 2024년 예산 2025년 예산 증감\n"


def _years(text: str) -> dict[str, int | None]:
    return {a.text: a.year for a in extract_text(text).amounts}


def test_a_short_row_takes_no_column_year() -> None:
    years = _years(_HEAD + "가나사업 120 140 20\n다라사업 75\n마바사업 33\n")
    assert years["120"] == 2024
    assert years["140"] == 2025
    assert years["75"] is None
    assert years["33"] is None


def test_a_row_wrapped_over_lines_keeps_its_years() -> None:
    years = _years(_HEAD + "가나사업 120 140 20\n다라사업 75\n95 20\n")
    assert years["75"] == 2024
    assert years["95"] == 2025


def test_a_full_row_after_a_short_one_keeps_its_years() -> None:
    years = _years(_HEAD + "다라사업 75\n가나사업 120 140 20\n")
    assert years["75"] is None
    assert years["120"] == 2024
    assert years["140"] == 2025


def test_a_short_row_under_a_money_and_share_unit_is_no_amount() -> None:
    # Under (단위: 조원, %p) a lone figure in no known column may be the %p change.
    head = "<표 2> 분야별 융자 규모\n(단위: 조원, %p)\n분야 2022년 예산 2023년 예산 증감폭\n"
    years = _years(head + "사회복지 28.90 26.90 2.00\n농림수산 0.25\n환경 0.15\n")
    assert years["28.90"] == 2022
    assert "0.25" not in years
    assert "0.15" not in years
    # Under a money unit alone the figure is money still, of no known year.
    assert _years(_HEAD + "가나사업 120 140 20\n다라사업 75\n")["75"] is None


def test_a_share_point_read_as_zero_in_a_unit_statement_is_repaired() -> None:
    from gongmun.normalize import normalize

    assert normalize("(단위:조원 %0)\n증가율 5%0)", ocr=True).text == "(단위:조원 %p)\n증가율 5%0)"
    assert normalize("(단위:조원 %0)", ocr=False).text == "(단위:조원 %0)"
