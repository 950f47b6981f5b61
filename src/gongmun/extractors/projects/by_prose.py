"""Project rules that read a name from prose: the phrase an amount is given to.

``'NAME'에 1조원``, ``NAME 예산은 올해 X에서 내년 Y로``, ``X억원 규모의 NAME을``,
``NAME를 통해 … X억원``, ``이 사업에 X억원``; and a document about one programme.
"""

from __future__ import annotations

import re
from itertools import pairwise

import regex

from gongmun.extractors.context import Context
from gongmun.extractors.projects import aliases
from gongmun.extractors.projects.assign import assign_amount, funding_source, marked_total, role_of
from gongmun.extractors.projects.ends import at_end
from gongmun.extractors.projects.figures import Draft, Figures
from gongmun.extractors.projects.lines import Line
from gongmun.extractors.projects.names import (
    NAME_END as _NAME_END,
)
from gongmun.extractors.projects.names import (
    STRONG_HEADS,
    clean_name,
    coordinated,
    draft_at,
    is_headed,
    listed_name,
    locate,
    name_before,
    name_key,
    noun_phrase_tail,
    object_before,
    object_name,
    phrase_before,
)
from gongmun.extractors.projects.scan import Scan
from gongmun.extractors.projects.words import (
    ACTIVITY_HEADS,
    BUDGET_VERBS,
    FUNDING_VERBS,
    NAME_AMOUNT_GAP,
    NOT_TOTAL_QUALIFIERS,
)
from gongmun.models import Amount, FundingShare

_QUOTED_NAME = re.compile(r"[「'\"“‘](?P<name>[^」'\"”’\n]{3,80})[」'\"”’]")

_FROM_TO = re.compile(r"\s*(?:원)?에서\s*(?:(?:올해|내년|금년)\s*)?")

_PAREN_LABEL = re.compile(r"\((?P<name>[^()\n]{3,60})\)")


def name_amounts(scan: Scan) -> list[Draft]:
    """``NAME에 1조2520억원``, ``NAME 500억원 규모`` and ``300억원 규모의 NAME을``."""
    lines = scan.lines
    return [d for i in scan.figure_lines for d in _name_amount(scan.text, lines[i], scan.figures)]


def respective(scan: Scan) -> list[Draft]:
    """``A 및 B에 각각 15억원, 22억원``, ``A과 B에 각각 24억 원과 9억 원``: the i-th
    figure is the i-th name's (names split by Kiwi's tags, head noun or not)."""
    text, lines, figures = scan.text, scan.lines, scan.figures
    out: list[Draft] = []
    for i in scan.lines_holding(["각각"]):
        line = lines[i]
        for m in _EACH.finditer(text, line.body_start, line.end):
            out.extend(_respective(text, line, m, figures))
    return out


# "에 각각", "에는 각각", "으로 각각": the names before, their figures after.
_EACH = re.compile(r"(?:에는|에|으로|로)\s*각각\s*")
# Between two listed figures: "15억원, 22억원", "24억 원과 9억 원", "10억 원 및 5억 원".
_BETWEEN_FIGURES = re.compile(r"\s*(?:원)?\s*(?:,|과|와|및)\s*")
# How far after 각각 its figures may run.
_EACH_REACH = 120


def _respective(
    text: str, line: Line, m: re.Match[str] | regex.Match[str], figures: Figures
) -> list[Draft]:
    start, phrase = phrase_before(text, line, m.start(), figures)
    parts = coordinated(phrase)
    if len(parts) < 2:
        return []
    amounts = figures.amounts_in(m.end(), min(line.end, m.end() + _EACH_REACH))
    if len(amounts) < len(parts) or amounts[0].span.start - m.end() > 4:
        return []
    listed = amounts[: len(parts)]
    for a, b in pairwise(listed):
        if not _BETWEEN_FIGURES.fullmatch(text, a.span.end, b.span.start):
            return []
    if any(id(a) in figures.used for a in listed):
        return []
    drafts = []
    cursor = start
    for part in parts:
        name = clean_name(part) or object_name(part)
        place = locate(text, name, cursor, m.start()) if name else None
        if name is None or place is None:
            return []
        cursor = place[1]
        drafts.append(Draft(name, place[0], place[1], "respective"))
    for d, a in zip(drafts, listed, strict=True):
        figures.used.add(id(a))
        assign_amount(d, a, text, figures)
    return drafts


