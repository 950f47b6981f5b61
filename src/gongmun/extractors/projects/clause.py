"""The clause an amount sits in, read backwards from the amount to the sentence's start
(a bounded stretch, so a long one-line document costs what its lines cost):

- the year that frames it: ``내년 도심 녹지 확충사업에 50억원`` (the document's year + 1),
  ``’26년 정부는 … 구축사업에 80억원을 편성`` (2026);
- whether the figure is a year's with no year stated: ``3년차를 맞은 … 사업에 800억원``,
  ``연간 40억원`` (neither the whole budget nor a year's figure one can date).
"""

from __future__ import annotations

import re
from typing import Final

import regex

from gongmun.extractors.projects.words import RELATIVE_YEAR_ALT

# How far back from an amount its clause may reach: a sentence's opening words.
CLAUSE_REACH: Final = 90

# Where a sentence ends: a full stop after a word (not a decimal point), a line break.
_SENTENCE_END = regex.compile(r"(?:(?<!\d)[.。!?](?=\s|$)|다\.|\n)")

# Words after a year that make it a point of a schedule or a comparison, not a frame:
# "’25년부터", "2024년 대비", "’25년 3월", "’25년~", "’25년 상반기".
_NOT_FRAME_AFTER: Final[tuple[str, ...]] = (
    "까지",
    "부터",
    "이후",
    "이전",
    "대비",
    "보다",
    "比",
    "말",
    "초",
    "상반기",
    "하반기",
    "上",
    "下",
    "분기",
)
# A year point opening a clause (four digits, or two after a year mark), or a relative
# year word; the year must not open a range (~) or a month.
# A year of something past that the clause mentions ("지난 2020년 착공한 …") dates that
# event, not the figure.
CLAUSE_YEAR = regex.compile(
    r"(?<!지난\s*)"
    r"(?:(?<![\d~∼.'’‘`])(?P<y4>(?:19|20)\d{2})|(?<![\d~∼])['’‘`](?P<y2>\d{2}))\s*년(?:도)?"
    r"(?!\s*(?:[~∼\d]|" + "|".join(regex.escape(w) for w in _NOT_FRAME_AFTER) + r"))"
    r"(?!\s*(?:에\s*)?\p{Hangul}{1,5}(?:한|된|던)(?=\s))"
    # "지난해 11월부터": a date of a past event, not a frame.
    rf"|(?<![\p{{Hangul}}])(?P<rel>{RELATIVE_YEAR_ALT})(?!\s*(?:까지|부터|대비|보다|\d{{1,2}}\s*월))"
)

# A year right after the amount, before its verb: "50억원을 내년에 투입", "80억원을
# 2026년에 반영" (not "2028년까지", a deadline).
YEAR_AFTER = re.compile(
    r"\s*(?:을|를|이|가|은|는)?\s*"
    r"(?:(?:(?P<y4>(?:19|20)\d{2})|['’‘`](?P<y2>\d{2}))\s*년(?:도)?\s*(?:에|중에?)"
    rf"|(?P<rel>{RELATIVE_YEAR_ALT})(?:에|중에?)?)\s"
)
# How far after an amount its year may end.
YEAR_AFTER_REACH: Final = 16

# A programme in its Nth year ("3년차를 맞은", "5년째"): a figure given to it now is that
# year's, and the whole budget is not stated.
RUNNING = re.compile(r"(?<!\d)\d{1,2}\s*(?:년차|년째)")
# Right before an amount: a yearly rate, not a total ("연간 40억원", "매년 40억원").
PER_YEAR_BEFORE = regex.compile(r"(?:연간|매년|해마다|(?<![\p{Hangul}])연)\s*(?:약\s*)?$")


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last sentence end within
    :data:`CLAUSE_REACH` characters before it.

    >>> t = "계획을 세웠다. 올해 사업에 50억원"
    >>> t[clause_start(t, t.index("50")):]
    '올해 사업에 50억원'
    """
    lo = max(0, pos - CLAUSE_REACH)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    while start < pos and text[start].isspace():
        start += 1
    return start


# A full stop ending a sentence in prose (not a decimal point, not a year's dot: ``’24.``).
FULL_STOP = regex.compile(r"(?<=[\p{Hangul})'’”」』])\.(?=\s)")
# How far a sentence may run after its start.
SENTENCE_REACH: Final = 240


def sentence_end(text: str, start: int) -> int:
    """Where the sentence from ``start`` ends: its full stop, or the line's end.

    >>> t = "사업에는 총 60억원이 든다. 다음 문장"
    >>> t[: sentence_end(t, 0)]
    '사업에는 총 60억원이 든다.'
    """
    hi = min(len(text), start + SENTENCE_REACH)
    nl = text.find("\n", start, hi)
    hi = nl if nl >= 0 else hi
    m = FULL_STOP.search(text, start, hi)
    return m.end() if m else hi
