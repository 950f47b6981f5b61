"""extract_many: input order with any number of jobs, failures as records, a dying worker."""

import os
from pathlib import Path

import pytest

import gongmun
from gongmun import pipeline
from gongmun.batch import Progress, TextInput, extract_many, map_ordered
from gongmun.models import Document, Failure

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


def _docs(tmp_path: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        p = tmp_path / f"{i:03d}.txt"
        p.write_text(f"문서 {i}\nㅇ 총 {i + 1}억원 규모, ’25~’29\n", encoding="utf-8")
        paths.append(p)
    return paths


def test_results_follow_input_order_with_two_jobs(tmp_path: Path) -> None:
    paths: list[str | Path] = [*_docs(tmp_path, 12), *SEEDS]
    paths.insert(3, tmp_path / "missing.txt")
    one = [r.model_dump(mode="json") for r in extract_many(paths, jobs=1)]
    two = [r.model_dump(mode="json") for r in extract_many(paths, jobs=2)]
    assert one == two
    names = [r["source"]["path"] if "source" in r else r["path"] for r in two]
    assert names == [str(p) for p in paths]
    assert two[3]["error"] == "not_found"


def test_unreadable_input_is_a_failure_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    results = list(
        extract_many([tmp_path / "empty.txt", tmp_path, TextInput("총 600억원", "memo")])
    )
    assert isinstance(results[0], Failure)
    assert (results[0].error, results[0].sha256) == (
        "empty",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    )
    assert isinstance(results[1], Failure)
    assert results[1].error == "is_directory"
    assert isinstance(results[2], Document)
    assert results[2].source.path == "memo"


def test_an_unexpected_exception_becomes_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (good,) = _docs(tmp_path, 1)

    def broken(path: object, *options: object) -> Document:
        raise ZeroDivisionError("division by zero in a rule")

    # batch imports the pipeline where it runs it (the CLI's process never loads it).
    monkeypatch.setattr(pipeline, "extract_raw", broken)
    (result,) = extract_many([good])
    assert isinstance(result, Failure)
    assert result.error == "internal_error"
    assert result.message.startswith(
        "ZeroDivisionError: division by zero in a rule (extracting, at "
    )
    assert result.message.endswith(
        f"test_batch_extract_many.py:{broken.__code__.co_firstlineno + 1})"
    )
    assert result.sha256 is not None


def test_progress_is_reported_after_every_document(tmp_path: Path) -> None:
    paths = [*_docs(tmp_path, 3), tmp_path / "missing.txt"]
    seen: list[Progress] = []
    list(extract_many(paths, jobs=2, on_progress=seen.append))
    assert [p.done for p in seen] == [1, 2, 3, 4]
    assert seen[-1].failed == 1
    assert seen[-1].total == 4
    assert seen[-1].bytes_done == seen[-1].bytes_total == sum(p.stat().st_size for p in paths[:3])


def test_jobs_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        extract_many([], jobs=0)


def test_extract_many_is_public() -> None:
    assert gongmun.extract_many is extract_many
    assert "extract_many" in gongmun.__all__


DEADLY = {0, 7, 8, 20}


def die_on_some(n: int) -> int:
    """A worker function that kills its own process, as a crash in native code would."""
    if n in DEADLY:
        os._exit(1)
    return n * 10


@pytest.mark.parametrize("window", [1, 4, 16])
def test_a_worker_that_dies_costs_only_its_own_item(window: int) -> None:
    got = list(map_ordered(die_on_some, range(24), jobs=2, on_crash=lambda n: -n, window=window))
    assert got == [-n if n in DEADLY else n * 10 for n in range(24)]
