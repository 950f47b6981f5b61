"""What stands around a table: its unit statement and its caption.

A unit statement (``(단위: 억원)``, ``(단위 : 백만원, %)``, ``[단위: 억원]``) is a short
line right before the table or, as text layers often move it, right after it; it goes
in :attr:`Table.unit`. The title line before the table (``<표 2> 연도별 예산 현황``,
``□ 사업별 예산``) is its caption; a unit at the end of that line is split off.
Only the line next to the table is looked at, so each table costs its own two lines.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Final

import regex

from gongmun.doc.tables import Table

# A whole line that states a unit: (단위: 억원), [단위 : 백만원, %], 단위: 천원.
# Bracketed, or with a colon; the unit itself holds no digit (단위당 비용은 10억원 is prose).
UNIT_LINE: Final = regex.compile(
    r"^\s*(?:[(\[〔]\s*단\s*위\s*[:：]?\s*(?P<unit>[^()\[\]〔〕\n\d]{1,30}?)\s*[)\]〕]"
    r"|단\s*위\s*[:：]\s*(?P<unit>[^()\[\]〔〕\n\d]{1,30}?))\s*$"
)
# A unit closing a caption line: 연도별 예산 현황 (단위: 억원).
_UNIT_TAIL: Final = re.compile(
    r"\s*[(\[〔]\s*단\s*위\s*[:：]?\s*(?P<unit>[^()\[\]〔〕\n\d]{1,30}?)\s*[)\]〕]\s*$"
)
# A caption is a title, not a sentence: short, and not ending like one.
CAPTION_MAX_CHARS: Final = 80
# A line marked as a table's title or a section heading: <표 1>, [표 2], 표 3., □ 사업별
# 예산, 1. 추진 현황. The document's first line is its own title, not a table's caption,
# unless it is marked so.
_MARKED: Final = re.compile(r"^\s*(?:[<\[〈【〔]|표\s*\d|[□■○●◦ㅇ❍▶◇◆※]|\d{1,2}\s*[.)]|[가-하]\.)")
_SENTENCE_END: Final = re.compile(r"(?:[다요음함됨임]\s*\.?|[.!?。])\s*$")
# A title has words: a line of figures and codes (a page counter 1/4, a document number
# B35642022000020) over a table is no caption.
_WORD: Final = re.compile(r"[가-힣]|[A-Za-z]{2}")


def unit_of(line: str) -> str | None:
    """The unit a unit-statement line gives, as written.

    >>> unit_of("(단위: 억원)"), unit_of("[단위 : 백만원, %]"), unit_of("억원을 지원") is None
    ('억원', '백만원, %', True)
    """
    m = UNIT_LINE.match(line)
    return m.group("unit").strip() if m else None


def split_caption(line: str) -> tuple[str | None, str | None]:
    """A title line as (caption, unit); (None, None) when the line is no title.

    >>> split_caption("<표 1> 연도별 예산 현황 (단위: 억원)")
    ('<표 1> 연도별 예산 현황', '억원')
    >>> split_caption("정부는 내년 예산을 확정했다."), split_caption("1/4")
    ((None, None), (None, None))
    """
    text = line.strip()
    unit = None
    m = _UNIT_TAIL.search(text)
    if m:
        unit = m.group("unit").strip()
        text = text[: m.start()].strip()
    if len(text) > CAPTION_MAX_CHARS or _SENTENCE_END.search(text) or _WORD.search(text) is None:
        return None, unit
    return text, unit


def _line_before(text: str, pos: int) -> tuple[str, int]:
    """The non-blank line ending before ``pos`` (skipping blank lines) and where it starts."""
    end = pos
    while True:
        end = text.rfind("\n", 0, end)
        if end < 0:
            return "", 0
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() or start == 0:
            return line, start
        end = start


def _line_after(text: str, pos: int) -> tuple[str, int]:
    """The first non-blank line after the line ending at ``pos``, and where it ends."""
    i = pos
    while i < len(text):
        nl = text.find("\n", i)
        if nl < 0:
            return "", len(text)
        j = text.find("\n", nl + 1)
        end = j if j >= 0 else len(text)
        line = text[nl + 1 : end]
        if line.strip():
            return line, end
        i = nl + 1
    return "", len(text)


def with_surroundings(text: str, tables: Sequence[Table]) -> tuple[Table, ...]:
    """``tables`` with ``unit`` and ``caption`` filled from the lines around them in
    ``text`` (where the reader did not give them already).

    >>> from gongmun.doc.tables import place, table_from_rows
    >>> body, t = place(table_from_rows((("구분", "예산"), ("R&D", "10")), "hwpx"), 0)
    >>> head = "<표 1> 사업별 예산\\n(단위: 억원)\\n"
    >>> [t2] = with_surroundings(head + body, [t.shifted(len(head))])
    >>> t2.caption, t2.unit
    ('<표 1> 사업별 예산', '억원')
    """
    placed = sorted(
        (
            (t.start, t.end, i)
            for i, t in enumerate(tables)
            if t.start is not None and t.end is not None
        ),
    )
    out = list(tables)
    prev_end = -1
    # Where the document's first line starts (its title), found once for all tables.
    lead = len(text) - len(text.lstrip())
    title_at = text.rfind("\n", 0, lead) + 1
    for k, (start, end, i) in enumerate(placed):
        next_start = placed[k + 1][0] if k + 1 < len(placed) else None
        t = _surrounded(text, tables[i], (start, end), prev_end, next_start, title_at)
        out[i] = t
        prev_end = end
    return tuple(out)


def _surrounded(
    text: str,
    t: Table,
    span: tuple[int, int],
    prev_end: int,
    next_start: int | None,
    title_at: int = -1,
) -> Table:
    """One table's unit and caption; lines of the tables before and after are not its own,
    nor is the document's title (its first line, ``title_at``) unless marked as a caption."""
    unit, caption = t.unit, t.caption
    before, at = _line_before(text, span[0])
    if at < prev_end:
        before = ""
    found = unit_of(before)
    if found is not None:
        unit = unit or found
        before, at = _line_before(text, at) if at else ("", 0)
        if at < prev_end:
            before = ""
    else:
        line, end = _line_after(text, span[1])
        # A unit line right above the next table is that table's.
        _, after_end = _line_after(text, end)
        heads_next = next_start is not None and next_start <= after_end
        if not heads_next and (next_start is None or end <= next_start):
            unit = unit or unit_of(line)
    title, title_unit = split_caption(before)
    if at == title_at and title_unit is None and not _MARKED.match(before):
        # 가상 에너지 기술 사업 / (단위: 억원) / the table: that line is the document's
        # title, not the table's (one closing with the table's unit is the table's).
        title = None
    if caption is None and title is not None:
        caption = title
    elif caption is not None:
        caption, in_caption = _caption_unit(caption)
        unit = unit or in_caption
    unit = unit or title_unit or _header_unit(t)
    return dataclasses.replace(t, unit=unit, caption=caption)


def _header_unit(t: Table) -> str | None:
    """The unit the table's own header cells state: a first row holding ``(단위: 백만원)``,
    a header ``연봉한계액 (단위 : 천원)``. None when none does, or when two cells state
    different units (two panels side by side: no one unit is the table's), or when the
    table has no body (a title box, ``참고 1 | … 세부통계(단위: 억달러)``, over the table
    its unit is for)."""
    if t.n_rows <= max(t.header_rows, 1):
        return None
    found = set()
    for c in t.cells:
        if c.row < max(t.header_rows, 1) and "단" in c.text:
            whole = unit_of(c.text)
            m = _UNIT_TAIL.search(c.text) if whole is None else None
            unit = whole if whole is not None else m.group("unit").strip() if m else None
            if unit is not None:
                found.add(unit)
    return found.pop() if len(found) == 1 else None


def _caption_unit(caption: str) -> tuple[str | None, str | None]:
    """A reader's caption (HTML ``<caption>``) that holds the unit: split it off."""
    whole = unit_of(caption)
    if whole is not None:
        return None, whole
    m = _UNIT_TAIL.search(caption)
    if m is None:
        return caption, None
    return caption[: m.start()].strip() or caption, m.group("unit").strip()
