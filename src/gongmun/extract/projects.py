"""Find named projects and tie the amounts and periods beside them to them.

Rules, tried in this order on each logical line (a project takes each figure once):

1. ``scale_line``: a ``* (규모) …`` line gives its figures to the item on the line above.
2. ``label_name``: ``* (규제특례신산업창출(R&D)사업) ’25년 20억원``.
3. ``paren_figures``: ``NAME(’25~’29, ’25년 51.7억원)``, the commonest shape.
4. ``colon_figures``: ``NAME : (’24) 8,295억원 → (’25) 8,272억원``.
5. ``comma_figures``: ``NAME, ’25년 92억 투입``.
6. ``name_amount``: ``CVC펀드 500억원 규모``.
7. ``task_table``: rows of a table of tasks (과제명) in the text or from a reader.
8. ``subject``: a press release or article about one quoted programme gets the
   document's headline period, total and yearly figures.

Figures split by kind: an amount with a year is that year's (``annual``); one after
국고/민간 is a funding share; a cap or per-item rate (당, 한도, 이상) is neither; any
other is the total.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

import regex

from gongmun.extract.context import Context
from gongmun.extract.project_tables import (
    ACTIVITY_WORDS,
    CLAUSE_END_SUFFIXES,
    FUNDING_SOURCES,
    GENERIC_NAMES,
    HEADS,
    LEADING_WORDS,
    LINKING_WORDS,
    NAME_AMOUNT_GAP,
    NOT_HEADS,
    NOT_TOTAL_QUALIFIERS,
    SOFT_ACTIVITY_WORDS,
    TABLE_DESCRIPTION_HEADERS,
    TABLE_NAME_HEADERS,
)
from gongmun.models import Amount, AnnualAmount, FundingShare, Period, Project, Span
from gongmun.readers import Table

# Bullets and outline markers that open a line; ``-`` and ``*`` only before a space.
_MARKER = regex.compile(
    r"""^[ \t]*(?:
        [□■◇◆○ㅇ◦●•▪▸▶Ÿ※△▲▷►➢✓✔]+ |       # symbol bullets
        [-–*]+(?=\s) | \*{1,3} |              # dashes and note stars
        [➊-➓❶-❿①-⑳] |                        # circled numbers
        (?:[0-9]{1,2}|[가-하]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]+)[.)](?=\s) |
        \([0-9가-하]{1,2}\)(?=\s) |
        v(?=\s)                               # a symbol-font bullet read as Latin v
    )[ \t]*""",
    regex.X,
)
# A leading label in parentheses: (규모), (원자력), (예시)…
_LABEL = regex.compile(r"^\((?P<label>[^()\n]{1,40}(?:\([^()\n]{1,20}\)[^()\n]{0,20})?)\)\s*")
_SCALE_LABELS: Final = frozenset({"규모", "사업규모", "예산", "사업비", "총사업비", "기간/규모"})
_HEAD_RE = regex.compile(
    r"(?:"
    + "|".join(regex.escape(h) for h in sorted(HEADS, key=len, reverse=True))
    # "지원" heads a name only glued to the word before: 육성지원, not "인재양성 지원".
    + r"|(?<=\S)지원)(?:[·‧]운영)?(?:\s*\([^()]{1,40}\))?$"
)
_NOT_HEAD_RE = regex.compile(
    r"(?:" + "|".join(regex.escape(h) for h in sorted(NOT_HEADS, key=len, reverse=True)) + r")$"
)
_COUNT_WORD = regex.compile(r"^[\d,.]+\s*(?:개|건|명|곳|종|회|개소|개사|개교|%)?$")
_FUNDING_RE = regex.compile(r"(?:" + "|".join(regex.escape(w) for w in FUNDING_SOURCES) + r")\s*$")
# "'24년 초격차 프로젝트": a two-digit year in front says when, it is not part of the name.
_YEAR_PREFIX = regex.compile(r"^'?\d{2}년도?\s+(?=\S)")
_QUOTED_NAME = regex.compile(r"[「'\"“‘](?P<name>[^」'\"”’\n]{3,80})[」'\"”’]")
_TABLE_CAPTION = regex.compile(r"^\s*[<〈＜]\s*(?P<cap>[^>〉＞\n]{2,80})[>〉＞]\s*$")
_PAGE_LINE = regex.compile(r"^\s*-\s*\d+\s*-\s*$")
_BULLET_START = regex.compile(r"^\s*(?:[□■◇◆○ㅇ◦●•▪▸▶<〈]|[➊-➓❶-❿]|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ)")

# Small patterns used by the rules below, compiled once.
_RELATIVE_YEAR_END = regex.compile(r"(올해|금년|내년)\s*$")
_TRAILING_DATED_GROUP = regex.compile(r"\s*\([^()]*\d[^()]*\)$")
_MIDDOTS = regex.compile(r"[·‧]")
_HAS_WORD = regex.compile(r"\p{Hangul}|[A-Za-z]{2}")
_STARTS_WITH_NUMBER = regex.compile(r"^'?\d")
_STARTS_WITH_YEAR = regex.compile(r"^\d{4}년")
_ENDS_IN_COUNT = regex.compile(r"\d+\s*(?:개|건|명)\s*\S*$")
_YEAR_GAP = regex.compile(r"[\s'\d년도,]*")
_TENTATIVE = regex.compile(r"\s*\(가칭\)\s*$")
_NAME_THEN_SEP = regex.compile(r"(?P<name>[^:,()]{3,80}?(?:\([^()]{1,30}\))?)\s*(?P<sep>:|,)\s*")
_FROM_TO = regex.compile(r"\s*(?:원)?에서\s*(?:(?:올해|내년|금년)\s*)?")
_DIGIT = regex.compile(r"\d")
_PAREN_LABEL = regex.compile(r"\((?P<name>[^()\n]{3,60})\)")
_NOT_KEY = regex.compile(r"[\s\p{P}\p{S}]")


@dataclass
class _Draft:
    """A project being assembled; figures are merged in as rules find them."""

    name: str
    start: int
    end: int
    rule: str
    period: Period | None = None
    total: Amount | None = None
    annual: dict[int, Amount] = field(default_factory=dict)
    funding: list[FundingShare] = field(default_factory=list)
    group: str | None = None


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    body_start: int  # after bullet markers

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]


class _Figures:
    """The amounts and periods of a document, each usable by one project only."""

    def __init__(
        self, amounts: Sequence[Amount], periods: Sequence[Period], text: str = ""
    ) -> None:
        self.text = text
        budget = _BUDGET_FRAME.search(text)
        # The year a budget article is about: 내년 in the text means the frame is next year.
        self.budget_year = int(budget["y"]) if budget else None
        self.relative_years: dict[str, int] = {}
        if self.budget_year is not None:
            ahead = "내년" in text
            this_year = self.budget_year - 1 if ahead else self.budget_year
            self.relative_years = {"올해": this_year, "금년": this_year, "내년": this_year + 1}
        self.amounts = sorted(amounts, key=lambda a: a.span.start)
        self.periods = sorted(periods, key=lambda p: p.span.start)
        self.used: set[int] = set()
        self.spans: list[Span] = sorted(
            [a.span for a in self.amounts] + [p.span for p in self.periods],
            key=lambda s: s.start,
        )
        # Start offsets for bisection: lookups stay logarithmic on long one-line documents.
        self._amount_starts = [a.span.start for a in self.amounts]
        self._period_starts = [p.span.start for p in self.periods]
        self._span_starts = [s.start for s in self.spans]

    def amounts_in(self, start: int, end: int) -> list[Amount]:
        lo = bisect_left(self._amount_starts, start)
        hi = bisect_left(self._amount_starts, end)
        return [a for a in self.amounts[lo:hi] if a.span.end <= end]

    def periods_in(self, start: int, end: int) -> list[Period]:
        lo = bisect_left(self._period_starts, start)
        hi = bisect_left(self._period_starts, end)
        return [p for p in self.periods[lo:hi] if p.span.end <= end]

    def spans_from(self, start: int, end: int) -> list[Span]:
        """Figure spans that start in ``[start, end)``."""
        lo = bisect_left(self._span_starts, start)
        hi = bisect_left(self._span_starts, end)
        return self.spans[lo:hi]

    def last_span_from(self, start: int, end: int) -> Span | None:
        """The last figure span that starts in ``[start, end)``."""
        lo = bisect_left(self._span_starts, start)
        hi = bisect_left(self._span_starts, end)
        return self.spans[hi - 1] if hi > lo else None

    def first_start_from(self, start: int) -> int | None:
        i = bisect_left(self._span_starts, start)
        return self._span_starts[i] if i < len(self._span_starts) else None

    def any_in(self, start: int, end: int) -> bool:
        return bool(self.amounts_in(start, end) or self.periods_in(start, end))

    def overlaps(self, start: int, end: int) -> bool:
        # Figures are short: one that overlaps [start, end) starts at most 40 chars before.
        return any(s.end > start for s in self.spans_from(max(0, start - 40), end))

    def take(self, draft: _Draft, start: int, end: int, text: str) -> None:
        """Give the unused figures in ``[start, end)`` to ``draft``."""
        for p in self.periods_in(start, end):
            if id(p) in self.used:
                continue
            self.used.add(id(p))
            if draft.period is None:
                draft.period = p
        for a in self.amounts_in(start, end):
            if id(a) in self.used:
                continue
            self.used.add(id(a))
            _assign_amount(draft, a, text, self)

    def frame_year(self, a: Amount) -> int | None:
        """The year a sentence frames an amount with, when the amount has none of its own.

        ``2020년도 편성된 예산안은 … 47억원`` frames its amounts with 2020; ``올해``/``내년``
        right before an amount count from the year a budget article is about.
        """
        text = self.text
        before = text[max(0, a.span.start - 6) : a.span.start].split("\n")[-1]
        word = _RELATIVE_YEAR_END.search(before)
        if word:
            return self.relative_years.get(word.group(1))
        start = text.rfind("\n", 0, a.span.start) + 1
        frame = _BUDGET_FRAME.search(text, start, a.span.start)
        return int(frame["y"]) if frame else None


_BUDGET_FRAME = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})년도\s*(?:[^\n.]{0,24}?)예산")


def _assign_amount(draft: _Draft, a: Amount, text: str, figures: _Figures | None = None) -> None:
    before = text[max(0, a.span.start - 12) : a.span.start]
    before = before.split("(")[-1].split(",")[-1]
    funder = _FUNDING_RE.search(before.rstrip(" :"))
    if funder:
        draft.funding.append(FundingShare(source=funder.group().strip(), amount=a))
        return
    if a.qualifier in NOT_TOTAL_QUALIFIERS or a.per:
        return
    year = a.year
    if year is None and figures is not None and a.qualifier != "총":
        year = figures.frame_year(a)
    if year is not None:
        draft.annual.setdefault(year, a)
        if a.qualifier == "총" and a.year is not None and draft.total is None:
            # "총 3조 2,940억원 규모의 2025년 … 공고": the whole budget, of that one year.
            draft.total = a
    elif draft.total is None:
        draft.total = a


def find_projects(
    ctx: Context,
    amounts: Sequence[Amount],
    periods: Sequence[Period],
    tables: Iterable[Table] = (),
) -> list[Project]:
    """Return the named projects of the document with their figures, in text order.

    >>> from gongmun.normalize import normalize
    >>> from gongmun.extract.amounts import find_amounts
    >>> from gongmun.extract.periods import find_periods
    >>> ctx = Context(normalize("* 바이오파운드리 구축사업('25~'29, '25년 51.7억원)"))
    >>> [p.name for p in find_projects(ctx, find_amounts(ctx), find_periods(ctx))]
    ['바이오파운드리 구축사업']
    """
    text = ctx.text
    figures = _Figures(amounts, periods, text)
    lines = _lines(text)
    drafts: list[_Draft] = []
    for i in range(len(lines)):
        drafts.extend(_scale_line(text, lines, i, figures))
    for i, line in enumerate(lines):
        drafts.extend(_label_name(text, line, figures))
        drafts.extend(_paren_figures(text, line, figures, _line_above(text, lines, i)))
        drafts.extend(_colon_or_comma_figures(text, line, figures))
        drafts.extend(_name_amount(text, line, figures))
    for i in range(len(lines)):
        drafts.extend(_item_with_notes(text, lines, i, figures))
    drafts.extend(_task_tables(text, lines))
    drafts.extend(_reader_tables(text, tables))
    drafts.extend(_subject(ctx, figures, drafts))
    return [_build(ctx, d) for d in _merge(drafts)]


# --- lines -------------------------------------------------------------------------


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        m = _MARKER.match(raw)
        out.append(_Line(pos, end, pos + (m.end() if m else len(raw) - len(raw.lstrip()))))
        pos = end + 1
    return out


def _paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level ``(…)`` groups in ``text[start:end]`` as (open, close+1) offsets."""
    groups = []
    depth = 0
    open_at = -1
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((open_at, i + 1))
    return groups


