"""Words of the period extractor: halves, relative years, the marks a range is written with."""

from __future__ import annotations

from typing import Final

# Quote marks before a two-digit year and range marks, raw or folded by the normalizer.
QUOTE: Final = "['‘’`´′＇]"
TILDE: Final = "[~∼～〜]"

HALVES: Final[dict[str, int]] = {"上": 1, "下": 2, "상반기": 1, "하반기": 2, "상": 1, "하": 2}

# Years named relative to the document's own year (지난해 11월부터, 작년부터).
RELATIVE_YEARS: Final[dict[str, int]] = {
    "지난해": -1,
    "작년": -1,
    "전년": -1,
    "올해": 0,
    "금년": 0,
    "내년": 1,
    "명년": 1,
}

# Words after a time point that make it the start of an open period (2016년부터, 7월 이후).
FROM_WORDS: Final[tuple[str, ...]] = ("이후부터", "부터", "이후")
