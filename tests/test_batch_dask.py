"""The Dask recipe gives the same records as extract_many, on a real local cluster."""

from pathlib import Path

import pytest

from gongmun.batch import extract_many

distributed = pytest.importorskip("dask.distributed")

SEEDS = Path(__file__).parent.parent / "seeds"


def test_dask_bag_on_a_local_cluster_matches_extract_many(tmp_path: Path) -> None:
    from gongmun.dask_recipe import extract_bag

    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    paths += [str(tmp_path / "missing.txt")]
    (tmp_path / "empty.txt").write_bytes(b"")
    paths += [str(tmp_path / "empty.txt")]
    expected = [r.model_dump(mode="json") for r in extract_many(paths)]
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        got = extract_bag(paths, npartitions=3).compute()
    assert got == expected
    assert [r.get("error") for r in got][-2:] == ["not_found", "empty"]
