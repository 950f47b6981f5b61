"""Word lists for finding named projects: head nouns, activity words, clause ends.

A project name is a noun phrase that ends in a head noun from ``HEADS`` (사업, 프로젝트,
펀드, 센터...) and carries no predicate. Activity words that documents put after a name
(``추진``, ``예타 선정``) are trimmed from its end.
"""

from __future__ import annotations

from typing import Final

# A name must end in one of these (longest first when built into a pattern).
HEADS: Final[tuple[str, ...]] = (
    "사업",
    "시범사업",
    "프로젝트",
    "프로그램",
    "바우처",
    "패키지",
    "펀드",
    "기금",
    "특별회계",
    "회계",
    "센터",
    "R&D",
    "기술개발",
    "개발",
    "구축",
    "기반구축",
    "조성",
    "고도화",
    "융자",
    "자금",
    "실증",
    "리모델링",
    "설치",
    "건립",
    "복원",
    "정비",
    "공사",
    "건설",
    "고속도로",
    "시범도시",
    "혁신밸리",
    "통합공고",
    "테스트필드",
    "확산",
    "육성",
)

# Names ending in these are plans, bodies or events, not projects.
NOT_HEADS: Final[tuple[str, ...]] = (
    "계획",
    "로드맵",
    "전략",
    "방안",
    "법",
    "포럼",
    "협의회",
    "위원회",
    "얼라이언스",
    "간담회",
    "심포지엄",
    "조사",
    "심사",
    "컨설팅",
    "대전",
)

# Names too generic to be a project on their own.
GENERIC_NAMES: Final[frozenset[str]] = frozenset(
    {
        "사업",
        "신규사업",
        "계속사업",
        "주요사업",
        "내년사업",
        "신규과제",
        "융자사업",
        "기금",
        "프로젝트",
        "센터",
        "이 사업",
        "동 사업",
        "본 사업",
        "해당 사업",
    }
)

# Kinds of programme, not one programme: alone or after a genitive ("주택도시기금의
# 재정융자사업", "1990년대 이전의 재정융자사업") they name a class of programmes.
CATEGORY_NAMES: Final[frozenset[str]] = frozenset(
    {
        "재정사업",
        "재정융자사업",
        "융자사업",
        "보조사업",
        "국고보조사업",
        "출연사업",
        "출자사업",
        "공모사업",
        "지원사업",
        "연구개발사업",
        "R&D사업",
        # Classes of funds in fiscal statistics (국민연금기금 is one of them).
        "사회보장성기금",
        "사업성기금",
        "금융성기금",
        "계정성기금",
    }
)

# Words naming a year by its distance from the year the document is about (its budget
# year, else its own): 지난해 80억원 is that year − 1's figure, 내년 50억원 year + 1's.
RELATIVE_YEARS: Final[dict[str, int]] = {
    "올해": 0,
    "금년": 0,
    "내년": 1,
    "명년": 1,
    "지난해": -1,
    "작년": -1,
    # "전년 280억원 대비 40억원 증액": the year before's figure (전년 대비 alone compares).
    "전년": -1,
    "전년도": -1,
}
# The same words as a regex alternation, longest first.
RELATIVE_YEAR_ALT: Final[str] = "|".join(sorted(RELATIVE_YEARS, key=lambda w: (-len(w), w)))

# Nouns that only say which of a project's figures follows (올해 예산은 210억원): as the
# topic of a clause or sentence after a name, they keep to the project named.
FIGURE_NOUNS: Final[tuple[str, ...]] = ("예산", "예산액", "사업비", "사업예산")

# Before a figure, these make it a sum to date (누적 90억원, 지금까지 총 90억원): what was
# spent so far, neither the whole budget nor one year's.
CUMULATIVE_WORDS: Final[tuple[str, ...]] = (
    "누적",
    "누계",
    "지금까지",
    "현재까지",
    "이제까지",
    "그동안",
    "그간",
)

