"""Size limits for untrusted input, as data: every reader checks against these names.

A batch reads files from outside; a file over a limit is refused with a clear
:class:`~gongmun.errors.InputError` (``too_large`` or ``unsafe_archive``) instead of
filling memory. The numbers are far above any real government document measured (the
largest corpus PDF is under 2 MB; HWPX sections are a few hundred KB).
"""

from __future__ import annotations

from typing import Final

MIB: Final = 1024 * 1024

# A batch's time limit per document when none is given: far above what any real
# document needs (a 300-page PDF takes about a minute), far below "stuck for hours".
# (gongmun.batch.DEFAULT_TIMEOUT; here so the CLI's parser needs no heavy import.)
DEFAULT_TIMEOUT: Final = 600.0

# Any input file, whatever its format.
MAX_FILE_BYTES: Final = 200 * MIB

# Decoded text from a text or HTML file (characters); a 5 MB single line is fine.
MAX_TEXT_CHARS: Final = 50_000_000

# PDF: pages read from one file.
MAX_PDF_PAGES: Final = 5_000

# Zip containers (HWPX): bounds checked on the declared sizes and again while inflating,
# because a hostile archive can lie in its headers.
MAX_ZIP_ENTRIES: Final = 10_000
MAX_ZIP_ENTRY_BYTES: Final = 64 * MIB
MAX_ZIP_TOTAL_BYTES: Final = 256 * MIB
# Compression ratio above which an entry is treated as a bomb. Real HWPX XML compresses
# 5-20x; a zip bomb of zeros reaches 1000x. Only checked on entries above
# ``RATIO_CHECK_MIN_BYTES`` so that tiny, highly repetitive parts are not refused.
MAX_ZIP_RATIO: Final = 100
RATIO_CHECK_MIN_BYTES: Final = 1 * MIB

# How much of a file is sniffed for magic bytes and for binary content.
SNIFF_BYTES: Final = 64 * 1024
# Share of control characters (other than tab, newline, CR, form feed) above which
# decoded "text" is called binary. Text saved from Hancom PDFs carries U+0007 for every
# word space (5% of corpus 056's pdfminer text), so the bar is well above that; binary
# data rarely decodes at all, and NUL bytes alone already mark it.
MAX_CONTROL_SHARE: Final = 0.2

# HWP 5: bytes one BodyText section stream may inflate to, and all of them together.
# Real sections are a few MB; 64 MiB of records is a long book.
MAX_HWP_STREAM_BYTES: Final = 64 * MIB
MAX_HWP_TOTAL_BYTES: Final = 256 * MIB
# Slots (rows x columns) one table may have once its empty rows and columns are gone;
# real tables hold a few thousand.
MAX_TABLE_SLOTS: Final = 1_000_000
# HWPX: section XML in all (bytes, elements). The largest real file measured holds 1.3 MB
# and 18,000 elements; a parsed element costs ~200 bytes, so 1M elements stay ~200 MB.
MAX_HWPX_XML_BYTES: Final = 64 * MIB
MAX_HWPX_SECTION_BYTES: Final = 16 * MIB
MAX_XML_ELEMENTS: Final = 1_000_000
# PDF: bytes one stream may inflate to (embedded CJK fonts are the largest, ~20 MB) and
# all streams of a file together; XObject draws on one page and their nesting depth
# (real pages draw tens, nested two or three deep).
MAX_PDF_STREAM_BYTES: Final = 32 * MIB
MAX_PDF_INFLATED_BYTES: Final = 256 * MIB
MAX_PDF_XOBJECT_DRAWS: Final = 10_000
MAX_PDF_XOBJECT_DEPTH: Final = 16
