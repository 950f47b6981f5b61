"""Project names: trim a phrase to the name it ends with, or say it names no project.

A name is a noun phrase ending in a head noun (사업, 프로젝트, 펀드, 센터...) with no
predicate; activity words after it (추진, 예타 선정) and leftovers of the clause before
it are trimmed. The word lists are in :mod:`project_tables`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

import regex

from gongmun.extractors.meta_tables import BODIES
from gongmun.extractors.projects.ends import at_end
from gongmun.extractors.projects.figures import Draft, Figures
from gongmun.extractors.projects.lines import PARENS, Line
from gongmun.extractors.projects.words import (
    ACTIVITY_HEADS,
    ACTIVITY_WORDS,
    BOUND_NOUNS,
    CATEGORY_NAMES,
    CLAUSE_END_SUFFIXES,
    EVENT_WORDS,
    FIELD_LABELS,
    GENERIC_NAMES,
    HEAD_TRAILING_SOFT_WORDS,
    HEAD_TRAILING_WORDS,
    HEADING_WORDS,
    HEADS,
    LEADING_WORDS,
    LINKING_WORDS,
    NOT_HEADS,
    PROVINCES,
    RECIPIENT_ACTIVITIES,
    RECIPIENT_GROUPS,
    REVENUE_ENDS,
    SECTION_WORDS,
    SOFT_ACTIVITY_WORDS,
)

_HEAD_RE = at_end(
    r"(?:"
    + "|".join(regex.escape(h) for h in sorted(HEADS, key=len, reverse=True))
    # "지원" heads a name only glued to the word before: 육성지원, not "인재양성 지원".
    + r"|(?<=\S)지원)(?:[·‧]운영)?(?:\s*\([^()]{1,40}\))?"
)

# A head noun anywhere (what _HEAD_RE or a support head needs at the end).
_HEAD_WORD = regex.compile("|".join(regex.escape(h) for h in (*HEADS, "지원")))

_NOT_HEAD_RE = regex.compile(
    r"(?:" + "|".join(regex.escape(h) for h in sorted(NOT_HEADS, key=len, reverse=True)) + r")$"
)

_COUNT_WORD = re.compile(r"^[\d,.]+\s*(?:개|건|명|곳|종|회|개소|개사|개교|%)?$")

# "'24년 초격차 프로젝트", "2022년 기후대응기금": a year in front says when, it is not
# part of the name.
_YEAR_PREFIX = regex.compile(r"^(?:['‘’]?\d{2}|(?:19|20)\d{2})년도?\s+(?=\S)")

_TRAILING_DATED_GROUP = re.compile(r"\s*\([^()]*\d[^()]*\)$")

_MIDDOTS = re.compile(r"[·‧]")

_HAS_WORD = regex.compile(r"\p{Hangul}|[A-Za-z]{2}")

# A name opens with no figure (3곳, '24년), but with a technology's name it may: 5G, 6G, 3D.
_STARTS_WITH_NUMBER = re.compile(r"^'?\d(?!\d?[A-Za-z])")

_STARTS_WITH_YEAR = re.compile(r"^\d{4}년")

# A body's own budget (과학기술정보통신부 예산 정부안, 중기부 예산안): the whole of what a
# ministry spends, not one of its programmes.
_BODIES: Final = sorted(
    {*BODIES, *(s for ss in BODIES.values() for s in ss)}, key=len, reverse=True
)
_BODY_BUDGET = regex.compile(
    r"(?:" + "|".join(regex.escape(b) for b in _BODIES) + r")"
    r"(?:\s*(?:소관|전체|총|예산|예산안|정부안|본예산|추경|추경안|총지출|기금|재정))+"
)

_COUNT_INSIDE = re.compile(r"(?<![\d.])\d+\s*(?:곳|개소|개교|개사|개|건|명)(?=\s)")

_ENDS_IN_COUNT = re.compile(r"\d+\s*(?:개|건|명)\s*\S*$")

_NOT_KEY = regex.compile(r"[\s\p{P}\p{S}]")

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
    if not _HEAD_WORD.search(name):
        # Every step of trim_name keeps a stretch of the phrase, and a name ends in a head
        # noun: a phrase holding none names no project (most phrases before a figure).
        return None
    return trim_name(name, support_head=support_head)


def trim_name(name: str, *, support_head: bool = False) -> str | None:
    """:func:`clean_name` of a phrase whose spaces are single, without its quick refusal
    of phrases that hold no head noun (the tests hold the two to the same answers)."""
    if name.endswith(")"):
        # "「A」(이하 'B')", "(’26년 신규)": an alias or a status after a name is no part of it.
        name = STATUS_GROUP.sub("", _ALIAS_GROUP.sub("", name))
    quoted = _QUOTED_WHOLE.fullmatch(name)
    if quoted is not None:
        # "'2025년 … 통합공고'", 「…」: a quoted name is the name as written, year and all.
        inner = quoted.group("name").strip(_EDGE_MARKS)
        return inner if _looks_like_project(inner, support_head=support_head) else None
    then_head = _QUOTED_THEN_HEAD.search(name)
    if then_head is not None:
        # "'A' 사업을", "「A」 사업에": the quoted words are the name, the head after the
        # quote says what they name.
        inner = then_head.group("name").strip(_EDGE_MARKS)
        whole = f"{inner} {then_head.group('head')}"
        return inner if _looks_like_project(whole, support_head=support_head) else None
    name = name.strip(_EDGE_MARKS)
    name = _YEAR_PREFIX.sub("", _cut_clause(name))
    examples = name.rsplit(" 등 ", 1)
    if len(examples) == 2 and STRONG_HEADS.search(examples[1]):
        # "항사댐 등 소규모 댐 건설 사업": examples, then the programme they belong to.
        name = examples[1]
    # "규모 조성 및 CVC투자연계R&D": what a previous clause left in front of the name.
    while " " in name and (
        name.split(" ", 1)[0] in _LEADING or _DATE_WORD.match(name.split(" ", 1)[0])
    ):
        name = name.split(" ", 1)[1]
    name = _trim_activity(name)
    name = name.strip(_EDGE_MARKS)
    if not _looks_like_project(name, support_head=support_head):
        return None
    return name


# A phrase that is one quoted name whole: 「NAME」, 『NAME』, 'NAME', "NAME", ?NAME? (a page
# that lost its 「」).
_QUOTED_WHOLE = regex.compile(
    r"(?:「(?P<name>[^「」]+)」|『(?P<name>[^『』]+)』|['‘](?P<name>[^'‘’]+)['’]"
    r"|[\"“](?P<name>[^\"“”]+)[\"”]|\?(?P<name>[^?]+)\?)"
)

# A quoted name, then the head word outside the quotes, ending the phrase: 'A' 사업.
_QUOTED_THEN_HEAD = regex.compile(
    r"(?:「(?P<name>[^「」]+)」|『(?P<name>[^『』]+)』|['‘](?P<name>[^'‘’]+)['’]"
    r"|[\"“](?P<name>[^\"“”]+)[\"”])\s?(?P<head>사업|프로젝트)$"
)

# A status group after a name: "(’26년 신규)", "(신규)", "('25년 신설)".
STATUS_GROUP = re.compile(r"\s*\((?:['’‘]?\d{2}(?:\d{2})?년\s*)?(?:신규|신설)\)\s*$")

# A trailing alias group: "「A」(이하 'B')", "A(이하 “B”라 한다)".
_ALIAS_GROUP = re.compile(
    r"\s*\(\s*이하\s*[「『'\"‘“]?[^()\n]{1,40}?[」』'\"’”]?\s*(?:이?라\s*(?:한다|함)?)?\s*\)$"
)

# "6월 제주공항 …": a month or day in front says when, it is not part of the name.
_DATE_WORD = re.compile(r"^\d{1,2}(?:월|일)$")
_LEADING: Final = (
    frozenset(LEADING_WORDS) | frozenset(ACTIVITY_WORDS) | frozenset(SOFT_ACTIVITY_WORDS) | {"규모"}
)


def _cut_clause(name: str) -> str:
    """Keep the words after the last clause boundary (a comma or a clause-ending word)."""
    depth = 0
    cut = 0
    for m in _CLAUSE_MARKS.finditer(name):  # the brackets and marks, not every character
        i = m.start()
        ch = name[i]
        depth += (ch == "(") - (ch == ")")
        # A comma, a sentence end or a list mark (△ ▲ •) closes what came before.
        if depth == 0 and (
            ch in ",△▲•「“" or LIST_MARK.match(ch) or (ch in ".!?" and name[i + 1 : i + 2] == " ")
        ):
            cut = i + 1
        elif depth == 0 and ch in "'\"" and (i == 0 or name[i - 1] == " "):
            cut = i + 1  # an opening quote
    name = name[cut:].strip()
    words = name.split(" ")
    keep = len(words) - 1
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        nxt = words[i + 1]
        if _ends_clause(word) and nxt not in LINKING_WORDS and "(" not in word:
            break
        keep = i
    return " ".join(words[keep:])


# Marks that list items inside a line: "△A(450억원) △B(320억원)", "① A 200억원, ② B".
LIST_MARK = re.compile(r"[△▲▷①-⑳❶-❿➊-➓]")
# The characters _cut_clause reads: brackets, and the marks that may close a clause.
_CLAUSE_MARKS = re.compile(r"""[(),△▲•「“.!?'"]|""" + LIST_MARK.pattern)


def _ends_clause(word: str) -> bool:
    """Whether ``word`` ends the clause before a name (``투입해``, ``위해``, ``사업을``).

    A word in one syllable that a noun can end in (을, 를, 은, 는, 에, 해) ends a clause
    only when Kiwi reads a particle or an ending there: 마을, 연근해 and 동해 are nouns.

    >>> _ends_clause("투입해"), _ends_clause("연근해"), _ends_clause("사업을")
    (True, False, True)
    >>> _ends_clause("마을"), _ends_clause("군은")
    (False, True)
    """
    if not word.endswith(CLAUSE_END_SUFFIXES):
        return False
    if word.endswith(("통해", "위해")) or not word.endswith(_NOUN_LIKE_ENDS):
        return True
    return _verb_ending(word)


# One-syllable clause ends that also end nouns (마을, 가을, 연근해, 동해, 조은).
_NOUN_LIKE_ENDS: Final = ("을", "를", "은", "는", "에", "해")


@lru_cache(maxsize=4096)
def _verb_ending(word: str) -> bool:
    try:
        from gongmun._kiwi import tokenize

        tokens = tokenize(word)
    except (ImportError, OSError, RuntimeError):
        return True
    return bool(tokens) and tokens[-1].tag.startswith(("E", "J"))


def _trim_activity(name: str) -> str:
    while True:
        # A trailing group of dates or remarks: "(’24.4월, 본 예타중)".
        m = _TRAILING_DATED_GROUP.search(name) if name.endswith(")") else None
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
    if not 3 <= len(name) <= 120 or not _HAS_WORD.search(name) or "=" in name:
        return False  # "=": a formula (통합재정수지=(재정수입-재정지출)+…), not a name
    if _BODY_BUDGET.fullmatch(name):
        return False
    # "NAME 지원" with its own run time: a name of some length, not "특화 지원".
    supported = support_head and name.endswith(" 지원") and len(name.replace(" ", "")) >= 6
    has_head = bool(_HEAD_RE.search(name)) or supported
    if not has_head:
        return False  # the commonest refusal: asked before the word lists
    # "요구하는한편 신규사업": a generic last word names no particular project.
    last = name.rsplit(" ", 1)[-1]
    generic = name in GENERIC_NAMES or (last in GENERIC_NAMES and last not in HEADS)
    words = name.rsplit(" ", 2)
    if name in CATEGORY_NAMES or (
        len(words) > 1 and last in CATEGORY_NAMES and words[-2].endswith("의")
    ):
        return False
    if _NOT_HEAD_RE.search(name) or generic:
        return False
    if _body_law_or_place(name, last.split("(")[0]):
        return False
    if " 등 " in name:  # "성능평가·인증 등 신제품 개발" is a list of activities
        return False
    if _DATED_STEPS.search(name):  # "계획 수립('23년) · 시스템 구축": a schedule's steps
        return False
    if _COUNT_INSIDE.search(name):  # "스마트 양식 클러스터 1곳 구축": counted facilities
        return False
    first = name.split(" ", 1)[0]
    if _STARTS_WITH_NUMBER.match(name) and not _STARTS_WITH_YEAR.match(name):
        return False
    if _COUNT_WORD.match(first) or "%" in name or name.count("(") != name.count(")"):
        return False
    return not _ENDS_IN_COUNT.search(name.rsplit("(", 1)[0])


# "산업혁신기반구축(’23~’25) 로드맵": the name only modifies a plan, strategy…
NOT_HEAD_AFTER = regex.compile(
    r"\s*(?:" + "|".join(regex.escape(h) for h in NOT_HEADS if len(h) > 1) + r")"
)

STRONG_HEADS = re.compile(r"(?:펀드|기금|사업|프로젝트)$")


def is_headed(name: str) -> bool:
    """True when ``name`` ends in a programme's head noun (사업, 구축, 육성지원, 펀드…).

    >>> is_headed("스마트팜 혁신밸리 조성사업"), is_headed("전문임기제 나급")
    (True, False)
    """
    return bool(_HEAD_RE.search(name))


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A name without spaces, marks and case: the key mentions of one project share
    (asked several times per draft, by the subject rule, renaming and merging)."""
    return _NOT_KEY.sub("", name).lower()


# A leading label in parentheses: (규모), (원자력), (예시)…
LABEL = re.compile(r"^\((?P<label>[^()\n]{1,40}(?:\([^()\n]{1,20}\)[^()\n]{0,20})?)\)\s*")

# Where a programme's name ends in prose: its strong head noun before a particle.
NAME_END = re.compile(r"(?:사업|프로젝트|펀드|기금)(?=\s|을|를|은|는|이|에|의|$)")


@lru_cache(maxsize=4096)
def spaced(name: str) -> regex.Pattern[str] | None:
    """``name`` whatever the spacing between its characters, compiled once per name."""
    chars = [regex.escape(c) for c in name if not c.isspace()]
    return regex.compile(r"\s*".join(chars)) if chars else None


def locate(text: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``name`` is written in ``text[start:end]``, the last time, whatever the
    spacing between its characters; None when it is not there.

    >>> locate("가 사업 / 나  사업", "나 사업", 0, 12)
    (7, 12)
    """
    at = text.rfind(name, start, end)
    if at >= 0:
        return at, at + len(name)
    pattern = spaced(name)
    if pattern is None:
        return None
    found = None
    for m in pattern.finditer(text, start, end):
        found = m
    return (found.start(), found.end()) if found else None


def name_before(
    text: str, line: Line, end: int, figures: Figures, *, support_head: bool = False
) -> tuple[str, int, int] | None:
    """The project name that ends at ``end`` on ``line``, with its start and end offsets.

    An item whose head names it in parentheses keeps that name when the sentence after
    the head ends in it (``ㅇ (진단 체계 개발) 인공지능을 활용한 진단 체계 개발('22~'26)``
    is 진단 체계 개발, not a clause cut out of the sentence).
    """
    start, phrase = phrase_before(text, line, end, figures)
    name = clean_name(phrase, support_head=support_head)
    if name is None:
        return None
    place = locate(text, name, start, end + 1)
    if place is None:
        return None
    head = _head_named(text, line, name, place[0])
    return head if head is not None else (name, place[0], place[1])


def _head_named(text: str, line: Line, name: str, at: int) -> tuple[str, int, int] | None:
    """The line's parenthesized head, with its offsets, when ``name`` found after it on the
    line ends in the head's words; None otherwise."""
    if text[line.body_start : line.body_start + 1] != "(":
        return None
    # LABEL anchors at a string's start (``^`` does not match at a ``pos``).
    label = LABEL.match(text[line.body_start : line.end])
    if label is None or line.body_start + label.end() > at:
        return None
    head = label.group("label").strip()
    flat_head, flat_name = head.replace(" ", ""), name.replace(" ", "")
    if len(flat_head) >= len(flat_name) or not flat_name.endswith(flat_head):
        return None
    if clean_name(head) != head:
        return None
    start = text.find(head, line.body_start + label.start("label"))
    return head, start, start + len(head)


def object_before(text: str, line: Line, end: int, figures: Figures) -> tuple[str, int, int] | None:
    """The noun phrase ending at ``end`` on ``line`` that a figure or a funding verb
    makes a programme, head noun or not (:func:`object_name`), with its offsets; the
    item's parenthesized head when the phrase ends in it (see :func:`name_before`)."""
    if _NOTE_LINE.match(text, line.start, line.end):
        return None  # a source note or a caption names what it cites, not a programme
    start, phrase = phrase_before(text, line, end, figures)
    name = object_name(phrase) if phrase.strip() else None
    if name is None:
        return None
    place = locate(text, name, start, end + 1)
    if place is None:
        return None
    head = _head_named(text, line, name, place[0])
    return head if head is not None else (name, place[0], place[1])


# A source note (자료:, 출처:, 주:) or a caption (< … >).
_NOTE_LINE = re.compile(r"\s*(?:(?:자료|출처|주|註)\s*[:：)]|[<〈＜\[])")


def phrase_before(text: str, line: Line, end: int, figures: Figures) -> tuple[int, str]:
    """The stretch of ``line`` before ``end`` that can hold a name, and where it starts."""
    start = line.body_start
    # Never reach back over a figure or over an earlier group of figures on the line:
    # start after the last figure, and after the ")" that closes its group.
    last = figures.last_span_from(start, end)
    if last is not None:
        start = max(start, last.end)
        depth = 0
        for m in PARENS.finditer(text, start, end):
            if text[m.start()] == "(":
                depth += 1
            elif depth == 0:
                start = m.end()
            else:
                depth -= 1
    # A name is a phrase, not a paragraph: look back a bounded stretch only.
    start = max(start, end - _NAME_REACH)
    phrase = text[start:end]
    label = LABEL.match(phrase.lstrip())
    if label and label.end() < len(phrase.lstrip()):
        offset = len(phrase) - len(phrase.lstrip()) + label.end()
        start += offset
        phrase = phrase[offset:]
    return start, phrase


# The longest stretch before a figure that can hold its name.
_NAME_REACH: Final = 240


_LAST_LIST_MARK = regex.compile(LIST_MARK.pattern, regex.REVERSE)
# What may close a listed item after its figures: a comma, the next mark, 등, the copula.
_ITEM_CLOSE = re.compile(r"[ \t]*(?:[,;]|등|이다|이며|으로|$|" + LIST_MARK.pattern + ")")
# How far a listed item's name may run, and how far its list's other mark may be.
_ITEM_REACH: Final = 80
_LIST_REACH: Final = 200


def listed_name(
    text: str, line: Line, end: int, close: int, figures: Figures
) -> tuple[str, int, int] | None:
    """The name of an item listed inside a line, ending at ``end``, whose figures end at
    ``close``: ``△수소트럭 보급 지원(150억원) △…``, ``① 수전해 소재 개발 200억원, ②…``.
    The list says each item is a programme: no head noun is needed beyond a noun phrase's
    (``지원`` heads one here, as an item's own figure gives it its size)."""
    lo = max(line.body_start, end - _ITEM_REACH)
    mark = _LAST_LIST_MARK.search(text, lo, end)
    if mark is None or figures.last_span_from(mark.end(), end) is not None:
        return None
    if not _ITEM_CLOSE.match(text, close, line.end):
        return None
    # A list has two items at least: another mark on the line, near this one.
    before = _LAST_LIST_MARK.search(
        text, max(line.body_start, mark.start() - _LIST_REACH), mark.start()
    )
    if before is None and LIST_MARK.search(text, close, min(line.end, close + _LIST_REACH)) is None:
        return None
    name = clean_name(text[mark.end() : end], support_head=True)
    # A field or a kind of firm is listed the same way ("△연구개발 300억원", "△중소기업
    # 지원 200억원"): an item's name qualifies its head ("수소트럭 보급 지원").
    if name is None or " " not in name or (name.endswith(" 지원") and name.count(" ") < 2):
        return None
    place = locate(text, name, mark.end(), end + 1)
    return (name, *place) if place else None


def draft_at(found: tuple[str, int, int], rule: str) -> Draft:
    """A draft for a name found at ``(name, start, end)``."""
    name, start, end = found
    return Draft(name=name, start=start, end=end, rule=rule)


# --- Names found by position ----------------------------------------------------------
#
# Where the place in the document says "this is a name" (an item's head before its
# figures, a 사업명 field, a table's name column), no head noun is needed: the phrase is
# a name if it is a noun phrase and not a section heading, a field label, a plan, law,
# body or event.

_LEADING_LABEL = re.compile(r"^\((?P<label>[^()]{1,14})\)\s*")
# "'25년", "2025년", "6월", "45개", "11대 분야": when and how many, not the name.
_LEADING_COUNT_OR_DATE = re.compile(
    r"^(?:'?\d{2,4}년(?:도)?|\d{1,2}월|\d{1,2}일|[\d,]+\s*(?:개|대|건|명|곳|종|개소|개사)\S*)\s+"
)
_PURPOSE = re.compile(r"(?:을|를|에)\s*(?:위한|위해|통한|대한)\s")
_SENTENCE_END = re.compile(r"(?:다|요|음|함|됨|임)[.!]?$|[.!?]$")
# A stretch of time and nothing else: 향후 3년간, 앞으로 5년, 2개년, 연간.
_TIME_ONLY = re.compile(
    r"(?:(?:향후|앞으로|최근|지난|매)\s?)?(?:\d+\s?(?:개년|년|개월)간?|연간|매년)"
)
# A rate's or a cap's label: the figure per a counted unit (1기당, 1인당 … 지원액) or a
# bound of it (… 보조금 상한, … 지원 한도, … 단가) names no programme.
_RATE_LABEL = re.compile(
    r"(?<![\d가-힣])\d+\s?[가-힣]{1,3}당(?![가-힣])|(?:상한|한도|단가)(?:액)?$"
)


def position_name(phrase: str, *, strict: bool = False) -> str | None:
    """The name an item head or a name field holds, or None if it names no project.

    >>> position_name("해양 드론 기술 개발")
    '해양 드론 기술 개발'
    >>> position_name("(신규) 기업수요기반 차세대연구자 도전·혁신 지원 강화")
    '기업수요기반 차세대연구자 도전·혁신 지원'
    >>> position_name("추진 배경"), position_name("사업기간"), position_name("설명회 개최")
    (None, None, None)

    ``strict``: the phrase must be the name whole, with no clause before it (an item's
    head is "NAME", not "인재 양성을 위해 해외 기관과 NAME").
    """
    name = STATUS_GROUP.sub("", " ".join(phrase.split())).strip(_EDGE_MARKS)
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        return None  # "(지원 규모)": a label alone
    label = _LEADING_LABEL.match(name)
    if label and label.end() < len(name):
        name = name[label.end() :]
    whole = name
    name = _cut_clause(name)
    if strict and (name != whole or (_PURPOSE.search(name) and not STRONG_HEADS.search(name))):
        # "성장 정체 극복을 위한 인재양성 지원": a purpose and an activity, not a name.
        return None
    while True:
        cut = _LEADING_COUNT_OR_DATE.sub("", name)
        words = cut.split(" ", 1)
        if len(words) == 2 and (words[0] in _LEADING or _DATE_WORD.match(words[0])):
            cut = words[1]
        if cut == name:
            break
        name = cut
    while " " in name:
        rest, last = name.rsplit(" ", 1)
        soft = last in HEAD_TRAILING_SOFT_WORDS and (
            bool(_HEAD_RE.search(rest)) or rest.endswith(ACTIVITY_HEADS)
        )
        if last not in HEAD_TRAILING_WORDS and not soft:
            break
        name = rest
    name = _TRAILING_DATED_GROUP.sub("", name) if not _HEAD_RE.search(name) else name
    name = name.strip(_EDGE_MARKS)
    if not _plausible_position_name(name):
        return None
    return name if is_noun_phrase(name) else None


def _plausible_position_name(name: str) -> bool:
    if not 4 <= len(name) <= 60 or len(name.split()) > 10 or not _HAS_WORD.search(name):
        return False
    if name.count("(") != name.count(")") or "%" in name or _SENTENCE_END.search(name):
        return False
    if "=" in name:
        return False  # a formula
    if _TIME_ONLY.fullmatch(name) or _RATE_LABEL.search(name):
        return False  # "향후 3년간", "급속충전기 1기당 보조금 상한": a time or a rate's label
    if _STARTS_WITH_NUMBER.match(name) or " 등 " in name or name.endswith(" 등"):
        return False
    if name.split(" ", 1)[0] in HEADING_WORDS:
        return False
    last = name.rsplit(" ", 1)[-1].split("(")[0]
    bare = name.replace(" ", "").strip("()[]【】")
    if bare in FIELD_LABELS or name in GENERIC_NAMES or _generic_last(name, last):
        return False
    if bare in CATEGORY_NAMES:
        return False  # "사회보장성기금": a kind of programme or fund, not one
    if any(last.endswith(w) for w in SECTION_WORDS) and not _HEAD_RE.search(name):
        return False
    if last.endswith(EVENT_WORDS) or _NOT_HEAD_RE.search(name.split("(")[0]):
        return False
    if last in BOUND_NOUNS or last.endswith(REVENUE_ENDS) or _FORMULA_LABEL.search(name):
        return False  # "세무조사 시", "토지대여료", "지출 및 순융자 (B)"
    if _DATED_STEPS.search(name):
        return False  # "계획 수립('23년) · 시범 편찬": steps of a schedule
    if _body_law_or_place(name, last):
        return False
    return not _ENDS_IN_COUNT.search(name.rsplit("(", 1)[0])


def _generic_last(name: str, last: str) -> bool:
    """Whether ``name`` ends in a generic word that names no particular project: 신규사업,
    or a head noun after a word or two of no name (주요 사업, 해당 센터). A head noun after
    a name's words heads it: 상권 르네상스 프로젝트.

    >>> _generic_last("주요 사업", "사업"), _generic_last("상권 르네상스 프로젝트", "프로젝트")
    (True, False)
    """
    if last not in GENERIC_NAMES:
        return False
    rest = name[: len(name) - len(last)].replace(" ", "")
    return last not in HEADS or len(rest) < _NAMING_SYLLABLES


# How many syllables before a generic head noun make it a name's head.
_NAMING_SYLLABLES: Final = 4


def _body_law_or_place(name: str, last: str) -> bool:
    """Whether ``name`` (last word ``last``, its bracket cut) names a body
    (창업진흥원(KISED)), a law or its revision (탄소중립기본법 시행령 개정) or a place
    (경상남도 창원시): what a list gives money to that is no programme."""
    # A head noun that ends as a body does (바우처, …처) heads a programme.
    body = bool(_BODY_END.search(last)) and not last.endswith(HEADS)
    return body or bool(_LAW.search(name)) or all(map(_is_place, name.split()))


# "「중소기업기본법」", "탄소중립기본법 시행령 개정": a law, or the work of changing one.
_LAW = re.compile(
    r"(?:[가-힣]{2}(?:법|법률|조례)|시행령|시행규칙)(?:\s*(?:일부|전부)?\s*(?:개정|제정|시행|정비))?$"
)
# A city, county or district (창원시, 진천군, 해운대구), or a province or metro city.
_PLACE = re.compile(r"[가-힣]{1,3}(?:특별시|광역시|특별자치시|특별자치도|시|군|구)")


def _is_place(word: str) -> bool:
    """Whether ``word`` names a place money is allotted to (부산광역시, 진천군, 경남)."""
    return word in PROVINCES or (len(word) <= 6 and bool(_PLACE.fullmatch(word)))


# "(A)", "(A-B)", "(B/A)": a line of an account that a formula refers to.
_FORMULA_LABEL = re.compile(r"\(\s*[A-Z](?:\s*[-+/×*]\s*[A-Z])*\s*\)$")
# A dated step, then the next after a spaced · or /: "수립('23년) · 편찬('24년)".
_DATED_STEPS = regex.compile(r"\([^()]*\d[^()]*\)\s+[·/]\s+\S")


# Kiwi tags that make a phrase a clause, not a noun phrase: endings that close or link
# a clause, the pre-final ending, topic and subject particles.
_CLAUSE_TAGS: Final = frozenset({"EF", "EC", "EP", "JX", "JKS", "JKC", "JKV"})
_NOUN_END_TAGS: Final = ("NN", "SL", "SH", "SN", "XSN", "XR")


@lru_cache(maxsize=8192)
def is_noun_phrase(name: str) -> bool:
    """Whether ``name`` reads as one noun phrase (Kiwi's tags), for names no word list
    decides. Without kiwipiepy, a phrase of nouns is assumed.

    >>> is_noun_phrase("해양 드론 기술 개발"), is_noun_phrase("창업기업을 지원한다")
    (True, False)
    """
    if _HEAD_RE.search(name) and not _CLAUSE_WORD.search(name):
        return True  # ends in a head noun and holds no clause ending: no need to ask
    try:
        from gongmun._kiwi import tokenize

        tokens = [
            t
            for t in tokenize(name.split("(")[0] or name)
            if not t.tag.startswith("S") or t.tag in ("SL", "SH", "SN")
        ]
    except (ImportError, OSError, RuntimeError):
        return True
    if not tokens:
        return False
    if any(t.tag in _CLAUSE_TAGS for t in tokens):
        return False
    return bool(tokens[-1].tag.startswith(_NOUN_END_TAGS))


# A word ending that always closes a clause: "…하고", "…한다", "…했으며".
_CLAUSE_WORD = re.compile(r"(?:하고|하며|하여|한다|했다|된다|됐다|이며|으며|는데)(?:\s|$)")


def cell_name(text: str) -> str | None:
    """The name in a table's name column (과제명, 사업명): the cell is the name whole, so
    only what is never a name is refused (a label, a count, a total row, a sentence).

    >>> cell_name("mRNA 기반 핵심 소재의 국산화를 위한 제조 공정 실증"), cell_name("소계")
    ('mRNA 기반 핵심 소재의 국산화를 위한 제조 공정 실증', None)
    >>> cell_name("4년간 100억원, 6개 과제"), cell_name("1억 UPH급 고생산성 전사 기술개발")
    (None, '1억 UPH급 고생산성 전사 기술개발')
    """
    name = " ".join(text.split()).strip(_EDGE_MARKS)
    if not 2 <= len(name) <= 150 or not _HAS_WORD.search(name):
        return None
    if name.count("(") != name.count(")") or _SENTENCE_END.search(name):
        return None
    bare = name.replace(" ", "").strip("()[]【】")
    if bare in FIELD_LABELS or name in GENERIC_NAMES or _COUNT_WORD.match(name):
        return None
    words = name.split(" ")
    if len(words) <= 2 and words[-1] in SECTION_WORDS and not _HEAD_RE.search(name):
        return None  # "주요 일정", "추진 배경": a header or a heading, not a name
    if _MONEY.search(name) or _COUNT_INSIDE.search(name) or _ENDS_IN_COUNT.search(name):
        # "4년간 100억원, 6개 과제": a cell of figures or counts (or prose a table's
        # columns ran into), not a name.
        return None
    return name


# A sum of money written out: 100억원, 3,000만 원, 1.5조원.
_MONEY = re.compile(r"\d[\d,.]*\s*(?:조|억|천만|백만|만|천)\s*원")


# Kiwi tags that may sit inside a noun phrase: nouns, numbers, foreign words, marks,
# noun prefixes and suffixes, roots.
_PHRASE_TAGS: Final = ("NN", "SL", "SH", "SN", "XSN", "XPN", "XR", "S", "W_")


@lru_cache(maxsize=8192)
def noun_phrase_tail(name: str) -> str:
    """The noun phrase a name read from prose ends with: what comes after the last
    clause (a verb, an ending, a particle) of the phrase, by Kiwi's tags. Prose puts
    a purpose or a modifier before the name; a quoted name is never passed here.

    >>> noun_phrase_tail("실패한 기업인이 재도전할 수 있도록 재창업 융자자금")
    '재창업 융자자금'
    >>> noun_phrase_tail("어촌 혁신을 위한 어촌뉴딜 300 사업")
    '어촌뉴딜 300 사업'
    """
    if " " not in name:
        return name
    tail = _noun_tail(name)
    if tail is None or tail == name or not _looks_like_project(tail):
        return name
    return tail


# Last words of a body or a person, not a programme: "환경부", "한국전력반도체협회",
# "산림청", "도 관계자".
_BODY_END = re.compile(
    r"(?:[가-힣]부|청|처|협회|재단|공단|진흥원|연구원|위원회|협의체|지자체"
    r"|관계자|장관|차관|청장|군수|도지사|대표)$"
)
# Last words of a publication, a statistic or a caption's topic: "한국 통합재정수지
# (1995~2002)" in a source note gives the years a table covers, not a programme's.
_RECORD_END = re.compile(
    r"(?:통계|재정수지|수지|백서|편람|보고서|자료|현황|추이|테마|동향|지표|예산|예산안|예산액)$"
)
# The fewest letters of a head-less name (with at least two words).
_OBJECT_MIN: Final = 6
# A conjunction left in front of the noun phrase: "…(’26~’28, 120억원)과 NAME(…)".
_LEADING_CONJ = re.compile(r"^(?:과|와|및|또는|그리고|등)\s+")


@lru_cache(maxsize=8192)
def object_name(phrase: str) -> str | None:
    """The noun phrase that ends ``phrase`` when it can name a programme: the object or
    subject of a funding verb in prose (``…을 돕는 NAME에는 32억 원을 편성``,
    ``85억 원을 투입해 NAME을 추진``). No head noun is needed — the verb and the figure
    say it is a programme — so what is refused is what the phrase is not: a clause, a
    body (부, 청, 협회), a plan, law, event or section word.

    >>> object_name("중소기업의 해외 인증 획득을 돕는 수출 부품 인증 컨설팅 지원")
    '수출 부품 인증 컨설팅 지원'
    >>> object_name("산업통상부는 또"), object_name("한국전력반도체협회")
    (None, None)
    """
    tail = _noun_tail(" ".join(phrase.split()).strip(_EDGE_MARKS))
    if tail is None:
        return None
    tail = _LEADING_CONJ.sub("", tail)
    name = position_name(tail)
    if name is None:
        return None
    bare = name.split("(")[0]
    if " " not in bare.strip() or len(bare.replace(" ", "")) < _OBJECT_MIN:
        # "시범운영", "창업지원", "청년 일자리": an activity or a field, too bare to
        # name one programme without a head noun.
        return None
    if _BODY_END.search(bare) or _RECORD_END.search(bare) or _BODY_BUDGET.fullmatch(bare):
        return None
    if _COUNT_INSIDE.search(bare):
        return None  # "스마트 양식 클러스터 1곳 구축": counted facilities
    last = bare.rsplit(" ", 1)[-1]
    if bare.replace(" ", "") in CATEGORY_NAMES or last in CATEGORY_NAMES:
        return None  # "1990년대 이전의 재정융자사업": a kind of programme
    if _recipients_only(bare):
        return None  # "중견기업 지원": who the money goes to
    return name


# What a head-less name's words split at: spaces and the marks of a list of groups.
_GROUP_SPLIT = re.compile(r"[\s·ㆍ・,/]+")


def _recipients_only(bare: str) -> bool:
    """Whether a head-less name is a recipient group and an activity word alone:
    ``중견기업 지원``, ``청년·여성 지원`` (a budget split by who receives it).

    >>> _recipients_only("중소·중견기업 지원"), _recipients_only("수출 부품 인증 컨설팅 지원")
    (True, False)
    """
    words = [w for w in _GROUP_SPLIT.split(bare.strip()) if w]
    return (
        len(words) >= 2
        and words[-1] in RECIPIENT_ACTIVITIES
        and all(w in RECIPIENT_GROUPS for w in words[:-1])
    )


def _noun_tail(phrase: str) -> str | None:
    """What follows the last token of ``phrase`` that cannot sit in a noun phrase (a
    verb, an ending, a particle, an adverb), by Kiwi's tags."""
    try:
        from gongmun._kiwi import tokenize

        tokens = tokenize(phrase)
    except (ImportError, OSError, RuntimeError):
        return phrase or None
    depth = 0
    cut = 0
    for t in tokens:
        depth += (t.form == "(") - (t.form == ")")
        if depth == 0 and not t.tag.startswith(_PHRASE_TAGS):
            cut = t.start + t.len
    tail = phrase[cut:].strip(_EDGE_MARKS)
    return tail or None


# Tokens that join coordinated names: "A과 B", "A 및 B", "A, B".
_JOINERS: Final = frozenset({"및", "그리고", "또는", ","})


@lru_cache(maxsize=2048)
def coordinated(phrase: str) -> tuple[str, ...]:
    """The parts of a phrase that lists names: split at 과/와 (Kiwi's JC), 및 and
    commas outside parentheses. One part when nothing is listed.

    >>> coordinated("설악권 안전체계 구축과 해수욕장 감시망 설치")
    ('설악권 안전체계 구축', '해수욕장 감시망 설치')
    >>> coordinated("방범 CCTV 확충 및 관제센터 고도화")
    ('방범 CCTV 확충', '관제센터 고도화')
    """
    try:
        from gongmun._kiwi import tokenize

        tokens = tokenize(phrase)
    except (ImportError, OSError, RuntimeError):
        return (phrase,)
    parts = []
    depth = 0
    begin = 0
    for t in tokens:
        depth += (t.form == "(") - (t.form == ")")
        if depth == 0 and (t.tag == "JC" or t.form in _JOINERS):
            parts.append(phrase[begin : t.start])
            begin = t.start + t.len
    parts.append(phrase[begin:])
    return tuple(p.strip(_EDGE_MARKS) for p in parts if p.strip(_EDGE_MARKS))


@lru_cache(maxsize=2048)
def is_bare_noun(word: str) -> bool:
    """Whether ``word`` is nouns only, with no particle or ending (Kiwi's tags).

    >>> is_bare_noun("소상공인시장"), is_bare_noun("기금으로는")
    (True, False)
    """
    try:
        from gongmun._kiwi import tokenize

        tokens = tokenize(word)
    except (ImportError, OSError, RuntimeError):
        return False
    return bool(tokens) and all(t.tag.startswith(("NN", "XSN", "XPN")) for t in tokens)
