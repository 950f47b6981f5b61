"""Document facts: issuer, issue date, embargo, title, kind, department and contacts.

Only the head of a document is read for title and dates (press releases and plans put
them first); the issuer may come from anywhere in the first part of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Final

import regex

from gongmun.extractors.context import Context
from gongmun.extractors.meta_tables import (
    BODIES,
    EMBARGO_WORDS,
    HEAD_TITLES,
    INSTITUTIONS,
    ISSUE_LABELS,
    ISSUERS,
    KIND_MARKERS,
    NOT_TITLE,
    RECIPIENT_AFTER,
    TITLE_LABELS,
    VALUE_LABELS,
)
from gongmun.extractors.year_tables import DATELINE_LABELS
from gongmun.models import DocumentKind, Meta
from gongmun.normalize.joins import spaced_out

HEAD_CHARS: Final = 3000

_NAMES = sorted(
    [(full, full) for full in BODIES] + [(s, full) for full, ss in BODIES.items() for s in ss],
    key=lambda p: len(p[0]),
    reverse=True,
)
# A name inside a longer word (전국회의, LHC) is not the name.
_ISSUER_RE = regex.compile(
    r"(?<![\p{Hangul}A-Za-z])(?:" + "|".join(regex.escape(n) for n, _ in _NAMES) + r")(?![A-Za-z])"
)
_FULL_OF = dict(_NAMES)
_RECIPIENT = regex.compile("|".join(regex.escape(w) for w in RECIPIENT_AFTER))
_SELF_INTRO = re.compile(r"\s*\(\s*(?:" + "|".join(HEAD_TITLES) + r")\s")

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
    r"[<〈(]?\s*(?:(?:19|20)\d{2}\s*\.\s*)?\d{1,2}\s*\.\s*\d{1,2}\s*\.?\s*\(\p{Hangul}\)\s*"
    r"(?:조간|석간)(?:용)?\s*[>〉)]?"
)
# Where an embargo written after its label ends: the next label on its line (배포 : …),
# a slash or a wide gap between fields.
_DIGIT = re.compile(r"\d")
_EMBARGO_END = re.compile(r"\s*/|\s{3,}|\s+(?=배포(?!\s*즉시)|작성|담당|자료\s*문의|문의)")
# A contact: its label, then its telephone number on that line, or on the next when a
# label ends the line (연락처 | 전 화 : 044-203-4515, 담당과장 | 홍길동 (044-…): fields
# a line, or a cover table's cells), read as one line.
_PHONE = r"\d{2,4}-\d{3,4}-\d{4}"
_CONTACT_LABEL = r"(?:담당|문의|연락처)"
_LABEL_ENDS_LINE = rf"(?:[^\n]{{0,80}}?{_CONTACT_LABEL})?[가-힣]{{0,3}}[ \t]*[:：]?[ \t]*\n"
_CONTACT_RE = re.compile(
    rf"{_CONTACT_LABEL}(?:[^\n]{{0,80}}?{_PHONE}|{_LABEL_ENDS_LINE}[^\n]{{0,40}}?{_PHONE})"
)
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_DEPARTMENT_RE = re.compile(r"(?:담당\s*부서|제\s*출\s*자)\s*:?\s*(?P<d>[^\n]{2,60})")
# Where a department's name ends on a contact line: the person's role or title, or the
# telephone number (담당 부서 반도체과 과장 홍길동 044-202-1234).
_DEPARTMENT_END = re.compile(
    r"\s+(?=(?:책임자|담당자|과\s?장|팀\s?장|국\s?장|실\s?장|단\s?장|사무관|주무관|서기관"
    r"|연구관|연구사|행정관|전문관|전문위원)(?:\s|$))|\s*[(\[]?\s*\d{2,4}\s*[-)]\s*\d{3,4}\s*-\s*\d{4}"
)


def find_meta(ctx: Context) -> Meta:
    """Return what the document says about itself.

    >>> from gongmun.normalize import normalize
    >>> head = "보도자료\\n\\n보도시점\\n2025. 4. 9.(수) 11:00\\n산업통상자원부"
    >>> m = find_meta(Context(normalize(head)))
    >>> (m.kind, str(m.issued), m.issuer)
    ('press_release', '2025-04-09', '산업통상자원부')
    """
    head = ctx.text[:HEAD_CHARS]
    title = find_title(head)
    return Meta(
        title=title,
        issuer=find_issuer(head, title),
        issued=find_issued(head),
        embargo=find_embargo(head),
        kind=find_kind(head),
        department=find_department(head),
        contacts=[_LINE_BREAK.sub(" ", m.group().strip()) for m in _CONTACT_RE.finditer(ctx.text)][
            :10
        ],
    )


def find_issuer(head: str, title: str | None = None) -> str | None:
    """Who issued the document: the body that introduces itself (``X(장관 …)는``), else
    the institution the title names, else the ministry the head names most (first on
    ties; one it sends something to, ``국회에 제출``, does not count), else the public
    institution it names most.

    >>> find_issuer("산업통상자원부(장관 안덕근, 이하 산업부)는 ... 산업부는")
    '산업통상자원부'
    >>> find_issuer("기획재정부는 예산안을 국회에 제출하고 국회에 설명할 계획")
    '기획재정부'
    >>> find_issuer("중기부는 중진공과 함께 … 중진공이 융자")
    '중소벤처기업부'
    """
    found = [
        (m, _FULL_OF[m.group()])
        for m in _ISSUER_RE.finditer(head)
        if not _RECIPIENT.match(head, m.end(), m.end() + 6)
    ]
    for m, name in found:
        if _SELF_INTRO.match(head, m.end(), m.end() + 8):
            return name
    # A title may be a guess (a body's line): it promotes only an institution, which
    # counting would rank below the ministries it works for.
    for m in _ISSUER_RE.finditer(title or ""):
        if _FULL_OF[m.group()] in INSTITUTIONS:
            return _FULL_OF[m.group()]
    for tier in (ISSUERS, INSTITUTIONS):
        names = [name for _, name in found if name in tier]
        if names:
            counts = Counter(names)
            best = max(counts.values())
            return next(name for name in names if counts[name] == best)
    return None


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


def find_department(head: str) -> str | None:
    """The department a contact line names, without its people and telephone numbers.

    >>> find_department("담당 부서 반도체과 과장 홍길동 044-202-1234")
    '반도체과'
    >>> find_department("담당부서: 재정정책국 재정정책과 책임자 과장 김철수 (044-215-2710)")
    '재정정책국 재정정책과'
    """
    found = _first_group(_DEPARTMENT_RE, head, "d")
    if found is None:
        return None
    end = _DEPARTMENT_END.search(found)
    return (found[: end.start()] if end and end.start() > 0 else found).strip() or None


def find_embargo(head: str) -> str | None:
    """The embargo as written: ``< 4.10.(목) 조간 >`` or the time after ``보도시점``.

    >>> find_embargo("2025. 3. 14.(금) 조간용")
    '2025. 3. 14.(금) 조간용'
    >>> find_embargo("보도시점 : 2025. 3. 14.(금) 12:00 / 배포 : 2025. 3. 13.(목) 14:00")
    '보도시점 : 2025. 3. 14.(금) 12:00'
    >>> find_embargo("보도시점\\n2025. 3. 14.(금) 12:00\\n과학기술정보통신부")
    '보도시점 2025. 3. 14.(금) 12:00'
    >>> find_embargo("보도일시 배포즉시 자료문의 약제관리실")
    '보도일시 배포즉시'
    """
    # The pattern may start at any digit: searched only in a head holding its words.
    m = _EMBARGO_LINE.search(head) if "조간" in head or "석간" in head else None
    if m:
        return m.group().strip()
    for word in EMBARGO_WORDS:
        i = head.find(word)
        if i >= 0:
            line = head[i : i + 60].split("\n\n")[0]
            # The time may be on the label's line or, in a form's cell, on the next one;
            # it ends with its own line.
            digit = _DIGIT.search(line)
            nl = line.find("\n", digit.start()) if digit else -1
            line = line[:nl] if nl >= 0 else line
            end = _EMBARGO_END.search(line, len(word))
            return " ".join((line[: end.start()] if end else line).split()) or None
    return None


def find_kind(head: str) -> DocumentKind:
    """The kind of document, from the words its head uses."""
    first = head[:1500]
    for kind, words in KIND_MARKERS:
        if any(w in first for w in words):
            return kind  # type: ignore[return-value]
    return "other"


_HANGUL = regex.compile(r"\p{Hangul}")
# A reckoning (5,830,000원*12개월) is a table's cell, never a title.
_RECKONING = re.compile(r"\d\s*[*×=]\s*\d|원\s*[*×]")
# Contact lines: a phone number, a web or mail address.
_CONTACT_LINE = regex.compile(r"\d{2,4}\)?-\d{3,4}-\d{4}|https?://|www\.|@[\w-]+\.")
# A caption of a table or chart closes with its units: 업종별 동향(억 달러, %), 증감비율 (%).
_UNIT_CAPTION = regex.compile(r"\([^()\n]*(?:%|단위|달러|원|USD)[^()\n]*\)\s*$")
# A notice's number line: 문화체육관광부 공고 제2026 – 0041호.
_NOTICE_NUMBER = re.compile(r"(?:공고|고시|훈령|예규)\s*제\s*\d{2,4}\s*[-–—]\s*\d+\s*호")
_NOT_TITLE_LINES: Final = (_CONTACT_LINE, _UNIT_CAPTION, _NOTICE_NUMBER, _RECKONING)
# What a form label's text drops: brackets, spaces, colons (``[ 제 목 ]`` is 제목).
_LABEL_MARKS = re.compile(r"[\s\[\]【】<>〈〉():：·]")
# A 제목 or 건명 label opening a line, bracketed or not, with its colon.
_TITLE_LABEL = re.compile(r"^[\[【<(]?\s*(제\s?목|건\s?명)\s*[\]】>)]?\s*[:：]?\s*")
# A headline may end in 다 (선수단 격려한다); a longer line ending so is a sentence.
_HEADLINE_DA = 60


# A header label with its value on its line: the label's text then a digit (작성일
# 2025.03.14), or the line's label then a colon (연락처: 044-202-1234).
_VALUE_LABEL_ALTS = "|".join(regex.escape(w) for w in sorted(VALUE_LABELS, key=len, reverse=True))
_VALUE_LABEL_DIGIT = re.compile(rf"(?:{_VALUE_LABEL_ALTS})\d")
_VALUE_LABEL_COLON = re.compile(rf"\s*(?:{_VALUE_LABEL_ALTS})\s*[:：]")


def _labels_a_value(line: str, label: str) -> bool:
    """Whether ``line`` is a header label with its value on the same line: ``작성일
    2025.03.14``, ``연락처: 044-202-1234`` (a label alone is handled by the caller)."""
    return bool(_VALUE_LABEL_DIGIT.match(label) or _VALUE_LABEL_COLON.match(line))


def _label(line: str) -> str:
    """A line's text as a form label: brackets and spaces dropped (``[ 제 목 ]`` → 제목)."""
    return _LABEL_MARKS.sub("", line)