# Sentence adverbs that can open the phrase before a name: never part of it.
LEADING_WORDS: Final[tuple[str, ...]] = (
    "이",
    "과",  # "A(’26~’28, 120억원)과 B(…)": the conjunction after A's group
    "와",  # "이 중 기금": a pointer back, not a word of the name
    "특히",
    "또한",
    "또",
    "한편",
    "이에",
    "우선",
    "먼저",
    "아울러",
    "이와",
    "함께",
    "이번",
    "올해",
    "내년",
    "금년",
    "명년",
    "지난해",
    "작년",
    "오는",
    "지난",
    "및",
    "등",
)

# Particles and words between a name and its amount: "NAME에 1조원", "NAME 예산은 300억원".
NAME_AMOUNT_GAP: Final[str] = (
    # "'NAME'(이하 'B')은 …": the short name it will go by.
    r"(?:\(이하\s*[^()\n]{1,40}\)\s*)?"
    r"(?:에는|에서|에|엔|으로|로|은|는|이|가)?\s*"
    # "NAME에 2026년 예산 450억원": the year of the budget.
    r"(?:(?:(?:19|20)\d{2}|'\d{2})년도?\s*(?=예산))?"
    r"(?:예산(?:은|으로|이|에|을|를)?\s*|대상\s+)?"
    # "NAME은 2027년까지 총 3,000억원", "NAME에 2026년부터 2030년까지": its run time.
    r"(?:(?:(?:19|20)\d{2}|'\d{2})\s*년?도?\s*(?:부터|까지|~)\s*)*"
    r"(?:(?<=부터\s*|~\s*)(?:(?:19|20)\d{2}|'\d{2})\s*년?\s*(?:까지)?\s*)?"
    # "NAME에는 국비 800억원 등 총 1,200억원": a share before the whole.
    r"(?:(?:국비|국고|지방비|시비|도비|민간|민자)\s*[\d,.]+\s*(?:조|억|천만|백만|만)"
    r"[\d,.조억천백만\s]*원?\s*(?:등|을\s*포함(?:해|하여|한)?)\s*)?"
    # "NAME은 전년보다 1000억원 늘어난 2000억원": a change between the name and its level.
    r"(?:(?:전년|지난해|작년|올해)\s*(?:보다|대비|에\s*비해)\s*[\d,.]+\s*(?:조|억|천만|백만|만)"
    r"[\d,.조억천백만\s]*원?\s*(?:늘어난|증가한|줄어든|감소한|증액된|감액된|많은|적은)\s*)?"
    # "NAME에 지금까지 총 90억원": a sum to date still names what it was spent on;
    # "NAME에 향후 5년간 총 60억원": a run time between them, its years in brackets
    # after it or not ("향후 3년간('25~'27) 총 620억원").
    r"(?:(?:올해|내년|금년|지난해|작년|전년|총|약|향후|앞으로|\d{1,2}년간|"
    r"(?<=간\s*)\((?:(?:19|20)\d{2}|'\d{2})년?\s*[~∼]\s*(?:(?:19|20)\d{2}|'\d{2})년?\)|"
    + "|".join(CUMULATIVE_WORDS[2:])
    + r")\s*)*"
)

# Heads that name an activity or a field as much as a programme: "… 기술개발에 823억원
# 투입" reports spending on a field. Prose accepts them only with a strong head.
ACTIVITY_HEADS: Final[tuple[str, ...]] = (
    "R&D",
    "기술개발",
    "개발",
    "지원",
    "육성",
    "확산",
    "고도화",
    "실증",
)

# Who a budget goes to, not a programme: "기업 유형별로 중견기업 지원 150억원", "청년·여성
# 지원에 30억원" split a budget by recipient. A head-less name made only of these and a
# word of RECIPIENT_ACTIVITIES names the group (a name with a head, 중견기업 지원사업, stays).
RECIPIENT_GROUPS: Final[frozenset[str]] = frozenset(
    {
        "대기업",
        "중견기업",
        "중소기업",
        "중소",
        "중견",
        "소기업",
        "소상공인",
        "자영업자",
        "벤처기업",
        "창업기업",
        "스타트업",
        "기업",
        "개인",
        "법인",
        "청년",
        "여성",
        "노인",
        "어르신",
        "장애인",
        "아동",
        "청소년",
        "학생",
        "대학생",
        "농업인",
        "어업인",
        "농어업인",
        "농어민",
        "근로자",
        "구직자",
        "가구",
        "저소득층",
        "취약계층",
        "대학",
        "지자체",
        "지방자치단체",
        "공공기관",
        "연구기관",
        "수출기업",
        "신규",
        "기존",
    }
)
RECIPIENT_ACTIVITIES: Final[frozenset[str]] = frozenset({"지원", "육성", "우대", "보조"})

