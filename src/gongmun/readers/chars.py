"""Characters a reader must not pass on: lone surrogates, private-use and non-characters.

HWP stores text as UTF-16; a broken pair leaves a lone surrogate that no encoder can
write, and Hancom's own symbol fonts put bullets and glyphs in the private-use areas,
where they mean nothing outside Hancom Office. Readers drop them and report how many
once per document (:func:`dropped_warning`), so the text stays writable and honest.
"""

from __future__ import annotations

import re
from typing import Final

# Lone surrogates, the BMP private-use area, the supplementary private-use planes
# (15-16), and the non-characters (U+FDD0-FDEF, U+xFFFE/U+xFFFF of the BMP).
_OUTSIDE: Final = re.compile(
    "[\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff\U000f0000-\U0010ffff]"
)

WARNING_CODE: Final = "unmapped_characters"


def drop_outside(text: str) -> tuple[str, int]:
    """``text`` without characters outside Unicode's interchange use, and how many went.

    >>> drop_outside("\\uf06c 국민의 \\ud83d삶")
    (' 국민의 삶', 2)
    >>> drop_outside("😀 정상")
    ('😀 정상', 0)
    """
    if _OUTSIDE.search(text) is None:
        return text, 0
    return _OUTSIDE.subn("", text)


def dropped_warning(count: int, what: str) -> tuple[str, str]:
    """The one warning a document gets for ``count`` dropped characters.

    >>> dropped_warning(3, "HWP")[0]
    'unmapped_characters'
    """
    return (
        WARNING_CODE,
        f"{count:,} characters outside Unicode's use (private-use symbols of {what} fonts, "
        "broken surrogate pairs) were dropped",
    )
