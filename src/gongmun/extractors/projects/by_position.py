"""Project rules that read a name from its place: an item's head, a label, a diagram box.

Each rule takes a :class:`~gongmun.extractors.projects.scan.Scan` and returns drafts; the
figures it claims are the ones its shape ties to the name (the group after the name, the
``(규모)`` line under the item, the item's ``*`` notes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

import regex

from gongmun.doc.column_words import BUDGET_STAGES
from gongmun.doc.tables import Cell, Table
from gongmun.extractors.projects.clause import sentence_end
from gongmun.extractors.projects.figures import Draft, Figures, is_run_time
from gongmun.extractors.projects.forms import bare_label, form_box, label_year
from gongmun.extractors.projects.lines import PARENS, Line, paren_groups
from gongmun.extractors.projects.names import (
    LABEL as _LABEL,
)
from gongmun.extractors.projects.names import (
    NAME_END as _NAME_END,
)
from gongmun.extractors.projects.names import (
    NOT_HEAD_AFTER,
    STATUS_GROUP,
    STRONG_HEADS,
    clean_name,
    draft_at,
    is_bare_noun,
    listed_name,
    locate,
    name_before,
    object_before,
    position_name,
)
from gongmun.extractors.projects.scan import Scan
from gongmun.extractors.projects.words import (
    FIELD_NAME_LABELS,
    FUNDING_SOURCES,
    NAME_LABELS,
)
from gongmun.models import FundingShare
from gongmun.normalize.outline import Block

# "/" separates fields and is dropped; "【" opens the next field's label and stays
# with it ("… 【사업기간】 '25~'29 / 【총사업비】 340억원").
# Fields on one line: split by "/", or each opening with 【 or a bullet (▪ 사업기간 : …).
_FIELD_SPLIT = re.compile(r"(/)|(?=【|[ \t][▪•◦■][ \t])")

_SCALE_LABELS: Final = frozenset(
    {
        "규모",
        "사업규모",
        "지원규모",
        "투자규모",
        "예산규모",
        "예산",
        "사업비",
        "총사업비",
        "기간/규모",
    }
)

_YEAR_GAP = re.compile(r"[\s'\d년도,]*")

_TENTATIVE = re.compile(r"\s*\(가칭\)\s*$")

# A spaced en or em dash parts a name from its figures as a colon does (NAME – 총사업비 …).
# Words that go on listing names after "NAME,": another comma, 및, 등, 외 N개.
_LISTED_ON = re.compile(r",|\s및\s|\s등(?:\s|$)|등\s*\d+\s*개|\s외\s")
_NAME_THEN_SEP = re.compile(
    r"(?P<name>[^:,()]{3,80}?(?:\([^()]{1,30}\))?)\s*(?P<sep>:|,|(?<=\s)[–—―](?=\s))\s*"
)


def scale_lines(scan: Scan) -> list[Draft]:
    """``* (규모) …`` under an item: the line's figures are the item's."""
    out: list[Draft] = []
    for i in scan.figure_lines:
        out.extend(_scale_line(scan.text, scan.lines, i, scan.figures))
    return out


def label_names(scan: Scan) -> list[Draft]:
    """``* (규제특례신산업창출(R&D)사업) ’25년 20억원``: a label that names the programme."""
    lines = scan.lines
    return [d for i in scan.figure_lines for d in _label_name(scan.text, lines[i], scan.figures)]


def paren_figures(scan: Scan) -> list[Draft]:
    """``NAME(’25~’29, ’25년 51.7억원)``; ``PARENT(NAME(가칭), ’26년 80억)``; a diagram box."""
    text, lines = scan.text, scan.lines
    return [d for i in scan.figure_lines for d in _paren_figures(text, lines, i, scan.figures)]


def _text_above(text: str, lines: list[Line], i: int) -> Line | None:
    """The nearest non-blank line above ``i`` within one blank line, item or not."""
    for ln in reversed(lines[max(0, i - 2) : i]):
        if ln.end > ln.start and text[ln.start : ln.end].strip():
            return ln
    return None


def colon_or_comma_figures(scan: Scan) -> list[Draft]:
    """``NAME : (’24) 8,295억원 → (’25) 8,272억원`` and ``NAME, ’25년 92억 투입``."""
    text, lines = scan.text, scan.lines
    return [
        d for i in scan.figure_lines for d in _colon_or_comma_figures(text, lines[i], scan.figures)
    ]


def item_notes(scan: Scan) -> list[Draft]:
    """An item naming a programme without figures takes the yearly figures of its notes."""
    out: list[Draft] = []
    for i in _above_notes(scan):
        out.extend(_item_with_notes(scan.text, scan.lines, i, scan.figures))
    return out


def _above_notes(scan: Scan) -> list[int]:
    """Lines a ``*`` or ``※`` note follows: without one an item takes no note's figures."""
    if not scan.prefilter:
        return list(range(len(scan.lines)))
    text, lines = scan.text, scan.lines
    return [
        j - 1
        for j in scan.lines_holding(_STAR_NOTES)
        if j > 0 and text[lines[j].start : lines[j].end].lstrip().startswith(_STAR_NOTES)
    ]


