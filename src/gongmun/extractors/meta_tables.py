"""Word lists for document facts: issuers, kinds, date labels.

Issuers are the central ministries and agencies that publish 보도자료 and plans, with
the short names documents use for them. Longest names come first in the alternation so
``산업통상자원부`` wins over ``산업부``.
"""

from __future__ import annotations

from typing import Final

# Full name → short forms seen in the documents.
ISSUERS: Final[dict[str, tuple[str, ...]]] = {
    "기획재정부": ("기재부",),
    "교육부": (),
    "과학기술정보통신부": ("과기정통부", "과기부"),
    "외교부": (),
    "통일부": (),
    "법무부": (),
    "국방부": (),
    "행정안전부": ("행안부",),
    "국가보훈부": ("보훈부",),
    "문화체육관광부": ("문체부",),
    "농림축산식품부": ("농식품부",),
    "산업통상자원부": ("산업부",),
    "산업통상부": (),
    "보건복지부": ("복지부",),
    "환경부": (),
    "기후에너지환경부": (),
    "고용노동부": ("노동부",),
    "여성가족부": ("여가부",),
    "국토교통부": ("국토부",),
    "해양수산부": ("해수부",),
    "중소벤처기업부": ("중기부",),
    "금융위원회": ("금융위",),
    "공정거래위원회": ("공정위",),
    "국무조정실": (),
    "인사혁신처": (),
    "법제처": (),
    "식품의약품안전처": ("식약처",),
    "조달청": (),
    "통계청": (),
    "특허청": (),
    "기상청": (),
    "산림청": (),
    "관세청": (),
    "국세청": (),
    "경찰청": (),
    "소방청": (),
    "질병관리청": (),
    "우주항공청": (),
    "행정중심복합도시건설청": ("행복청",),
    "국회": (),
    "경제기획원": (),
    "한국재정정보원": (),
}

# Words that mark the kind of document, checked in this order on the first lines.
KIND_MARKERS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("bill", ("법률안", "비용추계서", "현행법")),
    ("press_release", ("보도자료", "보도시점", "보도일시", "배포일시")),
    ("budget_sheet", ("단위: 백만원", "단위:백만원", "사업코드", "예산안 사업설명", "세부사업")),
    ("plan", ("시행계획", "기본계획", "종합계획", "추진계획")),
    ("bill", ("의안번호", "제안이유")),
    ("news", ("기자", "Copyright", "무단 전재", "무단전재", "재배포", "뉴스")),
    ("report", ("이슈포커스", "보고서", "연구원")),
)

# A date after one of these labels is the document's issue date.
ISSUE_LABELS: Final[tuple[str, ...]] = (
    "보도시점",
    "보도일시",
    "배포일시",
    "배포",
    "제출 연월일",
    "제출연월일",
    "작성일",
    "입력",
    "등록",
    "발행일",
    "제안일자",
)

EMBARGO_WORDS: Final[tuple[str, ...]] = ("조간", "석간", "보도시점", "보도일시", "엠바고")

# Lines that are never the title of a document.
NOT_TITLE: Final[tuple[str, ...]] = (
    "보도자료",
    "보도시점",
    "보도일시",
    "배포",
    "의안번호",
    "기사 읽어주기",
    "다시듣기",
)
