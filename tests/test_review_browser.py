"""The review site in a real browser (headless Chromium): the DOM after the scripts ran.

One browser run per page, few pages. Skipped only when Chromium is not installed (CI
installs it: .ci/run). The screenshot goes to $GONGMUN_TEST_ARTEFACTS (default: a
gongmun-artefacts folder in the temp directory), never into the repository.
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
from pathlib import Path

import pytest

from gongmun.cli import main
from tests.review_support import chromium, dump_dom, parse, records_in, screenshot

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.skipif(
    chromium() is None, reason="chromium is not installed (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    tmp = tmp_path_factory.mktemp("seeds")
    out = tmp / "seeds.jsonl"
    assert main(["extract", str(ROOT / "seeds"), "-o", str(out), "-q"]) == 0
    assert main(["review", str(out), "-o", str(tmp / "site")]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    return tmp / "site", records


def _folder(site: Path, path: str) -> Path:
    index = parse((site / "index.html").read_text("utf-8"))
    link = next(e for e in index.iter() if e.tag == "a" and e.text() == path)
    return (site / link.attrs["href"]).parent


def test_every_record_of_the_seeds_is_in_the_browsers_dom(
    seeds_site: tuple[Path, list[dict[str, object]]],
) -> None:
    site, records = seeds_site
    for record in records:
        source = record["source"]
        assert isinstance(source, dict)
        found: dict[tuple[str, int], str] = {}
        for sheet in sorted(_folder(site, source["path"]).glob("[0-9]*.html")):
            for e in records_in(parse(dump_dom(sheet))):
                if e.tag == "mark":
                    key = (e.attrs["data-kind"], int(e.attrs["data-index"]))
                    assert key not in found
                    found[key] = e.text()
        want = {("amount", i): a["text"] for i, a in enumerate(record["amounts"])}  # type: ignore[arg-type]
        want |= {("period", i): p["text"] for i, p in enumerate(record["periods"])}  # type: ignore[arg-type]
        want |= {("project", i): p["name"] for i, p in enumerate(record["projects"])}  # type: ignore[arg-type]
        assert found == want, source["path"]


def test_a_seed_page_screenshot_is_kept_as_an_artefact(
    seeds_site: tuple[Path, list[dict[str, object]]],
) -> None:
    site, _records = seeds_site
    artefacts = Path(
        os.environ.get("GONGMUN_TEST_ARTEFACTS", Path(tempfile.gettempdir()) / "gongmun-artefacts")
    )
    artefacts.mkdir(parents=True, exist_ok=True)
    png = artefacts / "review-seed000.png"
    png.unlink(missing_ok=True)
    page = _folder(site, str(ROOT / "seeds" / "000_886f75df79befddd.txt")) / "1.html"
    screenshot(page, png, "?show=project-0")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 1000)
    print(f"screenshot: {png}")


HOSTILE = (
    "보도자료\n<script>document.title='pwned'</script>\n"
    '"><img src=x onerror="document.title=\'pwned\'"> 사업에 총 5억원 지원\n'
)


def test_hostile_text_is_shown_as_text_and_runs_nothing(tmp_path: Path) -> None:
    doc = tmp_path / "<img src=x onerror=alert(1)>.txt"
    doc.write_text(HOSTILE, "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(doc), "-o", str(out), "-q"]) == 0
    assert main(["review", str(out), "-o", str(tmp_path / "site")]) == 0
    page = next((tmp_path / "site" / "docs").glob("*/1.html"))
    dom = parse(dump_dom(page, "?show=amount-0"))
    record = json.loads(out.read_text("utf-8"))
    title = next(e for e in dom.iter() if e.tag == "title").text()
    assert title == f"{record['meta']['title'] or doc} — gongmun review"  # as written, unchanged
    assert not [e for e in dom.iter() if e.tag == "img"]
    scripts = [e for e in dom.iter() if e.tag == "script"]
    assert [s.attrs.get("src") for s in scripts] == ["../../assets/review.js"]
    assert next(e for e in dom.iter() if e.tag == "pre").text() == record["text"]
    tip = dom.find_id("tip")  # our script did run: it filled the tooltip
    assert tip is not None
    assert "hidden" not in tip.attrs
    assert "500,000,000원" in tip.text()
    index = parse(dump_dom(tmp_path / "site" / "index.html"))
    assert not [e for e in index.iter() if e.tag == "img"]
    assert next(e for e in index.iter() if e.tag == "title").text() == "gongmun review"


def test_a_table_figure_shows_its_table_with_the_cell_marked(tmp_path: Path) -> None:
    name = "made/tables_markdown_press.expected.json"
    record = json.loads((ROOT / "fixtures" / name).read_text("utf-8"))
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    assert main(["review", str(out), "-o", str(tmp_path / "site")]) == 0
    i, amount = next((i, a) for i, a in enumerate(record["amounts"]) if a["cell"])
    dom = parse(dump_dom(next((tmp_path / "site" / "docs").glob("*/1.html")), f"?show=amount-{i}"))
    tip = dom.find_id("tip")
    assert tip is not None
    (hit,) = [e for e in tip.iter() if e.attrs.get("class") == "hit"]
    assert hit.attrs["data-row"] == str(amount["cell"]["row"])
    assert hit.attrs["data-col"] == str(amount["cell"]["col"])
    assert amount["text"].lstrip("△▽-") in hit.text()


def test_the_index_filters_and_sorts(seeds_site: tuple[Path, list[dict[str, object]]]) -> None:
    site, records = seeds_site
    dom = parse(dump_dom(site / "index.html", "?q=산업통상자원부&sort=-amounts"))
    rows = [e for e in dom.iter() if e.tag == "tr"][1:]
    shown = [r for r in rows if "hidden" not in r.attrs]
    counts = [int(r.iter()[-5].text()) for r in shown]  # the amounts column
    assert counts == sorted(counts, reverse=True)
    assert len(shown) == len(rows) == len(records)
    dom = parse(dump_dom(site / "index.html", "?q=press_release"))
    shown = [e for e in dom.iter() if e.tag == "tr" and "hidden" not in e.attrs][1:]
    kinds = [r["meta"]["kind"] for r in records]  # type: ignore[index]
    assert len(shown) == kinds.count("press_release") >= 1
