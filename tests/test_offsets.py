from gongmun.offsets import Edit, OffsetMap, apply_edits


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
