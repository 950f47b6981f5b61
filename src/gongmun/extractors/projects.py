"""Find named projects and tie the amounts and periods beside them to them.

Rules, tried in this order (a project takes each figure once):

1. ``scale_line``: a ``* (규모) …`` line gives its figures to the item above it.
2. ``label_name``: ``* (규제특례신산업창출(R&D)사업) ’25년 20억원``.
3. ``paren_figures``: ``NAME(’25~’29, ’25년 51.7억원)``, the commonest shape; also
   ``PARENT(NAME(가칭), ’26년 80억)`` and a diagram box, ``NAME`` over ``(1997~2006)``.
4. ``colon_figures`` / ``comma_figures``: ``NAME : (’24) 8,295억원 → (’25) 8,272억원``,
   ``NAME, ’25년 92억 투입``.
5. ``name_amount``: prose, ``'NAME'에 1조원``, ``NAME 예산은 올해 X에서 내년 Y로``,
   ``X억원 규모의 NAME을``, ``NAME를 통해 … X억원``, ``이 사업에 X억원``.
6. ``item_notes``: an item naming a programme without figures takes the yearly figures
   of its ``*`` notes.
7. ``task_table``: rows of a table of tasks (과제명) in the text or from a reader.
8. ``subject``: a press release, article or budget sheet about one programme gives it
   the figures no other rule took.

Figures split by kind: an amount with a year is that year's (``annual``); one after
국고/민간 is a funding share; a cap or per-item rate (당, 한도, 이상) is neither; any
other is the total. Mentions of one project merge, figures from the surest rule first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import regex

from gongmun.doc.tables import Table
from gongmun.extractors.context import Context
from gongmun.extractors.project_figures import Draft, Figures, assign_amount
from gongmun.extractors.project_lines import Line, paren_groups, split_lines
from gongmun.extractors.project_names import NOT_HEAD_AFTER, STRONG_HEADS, clean_name, name_key
from gongmun.extractors.project_tables import (
    NAME_AMOUNT_GAP,
    NOT_TOTAL_QUALIFIERS,
)
from gongmun.extractors.project_task_tables import reader_tables, task_tables
from gongmun.models import Amount, AnnualAmount, Period, Project

# A leading label in parentheses: (규모), (원자력), (예시)…
_LABEL = regex.compile(r"^\((?P<label>[^()\n]{1,40}(?:\([^()\n]{1,20}\)[^()\n]{0,20})?)\)\s*")

_SCALE_LABELS: Final = frozenset({"규모", "사업규모", "예산", "사업비", "총사업비", "기간/규모"})

_QUOTED_NAME = regex.compile(r"[「'\"“‘](?P<name>[^」'\"”’\n]{3,80})[」'\"”’]")

_YEAR_GAP = regex.compile(r"[\s'\d년도,]*")

_TENTATIVE = regex.compile(r"\s*\(가칭\)\s*$")

_NAME_THEN_SEP = regex.compile(r"(?P<name>[^:,()]{3,80}?(?:\([^()]{1,30}\))?)\s*(?P<sep>:|,)\s*")

_FROM_TO = regex.compile(r"\s*(?:원)?에서\s*(?:(?:올해|내년|금년)\s*)?")

_PAREN_LABEL = regex.compile(r"\((?P<name>[^()\n]{3,60})\)")


def find_projects(
    ctx: Context,
    amounts: Sequence[Amount],
    periods: Sequence[Period],
    tables: Iterable[Table] = (),
) -> list[Project]:
    """Return the named projects of the document with their figures, in text order.

    >>> from gongmun.normalize import normalize
    >>> from gongmun.extractors.amounts import find_amounts
    >>> from gongmun.extractors.periods import find_periods
    >>> ctx = Context(normalize("* 바이오파운드리 구축사업('25~'29, '25년 51.7억원)"))
    >>> [p.name for p in find_projects(ctx, find_amounts(ctx), find_periods(ctx))]
    ['바이오파운드리 구축사업']
    """
    text = ctx.text
    figures = Figures(amounts, periods, text)
    lines = split_lines(text)
    drafts: list[Draft] = []
    for i in range(len(lines)):
        drafts.extend(_scale_line(text, lines, i, figures))
    for i, line in enumerate(lines):
        drafts.extend(_label_name(text, line, figures))
        drafts.extend(_paren_figures(text, line, figures, _line_above(text, lines, i)))
        drafts.extend(_colon_or_comma_figures(text, line, figures))
        drafts.extend(_name_amount(text, line, figures))
    for i in range(len(lines)):
        drafts.extend(_item_with_notes(text, lines, i, figures))
    drafts.extend(task_tables(text, lines))
    drafts.extend(reader_tables(text, tables))
    drafts.extend(_subject(ctx, figures, drafts))
    return [_build(ctx, d) for d in _merge(drafts)]


def _name_before(
    text: str, line: Line, end: int, figures: Figures, *, support_head: bool = False
) -> tuple[str, int] | None:
    """The project name that ends at ``end`` on ``line``, with its start offset."""
    start = line.body_start
    # Never reach back over a figure or over an earlier group of figures on the line:
    # start after the last figure, and after the ")" that closes its group.
    last = figures.last_span_from(start, end)
    if last is not None:
        start = max(start, last.end)
        depth = 0
        for i in range(start, end):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                if depth == 0:
                    start = i + 1
                else:
                    depth -= 1
    phrase = text[start:end]
    label = _LABEL.match(phrase.lstrip())
    if label and label.end() < len(phrase.lstrip()):
        offset = len(phrase) - len(phrase.lstrip()) + label.end()
        start += offset
        phrase = phrase[offset:]
    name = clean_name(phrase, support_head=support_head)
    if name is None:
        return None
    at = text.find(name, start, end + 1)
    return name, (at if at >= 0 else start)


def _draft(name_at: tuple[str, int], rule: str) -> Draft:
    name, start = name_at
    return Draft(name=name, start=start, end=start + len(name), rule=rule)


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
    found = _name_before(text, above, above.end, figures)
    if found is None:
        # "ㅇ NAME(R&D) 유형 개편": the name ends at one of the line's groups.
        for g0, g1 in paren_groups(text, above.body_start, above.end):
            found = _name_before(text, above, g1, figures) or _name_before(text, above, g0, figures)
            if found:
                break
    if found is None:
        return []
    d = _draft(found, "scale_line")
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
            return ln
    return None


def _is_note(text: str, line: Line) -> bool:
    """A note or sub-point under an item (``*``, ``※``, ``-``), not an item itself."""
    return text[line.start : line.end].lstrip().startswith(_NOTE_MARKS)


_NOTE_MARKS: Final = ("*", "-", "※", "–")


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
    d = Draft(name, line.body_start + 1, line.body_start + 1 + len(name), "label_name")
    figures.take(d, rest, line.end, text)
    return [d]


def _paren_figures(
    text: str, line: Line, figures: Figures, above: Line | None = None
) -> list[Draft]:
    out = []
    for g0, g1 in paren_groups(text, line.body_start, line.end):
        if not figures.any_in(g0, g1):
            continue
        # "NAME 지원" names a programme only when it comes with its own run time.
        timed = bool(figures.periods_in(g0, g1))
        found = _inner_name(text, g0, g1, figures) or _name_before(
            text, line, g0, figures, support_head=timed
        )
        # A diagram box: "재정융자특별회계" on one line, "(1997~2006)" alone on the next.
        box = above is not None and g0 == line.body_start and not text[g1 : line.end].strip()
        if found is None and box and above is not None:
            found = _name_before(text, above, above.end, figures)
        if found is None or NOT_HEAD_AFTER.match(text, g1):
            continue
        d = _draft(found, "paren_figures")
        figures.take(d, g0, g1, text)
        out.append(d)
    return out


def _inner_name(text: str, g0: int, g1: int, figures: Figures) -> tuple[str, int] | None:
    """``PARENT(NAME(가칭), ’26년 80억 규모)``: a project named first inside the group."""
    depth = 0
    for i in range(g0 + 1, g1 - 1):
        depth += (text[i] == "(") - (text[i] == ")")
        if text[i] == "," and depth == 0:
            part = text[g0 + 1 : i]
            if figures.overlaps(g0 + 1, i):
                return None
            part = _TENTATIVE.sub("", part)
            name = clean_name(part)
            if name is None or not figures.any_in(i, g1):
                return None
            return name, g0 + 1 + max(part.find(name), 0)
    return None


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
    name = clean_name(m.group("name"))
    if name is None:
        return []
    start = line.body_start + m.start("name")
    rule = "colon_figures" if m.group("sep") == ":" else "comma_figures"
    d = Draft(name, start, start + len(name), rule)
    figures.take(d, rest, line.end, text)
    return [d]


_GAP_RE = regex.compile(NAME_AMOUNT_GAP + r"$")

# "3조7000억원 규모의 스마트시티 시범도시 건설을": a name right after an amount.
_AFTER_AMOUNT = regex.compile(
    r"\s*(?:규모의|규모인|의)\s+(?P<name>(?:[^\s,.()]+\s+){0,8}?[^\s,.()]+?)"
    r"(?:을|를|은|는|이|가|도|에)(?=\s|$)"
)
# "예산 70억원으로 50개사를 지원하는 딥테크 특화 프로그램도 신설": the amount funds the
# programme its relative clause leads to.
_FUNDS_NAME = regex.compile(
    r"(?:으로|로|을 들여|를 들여)\s+[^.\n]{0,30}?(?:하는|한|할)\s+"
    r"(?P<name>(?:[^\s,.()]+\s+){0,6}?[^\s,.()]+?)(?:을|를|은|는|이|가|도)(?=\s|$)"
)


def _name_amount(text: str, line: Line, figures: Figures) -> list[Draft]:
    """``NAME에 1조2520억원``, ``NAME 500억원 규모`` and ``300억원 규모의 NAME을``."""
    out = []
    for a in figures.amounts_in(line.body_start, line.end):
        if id(a) in figures.used:
            continue
        phrase = text[line.body_start : a.span.start]
        gap = _GAP_RE.search(phrase)
        end = line.body_start + (gap.start() if gap else len(phrase))
        found = _name_before(text, line, end, figures)
        if found is not None and not STRONG_HEADS.search(found[0]):
            found = None
        if found is None and _ANAPHOR.search(text, line.body_start, end):
            found = _referent(text, line, end - 4)
        if found is None:
            # "NAME를 통해 약 669개사에 1310억원 규모를 제공": the programme that pays it.
            via = _VIA.search(text, max(line.body_start, a.span.start - 40), a.span.start)
            if via is not None:
                found = _name_before(text, line, via.start(), figures)
                if found is not None and not STRONG_HEADS.search(found[0]):
                    found = None
        if found is None:
            after = _AFTER_AMOUNT.match(text, a.span.end, line.end)
            name = clean_name(after.group("name")) if after else None
            if after is None or name is None:
                after = _FUNDS_NAME.match(text, a.span.end, line.end)
                name = clean_name(after.group("name")) if after else None
                if after is None or name is None:
                    continue
            found = (name, after.start("name"))
        d = _draft(found, "name_amount")
        figures.used.add(id(a))
        assign_amount(d, a, text, figures)
        # "NAME 예산은 올해 4510억 원에서 내년 6627억 원으로": a change is two figures.
        nxt = figures.next_amount(a.span.end)
        if nxt is not None and id(nxt) not in figures.used:
            between = text[a.span.end : nxt.span.start]
            if _FROM_TO.fullmatch(between):
                figures.used.add(id(nxt))
                assign_amount(d, nxt, text, figures)
        out.append(d)
    return out


_VIA = regex.compile(r"(?:을|를)\s+통해\s+[^.\n]{0,30}?$")

# "이 사업에 1639억원을": the programme named just before.
_ANAPHOR = regex.compile(r"(?:이|동|본|해당)\s*(?:사업|프로젝트)$")


def _referent(text: str, line: Line, before: int) -> tuple[str, int] | None:
    """The last programme named in the paragraph before ``before``, as ``(name, start)``."""
    last = None
    for m in _NAME_END.finditer(text, max(line.body_start, before - 300), before):
        last = m
    if last is None:
        return None
    stop = text.rfind(". ", line.body_start, last.start())
    start = stop + 2 if stop >= 0 else line.body_start
    name = clean_name(text[start : last.end()])
    if name is None or not STRONG_HEADS.search(name):
        return None
    at = text.find(name, start, last.end() + 1)
    return (name, at) if at >= 0 else None


_NAME_END = regex.compile(r"(?:사업|프로젝트|펀드|기금)(?=\s|을|를|은|는|이|에|의|$)")


def _item_with_notes(text: str, lines: list[Line], i: int, figures: Figures) -> list[Draft]:
    """``ㅇ NAME사업을 통해 …`` with no figures, then ``* … ’25년 40억원``: the notes'
    yearly figures are the programme's."""
    line = lines[i]
    if _is_note(text, line) or figures.any_in(line.start, line.end):
        return []
    found: tuple[str, int] | None = None
    for m in _NAME_END.finditer(text, line.body_start, line.end):
        found = _name_before(text, line, m.end(), figures)
        if found and STRONG_HEADS.search(found[0]):
            break
        found = None
    if found is None:
        return []
    notes = []
    for nxt in lines[i + 1 : i + 4]:
        if not text[nxt.start : nxt.end].lstrip().startswith(("*", "※")):
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
    d = _draft(found, "item_notes")
    for a in dated:
        figures.used.add(id(a))
        d.annual.setdefault(a.year or 0, a)
    return [d]