# Verbs that give an amount to what was named before it: "NAME엔 2938억원의 예산이
# 투입", "NAME은 … 2000억원을 마련". With one of them a name needs no strong head noun.
FUNDING_VERBS: Final[tuple[str, ...]] = (
    "투입",
    "투자",
    "편성",
    "반영",
    "배정",
    "지원",
    "마련",
    "확보",
    "들여",
    "들이",  # 들이기로, 들이고; 들인다, 들였다 below (the plain and past forms)
    "들인",
    "들였",
    "신설",
)

# Verbs that make a budget line, not report spending: "NAME에 45억 원을 새로 편성".
# With one of them (or "NAME 예산은") a phrase with no head noun names a programme;
# "… 기술개발에 823억원 투입" and "… 교체에 40억 원을 지원" report spending on a field.
BUDGET_VERBS: Final[tuple[str, ...]] = ("편성", "반영", "신설", "배정", "확보")

# Trimmed from the end of a name, always: they report what happens to the project.
ACTIVITY_WORDS: Final[tuple[str, ...]] = (
    "추진",
    "본격",
    "시행",
    "착수",
    "신청",
    "선정",
    "실시",
    "완료",
    "발표",
    "신규",
    "기획",
    "예타",
    "면제",
    "투입",
    "개시",
    "진행",
    "중",
    "등",
    "예정",
    "계속",
    "지속",
)

# Trimmed from the end only when what is left still ends in a head noun
# ("CVC펀드 조성" → "CVC펀드", but "레저모험타운 조성" stays whole).
SOFT_ACTIVITY_WORDS: Final[tuple[str, ...]] = (
    "건설",
    "건립",
    "조성",
    "구축",
    "운영",
    "지원",
    "확대",
    "강화",
    "신설",
    "개발",
)

# A word ending like this closes the clause before a name (bare 로, 고 and 며 are left
# out: too many nouns end in them, 기술애로, 최고), unless the next word is
# one of LINKING_WORDS ("…를 위한", "…에 대한").
CLAUSE_END_SUFFIXES: Final[tuple[str, ...]] = (
    "을",
    "를",
    "에",
    "에서",
    "으로",
    "하고",
    "였고",
    "했고",
    "었고",
    "았고",
    "되고",
    "하여",
    "해",
    "하며",
    "통해",
    "위해",
    "되어",
    "은",
    "는",
    "이며",
    "에게",
    "부터",
    "까지",
)
LINKING_WORDS: Final[tuple[str, ...]] = ("위한", "대한", "통한", "향한", "관한", "따른", "위하여")

# Who pays: an amount right after one of these is a funding share, not the total.
FUNDING_SOURCES: Final[tuple[str, ...]] = (
    "국고",
    "국비",
    "민간",
    "지방비",
    "시비",
    "도비",
    "군비",
    "구비",
    "기금",
    "자부담",
    "민자",
    # "1조원 규모(정부 2,000억원 출자)": the state's share of a fund; "정부는 …" (with a
    # particle) never matches, as a source must end right before its amount.
    "정부",
    "지자체",
)

# Amount qualifiers that make a figure a cap, floor or per-item rate, never a total.
NOT_TOTAL_QUALIFIERS: Final[frozenset[str]] = frozenset(
    {"당", "이상", "미만", "한도", "최대", "이내"}
)

# Header cells of task tables: the column that holds the names.
TABLE_NAME_HEADERS: Final[tuple[str, ...]] = (
    "과제명",
    "사업명",
    "프로젝트",
    "주요 신규과제",
    "신규과제",
    "과제",
)
# Header cells of a description column beside the names.
TABLE_DESCRIPTION_HEADERS: Final[tuple[str, ...]] = ("주요내용", "주요 내용", "내용", "개요")

