"""HWP 5 paragraph text (``HWPTAG_PARA_TEXT``): characters and control characters.

Paragraph text is UTF-16LE. Code units below 32 are controls (format table 6): *char*
controls take one unit; *inline* and *extended* controls take eight (the code, six units
of data, the code again). An extended control points at the next ``CTRL_HEADER`` under
the paragraph (a table, text box, footnote, header...); :func:`decode_para_text` leaves
a :class:`Anchor` there so the reader can put what the control shows in its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

# Char controls (one unit) that show as text; the rest (0, 13 paragraph end, 25-29
# reserved) show nothing.
CHAR_TEXT: Final[dict[int, str]] = {
    10: "\n",  # line break inside the paragraph
    24: "-",  # hyphen
    30: " ",  # 묶음 빈칸 (non-breaking space)
    31: " ",  # 고정폭 빈칸 (fixed-width space)
}
CHAR_CONTROLS: Final = frozenset({0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31})
# Inline controls (eight units, no record): 9 is a tab; 4 field end, 5-8 and 19-20 show
# nothing (the field's text is ordinary text between its start and end).
INLINE_TEXT: Final[dict[int, str]] = {9: "\t"}
INLINE_CONTROLS: Final = frozenset({4, 5, 6, 7, 8, 9, 19, 20})
# Every other code below 32 is an extended control (eight units, one CTRL_HEADER):
# 1-3 (section/column definition, field start), 11 drawing object/table, 15 hidden
# comment, 16 header/footer, 17 footnote/endnote, 18 auto number, 21 page control,
# 22 bookmark, 23 덧말/글자 겹침.
CONTROL_UNITS: Final = 8

# Positions of units below 32: a zero-width look-ahead so overlapping byte pairs are all
# seen, filtered to even offsets (code-unit boundaries) by the caller.
_LOW_UNIT: Final = re.compile(rb"(?=[\x00-\x1f]\x00)")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an extended control stands in the text: its code and its index among the
    paragraph's extended controls (the index of its ``CTRL_HEADER``)."""

    code: int
    index: int


def decode_para_text(payload: bytes) -> list[str | Anchor]:
    """Text pieces and control anchors of one paragraph, in order.

    Surrogate pairs are joined; a lone surrogate stays (callers drop it with
    :func:`~gongmun.readers.chars.drop_outside` and count it).

    >>> tab = "\\t".encode("utf-16-le") + b"\\x00" * 12 + "\\t".encode("utf-16-le")
    >>> decode_para_text("총".encode("utf-16-le") + tab + "600억원\\r".encode("utf-16-le"))
    ['총', '\\t', '600억원']
    >>> tbl = "\\x0b".encode("utf-16-le") + b" lbt" + b"\\x00" * 8 + "\\x0b".encode("utf-16-le")
    >>> decode_para_text(tbl + "표".encode("utf-16-le"))
    [Anchor(code=11, index=0), '표']
    """
    out: list[str | Anchor] = []
    n = len(payload) - len(payload) % 2
    pos = 0
    extended = 0
    for m in _LOW_UNIT.finditer(payload, 0, n):
        at = m.start()
        if at % 2 or at < pos:
            continue
        if at > pos:
            out.append(payload[pos:at].decode("utf-16-le", "surrogatepass"))
        code = payload[at]
        if code in CHAR_CONTROLS:
            if code in CHAR_TEXT:
                out.append(CHAR_TEXT[code])
            pos = at + 2
            continue
        pos = min(at + 2 * CONTROL_UNITS, n)
        if code in INLINE_CONTROLS:
            if code in INLINE_TEXT:
                out.append(INLINE_TEXT[code])
            continue
        out.append(Anchor(code, extended))
        extended += 1
    if pos < n:
        out.append(payload[pos:n].decode("utf-16-le", "surrogatepass"))
    return out


def wchars(payload: bytes, offset: int) -> tuple[str, int]:
    """A length-prefixed string (``WORD`` count, then ``WCHAR``\\ s) and the offset after it.

    >>> wchars(b"\\x02\\x00" + "덧말".encode("utf-16-le"), 0)
    ('덧말', 6)
    """
    if offset + 2 > len(payload):
        return "", len(payload)
    count = int.from_bytes(payload[offset : offset + 2], "little")
    end = min(offset + 2 + 2 * count, len(payload))
    end -= (end - offset) % 2
    return payload[offset + 2 : end].decode("utf-16-le", "surrogatepass"), end