def _subject(ctx: Context, figures: Figures, drafts: list[Draft]) -> list[Draft]:
    """A document about one programme: the figures no other rule took are its figures.

    The programme is the one quoted name (「」 or quotes) with a strong head (사업,
    프로젝트, 펀드, 기금), or else the strong-headed label ``(NAME사업)`` that the text
    names most, at least twice. Only used when no other rule found a project.
    """
    text = ctx.text
    sheet = _budget_sheet_subject(ctx)
    if sheet is not None:
        # A budget sheet (사업설명자료) is about the programme in its title, whatever
        # else it names.
        name, start = sheet
        return [_subject_draft(name, start, figures)]
    quoted: dict[str, int] = {}
    for m in _QUOTED_NAME.finditer(text):
        found = clean_name(m.group("name"))
        if found and STRONG_HEADS.search(found):
            quoted.setdefault(found, m.start("name"))
    if len(quoted) == 1:
        name, start = next(iter(quoted.items()))
    else:
        labels: dict[str, int] = {}
        for m in _PAREN_LABEL.finditer(text):
            found = clean_name(m.group("name"))
            if found and STRONG_HEADS.search(found) and found not in labels:
                labels[found] = m.start("name")
        counted = sorted(labels.items(), key=lambda kv: (-text.count(kv[0]), kv[1]))
        if not counted or text.count(counted[0][0]) < 2:
            return []
        name, start = counted[0]
    if any(d.rule != "task_table" and name_key(d.name) != name_key(name) for d in drafts):
        return []
    return [_subject_draft(name, start, figures)]


