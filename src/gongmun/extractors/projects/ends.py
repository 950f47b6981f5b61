"""Patterns that must match at the end of a phrase, searched from the end.

A forward ``search`` of ``X$`` tries ``X`` at every position of the phrase and fails at
``$`` almost everywhere: on a 40-character phrase before an amount that is 40 tries of a
pattern full of optional words (``NAME 예산은 올해 약``). Searched backwards
(``regex.REVERSE``) the engine starts at the end, the only place ``$`` holds, and
``regex.POSIX`` makes the match found there the longest one: the one that starts
leftmost, which is the match a forward search returns first. Same start, same truth, one
try (``tests/test_project_speedups.py`` holds it to ``regex.compile(p.pattern)``, the
forward form).
"""

from __future__ import annotations

import regex


def at_end(pattern: str) -> regex.Pattern[str]:
    """``pattern`` anchored at the end, searched from there; ``search(...).start()`` is
    what a forward search of ``pattern + "$"`` gives (the phrases hold no line break).

    >>> at_end(r"(?:에는|에)?\\s*(?:올해\\s*)?").search("사업에는 올해 ").start()
    2
    """
    return regex.compile(f"(?:{pattern})$", regex.REVERSE | regex.POSIX)
