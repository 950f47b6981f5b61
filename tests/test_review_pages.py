"""Review pages without a browser: one element per record with its exact text, however
records nest or cross; escaping; sheets of a long document; project ↔ figure links."""

from __future__ import annotations

import html
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from gongmun.models import Amount, Document, Period, Project, Source, Span, TimePoint
from gongmun.review.highlight import Mark, plan, render, sheet_bounds
from gongmun.review.page import document_sheets
from gongmun.review.values import won_words
from tests.review_support import Element, parse, records_in

SHA = "0" * 64


def _open(m: Mark, echo: bool) -> str:
    cls = "echo" if echo else "r"
    return f'<mark class="{cls}" data-kind="{m.kind}" data-index="{m.index}">'


def _visible(root: Element) -> str:
    """The text a reader sees in flow: everything but echo elements."""
    out = []
    for c in root.children:
        if isinstance(c, str):
            out.append(c)
        elif c.attrs.get("class") != "echo":
            out.append(_visible(c))
    return "".join(out)


def _check(text: str, marks: list[Mark]) -> Element:
    lay = plan(text, marks)
    root = parse(render(text, (0, len(text)), lay, _open))
    found = {(e.attrs["data-kind"], int(e.attrs["data-index"])): e for e in records_in(root)}
    assert len(found) == len(records_in(root)) == len(marks), "one element per record"
    for m in marks:
        assert found[(m.kind, m.index)].text() == m.text
    assert _visible(root) == text
    return root


def test_nested_records_each_have_their_own_element() -> None:
    text = "「스마트 물관리('25~'27) 사업」에 총 90억원"
    project = Mark("project", 0, 1, text.index("」"), text[1 : text.index("」")])
    period = Mark("period", 0, text.index("'25"), text.index("'25") + 7, "'25~'27")
    start = text.index("90")
    amount = Mark("amount", 0, start, start + 5, "90억원")
    root = _check(text, [amount, period, project])
    marks = records_in(root)
    assert [m.attrs["data-kind"] for m in marks] == ["project", "period", "amount"]
    assert period.text in marks[0].text()  # the period is inside the project's element


def test_records_on_the_same_span_nest_project_outermost() -> None:
    text = "총 600억원"
    root = _check(text, [Mark("amount", 0, 2, 7, "600억원"), Mark("project", 0, 2, 7, "600억원")])
    outer = records_in(root)[0]
    assert outer.attrs["data-kind"] == "project"
    assert records_in(outer)[1].attrs["data-kind"] == "amount"


def test_crossing_records_both_shown_once_with_their_text() -> None:
    text = "가나다라마바사아자차"
    marks = [Mark("project", 0, 0, 5, text[0:5]), Mark("period", 0, 3, 8, text[3:8])]
    root = _check(text, marks)
    echo = next(e for e in records_in(root) if e.attrs["class"] == "echo")
    assert echo.attrs["data-kind"] == "period"


def test_a_record_whose_span_does_not_show_its_text_is_shown_beside() -> None:
    text = "사업명 : 해양 드론 기술 개발"
    _check(text, [Mark("project", 0, 6, 10, "해양드론"), Mark("amount", 0, 40, 45, "5억원")])


@st.composite
def _marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet="가나<>&\"'\n 1억", min_size=1, max_size=40))
    n = len(text)
    marks = []
    counts = {"amount": 0, "period": 0, "project": 0}
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["amount", "period", "project"]))
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(a + 1, n))
        shown = text[a:b] if draw(st.booleans()) or kind != "project" else "다른 이름"
        marks.append(Mark(kind, counts[kind], a, b, shown))
        counts[kind] += 1
    return text, marks


@settings(max_examples=150, deadline=None)
@given(_marks())
def test_any_records_give_one_element_each_and_the_text_unchanged(case: tuple) -> None:  # type: ignore[type-arg]
    text, marks = case
    _check(text, marks)


@settings(max_examples=100, deadline=None)
@given(_marks(), st.integers(1, 12))
def test_sheets_cut_between_records_and_cover_the_text(case: tuple, size: int) -> None:  # type: ignore[type-arg]
    text, marks = case
    lay = plan(text, marks)
    bounds = sheet_bounds(text, lay.placed, size)
    assert bounds[0][0] == 0
    assert bounds[-1][1] == len(text)
    assert all(a < b for a, b in bounds) or text == ""
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(bounds))
    pieces = [render(text, bd, lay, _open) for bd in bounds]
    root = parse("".join(f"<div>{p}</div>" for p in pieces))
    assert sorted(
        (e.attrs["data-kind"], e.attrs["data-index"]) for e in records_in(root)
    ) == sorted((m.kind, str(m.index)) for m in marks)
    for m in lay.placed:  # no record in place is cut by a sheet
        assert not any(m.start < a < m.end for a, _ in bounds)


