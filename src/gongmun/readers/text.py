"""Bytes to text: BOM first, then strict UTF-8, strict CP949, then detection.

Order matters: charset-normalizer calls a 7-byte ``600억원`` in CP949 big5, while strict
CP949 rarely accepts anything that is not CP949 (facts.md). Python's ``euc_kr`` codec
fails on CP949-only syllables, so CP949 stands for EUC-KR too.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from gongmun.errors import InputError
from gongmun.readers import limits

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS: Final[tuple[tuple[bytes, str], ...]] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# Control characters that belong in text.
_TEXT_CONTROLS: Final = frozenset("\t\n\r\f\v\x1b")


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)`` or raise :class:`InputError`.

    The encoding is the codec name that worked (``utf-8``, ``utf-8-sig``, ``utf-16-le``,
    ``cp949``...).

    >>> decode_text("600억원".encode("cp949"), "a.txt")
    ('600억원', 'cp949')
    >>> decode_text("\\ufeff600억원".encode("utf-16-le"), "a.txt")
    ('600억원', 'utf-16-le')
    """
    text, encoding = _decode(data, path)
    if len(text) > limits.MAX_TEXT_CHARS:
        raise InputError(
            path,
            f"text of {len(text):,} characters is over the limit of "
            f"{limits.MAX_TEXT_CHARS:,}; split the file",
            "too_large",
        )
    if looks_binary(text):
        raise InputError(path, "binary data, not text", "binary")
    return text, encoding


def _decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError as e:
                raise InputError(
                    path, f"starts with a {codec} byte-order mark but is not {codec}", "undecodable"
                ) from e
            return text, codec
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    for codec in ("utf-8", "cp949"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return _detect(data, path)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes at every other position (ASCII and Hangul alike)."""
    sample = data[: limits.SNIFF_BYTES]
    if len(sample) < 4 or len(sample) % 2:
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


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: limits.SNIFF_BYTES * 4]).best()
    if best is None or best.encoding is None:
        raise InputError(
            path, "not text in UTF-8, UTF-16, CP949/EUC-KR or any encoding detected", "undecodable"
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
