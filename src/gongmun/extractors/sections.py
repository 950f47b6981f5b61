"""Where a document's body ends: a bibliography (참고문헌) is the end matter of a report,
and the titles it lists (``2022~2026년 국가재정운용계획``) are no facts of the document."""

from __future__ import annotations

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


def body_end(text: str) -> int:
    """Offset where the bibliography begins, or ``len(text)`` when there is none.

    >>> body_end("본문 2025년\\n참고문헌\\n정부. (2024). 2024~2028년 계획.")
    9
    >>> body_end("증가 참고문헌 정부. (2024). 2024~2028년 계획.")
    3
    >>> body_end("참고문헌을 살펴보면") == len("참고문헌을 살펴보면")
    True
    """
    found = list(_HEADING.finditer(text))
    return found[-1].start() if found else len(text)


__all__ = ["body_end"]