# A figure followed by one of these is a change against another year, not a level:
# "전년 대비 30억원 증액", "50억원 늘어난". "…으로 확대" (the new level) is not a change.
CHANGE_WORDS: Final[tuple[str, ...]] = (
    "증액",
    "감액",
    "증가",
    "감소",
    "늘어",
    "늘었",
    "늘린",
    "늘려",
    "줄어",
    "줄었",
    "줄인",
    "삭감",
    "순증",
    "확대",
    "축소",
    "많은",
    "적은",
)
# Before a figure, these compare it with another year: "전년 대비 30억원", "올해보다 10억원".
CHANGE_BEFORE: Final[tuple[str, ...]] = ("대비", "보다", "比", "비해", "에 비해")

# Before a figure, these make it the whole budget: "총사업비 120억원", "4년간 100억원".
TOTAL_MARKS: Final[tuple[str, ...]] = (
    "총사업비",
    "총 사업비",
    "총사업규모",
    "총투자",
    "총예산",
    "총액",
    "사업비 총",
    "전체 사업비",
)

# Labels of fields that hold a project's figures, not its name: "(기간) '25~'29",
# "총사업비 : 120억원", "【사업기간】". A name found by position is never one of them.
FIELD_LABELS: Final[frozenset[str]] = frozenset(
    {
        "규모",
        "사업규모",
        "지원규모",
        "예산",
        "예산규모",
        "사업비",
        "총사업비",
        "사업예산",
        "투자규모",
        "기간",
        "사업기간",
        "지원기간",
        "수행기간",
        "기간/규모",
        "기간·규모",
        "재원",
        "국비",
        "지방비",
        "내용",
        "주요내용",
        "사업내용",
        "지원내용",
        "대상",
        "지원대상",
        "사업대상",
        "목적",
        "사업목적",
        "추진근거",
        "근거",
        "개요",
        "사업개요",
        "현황",
        "위치",
        "사업위치",
        "주관",
        "시행주체",
        "사업주체",
        "수행기관",
        "전담기관",
        "추진체계",
        "기대효과",
        "향후계획",
        "추진경과",
        "추진실적",
        "소관",
        "단위",
        "구분",
        "합계",
        "계",
        "소계",
    }
)

# Labels whose value is a project's name: "【세부사업명】 NAME", "사업명 : NAME".
NAME_LABELS: Final[tuple[str, ...]] = (
    "세부사업명",
    "내역사업명",
    "단위사업명",
    "세세부사업명",
    "프로그램명",
    "프로젝트명",
    "사업명",
    "과제명",
)

# Labels that name a project only as a field, before a colon or in brackets
# ("내역사업 : NAME", "【세부사업】 NAME"): a line opening with one bare is prose
# ("세부사업 추진계획").
FIELD_NAME_LABELS: Final[tuple[str, ...]] = ("세부사업", "내역사업", "단위사업")

# Labels of figure fields below a name label, in a budget sheet or a project card: a form
# flattened to text puts one alone on its line and its value on the next ("사업기간" /
# "'25~'31"). Compared without spaces (총 사업비, 사 업 비).
FIGURE_FIELD_LABELS: Final[frozenset[str]] = frozenset(
    {
        "사업기간",
        "총사업비",
        "사업비",
        "사업규모",
        "지원규모",
        "지원예산",
        "총사업규모",
        "예산",
        "예산규모",
        "기간",
        "지원기간",
        "규모",
        "국비",
        "총예산",
    }
)

# Names ending in these are not programmes when found only by position: a heading such
# as "□ 추진 배경" or "ㅇ 기대 효과" heads a section, not a project.
SECTION_WORDS: Final[tuple[str, ...]] = (
    "배경",
    "필요성",
    "개요",
    "현황",
    "성과",
    "실적",
    "효과",
    "기대효과",
    "목표",
    "방향",
    "과제",
    "내용",
    "주요내용",
    "요약",
    "결과",
    "일정",
    "문제점",
    "시사점",
    "경과",
    "사유",
    "동향",
    "향후",
    "참고",
    "붙임",
    "예산",
    "규모",
    "금액",
    "총괄",
    "합계",
    "소계",
    "계",
    "기타",
    "제도",
    "체계",
    "기관",
    "부처",
    "조직",
    "본부",
    "정책",
    "대책",
    "지침",
    "규정",
    "조례",
    "기준",
    "요건",
    "산업",
    "분야",
)