def _scale_line(text: str, lines: list[Line], i: int, figures: Figures) -> list[Draft]:
    line = lines[i]
    body = text[line.body_start : line.end]
    label = _LABEL.match(body)
    if not label or label.group("label").replace(" ", "") not in _SCALE_LABELS or i == 0:
        return []
    if not figures.any_in(line.body_start, line.end):
        return []
    above = _item_above(text, lines, i)
    if above is None:
        return []
    found = name_before(text, above, above.end, figures)
    if found is None:
        # "ㅇ NAME(R&D) 유형 개편": the name ends at one of the line's groups.
        for g0, g1 in paren_groups(text, above.body_start, above.end):
            found = name_before(text, above, g1, figures) or name_before(text, above, g0, figures)
            if found:
                break
    if found is None:
        return []
    d = draft_at(found, "scale_line")
    figures.take(d, line.body_start + label.end(), line.end, text)
    return [d]


def _line_above(text: str, lines: list[Line], i: int) -> Line | None:
    """The nearest non-blank line above ``i`` within one blank line, if it is not an item."""
    for ln in reversed(lines[max(0, i - 2) : i]):
        if ln.end > ln.start and text[ln.start : ln.end].strip():
            return ln if ln.body_start == ln.start else None
    return None


def _item_above(text: str, lines: list[Line], i: int) -> Line | None:
    """The nearest line above ``i`` that is an item, not a note (``*``, ``-``, ``※``)."""
    for ln in reversed(lines[max(0, i - 4) : i]):
        if ln.end <= ln.body_start:
            continue
        if not _is_note(text, ln):
            # A plain line above (a diagram's row of names) is not an item to give to.
            return ln if ln.body_start > ln.start else None
    return None


def _is_note(text: str, line: Line) -> bool:
    """A note or sub-point under an item (``*``, ``※``, ``-``), not an item itself."""
    return text[line.start : line.end].lstrip().startswith(_NOTE_MARKS)


_NOTE_MARKS: Final = ("*", "-", "※", "–")
# The notes whose figures an item without its own takes (item_notes).
_STAR_NOTES: Final = ("*", "※")


def _label_name(text: str, line: Line, figures: Figures) -> list[Draft]:
    body = text[line.body_start : line.end]
    label = _LABEL.match(body)
    if not label:
        return []
    name = clean_name(label.group("label"))
    rest = line.body_start + label.end()
    if name is None or name.endswith(")"):
        return []
    # The figures must follow the label at once: "(NAME사업) ’25년 20억원".
    first = figures.first_start_from(rest)
    if first is None or first >= line.end or not _YEAR_GAP.fullmatch(text[rest:first]):
        return []
    if not figures.programme_figures_in(rest, line.end):
        return []  # "(경제개발 시기의 융자) 1993년까지 …": a topic and a date, no programme
    place = locate(text, name, line.body_start, rest)
    if place is None:
        return []
    d = Draft(name, place[0], place[1], "label_name")
    figures.take(d, rest, line.end, text)
    return [d]


def _paren_figures(text: str, lines: list[Line], i: int, figures: Figures) -> list[Draft]:
    """The groups of figures on line ``i``; the lines above it are read only for a
    diagram box or a wrapped name."""
    line = lines[i]
    out = []
    for g0, g1 in paren_groups(text, line.body_start, line.end):
        if not figures.any_in(g0, g1):
            continue
        # "NAME 지원" names a programme only when it comes with its own run time.
        timed = bool(figures.periods_in(g0, g1))
        found = (
            _inner_name(text, g0, g1, figures)
            or name_before(text, line, g0, figures, support_head=timed)
            or listed_name(text, line, g0, g1, figures)
        )
        if found is None and g0 == line.body_start and not text[g1 : line.end].strip():
            # A diagram box: "재정융자특별회계" on one line, "(1997~2006)" alone on the next.
            above = _line_above(text, lines, i)
            if above is not None:
                found = name_before(text, above, above.end, figures)
        if found is None and g0 > line.body_start and _programme_group(text, g0, g1, figures):
            # "산업단지 폐열 회수 설비 보급(’26~’28, 120억원)": a run time or a total in
            # the group makes the noun phrase before it a programme, head noun or not.
            found = object_before(text, line, g0, figures)
        if found is None or NOT_HEAD_AFTER.match(text, g1, g1 + 40):
            continue
        if found[1] == line.start == line.body_start:
            wrapped_from = _text_above(text, lines, i)
            if wrapped_from is not None:
                found = _wrapped(text, wrapped_from, found)
        d = draft_at(found, "paren_figures")
        figures.take(d, g0, g1, text)
        after = _FIGURES_FOLLOW.match(text, g1, line.end)
        if after:
            # "NAME(’25~’27) : 총 90억원, 과제당 15억원 한도", "NAME(’25~’27)에는 국비 36억원,
            # 시비 24억원 등 총 60억원이": the run time in the group, the budget after it
            # (to the line's end after a colon, to the sentence's end after a particle).
            stop = line.end if after["colon"] else min(line.end, sentence_end(text, g1))
            figures.take(d, after.end(), stop, text)
        out.append(d)
    return out


