"""Start-up stays light: heavy libraries load only when a document needs them.

Each check runs in a fresh interpreter and looks at ``sys.modules`` (no timing).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("pdfplumber", "pdfminer", "pyarrow", "kiwipiepy", "pydantic")


def _loaded(code: str) -> list[str]:
    """The HEAVY modules (and gongmun's pipeline) loaded after running ``code``."""
    probe = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps([m for m in {[*HEAVY, 'gongmun.pipeline']!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    loaded: list[str] = json.loads(out.stdout.strip().splitlines()[-1])
    return loaded


def test_import_gongmun_loads_no_heavy_library() -> None:
    assert _loaded("import gongmun") == []


def test_help_and_version_load_no_heavy_library() -> None:
    for flag in ("--help", "--version"):
        code = (
            "import contextlib, io\nfrom gongmun.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    main([{flag!r}])"
        )
        assert _loaded(code) == [], flag


def test_text_document_loads_no_pdf_table_or_kiwi_library(tmp_path: Path) -> None:
    doc = tmp_path / "memo.txt"
    doc.write_text("□ 2025년 예산 600억원 지원\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = (
        "from gongmun.cli import main\n"
        f"assert main(['extract', {str(doc)!r}, '-q', '-j', '1', '-o', {str(out)!r}]) == 0"
    )
    loaded = _loaded(code)
    assert not {"pdfplumber", "pdfminer", "pyarrow", "kiwipiepy"} & set(loaded)
    assert json.loads(out.read_text(encoding="utf-8"))["amounts"]


def test_a_json_lines_run_leaves_the_models_and_pipeline_to_its_worker(tmp_path: Path) -> None:
    # The worker (a time limit needs one) extracts and writes the JSON; the CLI's own
    # process only writes it out, so it loads neither pydantic nor the rules.
    doc = tmp_path / "memo.txt"
    doc.write_text("□ 2025년 예산 600억원 지원\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = (
        "from gongmun.cli import main\n"
        f"assert main(['extract', {str(doc)!r}, '-q', '-o', {str(out)!r}]) == 0"
    )
    assert _loaded(code) == []
    assert json.loads(out.read_text(encoding="utf-8"))["amounts"]


def test_without_a_time_limit_the_document_is_extracted_in_this_process(tmp_path: Path) -> None:
    doc = tmp_path / "memo.txt"
    doc.write_text("□ 2025년 예산 600억원 지원\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = (
        "from gongmun.cli import main\n"
        f"args = ['extract', {str(doc)!r}, '-q', '-j', '1', '--timeout', '0', '-o', {str(out)!r}]\n"
        "assert main(args) == 0"
    )
    loaded = _loaded(code)
    assert "gongmun.pipeline" in loaded  # it did extract here
    assert not {"pdfplumber", "pdfminer", "pyarrow", "kiwipiepy"} & set(loaded)
    assert json.loads(out.read_text(encoding="utf-8"))["amounts"]


def test_lazy_names_are_the_library_s_own() -> None:
    import gongmun
    import gongmun.normalize.joins  # loading the subpackage keeps the function
    from gongmun.pipeline import extract_text

    assert callable(gongmun.normalize)
    assert gongmun.normalize("총 600억원").text == "총 600억원"
    assert gongmun.extract_text is extract_text
    assert set(gongmun.__all__) <= set(dir(gongmun))
