"""Text files in any Korean encoding, and the errors every reader shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from readers_support import SEED000, SEED003, figures, read_error, seed_text

import gongmun
from gongmun.errors import InputError
from gongmun.readers import from_text, read_bytes, read_path
from gongmun.readers.text import decode_text

# Characters of seed 000 that CP949 cannot hold, as a CP949 document would write them.
CP949_STAND_INS = {"\N{HYPHENATION POINT}": "·", "➊": "①", "➋": "②", "➌": "③", "\xa0": " "}


def cp949_version(text: str) -> str:
    """The text as it can exist in CP949."""
    return "".join(CP949_STAND_INS.get(ch, ch) for ch in text)


@pytest.mark.parametrize(
    ("codec", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "utf-32"),
    ],
)
def test_seed_in_unicode_encodings_reads_back_exactly(
    tmp_path: Path, codec: str, bom: bytes, expected: str
) -> None:
    text = seed_text()
    f = tmp_path / "seed000.txt"
    f.write_bytes(bom + text.encode(codec))
    raw = read_path(f)
    assert raw.text == text
    assert raw.encoding == expected
    # The reported encoding gives back exactly the text every raw_span indexes.
    assert f.read_bytes().decode(raw.encoding) == raw.text
    assert raw.media_type == "text/plain"
    assert raw.page_starts is None


@pytest.mark.parametrize("seed", [SEED000, SEED003], ids=["000", "003"])
def test_cp949_copy_reads_as_cp949_and_gives_the_same_figures(tmp_path: Path, seed: Path) -> None:
    text = cp949_version(seed_text(seed))
    f = tmp_path / "seed.txt"
    f.write_bytes(text.encode("cp949"))
    raw = read_path(f)
    assert raw.encoding == "cp949"
    assert raw.text == text
    doc = gongmun.extract(f)
    assert doc.source.encoding == "cp949"
    assert figures(doc) == figures(gongmun.extract_text(seed_text(seed)))


def test_utf16_copy_gives_the_same_figures_as_the_seed(tmp_path: Path) -> None:
    f = tmp_path / "seed.txt"
    f.write_bytes(seed_text().encode("utf-16"))
    doc = gongmun.extract(f)
    assert doc.source.encoding == "utf-16"
    assert figures(doc) == figures(gongmun.extract_text(seed_text()))


def test_sha256_is_of_the_file_bytes(tmp_path: Path) -> None:
    import hashlib

    data = "총 600억원".encode("cp949")
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    assert read_path(f).sha256 == hashlib.sha256(data).hexdigest()


def test_short_cp949_is_not_taken_for_big5() -> None:
    # charset-normalizer calls these 7 bytes big5; strict CP949 comes first.
    assert decode_text("600억원".encode("cp949"), "x.txt") == ("600억원", "cp949")


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("가나다라마바사아자차카타파하억원년월일 0123456789,.~()□ㅇ\n")
        ),
        min_size=1,
        max_size=200,
    ),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949"]),
)
def test_any_korean_text_round_trips(text: str, codec: str) -> None:
    # A text made only of syllables like 카 (CP949 C4 AB) is also valid UTF-8 and reads as
    # UTF-8: no decoder can tell. Any syllable with a CP949 lead byte under 0xC2 (가, 나,
    # 억, 원...) rules UTF-8 out; real documents always have one.
    assume(codec != "cp949" or any(ch in text for ch in "가나다라마바사아자억원년월일"))
    got, _ = decode_text(text.encode(codec), "x.txt")
    assert got == text


def test_short_utf8_with_a_nul_is_not_utf16(tmp_path: Path) -> None:
    # 12 bytes with one NUL at an odd position once passed the UTF-16 test and came
    # out as CJK mojibake; valid UTF-8 with a stray NUL is UTF-8 (and binary for the NUL).
    f = tmp_path / "a.txt"
    f.write_bytes("600억\x00원".encode())
    assert read_error(f).code == "binary"
    text, codec = decode_text("총 600억원 지원".encode(), "x.txt")
    assert (text, codec) == ("총 600억원 지원", "utf-8")


def test_ascii_utf16_without_bom_is_still_utf16() -> None:
    assert decode_text("budget 600\n".encode("utf-16-le"), "x.txt") == (
        "budget 600\n",
        "utf-16-le",
    )


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])
def test_bom_only_file_is_empty(tmp_path: Path, bom: bytes) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(bom)
    e = read_error(f)
    assert e.code == "empty"
    assert "bom.txt" in str(e)


def test_cp949_and_utf8_lines_are_each_read_and_warned(tmp_path: Path) -> None:
    cp949 = "2025년 예산 600억원 편성\n"
    utf8 = "과제당 4년간 100억원 규모 지원\n"
    f = tmp_path / "mixed.txt"
    f.write_bytes(cp949.encode("cp949") + utf8.encode("utf-8") + cp949.encode("cp949"))
    doc = gongmun.extract(f)
    assert doc.source.encoding == "utf-8+cp949"
    assert doc.text.splitlines() == [cp949.strip(), utf8.strip(), cp949.strip()]
    (warning,) = [w for w in doc.warnings if w.code == "mixed_encoding"]
    assert "lines 1, 3 (2 of 3) are CP949" in warning.message
    assert sorted(a.value_krw for a in doc.amounts) == [10_000_000_000] + [60_000_000_000] * 2


def test_mix_inside_one_line_fails_clearly(tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes("예산 ".encode("cp949") + "600억원 지원".encode())
    e = read_error(f)
    assert e.code == "undecodable"
    assert "mixed.txt" in str(e)


def test_a_detected_encoding_korean_is_not_written_in_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import charset_normalizer

    class Guess:
        encoding = "ptcp154"

    class Matches:
        def best(self) -> Guess:
            return Guess()

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda _data: Matches())
    f = tmp_path / "odd.txt"
    f.write_bytes("예산 ".encode("cp949") + "600억원".encode())
    e = read_error(f)
    assert e.code == "undecodable"
    assert "ptcp154" in str(e)


# --- errors: one clear InputError naming the file ---------------------------------


def test_missing_path(tmp_path: Path) -> None:
    e = read_error(tmp_path / "nope.txt")
    assert e.code == "not_found"
    assert str(tmp_path / "nope.txt") in str(e)


def test_directory(tmp_path: Path) -> None:
    e = read_error(tmp_path)
    assert e.code == "is_directory"
    assert e.path == str(tmp_path)


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.hwpx", "empty.html"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(b"")
    e = read_error(f)
    assert e.code == "empty"
    assert name in str(e)


def test_binary_file_is_an_error_not_mojibake(tmp_path: Path) -> None:
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 40)
    assert read_error(f).code in {"binary", "undecodable"}


@pytest.mark.parametrize(
    ("head", "what"),
    [(b"\x89PNG\r\n\x1a\n", "PNG"), (b"\x7fELF\x02\x01", "executable"), (b"\x1f\x8b\x08", "gzip")],
)
def test_known_foreign_formats_are_named(tmp_path: Path, head: bytes, what: str) -> None:
    f = tmp_path / "file.txt"
    f.write_bytes(head + b"\x00" * 100)
    e = read_error(f)
    assert e.code == "unsupported_format"
    assert what in e.problem


def test_huge_single_line_reads(tmp_path: Path) -> None:
    line = "사업비 총 600억원을 2025년부터 지원하고 " * 200_000  # ~6.6 MB UTF-8, no newline
    f = tmp_path / "line.txt"
    f.write_text(line, encoding="utf-8")
    raw = read_path(f)
    assert "\n" not in raw.text
    assert len(raw.text) == len(line)


def test_long_single_line_goes_through_the_whole_pipeline(tmp_path: Path) -> None:
    # ~0.6 MB on one line. Kept to one figure: with thousands of amounts on one line
    # the project extractor is quadratic today (reported to the lead).
    line = "지원 사업을 추진하고 " * 20_000 + "총 600억원을 지원" + "하고 협력하여 " * 20_000
    f = tmp_path / "line.txt"
    f.write_text(line, encoding="utf-8")
    doc = gongmun.extract(f)
    assert [a.value_krw for a in doc.amounts] == [60_000_000_000]


def test_too_large_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongmun.readers import limits

    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 10)
    with pytest.raises(InputError) as info:
        read_bytes("사업비 총 600억원을 지원".encode(), "big.txt")
    assert info.value.code == "too_large"


def test_from_text_has_no_encoding() -> None:
    raw = from_text("총 600억원", "stdin")
    assert raw.encoding is None
    assert raw.path == "stdin"


def test_text_saved_from_a_hancom_pdf_is_text(tmp_path: Path) -> None:
    # pdfminer writes Hancom's word-space glyphs as U+0007 and pages as form feeds.
    text = "재정융자\x07규모는\x07600억원\x07수준\n\x0c다음\x07쪽\n" * 50
    f = tmp_path / "from_pdf.txt"
    f.write_text(text, encoding="utf-8")
    assert read_path(f).text == text
