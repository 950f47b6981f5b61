"""The engine-neutral partition function: same records as extract_many, one row per document,
and a document that crashes, hangs or raises costs only its own row."""

import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow as pa
import pytest
from engines_support import CRASH, HANG, RAISE, poison

import gongmun
from gongmun.batch import extract_many
from gongmun.engines.partition import (
    extract_arrow,
    extract_partition,
    partition_schema,
    to_records,
)
from gongmun.engines.storage import find_urls, read_document

SEEDS = Path(__file__).parent.parent / "seeds"

__all__ = ["poison"]  # the fixture, imported for the tests below


def test_extract_bytes_is_extract_of_the_file() -> None:
    path = sorted(SEEDS.glob("*.txt"))[0]
    assert gongmun.extract_bytes(path.read_bytes(), str(path)) == gongmun.extract(path)
    with pytest.raises(gongmun.InputError) as err:
        gongmun.extract_bytes(b"%PDF-1.7 truncated", "s3://b/a.pdf")
    assert err.value.path == "s3://b/a.pdf"


def test_rows_are_the_records_of_extract_many_with_typed_columns(tmp_path: Path) -> None:
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    paths += [str(tmp_path / "empty.txt"), str(tmp_path / "photo.txt")]
    expected = [r.model_dump(mode="json") for r in extract_many(paths)]

    batch = extract_partition((p, Path(p).read_bytes()) for p in paths)
    assert batch.schema == partition_schema()
    assert [r.model_dump(mode="json") for r in to_records(batch)] == expected
    assert batch.column("path").to_pylist() == paths
    assert batch.column("error").to_pylist()[-2:] == ["empty", "unsupported_format"]
    doc = partition_schema().field("document").type
    amount = doc.field("amounts").type.value_type
    assert amount.field("value_krw").type == pa.int64()
    assert doc.field("meta").type.field("issued").type == pa.date32()
    first = batch.column("document")[0].as_py()
    assert first["amounts"][0]["value_krw"] == expected[0]["amounts"][0]["value_krw"]


def test_arrow_input_with_ray_column_names() -> None:
    table = pa.table({"path": ["x.txt"], "bytes": ["총 5억원".encode("cp949")]})
    batch = extract_arrow(table, content_column="bytes")
    (record,) = to_records(batch)
    assert isinstance(record, gongmun.Document)
    assert record.source.encoding == "cp949"
    assert extract_partition([]).num_rows == 0


def test_urls_are_read_through_fsspec_memory() -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/gongmun-test/in/a.txt", "총 600억원".encode())
    fs.pipe("/gongmun-test/in/sub/b.txt", "총 7억원".encode())
    fs.pipe("/gongmun-test/in/.hidden/c.txt", b"x")
    fs.pipe("/gongmun-test/in/notes.json", b"{}")
    fs.mkdir("/gongmun-test/in/folder.txt")
    try:
        urls = find_urls(["memory://gongmun-test/in", "memory://gongmun-test/none.txt"])
        assert urls == [
            "memory:///gongmun-test/in/a.txt",
            "memory:///gongmun-test/in/sub/b.txt",
            "memory://gongmun-test/none.txt",
        ]
        data = [read_document(u) for u in [*urls, "memory://gongmun-test/in/folder.txt"]]
        batch = extract_partition(zip([*urls, "folder"], data, strict=True))
        assert batch.column("error").to_pylist() == [None, None, "not_found", "is_directory"]
        docs = batch.column("document").to_pylist()
        assert [d["amounts"][0]["value_krw"] for d in docs[:2]] == [60_000_000_000, 700_000_000]
        assert docs[0]["source"]["path"] == urls[0]
    finally:
        fs.rm("/gongmun-test", recursive=True)


def test_a_worker_ends_when_its_parent_dies_without_a_word() -> None:
    # The parent takes a worker, then dies at once: no shutdown, no atexit.
    code = (
        "import os; from gongmun.engines import isolate; "
        "print(isolate._current().pid, flush=True); os._exit(0)"
    )
    # stderr not captured: the worker inherits it, and run() would wait for it to close.
    out = subprocess.run(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        timeout=300,
        check=True,
    )
    worker = int(out.stdout)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if psutil.Process(worker).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    else:
        psutil.Process(worker).kill()
        pytest.fail("the worker outlived its parent")


# Last: the poison fixture replaces the worker processes the tests above share.
def test_a_crash_a_hang_and_an_exception_each_cost_one_row(poison: None) -> None:
    good = "2028년까지 4년간 총 600억원 지원".encode()
    items = [
        ("a.txt", good),
        ("crash.txt", CRASH),
        ("hang.txt", HANG),
        ("raise.txt", RAISE),
        ("b.txt", good),
    ]
    batch = extract_partition(items, timeout=4)
    rows = batch.to_pylist()
    assert [r["path"] for r in rows] == [name for name, _ in items]
    assert [r["error"] for r in rows] == [None, "worker_crashed", "timeout", "internal_error", None]
    assert "SIGSEGV" in rows[1]["message"]
    assert "RuntimeError" in rows[3]["message"]
    assert rows[1]["sha256"] is not None
    assert rows[4]["document"]["amounts"][0]["value_krw"] == 60_000_000_000