# --- names -------------------------------------------------------------------------


# Marks never at either end of a name; "?" is how some pages render lost 「」.
_EDGE_MARKS: Final = " ,;:*·-※「」『』'\"“”‘’?!`"


def clean_name(raw: str, *, support_head: bool = False) -> str | None:
    """Trim a phrase to the project name it ends with, or None if it names no project.

    >>> clean_name("알키미스트+(미래 판기술 프로젝트) 사업 본격 추진")
    '알키미스트+(미래 판기술 프로젝트) 사업'
    >>> clean_name("소규모 연구과제를 통합해 임무지향 대형 연구")
    >>> clean_name("이공계 진학을 위한 CVC펀드 조성")
    '이공계 진학을 위한 CVC펀드'
    """
    name = " ".join(raw.split())
    name = name.strip(_EDGE_MARKS)
    name = _YEAR_PREFIX.sub("", _cut_clause(name))
    # "규모 조성 및 CVC투자연계R&D": what a previous clause left in front of the name.
    while " " in name and name.split(" ", 1)[0] in _LEADING:
        name = name.split(" ", 1)[1]
    name = _trim_activity(name)
    name = name.strip(_EDGE_MARKS)
    if not _looks_like_project(name, support_head=support_head):
        return None
    return name


_LEADING: Final = (
    frozenset(LEADING_WORDS) | frozenset(ACTIVITY_WORDS) | frozenset(SOFT_ACTIVITY_WORDS) | {"규모"}
)