# The last word of a wrapped line: "… 주택도시기금(10.1조원), 소상공인시장".
_LAST_WORD = re.compile(r"(?:^|[\s,])(?P<word>[가-힣]{2,12})$")
# A wrapped line runs near the page's width.
_WRAPPED_LINE = 40


def _wrapped(text: str, above: Line, found: tuple[str, int, int]) -> tuple[str, int, int]:
    """A one-word name opening an unmarked line that continues the bare noun a long line
    above ends with: a PDF's wrap cut ``소상공인시장`` / ``진흥기금(1.6조원)``."""
    name, _, end = found
    if " " in name or not STRONG_HEADS.search(name) or above.end - above.start < _WRAPPED_LINE:
        return found
    m = _LAST_WORD.search(text, above.start, above.end)
    if m is None or not is_bare_noun(m["word"]):
        return found
    return f"{m['word']} {name}", m.start("word"), end


_TOTAL_IN_GROUP = re.compile(r"총\s*사업비|총사업규모|총\s*[\d,.]+\s*[조억천백만]")


def _programme_group(text: str, g0: int, g1: int, figures: Figures) -> bool:
    """Whether ``(…)`` gives a programme's run time (``’26~’28``) or its total
    (``총사업비 120억원``), not a date or a count (``’24.4월``, ``11개 과제, 330억원``)."""
    if any(id(p) not in figures.used and is_run_time(p) for p in figures.periods_in(g0, g1)):
        return True
    return bool(_TOTAL_IN_GROUP.search(text, g0, g1)) and figures.free_in(g0, g1)


_FIGURES_FOLLOW = re.compile(r"[ \t]*(?:(?P<colon>[:：])|(?:에는|에|엔|은|는)(?=\s))")


def _inner_name(text: str, g0: int, g1: int, figures: Figures) -> tuple[str, int, int] | None:
    """``PARENT(NAME(가칭), ’26년 80억 규모)``: a project named first inside the group."""
    depth = 0
    for m in _PARENS_OR_COMMA.finditer(text, g0 + 1, g1 - 1):
        i = m.start()
        depth += (text[i] == "(") - (text[i] == ")")
        if text[i] == "," and depth == 0:
            part = text[g0 + 1 : i]
            if figures.overlaps(g0 + 1, i):
                return None
            part = _TENTATIVE.sub("", part)
            name = clean_name(part)
            if name is None or not figures.any_in(i, g1):
                return None
            place = locate(text, name, g0 + 1, i)
            return (name, *place) if place else None
    return None


_PARENS_OR_COMMA = re.compile(r"[(),]")


def _colon_or_comma_figures(text: str, line: Line, figures: Figures) -> list[Draft]:
    body = text[line.body_start : line.end]
    m = _NAME_THEN_SEP.match(body)
    if not m:
        return []
    rest = line.body_start + m.end()
    nearby = figures.amounts_in(rest, min(line.end, rest + 40))
    if not nearby or figures.overlaps(line.body_start, line.body_start + m.end("name")):
        return []
    if any(id(a) in figures.used for a in nearby):
        return []
    if m.group("sep") == "," and _LISTED_ON.search(text, rest, nearby[0].span.start):
        # "A, B 및 C에 총 900억원", "A, B 등 3개 사업에 총 1,500억원": the comma lists
        # names, and the figure after them is the group's, not the first one's.
        return []
    name = clean_name(m.group("name"))
    if name is None:
        return []
    place = locate(text, name, line.body_start + m.start("name"), line.body_start + m.end("name"))
    if place is None:
        return []
    rule = "comma_figures" if m.group("sep") == "," else "colon_figures"
    d = Draft(name, place[0], place[1], rule)
    figures.take(d, rest, line.end, text)
    return [d]


