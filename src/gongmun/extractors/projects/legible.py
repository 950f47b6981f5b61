"""Names an OCR engine garbled: characters no Korean project name is written with.

Tesseract reads the Latin letters of a Hangul page as digits and marks (``R&D`` as
``6&0``, ``SMR`` as ``514``, ``SDM`` as ``501/``), a □ bullet as ``ㅁ`` and table rules as
``|`` or ``[``. A wrong name is worse than a missed one, so every rule's name passes here
last: a name whose garble is a small part of it is kept (an analyst still knows it), one
whose garble sits at its edge is trimmed (a trailing group, a leading number, a table
rule), and one that is garbled through is refused.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from gongmun.extractors.projects.figures import Draft
from gongmun.extractors.projects.names import locate
from gongmun.extractors.projects.words import CATEGORY_NAMES, GENERIC_NAMES

# Counted as garble, character by character (see _garbled):
#   a jamo alone (a syllable broken in two, or □ read as ㅁ);
#   marks a name is never written with (a table rule, a misread bracket or letter);
#   "&" not between Latin letters (R&D read as 6&0 or &0);
#   digits glued to a slash or a backslash (SDM read as 501/, MW as 1001/\/);
#   three or more digits glued between syllables, not a year (SDM as 5014 in 제조5014플랫폼).
_GARBLE = regex.compile(
    r"""[\u1100-\u11FF\u3130-\u318F]
    | [\\^@|{}<>#$_=`\[\]¦]
    | (?<![A-Za-z]\s?)&
    | &(?!\s?[A-Za-z])
    | \d+(?=[\\])
    | \d+/(?!\d)
    | (?<=[\\])/
    | (?<=\p{Hangul})(?!(?:19|20)\d{2}(?!\d))\d{3,}(?=[\p{Hangul}/)])
    """,
    regex.X,
)

# What may be trimmed from a name's edges.
# A trailing group that is bare digits or holds garble: "(347)" for (GATC), "(6&0)".
_TRAILING_GROUP = re.compile(r"\s*\((?P<inner>[^()]*)\)$")
# A leading bare number, not a year, in OCR text: "514 다목적 …" (SMR), "12514 표준설계 …"
# (i-SMR). Only there: in text as written, "119 구급차 확충" begins with its number.
_LEADING_NUMBER = re.compile(r"^(?!(?:19|20)\d{2}\s)\d{2,}\s+")
# Table rules and stray marks at either end: "| 기술개발 사업".
_EDGE_NOISE: Final = " |\\^@#$_=`<>[]{}¦"

# A bullet between words: what comes before it is another line's (a heading, a label).
_INNER_BULLET = re.compile(r"\s[□■◆◇○●•▪▶]\s+")

# A jamo at the very start: a misread bullet (□ as ㅁ) opening a line of prose.
_LEADING_JAMO = re.compile(r"^[\u1100-\u11FF\u3130-\u318F]")

# Syllables tesseract's Korean model confuses (융 read as 용 or 응, 업 as 엽): a class
# of programmes misread so (재정용자사업) is still a class, not a programme's name.
_SYLLABLE_MISREADS: Final = str.maketrans({"용": "융", "응": "융", "엽": "업"})
_NOT_NAMES: Final = CATEGORY_NAMES | GENERIC_NAMES

# The share of garbled characters above which a name is refused: the gold standard of
# a name survives a slip or two (전계발광 양자점(ㄷL-00ㅁ) …), not a word gone.
_MAX_GARBLE: Final = 0.10
# The fewest characters a trimmed name keeps (흥원 of "흥원(\\.1131.0「.1[)" is no name).
_MIN_KEPT: Final = 4


def legible_name(name: str, *, ocr: bool = False) -> str | None:
    """``name`` with garbled edges trimmed, or None when it is garbled through; ``ocr``:
    the name was read from OCR text (where a leading number is a misread acronym).

    >>> legible_name("글로벌 우수기업연구소 육성사업(347)")
    '글로벌 우수기업연구소 육성사업'
    >>> legible_name("514 다목적 활용·연계 기술개발", ocr=True)
    '다목적 활용·연계 기술개발'
    >>> legible_name("시자율제조501/플랫폼기술개발"), legible_name("ㅁ2 041[&식 관리체계 안착")
    (None, None)
    >>> legible_name("예산 세부 내역 □ 해양 드론 기술 개발")
    '해양 드론 기술 개발'
    >>> legible_name("재정용자사업", ocr=True), legible_name("재정용자사업")
    (None, '재정용자사업')
    >>> legible_name("R&D 혁신스케일업 융자사업"), legible_name("2030 부산 엑스포 유치")
    ('R&D 혁신스케일업 융자사업', '2030 부산 엑스포 유치')
    """
    if ocr and name.replace(" ", "").translate(_SYLLABLE_MISREADS) in _NOT_NAMES:
        return None
    bullets = _INNER_BULLET.findall(name) if " " in name else []
    if bullets:
        # "예산 세부 내역 □ NAME": a bullet inside opens the line the name is (the last).
        name = name[name.rfind(bullets[-1]) + len(bullets[-1]) :]
    number = ocr and _LEADING_NUMBER.match(name) is not None
    if _GARBLE.search(name) is None and not number and name[-1:] != ")":
        return name  # the commonest case: nothing to weigh
    kept = name.strip(_EDGE_NOISE)
    group = _TRAILING_GROUP.search(kept)
    if group is not None and (group["inner"].isdigit() or _GARBLE.search(group["inner"])):
        kept = kept[: group.start()]
    if ocr:
        kept = _LEADING_NUMBER.sub("", kept)
    kept = kept.strip(_EDGE_NOISE)
    letters = len(kept.replace(" ", ""))
    if letters < _MIN_KEPT or _LEADING_JAMO.match(kept):
        return None
    garbled = sum(len(m.group()) for m in _GARBLE.finditer(kept))
    return kept if garbled <= _MAX_GARBLE * letters else None


def legible_drafts(drafts: list[Draft], text: str, *, ocr: bool = False) -> list[Draft]:
    """The drafts whose names are legible (:func:`legible_name`), trimmed names placed
    where they are written in ``text`` (their drafts' spans otherwise)."""
    out = []
    for d in drafts:
        name = legible_name(d.name, ocr=ocr)
        if name is None:
            continue
        if name != d.name:
            place = locate(text, name, d.start, d.end)
            d.name = name
            if place is not None:
                d.start, d.end = place
        out.append(d)
    return out
