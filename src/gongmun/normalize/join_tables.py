"""Word lists that decide whether a PDF line break is a wrap, and whether the join takes a space.

They were drawn from how Korean government documents (보도자료, 시행계획) end lines; each list
says which side of the break it looks at. Lists used as suffixes are sorted longest first.
"""

from __future__ import annotations

from typing import Final


def _words(*chunks: str) -> tuple[str, ...]:
    """Space-separated words, deduplicated, longest first (for suffix tests)."""
    return tuple(sorted({w for chunk in chunks for w in chunk.split()}, key=len, reverse=True))


# A next line whose first word is one of these continues the word before the break
# (``예정\n으로`` → ``예정으로``): particles and endings never start a word.
PARTICLE_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        "이 가 은 는 을 를 의 에 에서 에게 께 와 과 로 으로 로서 으로서 로써 으로써 도 만",
        "부터 까지 보다 처럼 마다 이나 나 이며 며 이고 고 이다 다 입니다 임 함 됨 음",
        "하고 하며 하여 해 하는 하기 한 할 함으로써 된 되는 되어 되며 되고 될",
        "적 적인 적으로 에도 에는 으로는 로는 과의 와의 에의 으로의 로의 이라 라 이란 란 인 인데",
    )
)

# The first word of a next line that continues the phrase before it (a space goes between).
CONTINUATION_WORDS: Final[frozenset[str]] = frozenset(_words("및 등 또는 혹은 내지 겸 대비"))

# Endings of a line that leave the phrase open: the next line must continue it. Single
# syllables that also end common nouns (도: 제도, 가: 평가, 과: 성과) are left out.
OPEN_ENDINGS: Final[tuple[str, ...]] = _words(
    "위한 통한 대한 관한 따른 향한 인한 의한 위해 통해 대해 따라",
    "및 또는 혹은 등의 등을 등에",
    "하고 하며 하여 하면서 하기 하는 되는 있는 없는 이며 이고 으며 으나 지만",
    "을 를 의 에 에서 으로 와 은 는 된 할 될 며 부터 까지 에게 보다 에도 에는",
    "하고자 하도록 되도록 있도록 중인",
)

# Nouns that end a 개조식 line as a verb would end a sentence ("…지원체계 구축").
# Outside a bullet item, a line ending in one of these is a unit of its own.
CLOSING_NOUNS: Final[tuple[str, ...]] = _words(
    "추진 구축 지원 강화 확대 확보 마련 제고 촉진 육성 조성 확산 운영 개선 실시 선정",
    "개최 도입 시행 완료 착수 수립 발표 개편 신설 예정 협력 가속화 본격화 극대화",
    "활성화 고도화 다변화 정상화 내실화 체계화 효율화 선점 개요 내용 현황 계획",
    "기반구축 투자 투입 달성 창출 추가 검토 점검 관리 구성 병행 제시 분석",
)

# Where no trailing space tells a wrap, also these: a table cell or row often ends so
# (…기술개발 | 첨단 반도체 …), while a wrapped phrase rarely breaks right after them.
PLAIN_CLOSING_NOUNS: Final[tuple[str, ...]] = _words(" ".join(CLOSING_NOUNS), "개발 실증")

# Sentence endings: a line ending so is finished (…다. …함 …임 …음).
SENTENCE_END_CHARS: Final[str] = ".?!。"
# A final 다 counts only after a verb-ending syllable (바다 and 다 as "all" do not end).
SENTENCE_END_PATTERN: Final[str] = r"(?:[한된였었았겠는있없이했됐갔왔졌렸친른났랐]다|[함임음됨])$"
