"""Amounts written in Hangul numerals: ``삼천억원``, ``이천오백만원``, ``일조 이천억원``.

News prose, bills and contracts (``일금 사억원정``) spell a sum's digits as words. A sum
is read only where it ends in a big unit and 원 (``…억원``, ``…만 원``): a numeral word
alone (``삼천``, ``오만``) is no money, and the syllables are common in other words.

Linear: each ``원`` after a big unit is an anchor, and the numeral is looked for only in
the bounded run of numeral syllables just before it.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from gongmun.extractors.numbers import NUMBER, parse_korean_number, to_won

# Digit syllables (small units 십백천 and big units 조억만 are numbers.SMALL and BIG).
HANGUL_DIGITS: Final[dict[str, str]] = {
    "일": "1",
    "이": "2",
    "삼": "3",
    "사": "4",
    "오": "5",
    "육": "6",
    "칠": "7",
    "팔": "8",
    "구": "9",
}
# Words a sum may open with and still be read: 총 삼천억원, 약 오십억원, 일금 사억원.
OPENING_WORDS: Final[tuple[str, ...]] = ("일금", "금", "총", "약")

_D = "[" + "".join(HANGUL_DIGITS) + "]"
# One group below 만: 이천오백, 삼십, 천, 칠 (each place at most once, in order).
_GROUP = rf"(?:{_D}?천)?(?:{_D}?백)?(?:{_D}?십)?{_D}?"
_OPENING = "|".join(OPENING_WORDS)
# The sum: groups closed by 조, 억, 만 in that order, maybe a last group below 만 (이천
# before 원 only after a big unit: 오만 이천원), then 원. Not inside a word: 구조원.
_AMOUNT = regex.compile(
    rf"""(?:(?<![가-힣])|(?<=(?<![가-힣])(?:{_OPENING})[ \t]?)|(?<=\d[조억]))
    (?P<body>
        (?=[^ \t원])(?:{_GROUP}조[ \t]?)?(?:{_GROUP}억[ \t]?)?(?:{_GROUP}만[ \t]?)?{_GROUP}
    )
    [ \t]?원""",
    regex.X,
)
# Where the numeral before an anchor may start: the run of its syllables and spaces.
_RUN = regex.compile(rf"(?:[ \t]|{_D}|[십백천조억만])*", regex.REVERSE)
# An anchor: a numeral syllable, a big unit, maybe a space, then 원 (천억원, 오만 원);
# figures in digits (300억원), by far the most, are never anchors.
_ANCHOR = re.compile(rf"(?:{_D}|[십백천])[조억만][ \t]?원")
# The longest numeral read (일조 이천삼백사십오억 육천칠백팔십구만 원 is 25 characters).
_REACH: Final = 32
# 사억원(₩400,000,000), 사억원정(￦…): the figure after the won sign is the same sum.
_SIGNED_AFTER = re.compile(r"정?[ \t]*\(?[ \t]*[₩￦]")
_DIGIT_OF = str.maketrans(HANGUL_DIGITS)
# What a numeral never starts with.
_NOT_FIRST: Final = frozenset(" \t조억만")
# A bigger unit's group in digits before: 1조 오천억원, 3억 오천만원 (one sum).
_DIGITS_BEFORE = re.compile(rf"(?<![\d.,])(?P<lead>{NUMBER}[ \t]?[조억])[ \t]?$")
# How far back that group is looked for.
_LEAD_REACH: Final = 24


def hangul_amounts(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, won)`` of each Hangul-numeral sum in ``text``, in text order.

    >>> hangul_amounts("총 삼천억원, 이천오백만 원, 일조 이천억원")
    [(2, 6, 300000000000), (8, 15, 25000000), (17, 24, 1200000000000)]
    >>> hangul_amounts("119 구조원, 오만원권, 수천억원, 일금 사억원정(₩400,000,000), 만원 버스")
    [(9, 12, 50000)]
    >>> hangul_amounts("(단위: 백만원), 단위는 천만원임, 칠천만원을")
    [(21, 25, 70000000)]
    >>> hangul_amounts("1조 오천억원, 3억오천만원")
    [(0, 7, 1500000000000), (9, 15, 350000000)]
    """
    out: list[tuple[int, int, int]] = []
    done = 0
    for anchor in _ANCHOR.finditer(text):
        unit_end = anchor.start() + 2
        floor = max(done, unit_end - _REACH)
        run = _RUN.match(text, floor, unit_end)
        first = run.start() if run is not None else unit_end
        for start in range(first, unit_end):
            if text[start] in _NOT_FIRST:
                continue
            m = _AMOUNT.fullmatch(text, start, anchor.end())
            found = _read(text, m) if m is not None else None
            if found is not None:
                out.append(found)
                done = m.end() if m is not None else done
                break
    return out


def _read(text: str, m: regex.Match[str]) -> tuple[int, int, int] | None:
    body = m.group("body").rstrip(" \t")
    if _SIGNED_AFTER.match(text, m.end()):
        return None
    digits = body.translate(_DIGIT_OF)
    lead = _DIGITS_BEFORE.search(text, max(0, m.start() - _LEAD_REACH), m.start())
    if lead is not None:
        whole = parse_korean_number(lead.group("lead") + digits)
        won = to_won(whole) if whole is not None else None
        if won:
            return lead.start(), m.end(), won
    if _lone_jo(body) or _unit_word(body):
        return None
    value = parse_korean_number(digits)
    won = to_won(value) if value is not None else None
    if won is None or won == 0:
        return None
    return m.start(), m.end(), won


def _unit_word(body: str) -> bool:
    """Units alone (백만원, 천만원, 십억원) are how a document names its unit — ``(단위:
    백만원)``, ``금액 단위는 백만원임``, ``( 345 )백만원`` on a form — so a sum in words
    needs a digit syllable (일억원, 오십억원)."""
    return not any(c in HANGUL_DIGITS for c in body)


def _lone_jo(body: str) -> bool:
    """One digit syllable and 조 alone (구조원, 이조원) is a word far more often than a sum."""
    return len(body) == 2 and body[1] == "조"


__all__ = ["HANGUL_DIGITS", "hangul_amounts"]
