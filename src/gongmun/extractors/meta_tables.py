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
    "농촌진흥청": ("농진청",),
    "국가유산청": ("문화재청",),
    "방위사업청": ("방사청",),
    "병무청": (),
    "해양경찰청": ("해경",),
    "새만금개발청": (),
    "재외동포청": (),
    "국가데이터처": (),
}

# Public institutions (공공기관) publish 보도자료 and calls of their own, but a ministry's
# document names the bodies that carry its programmes out far more often than itself:
# one is the issuer only when it introduces itself or heads the title, or no ministry is
# named at all (see meta.find_issuer).
INSTITUTIONS: Final[dict[str, tuple[str, ...]]] = {
    "국립국어원": (),
    "한국수자원공사": ("K-water", "수자원공사"),
    "한국토지주택공사": ("LH",),
    "건강보험심사평가원": ("심사평가원", "심평원"),
    "국민건강보험공단": ("건보공단",),
    "국민연금공단": (),
    "한국전력공사": ("한전",),
    "한국도로공사": (),
    "국가철도공단": (),
    "한국농어촌공사": (),
    "한국환경공단": (),
    "한국관광공사": (),
    "근로복지공단": (),
    "한국산업인력공단": (),
    "중소벤처기업진흥공단": ("중진공",),
    "소상공인시장진흥공단": ("소진공",),
    "한국연구재단": (),
    "국토안전관리원": (),
}

# Every body a document may name as its issuer, ministries first: full name → short forms.
BODIES: Final[dict[str, tuple[str, ...]]] = {**ISSUERS, **INSTITUTIONS}

# Self-introduction in a press release's first sentence: 심사평가원(원장 김승택)은.
HEAD_TITLES: Final[tuple[str, ...]] = (
    "장관",
    "차관",
    "원장",
    "사장",
    "청장",
    "처장",
    "이사장",
    "위원장",
    "본부장",
)

# A name followed by these is where something goes (국회에 제출), not who writes.
RECIPIENT_AFTER: Final[tuple[str, ...]] = ("에 ", "에게", "께", "로 제출", "으로 제출")

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

# Labels of a header form whose value is the next line (보도시점 / 본회의 통과시): that
# line is the label's value, not a title.
VALUE_LABELS: Final[frozenset[str]] = frozenset(
    {
        "보도시점",
        "보도일시",
        "배포",
        "배포일",
        "배포일시",
        "배포부서",
        "담당과장",
        "담당자",
        "담당부서",
        "자료문의",
        "문의",
        "매수",
        "수신",
        "경유",
        "발신",
        "세목",
        "결정유형",
        "문서번호",
        "전심번호",
        "작성일",
        "작성일자",
        "시행일",
        "시행일자",
        "등록일",
        "배포일자",
        "보도일",
        "보도일자",
        "접수일",
        "공고일",
        "공고번호",
        "담당",
        "연락처",
        "전화",
    }
)

# A line that is one of these labels gives the document's title on the next line.
TITLE_LABELS: Final[frozenset[str]] = frozenset({"제목", "건명"})
