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

# The same characters as UTF-8 byte sequences, one pattern per lead byte so each scan
# jumps from one lead byte to the next (XML is cleaned before it is parsed).
_OUTSIDE_UTF8: Final = (
    (b"\xee", re.compile(rb"\xee[\x80-\xbf][\x80-\xbf]")),  # U+E000-EFFF
    (b"\xef", re.compile(rb"\xef(?:[\x80-\xa3][\x80-\xbf]|\xb7[\x90-\xaf]|\xbf[\xbe\xbf])")),
    (b"\xf3", re.compile(rb"\xf3[\xb0-\xbf][\x80-\xbf][\x80-\xbf]")),  # plane 15
    (b"\xf4", re.compile(rb"\xf4[\x80-\x8f][\x80-\xbf][\x80-\xbf]")),  # plane 16
)


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


def drop_outside_utf8(data: bytes) -> tuple[bytes, int]:
    """UTF-8 ``data`` without the characters :func:`drop_outside` drops, and how many.

    >>> drop_outside_utf8("\uf06c 총 \U00100001600억원".encode())[1]
    2
    """
    total = 0
    for lead, pattern in _OUTSIDE_UTF8:
        if lead in data:
            data, n = pattern.subn(b"", data)
            total += n
    return data, total
