"""gongmun review, extract --review and export --format label-studio from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gongmun.cli import main
from gongmun.review.label_studio import LABEL_CONFIG
from tests.review_support import parse, records_in

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures"


def _jsonl(tmp_path: Path, names: list[str]) -> Path:
    """A JSONL of fixture expectations (records gongmun wrote), without extracting again."""
    out = tmp_path / "out.jsonl"
    lines = [
        json.dumps(json.loads((FIXTURES / n).read_text("utf-8")), ensure_ascii=False) for n in names
    ]
    out.write_text("\n".join(lines) + "\n", "utf-8")
    return out


ALL = sorted(str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*.expected.json"))


def test_review_writes_an_index_and_a_page_per_document(tmp_path: Path) -> None:
    jsonl = _jsonl(tmp_path, ALL)
    assert main(["review", str(jsonl), "-o", str(tmp_path / "site")]) == 0
    index = parse((tmp_path / "site" / "index.html").read_text("utf-8"))
    rows = [e for e in index.iter() if e.tag == "tr"][1:]
    assert len(rows) == len(ALL)
    failed = [r for r in rows if r.attrs.get("class") == "failed"]
    assert {"broken_pdf", "empty"} <= {
        c.text() for r in failed for c in r.iter() if c.tag == "code"
    }
    links = [e.attrs["href"] for e in index.iter() if e.tag == "a"]
    assert len(links) == len(ALL) - len(failed)
    for href, name in zip(
        links, [n for n in ALL if "broken" not in n and "empty" not in n], strict=True
    ):
        record = json.loads((FIXTURES / name).read_text("utf-8"))
        marks: dict[tuple[str, int], str] = {}
        for sheet in (tmp_path / "site" / href).parent.glob("[0-9]*.html"):  # all parts
            for e in records_in(parse(sheet.read_text("utf-8"))):
                if e.tag == "mark":
                    key = (e.attrs["data-kind"], int(e.attrs["data-index"]))
                    assert key not in marks, "one element per record"
                    marks[key] = e.text()
        want = {("amount", i): a["text"] for i, a in enumerate(record["amounts"])}
        want |= {("period", i): p["text"] for i, p in enumerate(record["periods"])}
        want |= {("project", i): p["name"] for i, p in enumerate(record["projects"])}
        assert marks == want, name


def test_figures_read_from_a_table_carry_their_cell_and_the_table(tmp_path: Path) -> None:
    jsonl = _jsonl(tmp_path, ["made/tables_markdown_press.expected.json"])
    assert main(["review", str(jsonl), "-o", str(tmp_path / "site")]) == 0
    page = parse(next((tmp_path / "site" / "docs").glob("*/1.html")).read_text("utf-8"))
    record = json.loads((FIXTURES / "made/tables_markdown_press.expected.json").read_text("utf-8"))
    i, amount = next((i, a) for i, a in enumerate(record["amounts"]) if a["cell"])
    tip = page.find_id(f"tip-amount-{i}")
    assert tip is not None
    ref = next(e for e in tip.iter() if e.attrs.get("class") == "cellref")
    assert ref.attrs["data-row"] == str(amount["cell"]["row"])
    table = page.find_id(f"table-{amount['cell']['table']}")
    assert table is not None
    cell = next(
        e
        for e in table.iter()
        if e.attrs.get("data-row") == str(amount["cell"]["row"])
        and e.attrs.get("data-col") == str(amount["cell"]["col"])
    )
    assert amount["text"].lstrip("△▽-") in cell.text()


def test_lines_that_are_not_records_are_named_and_the_rest_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = _jsonl(tmp_path, ["seeds/004_74e70da491ccae5b.expected.json"])
    with jsonl.open("a", encoding="utf-8") as f:
        f.write('hello\n{"a": 1}\n')
    assert main(["review", str(jsonl), "-o", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert f"{jsonl} line 2: not JSON" in err
    assert f"{jsonl} line 3: not a gongmun record" in err
    assert len(list((tmp_path / "site" / "docs").iterdir())) == 1


def test_a_directory_holding_other_files_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = _jsonl(tmp_path, ["made/amounts.expected.json"])
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    assert main(["review", str(jsonl), "-o", str(tmp_path / "mine")]) == 2
    assert "holds other files" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    assert main(["review", str(tmp_path / "missing.jsonl")]) == 2


def test_a_second_run_replaces_its_own_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert main(["review", str(_jsonl(tmp_path, ALL)), "-o", str(site)]) == 0
    assert (
        main(["review", str(_jsonl(tmp_path, ["made/amounts.expected.json"])), "-o", str(site)])
        == 0
    )
    assert len(list((site / "docs").iterdir())) == 1


def test_a_record_without_text_is_read_again_from_its_unchanged_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "made" / "amounts.txt", tmp_path / "a.txt")
    assert main(["extract", "a.txt", "-o", "out.jsonl"]) == 0
    record = json.loads(Path("out.jsonl").read_text("utf-8"))
    text = record.pop("text")
    Path("slim.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    assert main(["review", "slim.jsonl", "-o", "site"]) == 0
    page = parse(next(Path("site/docs").glob("*/1.html")).read_text("utf-8"))
    assert next(e for e in page.iter() if e.tag == "pre").text() == text
    Path("a.txt").write_text("바뀐 내용 5억원\n", "utf-8")
    assert main(["review", "slim.jsonl", "-o", "site"]) == 1
    assert "a.txt has changed since it was extracted" in capsys.readouterr().err
    Path("a.txt").unlink()
    assert main(["review", "slim.jsonl", "-o", "site"]) == 1
    assert "its source a.txt is gone" in capsys.readouterr().err


def test_extract_review_writes_the_pages_as_it_goes(tmp_path: Path) -> None:
    docs = [FIXTURES / "made" / "amounts.txt", FIXTURES / "made" / "empty.txt"]
    out, site = tmp_path / "out.jsonl", tmp_path / "site"
    code = main(["extract", *map(str, docs), "-o", str(out), "--review", str(site), "-j", "1"])
    assert code == 1  # the empty file failed; the other is shown
    index = (site / "index.html").read_text("utf-8")
    assert "file is empty" in index
    assert "amounts.txt" in index
    assert len(list((site / "docs").glob("*/1.html"))) == 1
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x").write_text("x")
    assert main(["extract", str(docs[0]), "--review", str(tmp_path / "other")]) == 2


def test_export_label_studio_tasks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = [
        "made/projects.expected.json",
        "made/empty.expected.json",
        "made/tables_markdown_press.expected.json",
    ]
    jsonl = _jsonl(tmp_path, names)
    out, config = tmp_path / "tasks.json", tmp_path / "config.xml"
    assert (
        main(
            [
                "export",
                "--format",
                "label-studio",
                str(jsonl),
                "-o",
                str(out),
                "--label-config",
                str(config),
            ]
        )
        == 0
    )
    tasks = json.loads(out.read_text("utf-8"))
    assert len(tasks) == 2  # the failure has no text to annotate
    assert config.read_text("utf-8") == LABEL_CONFIG
    for t, name in zip(tasks, [names[0], names[2]], strict=True):
        record = json.loads((FIXTURES / name).read_text("utf-8"))
        text = t["data"]["text"]
        assert text == record["text"]
        assert t["data"]["sha256"] == record["source"]["sha256"]
        (prediction,) = t["predictions"]
        result = prediction["result"]
        spans = [r for r in result if r["type"] == "labels"]
        assert len(spans) == len(record["amounts"]) + len(record["periods"]) + len(
            record["projects"]
        )
        for r in spans:
            v = r["value"]
            assert text[v["start"] : v["end"]] == v["text"]
            assert r["from_name"] == "label"
            assert r["to_name"] == "text"
            assert v["labels"][0] in ("amount", "period", "project")
        ids = {r["id"] for r in spans}
        values = [r for r in result if r["type"] == "textarea"]
        assert values
        assert all(r["id"] in ids for r in values)
        amount0 = next(r for r in values if r["id"] == "amount-0")
        assert f"value_krw={record['amounts'][0]['value_krw']}" in amount0["value"]["text"]
        for r in result:
            if r["type"] == "relation":
                assert r["from_id"].startswith("project-")
                assert r["to_id"] in ids
    assert any(r["type"] == "relation" for r in tasks[0]["predictions"][0]["result"])
    assert "2 tasks (1 failed left out" in capsys.readouterr().err


def test_a_resumed_extraction_reviews_its_whole_output(tmp_path: Path) -> None:
    a, b = FIXTURES / "made" / "amounts.txt", FIXTURES / "made" / "periods.txt"
    out, site = tmp_path / "out.jsonl", tmp_path / "site"
    assert main(["extract", str(a), "-o", str(out), "--review", str(site), "-j", "1", "-q"]) == 0
    args = ["extract", str(a), str(b), "-o", str(out), "--resume", "--review", str(site)]
    assert main([*args, "-j", "1", "-q"]) == 0
    index = parse((site / "index.html").read_text("utf-8"))
    linked = sorted(e.text() for e in index.iter() if e.tag == "a")
    assert linked == [str(a), str(b)]  # the kept record too, each once
    assert len(list((site / "docs").glob("*/1.html"))) == 2


def test_warnings_are_listed_with_their_messages_escaped(tmp_path: Path) -> None:
    record = json.loads((FIXTURES / "made" / "amounts.expected.json").read_text("utf-8"))
    record["warnings"] = [
        {
            "code": "unmapped_span",
            "message": "<b>600억원</b> has no raw span",
            "span": {"start": 0, "end": 3},
            "page": 2,
        },
    ]
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    assert main(["review", str(jsonl), "-o", str(tmp_path / "site")]) == 0
    page = parse(next((tmp_path / "site" / "docs").glob("*/1.html")).read_text("utf-8"))
    (section,) = [e for e in page.iter() if e.attrs.get("class") == "warnings"]
    assert "unmapped_span <b>600억원</b> has no raw span at 0–3 (page 2)" in section.text()
    assert not [e for e in section.iter() if e.tag == "b"]  # shown as text
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert '<td class="n" data-v="1">1</td>' in index  # the warnings column


def test_open_opens_the_index_in_a_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    jsonl = _jsonl(tmp_path, ["made/amounts.expected.json"])
    assert main(["review", str(jsonl), "--open"]) == 0
    assert opened == [(tmp_path / "out-review" / "index.html").as_uri()]


def test_an_interrupted_extract_review_indexes_what_was_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongmun.review.cli import ExtractReview

    original = ExtractReview.add_json

    def add_then_stop(self: ExtractReview, line: str, path: str) -> None:
        original(self, line, path)
        raise KeyboardInterrupt  # Ctrl-C right after the first document's pages

    monkeypatch.setattr(ExtractReview, "add_json", add_then_stop)
    docs = [FIXTURES / "made" / "amounts.txt", FIXTURES / "made" / "periods.txt"]
    site = tmp_path / "site"
    args = ["extract", *map(str, docs), "-o", str(tmp_path / "o.jsonl"), "--review", str(site)]
    assert main([*args, "-j", "1", "-q"]) == 130
    index = parse((site / "index.html").read_text("utf-8"))
    assert [e.text() for e in index.iter() if e.tag == "a"] == [str(docs[0])]


def test_all_records_page_links_each_record_to_its_part(tmp_path: Path) -> None:
    name = "seeds/001_051c73b7d6606d90.expected.json"  # long enough for two parts
    record = json.loads((FIXTURES / name).read_text("utf-8"))
    assert main(["review", str(_jsonl(tmp_path, [name])), "-o", str(tmp_path / "site")]) == 0
    (folder,) = (tmp_path / "site" / "docs").iterdir()
    assert len(list(folder.glob("[0-9]*.html"))) >= 2
    page = parse((folder / "records.html").read_text("utf-8"))
    links = [e for e in page.iter() if e.tag == "a" and "#" in e.attrs["href"]]
    total = len(record["amounts"]) + len(record["periods"]) + len(record["projects"])
    assert len(links) == total
    for link in links:
        sheet, key = link.attrs["href"].split("#")
        target = parse((folder / sheet).read_text("utf-8")).find_id(key)
        assert target is not None
        assert target.tag == "mark"
        assert target.text() == link.text()


def _export(jsonl: Path, out: Path, config: Path | None = None) -> int:
    extra = ["--label-config", str(config)] if config else []
    return main(["export", "--format", "label-studio", str(jsonl), "-o", str(out), *extra])


def test_export_never_overwrites_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = _jsonl(tmp_path, ALL[:2])
    before = jsonl.read_bytes()
    assert _export(jsonl, jsonl) == 2
    assert _export(jsonl, tmp_path / "tasks.json", config=jsonl) == 2
    assert jsonl.read_bytes() == before
    assert "is the input" in capsys.readouterr().err


def test_export_replaces_its_own_output_and_refuses_anyone_elses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = _jsonl(tmp_path, ALL[:2])
    out, config = tmp_path / "tasks.json", tmp_path / "config.xml"
    assert _export(jsonl, out, config) == 0
    assert _export(jsonl, out, config) == 0  # a second run replaces what the first wrote
    annotations = b'[{"id": 1, "annotations": [{"result": []}]}]'
    out.write_bytes(annotations)  # what Label Studio exports: someone's work
    assert _export(jsonl, out) == 3
    assert out.read_bytes() == annotations
    out.unlink()
    edited = LABEL_CONFIG.replace("</View>", "<Header value='mine'/></View>")
    config.write_text(edited, "utf-8")
    assert _export(jsonl, out, config) == 3
    assert config.read_text("utf-8") == edited
    assert capsys.readouterr().err.count("it holds data gongmun did not write") == 2
