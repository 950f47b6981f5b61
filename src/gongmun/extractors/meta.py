"""Document facts: issuer, issue date, embargo, title, kind, department and contacts.

Only the head of a document is read for title and dates (press releases and plans put
them first); the issuer may come from anywhere in the first part of the text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Final

import regex

from gongmun.extractors.context import Context
from gongmun.extractors.meta_tables import (
    EMBARGO_WORDS,
    ISSUE_LABELS,
    ISSUERS,
    KIND_MARKERS,
    NOT_TITLE,
)
from gongmun.extractors.year_tables import DATELINE_LABELS
from gongmun.models import DocumentKind, Meta

HEAD_CHARS: Final = 3000

_NAMES = sorted(
    [(full, full) for full in ISSUERS] + [(s, full) for full, ss in ISSUERS.items() for s in ss],
    key=lambda p: len(p[0]),
    reverse=True,
)
_ISSUER_RE = regex.compile("|".join(regex.escape(n) for n, _ in _NAMES))
_FULL_OF = dict(_NAMES)

# 2025. 4. 9. / 2025.04.09 / 2025-04-09 / 2025년 4월 9일
_DATE_RE = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*"
    r"(?P<d>\d{1,2})(?!\d)"
)
# Press-release labels first, then a news page's dateline labels (입력, 기사입력, 송고…).
_LABEL_RE = regex.compile(
    "|".join(
        regex.escape(w) for w in sorted({*ISSUE_LABELS, *DATELINE_LABELS}, key=len, reverse=True)
    )
)
_EMBARGO_LINE = regex.compile(
    r"[<〈(]?\s*\d{1,2}\s*\.\s*\d{1,2}\s*\.?\s*\(\p{Hangul}\)\s*(?:조간|석간)\s*[>〉)]?"
)
_CONTACT_RE = regex.compile(r"(?:담당|문의|연락처)[^\n]{0,80}?\d{2,4}-\d{3,4}-\d{4}")
_DEPARTMENT_RE = regex.compile(r"(?:담당\s*부서|제\s*출\s*자)\s*:?\s*(?P<d>[^\n]{2,60})")


def find_meta(ctx: Context) -> Meta:
    """Return what the document says about itself.

    >>> from gongmun.normalize import normalize
    >>> head = "보도자료\\n\\n보도시점\\n2025. 4. 9.(수) 11:00\\n산업통상자원부"
    >>> m = find_meta(Context(normalize(head)))
    >>> (m.kind, str(m.issued), m.issuer)
    ('press_release', '2025-04-09', '산업통상자원부')
    """
    head = ctx.text[:HEAD_CHARS]
    return Meta(
        title=find_title(head),
        issuer=find_issuer(head),
        issued=find_issued(head),
        embargo=find_embargo(head),
        kind=find_kind(head),
        department=_first_group(_DEPARTMENT_RE, head, "d"),
        contacts=[m.group().strip() for m in _CONTACT_RE.finditer(ctx.text)][:10],
    )


def find_issuer(head: str) -> str | None:
    """The ministry that issued the document: the most named one in its head, first on ties.

    >>> find_issuer("산업통상자원부(장관 안덕근, 이하 산업부)는 ... 산업부는")
    '산업통상자원부'
    """
    found = [_FULL_OF[m.group()] for m in _ISSUER_RE.finditer(head)]
    if not found:
        return None
    counts = Counter(found)
    best = max(counts.values())
    return next(name for name in found if counts[name] == best)


def find_issued(head: str) -> dt.date | None:
    """The issue date: a full date after an issue label, else the first full date in the head."""
    labelled = None
    for label in _LABEL_RE.finditer(head):
        m = _DATE_RE.search(head, label.end(), label.end() + 40)
        if m:
            labelled = m
            break
    m = labelled or _DATE_RE.search(head)
    if m is None:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def find_embargo(head: str) -> str | None:
    """The embargo as written: ``< 4.10.(목) 조간 >`` or the time after ``보도시점``."""
    # The pattern may start at any digit: searched only in a head holding its words.
    m = _EMBARGO_LINE.search(head) if "조간" in head or "석간" in head else None
    if m:
        return m.group().strip()
    for word in EMBARGO_WORDS:
        i = head.find(word)
        if i >= 0:
            line = head[i : i + 60].split("\n\n")[0]
            return " ".join(line.split()) or None
    return None


def find_kind(head: str) -> DocumentKind:
    """The kind of document, from the words its head uses."""
    first = head[:1500]
    for kind, words in KIND_MARKERS:
        if any(w in first for w in words):
            return kind  # type: ignore[return-value]
    return "other"


_HANGUL = regex.compile(r"\p{Hangul}")


def find_title(head: str) -> str | None:
    """The first substantial line of the head that is not furniture (labels, dates)."""
    for raw_line in head.split("\n"):
        line = raw_line.strip(" □ㅇ-*<>〈〉")
        if len(line) < 8 or not _HANGUL.search(line):
            continue
        if any(line.startswith(w) for w in NOT_TITLE) or _DATE_RE.match(line):
            continue
        # Sentences, embargo lines and bracketed session numbers are not titles.
        if len(line) > 120 or line.endswith(("다.", "다")) or _EMBARGO_LINE.search(raw_line):
            continue
        if line.startswith("(") and line.endswith(")"):
            continue
        return line[:200]
    return None


def _first_group(pattern: regex.Pattern[str], text: str, group: str) -> str | None:
    m = pattern.search(text)
    return m.group(group).strip() if m else None