def _item_with_notes(text: str, lines: list[Line], i: int, figures: Figures) -> list[Draft]:
    """``ㅇ NAME사업을 통해 …`` with no figures, then ``* … ’25년 40억원``: the notes'
    yearly figures are the programme's."""
    line = lines[i]
    if _is_note(text, line) or figures.any_in(line.start, line.end):
        return []
    found: tuple[str, int, int] | None = None
    for m in _NAME_END.finditer(text, line.body_start, line.end):
        found = name_before(text, line, m.end(), figures)
        if found and STRONG_HEADS.search(found[0]):
            break
        found = None
    if found is None:
        return []
    notes = []
    for nxt in lines[i + 1 : i + 4]:
        if not text[nxt.start : nxt.end].lstrip().startswith(_STAR_NOTES):
            break
        notes.append(nxt)
    dated = [
        a
        for ln in notes
        for a in figures.amounts_in(ln.start, ln.end)
        if id(a) not in figures.used and a.year is not None and a.qualifier is None
    ]
    if not dated:
        return []
    # "… 2,220억원 대출 실행 및 이차보전 130억 예산 지원": a figure called 예산 is the budget.
    dated.sort(key=lambda a: "예산" not in figures.text[a.span.end : a.span.end + 6])
    d = draft_at(found, "item_notes")
    for a in dated:
        figures.used.add(id(a))
        d.annual.setdefault(a.year or 0, a)
    return [d]


# --- Item heads: "ㅇ NAME : …", "- NAME(’25~’29, …)", "□ NAME" over its figure lines ---

# Outline kinds whose block is an item (paragraphs and captions are not).
_ITEM_KINDS: Final = frozenset(
    {
        "square",
        "circle",
        "dash",
        "middot",
        "triangle",
        "circled",
        "paren_number",
        "hangul",
        "number",
        "numbox",
    }
)
# A figure field under an item: "(기간) '25~'29", "- 사업비 : 120억원", "* 총사업비 90억".
_FIGURE_FIELD = re.compile(
    r"^\s*(?:[\(\[【]\s*(?P<a>[^()\[\]【】:]{1,12})\s*[\)\]】]"
    # A label of one or a few words (사업 규모 :).
    r"|(?P<b>[^\s:()]{1,10}(?:[ \t][^\s:()]{1,6}){0,2})\s*[:：])"
)
_FIGURE_FIELD_WORDS = re.compile(r"기간|사업비|예산|규모|재원|국비|지방비|총액|금액|투자")
# A line under an item that opens with a year: "* '26년 예산 30억원 반영".
_FIGURE_LEAD = re.compile(r"^\s*[\(\[]?(?:['’‘]\d{2}|(?:19|20)\d{2})(?![\d.])")
# A field labelled with no colon or bracket: its label (a year, a figure noun or both,
# 총) and then its figure at once: "'25년 예산 320억원", "'25년 융자 규모 3조 7,000억원",
# "총사업비 1,800억원('22~'26)", "총 96억원('26~'27)".
_BARE_FIELD = re.compile(
    r"^\s*(?:(?:['’‘]\d{2}|(?:19|20)\d{2})\s*년도?\s*(?:[가-힣]{1,4}[ \t]+)?"
    r"(?=[가-힣]{0,4}(?:예산|사업비|규모|국비|지방비|총액|투자))[가-힣]{1,6}"
    r"|총[ \t]?사업비|(?:사업|지원|투자|예산)?[ \t]?(?:예산|사업비|규모)안?)"
    r"[ \t]*[△]?[\d][\d,.]*[ \t]?[조억천백만원]"
    # 총 alone labels the whole when a bracket or the line's end follows the figure (총
    # 96억원('26~'27)); 총 600억원 규모로 … is a sentence about the scale.
    r"|^\s*총[ \t]?\d[\d,.]*[ \t]?(?:[조억천백만][ \t]?)+원?[ \t]*(?:\(|$)"
)
# A line that opens with the whole budget: "- 총 210억원".
_TOTAL_LEAD = re.compile(r"^\s*총\s*(?:사업비\s*)?[\d,.]+\s*[조억천백만]")
# How far into a line its run time may start and still lead it ("- ('25~'28년)").
_LEAD_REACH = 3
# A line of figures is a dash or note line (an ㅇ item under a □ is a statement of
# its own), short and no sentence.
_LEAD_KINDS: Final = frozenset({"dash", "middot", "note"})
_LEAD_LINE = 90
_CLAUSE_END = re.compile(r"(?:다|요|음|함|됨|임)[.!]?\s*$|다\.\s")


