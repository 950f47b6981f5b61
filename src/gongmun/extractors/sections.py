"""Where a document's body ends: a bibliography (참고문헌) is the end matter of a report,
and the titles it lists (``2022~2026년 국가재정운용계획``) are no facts of the document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import regex

# Headings that open a report's bibliography, alone on their line.
BACK_MATTER_HEADINGS: Final[tuple[str, ...]] = (
    "참고문헌",
    "참 고 문 헌",
    "참고 문헌",
    "References",
    "REFERENCES",
    "Bibliography",
)

# Alone on its line, or (when the normalizer reflowed it into the line before) followed by a
# citation's year in parentheses: 참고문헌 정부. (2024). 2024~2028년 계획.
_HEADING = regex.compile(
    r"(?:^|(?<=\s))[\[<〈【■□]?(?:"
    + "|".join(regex.escape(h) for h in BACK_MATTER_HEADINGS)
    + r")[\]>〉】]?(?=[ \t\u0007]*(?:\n|$)|\s[^\n]{0,60}?\((?:19|20)\d{2}\))",
    regex.M,
)


# A citation's line: an author (or the ditto ``____.``/``.`` of one) and ``(YYYY).``. A run
# of them is a bibliography even when its heading is lost (OCR'd away, or never written).
# The author has no digits, quotes or tildes: a line of the body the normalizer joined to
# a citation ("사업기간 '26~'30 정부. (2024).") is not one.
_CITATION = re.compile(r"^[ \t]*[^\n().\d'‘’\"~]{0,40}\.?[ \t]*\((?:19|20)\d{2}[a-z]?\)\.", re.M)
# The year in parentheses every citation holds: lines without one are not tried.
_CITATION_YEAR = re.compile(r"\((?:19|20)\d{2}[a-z]?\)\.")
# How many citation lines make a run, and how many other lines may stand between two.
CITATION_RUN: Final = 3
CITATION_GAP: Final = 3


def citations(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_CITATION` in ``text``, as its ``finditer`` gives them, tried
    only at the start of the lines holding a citation's ``(YYYY).``: a citation stays on
    its line and starts it, so no other place can hold one (most documents have none)."""
    last_line = -1
    searched = 0
    for y in _CITATION_YEAR.finditer(text):
        # The line's start, looked for back to the last year found only (linear time).
        line_start = text.rfind("\n", searched, y.start()) + 1
        if line_start == 0:
            line_start = last_line if last_line >= 0 else 0
        searched = y.start()
        if line_start == last_line:
            continue
        last_line = line_start
        m = _CITATION.match(text, line_start)
        if m is not None:
            yield m


def _citation_run(text: str) -> int | None:
    """Where the first run of :data:`CITATION_RUN` citation lines starts, if any."""
    start: int | None = None
    count = 0
    last_line = -1
    line = 0
    pos = 0
    for m in citations(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if start is None or line - last_line > CITATION_GAP + 1:
            start, count = m.start(), 0
        count += 1
        last_line = line
        if count >= CITATION_RUN:
            return start
    return None


def body_end(text: str) -> int:
    """Offset where the bibliography begins, or ``len(text)`` when there is none.

    The bibliography begins at its heading, or at a run of citation lines without one:

    >>> body_end("본문\\n정부. (2024). 계획.\\n. (2023). 보고서.\\n감사원. (2016). 실태.")
    3

    >>> body_end("본문 2025년\\n참고문헌\\n정부. (2024). 2024~2028년 계획.")
    9
    >>> body_end("증가 참고문헌 정부. (2024). 2024~2028년 계획.")
    3
    >>> body_end("참고문헌을 살펴보면") == len("참고문헌을 살펴보면")
    True
    """
    # The heading pattern may start anywhere: it is searched only in a text holding one
    # of the headings (most hold none).
    has_heading = any(h in text for h in BACK_MATTER_HEADINGS)
    found = list(_HEADING.finditer(text)) if has_heading else []
    if found:
        return found[-1].start()
    run = _citation_run(text)
    return len(text) if run is None else run


__all__ = ["body_end"]