# "혁신창업사업화자금(융자) (5152-301)": a budget sheet's title with its programme code.
_SHEET_TITLE = regex.compile(r"^(?P<name>.+?)\s*\(\d{4}-\d{3}\)\s*$")


def _budget_sheet_subject(ctx: Context) -> tuple[str, int] | None:
    title = ctx.title or ""
    m = _SHEET_TITLE.match(title)
    if m is None:
        return None
    name = clean_name(m.group("name"))
    if name is None:
        return None
    start = ctx.text.find(name)
    return (name, start) if start >= 0 else None


def _subject_draft(name: str, start: int, figures: Figures) -> Draft:
    d = Draft(name, start, start + len(name), "subject")
    free_periods = [p for p in figures.periods if id(p) not in figures.used]
    # The run time is stated on a 사업기간 line where there is one.
    stated = [p for p in free_periods if "기간" in _line_of(figures.text, p.span.start)]
    closed = [p for p in free_periods if p.start is not None and p.end is not None]
    # A closed run time beats an open one ("2028년까지 4년간" over "(기간) 2025년 ~").
    choice = [p for p in stated if p in closed] or closed or stated or free_periods
    if choice:
        d.period = choice[0]
    for a in figures.amounts:
        if id(a) in figures.used or a.qualifier in NOT_TOTAL_QUALIFIERS or a.per:
            continue
        if a.year is not None:
            d.annual.setdefault(a.year, a)
        elif a.qualifier == "총" and d.total is None:
            d.total = a
    return d


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