def figure_field(line: str) -> bool:
    """Whether ``line`` is a labelled field of figures (``(기간) '25~'29``, ``사업비 :``).

    A year alone in brackets labels that year's figures (``('26년) 130억원 반영``).

    >>> figure_field("(기간/규모) '25~'27, 총 90억원"), figure_field("(내용) 실증 지원")
    (True, False)
    >>> figure_field("('26년) 130억원 반영"), figure_field("('26년 상반기) 착공")
    (True, False)
    """
    m = _FIGURE_FIELD.match(line)
    if m is None:
        return False
    # Forms space a label out syllable by syllable (사 업 비 :).
    label = (m.group("a") or m.group("b") or "").replace(" ", "").replace("\t", "")
    if m.group("a") and _YEAR_ALONE.fullmatch(label):
        return True
    if _YEAR_STAGE.fullmatch(label):
        return True  # "2026년도 요구 : 412,500백만원": the year's budget at a stage
    return bool(_FIGURE_FIELD_WORDS.search(label))


# A bracketed label that is a year and nothing else: ('26년), (2026년도).
_YEAR_ALONE = re.compile(r"(?:'\d{2}|(?:19|20)\d{2})년도?")
# A label that is a year and a budget stage: 2026년도 요구, '27년 정부안, 2025년 추경.
_YEAR_STAGE = re.compile(r"(?:['’‘]\d{2}|(?:19|20)\d{2})년도?(?:" + "|".join(BUDGET_STAGES) + r")")


def item_heads(scan: Scan) -> list[Draft]:
    """An item's head is a name when its figures follow at once: ``ㅇ NAME : 총 120억원``,
    ``- NAME(’25~’29, ’25년 10억원)``; ``□ NAME`` takes the figures of its field lines
    (``- (기간) …``, ``- (예산) …``). No head noun is needed: the place says it is a name.
    """
    text, figures, blocks = scan.text, scan.figures, scan.blocks
    out: list[Draft] = []
    for i, block in enumerate(blocks):
        if block.kind not in _ITEM_KINDS:
            continue
        body = text.find(block.text, block.start, block.end + 1) if block.text else -1
        if body < 0:
            continue
        d = _head_with_figures(text, body, block.end, figures)
        if d is None and block.kind in _LISTED_KINDS:
            d = _listed_head(text, blocks, i, body, figures)
        if d is None and not figures.any_in(body, block.end):
            # A head's field lines are its children, or — where the outline ranks a dash
            # above the head's mark ("① NAME" over "- 사업비 : 48억원") — the dash and
            # note lines right after it.
            under = [*block.children, *block.notes] or _lines_after(blocks, i)
            d = _head_over_fields(text, block, body, figures, under)
        if d is not None:
            out.append(d)
    return out


# Enumerated items whose lines may be a name and its figure alone ("① NAME 120억원").
_LISTED_KINDS: Final = frozenset({"circled", "paren_number", "hangul", "number"})
# What may follow the amount that ends such a line.
_LINE_CLOSE = re.compile(r"[ \t]*[.,;]?[ \t]*$")


def _ends_in_amount(text: str, block: Block, figures: Figures) -> bool:
    """Whether ``block``'s line is words, then its one amount, ending it: ``NAME 120억원``."""
    found = figures.amounts_in(block.start, block.end)
    return (
        len(found) == 1
        and _LINE_CLOSE.match(text, found[0].span.end, block.end) is not None
        and not figures.periods_in(block.start, block.end)
    )


def _listed_head(
    text: str, blocks: list[Block], i: int, body: int, figures: Figures
) -> Draft | None:
    """``① NAME 120억원`` over ``② NAME 80억원``: an enumerated line that is a name and
    its figure, in a list of lines that read the same (the list says each is a programme)."""
    block = blocks[i]
    if not _ends_in_amount(text, block, figures) or not any(
        b.kind == block.kind and _ends_in_amount(text, b, figures)
        for b in (blocks[i - 1] if i else None, blocks[i + 1] if i + 1 < len(blocks) else None)
        if b is not None
    ):
        return None
    a = figures.amounts_in(block.start, block.end)[0]
    if id(a) in figures.used:
        return None
    name = position_name(text[body : a.span.start], strict=True)
    # A field or a kind of firm is listed the same way ("① 연구개발 300억원", "② 중소기업
    # 지원 200억원"): an item's name qualifies its head.
    if name is None or " " not in name or (name.endswith(" 지원") and name.count(" ") < 2):
        return None
    place = locate(text, name, body, a.span.start)
    if place is None:
        return None
    d = Draft(name, place[0], place[1], "item_head")
    figures.take(d, a.span.start, a.span.end, text)
    return d


# How many dash and note lines after a head may be its fields.
_AFTER_LINES: Final = 8


