"""Build small HWP 5 files for tests: an OLE compound file writer and HWP record helpers.

olefile only reads, so the tests write the container themselves (CFB version 3, 512-byte
sectors). Every stream is padded to at least 4096 bytes so it lives in the regular FAT
(no mini stream): HWP readers ignore bytes after a stream's compressed data, and an
uncompressed section is padded with a record of an unused tag.
"""

from __future__ import annotations

import itertools
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

SECTOR = 512
MIN_STREAM = 4096
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

PARA_HEADER, PARA_TEXT, PARA_LINE_SEG, CTRL_HEADER, LIST_HEADER, TABLE = 66, 67, 69, 71, 72, 77
PADDING_TAG = 0x3F0


def _dir_entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    return (
        raw.ljust(64, b"\x00")
        + struct.pack("<HBB", len(raw), kind, 1)
        + struct.pack("<III", NOSTREAM, right, child)
        + b"\x00" * 16
        + b"\x00" * 4
        + b"\x00" * 16
        + struct.pack("<IQ", start, size)
    )


def cfb(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file holding ``streams`` (``"BodyText/Section0"``: one storage level)."""
    top: dict[str, bytes | dict[str, bytes]] = {}
    for name, data in streams.items():
        if "/" in name:
            folder, leaf = name.split("/", 1)
            sub = top.setdefault(folder, {})
            assert isinstance(sub, dict)
            sub[leaf] = data
        else:
            top[name] = data
    # Directory entries: 0 root, then each top name; storages' children follow them.
    entries: list[tuple[str, int, bytes | None]] = [("Root Entry", 5, None)]
    children: dict[int, list[int]] = {0: []}
    for name, value in top.items():
        idx = len(entries)
        children[0].append(idx)
        if isinstance(value, dict):
            entries.append((name, 1, None))
            children[idx] = []
            for leaf, data in value.items():
                children[idx].append(len(entries))
                entries.append((leaf, 2, data))
        else:
            entries.append((name, 2, value))
    # Sectors: stream data first, then the directory, then the FAT.
    sectors: list[bytes] = []
    fat: list[int] = []
    starts: dict[int, int] = {}
    for i, (_, kind, data) in enumerate(entries):
        if kind != 2 or data is None:
            continue
        data = data.ljust(MIN_STREAM, b"\x00") if len(data) < MIN_STREAM else data
        entries[i] = (entries[i][0], 2, data)
        starts[i] = len(sectors)
        n = -(-len(data) // SECTOR)
        for k in range(n):
            sectors.append(data[k * SECTOR : (k + 1) * SECTOR].ljust(SECTOR, b"\x00"))
            fat.append(len(sectors) if k < n - 1 else ENDOFCHAIN)
    right: dict[int, int] = {}
    child_of: dict[int, int] = {}
    for parent, kids in children.items():
        if kids:
            child_of[parent] = kids[0]
            for a, b in itertools.pairwise(kids):
                right[a] = b
    directory = b"".join(
        _dir_entry(
            name,
            kind,
            child_of.get(i, NOSTREAM),
            right.get(i, NOSTREAM),
            starts.get(i, ENDOFCHAIN if kind != 1 else 0),
            len(data) if data is not None else 0,
        )
        for i, (name, kind, data) in enumerate(entries)
    )
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\x00")
    dir_start = len(sectors)
    n_dir = len(directory) // SECTOR
    for k in range(n_dir):
        sectors.append(directory[k * SECTOR : (k + 1) * SECTOR])
        fat.append(len(sectors) if k < n_dir - 1 else ENDOFCHAIN)
    n_fat = 1
    while (len(fat) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    fat_start = len(sectors)
    fat.extend([FATSECT] * n_fat)
    fat.extend([FREESECT] * (n_fat * (SECTOR // 4) - len(fat)))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    for k in range(n_fat):
        sectors.append(fat_bytes[k * SECTOR : (k + 1) * SECTOR])
    assert n_fat <= 109
    difat = [fat_start + k for k in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (
        OLE_MAGIC
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, 0x1000, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
        + struct.pack("<109I", *difat)
    )
    assert len(header) == SECTOR
    return header + b"".join(sectors)


# --- HWP records -------------------------------------------------------------------


def record(tag: int, level: int, payload: bytes) -> bytes:
    """One record: header (size 0xFFF and a 32-bit size when it is long) and payload."""
    if len(payload) < 0xFFF:
        return struct.pack("<I", tag | (level << 10) | (len(payload) << 20)) + payload
    return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), len(payload)) + payload


def ctrl(code: int, cid: str) -> str:
    """An extended control's eight code units in paragraph text (``cid`` like ``'tbl '``)."""
    raw = cid[::-1].encode("latin-1")
    return chr(code) + raw.decode("utf-16-le") + "\x00" * 4 + chr(code)


def inline(code: int) -> str:
    """An inline control's eight code units (9 is a tab)."""
    return chr(code) + "\x00" * 6 + chr(code)


@dataclass
class Control:
    """A control under a paragraph: its id, extra header bytes and child records."""

    cid: str
    extra: bytes = b""
    children: list[bytes] = field(default_factory=list)  # records one level below


def paragraph(
    text: str,
    level: int = 0,
    controls: Sequence[Control] = (),
    tops: Sequence[int] = (),
    page_break: bool = False,
) -> bytes:
    """A paragraph: header, text (``text`` + paragraph end), line tops, its controls.

    Control children are given at level 0 and shifted under the control header.
    """
    units = (text + "\r").encode("utf-16-le", "surrogatepass")
    header = struct.pack("<IIHBB", len(units) // 2, 0, 0, 0, 0x04 if page_break else 0)
    header += b"\x00" * (24 - len(header))
    out = record(PARA_HEADER, level, header) + record(PARA_TEXT, level + 1, units)
    if tops:
        segs = b"".join(struct.pack("<Ii", 0, t) + b"\x00" * 28 for t in tops)
        out += record(PARA_LINE_SEG, level + 1, segs)
    for c in controls:
        out += record(CTRL_HEADER, level + 1, c.cid[::-1].encode("latin-1") + c.extra)
        out += b"".join(shift(child, level + 2) for child in c.children)
    return out


def shift(records: bytes, by: int) -> bytes:
    """Records moved ``by`` levels deeper."""
    out = bytearray()
    i = 0
    while i < len(records):
        (h,) = struct.unpack_from("<I", records, i)
        size, head = h >> 20, 4
        if size == 0xFFF:
            (size,) = struct.unpack_from("<I", records, i + 4)
            head = 8
        level = ((h >> 10) & 0x3FF) + by
        out += struct.pack("<I", (h & ~(0x3FF << 10)) | (level << 10)) + records[i + 4 : i + head]
        out += records[i + head : i + head + size]
        i += head + size
    return bytes(out)


def list_header(n_paras: int, extra: bytes = b"") -> bytes:
    """A paragraph list header (text boxes, notes, headers, cells)."""
    return record(LIST_HEADER, 0, struct.pack("<HHI", n_paras, 0, 0) + extra)


def cell(row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> bytes:
    """A table cell: its list header with address and spans, then one paragraph."""
    addr = struct.pack("<HHHH", col, row, colspan, rowspan) + b"\x00" * 26
    return list_header(1, addr) + paragraph(text)


def table(n_rows: int, n_cols: int, cells: Sequence[bytes], caption: str | None = None) -> Control:
    """A table control: its caption list (the table's own title, when given), the TABLE
    record (its declared size), then the cells."""
    spec = struct.pack("<IHH", 0, n_rows, n_cols) + b"\x00" * 10
    head = [list_header(1) + paragraph(caption)] if caption is not None else []
    return Control("tbl ", b"\x00" * 40, [*head, record(TABLE, 0, spec), *cells])


def notes(cid: str, *texts: str) -> Control:
    """A control holding a paragraph list: footnote, header, text box..."""
    return Control(cid, b"\x00" * 8, [list_header(len(texts)) + b"".join(map(paragraph, texts))])


def hwp(
    sections: Sequence[bytes],
    *,
    flags: int = 0x01,
    version: int = 0x05010100,
) -> bytes:
    """An HWP 5 file of these section record streams (compressed when flag 0x01 is set)."""
    header = b"HWP Document File".ljust(32, b"\x00") + struct.pack("<II", version, flags)
    streams = {"FileHeader": header.ljust(256, b"\x00"), "DocInfo": b""}
    for i, body in enumerate(sections):
        if flags & 0x01:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            data = c.compress(body) + c.flush()
        else:
            pad = MIN_STREAM - len(body) - 8
            data = body + (record(PADDING_TAG, 0, b"\x00" * pad) if pad > 0 else b"")
        streams[f"BodyText/Section{i}"] = data
    return cfb(streams)
