"""Aliases and later mentions of one programme: ``「A」(이하 'B')`` makes every later
``B`` a mention of A, and a mention that is the subject of a sentence with figures
(``B는 2026년부터 5년간 총 1,500억 원이 투입되며``) gives those figures to A.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import regex

from gongmun.extractors.line_index import occurrences
from gongmun.extractors.projects.figures import Draft, Figures, is_run_time
from gongmun.extractors.projects.names import clean_name, name_key, object_name

# "「A」(이하 'B')", "A(이하 “B”라 한다)", "『A』(이하 B)": the long name, then its alias.
ALIAS: Final = regex.compile(
    r"(?:「(?P<q1>[^「」\n]{2,80})」|『(?P<q2>[^『』\n]{2,80})』|['‘](?P<q3>[^'‘’\n]{2,80})['’]"
    r"|[\"“](?P<q4>[^\"“”\n]{2,80})[\"”])"
    r"\s*\(\s*이하\s*[「『'\"‘“]?(?P<alias>[^「」『』'\"‘’“”()\n]{2,40}?)[」』'\"’”]?"
    r"\s*(?:이?라\s*(?:한다|함|칭함|칭한다)?)?\s*\)"
)


# A mention that is the subject or topic of its clause: "B는", "B의 예산은", "B에는".
_SUBJECT_AFTER: Final = re.compile(
    r"(?:은|는|이|가|에는|에|의\s*(?:예산|사업비)(?:은|는|이|가))(?=\s)"
)
# Where the clause of a mention ends: a sentence end or a line break.
_SENTENCE_END: Final = re.compile(r"[.!?。](?:\s|$)|\n")
# How far a mention's clause may reach: figures farther away are another sentence's.
_REACH: Final = 200
# Mentions looked for: one pass over the text per pattern of at most this many names.
_MAX_NAMES: Final = 40


@dataclass(frozen=True, slots=True)
class Named:
    """A programme's long name and where the document first writes it."""

    name: str
    start: int
    end: int


def find_aliases(text: str) -> dict[str, Named]:
    """``name_key(alias)`` → the long name it stands for, from ``「A」(이하 'B')``.

    >>> t = "「해양 드론 실증」(이하 '드론 사업')을 추진한다."
    >>> {k: v.name for k, v in find_aliases(t).items()}
    {'드론사업': '해양 드론 실증'}
    """
    out: dict[str, Named] = {}
    for m in ALIAS.finditer(text):
        group = next(g for g in ("q1", "q2", "q3", "q4") if m.group(g) is not None)
        raw = m.group(group).strip()
        name = clean_name(f"「{raw}」") or object_name(raw) or raw
        key = name_key(m.group("alias"))
        if key and key != name_key(name) and key not in out:
            start = m.start(group) + max(0, raw.find(name))
            out[key] = Named(name, start, start + len(name))
        if len(out) >= _MAX_NAMES:
            break
    return out


def rename(drafts: list[Draft], aliases: dict[str, Named]) -> None:
    """Drafts found under an alias are mentions of its long name: they take its name and
    place, so that merging joins them with it."""
    if not aliases:
        return
    for d in drafts:
        named = aliases.get(name_key(d.name))
        if named is not None:
            d.name, d.start, d.end = named.name, named.start, named.end


def alias_mentions(text: str, figures: Figures, aliases: dict[str, Named]) -> list[Draft]:
    """Each mention of an alias that is its clause's subject (``B는 …``, ``B에는 …``)
    takes the free figures of its sentence for the long name.

    >>> from gongmun.models import Amount, Span
    >>> t = "「해양 드론 실증」(이하 '드론 사업')을 추진한다. 드론 사업은 총 30억원 규모다."
    >>> at = t.index("30억원")
    >>> a = Amount(text="30억원", value_krw=3_000_000_000, span=Span(start=at, end=at + 5),
    ...            raw_span=None, qualifier="총")
    >>> found = alias_mentions(t, Figures([a], [], t), find_aliases(t))
    >>> [(d.name, d.total.value_krw if d.total else None) for d in found]
    [('해양 드론 실증', 3000000000)]
    """
    if not aliases:
        return []
    # The aliases as the text spells them, each once.
    spoken: dict[str, Named] = {}
    for m in ALIAS.finditer(text):
        named = aliases.get(name_key(m.group("alias")))
        if named is not None:
            spoken.setdefault(m.group("alias").strip(), named)
    return mentions(text, figures, spoken, "alias_mention")


def mentions(
    text: str, figures: Figures, spoken: dict[str, Named], rule: str = "mention"
) -> list[Draft]:
    """Each mention of one of ``spoken``'s names (as written) that is its clause's
    subject takes the free amounts and run time of its sentence for the name it stands
    for; the mention the name was found at is skipped."""
    names = sorted(spoken, key=len, reverse=True)[:_MAX_NAMES]
    out: list[Draft] = []
    for at, written in literal_matches(text, names):
        after = at + len(written)
        subject = _SUBJECT_AFTER.match(text, after, after + 12)
        if subject is None or text[after : after + 1] in "'\"’”」":
            continue  # the alias's own definition, or a mention that is no subject
        named = spoken[written]
        if named.start <= at < named.end:
            continue  # where the name was found
        stop = _SENTENCE_END.search(text, subject.end(), min(len(text), subject.end() + _REACH))
        end = stop.start() if stop else min(len(text), subject.end() + _REACH)
        if not figures.free_in(subject.end(), end):
            continue
        d = Draft(named.name, named.start, named.end, rule)
        for p in figures.periods_in(subject.end(), end):
            # A run time only: "B는 2028년까지 40개 지자체로 확대" is a roll-out date.
            if id(p) not in figures.used and is_run_time(p) and d.period is None:
                figures.used.add(id(p))
                d.period = p
        for a in figures.amounts_in(subject.end(), end):
            figures.take(d, a.span.start, a.span.end, text)
        if d.period or d.claimed:
            out.append(d)
    return out


def literal_matches(text: str, words: list[str]) -> list[tuple[int, str]]:
    """``(start, word)`` of each match of the alternation of ``words`` (non-empty, tried
    in their order) through ``text``: what ``regex.compile("|".join(map(regex.escape,
    words))).finditer(text)`` finds, by ``str.find``. A document's names are new to the
    process, and compiling their alternation costs far more than finding them.

    >>> literal_matches("가나다 나다 가나", ["가나다", "나다", "가나"])
    [(0, '가나다'), (4, '나다'), (7, '가나')]
    """
    found: list[tuple[int, int, str]] = []  # (start, rank, word) of every occurrence
    for rank, word in enumerate(words):
        found.extend((at, rank, word) for at in occurrences(text, word))
    found.sort()
    out: list[tuple[int, str]] = []
    pos = 0
    for at, _, word in found:
        # Leftmost first, the earliest word at one place, then on from the match's end.
        if at >= pos:
            out.append((at, word))
            pos = at + len(word)
    return out