def _lines_after(blocks: list[Block], i: int) -> list[Block]:
    """The dash and note lines that follow block ``i`` at once (at most _AFTER_LINES)."""
    out = []
    for b in blocks[i + 1 : i + 1 + _AFTER_LINES]:
        if b.kind not in _LEAD_KINDS:
            break
        out.append(b)
    return out


def _head_with_figures(text: str, body: int, end: int, figures: Figures) -> Draft | None:
    """``NAME : figures`` or ``NAME(figures)`` at the head of an item."""
    first = figures.first_start_from(body)
    if first is None or first >= end:
        return None
    depth = 0
    for m in _HEAD_MARKS.finditer(text, body, min(first, body + 80)):
        i = m.start()
        ch = text[i]
        if ch == "(":
            if depth == 0:
                close = _group_end(text, i, end)
                if close is not None and figures.free_in(i, close):
                    return _claim(text, body, i, i, close, figures, "item_head")
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ":：" and depth == 0:
            if figures.free_in(i, min(end, i + 60)):
                return _claim(text, body, i, i, end, figures, "item_head")
            return None
    return None


# What ends an item's head: a bracket or a colon.
_HEAD_MARKS = re.compile(r"[()：:]")


def _group_end(text: str, open_at: int, end: int) -> int | None:
    depth = 0
    for m in PARENS.finditer(text, open_at, min(end, open_at + 200)):
        depth += 1 if text[m.start()] == "(" else -1
        if depth == 0:
            return m.end()
    return None


def _claim(
    text: str, body: int, head_end: int, f0: int, f1: int, figures: Figures, rule: str
) -> Draft | None:
    # The figures first: a bisection, where the name is a phrase read word by word (most
    # heads before a bracket or a colon hold no programme's figures).
    if not figures.programme_figures_in(f0, f1):
        return None
    name = position_name(text[body:head_end], strict=True)
    if name is None:
        return None
    place = locate(text, name, body, head_end)
    if place is None:
        return None
    d = Draft(name, place[0], place[1], rule)
    figures.take(d, f0, f1, text)
    return d


def _dated_lead(b: Block, figures: Figures) -> bool:
    """A line that opens with a year and holds the year's figure: ``* ’26년 12억원``."""
    return bool(_FIGURE_LEAD.match(b.text)) and figures.programme_figures_in(b.start, b.end)


def _dated_note(b: Block, figures: Figures) -> bool:
    """A ``*`` note holding a free figure of a stated year: ``* … 컨설팅(‘25년 40억원)``."""
    return b.kind == "note" and any(
        id(a) not in figures.used and a.year is not None for a in figures.amounts_in(b.start, b.end)
    )


def _run_lead(text: str, b: Block, figures: Figures) -> bool:
    """Whether a line under an item opens with the item's run time or whole budget:
    ``- '25~'28년, 총 210억원``, ``- 총 120억원`` (not ``* '25년 9억원 투입``, an
    activity's spending)."""
    if b.kind not in _LEAD_KINDS or len(b.text) > _LEAD_LINE or _CLAUSE_END.search(b.text):
        return False  # a paragraph that starts with a date, not a line of figures
    if _TOTAL_LEAD.match(b.text):
        return figures.programme_figures_in(b.start, b.end)
    body = text.find(b.text, b.start, b.end + 1) if b.text else -1
    if body < 0:
        return False
    return any(
        id(p) not in figures.used and is_run_time(p)
        for p in figures.periods_in(body, min(b.end, body + _LEAD_REACH + 12))
        if p.span.start <= body + _LEAD_REACH
    )


def bare_field(b: Block, figures: Figures) -> bool:
    """Whether line ``b`` under an item is a field of its figures labelled with no colon:
    its label and then its free figure, a short line and no sentence (``'25년 예산
    320억원``, ``총사업비 1,800억원('22~'26), '25년 360억원``), whatever its bullet.

    >>> bool(_BARE_FIELD.match("'25년 예산 320억원 (전년 280억원 대비)"))
    True
    >>> bool(_BARE_FIELD.match("'25년 4개 항만 대상")), bool(_BARE_FIELD.match("총 3개 과제"))
    (False, False)
    """
    return (
        len(b.text) <= _LEAD_LINE
        and not _CLAUSE_END.search(b.text)
        and _BARE_FIELD.match(b.text) is not None
        and figures.programme_figures_in(b.start, b.end)
    )


