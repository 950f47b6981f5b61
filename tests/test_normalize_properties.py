"""Properties of ``normalize`` on any text: never raises, idempotent, exact offsets,
no Hangul syllable or digit invented or lost outside what it reports as dropped."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.normalize import Normalized, normalize
from gongmun.normalize.steps import compose_nfc
from gongmun.offsets import Edit

# Pieces of Korean government text, mixed with the characters the steps rewrite.
FRAGMENTS = (
    "ㅇ ",
    "□ ",
    "* ",
    "※ ",
    "- ",
    "· ",
    "① ",
    "➊",
    "1. ",
    "가. ",
    "(1) ",
    "Ÿ ",
    "v ",
    "산업",
    "기술",
    "지원",
    "구축",
    "예정",
    "으로",
    "을",
    "를",
    "및",
    "의",
    "다.",
    "함",
    "600억원",
    "1조 3,099억원",
    "34억 원",
    "'25~'29",
    "‘25∼’29",
    "２０２５",
    "ＡＩ",
    "「소부장",
    "」",
    "(",
    ")",
    "·",
    "ㆍ",
    "‧",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "- 3 -",
    "\u200b",
    "\u00a0",
    "\u3000",
    "\u1112\u1161\u11ab",
    "구름많음서울 26.9℃",
    "기상청 제공",
    "페이스북",
    "더보기",
    "Copyright ⓒ",
    "밝혔다.",
    "a",
    "1",
    "%",
)
korean_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
any_text = st.one_of(korean_text, st.text(max_size=200))
SETTINGS = settings(max_examples=150, deadline=None)


def key(text: str) -> list[str]:
    """Hangul syllables and decimal digits (as ASCII) of ``text``, in order."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if "\uac00" <= c <= "\ud7a3":
            out.append(c)
        elif c.isdecimal():
            out.append(str(unicodedata.decimal(c)))
    return out


def kept_raw(norm: Normalized, start: int, end: int) -> str:
    """``raw[start:end]`` without the parts reported as dropped."""
    parts = []
    pos = start
    for d in sorted(norm.dropped, key=lambda d: d.raw_start):
        if d.raw_end <= pos or d.raw_start >= end:
            continue
        parts.append(norm.raw[pos : max(pos, d.raw_start)])
        pos = max(pos, d.raw_end)
    parts.append(norm.raw[pos:end])
    return "".join(parts)


@SETTINGS
@given(any_text)
def test_never_raises_and_is_idempotent(raw: str) -> None:
    once = normalize(raw).text
    assert normalize(once).text == once


@SETTINGS
@given(any_text)
def test_offsets_are_monotone_and_in_bounds(raw: str) -> None:
    norm = normalize(raw)
    last = 0
    for pos in range(len(norm.text) + 1):
        src = norm.offsets.start_to_source(pos)
        if src is None:
            continue
        assert 0 <= src <= len(raw)
        assert src >= last
        last = src
    assert norm.raw_span(0, len(norm.text)) is not None or not norm.text


@SETTINGS
@given(any_text)
def test_no_hangul_or_digit_invented_or_lost(raw: str) -> None:
    norm = normalize(raw)
    assert key(norm.text) == key(kept_raw(norm, 0, len(raw)))


@SETTINGS
@given(korean_text, st.data())
def test_every_mapped_span_holds_the_same_hangul_and_digits(raw: str, data: st.DataObject) -> None:
    norm = normalize(raw)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    span = norm.raw_span(start, end)
    if span is None:
        return
    assert 0 <= span[0] <= span[1] <= len(raw)
    assert key(norm.text[start:end]) == key(kept_raw(norm, *span))


@SETTINGS
@given(korean_text)
def test_blocks_index_the_normalized_text(raw: str) -> None:
    norm = normalize(raw)
    from gongmun.normalize import iter_blocks

    for block in iter_blocks(norm.blocks):
        assert 0 <= block.start <= block.end <= len(norm.text)
        assert norm.text[block.start : block.end].endswith(block.text)


def test_a_space_before_conjoining_jamo_stays_out_of_the_composing_edit() -> None:
    # "ㅇ  ᄒ ᅡ ᆫ": composing the jamo leaves the space before them as it was, so the span
    # of the text before the syllable maps to raw text without the jamo (hypothesis found
    # the span (0, 6) of the text below mapped over them).
    raw = "\u3147 \u3147 \u3147  \u1112\u1161\u11ab"
    assert compose_nfc(" \u1112\u1161\u11ab") == [Edit(1, 4, "한")]
    norm = normalize(raw)
    assert norm.text == "ㅇ ㅇ ㅇ 한"
    span = norm.raw_span(0, 6)
    assert span is not None
    assert "\u1112" not in raw[span[0] : span[1]]
