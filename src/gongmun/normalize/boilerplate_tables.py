"""Markers of web-page boilerplate around a news article (data for ``drop_boilerplate``).

Drawn from Korean news pages (서울신문, 뉴스FM, 정책브리핑 copies): weather widgets,
share buttons, reading tools, copyright lines, section links. A line is boilerplate when
it matches a pattern as a whole, so an article sentence that mentions 페이스북 stays.
"""

from __future__ import annotations

from typing import Final

_WEATHER_WORDS: Final[str] = "맑음|구름많음|구름조금|흐림|비|눈|소나기|진눈깨비|안개|황사"

# Whole-line patterns (after trimming, bullets • and · stripped).
BOILERPLATE_LINES: Final[tuple[str, ...]] = (
    # weather widget: "구름많음서울 26.9℃", "서울 3.2℃"
    rf"(?:{_WEATHER_WORDS})?\s*[가-힣]{{1,6}}\s*-?\d{{1,2}}(?:\.\d)?\s*(?:℃|°C?)",
    r"기상청\s*제공",
    # share buttons and social links
    r"(?:(?:네이버\s*TV|유튜브|트위터|페이스북|카카오(?:톡|스토리)?|밴드|블로그|인스타그램|"
    r"링크\s*복사|URL\s*복사|공유(?:하기)?|스크랩|이메일|메일|X)\s*)+",
    # reading tools
    r"(?:(?:기사\s*읽어주기|다시듣기|음성으로\s*듣기|폰트\s*(?:확대|축소)|글자\s*(?:크기|확대|축소)|"
    r"프린트(?:하기)?|인쇄(?:하기)?|북마크|좋아요|클린뷰|댓글(?:\s*\d+)?)\s*)+",
    r"본문\s*바로가기|ADVERTISEMENT|광고",
    r"더\s*보기|더보기\s*[>+]?|전체\s*메뉴|메뉴\s*닫기|로그인|회원가입|검색|맨\s*위로|TOP",
    # A copyright notice is a few words; a long line after ⓒ/© is a bullet OCR misread.
    r"(?:Copyright|COPYRIGHT|copyright).*",
    r"(?:ⓒ|©)\s*[\w.&-]+(?:\s+[\w.&-]+){0,2}(?:\s*\([\w./:-]+\))?",
    r".*(?:무단\s*전재|재배포\s*금지|All\s+rights\s+reserved).*",
    r"자료\s*제공\s*:.*",
    r"(?:관련\s*기사|많이\s*본\s*뉴스|인기\s*기사|추천\s*기사|최신\s*기사|주요\s*뉴스|"
    r"이\s*시각\s*주요뉴스|Leaders\s*Today|포토\s*뉴스|오늘의\s*운세)",
)

# Reading tools sit right under the headline: the line above them is the article title.
TITLE_FOLLOWERS: Final[str] = (
    r"(?:[•·]\s*)?(?:기사\s*읽어주기|다시듣기|폰트\s*(?:확대|축소)|글자\s*크기|공유|댓글|클린뷰|프린트)"
)

# A link that opens a list of more stories: the short line above it names a section.
MORE_LINK: Final[str] = r"더\s*보기|더보기"

# Cheap test over the whole text: a page with none of these has no boilerplate to drop.
TELLTALES: Final[str] = (
    r"℃|기상청|네이버\s*TV|유튜브|트위터|페이스북|카카오톡|카카오스토리|인스타그램|"
    r"읽어주기|다시듣기|폰트\s*확대|프린트하기|[Cc]opyright|COPYRIGHT|ⓒ|©|무단\s*전재|재배포|"
    r"[Rr]ights\s+[Rr]eserved|RIGHTS|더\s*보기|자료\s*제공|관련\s*기사|많이\s*본|인기\s*기사|로그인|"
    r"Leaders|바로가기|ADVERTISEMENT|클린뷰|댓글"
)
