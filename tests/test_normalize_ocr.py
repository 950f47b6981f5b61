"""OCR repairs: each class on synthetic strings, and the properties every repair keeps."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import gongmun
from gongmun.normalize.ocr import doubtful_figures, ocr_marks, repair_classes, repair_ocr
from gongmun.offsets import apply_edits
from gongmun.pipeline import extract_raw
from gongmun.readers import read_path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _repaired(text: str) -> str:
    return apply_edits(text, repair_ocr(text))[0]


def test_each_class_is_named() -> None:
    text = "ㅁ 사업비 4.512억원, 7O0억원, 35익원, 사업('26-'30), 계획(23.11월~)"
    assert set(repair_classes(text)) == {
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
    text = "해수부 41862억원, 과기부 55.318억원, 중기부 7, 204억원, 국토부 3[517억원, ['24] 2.614"
    spans = [text[a:b] for (a, b), _ in doubtful_figures(text)]
    assert spans == ["41862", "55.318", "7, 204", "3[517", "2.614"]
    assert _repaired(text) == text


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
        "02-2110-5000",
        "1,615",
        "2,300,000",
        "△222,200",
        "51.7억원",
        "사업",
        "추진",
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
