"""Character tables of the normalizer, written by name so look-alikes stay visible."""

from __future__ import annotations

from typing import Final

# One character for one: folding never changes the length, so offsets stay exact.
# Never NFKC: it turns the bullet ㅇ into a conjoining jamo and ①600억원 into 1600억원.
FOLD: Final[dict[str, str]] = {
    "\N{LEFT SINGLE QUOTATION MARK}": "'",
    "\N{RIGHT SINGLE QUOTATION MARK}": "'",
    "\N{GRAVE ACCENT}": "'",
    "\N{ACUTE ACCENT}": "'",
    "\N{PRIME}": "'",
    "\N{FULLWIDTH APOSTROPHE}": "'",
    "\N{TILDE OPERATOR}": "~",
    "\N{FULLWIDTH TILDE}": "~",
    "\N{WAVE DASH}": "~",
    "\N{HYPHENATION POINT}": "·",
    "\N{HANGUL LETTER ARAEA}": "·",
    "\N{KATAKANA MIDDLE DOT}": "·",
    "\N{HALFWIDTH KATAKANA MIDDLE DOT}": "·",
    "\N{NO-BREAK SPACE}": " ",
    "\N{NARROW NO-BREAK SPACE}": " ",
    "\N{IDEOGRAPHIC SPACE}": " ",
    "\N{EN SPACE}": " ",
    "\N{EM SPACE}": " ",
    "\N{THIN SPACE}": " ",
    "\N{FIGURE SPACE}": " ",
    "\N{FULLWIDTH COMMA}": ",",
    "\N{FULLWIDTH FULL STOP}": ".",
    "\N{FULLWIDTH LEFT PARENTHESIS}": "(",
    "\N{FULLWIDTH RIGHT PARENTHESIS}": ")",
    "\N{FULLWIDTH COLON}": ":",
    # 《》 and 『』 are one mark by the rules of Korean punctuation (a work's or a
    # programme's title): the readers of names know 『』.
    "\N{LEFT DOUBLE ANGLE BRACKET}": "\N{LEFT WHITE CORNER BRACKET}",
    "\N{RIGHT DOUBLE ANGLE BRACKET}": "\N{RIGHT WHITE CORNER BRACKET}",
    # Hangul word processors offer these as the colon of a form's label (사업기간ː '25~'27).
    "\N{MODIFIER LETTER TRIANGULAR COLON}": ":",
    "\N{RATIO}": ":",
    "\N{SMALL COLON}": ":",
    "\N{FULLWIDTH PERCENT SIGN}": "%",
    "\N{FULLWIDTH SOLIDUS}": "/",
    "\N{FULLWIDTH HYPHEN-MINUS}": "-",
    # A PDF's or a word processor's minus (증감 −120): the figure grammars read "-".
    "\N{MINUS SIGN}": "-",
}
# C0 control characters other than tab, newline and form feed: Hancom's PDF export puts
# U+0007 where spaces were ("24조\u00073,795억원").
FOLD.update({chr(c): " " for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"})
# Fullwidth digits and Latin letters fold to ASCII.
FOLD.update({chr(0xFF10 + i): str(i) for i in range(10)})
FOLD.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
FOLD.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})

# Removed outright: they carry no text and split words invisibly.
ZERO_WIDTH: Final[frozenset[str]] = frozenset(
    "\N{ZERO WIDTH SPACE}\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}"
    "\N{WORD JOINER}\N{ZERO WIDTH NO-BREAK SPACE}\N{SOFT HYPHEN}"
)
