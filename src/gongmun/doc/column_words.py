"""Words that tell what a table's column or row holds (read by :mod:`gongmun.doc.columns`).

Each list says where it is looked for: in a column's header text, or in a row's label.
"""

from __future__ import annotations

from typing import Final, Literal

# Money units a header or unit statement may give, as the multiplier of one figure.
MONEY_UNITS: Final[dict[str, int]] = {
    "원": 1,
    "천원": 10**3,
    "만원": 10**4,
    "십만원": 10**5,
    "백만원": 10**6,
    "천만원": 10**7,
    "억원": 10**8,
    "십억원": 10**9,
    "천억원": 10**11,
    "조원": 10**12,
}

# The money units as a regex alternation, longest first, where a space may stand before
# 원 as documents often write it (``(단위: 억 원)``, ``(백만 원)``). Look a match up in
# MONEY_UNITS with :func:`unit_word`.
MONEY_UNIT_ALT: Final[str] = "|".join(
    u[:-1] + r"\s?원" if len(u) > 1 else u for u in sorted(MONEY_UNITS, key=len, reverse=True)
)


def unit_word(written: str) -> str:
    """A unit as MONEY_UNITS and NON_MONEY_UNITS spell it: ``억 원`` → ``억원``."""
    return "".join(written.split())


# Units that make figures no money, by what they say: ``rate`` for rates and shares (%),
# ``count`` for things counted, sizes and durations (개, 명, ㎡, 개월). One list for every
# reader of a unit: a table's header cells and unit statements (doc.columns) and the
# unit lines of text tables (extractors.amount_units). A statement listing a count
# beside money (단위: 개, 억원) leaves only rows or columns with a money unit of their own
# as money; a rate beside money (단위: 억원, %) is the convention of budget tables.
NON_MONEY_UNITS: Final[dict[str, Literal["rate", "count"]]] = {
    "%p": "rate",
    "%": "rate",
    "개소": "count",
    "개사": "count",
    "개교": "count",
    "개월": "count",
    "천명": "count",
    "만명": "count",
    "개": "count",
    "명": "count",
    "건": "count",
    "회": "count",
    "곳": "count",
    "인": "count",
    "호": "count",
    "대": "count",
    "척": "count",
    "톤": "count",
    "㎡": "count",
    "㎞": "count",
    "km": "count",
    "배": "count",
    "년": "count",
    "일": "count",
    "시간": "count",
    "세대": "count",
    "가구": "count",
    "점": "count",
    "kW": "count",
    "MW": "count",
}

# Every unit that makes a column's figures counts, shares or durations, never money.
COUNT_UNITS: Final[tuple[str, ...]] = tuple(NON_MONEY_UNITS)

# The units of things counted (not rates): listed beside money, they make a table mixed.
COUNTED_UNITS: Final[tuple[str, ...]] = tuple(
    u for u, kind in NON_MONEY_UNITS.items() if kind == "count"
)

# Header words of a column of rates or shares: its figures are no money whatever the unit.
RATE_HEADERS: Final[tuple[str, ...]] = (
    "증감률",
    "증감율",
    "증가율",
    "감소율",
    "신장률",
    "변동률",
    "성장률",
    "집행률",
    "집행율",
    "달성률",
    "달성율",
    "보조율",
    "융자율",
    "부담률",
    "부담율",
    "비중",
    "비율",
    "구성비",
    "점유율",
    "경쟁률",
    "(B-A)/A",
    "(B/A)",
    "B/A",
)

# Header words of a column of counts (기업수, 인원, 건수, 과제수…).
COUNT_HEADERS: Final[tuple[str, ...]] = (
    "기업수",
    "업체수",
    "과제수",
    "인원",
    "건수",
    "개소수",
    "개수",
    "수혜자수",
    "참여자수",
    "학생수",
    "가구수",
    "면적",
    "순위",
    "연번",
    "번호",
    "코드",
)

# Header words of a change column: its money figures are differences (△ a decrease).
DIFF_HEADERS: Final[tuple[str, ...]] = ("증감액", "증감", "증감폭", "변동", "차이", "(B-A)")

# Header words of a period column: its cells are periods (’25~’29), not amounts.
PERIOD_HEADERS: Final[tuple[str, ...]] = (
    "사업기간",
    "추진기간",
    "지원기간",
    "연구기간",
    "협약기간",
    "기간",
    "추진일정",
    "일정",
    "연도",
    "년도",
)

# Header words of a column naming the rows' projects (the projects engineer reads these).
NAME_HEADERS: Final[tuple[str, ...]] = (
    "과제명",
    "사업명",
    "내역사업명",
    "내역사업",
    "세부사업명",
    "세부사업",
    "단위사업",
    "주요 과제",
    "주요과제",
    "프로젝트명",
    "프로그램명",
    "시설명",
    "센터명",
    "기금명",
)

# Header words of a column that spans years: a total of the whole programme.
TOTAL_HEADERS: Final[tuple[str, ...]] = (
    "총사업비",
    "총 사업비",
    "총액",
    "합계",
    "합 계",
    "누계",
    "총계",
    "소계",
    "계",
    "연평균",
    "평균",
    "총투자",
)

# Row labels of a totals row.
TOTAL_ROWS: Final[tuple[str, ...]] = (
    "합계",
    "총계",
    "소계",
    "누계",
    "총액",
    "계",
    "총 계",
    "합 계",
)

# Budget stages a column header names after a bare year: 지원 금액 (2024 계획안).
# Longer words first where one contains another, since these join a regex alternation.
BUDGET_STAGES: Final[tuple[str, ...]] = (
    "계획안",
    "계획",
    "예산안",
    "예산",
    "정부안",
    "본예산",
    "추경",
    "결산",
    "요구안",
    "요구",
    "확정",
)

# Stages a table's column header names beside a year (2024년 본예산, 2025 정부안):
# the budget stages and the words of plans and settled accounts.
STAGE_WORDS: Final[tuple[str, ...]] = (
    *BUDGET_STAGES,
    "당초",
    "수정",
    "실적",
    "집행",
    "전망",
    "목표",
)

# The three kinds of stage a budget sheet's sub-columns name, in the order its years run:
# the settled year (결산), the current year's budget (본예산, 추경), the year asked for
# (요구, 정부안). Under ``2024년 2025년 2026년`` the sub-columns ``결산 | 본예산 추경 |
# 요구 정부안`` go one kind to a year.
ACTUAL_STAGES: Final[frozenset[str]] = frozenset({"결산", "실적", "집행"})
CURRENT_STAGES: Final[frozenset[str]] = frozenset(
    {"본예산", "당초", "추경", "수정", "예산", "전망", "1회추경", "2회추경"}
)
REQUEST_STAGES: Final[frozenset[str]] = frozenset(
    {"요구", "요구안", "정부안", "확정", "계획", "계획안", "예산안", "목표"}
)