def alias_mentions(scan: Scan) -> list[Draft]:
    """``「A」(이하 'B')`` … ``B는 총 1,500억 원``: a subject mention of an alias takes
    the figures of its sentence for A (:mod:`.aliases`)."""
    return aliases.alias_mentions(scan.text, scan.figures, scan.aliases)


def repeated_mentions(scan: Scan) -> list[Draft]:
    """``NAME(총사업비 450억 원) …`` then ``이 가운데 NAME은 2026년부터 4년간 추진되며,
    2026년 예산으로 38억 원이``: a later subject mention of a name found before takes
    its sentence's free figures (:mod:`.aliases`)."""
    return aliases.mentions(scan.text, scan.figures, _spoken(scan.drafts))


def table_mentions(scan: Scan) -> list[Draft]:
    """A name a table's name column gives is a name in prose too: ``AI 반도체 개발 지원에
    1,500억원(’26~’30, 총 7,500억원)`` above the table takes its sentence's free figures
    for the row's project, head noun or not (the table says it is a programme)."""
    known = _spoken([d for d in scan.drafts if d.rule in _TABLE_RULES])
    return aliases.mentions(scan.text, scan.figures, known) if known else []


def _spoken(drafts: list[Draft]) -> dict[str, aliases.Named]:
    """The names of ``drafts`` whose mentions are looked for: long ones of two words or
    more (a short one recurs as a word)."""
    return {
        d.name: aliases.Named(d.name, d.start, d.end)
        for d in drafts
        if " " in d.name and len(d.name) >= _MENTION_MIN
    }


# The shortest name whose later mentions are looked for (short ones recur as words).
_MENTION_MIN = 6


def subject(scan: Scan) -> list[Draft]:
    """A document about one programme: the figures no other rule took are its figures."""
    return _subject(scan.ctx, scan.figures, scan.drafts)


_GAP_RE = at_end(NAME_AMOUNT_GAP)
# The gap names the figure a budget: "NAME 예산은", "NAME 사업비로" (a particle after it:
# a headline's "스마트농업 확산 예산 2477억원" sums a field).
_BUDGET_GAP = re.compile(r"(?:예산|사업비)(?:은|는|이|가|으로|로|을|를)")
# "NAME을 위한 융자 규모가", "NAME을 위한 예산은 총": the money for a programme.
_FOR_BUDGET = at_end(
    r"(?:을|를)\s*위한\s*(?:융자|예산|사업비|재원|투자)\s*(?:규모|액|금)?\s*(?:은|는|이|가)\s*"
    r"(?:총\s*|약\s*)?"
)
# A budget-making verb after the amount: "32억 원을 편성", "45억 원을 새로 편성".
_BUDGETED = re.compile(
    r"\s*(?:의\s*(?:예산|사업비)\s*)?(?:이|가|을|를)?\s*(?:(?:새로|신규로|추가로|별도로|각각)\s*)?(?:"
    + "|".join(BUDGET_VERBS)
    + r")"
)
# The words between a name and its amount are short ("에는 예산이 올해 약").
_GAP_REACH = 40
# How far after an amount a name it sizes or funds may end: matches are given an end
# short of a long line's, as the regex module looks for a pattern's literal up to it.
_AFTER_REACH = 240

# "3조7000억원 규모의 스마트시티 시범도시 건설을": a name right after an amount.
_AFTER_AMOUNT = re.compile(
    r"\s*(?:규모의|규모인|의)\s+(?P<name>(?:[^\s,.()]+\s+){0,8}?[^\s,.()]+?)"
    r"(?:을|를|은|는|이|가|도|에)(?=\s|$)"
)
# "예산 70억원으로 50개사를 지원하는 딥테크 특화 프로그램도 신설": the amount funds the
# programme its relative clause leads to.
# "2조원을 웃도는 서울~세종 고속도로도": the amount is a bound on the whole project's size.
_AT_LEAST_NAME = re.compile(
    r"\s*(?:을|를|이|가|에)?\s*(?:웃도는|넘는|달하는|육박하는)\s+"
    r"(?P<name>(?:[^\s,.()]+\s+){0,8}?[^\s,.()]+?)(?:을|를|은|는|이|가|도|에)(?=\s|$)"
)
# "155억 원을 투입해 항사댐 등 소규모 댐 건설 사업도 지원": the amount funds the object
# of the verb that follows.
_INVESTS_IN = re.compile(
    r"\s*(?:을|를)\s*(?:투입|투자|들여)(?:해|하여|해서|하고)?,?\s+"
    r"(?P<name>(?:[^\s,.()]+\s+){0,8}?[^\s,.()]+?)(?:을|를|도|에)\s+(?:[^\s.]+\s+){0,2}?"
    r"(?:추진|지원|조성|구축|건설|착수|신설|설치|확충|정비|실시|개발|착공)"
)
# "NAME엔 2938억원의 예산이 투입", "NAME은 … 2000억원을 마련": a funding verb after the
# amount gives it to the name before it, whatever the name's head noun.
_FUNDED = re.compile(
    r"\s*(?:의\s*(?:예산|사업비|재원)\s*)?(?:이|가|을|를)?\s*(?:" + "|".join(FUNDING_VERBS) + r")"
)
_FUNDS_NAME = re.compile(
    r"(?:으로|로|을 들여|를 들여)\s+[^.\n]{0,30}?(?:하는|한|할)\s+"
    r"(?P<name>(?:[^\s,.()]+\s+){0,6}?[^\s,.()]+?)(?:을|를|은|는|이|가|도)(?=\s|$)"
)


