"""The Dask recipe on a real local cluster: the records of extract_many, bytes read from
storage on the workers, and a document that kills its process is one failure record."""

from pathlib import Path

import dask
import pytest
from engines_support import CRASH, poison

from gongmun.batch import extract_many

distributed = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")
fsspec = pytest.importorskip("fsspec")

SEEDS = Path(__file__).parent.parent / "seeds"

__all__ = ["poison"]  # the fixture, imported for the test below


def test_dask_bag_on_a_local_cluster_matches_extract_many(tmp_path: Path, poison: None) -> None:
    from gongmun.dask_recipe import extract_bag, write_parquet

    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    paths += [str(tmp_path / "missing.txt")]
    (tmp_path / "empty.txt").write_bytes(b"")
    paths += [str(tmp_path / "empty.txt")]
    expected = [r.model_dump(mode="json") for r in extract_many(paths)]
    (tmp_path / "poison.txt").write_bytes(CRASH)
    # Default (daemonic) Dask workers, as a user's cluster has them.
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        got = extract_bag([*paths, str(tmp_path / "poison.txt")], npartitions=3).compute()
        assert got[:-1] == expected
        assert [r.get("error") for r in got][-3:] == ["not_found", "empty", "worker_crashed"]

    # Bytes from object storage (fsspec's memory://, which lives in this process: so
    # Dask's in-process scheduler here), Arrow rows out as Parquet.
    fs = fsspec.filesystem("memory")
    fs.pipe("/gongmun-dask/in/a.txt", Path(paths[0]).read_bytes())
    fs.pipe("/gongmun-dask/in/poison.txt", CRASH)
    urls = ["memory://gongmun-dask/in/a.txt", "memory://gongmun-dask/in/poison.txt"]
    try:
        with dask.config.set(scheduler="synchronous"):
            parts = write_parquet(urls, "memory://gongmun-dask/out", npartitions=2)
        assert [(rows, failed) for _, rows, failed in parts] == [(1, 0), (1, 1)]
        with fs.open("/gongmun-dask/out/part-00000.parquet", "rb") as f:
            first = pq.read_table(f)
        with fs.open("/gongmun-dask/out/part-00001.parquet", "rb") as f:
            second = pq.read_table(f)
    finally:
        fs.rm("/gongmun-dask", recursive=True)
    assert second.column("error").to_pylist() == ["worker_crashed"]
    doc = first.column("document")[0].as_py()
    assert doc["source"]["path"] == urls[0]
    assert doc["amounts"] == expected[0]["amounts"]
