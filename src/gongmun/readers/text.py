"""Bytes to text: BOM first, then strict UTF-8, strict CP949, a line-by-line mix of the
two, then detection limited to encodings a document here is written in.

Order matters: charset-normalizer calls a 7-byte ``600억원`` in CP949 big5, while strict
CP949 rarely accepts anything that is not CP949 (facts.md). Python's ``euc_kr`` codec
fails on CP949-only syllables, so CP949 stands for EUC-KR too.

The encoding reported is one that gives back exactly the text read: ``utf-16`` and
``utf-32`` (not ``-le``/``-be``) when the file starts with a byte-order mark, because
those codecs drop the mark, so ``raw_span`` indexes ``data.decode(encoding)``. A file
that is UTF-8 in some lines and CP949 in others is read line by line, reported as
``utf-8+cp949`` with a ``mixed_encoding`` warning; no single codec gives that text back,
so its ``raw_span`` indexes the reader's text (``gongmun normalize FILE --raw``).
"""

from __future__ import annotations

import unicodedata
from typing import Final

from gongmun.errors import InputError
from gongmun.readers import limits

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one. The codec named
# (second) decodes the whole file, mark included, to the text without the mark; the
# third is the codec that decodes what follows the mark.
BOMS: Final[tuple[tuple[bytes, str, str], ...]] = (
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xfe\xff", "utf-16", "utf-16-be"),
    (b"\xff\xfe", "utf-16", "utf-16-le"),
)
# The reported encoding of a file read line by line, part UTF-8 and part CP949.
MIXED: Final = "utf-8+cp949"

# Encodings a detector may pick that documents gongmun reads are really written in.
# Anything else it picks for Korean bytes (ptcp154, big5, koi8...) is a misreading.
DETECTED_OK: Final = frozenset(
    {"ascii", "utf_8", "cp949", "euc_kr", "johab", "iso2022_kr", "cp1252", "latin_1"}
)

# Control characters that belong in text.
_TEXT_CONTROLS: Final = frozenset("\t\n\r\f\v\x1b")


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)`` or raise :class:`InputError`.

    The encoding is the codec name that worked (``utf-8``, ``utf-8-sig``, ``utf-16``,
    ``cp949``...): ``data.decode(encoding)`` is the text.

    >>> decode_text("600억원".encode("cp949"), "a.txt")
    ('600억원', 'cp949')
    >>> decode_text("\\ufeff600억원".encode("utf-16-le"), "a.txt")
    ('600억원', 'utf-16')
    """
    text, encoding, _warnings = decode_document(data, path)
    return text, encoding


def decode_document(data: bytes, path: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """Like :func:`decode_text`, with the warnings of the decoding (``mixed_encoding``).

    >>> mixed = "가격\\n".encode("cp949") + "600억원\\n".encode("utf-8")
    >>> text, encoding, warnings = decode_document(mixed, "a.txt")
    >>> text, encoding, warnings[0][0]
    ('가격\\n600억원\\n', 'utf-8+cp949', 'mixed_encoding')
    """
    text, encoding, warnings = _decode(data, path)
    if not text:
        raise InputError(path, "file holds only a byte-order mark", "empty")
    if len(text) > limits.MAX_TEXT_CHARS:
        raise InputError(
            path,
            f"text of {len(text):,} characters is over the limit of "
            f"{limits.MAX_TEXT_CHARS:,}; split the file",
            "too_large",
        )
    if looks_binary(text):
        raise InputError(path, "binary data, not text", "binary")
    return text, encoding, warnings


_Decoded = tuple[str, str, tuple[tuple[str, str], ...]]


def _decode(data: bytes, path: str) -> _Decoded:
    for bom, name, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(
                    path, f"starts with a {codec} byte-order mark but is not {codec}", "undecodable"
                ) from e
            return text, name, ()
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16[0], utf16[1], ()
    for codec in ("utf-8", "cp949"):
        try:
            return data.decode(codec), codec, ()
        except UnicodeDecodeError:
            continue
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    text, codec = _detect(data, path)
    return text, codec, ()


def _mixed_lines(data: bytes) -> _Decoded | None:
    """Each line as UTF-8, else CP949: files pasted together from two sources.

    None when some line is neither (then detection decides, or the file is refused).
    """
    lines = data.splitlines(keepends=True)
    parts: list[str] = []
    cp949_lines: list[int] = []
    for number, line in enumerate(lines, 1):
        try:
            parts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            parts.append(line.decode("cp949"))
        except UnicodeDecodeError:
            return None
        cp949_lines.append(number)
    if not cp949_lines or len(cp949_lines) == len(lines):
        return None
    shown = ", ".join(map(str, cp949_lines[:5])) + (", …" if len(cp949_lines) > 5 else "")
    message = (
        f"lines {shown} ({len(cp949_lines)} of {len(lines)}) are CP949, the rest UTF-8; "
        "each line was read in its own encoding"
    )
    return "".join(parts), MIXED, (("mixed_encoding", message),)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes at every other position (ASCII and Hangul alike)."""
    sample = data[: limits.SNIFF_BYTES]
    if len(sample) < 4 or len(sample) % 2:
        return None
    if _is_utf8(data):
        # Valid UTF-8 with a few NULs is UTF-8 (and then binary for the NULs): UTF-16
        # Korean text is never valid UTF-8, and UTF-16 of ASCII and punctuation (’25~’29)
        # has a NUL in most code units, all on one side.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if (even and odd) or max(even, odd) * 2 < len(sample) // 2:
            return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # Spaces, digits and newlines put a NUL in the high byte of their code unit every
    # time; the low byte is NUL only for a few syllables (가 is U+AC00).
    pairs = (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls))
    for codec, nuls, other in pairs:
        if nuls >= half * 0.1 and other <= nuls // 4:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: limits.SNIFF_BYTES * 4]).best()
    if best is None or best.encoding is None:
        raise InputError(
            path, "not text in UTF-8, UTF-16, CP949/EUC-KR or any encoding detected", "undecodable"
        )
    if best.encoding not in DETECTED_OK:
        raise InputError(
            path,
            f"not text in UTF-8, UTF-16 or CP949/EUC-KR (nor a mix of UTF-8 and CP949 lines); "
            f"a detector guesses {best.encoding}, which Korean documents are not written in",
            "undecodable",
        )
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as e:
        raise InputError(
            path, f"not text in UTF-8 or CP949, and not valid {best.encoding} either", "undecodable"
        ) from e


def looks_binary(text: str) -> bool:
    """True when decoded text holds NULs or too many control characters to be a document.

    >>> looks_binary("예산 600억원\\n")
    False
    >>> looks_binary("PK\\x03\\x04\\x00\\x00")
    True
    """
    sample = text[: limits.SNIFF_BYTES]
    if "\x00" in sample:
        return True
    controls = sum(
        1 for ch in sample if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls > len(sample) * limits.MAX_CONTROL_SHARE
