"""Word lists of the amount extractor: what bounds an amount, what it is per, what is not money."""

from __future__ import annotations

from typing import Final

from gongmun.models import Qualifier

# Words right before an amount that bound it (총 600억원, 약 250억, 최대 15백만원).
PREFIX_QUALIFIERS: Final[dict[str, Qualifier]] = {"총": "총", "약": "약", "최대": "최대"}

# Words right after an amount, mapped to the contract's qualifier.
SUFFIX_QUALIFIERS: Final[dict[str, Qualifier]] = {
    "이상": "이상",
    "초과": "이상",
    "을 웃도는": "이상",
    "를 웃도는": "이상",
    "웃도는": "이상",
    "미만": "미만",
    "이내": "이내",
    "이하": "이내",
    "내외": "내외",
    "안팎": "내외",
    "규모": "규모",
    "한도": "한도",
}

# What may follow "/" after an amount to make it per item (30억원/센터, 110억원/年).
PER_WORDS: Final[tuple[str, ...]] = (
    "年",
    "년",
    "연",
    "월",
    "센터",
    "과제",
    "기업",
    "개소",
    "개사",
    "기관",
    "건",
    "명",
    "인",
    "팀",
    "곳",
    "개",
)

# Right after 억/조 with no 원: the figure counts something else (1억 UPH급, 2억 명, 5조 달러).
NOT_MONEY_AFTER_BIG: Final[tuple[str, ...]] = (
    "명",
    "개",
    "건",
    "회",
    "톤",
    "대",
    "배",
    "마리",
    "가구",
    "그루",
    "주",
    "장",
    "달러",
    "불",
    "위안",
    "엔",
    "유로",
    "광년",
    "년",
    "원자",
)

# Right after 원: a word that starts with 원 rather than the currency (3원칙, 2원화).
NOT_WON_AFTER: Final[tuple[str, ...]] = (
    "칙",
    "화",
    "자력",
    "전",
    "형",
    "소",
    "료",
    "리",
    "장",
    "인",
    "본",
    "천",
    "래",
    "격",
    "유",
    "작",
    "안",
    "활",
    "점",
)

# Who pays a share of a budget, as named in splits such as 100억원(국비 50, 지방비 50).
PAYERS: Final[tuple[str, ...]] = (
    "국비",
    "국고",
    "지방비",
    "도비",
    "시비",
    "군비",
    "구비",
    "시·군비",
    "민간",
    "민자",
    "자부담",
    "기금",
    "지자체",
    "출연금",
)
