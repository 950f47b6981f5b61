"""Tell a chart's figures from a table's.

PDF text of a chart is a run of bare numbers: axis ticks (``60.0 40.0 20.0 0.0``,
``1970 1975 1980``) and data labels of several series, with minus signs written ``-``.
A budget table writes decreases with ``△`` and its ticks never step evenly down to zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import regex

# Figures as a chart's text carries them, signed with an ASCII minus.
_SIGNED = regex.compile(
    r"(?<![\w.,△▽])(?P<minus>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w.,])"
)

# Evenly stepped ticks that count as an axis: 3 when they reach zero, else 4.
_AXIS_TO_ZERO = 3
_AXIS_RUN = 4


def signed_figures(text: str) -> list[Decimal]:
    """The bare figures of ``text`` in order, ``-2.2`` negative.

    >>> signed_figures("60.0 40.0 -2.2 1,200 8.38.3")
    [Decimal('60.0'), Decimal('40.0'), Decimal('-2.2'), Decimal('1200')]
    """
    out = []
    for m in _SIGNED.finditer(text):
        try:
            value = Decimal(m.group("num").replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only admits digits
            continue
        out.append(-value if m.group("minus") else value)
    return out


def has_axis(values: Sequence[Decimal]) -> bool:
    """True when ``values`` hold evenly stepped ticks: three reaching zero (``15 0 -15``,
    ``20 10 0``) or four anywhere (``80,000 70,000 60,000 50,000``, ``1970 1975 1980 1985``).

    >>> has_axis([Decimal(v) for v in ("60.0", "40.0", "20.0", "0.0")])
    True
    >>> has_axis([Decimal(v) for v in ("2300", "2230", "2330", "2007")])
    False
    """
    run = 1
    for k in range(1, len(values)):
        step = values[k] - values[k - 1]
        same = k >= 2 and step != 0 and step == values[k - 1] - values[k - 2]
        run = run + 1 if same else 2
        if run >= _AXIS_RUN or (run >= _AXIS_TO_ZERO and 0 in values[k - run + 1 : k + 1]):
            return True
    return False


def looks_like_chart(text: str) -> bool:
    """True when the figures of ``text`` read as a chart's: an axis of evenly stepped
    ticks, or negatives written with ``-`` rather than a table's ``△``.

    >>> looks_like_chart("30.0 20.0 10.0 0.0 19.7 6.8 -2.2")
    True
    >>> looks_like_chart("2,300,000 2,230,000 2,330,000 2,007,800 △222,200")
    False
    """
    values = signed_figures(text)
    if any(v < 0 for v in values):
        return True
    return has_axis(values)


__all__ = ["has_axis", "looks_like_chart", "signed_figures"]
