"""The Spark recipe in local mode: binaryFile → mapInArrow → Parquet gives the records of
``gongmun extract``, and a document that kills its process is one failure row while the
job succeeds."""

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from engines_support import CRASH

from gongmun.batch import extract_many
from gongmun.engines import isolate
from gongmun.engines.partition import to_records
from gongmun.engines.worker import POISON_ENV

pytest.importorskip("pyspark", reason="pyspark is in the dev and spark extras")
pq = pytest.importorskip("pyarrow.parquet")

SEEDS = Path(__file__).parent.parent / "seeds"


def _java_major() -> int | None:
    """The major version of the Java Spark would start (JAVA_HOME first), None if none."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not java or not Path(java).exists():
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not found:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major  # "1.8" is Java 8


_JAVA = _java_major()
if _JAVA is None or _JAVA < 17:
    pytest.skip(
        f"pyspark 4 needs Java 17+, and {'none' if _JAVA is None else f'Java {_JAVA}'} "
        "is installed: apt-get install default-jre-headless",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as mp:
        # Loopback only: a test must not listen on the machine's network address.
        mp.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        session = (
            SparkSession.builder.master("local[2]")
            .appName("gongmun-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.pyspark.python", sys.executable)
            .config(f"spark.executorEnv.{POISON_ENV}", "1")
            .getOrCreate()
        )
        try:
            yield session
        finally:
            session.stop()
            isolate.shutdown()


def test_binary_files_to_parquet_with_a_poison_document(spark: Any, tmp_path: Path) -> None:
    from gongmun.engines.spark import extract_files

    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    for seed in seeds:
        shutil.copy(seed, inbox / "sub" / seed.name)
    (inbox / "poison.txt").write_bytes(CRASH)
    (inbox / "empty.txt").write_bytes(b"")  # Spark lists no empty file: no row
    (inbox / "notes.json").write_bytes(b"{}")  # not a document extension: not read

    extract_files(spark, str(inbox)).write.parquet(str(tmp_path / "out"))

    records = [r.model_dump(mode="json") for r in to_records(pq.read_table(str(tmp_path / "out")))]
    by_path = {
        urlparse(r["source"]["path"] if "source" in r else r["path"]).path: r for r in records
    }
    local = sorted(by_path)
    assert local == sorted(str(p) for p in [*(inbox / "sub").iterdir(), inbox / "poison.txt"])
    poisoned = by_path[str(inbox / "poison.txt")]
    assert poisoned["error"] == "worker_crashed"
    assert "SIGSEGV" in poisoned["message"]
    # The same records as gongmun extract, under Spark's file: URLs.
    paths = [str(inbox / "sub" / s.name) for s in seeds]
    for expected in (r.model_dump(mode="json") for r in extract_many(paths)):
        got = by_path[expected["source"]["path"]]
        assert got["source"]["path"].startswith("file:")
        got["source"]["path"] = expected["source"]["path"]
        assert got == expected