def _name_amount(text: str, line: Line, figures: Figures) -> list[Draft]:
    """``NAME에 1조2520억원``, ``NAME 500억원 규모`` and ``300억원 규모의 NAME을``."""
    out = []
    for a in figures.amounts_in(line.body_start, line.end):
        if id(a) in figures.used:
            continue
        # Only the stretch a name can sit in: never from the line start on a long line.
        reach = max(line.body_start, a.span.start - _GAP_REACH)
        phrase = text[reach : a.span.start]
        gap = _GAP_RE.search(phrase)
        end = reach + (gap.start() if gap else len(phrase))
        found = _prose_name(text, line, end, figures)
        if (
            found is not None
            and not STRONG_HEADS.search(found[0])
            and (found[0].endswith(ACTIVITY_HEADS) or not _funded(text, a))
        ):
            found = None
        if found is None:
            # "① 수전해 소재 개발 200억원, ② …": an item listed in the line.
            found = listed_name(text, line, end, a.span.end, figures)
        if found is None:
            # "NAME을 위한 융자 규모가 11조원": the sum is the money for NAME.
            purpose_gap = _FOR_BUDGET.search(phrase)
            if purpose_gap is not None:
                found = _prose_name(text, line, reach + purpose_gap.start(), figures)
        budget_gap = bool(_BUDGET_GAP.search(text, end, a.span.start))
        if found is None and (budget_gap or _BUDGETED.match(text, a.span.end, a.span.end + 40)):
            # "NAME에는 올해 32억 원을 편성", "NAME 예산은 …": the verb or the word 예산
            # makes the phrase before a programme, head noun or not.
            found = object_before(text, line, end, figures)
        if found is None and _funded(text, a):
            # "NAME을 본격 추진하기 위해 70개 어촌에 1974억 원을 투자": the programme the
            # spending is for.
            purpose = _FOR_PURPOSE.search(
                text, max(line.body_start, a.span.start - 80), a.span.start
            )
            if purpose is None:
                # "'NAME' 사업을 추진하며, 총 600억 원을 투입": the programme the same
                # subject goes on to fund, when no other target comes between.
                purpose = _THEN_FUNDS.search(
                    text, max(line.body_start, a.span.start - 80), a.span.start
                )
                if purpose is not None and _OTHER_TARGET.search(purpose.group("gap")):
                    purpose = None
            if purpose is not None:
                found = _prose_name(text, line, purpose.start(), figures) or object_before(
                    text, line, purpose.start(), figures
                )
        if found is None and _ANAPHOR.search(text, max(line.body_start, end - 8), end):
            found = _referent(text, line, end - 4)
        if found is None:
            # "NAME를 통해 약 669개사에 1310억원 규모를 제공": the programme that pays it.
            via = _VIA.search(text, max(line.body_start, a.span.start - 40), a.span.start)
            if via is not None:
                found = name_before(text, line, via.start(), figures)
                if found is not None and not STRONG_HEADS.search(found[0]):
                    found = None
        bound = False
        if found is None:
            after = None
            name = None
            for pattern in _NAMES_AFTER:
                # Bounded: a name after its amount sits within _AFTER_REACH characters.
                after = pattern.match(text, a.span.end, min(line.end, a.span.end + _AFTER_REACH))
                name = clean_name(after.group("name")) if after else None
                if after is not None and name is None and pattern is _INVESTS_IN:
                    # "85억 원을 투입해 NAME을 추진": the verbs make it a programme.
                    name = object_name(after.group("name"))
                if after is not None and name is not None:
                    bound = pattern is _AT_LEAST_NAME
                    break
            if after is None or name is None:
                continue
            if not _quoted_at(text, after.start("name")):
                name = noun_phrase_tail(name)
            place = locate(text, name, after.start("name"), after.end())
            if place is None:
                continue
            found = (name, *place)
        if _last_listed(text, line, found[1]):
            # "A사업, B사업 및 C사업에 총 900억원": the figure is the list's, not C's.
            continue
        d = draft_at(found, "name_amount")
        if gap is not None and found[2] <= end:
            # The gap's run time and funding share are the name's too ("NAME은
            # 2027년까지 국비 800억원 등 총 1,200억원").
            figures.take(d, found[2], a.span.start, text)
        figures.used.add(id(a))
        assign_amount(d, a, text, figures)
        parts = _PARTS_AFTER.match(text, a.span.end, line.end)
        if parts is not None:
            # "총 1,800억원(국비 1,200억원)": the bracket's figures are the same name's.
            figures.take(d, parts.start(), parts.end(), text)
        if bound and d.total is None and not d.annual:
            d.total = a  # a lower bound of the size, the only total the text gives
        # "NAME 예산은 올해 4510억 원에서 내년 6627억 원으로": a change is two figures.
        nxt = figures.next_amount(a.span.end)
        if nxt is not None and id(nxt) not in figures.used:
            between = text[a.span.end : nxt.span.start]
            if _FROM_TO.fullmatch(between):
                figures.used.add(id(nxt))
                assign_amount(d, nxt, text, figures)
        out.append(d)
    return out


