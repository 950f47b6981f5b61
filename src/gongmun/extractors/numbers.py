"""Korean numerals with units → exact integers (``1조 3,099억원`` → 1309900000000).

Everything is :class:`~decimal.Decimal` on the way: a float would turn ``3,497.3억`` into
349729999999.99994.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

# Multipliers inside one group (2백37조: 2×100 + 37), and the big units that close a group.
SMALL: Final[dict[str, int]] = {"십": 10, "백": 100, "천": 1000}
BIG: Final[dict[str, int]] = {"조": 10**12, "억": 10**8, "만": 10**4}

# A figure: 1,234,567 / 3,497.3 / 0.3 / 112
# Atomic, so a long run of digits is never re-split while a match is searched for.
NUMBER: Final = r"(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"

# Between two groups (1조 3,099억) and before 원 (34억 원): spaces, the U+0007 word
# separator some PDF extractions leave, and at most one blank line of a broken PDF line.
GAP: Final = r"[ \t\u0007]*(?:\n{1,2}[ \t\u0007]*)?"

_TERM = re.compile(rf"({NUMBER})?([십백천])?")
_GROUP = re.compile(rf"((?:(?:{NUMBER})[십백천]?)+|[십백천])([조억만])?")
_SPACES = re.compile(r"[\s\u0007]+")
# One figure and at most one big unit (34억, 1,200억, 3.5조, 600): most amounts.
_ONE_GROUP = re.compile(rf"(?P<num>{NUMBER})(?P<big>[조억만])?")
_NUMBER = re.compile(NUMBER)


def _group_value(body: str) -> Decimal | None:
    """Value of the digits-and-small-units part of one group: ``4천567`` → 4567."""
    total = Decimal(0)
    pos = 0
    while pos < len(body):
        m = _TERM.match(body, pos)
        if m is None or m.end() == pos:
            return None
        num, small = m.group(1), m.group(2)
        try:
            value = Decimal(num.replace(",", "")) if num else Decimal(1)
        except InvalidOperation:
            return None
        total += value * SMALL[small] if small else value
        pos = m.end()
    return total


def parse_korean_number(text: str) -> Decimal | None:
    """Exact value of a number written with Korean units; ``원`` and spacing are ignored.

    Big units must fall in order (조, 억, 만); None when the text is not such a number.

    >>> parse_korean_number("14조 4천567억 원")
    Decimal('14456700000000')
    >>> parse_korean_number("15백만원"), parse_korean_number("3,497.3억")
    (Decimal('15000000'), Decimal('349730000000.0'))
    >>> parse_korean_number("5억 1조") is None
    True
    """
    s = _SPACES.sub("", text)
    s = s.removesuffix("원")
    one = _ONE_GROUP.fullmatch(s)
    if one is not None:
        # What the loop of groups gives for one group of one figure, without its pattern
        # matches; the same sums in the same order (a Decimal sum rounds past 28 digits).
        group = Decimal(0) + Decimal(one["num"].replace(",", ""))
        return Decimal(0) + group * (BIG[one["big"]] if one["big"] else 1)
    return _parse_groups(s)


def _parse_groups(s: str) -> Decimal | None:
    """:func:`parse_korean_number` of ``s`` with its spaces and 원 taken off, group by
    group (the general form its one-group step is held to)."""
    if not s:
        return None
    total = Decimal(0)
    last_big = 10**13
    pos = 0
    while pos < len(s):
        m = _GROUP.match(s, pos)
        if m is None or m.end() == pos:
            return None
        group = _group_value(m.group(1))
        if group is None:
            return None
        big = BIG[m.group(2)] if m.group(2) else 1
        if big >= last_big:
            return None
        last_big = big
        total += group * big
        pos = m.end()
    return total


def to_won(value: Decimal) -> int | None:
    """The integer number of won, or None when ``value`` has a fraction of a won.

    >>> to_won(Decimal("349730000000.0")), to_won(Decimal("0.5")) is None
    (349730000000, True)
    """
    if value != value.to_integral_value():
        return None
    return int(value)


def parse_figure(text: str) -> Decimal | None:
    """A bare figure such as ``1,615``, ``△4,181`` or ``36.7`` (sign kept).

    >>> parse_figure("△4,181"), parse_figure("36.7"), parse_figure("1,2,3") is None
    (Decimal('-4181'), Decimal('36.7'), True)
    """
    s = text.strip()
    sign = 1
    if s[:1] in ("△", "▽", "-", "−"):
        sign = -1
        s = s[1:].strip()
    if not _NUMBER.fullmatch(s):
        return None
    return sign * Decimal(s.replace(",", ""))


def scaled_won(num: str, decrease: bool, unit: int) -> int | None:
    """Won of a bare figure whose unit is stated elsewhere (a table's ``(단위: 억원)``):
    ``num`` times ``unit``, negative for a decrease; None for no figure, zero, or a
    fraction of a won. The one rule for every implied unit (tables, headers, arrows).

    >>> scaled_won("1,200", False, 10**8), scaled_won("13.5", True, 10**6)
    (120000000000, -13500000)
    """
    value = parse_figure(num)
    if value is None:
        return None
    won = to_won(abs(value) * Decimal(unit))
    if won is None or won == 0:
        return None
    return -won if decrease else won


__all__ = [
    "BIG",
    "GAP",
    "NUMBER",
    "SMALL",
    "parse_figure",
    "parse_korean_number",
    "scaled_won",
    "to_won",
]
