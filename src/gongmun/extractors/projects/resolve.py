"""One decision between mentions of one project that several rules found with different
figures: the mention that is surest gives each figure first, the others only fill what
it lacks (see :func:`gongmun.extractors.projects.merge.merge`).

How sure a mention is comes from two data tables, read in this order:

1. the rank of the rule that found it (``RULES`` in :mod:`gongmun.extractors.projects`,
   with finer names in :data:`FINER_RANKS`);
2. where the name sits (:data:`PLACE_RANKS`): heading its own line or item, the line is
   about it (``* 해양 로봇 실증 : (’24) 160억원 → (’25) 210억원``); inside a sentence it
   is mentioned in passing, often with a part or a narrower figure
   (``설명회 개최, 해양 로봇 실증(’24. 90억원) 등을 통해``).

Ties go to the earlier mention. The order rules run in decides nothing here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from typing import Final, Literal

from gongmun.extractors.projects.figures import Draft
from gongmun.extractors.projects.lines import Line

Place = Literal["head", "inline"]

# Rule names a draft may carry beyond the rules' own (a rule can record a finer name).
FINER_RANKS: Final[Mapping[str, int]] = {
    "comma_figures": 1,  # "NAME, ’25년 92억 투입": a list item more than a programme line
    "item_fields": 1,  # "□ NAME" over its "(기간)"/"(예산)" field lines
}

# Lower is surer; a rule's rank comes first, the place breaks its ties.
PLACE_RANKS: Final[Mapping[Place, int]] = {
    "head": 0,  # the name opens its line or item: the line is about the project
    "inline": 1,  # the name is mid-sentence: mentioned in passing
}

# What may stand between a line's bullet and a name that heads it.
_OPENERS: Final = " \t「『'\"‘“(<〈"

# How a draft is ordered: (rule rank, place rank, start).
SuretyKey = Callable[[Draft], tuple[int, int, int]]


def place_of(d: Draft, text: str, lines: Sequence[Line], starts: Sequence[int]) -> Place:
    """Whether ``d``'s name heads its line (after the bullet) or sits inside a sentence.

    ``starts`` are the lines' start offsets, so the line is found by bisection.
    """
    i = bisect_right(starts, d.start) - 1
    if i < 0:
        return "inline"
    line = lines[i]
    lead = text[min(line.body_start, d.start) : d.start]
    return "head" if not lead.strip(_OPENERS) else "inline"


def surety(text: str, lines: Sequence[Line], rule_ranks: Mapping[str, int]) -> SuretyKey:
    """The key :func:`~gongmun.extractors.projects.merge.merge` orders mentions by.

    >>> from gongmun.extractors.projects.lines import split_lines
    >>> t = "ㅇ 설명회 개최, 해양 실증(’24. 9억원) 추진\\n* 해양 실증 : (’24) 16억원"
    >>> lines = split_lines(t)
    >>> key = surety(t, lines, {"paren_figures": 0, "colon_figures": 0})
    >>> a = Draft("해양 실증", t.index("해양"), t.index("(’24."), "paren_figures")
    >>> b = Draft("해양 실증", t.rindex("해양"), t.rindex(" :"), "colon_figures")
    >>> key(b) < key(a)
    True
    """
    ranks = {**FINER_RANKS, **rule_ranks}
    starts = [line.start for line in lines]

    def key(d: Draft) -> tuple[int, int, int]:
        place = place_of(d, text, lines, starts)
        return (ranks.get(d.rule, 9), PLACE_RANKS[place], d.start)

    return key
