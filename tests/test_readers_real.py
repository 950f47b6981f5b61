"""Real HWP and HWPX files (../shared/readers-real, when present): read whole, never crash.

Coverage is measured against an independent dump written here: every HWP
``PARA_TEXT`` record of every BodyText section, and every ``hp:t`` element of every
HWPX section, without any of the reader's structure. At least 99% of each file's
Hangul syllables must reach the reader's text. The files are other people's documents:
they are read in place and never copied.
"""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import olefile
import pytest
from readers_support import read_and_extract

from gongmun.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "readers-real"
FILES = sorted(p for p in REAL.glob("r*") if p.suffix in {".hwp", ".hwpx"}) if REAL.is_dir() else []
needs_real = pytest.mark.skipif(not FILES, reason="../shared/readers-real is not here")

HANGUL = re.compile("[가-힣]")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def hwp_dump(data: bytes) -> str:
    """All PARA_TEXT payloads of an HWP 5 file, decoded as they stand."""
    ole = olefile.OleFileIO(io.BytesIO(data))
    (flags,) = struct.unpack_from("<I", ole.openstream("FileHeader").read(), 36)
    texts = []
    for entry in ole.listdir():
        if entry[0] != "BodyText":
            continue
        body = ole.openstream(entry).read()
        if flags & 1:
            body = zlib.decompress(body, -15)
        i = 0
        while i + 4 <= len(body):
            (h,) = struct.unpack_from("<I", body, i)
            i += 4
            size = h >> 20
            if size == 0xFFF:
                (size,) = struct.unpack_from("<I", body, i)
                i += 4
            if h & 0x3FF == 67:
                texts.append(body[i : i + size].decode("utf-16-le", "replace"))
            i += size
    return "".join(texts)


def hwpx_dump(data: bytes) -> str:
    """The text of every ``t`` element of every section of an HWPX file."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if re.fullmatch(r"Contents/section\d+\.xml", name):
                for t in ElementTree.fromstring(z.read(name)).iter():
                    if t.tag.rsplit("}", 1)[-1] == "t":
                        texts.append((t.text or "") + "".join(c.tail or "" for c in t))
    return "".join(texts)


def hwp_paragraph_dump(data: bytes) -> dict[tuple[int, int], str]:
    """The text under each top-level paragraph of each section (level-0 PARA_HEADER up to
    the next one: its tables, boxes and notes included), by (section, paragraph)."""
    ole = olefile.OleFileIO(io.BytesIO(data))
    (flags,) = struct.unpack_from("<I", ole.openstream("FileHeader").read(), 36)
    out: dict[tuple[int, int], str] = {}
    for entry in ole.listdir():
        if entry[0] != "BodyText":
            continue
        section = int("".join(ch for ch in entry[1] if ch.isdigit()))
        body = ole.openstream(entry).read()
        if flags & 1:
            body = zlib.decompress(body, -15)
        i, index = 0, -1
        while i + 4 <= len(body):
            (h,) = struct.unpack_from("<I", body, i)
            i += 4
            size = h >> 20
            if size == 0xFFF:
                (size,) = struct.unpack_from("<I", body, i)
                i += 4
            tag, level = h & 0x3FF, (h >> 10) & 0x3FF
            if tag == 66 and level == 0:
                index += 1
            if tag == 67 and index >= 0:
                text = body[i : i + size].decode("utf-16-le", "replace")
                out[section, index] = out.get((section, index), "") + text
            i += size
    return out


def hwpx_paragraph_dump(data: bytes) -> dict[tuple[int, int], str]:
    """The text of every ``t`` under each top-level ``p`` of each section."""
    out: dict[tuple[int, int], str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if m := re.fullmatch(r"Contents/section(\d+)\.xml", name):
                paras = [p for p in ElementTree.fromstring(z.read(name)) if p.tag.endswith("}p")]
                for index, p in enumerate(paras):
                    out[int(m.group(1)), index] = "".join(
                        (t.text or "") + "".join(c.tail or "" for c in t)
                        for t in p.iter()
                        if t.tag.rsplit("}", 1)[-1] == "t"
                    )
    return out


def coverage(path: Path) -> float:
    data = path.read_bytes()
    dump = hwp_dump(data) if data.startswith(OLE) else hwpx_dump(data)
    want = Counter(HANGUL.findall(dump))
    got = Counter(HANGUL.findall(read_path(path).text))
    return 1 - sum((want - got).values()) / max(sum(want.values()), 1)


@needs_real
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_real_file_reaches_text_whole(path: Path) -> None:
    assert coverage(path) >= 0.99


@needs_real
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_real_file_text_is_clean_and_has_pages(path: Path) -> None:
    raw = read_path(path)
    raw.text.encode("utf-8")  # no lone surrogate
    assert not re.search("[\ue000-\uf8ff\U000f0000-\U0010ffff]", raw.text)
    assert raw.page_starts, "HWP and HWPX files record their layout"


@needs_real
def test_the_hwp_named_hwpx_is_read_as_hwp() -> None:
    (path,) = [p for p in FILES if p.suffix == ".hwpx" and p.read_bytes().startswith(OLE)]
    raw = read_path(path)
    assert raw.media_type == "application/x-hwp"
    assert [c for c, _ in raw.warnings][:1] == ["format_mismatch"]


@needs_real
def test_a_batch_over_the_real_files_gives_one_record_each(tmp_path: Path) -> None:
    out = tmp_path / "real.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "gongmun", "extract", *map(str, FILES), "-o", str(out)],
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-3000:]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(FILES)
    assert [r.get("error") for r in records if "error" in r] == []


KEPT = re.compile("[0-9가-힣]")


@needs_real
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_real_file_records_name_the_paragraph_they_come_from(path: Path) -> None:
    data = path.read_bytes()
    dump = hwp_paragraph_dump(data) if data.startswith(OLE) else hwpx_paragraph_dump(data)
    raw, doc = read_and_extract(path)
    figures = [*doc.amounts, *doc.periods]
    for f in figures:
        assert f.paragraph is not None, f.text
        assert f.raw_span is not None, f.text
        shown = "".join(KEPT.findall(raw.text[f.raw_span.start : f.raw_span.end]))
        there = "".join(KEPT.findall(dump[f.paragraph.section, f.paragraph.paragraph]))
        assert shown in there, (f.text, f.paragraph)