_NAMES_AFTER = (_AFTER_AMOUNT, _AT_LEAST_NAME, _INVESTS_IN, _FUNDS_NAME)

# What joins a name to the one listed before it: "A사업, ", "A사업 및 ", "A사업과 ".
_LIST_JOIN = at_end(r"(?P<prev>[^\s,]+?)(?:\s*,|\s+및|과|와)\s+")


def _last_listed(text: str, line: Line, start: int) -> bool:
    """Whether the name at ``start`` closes a list of names (``A사업, B사업 및 C사업``):
    the word before the joint ends in a programme's head noun."""
    m = _LIST_JOIN.search(text, max(line.body_start, start - 30), start)
    return m is not None and is_headed(m.group("prev"))


def _funded(text: str, a: Amount) -> bool:
    """Whether a funding verb follows ``a`` (through a ``X에서 Y로`` change, or a bracket
    of its parts: ``총 1,800억원(국비 1,200억원)을 투입``)."""
    m = _FROM_TO_AMOUNT.match(text, a.span.end) or _PARTS_AFTER.match(text, a.span.end)
    return bool(_FUNDED.match(text, m.end() if m else a.span.end))


# A bracket of figures right after an amount: its parts ("(국비 1,200억원)").
_PARTS_AFTER = re.compile(
    r"[ \t]*\([^()\n]{0,20}?\d[\d,.]*\s*(?:조|억|천만|백만|만)[^()\n]{0,20}\)"
)


# "… 원에서 내년 6627억 원으로": the second figure of a change, skipped to its verb.
_FROM_TO_AMOUNT = re.compile(r"\s*(?:원)?에서\s*[^.\n]{0,24}?원으로\s*(?:[\d.]+%\s*)?(?:대폭\s*)?")


def _quoted_at(text: str, pos: int) -> bool:
    """Whether a quote mark or 「 opens the phrase at ``pos``."""
    return text[pos : pos + 1] in "「『'\"‘“?" and pos < len(text)


def _prose_name(text: str, line: Line, end: int, figures: Figures) -> tuple[str, int, int] | None:
    """The name ending at ``end``, cut to the noun phrase prose puts last (Kiwi's tags)."""
    found = name_before(text, line, end, figures)
    if found is None:
        return None
    name, start, stop = found
    if start > 0 and _quoted_at(text, start - 1):
        return found
    tail = noun_phrase_tail(name)
    if tail == name:
        return found
    place = locate(text, tail, start, stop)
    return (tail, *place) if place else found


# "NAME을 (본격) 추진하기 위해 … ": the object of the purpose clause before a figure.
_FOR_PURPOSE = re.compile(
    r"(?:을|를)\s+(?:본격(?:적으로)?\s*|적극\s*|차질\s*없이\s*)?"
    r"(?:추진|지원|조성|구축|육성|운영|건립|건설)하기\s*위(?:해|하여)\s+[^.\n]{0,40}$"
)

