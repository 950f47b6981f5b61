"""Normalization steps: each a pure function from text to the edits that fix it.

The function name is the step name shown by ``gongmun normalize --explain``.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from gongmun.normalize.tables import FOLD, ZERO_WIDTH
from gongmun.offsets import Edit

# Conjoining jamo and combining marks: the only characters NFC can change here.
_NOT_NFC_RUN = regex.compile(r"[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\p{M}]+")
# A plain set of literal characters: the stdlib engine scans it ~15x faster than regex.
_FOLD_RE = re.compile("[" + re.escape("".join(FOLD)) + "]")
# Literal characters too, for the stdlib engine.
_ZERO_WIDTH_RE = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")
_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Every character _LINE_ENDINGS rewrites: one plain scan passes the texts that hold none.
_LINE_ENDING_CHARS = re.compile("[\r\u2028\u2029\x0b\x0c\x85]")
_SPACE_RUN = regex.compile(r"(?<=\S)[ \t]{2,}(?=\S)|^[ \t]+|[ \t]+$", regex.M)
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")


def compose_nfc(text: str) -> list[Edit]:
    """Compose decomposed Hangul and accents (NFC), run by run, so offsets stay exact.

    >>> compose_nfc("\\u1112\\u1161\\u11ab")
    [Edit(start=0, end=3, new='한')]
    """
    edits = []
    for m in _NOT_NFC_RUN.finditer(text):
        lo = m.start() - 1 if m.start() > 0 else 0
        chunk = text[lo : m.end()]
        composed = unicodedata.normalize("NFC", chunk)
        if composed != chunk:
            # The character before the run is taken in only to compose with it: when it
            # stays as it was (a space before a conjoining syllable), it stays out of the
            # edit, so the offsets around it keep their exact source.
            keep = 1 if m.start() > 0 and composed[:1] == chunk[:1] else 0
            edits.append(Edit(lo + keep, m.end(), composed[keep:]))
    return _disjoint(edits)


def fold_characters(text: str) -> list[Edit]:
    """Fold look-alike quotes, tildes, middle dots, spaces and fullwidth forms, one for one.

    >>> [e.new for e in fold_characters("‘25∼’29")]
    ["'", '~', "'"]
    """
    return [Edit(m.start(), m.end(), FOLD[m.group()]) for m in _FOLD_RE.finditer(text)]


def fold_text(text: str) -> tuple[str, int]:
    """:func:`fold_characters` applied: the folded text and how many characters changed.

    Folding is one for one, so the normalizer needs neither edits nor a new offset map:
    each look-alike present is replaced throughout by one ``str.replace`` (no folded
    character is itself folded, so the order of the replacements does not matter).

    >>> fold_text("‘25∼’29")
    ("'25~'29", 3)
    """
    found = _FOLD_RE.findall(text)
    for char in set(found):
        text = text.replace(char, FOLD[char])
    return text, len(found)


def remove_zero_width(text: str) -> list[Edit]:
    """Drop zero-width spaces, joiners and soft hyphens."""
    return [Edit(m.start(), m.end(), "") for m in _ZERO_WIDTH_RE.finditer(text)]


def unify_line_endings(text: str) -> list[Edit]:
    """Turn CR LF, CR and other line separators into ``\\n``."""
    if _LINE_ENDING_CHARS.search(text) is None:
        return []
    return [Edit(m.start(), m.end(), "\n") for m in _LINE_ENDINGS.finditer(text)]


def collapse_spaces(text: str) -> list[Edit]:
    """Collapse runs of spaces inside a line and trim line ends; keep paragraph breaks.

    >>> [(e.start, e.end, e.new) for e in collapse_spaces("34억  원 ")]
    [(3, 5, ' '), (6, 7, '')]
    """
    # Blank runs first: on a tie of start positions, _disjoint keeps the earlier edit.
    edits = [Edit(m.start(), m.end(), "\n\n") for m in _BLANK_RUN.finditer(text)]
    for m in _SPACE_RUN.finditer(text):
        inner = (
            m.start() > 0
            and text[m.start() - 1] not in "\n"
            and m.end() < len(text)
            and text[m.end()] != "\n"
        )
        edits.append(Edit(m.start(), m.end(), " " if inner else ""))
    return _disjoint(edits)


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """Sort edits and drop any that overlap an earlier one."""
    out: list[Edit] = []
    end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start >= end:
            out.append(e)
            end = e.end
    return out
