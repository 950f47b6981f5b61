"""What tesseract's Korean model misreads, as data for ``repair_ocr`` (one table per class).

Seen in real OCR of government documents, by frequency: commas in numbers read as ``.``,
doubled, or followed by a space; year quotes lost or read as ``"``, ``(``; ``~`` read as
``-``; unit syllables misread (``억``→``역``/``얼``/``익``, ``원``→``윈``/``월``,
``조``→``초``); ``O``/``o`` for 0 and ``l``/``I`` for 1 inside numbers; the ``□`` and
``ㅇ`` bullets read as look-alikes.
"""

from __future__ import annotations

from typing import Final

# Money units as OCR may give them (right or misread): a number group before one of these
# is a figure, so its separators are thousands separators.
UNIT_AHEAD: Final[str] = r"\s?(?:조|억|역|얼|익|만|천|백만|원|윈|초(?=\s?\d))"

# Misread unit syllables → the unit, when a digit stands right before them.
UNIT_MISREADS: Final[dict[str, str]] = {"역": "억", "얼": "억", "익": "억", "윈": "원"}
# After 억/만/천/조, ``월`` is 원 misread (a month never follows a money unit).
WON_AFTER_UNIT: Final[dict[str, str]] = {"월": "원", "윈": "원"}

# Years a quote read as ``0`` may stand before (``(025년``, ``발굴026년``): 00–39, as for
# the other lost quotes (a count of years that long is not put so).
YEAR_ZERO_QUOTE: Final[str] = r"[0-3]\d년"

# Letters read for digits inside a number.
DIGIT_LOOKALIKES: Final[dict[str, str]] = {"O": "0", "o": "0", "l": "1", "I": "1"}

# Bullets at a line start, before a space and text: what tesseract makes of □ and ㅇ.
SQUARE_LOOKALIKES: Final[str] = "ㅁ口디"
CIRCLE_LOOKALIKES: Final[str] = "o°©"

# Marks that stand where a year quote (') belongs: before two digits that a month, a
# quarter, a half or a second year make a year.
QUOTE_LOOKALIKES: Final[str] = '"“”('

# The half-year marks 上/下 are not in the Korean model's alphabet: 下 comes out as ``ㅜ+``
# (certain), either one as a lone ``+`` (or ``+-``, where the ``-`` may be a ``~``): which
# half is then unknown, and a period read from it is doubtful.
HALF_MISREADS: Final[dict[str, str]] = {"ㅜ+": "下"}
HALF_AMBIGUOUS: Final[str] = r"\+-?|十"

# A money figure with its unit (``8,129억원``, ``43.2억``): what follows a year label.
FIGURE: Final[str] = r"\d[\d,.]*[ ]?(?:조|억|만|천|원)"

# What makes two digits a year: ``.N월``, ``,N월``, ``.N~N월``, ``.N분기``, ``.上/下`` (or
# what OCR makes of them), ``년 N월`` (a month after it: a date; a span of years and
# months says ``개월``), ``~'NN``, an open end closed at once (``(24~,``), and a
# bracket closed right before a figure (``(23)8,129억원``: the year a figure is for).
YEAR_AFTER: Final[str] = (
    r"(?:[.,]\s?\d{1,2}(?:~\d{1,2})?\s?(?:월|분기)|\.\s?(?:[上下]|ㅜ\+|\+)"
    r"|년[ ]?\d{1,2}(?:~\d{1,2})?월"
    rf"|~\s?['\"“”‘’`]{{0,2}}\d{{2}}(?!\d)|~(?=[,)])|\)(?=[ ]?{FIGURE})"
    # ’98년~ 계속: a period open at its end (사업기간).
    r"|년[ ]?~)"
)
# ``NN년`` before a figure, in a bracket or after a bullet, is a year that lost its quote
# (``(25년 50억원)``) when NN is 00–39: a count of years that long is not put so.
YEAR_OF_FIGURE: Final[str] = rf"[0-3]\d년,?[ ](?={FIGURE})"

# Counters after a number (``31개``, ``5건``). A count before a tilde and a year is an arrow
# read as ``~``: ``('23년 66개 ~ '24년 247개)`` (a range never runs from a count to a year);
# a count after a figure is a figure and a count, not digits misread (``3,497억 31개``).
COUNT_WORDS: Final[str] = "개건명곳회종대차호"

# Years that a bare bracket after a figure (``11,410억원 (24)``) or a bracketed label
# (``(24년 11개 과제, 330억원)``) may be: 10–39 (a one-digit bracket is a footnote mark).
YEAR_TWO: Final[str] = r"[1-3]\d"
# Words a year labels in a bracket at a bullet (``* ('24년 지원)``): never a count of years.
YEAR_LABEL_WORDS: Final[str] = (
    r"지원|예산|본예산|예산안|정부안|추경|결산|기준|실적|계획|목표|신규|현재|말|상반기|하반기"
)
# Words after ``NN년`` that make it a count of years, not a year: ``(10년 이상)``.
YEARS_COUNT_AFTER: Final[str] = r"(?:이상|이하|미만|이내|초과|간|동안|만에|째|차|전|후|내|연속)"
# What tesseract makes of a unit statement's money unit (``(단위: 소원,%)`` for 조원):
# inside a unit statement only units stand, so the look-alike syllable is the unit's.
STATEMENT_UNIT_MISREADS: Final[dict[str, str]] = {
    "소": "조",
    "초": "조",
    "역": "억",
    "얼": "억",
    "익": "억",
}
# How far either side of a lone dotted group (``1.615``) its row's other figures are looked
# for, on its own line (a bounded window: linear in the text).
SIBLING_REACH: Final[int] = 80
# An arrow between two years' figures as OCR gives it (``-ㆍ``: the head read as a middle dot).
ARROW: Final[str] = r"(?:->|→|-[ㆍ·])"

# Two columns read across into one line: spaces this many or more part them (tesseract
# writes a column gap as a run of spaces; a word gap is one), each side at least this long
# and this Hangul, read this far at most.
COLUMN_GAP_MIN: Final[int] = 6
COLUMN_TEXT_MIN: Final[int] = 12
COLUMN_HANGUL_MIN: Final[int] = 5
COLUMN_REACH: Final[int] = 200
# One word this long (and twice as Hangul) is a caption that lost its spaces, not a cell.
COLUMN_WORD_MIN: Final[int] = 16

# R&D read by the Korean model (it has no Latin R or D): the D as ``0`` always, the R as
# ``8``, ``6``, ``『``, ``#``, a quote, ``*``, ``\\`` or ``ㅁ``, or lost. No word is written
# ``&0``; a digit before the R's place or after the 0 makes it a number run, left alone.
ACRONYM_RND: Final[str] = r"(?<![\dA-Za-z&])[86『#\"*\\ㅁR]?&0(?![\d.,])"