def find_title(head: str) -> str | None:
    """The document's title: the line after a 제목 label, else the first substantial line
    of the head that is no furniture (labels and their values, dates, contacts, captions).

    >>> find_title("수신\\n제목\\n[승인요청] 가로판매대 보수공사 비용\\n1. 관련")
    '[승인요청] 가로판매대 보수공사 비용'
    >>> find_title("보도시점\\n본회의 통과시(별도통보)\\n낡은 규제 혁파한다\\n")
    '낡은 규제 혁파한다'
    """
    lines = head.split("\n")
    labelled = _labelled_title(lines)
    if labelled is not None:
        return labelled
    after_label = False
    for raw_line in lines:
        line = raw_line.strip(" □ㅇ-*<>〈〉")
        label = _label(line)
        if after_label:
            after_label = False
            continue
        if label in VALUE_LABELS:
            after_label = True
            continue
        if len(line) < 8 or not _HANGUL.search(line):
            continue
        if any(label.startswith(w) for w in NOT_TITLE) or _DATE_RE.match(line):
            continue
        if _labels_a_value(line, label):
            continue
        if any(p.search(line) for p in _NOT_TITLE_LINES):
            continue
        # Sentences, embargo lines and bracketed session numbers are not titles.
        if len(line) > 120 or line.endswith("다.") or _EMBARGO_LINE.search(raw_line):
            continue
        if line.endswith("다") and len(line) > _HEADLINE_DA:
            continue
        if line.startswith(("(", "[")) and line.endswith((")", "]")):
            continue
        if spaced_out(line):
            return line.replace(" ", "")  # a cover's title spaced out: 통 합 재 정 통 계
        return line[:200]
    return None


def _labelled_title(lines: list[str]) -> str | None:
    """The text a 제목 label gives: after it on its line (``제목: …``) or on the next."""
    for k, raw_line in enumerate(lines):
        line = raw_line.strip()
        m = _TITLE_LABEL.match(line)
        if m is None or _label(m.group(1)) not in TITLE_LABELS:
            continue
        rest = line[m.end() :].strip()
        if not rest and k + 1 < len(lines):
            rest = lines[k + 1].strip()
        if len(rest) >= 4 and _HANGUL.search(rest):
            return rest[:200]
    return None


def _first_group(
    pattern: re.Pattern[str] | regex.Pattern[str], text: str, group: str
) -> str | None:
    m = pattern.search(text)
    return m.group(group).strip() if m else None
