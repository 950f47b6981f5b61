"""The only module that imports kiwipiepy: one Kiwi per process, loaded on first use.

``Kiwi()`` costs seconds and hundreds of MB, so nothing here runs at import time and
callers ask only the questions rules cannot answer.
"""

from __future__ import annotations

import warnings
from functools import cache, lru_cache
from typing import Any

# Log-probability margin by which the glued reading must beat the spaced one: 디스플|레이
# wins by ~22, while two nouns read as one unknown compound (개발|조선) win by ~3-6.
_GLUE_MARGIN = 8.0


@cache
def kiwi() -> Any:
    """The process-wide Kiwi instance (loaded once, lazily)."""
    from kiwipiepy import Kiwi

    # num_workers=0: analyse in the calling thread, with no pool of native threads, so a
    # process that loaded Kiwi can fork (the batch fork server preloads it) and each
    # worker uses its one core. Since 0.21 kiwipiepy warns that 0 no longer means "all
    # cores"; that change is what we want.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(load_multi_dict=False, num_workers=0)


def warm() -> None:
    """Load Kiwi and run one analysis, so that its lazy set-up is done too.

    Kiwi's first ``analyze`` builds more of the model (about 0.6 s, as long again as
    loading it): the batch fork server calls this once, so forked workers inherit a
    ready analyzer instead of each paying for it. Without kiwipiepy it does nothing.
    """
    try:
        kiwi().analyze("디스플레이", top_n=1)
    except (ImportError, OSError, RuntimeError):
        return


@lru_cache(maxsize=65536)
def one_word(left: str, right: str) -> bool:
    """True when Hangul ``left`` and ``right`` read as one word split by a line break.

    Kiwi scores both readings; the glued one must win clearly, because Kiwi happily reads
    two nouns as one unknown compound (개발조선). Without kiwipiepy the answer is False (a
    space, the usual case at a wrap).

    >>> one_word("디스플", "레이"), one_word("정책", "목표")
    (True, False)
    """
    if not left or not right:
        return False
    try:
        analyzer = kiwi()
        glued = analyzer.analyze(left + right, top_n=1)[0][1]
        apart = analyzer.analyze(left + " " + right, top_n=1)[0][1]
    except (ImportError, OSError, RuntimeError, IndexError):
        return False
    return bool(glued - apart >= _GLUE_MARGIN)


def tokenize(text: str) -> list[Any]:
    """Kiwi tokens of ``text`` (for benchmarks and callers that need morphemes)."""
    tokens: list[Any] = kiwi().tokenize(text)
    return tokens


__all__ = ["kiwi", "one_word", "tokenize", "warm"]
