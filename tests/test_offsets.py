from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.offsets import Edit, OffsetMap, Segment, apply_edits


def test_deletion_maps_spans_around_it() -> None:
    text, m = apply_edits("우리\n나라", [Edit(2, 3, "")])
    assert text == "우리나라"
    assert m.to_source(0, 4) == (0, 5)
    assert m.to_source(0, 2) == (0, 2)
    assert m.to_source(2, 4) == (3, 5)


def test_span_inside_a_rewrite_has_no_source() -> None:
    text, m = apply_edits("abcXYZdef", [Edit(3, 6, "Q")])
    assert text == "abcQdef"
    assert m.to_source(3, 4) == (3, 6)
    _, m2 = apply_edits("ab", [Edit(0, 2, "xyz")])
    assert m2.to_source(1, 2) is None
    assert m2.to_source(0, 3) == (0, 2)


def test_aligned_fold_maps_inside() -> None:
    text, m = apply_edits("'25∼'29", [Edit(3, 4, "~")])
    assert text == "'25~'29"
    assert m.to_source(3, 7) == (3, 7)


def test_composition_agrees_with_steps() -> None:
    raw = "가  나\n다"
    t1, m1 = apply_edits(raw, [Edit(1, 3, " ")])
    t2, m2 = apply_edits(t1, [Edit(3, 4, "")])
    assert t2 == "가 나다"
    both = m1.then(m2)
    assert both.to_source(2, 4) == (3, 6)
    assert raw[3:6] == "나\n다"


def test_identity() -> None:
    assert OffsetMap.identity(3).to_source(0, 3) == (0, 3)


# The plain algorithm apply_edits replaced: one piece per kept stretch and per edit, then
# neighbours merged and empty pieces left out.
def _plain_pieces(text: str, edits: list[Edit]) -> list[tuple[int, int, int, int, bool]]:
    pieces: list[tuple[int, int, int, int, bool]] = []
    src = out = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start > src:
            pieces.append((out, out + e.start - src, src, e.start, True))
            out += e.start - src
        pieces.append((out, out + len(e.new), e.start, e.end, e.aligned))
        out += len(e.new)
        src = e.end
    if src < len(text):
        pieces.append((out, out + len(text) - src, src, len(text), True))
    merged: list[tuple[int, int, int, int, bool]] = []
    for p in pieces:
        last = merged[-1] if merged else None
        if last and last[1] == p[0] and last[4] and p[4] and last[3] == p[2]:
            merged[-1] = (last[0], p[1], last[2], p[3], True)
        elif last and not last[4] and not p[4] and last[1] == p[0] and last[2:4] == p[2:4]:
            merged[-1] = (last[0], p[1], last[2], last[3], False)
        else:
            merged.append(p)
    return [p for p in merged if p[1] > p[0]]


def _plain_text(text: str, edits: list[Edit]) -> str:
    out, src = "", 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out, src = out + text[src : e.start] + e.new, e.end
    return out + text[src:]


@st.composite
def _text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(alphabet="가나 \n~∼", max_size=12))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        new = draw(st.sampled_from(["", " ", "~", "xy", "a" * (b - a)]))
        edits.append(Edit(a, b, new))
    return text, edits


@settings(max_examples=300, deadline=None)
@given(_text_and_edits())
def test_apply_edits_builds_the_pieces_of_the_plain_algorithm(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    new, m = apply_edits(text, edits)
    assert [(g.n0, g.n1, g.r0, g.r1, g.linear) for g in m.segments] == _plain_pieces(text, edits)
    assert new == _plain_text(text, edits)
    # Composing after the identity (taken as a shortcut) gives what the general
    # composition gives after an identity cut in two pieces.
    n, k = len(text), len(text) // 2
    halves = OffsetMap([Segment(0, k, 0, k, True), Segment(k, n, k, n, True)], n, n)
    assert OffsetMap.identity(n).then(m).segments == halves.then(m).segments
