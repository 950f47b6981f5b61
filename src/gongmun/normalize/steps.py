"""Normalization steps: each a pure function from text to the edits that fix it.

The function name is the step name shown by ``gongmun normalize --explain``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Final

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
# Every character _LINE_ENDINGS rewrites: a substring search for each (a fast scan of the
# text, several times faster than the engine's scan for the set) passes the texts that
# hold none.
_LINE_ENDING_CHARS: Final = "\r\u2028\u2029\x0b\x0c\x85"
# The same for the zero-width characters.
_ZERO_WIDTH_CHARS: Final = "".join(sorted(ZERO_WIDTH))
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
    if not any(char in text for char in _ZERO_WIDTH_CHARS):
        return []
    return [Edit(m.start(), m.end(), "") for m in _ZERO_WIDTH_RE.finditer(text)]


def unify_line_endings(text: str) -> list[Edit]:
    """Turn CR LF, CR and other line separators into ``\\n``."""
    if not any(char in text for char in _LINE_ENDING_CHARS):
        return []
    return [Edit(m.start(), m.end(), "\n") for m in _LINE_ENDINGS.finditer(text)]


def collapse_spaces(text: str) -> list[Edit]:
    """Collapse runs of spaces inside a line and trim line ends; keep paragraph breaks.

    >>> [(e.start, e.end, e.new) for e in collapse_spaces("34억  원 ")]
    [(3, 5, ' '), (6, 7, '')]
    """
    # Blank runs first: on a tie of start positions, _disjoint keeps the earlier edit.
    edits = [Edit(m.start(), m.end(), "\n\n") for m in _BLANK_RUN.finditer(text)]
    for m in _space_runs(text):
        inner = (
            m.start() > 0
            and text[m.start() - 1] not in "\n"
            and m.end() < len(text)
            and text[m.end()] != "\n"
        )
        edits.append(Edit(m.start(), m.end(), " " if inner else ""))
    return _disjoint(edits)


def _space_runs(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_SPACE_RUN`` in ``text``, in order, found line by line.

    A run of spaces and tabs never crosses a line break and its lookarounds read one
    character either side, so the whole text's matches are those of its lines. A line
    can hold one only if it has a tab or two spaces in a row, or a space at its start or
    end: plain substring searches find those few lines, and the pattern, whose scan of
    every position of a whole text costs more than all the rest of the step, runs only
    over them. A text with many such lines is scanned whole.

    >>> [m.span() for m in _space_runs("가 나\\n 다  라\\n마 ")]
    [(4, 5), (6, 8), (11, 12)]
    """
    starts: set[int] = set()
    limit = len(text) // _SCAN_WHOLE_EVERY
    for needle, shift in _SPACE_RUN_SIGNS:
        i = text.find(needle)
        while i >= 0:
            line_start = text.rfind("\n", 0, i + shift) + 1
            starts.add(line_start)
            if len(starts) > limit:
                yield from _SPACE_RUN.finditer(text)
                return
            # On to the next line: one hit is enough to scan a line.
            i = text.find("\n", i + shift)
            if i < 0:
                break
            i = text.find(needle, i)
    if text[:1] == " ":
        starts.add(0)
    if text[-1:] == " ":
        starts.add(text.rfind("\n") + 1)
    for start in sorted(starts):
        end = text.find("\n", start)
        yield from _SPACE_RUN.finditer(text, start, len(text) if end < 0 else end)


# What every line holding a space run holds (a tab, two spaces, a space ending the line
# or, after a line break, opening the next), and how far after a hit its line starts.
_SPACE_RUN_SIGNS: Final = (("\t", 0), ("  ", 0), (" \n", 0), ("\n ", 1))
# Past one line to scan per this many characters, a whole-text scan costs less: the
# pattern's scan costs ~0.04 us a character, a line's own scan ~4 us (a search per match).
_SCAN_WHOLE_EVERY: Final = 128


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """Sort edits and drop any that overlap an earlier one."""
    out: list[Edit] = []
    end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start >= end:
            out.append(e)
            end = e.end
    return out
