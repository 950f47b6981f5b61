"""Figures in a sentence that continues the one before it, given to the project that
sentence named — a link between figures and a project another rule found, never a new
name:

- ``… '스마트 방재 구축사업'에 64억원을 투입한다. 이 사업은 2028년까지 4년간 총 210억원이
  드는 사업으로``: an anaphor (``이 사업은``, ``동 사업에는``) opens the sentence;
- ``… 구축사업'(’26~’30)이 새로 시작된다. 5년간 총 2,400억원이 투입되며``: the sentence
  opens with its figures and names nothing of its own.

Only within one line (a paragraph of prose; outline items are not continued), only when
the sentence before named one project, and only figures no rule took.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from gongmun.extractors.projects.clause import FULL_STOP as _STOP
from gongmun.extractors.projects.clause import SENTENCE_REACH, sentence_end
from gongmun.extractors.projects.figures import Draft
from gongmun.extractors.projects.names import name_key
from gongmun.extractors.projects.scan import Scan
from gongmun.extractors.projects.words import FIGURE_NOUNS, RELATIVE_YEAR_ALT

# How far back a sentence's start, and the sentence before it, may be looked for.
_SENTENCE_REACH: Final = SENTENCE_REACH

# The words a continuing sentence may open with before its first figure: a connective,
# an anaphor naming the project just named, and words that only frame the figure.
_OPENING = re.compile(
    r"""\s*
    (?:(?:또한|또|이에|아울러|특히|이와\s함께)\s+)?
    (?:(?P<ref>이|동|본|해당|同)\s*(?:사업|프로젝트|펀드|기금|과제)
       (?:은|는|에는|에|엔|의|도|을|를)?\s+)?
    (?:(?:향후|앞으로|총|모두|약|첫해인|첫해에는|첫해|
         (?:"""
    + RELATIVE_YEAR_ALT
    + r""")(?:은|는|에는|에|엔|의)?|
         (?:"""
    + "|".join(FIGURE_NOUNS)
    + r""")(?:은|는|이|가|으로|로|도)?|
         \d{1,2}\s*년간|\d{1,2}\s*개년간?|
         (?:(?:19|20)\d{2}|['’‘]\d{2})\s*년도?(?:에는|에|엔|부터|의)?)
       \s*)*$
    """,
    re.X,
)

# How many characters of opening words a continuing sentence may have.
_OPENING_REACH: Final = 60


def continued_sentences(scan: Scan) -> list[Draft]:
    """Drafts that give a continuing sentence's free figures to the project its previous
    sentence named (see the module's docstring)."""
    text, figures = scan.text, scan.figures
    named = sorted(scan.drafts, key=lambda d: d.start)
    starts = [d.start for d in named]
    out: list[Draft] = []
    done: set[int] = set()
    spans = [a.span for a in figures.amounts if id(a) not in figures.used] + [
        p.span for p in figures.periods if id(p) not in figures.used
    ]
    for span in spans:
        s = _sentence_start(text, span.start)
        if s is None or s in done:
            continue
        done.add(s)
        first = figures.first_start_from(s)
        if first is None or first - s > _OPENING_REACH or not _OPENING.fullmatch(text, s, first):
            continue
        prev = _sentence_start(text, s - 1)
        lo = prev if prev is not None else _line_start(text, s)
        i, j = bisect_left(starts, lo), bisect_left(starts, s)
        keys = {name_key(d.name) for d in named[i:j]}
        if len(keys) != 1:
            continue
        ref = named[j - 1]
        d = Draft(ref.name, ref.start, ref.end, "continued")
        figures.take(d, s, sentence_end(text, s), text)
        if d.period or d.total or d.annual or d.funding:
            out.append(d)
    return out


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", max(0, pos - _SENTENCE_REACH), pos) + 1 or max(0, pos - _SENTENCE_REACH)


def _sentence_start(text: str, pos: int) -> int | None:
    """Where the sentence holding ``pos`` starts, if a full stop on its line opens it."""
    lo = _line_start(text, pos)
    last = None
    for m in _STOP.finditer(text, lo, pos):
        last = m
    if last is None:
        return None
    return last.end()


# The notes under an item whose yearly figures are the item's: "* ’25년 52억원, ’26년 …".
_NOTE_MARKS: Final = ("*", "※")
# How many note lines under an item are read.
_NOTE_LINES: Final = 3


def item_notes_of_named(scan: Scan) -> list[Draft]:
    """An item that named a project with figures of its own (``ㅇ NAME(’25~’29, 총 480억원)``)
    also takes the yearly figures of the ``*`` notes right under it that no rule took
    (``* ’25년 52억원 신규 편성, ’26년 90억원 요구``)."""
    text, figures, lines = scan.text, scan.figures, scan.lines
    starts = [ln.start for ln in lines]
    out: list[Draft] = []
    seen: set[int] = set()
    for ref in sorted(scan.drafts, key=lambda d: d.start):
        i = bisect_left(starts, ref.start + 1) - 1
        if i < 0 or i in seen:
            continue
        seen.add(i)
        line = lines[i]
        if line.body_start == line.start or text[line.start : line.end].lstrip().startswith(
            (*_NOTE_MARKS, "-")
        ):
            continue  # not an item: a plain line, a note or a dash sub-point
        d = Draft(ref.name, ref.start, ref.end, "item_notes")
        for nxt in lines[i + 1 : i + 1 + _NOTE_LINES]:
            body = text[nxt.start : nxt.end].lstrip()
            if body.startswith(_NOTE_MARKS):
                figures.take_annual(d, nxt.start, nxt.end)
            elif body.startswith("-") and _frames_only(scan, nxt.body_start, nxt.end):
                # "- 올해 예산은 210억원": a sub-point that only says which of the item's
                # figures follows (another sub-point names its own activity).
                figures.take(d, nxt.body_start, nxt.end, text)
            else:
                break
        if d.period or d.total or d.annual or d.funding:
            out.append(d)
    return out


def _frames_only(scan: Scan, start: int, end: int) -> bool:
    """Whether the words from ``start`` to the first figure before ``end`` only frame it."""
    first = scan.figures.first_start_from(start)
    if first is None or first >= end or first - start > _OPENING_REACH:
        return False
    return _OPENING.fullmatch(scan.text, start, first) is not None


# Inside a sentence, a clause that turns to another target ends a name's reach:
# "…에 30억원을 투입하고, 관광 인프라에 20억원을" gives the second figure to no one.
_NEW_TARGET = re.compile(
    r"(?:[,，]|(?:하고|하며|했고|했으며|되며|되고|이며|으며)\s)\s*"
    r"(?P<topic>[^,.\n]{0,40}?\S)(?:에|에는|엔|에도|은|는)\s"
)
# A clause topic of year words and figure nouns only (올해 예산은, ’26년 사업비는, 내년에는).
_FRAME_TOPIC = re.compile(
    r"(?:(?:"
    + RELATIVE_YEAR_ALT
    + r"|(?:(?:19|20)\d{2}|['’‘]\d{2})\s*년도?|"
    + "|".join(FIGURE_NOUNS)
    + r")\s*)+"
)
# How far after a name its sentence's figures may be.
_REST_REACH: Final = 120


def sentence_rest(scan: Scan) -> list[Draft]:
    """Figures later in the sentence of a name that a prose rule found, up to a clause
    that turns to another target or the next name: ``'NAME'에는 올해 150억원, 내년
    200억원이 각각 투입``, ``'NAME'에 국비 12억원을 포함해 총 20억원을``."""
    text, figures = scan.text, scan.figures
    named = sorted(scan.drafts, key=lambda d: d.start)
    out: list[Draft] = []
    for k, ref in enumerate(named):
        if ref.rule != "name_amount":
            continue
        stop = min(sentence_end(text, ref.end), ref.end + _REST_REACH)
        if k + 1 < len(named):
            stop = min(stop, max(ref.end, named[k + 1].start))
        turn = _NEW_TARGET.search(text, ref.end, stop)
        while turn is not None and _FRAME_TOPIC.fullmatch(turn.group("topic")):
            # ", 올해 예산은 210억원": the clause names which figure of the same project.
            turn = _NEW_TARGET.search(text, turn.end(), stop)
        if turn is not None:
            stop = turn.start()
        if not figures.free_in(ref.end, stop):
            continue
        d = Draft(ref.name, ref.start, ref.end, "sentence_rest")
        figures.take(d, ref.end, stop, text)
        if d.period or d.total or d.annual or d.funding:
            out.append(d)
    return out