# Words that end an item head without being part of the name: what is done to it.
# "기업수요기반 차세대연구자 도전·혁신 지원 강화" → "… 지원". The status words always go;
# the soft ones only when what is left ends in a head noun, as "역량 강화" and
# "인프라 확대" name what the programme does ("제조 역량 강화" stays whole).
HEAD_TRAILING_WORDS: Final[tuple[str, ...]] = (
    "추진",
    "본격",
    "본격화",
    "착수",
    "지속",
    "계속",
    "신규",
    "시행",
    "개시",
    "실시",
    "완료",
    "예정",
    "편성",
    "반영",
    "투입",
    "마련",
)
HEAD_TRAILING_SOFT_WORDS: Final[tuple[str, ...]] = ("신설", "확대", "강화")
# Last words of a phrase that is an event or an act, not a programme ("설명회 개최").
EVENT_WORDS: Final[tuple[str, ...]] = (
    "공고",  # "모집 공고": a notice
    "개최",
    "발표",
    "회의",
    "설명회",
    "공청회",
    "세미나",
    "워크숍",
    "행사",
    "협약",
    "체결",
    "선포",
    "출범",
    "발간",
    "점검",
    "평가",
    "검토",
    "협의",
    "논의",
    "공모",
    "모집",
    "접수",
    "방문",
    "수립",
    "발굴",
    "제작",
    "컨설팅",
    "멘토링",
    "면담",
    "기획",
    "개편",
    # Events by their kind: "2025 대한민국 수소엑스포", "국제 해양포럼".
    "엑스포",
    "박람회",
    "전시회",
    "포럼",
    "컨퍼런스",
    "콘퍼런스",
    "페스티벌",
    "축제",
    "시상식",
)

# Provinces and metropolitan cities, full and short: a name made only of places (부산광역시,
# 경상남도 창원시) is where money goes, not a programme.
PROVINCES: Final[frozenset[str]] = frozenset(
    {
        *("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원"),
        *("충북", "충남", "전북", "전남", "경북", "경남", "제주"),
        *("충청북도", "충청남도", "전라북도", "전라남도", "경상북도", "경상남도", "경기도"),
        *("강원도", "제주도", "강원특별자치도", "전북특별자치도", "제주특별자치도"),
        *("서울시", "부산시", "대구시", "인천시", "광주시", "대전시", "울산시", "세종시"),
    }
)

# First words of a heading, never of a name: "5 나가며 재정융자사업" is a table of contents.
HEADING_WORDS: Final[frozenset[str]] = frozenset(
    {"나가며", "들어가며", "서론", "결론", "목차", "요약", "참고", "붙임", "별첨", "개요"}
)

# Header cells of a table column that holds names (spaces removed before comparing).
NAME_COLUMNS: Final[frozenset[str]] = frozenset(
    {
        "과제명",
        "과제",
        "사업명",
        "세부사업",
        "세부사업명",
        "내역사업",
        "내역사업명",
        "단위사업",
        "단위사업명",
        "주요과제",
        "주요신규과제",
        "신규과제",
        "프로젝트",
        "프로젝트명",
    }
)

# A row labelled like this sums the rows above: it names nothing.
TOTAL_ROW_LABELS: Final[frozenset[str]] = frozenset(
    {"합계", "계", "소계", "총계", "합", "총액", "총합계", "전체"}
)

# Last words that make a phrase a time or a condition, not a name ("세무조사 시",
# "승인 후", "사업 종료 때"): bound nouns after a clause.
BOUND_NOUNS: Final[frozenset[str]] = frozenset(
    {"시", "때", "경우", "후", "이후", "전", "이전", "중", "동안", "무렵"}
)

# Endings of revenue items in a budget table (세입: 토지대여료, 기타잡수입, 이자수입):
# money coming in, not a programme spending it.
REVENUE_ENDS: Final[tuple[str, ...]] = (
    "대여료",
    "임대료",
    "사용료",
    "수수료",
    "이용료",
    "잡수입",
    "이자수입",
    "재산수입",
    "세외수입",
)