def _cut_clause(name: str) -> str:
    """Keep the words after the last clause boundary (a comma or a clause-ending word)."""
    depth = 0
    cut = 0
    for i, ch in enumerate(name):
        depth += (ch == "(") - (ch == ")")
        # A comma, a sentence end or a list mark (△ ▲ •) closes what came before.
        if depth == 0 and (ch in ",△▲•「“" or (ch in ".!?" and name[i + 1 : i + 2] == " ")):
            cut = i + 1
        elif depth == 0 and ch in "'\"" and (i == 0 or name[i - 1] == " "):
            cut = i + 1  # an opening quote
    name = name[cut:].strip()
    words = name.split(" ")
    keep = len(words) - 1
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        nxt = words[i + 1]
        if word.endswith(CLAUSE_END_SUFFIXES) and nxt not in LINKING_WORDS and "(" not in word:
            break
        keep = i
    return " ".join(words[keep:])


def _trim_activity(name: str) -> str:
    while True:
        # A trailing group of dates or remarks: "(’24.4월, 본 예타중)".
        m = _TRAILING_DATED_GROUP.search(name)
        if m and not _HEAD_RE.search(name):
            name = name[: m.start()]
            continue
        words = name.rsplit(" ", 1)
        if len(words) < 2:
            return name
        head, last = words
        parts = _MIDDOTS.split(last)
        if all(p in ACTIVITY_WORDS or p.startswith("예타") for p in parts if p):
            name = head
            continue
        if all(p in SOFT_ACTIVITY_WORDS for p in parts if p) and _HEAD_RE.search(head):
            name = head
            continue
        # "CVC투자연계R&D 신규 사업": a bare 사업 after an activity word.
        pre = head.rsplit(" ", 1)
        if (
            last == "사업"
            and len(pre) == 2
            and pre[1] in ACTIVITY_WORDS
            and _HEAD_RE.search(pre[0])
        ):
            name = pre[0]
            continue
        return name


