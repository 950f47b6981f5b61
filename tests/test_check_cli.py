"""gongmun check: expectations beside inputs, a per-field diff, exit 1 on any change."""

import json
import shutil
from pathlib import Path

import pytest

from gongmun.check import check_dir, diff, expected_path
from gongmun.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    root = tmp_path / "fixtures"
    (root / "seeds").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, root / "seeds" / seed.name)
    (root / "made").mkdir()
    (root / "made" / "memo.txt").write_text("ㅇ 총 600억원 규모, ’25~’29\n", encoding="utf-8")
    (root / "made" / "empty.txt").write_bytes(b"")
    return root


def test_update_then_check_passes(cases: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(cases)]) == 1
    assert "NEW made/memo.txt" in capsys.readouterr().out
    assert main(["check", str(cases), "--update"]) == 0
    assert main(["check", str(cases)]) == 0
    assert "all 4 documents match" in capsys.readouterr().out
    expected = json.loads((cases / "made" / "memo.expected.json").read_text(encoding="utf-8"))
    assert expected["source"]["path"] == "made/memo.txt"  # relative to DIR: stable anywhere
    empty = json.loads((cases / "made" / "empty.expected.json").read_text(encoding="utf-8"))
    assert (empty["path"], empty["error"]) == ("made/empty.txt", "empty")
    raw = (cases / "made" / "memo.expected.json").read_text(encoding="utf-8")
    assert "총 600억원" in raw
    assert list(expected) == sorted(expected)


def test_a_changed_value_is_shown_per_field_and_fails(
    cases: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(cases), "--update"])
    capsys.readouterr()
    exp = cases / "made" / "memo.expected.json"
    record = json.loads(exp.read_text(encoding="utf-8"))
    kind = record["meta"]["kind"]
    record["meta"]["kind"] = "bill" if kind != "bill" else "news"
    record["source"]["media_type"] = "text/html"
    n = len(record["amounts"])
    record["amounts"].append(
        {"text": "9억원", "value_krw": 900_000_000, "span": {"start": 0, "end": 3}}
    )
    exp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (cases / "made" / "empty.txt").write_text("이제 내용이 있음\n", encoding="utf-8")

    assert main(["check", str(cases)]) == 1
    out = capsys.readouterr().out
    assert "CHANGED made/memo.txt" in out
    assert f'    meta.kind: "{record["meta"]["kind"]}" -> "{kind}"' in out
    assert '    source.media_type: "text/html" -> "text/plain"' in out
    assert f'    amounts[{n}]: removed "9억원" (900000000)' in out
    assert "CHANGED made/empty.txt\n    was a failure (empty: file is empty), now a document" in out
    assert "2 of 4 differ" in out
    assert "seeds/" not in out

    assert main(["check", str(cases), "--update"]) == 0
    assert main(["check", str(cases)]) == 0


def test_an_expectation_without_its_input_is_stale(
    cases: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(cases), "--update"])
    (cases / "made" / "memo.txt").unlink()
    assert main(["check", str(cases)]) == 1
    assert "STALE made/memo.expected.json" in capsys.readouterr().out
    main(["check", str(cases), "--update"])
    assert not (cases / "made" / "memo.expected.json").exists()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert main(["check", str(tmp_path)]) == 2
    assert "no documents to check" in capsys.readouterr().err
    (tmp_path / "README.md").write_text("# 설명", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2  # a README is not a fixture


def test_inputs_sharing_a_name_keep_their_extensions(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("총 1억원", encoding="utf-8")
    (tmp_path / "a.md").write_text("총 2억원", encoding="utf-8")
    (tmp_path / "b.txt").write_text("총 3억원", encoding="utf-8")
    assert main(["check", str(tmp_path), "--update"]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.expected.json")) == [
        "a.md.expected.json",
        "a.txt.expected.json",
        "b.expected.json",
    ]
    assert main(["check", str(tmp_path)]) == 0


def test_check_dir_with_two_jobs_agrees(cases: Path) -> None:
    main(["check", str(cases), "--update"])
    assert {r.status for r in check_dir(cases, jobs=2)} == {"ok"}


def test_expected_path_is_beside_the_input() -> None:
    assert expected_path(Path("a/b/보도자료.pdf")) == Path("a/b/보도자료.expected.json")


def test_list_diff_aligns_records_so_an_insertion_is_one_line() -> None:
    old = {"periods": [{"text": "’25~’29"}, {"text": "’26~’28"}]}
    new = {"periods": [{"text": "’24~’28"}, {"text": "’25~’29"}, {"text": "’26~’28"}]}
    assert list(diff(old, new)) == ['periods[0]: added "’24~’28"']
    assert list(diff(new, old)) == ['periods[0]: removed "’24~’28"']


def test_diff_of_scalars_types_and_long_text() -> None:
    assert list(diff({"a": 1}, {"a": True})) == ["a: 1 -> true"]
    assert list(diff({"a": None}, {})) == ["a: removed (was null)"]
    old = "가" * 200
    new = "가" * 150 + "나" + "가" * 49
    (line,) = diff({"text": old}, {"text": new})
    assert line.startswith("text: differs from offset 150 (length 200 -> 200)")
    assert list(diff({"x": [1, 2]}, {"x": [1, 2]})) == []