# "NAME을 추진하며, (2030년까지 5년간) 총 …": the object of a verb the clause goes on from.
_THEN_FUNDS = re.compile(
    r"(?:을|를)\s+(?:본격(?:적으로)?\s*|적극\s*|새로\s*)?"
    r"(?:추진|조성|구축|육성|운영|건립|건설|착수|시작)(?:하며|하고|하면서|해|하여)\s*,?\s+"
    r"(?P<gap>[^.\n]{0,40})$"
)
# A word the figure is given to instead (… 관광 인프라에, … 지역에는): another target.
_OTHER_TARGET = re.compile(r"\S(?:에|에는|엔|에도)(?=\s)")

_VIA = at_end(r"(?:을|를)\s+통해\s+[^.\n]{0,30}?")

# "이 사업에 1639억원을": the programme named just before.
_ANAPHOR = re.compile(r"(?:이|동|본|해당)\s*(?:사업|프로젝트)$")


def _referent(text: str, line: Line, before: int) -> tuple[str, int, int] | None:
    """The last programme named in the paragraph before ``before``, as ``(name, start, end)``."""
    reach = max(line.body_start, before - 300)
    last = None
    for m in _NAME_END.finditer(text, reach, before):
        last = m
    if last is None:
        return None
    stop = text.rfind(". ", reach, last.start())
    start = stop + 2 if stop >= 0 else reach
    name = clean_name(text[start : last.end()])
    if name is None or not STRONG_HEADS.search(name):
        return None
    place = locate(text, name, start, last.end() + 1)
    return (name, *place) if place else None


# Labels counted for the subject: each count reads the whole text once.
_MAX_LABELS = 40


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
    found_keys = {name_key(d.name) for d in drafts if d.rule not in _TABLE_RULES}
    if len(found_keys) > 1:
        return []  # other rules found two programmes: whatever the subject, one is another
    quoted: dict[str, int] = {}
    for m in _QUOTED_NAME.finditer(text):
        found = clean_name(m.group("name"))
        if found and STRONG_HEADS.search(found):
            # Cleaning may cut marks off the front (an opening quote read as part of
            # the name, as in `'「NAME」`): the span starts where the clean name does.
            quoted.setdefault(found, _start_of(text, found, m))
    if len(quoted) == 1:
        name, start = next(iter(quoted.items()))
    else:
        labels: dict[str, int] = {}
        for m in _PAREN_LABEL.finditer(text):
            found = clean_name(m.group("name"))
            if found and STRONG_HEADS.search(found) and found not in labels:
                labels[found] = _start_of(text, found, m)
                if len(labels) >= _MAX_LABELS:
                    break
        counted = sorted(labels.items(), key=lambda kv: (-text.count(kv[0]), kv[1]))
        if not counted or text.count(counted[0][0]) < 2:
            return []
        name, start = counted[0]
    if found_keys and found_keys != {name_key(name)}:
        return []  # another rule found another programme
    return [_subject_draft(name, start, figures)]


# Rules whose names are rows of a table: a document about one programme may list tasks.
_TABLE_RULES = frozenset({"task_table", "table_row"})


# "혁신창업사업화자금(융자) (5152-301)": a budget sheet's title with its programme code.
_SHEET_TITLE = re.compile(r"^(?P<name>.+?)\s*\(\d{4}-\d{3}\)\s*$")


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
        # Each figure's role from its clause ("올해 150억원", "국비 12억원", "7억원 늘었다"),
        # but a bare figure is no total here: the document gives many figures that are not.
        role, year = role_of(a, figures.text, figures)
        if role == "annual" and year is not None:
            d.annual.setdefault(year, a)
        elif role == "funding":
            d.funding.append(FundingShare(source=funding_source(a, figures.text), amount=a))
        elif role == "total" and d.total is None and marked_total(a, figures.text):
            d.total = a
    return d


def _line_of(text: str, pos: int) -> str:
    """The line around ``pos``, at most 80 characters either side (long lines stay cheap)."""
    lo = max(0, pos - 80)
    start = text.rfind("\n", lo, pos) + 1 or lo
    start = max(start, lo)
    hi = min(len(text), pos + 80)
    end = text.find("\n", pos, hi)
    return text[start : end if end >= 0 else hi]


def _start_of(text: str, name: str, m: re.Match[str] | regex.Match[str]) -> int:
    """Where the cleaned ``name`` begins inside the match's ``name`` group."""
    place = locate(text, name, m.start("name"), m.end("name"))
    return place[0] if place else m.start("name")