def test_won_in_words() -> None:
    assert won_words(1309900000000) == "1조 3,099억원"
    assert won_words(349730000000) == "3,497억 3,000만원"
    assert won_words(15000000) == "1,500만원"
    assert won_words(-2000000000) == "-20억원"


def _doc(text: str, **lists: object) -> Document:
    src = Source(path="hostile <b>.txt", sha256=SHA, media_type="text/plain")
    return Document.model_validate({"source": src.model_dump(), "text": text, **lists})


def test_document_text_and_fields_are_escaped() -> None:
    text = '<script>alert(1)</script> "><img src=x onerror=alert(1)> 총 5억원'
    start = text.index("5억원")
    amount = Amount(
        text="5억원", value_krw=500000000, span=Span(start=start, end=start + 3), raw_span=None
    )
    doc = _doc(text, amounts=[amount.model_dump()], meta={"title": "</title><script>x()</script>"})
    page = next(document_sheets(doc))
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert page.count("<script") == 1  # our own script only
    root = parse(page)
    pre = next(e for e in root.iter() if e.tag == "pre")
    assert pre.text() == text  # shown as text, exactly
    assert [e.text() for e in records_in(pre)] == ["5억원"]


def test_a_project_links_to_its_figures_and_they_back() -> None:
    text = "ㅇ 해양 드론 기술 개발 : 총 120억원, '25년 30억원"
    at = text.index("120억원")
    total = Amount(
        text="120억원",
        value_krw=12 * 10**9,
        qualifier="총",
        span=Span(start=at, end=at + 5),
        raw_span=None,
    )
    at = text.index("30억원")
    annual = Amount(
        text="30억원",
        value_krw=3 * 10**9,
        year=2025,
        span=Span(start=at, end=at + 4),
        raw_span=None,
    )
    project = Project(
        name="해양 드론 기술 개발",
        span=Span(start=2, end=13),
        total=total,
        annual=[{"year": 2025, "amount": annual}],
    )  # type: ignore[list-item]
    doc = _doc(
        text, amounts=[total.model_dump(), annual.model_dump()], projects=[project.model_dump()]
    )
    root = parse(next(document_sheets(doc)))
    tip = root.find_id("tip-project-0")
    assert tip is not None
    assert [e.attrs["href"] for e in tip.iter() if e.tag == "a"] == ["#amount-0", "#amount-1"]
    for i in (0, 1):
        back = root.find_id(f"tip-amount-{i}")
        assert back is not None
        assert [e.attrs["href"] for e in back.iter() if e.tag == "a"] == ["#project-0"]


def test_a_300_page_document_is_cut_into_sheets_with_every_record_once() -> None:
    # 300 pages of about 2,000 characters, each with an amount, a period and a project.
    page = "□ 사업 {n} 추진 계획\n" + "ㅇ 세부 내용 설명 문장입니다. " * 90 + "\n"
    parts, amounts, periods, projects = [], [], [], []
    pos = 0
    for n in range(300):
        head = page.format(n=n)
        name = f"사업 {n}"
        line = f"ㅇ {name}('25~'27) 총 {n + 1}억원\n"
        base = pos + len(head)
        projects.append(
            Project(name=name, span=Span(start=base + 2, end=base + 2 + len(name)), page=n + 1)
        )
        p0 = base + 2 + len(name) + 1
        periods.append(
            Period(
                text="'25~'27",
                start=TimePoint(year=2025),
                end=TimePoint(year=2027),
                span=Span(start=p0, end=p0 + 7),
                raw_span=None,
                page=n + 1,
            )
        )
        a0 = line.index("총") + 2 + base
        text = f"{n + 1}억원"
        amounts.append(
            Amount(
                text=text,
                value_krw=(n + 1) * 10**8,
                span=Span(start=a0, end=a0 + len(text)),
                raw_span=None,
                page=n + 1,
            )
        )
        parts += [head, line]
        pos += len(head) + len(line)
    doc = _doc(
        "".join(parts),
        amounts=[a.model_dump() for a in amounts],
        periods=[p.model_dump() for p in periods],
        projects=[p.model_dump() for p in projects],
    )
    sheets = list(document_sheets(doc))
    assert len(doc.text) > 450_000
    assert 15 <= len(sheets) <= 40
    assert max(len(s) for s in sheets) < 200_000  # each sheet a light page
    seen: dict[tuple[str, str], str] = {}
    for s in sheets:
        for e in records_in(parse(s)):
            if e.tag == "mark":
                key = (e.attrs["data-kind"], e.attrs["data-index"])
                assert key not in seen
                seen[key] = e.text()
    assert len(seen) == 900
    assert seen[("project", "299")] == "사업 299"
    assert seen[("amount", "0")] == "1억원"
    assert "pages 1–" in html.unescape(sheets[0])
