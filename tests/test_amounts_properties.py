"""Properties every extraction holds on any text: no exceptions, honest spans."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.extractors.amount_units import Hit, overlaps, untaken
from gongmun.extractors.amounts import find_amounts
from gongmun.extractors.context import Context
from gongmun.extractors.periods import find_periods
from gongmun.normalize import normalize

# Text built from the pieces the extractors look at, so the search space hits them often.
PIECES = st.sampled_from(
    [
        "1",
        "25",
        "3,099",
        "0.3",
        "△",
        "▽",
        "조",
        "억",
        "만",
        "천",
        "백",
        "원",
        " ",
        "  ",
        "\n",
        "\n\n",
        "'",
        "‘",
        "’",
        "`",
        "~",
        "∼",
        "～",
        "년",
        "월",
        "上",
        "下",
        "상반기",
        "까지",
        "부터",
        "이후",
        "(",
        ")",
        "[",
        "]",
        "→",
        "/",
        "年",
        "센터",
        "당",
        "총",
        "약",
        "규모",
        "이상",
        "(단위: 억원)",
        "(예산규모, 억원)",
        "단위",
        "%",
        "개",
        "명",
        "제",
        ",",
        ".",
        ":",
        "\u0007",
        "\u200b",
        "2025",
        "1989",
        "ㅇ",
        "□",
        "<표 1>",
        "<그림 2>",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=200))
_DIGITS = regex.compile(r"\d")


def _check(raw: str) -> None:
    ctx = Context(norm=normalize(raw))
    records = [*find_amounts(ctx), *find_periods(ctx)]
    for rec in records:
        assert ctx.text[rec.span.start : rec.span.end] == rec.text
        if rec.raw_span is not None:
            shown = raw[rec.raw_span.start : rec.raw_span.end]
            assert _DIGITS.findall(shown) == _DIGITS.findall(rec.text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_never_raises_and_spans_show_their_text(raw: str) -> None:
    _check(raw)


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.integers(1900, 2100))
def test_any_document_year_is_fine(raw: str, year: int) -> None:
    ctx = Context(norm=normalize(raw), doc_year=year)
    for a in find_amounts(ctx):
        assert (a.value_krw < 0) == a.decrease
    find_periods(ctx)


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(hits=_SPANS, taken=_SPANS)
def test_untaken_keeps_exactly_the_hits_overlapping_nothing(
    hits: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> None:
    def mk(spans: list[tuple[int, int]]) -> list[Hit]:
        return [Hit(a, b, 1, False, True) for a, b in spans]

    want = [h for h in mk(hits) if not overlaps(h, mk(taken))]
    assert untaken(mk(hits), mk(taken)) == want