# Where two mentions of one project disagree, figures from the surer rule win.
_RULE_RANK: Final = {
    "scale_line": 0,
    "paren_figures": 0,
    "colon_figures": 0,
    "comma_figures": 1,
    "label_name": 2,
    "name_amount": 2,
    "item_notes": 3,
    "subject": 3,
    "task_table": 4,
}


def _merge(drafts: list[Draft]) -> list[Draft]:
    by_key: dict[str, Draft] = {}
    for d in sorted(drafts, key=lambda d: (_RULE_RANK[d.rule], d.start)):
        key = name_key(d.name)
        if not key:
            continue
        kept = by_key.get(key)
        if kept is None:
            by_key[key] = d
            continue
        if kept.period is None:
            kept.period = d.period
        if kept.total is None:
            kept.total = d.total
        for year, a in d.annual.items():
            kept.annual.setdefault(year, a)
        kept.funding.extend(d.funding)
        kept.group = kept.group or d.group
    for d in drafts:
        # Name and place of the first mention, figures of the surest.
        kept = by_key.get(name_key(d.name))
        if kept is not None and d.start < kept.start:
            kept.name, kept.start, kept.end = d.name, d.start, d.end
    merged = list(by_key.values())
    for d in merged:
        # A "total" equal to one year's figure of a yearly series is that year's budget.
        total = d.total
        if total is not None and any(a.value_krw == total.value_krw for a in d.annual.values()):
            d.total = None if len(d.annual) >= 2 else total
    return sorted(merged, key=lambda d: d.start)


def _build(ctx: Context, d: Draft) -> Project:
    loc = ctx.locate(d.start, d.end) if 0 <= d.start <= d.end <= len(ctx.text) else None
    span = loc.span if loc else ctx.locate(0, 0).span
    return Project(
        name=" ".join(d.name.split()),
        period=d.period,
        total=d.total,
        annual=[AnnualAmount(year=y, amount=a) for y, a in sorted(d.annual.items())],
        funding=d.funding,
        group=d.group,
        span=span,
        raw_span=loc.raw_span if loc else None,
        page=loc.page if loc else None,
    )