def _looks_like_project(name: str, *, support_head: bool = False) -> bool:
    if not 3 <= len(name) <= 120 or not _HAS_WORD.search(name):
        return False
    has_head = bool(_HEAD_RE.search(name)) or (support_head and name.endswith(" 지원"))
    if _NOT_HEAD_RE.search(name) or not has_head or name in GENERIC_NAMES:
        return False
    if " 등 " in name:  # "성능평가·인증 등 신제품 개발" is a list of activities
        return False
    first = name.split(" ", 1)[0]
    if _STARTS_WITH_NUMBER.match(name) and not _STARTS_WITH_YEAR.match(name):
        return False
    if _COUNT_WORD.match(first) or "%" in name or name.count("(") != name.count(")"):
        return False
    return not _ENDS_IN_COUNT.search(name.rsplit("(", 1)[0])


def _name_before(
    text: str, line: _Line, end: int, figures: _Figures, *, support_head: bool = False
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


def _draft(name_at: tuple[str, int], rule: str) -> _Draft:
    name, start = name_at
    return _Draft(name=name, start=start, end=start + len(name), rule=rule)


# --- rules -------------------------------------------------------------------------


def _scale_line(text: str, lines: list[_Line], i: int, figures: _Figures) -> list[_Draft]:
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
        for g0, g1 in _paren_groups(text, above.body_start, above.end):
            found = _name_before(text, above, g1, figures) or _name_before(text, above, g0, figures)
            if found:
                break
    if found is None:
        return []
    d = _draft(found, "scale_line")
    figures.take(d, line.body_start + label.end(), line.end, text)
    return [d]


def _line_above(text: str, lines: list[_Line], i: int) -> _Line | None:
    """The nearest non-blank line above ``i`` within one blank line, if it is not an item."""
    for ln in reversed(lines[max(0, i - 2) : i]):
        if ln.end > ln.start and text[ln.start : ln.end].strip():
            return ln if ln.body_start == ln.start else None
    return None


def _item_above(text: str, lines: list[_Line], i: int) -> _Line | None:
    """The nearest line above ``i`` that is an item, not a note (``*``, ``-``, ``※``)."""
    for ln in reversed(lines[max(0, i - 4) : i]):
        if ln.end <= ln.body_start:
            continue
        if not text[ln.start : ln.end].lstrip().startswith(("*", "-", "※", "–")):
            return ln
    return None


def _label_name(text: str, line: _Line, figures: _Figures) -> list[_Draft]:
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
    d = _Draft(name, line.body_start + 1, line.body_start + 1 + len(name), "label_name")
    figures.take(d, rest, line.end, text)
    return [d]


def _paren_figures(
    text: str, line: _Line, figures: _Figures, above: _Line | None = None
) -> list[_Draft]:
    out = []
    for g0, g1 in _paren_groups(text, line.body_start, line.end):
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
        if found is None or _NOT_HEAD_AFTER.match(text, g1):
            continue
        d = _draft(found, "paren_figures")
        figures.take(d, g0, g1, text)
        out.append(d)
    return out


def _inner_name(text: str, g0: int, g1: int, figures: _Figures) -> tuple[str, int] | None:
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


def _colon_or_comma_figures(text: str, line: _Line, figures: _Figures) -> list[_Draft]:
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
    d = _Draft(name, start, start + len(name), rule)
    figures.take(d, rest, line.end, text)
    return [d]


# "산업혁신기반구축(’23~’25) 로드맵": the name only modifies a plan, strategy…
_NOT_HEAD_AFTER = regex.compile(
    r"\s*(?:" + "|".join(regex.escape(h) for h in NOT_HEADS if len(h) > 1) + r")"
)
_STRONG_HEADS = regex.compile(r"(?:펀드|기금|사업|프로젝트)$")


_GAP_RE = regex.compile(NAME_AMOUNT_GAP + r"$")
# "3조7000억원 규모의 스마트시티 시범도시 건설을": a name right after an amount.
_AFTER_AMOUNT = regex.compile(
    r"\s*(?:규모의|규모인|의)\s+(?P<name>(?:[^\s,.()]+\s+){0,8}?[^\s,.()]+?)"
    r"(?:을|를|은|는|이|가|도|에)(?=\s|$)"
)


def _name_amount(text: str, line: _Line, figures: _Figures) -> list[_Draft]:
    """``NAME에 1조2520억원``, ``NAME 500억원 규모`` and ``300억원 규모의 NAME을``."""
    out = []
    for a in figures.amounts_in(line.body_start, line.end):
        if id(a) in figures.used:
            continue
        phrase = text[line.body_start : a.span.start]
        gap = _GAP_RE.search(phrase)
        end = line.body_start + (gap.start() if gap else len(phrase))
        found = _name_before(text, line, end, figures)
        if found is not None and not _STRONG_HEADS.search(found[0]):
            found = None
        if found is None:
            after = _AFTER_AMOUNT.match(text, a.span.end, line.end)
            name = clean_name(after.group("name")) if after else None
            if after is None or name is None:
                continue
            found = (name, after.start("name"))
        d = _draft(found, "name_amount")
        figures.used.add(id(a))
        _assign_amount(d, a, text, figures)
        # "NAME 예산은 올해 4510억 원에서 내년 6627억 원으로": a change is two figures.
        nxt = next((b for b in figures.amounts if b.span.start >= a.span.end), None)
        if nxt is not None and id(nxt) not in figures.used:
            between = text[a.span.end : nxt.span.start]
            if _FROM_TO.fullmatch(between):
                figures.used.add(id(nxt))
                _assign_amount(d, nxt, text, figures)
        out.append(d)
    return out


_NAME_END = regex.compile(r"(?:사업|프로젝트|펀드|기금)(?=\s|을|를|은|는|이|에|의|$)")


def _item_with_notes(text: str, lines: list[_Line], i: int, figures: _Figures) -> list[_Draft]:
    """``ㅇ NAME사업을 통해 …`` with no figures, then ``* … ’25년 40억원``: the notes'
    yearly figures are the programme's."""
    line = lines[i]
    raw = text[line.start : line.end].lstrip()
    if raw.startswith(("*", "-", "※", "–")) or figures.any_in(line.start, line.end):
        return []
    found: tuple[str, int] | None = None
    for m in _NAME_END.finditer(text, line.body_start, line.end):
        found = _name_before(text, line, m.end(), figures)
        if found and _STRONG_HEADS.search(found[0]):
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


def _task_tables(text: str, lines: list[_Line]) -> list[_Draft]:
    """Rows of a task table written out as lines: a header with 과제명/프로젝트, then rows."""
    out: list[_Draft] = []
    i = 0
    while i < len(lines):
        header = lines[i].text(text).strip()
        cells = header.split()
        if not _is_task_header(header, cells):
            i += 1
            continue
        has_description = any(h in header for h in TABLE_DESCRIPTION_HEADERS)
        j = i + 1
        rows: list[tuple[int, str]] = []
        while j < len(lines):
            row = lines[j].text(text).strip()
            if row and (
                _PAGE_LINE.match(row) or _BULLET_START.match(row) or _TABLE_CAPTION.match(row)
            ):
                break
            if row:
                rows.append((lines[j].start, row))
            j += 1
        out.extend(_table_rows(text, rows, has_description))
        i = j
    return out


def _table_rows(text: str, rows: list[tuple[int, str]], has_description: bool) -> list[_Draft]:
    """Names from the rows of one text table.

    Where rows are dashed (``- NAME``), only dashed rows are names and the rest are
    group labels; otherwise short rows are group labels and, beside a description
    column, names and descriptions alternate.
    """
    out: list[_Draft] = []
    dashed = any(r.startswith(("- ", "– ")) for _, r in rows)
    expect_name = True
    group: str | None = None
    in_label = False  # a group label wrapped over rows: 첨단 / 바이오
    for line_start, row in rows:
        is_row = row.startswith(("- ", "– ")) if dashed else not _is_group_label(row)
        if not is_row:
            group = f"{group} {row}" if in_label and group else row
            in_label = True
            expect_name = True
            continue
        in_label = False
        if dashed:
            name = row[2:].strip()
            start = text.find(name, line_start)
            out.append(_Draft(name, start, start + len(name), "task_table", group=group))
            continue
        if expect_name:
            start = text.find(row, line_start)
            out.append(_Draft(row, start, start + len(row), "task_table", group=group))
        expect_name = not has_description or not expect_name
    return out


def _is_task_header(header: str, cells: list[str]) -> bool:
    if not 2 <= len(cells) <= 6 or len(header) > 40 or any(len(c) > 6 for c in cells):
        return False
    if _TABLE_CAPTION.match(header) or header.startswith(("<", "〈", "「")):
        return False
    if _BULLET_START.match(header) or _MARKER.match(header):
        return False
    return any(h in header for h in TABLE_NAME_HEADERS) and not _DIGIT.search(header)


def _is_group_label(row: str) -> bool:
    """Short cells like ``AI``, ``첨단``, ``(소재·부품`` that name a row group, not a task."""
    short = len(row) <= 12 and " " not in row.strip("()")
    return short or (row.startswith("(") and row.endswith(")") and len(row) <= 20)


def _reader_tables(text: str, tables: Iterable[Table]) -> list[_Draft]:
    """Rows of tables a reader found (PDF, HWPX): the cells of the 과제명/사업명 column."""
    wanted = {h.replace(" ", "") for h in TABLE_NAME_HEADERS}
    out: list[_Draft] = []
    for table in tables:
        if not table.rows:
            continue
        header = ["".join((c or "").split()) for c in table.rows[0]]
        col = next((i for i, c in enumerate(header) if c in wanted), None)
        if col is None:
            continue
        group: str | None = None
        cursor = 0
        for row in table.rows[1:]:
            if col >= len(row):
                continue
            if col > 0 and row[0]:
                group = " ".join(row[0].split())
            name = " ".join((row[col] or "").split())
            found = _find_loose(text, name, cursor) if name else None
            if found is None:
                continue
            start, end = found
            cursor = end
            out.append(_Draft(text[start:end], start, end, "task_table", group=group))
    return out


def _find_loose(text: str, name: str, start: int) -> tuple[int, int] | None:
    """Where ``name`` is in ``text`` at or after ``start``, whatever the whitespace between
    its characters (a cell's text may be wrapped differently from the page's)."""
    chars = [regex.escape(c) for c in name if not c.isspace()]
    if not chars:
        return None
    m = regex.compile(r"\s*".join(chars)).search(text, start)
    if m is None and start:
        m = regex.compile(r"\s*".join(chars)).search(text)
    return (m.start(), m.end()) if m else None


def _subject(ctx: Context, figures: _Figures, drafts: list[_Draft]) -> list[_Draft]:
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
        if found and _STRONG_HEADS.search(found):
            quoted.setdefault(found, m.start("name"))
    if len(quoted) == 1:
        name, start = next(iter(quoted.items()))
    else:
        labels: dict[str, int] = {}
        for m in _PAREN_LABEL.finditer(text):
            found = clean_name(m.group("name"))
            if found and _STRONG_HEADS.search(found) and found not in labels:
                labels[found] = m.start("name")
        counted = sorted(labels.items(), key=lambda kv: (-text.count(kv[0]), kv[1]))
        if not counted or text.count(counted[0][0]) < 2:
            return []
        name, start = counted[0]
    if any(d.rule != "task_table" and _key(d.name) != _key(name) for d in drafts):
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


def _subject_draft(name: str, start: int, figures: _Figures) -> _Draft:
    d = _Draft(name, start, start + len(name), "subject")
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


# --- merge and build -----------------------------------------------------------------


def _key(name: str) -> str:
    return _NOT_KEY.sub("", name).lower()


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


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    by_key: dict[str, _Draft] = {}
    for d in sorted(drafts, key=lambda d: (_RULE_RANK[d.rule], d.start)):
        key = _key(d.name)
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
        kept = by_key.get(_key(d.name))
        if kept is not None and d.start < kept.start:
            kept.name, kept.start, kept.end = d.name, d.start, d.end
    merged = list(by_key.values())
    for d in merged:
        # A "total" equal to one year's figure of a yearly series is that year's budget.
        total = d.total
        if total is not None and any(a.value_krw == total.value_krw for a in d.annual.values()):
            d.total = None if len(d.annual) >= 2 else total
    return sorted(merged, key=lambda d: d.start)


def _build(ctx: Context, d: _Draft) -> Project:
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