def _head_over_fields(
    text: str, block: Block, body: int, figures: Figures, under: list[Block]
) -> Draft | None:
    """``□ NAME`` with ``- (기간) '25~'27`` and ``- (예산) 총 90억원`` under it; a new
    programme's head (``NAME(’26년 신규)``) with ``* ’26년 12억원`` under it."""
    # Every kind of field below holds a free figure: most heads have none under them.
    if not under or not figures.free_in(min(b.start for b in under), max(b.end for b in under)):
        return None
    # "(’26년 신규)" says the item is a budget line of its own: its dated notes are its.
    new = bool(STATUS_GROUP.search(block.text))
    fields = [
        b
        for b in under
        if figures.free_in(b.start, b.end)  # what every kind of field needs, asked first
        and (
            figure_field(b.text)
            or _run_lead(text, b, figures)
            or bare_field(b, figures)
            or (new and (_dated_lead(b, figures) or _dated_note(b, figures)))
        )
    ]
    # A figure field's own notes and sub-lines: "- 총사업비 : 96억원" then "* '26년 예산
    # 30억원 반영" or "ㅇ 총사업비 : 1,200억원" then "- '25년 예산 : 150억원".
    seen = {id(b) for b in fields}
    fields += [
        n
        for b in list(fields)
        for n in (*b.notes, *b.children)
        if id(n) not in seen and (_dated_lead(n, figures) or figure_field(n.text))
    ]
    if not fields:
        return None
    name = position_name(block.text, strict=True)
    if name is None:
        return None
    place = locate(text, name, body, block.end)
    if place is None:
        return None
    d = Draft(name, place[0], place[1], "item_fields")
    for b in fields:
        figures.take(d, b.start, b.end, text)
    return d


# --- Name fields: "【세부사업명】 NAME", "사업명 : NAME", "(사업명) NAME" -----------------


def _spaced_out(labels: tuple[str, ...]) -> str:
    """An alternation of ``labels``, each whole or spaced out syllable by syllable (사 업 명)."""
    return "|".join("[ \t]?".join(regex.escape(ch) for ch in w) for w in labels)


# A label may be spaced out syllable by syllable, as forms print it (사 업 명).
_NAME_FIELD = regex.compile(
    r"(?:【\s*(?P<l1>L)\s*】|\[\s*(?P<l2>L)\s*\]|\(\s*(?P<l3>L)\s*\)|(?<![\p{Hangul}])(?P<l4>L)\s*[:：]|"
    r"^[ \t]*(?:[○ㅇ□◦•▪-]\s*)?(?P<l5>M)(?=\s|$))\s*(?P<name>[^/\n【\[▪•◦■]*)".replace(
        "L", _spaced_out((*NAME_LABELS, *FIELD_NAME_LABELS))
    ).replace("M", _spaced_out(NAME_LABELS)),
    regex.MULTILINE,
)
# The labels as lines may hold them: whole, or spaced out.
_NAME_LABEL_FORMS: Final = tuple(
    form for w in (*NAME_LABELS, *FIELD_NAME_LABELS) for form in (w, " ".join(w))
)
# A budget code after a name: "(1234-567)", "(5152-301)".
_CODE = re.compile(r"\s*\(\d{3,4}-\d{3}\)\s*$")
# How many lines below a name field its figure fields may sit.
_FIELD_LINES = 12


def name_fields(scan: Scan) -> list[Draft]:
    """A labelled name and the figure fields that follow it, on its line (``/``-separated)
    or on the lines below, until the next name field:

    ``【세부사업명】 스마트 항만 고도화 / 사업기간 : '25~'27 / 총사업비 : 90억원``.
    """
    text, figures, lines = scan.text, scan.figures, scan.lines
    headers = _header_cells(scan)
    # A form box is read by its cells, however its text lays them out (one a line, or
    # a markdown row of label | value | label | value).
    boxes = [t for t in scan.tables if t.start is not None and t.end is not None and form_box(t)]
    out = [d for t in boxes if (d := _form_box(text, t, figures)) is not None]
    box_spans = sorted((t.start, t.end) for t in boxes if t.start is not None and t.end is not None)
    for i in scan.lines_holding(_NAME_LABEL_FORMS):
        line = lines[i]
        if line.end - line.start < 3:
            continue
        m = _NAME_FIELD.search(text, line.start, line.end)
        if m is None or _in_spans(box_spans, m.start()):
            continue
        if _in_spans(headers, m.start()):
            # 사업명 heading a table's column (사업명 2023년 결산 2024년 …) labels the
            # column, not the words after it: the table's name column reads its rows.
            continue
        raw = _CODE.sub("", m.group("name")).strip()
        name_start = m.start("name")
        if not raw and i + 1 < len(lines):
            # "○ 사업명" alone: the name is the next line.
            nxt = lines[i + 1]
            raw, name_start = text[nxt.body_start : nxt.end].strip(), nxt.body_start
        name = position_name(raw.split(" : ")[0], strict=True) if raw else None
        if name is None:
            continue
        place = locate(text, name, name_start, name_start + len(raw) + 1)
        if place is None:
            continue
        d = Draft(name, place[0], place[1], "name_field")
        for f0, f1 in _fields_after(text, lines, i, place[1]):
            year = label_year(text[f0:f1])
            if year is not None and "\n" in text[f0:f1]:
                # "'25년 예산" over "150억원": the value is the label's year's figure.
                for a in figures.amounts_in(f0, f1):
                    if id(a) not in figures.used and a.year in (None, year) and not a.per:
                        figures.used.add(id(a))
                        d.annual.setdefault(year, a)
            figures.take(d, f0, f1, text)
        if d.period or d.total or d.annual or d.funding:
            out.append(d)
    return out


