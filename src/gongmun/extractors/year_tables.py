"""Words that tell a document's own year from the years it talks about."""

from __future__ import annotations

from typing import Final

# Labels news pages put before the article's own date (입력 2019.01.16 09:12).
DATELINE_LABELS: Final[tuple[str, ...]] = (
    "기사입력",
    "최초입력",
    "입력",
    "등록",
    "송고",
    "작성",
    "발행",
    "게재",
    "승인",
    "수정",
)

# Page furniture whose years are the page's, not the article's (copyright, syndication notes).
BOILERPLATE_MARKS: Final[tuple[str, ...]] = (
    "Copyright",
    "copyright",
    "COPYRIGHT",
    "©",
    "ⓒ",
    "All rights reserved",
    "무단전재",
    "무단 전재",
    "재배포 금지",
    "재판매 및 DB",
    "DB금지",
    "저작권자",
)

# Words after a year that make it a budget year being planned: a budget for year Y is drafted,
# requested and fought for in Y-1 (2027년 국·도비 확보, 2020년도 예산안, 2024년 정부안).
BUDGET_YEAR_WORDS: Final[tuple[str, ...]] = (
    "정부예산안",
    "정부 예산안",
    "예산안",
    "정부안",
    "예산 요구",
    "예산요구",
    "국·도비",
    "국・도비",
    "국도비",
    "국비",
    "소관 예산",
    "예산",
)

# Phrases saying the document's own year is the one before the budget it reports.
NEXT_YEAR_CUES: Final[tuple[str, ...]] = (
    "내년",
    "올해 대비",
    "올해보다",
    "올해에 비해",
    "금년 대비",
)

# What makes a year the end or start of a span, not the year one writes in (2030년까지).
SPAN_AFTER: Final[tuple[str, ...]] = ("까지", "부터", "이후", "이전", "~", "∼")
