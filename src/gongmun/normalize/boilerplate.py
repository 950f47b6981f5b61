"""Web-page boilerplate around a news article: widgets, tools, related-story lists.

The article is the largest run of body paragraphs (lines ending a sentence) with no
boilerplate line between them. Before it, the page head is dropped: the boilerplate lines
chained to the last one above the article (at most a few lines apart), and the short
lines above them if no sentence stands there, except the headline just above the reading
tools. After it, everything from the first boilerplate line (or the section title above a
더보기 link) up to the next sentence, which starts other text. Boilerplate lines elsewhere
are dropped one by one. Text without boilerplate lines is untouched, so PDFs and plain
documents pass through.

Never lose the document: a plan that would drop more than a small share of the text
beyond the boilerplate lines (``COLLATERAL_MAX``) is not carried out; the text is kept whole and
:func:`boilerplate_warnings` says why (OCR that reads bullets as ``©`` once made a whole
report look like a copyright footer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import regex

from gongmun.normalize.boilerplate_tables import (
    BOILERPLATE_LINES,
    MORE_LINK,
    TELLTALES,
    TITLE_FOLLOWERS,
)
from gongmun.offsets import Edit

_BOILERPLATE: Final = regex.compile(
    "^(?:" + "|".join(f"(?:{p})" for p in BOILERPLATE_LINES) + r")$", regex.IGNORECASE
)
# TELLTALES is a flat alternation; one search per alternative finds a match exactly when the
# whole alternation would, and each can skip ahead to its own first character (~3x faster
# on a page with none).
_TELLTALES: Final = tuple(regex.compile(p) for p in TELLTALES.split("|"))
_TITLE_FOLLOWER: Final = re.compile(rf"^(?:{TITLE_FOLLOWERS})")
_MORE: Final = re.compile(rf"^(?:{MORE_LINK})\s*[>+]?$")
_BULLET_PREFIX: Final = re.compile(r"^[•·∙◦▪\-–]\s*")
_SENTENCE_END: Final = re.compile(r"(?:다|요|까)[.!?]?[\"'”’)]*\s*$|[.!?][\"'”’)]*\s*$")
# A body paragraph: a sentence at least this long.
_SENTENCE_MIN: Final[int] = 25
# Boilerplate lines are short; longer lines are never tested.
_LINE_MAX: Final[int] = 160
# Boilerplate must show itself at least this often before the page is treated as a web page.
_MIN_MARKERS: Final[int] = 2
# Lines of page head chained together: a headline, a date and a byline may sit between two
# boilerplate lines, more than this many non-blank lines is other text.
_HEAD_GAP: Final[int] = 4
# Short lines above the page head (a site's menu) go with it when there are at most this many.
_HEAD_MENU_LINES: Final[int] = 30
# Share of the text outside boilerplate lines a plan may drop before the text is kept whole:
# a news page's related stories can be as long as a short article, never longer; a plan
# that drops more than it keeps has misread the text.
COLLATERAL_MAX: Final[float] = 0.5


def is_boilerplate_line(line: str) -> bool:
    """True for a line that is a widget, a tool, a share button or a copyright notice.

    >>> is_boilerplate_line("  • 구름많음서울 26.9℃")
    True
    >>> is_boilerplate_line("페이스북 트위터 밴드 블로그")
    True
    >>> is_boilerplate_line("산업부, 산업혁신기반구축사업에 2,685억원 지원")
    False
    """
    s = _BULLET_PREFIX.sub("", line.strip())
    return bool(s) and _BOILERPLATE.match(s) is not None


def _is_body(line: str) -> bool:
    s = line.strip()
    return len(s) >= _SENTENCE_MIN and _SENTENCE_END.search(s) is not None


def _article(marks: list[bool], body: list[int]) -> tuple[int, int]:
    """First and last body line of the largest run of body lines with no boilerplate between."""
    runs: list[list[int]] = [[body[0]]]
    for i in body[1:]:
        if any(marks[runs[-1][-1] : i]):
            runs.append([i])
        else:
            runs[-1].append(i)
    best = max(runs, key=len)
    return best[0], best[-1]


@dataclass(frozen=True, slots=True)
class _Plan:
    edits: tuple[Edit, ...]
    warnings: tuple[tuple[str, str], ...]


def drop_boilerplate(text: str) -> list[Edit]:
    """Drop web-page boilerplate before, inside and after the article; keep the article whole.

    >>> page = "구름많음서울 26.9℃\\n기상청 제공\\n제목\\n"
    >>> page += "본문은 이렇게 길게 이어지는 기사의 문장이다.\\n" * 2
    >>> page += "Copyright ⓒ 신문 All rights reserved.\\n관련 기사 제목"
    >>> from gongmun.offsets import apply_edits
    >>> print(apply_edits(page, drop_boilerplate(page))[0])
    제목
    본문은 이렇게 길게 이어지는 기사의 문장이다.
    본문은 이렇게 길게 이어지는 기사의 문장이다.
    <BLANKLINE>
    """
    return list(_plan(text).edits)


def boilerplate_warnings(text: str) -> list[tuple[str, str]]:
    """``(code, message)`` when a boilerplate plan for ``text`` was refused (it kept the text).

    >>> doc = "로그인\\n기상청 제공\\n기사 본문으로 읽히는 충분히 긴 문장 하나가 있다.\\n"
    >>> doc += "관련 기사\\n"
    >>> doc += "ㅇ 기반구축 과제 추진 및 성과 점검\\n" * 9
    >>> [code for code, _ in boilerplate_warnings(doc)]
    ['boilerplate_kept']
    """
    return list(_plan(text).warnings)


@lru_cache(maxsize=8)
def _plan(text: str) -> _Plan:
    # Cached: the normalizer asks for the edits and then for the warnings of one text.
    if not any(p.search(text) for p in _TELLTALES):
        return _Plan((), ())
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    marks = [len(line) <= _LINE_MAX and is_boilerplate_line(line) for line in lines]
    if sum(marks) < _MIN_MARKERS:
        return _Plan((), ())
    is_body = [not marks[i] and _is_body(line) for i, line in enumerate(lines)]
    body = [i for i, b in enumerate(is_body) if b]
    if not body:
        return _Plan((), ())
    first, last = _article(marks, body)
    drop = [False] * len(lines)
    head_marks = [i for i in range(first) if marks[i]]
    if head_marks:
        cut = head_marks[-1]
        for i in range(_head_start(lines, marks, is_body, head_marks), cut + 1):
            drop[i] = True
        tools = [i for i in range(first) if _TITLE_FOLLOWER.match(lines[i].strip())]
        if tools:
            title = _previous_content(lines, tools[0])
            if title is not None and not marks[title]:
                drop[title] = False
    tail = [i for i in range(last + 1, len(lines)) if marks[i]]
    if tail:
        cut = tail[0]
        if _MORE.match(lines[cut].strip()):
            above = _previous_content(lines, cut)
            if above is not None and above > last:
                cut = above
        for i in range(cut, len(lines)):
            if is_body[i]:
                break
            drop[i] = True
    for i in range(len(lines)):
        drop[i] = drop[i] or marks[i]
    # Lines dropped only for standing near boilerplate (not matching it themselves): a
    # page's related stories, or, when the plan misread the text, the document itself.
    lost = sum(len(lines[i].strip()) for i in range(len(lines)) if drop[i] and not marks[i])
    kept = sum(len(lines[i].strip()) for i in range(len(lines)) if not drop[i])
    if lost > COLLATERAL_MAX * (lost + kept):
        message = (
            f"boilerplate removal would drop {lost:,} characters that are not boilerplate "
            f"themselves and keep {kept:,}; the text was kept whole"
        )
        return _Plan((), (("boilerplate_kept", message),))
    return _Plan(tuple(_line_edits(text, starts, lines, drop)), ())


def _head_start(lines: list[str], marks: list[bool], is_body: list[bool], head: list[int]) -> int:
    """First line of the page head that ends at boilerplate line ``head[-1]``.

    The head holds the boilerplate lines chained back from the last one, each at most
    ``_HEAD_GAP`` non-blank lines from the next, and above them a site's short menu lines
    when no sentence and not too many lines stand there.
    """
    start = head[-1]
    for i in reversed(head[:-1]):
        gap = sum(1 for k in range(i + 1, start) if lines[k].strip())
        if gap > _HEAD_GAP:
            break
        start = i
    above = [k for k in range(start) if lines[k].strip()]
    if not any(is_body[k] for k in above) and len(above) <= _HEAD_MENU_LINES:
        return 0
    return start


def _previous_content(lines: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j if j >= 0 else None


def _line_edits(text: str, starts: list[int], lines: list[str], drop: list[bool]) -> list[Edit]:
    """One edit per run of dropped lines (blank lines inside a run go with it)."""
    edits: list[Edit] = []
    i = 0
    while i < len(lines):
        if not drop[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and (
            drop[j + 1] or (not lines[j + 1].strip() and _run_continues(lines, drop, j + 1))
        ):
            j += 1
        end = min(starts[j] + len(lines[j]) + 1, len(text))
        edits.append(Edit(starts[i], end, ""))
        i = j + 1
    return edits


def _run_continues(lines: list[str], drop: list[bool], k: int) -> bool:
    """True when blank line ``k`` is followed (after blanks) by a dropped line."""
    while k < len(lines) and not lines[k].strip():
        k += 1
    return k < len(lines) and drop[k]


__all__ = ["COLLATERAL_MAX", "boilerplate_warnings", "drop_boilerplate", "is_boilerplate_line"]