def _form_box(text: str, table: Table, figures: Figures) -> Draft | None:
    """The project of a form box: its name label's value names it, and every other
    label gives it the figures of the value beside it (each row a run of label | value
    pairs). A label opening with a year (``'26년 예산``) makes its value's first figure
    that year's, unless the rest of the label is a payer (``2026년 국비``: a share)."""
    pairs: list[tuple[Cell, Cell]] = []
    for r in range(table.n_rows):
        row = table.row_cells(r)
        pairs += [(row[k], row[k + 1]) for k in range(0, len(row) - 1, 2)]
    named = [
        (label, value)
        for label, value in pairs
        if "".join(label.text.split()) in _FORM_NAME_LABELS and value.start is not None
    ]
    if not named:
        return None
    label, value = named[0]
    assert value.start is not None
    assert value.end is not None
    name = position_name(_CODE.sub("", value.text).strip(), strict=True)
    if name is None:
        return None
    place = locate(text, name, value.start, value.end + 1)
    if place is None:
        return None
    d = Draft(name, place[0], place[1], "name_field")
    for label, value in pairs:
        if value.start is None or value.end is None or (label, value) == named[0]:
            continue
        f0 = label.start if label.start is not None else value.start
        year = label_year(label.text)
        payer = "".join(_YEAR_OPENING.sub("", label.text).split())
        if payer in FUNDING_SOURCES:
            # 국비 | 32.4억원(60%): the payer's share, whatever the cell's layout.
            for a in figures.amounts_in(value.start, value.end):
                if id(a) not in figures.used:
                    figures.used.add(id(a))
                    d.claimed += 1
                    d.funding.append(FundingShare(source=payer, amount=a))
            continue
        if year is not None:
            for a in figures.amounts_in(value.start, value.end):
                if id(a) not in figures.used and a.year in (None, year) and not a.per:
                    figures.used.add(id(a))
                    d.annual.setdefault(year, a)
                break
        figures.take(d, f0, value.end, text)
    return d if d.period or d.total or d.annual or d.funding else None


_FORM_NAME_LABELS: Final = frozenset((*NAME_LABELS, *FIELD_NAME_LABELS))
# The year a form's label opens with ('26년 예산, 2026년도 국비).
_YEAR_OPENING = re.compile(r"^\s*(?:'\d{2}|(?:19|20)\d{2})년도?")


def _header_cells(scan: Scan) -> list[tuple[int, int]]:
    """Spans of the tables' header cells, sorted (a form box has none: its labels run
    down its first column, each beside its value)."""
    return sorted(
        (c.start, c.end)
        for t in scan.tables
        if not form_box(t)
        for c in t.cells
        if (c.header or c.row < t.header_rows) and c.start is not None and c.end is not None
    )


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    k = bisect_right(spans, (pos, _NO_END)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_NO_END: Final = 1 << 62


def _fields_after(text: str, lines: list[Line], i: int, start: int) -> list[tuple[int, int]]:
    """Stretches of figure fields after a name field: the rest of its line split by
    ``/``, then the following lines that are figure fields, until the next name field."""
    out = []
    line = lines[i]
    pos = start
    for part in _FIELD_SPLIT.split(text[start : line.end]):
        if part is None:
            continue
        field = part.lstrip("/ \t▪•◦■")
        if figure_field(field) or _FIGURE_FIELD_WORDS.match(field.rstrip(" /")):
            out.append((pos, pos + len(part)))
        pos += len(part)
    after = lines[i + 1 : i + 1 + _FIELD_LINES]
    for k, nxt in enumerate(after):
        body = text[nxt.body_start : nxt.end]
        if _NAME_FIELD.match(body) or _NAME_FIELD.search(text, nxt.start, nxt.end):
            break
        if figure_field(body):
            out.append((nxt.body_start, nxt.end))
        elif bare_label(body) and k + 1 < len(after):
            # A form's label alone on its line ("총 사업비"): its value is the next line.
            value = after[k + 1]
            if not _NAME_FIELD.search(text, value.start, value.end):
                out.append((nxt.body_start, value.end))
    return out
