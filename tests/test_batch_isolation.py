"""No document can take a batch down: a failure at any stage, or a record JSON cannot
hold, is that document's failure record, and the documents after it still come out."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

import gongmun
from gongmun import batch
from gongmun.batch import TextInput, extract_many
from gongmun.cli import main
from gongmun.models import Document, Failure, Period, Span, TimePoint
from gongmun.paths import original_path

# Curly quotes and a wide tilde: normalizing has edits to apply.
GOOD = "ㅇ ’25∼’29,  총 600억원 지원\n"


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("injected failure")


def _bad_period(*args: Any, **kwargs: Any) -> list[Period]:
    # A period whose span does not show its text: the Document refuses to be built.
    return [Period(text="없는 글", start=TimePoint(year=2025), end=None, span=Span(start=0, end=4),
                   raw_span=None)]  # fmt: skip


STAGES = [
    ("gongmun.readers.text.decode_document", _boom, "internal_error", "reading"),
    ("gongmun.normalize.apply_edits", _boom, "internal_error", "normalizing"),
    ("gongmun.extractors.amounts._explicit", _boom, "internal_error", "extracting"),
    ("gongmun.pipeline.find_periods", _bad_period, "internal_error", "validating the record"),
    ("gongmun.batch.serialize", _boom, "unserializable", "cannot be written as JSON"),
]


def _first_call(real: Any, fault: Any) -> Any:
    """``real``, except that its first call is ``fault``: only the first document fails."""
    calls = {"n": 0}

    def fake(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return fault(*args, **kwargs) if calls["n"] == 1 else real(*args, **kwargs)

    return fake


@pytest.mark.parametrize(("target", "fault", "code", "said"), STAGES)
def test_a_failure_at_each_stage_is_a_record_and_the_batch_goes_on(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    fault: Any,
    code: str,
    said: str,
) -> None:
    paths = []
    for name in ("a.txt", "b.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(GOOD, encoding="utf-8")
    module_name, _, name = target.rpartition(".")
    # import_module: `gongmun.normalize` as an attribute is the function, not the package.
    module = importlib.import_module(module_name)
    monkeypatch.setattr(module, name, _first_call(getattr(module, name), fault))
    one, two = extract_many(paths)
    assert isinstance(one, Failure), one
    assert (one.error, one.path) == (code, str(paths[0]))
    assert said in one.message
    assert "injected failure" in one.message or fault is _bad_period
    assert isinstance(two, Document)
    assert two.amounts[0].value_krw == 60_000_000_000
    json.loads(batch.serialize(one))


def test_a_lone_surrogate_in_the_text_is_an_unserializable_failure_not_a_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = TextInput("총 600억원 지원 \ud800 끝", "bad.txt")
    good = TextInput(GOOD, "good.txt")
    results = list(extract_many([bad, good]))
    assert isinstance(results[0], Failure)
    assert results[0].error == "unserializable"
    assert isinstance(results[1], Document)
    for r in results:
        batch.serialize(r).encode("utf-8")


@pytest.mark.parametrize(
    "name",
    [b"b\xff.txt", "보도자료.txt".encode("cp949"), b"\xed\xa0\x80x.txt"],
    ids=["latin1-byte", "cp949", "encoded-surrogate"],
)
def test_a_file_name_that_is_not_utf8_is_escaped_and_recoverable(
    tmp_path: Path, name: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = os.fsencode(tmp_path)
    try:
        fd = os.open(folder + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, GOOD.encode("utf-8"))
        os.close(fd)
        os.close(os.open(folder + b"/" + b"empty" + name, os.O_WRONLY | os.O_CREAT, 0o644))
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    path = os.fsdecode(folder + b"/" + name)
    empty = os.fsdecode(folder + b"/" + b"empty" + name)
    assert main(["extract", empty, path, "-j", "1", "--timeout", "0"]) == 1
    out, err = capsys.readouterr()
    failure, doc = (json.loads(line) for line in out.splitlines())
    assert "\\x" in doc["source"]["path"]
    assert original_path(doc["source"]["path"], doc["source"]["path_bytes"]) == path
    assert Path(original_path(doc["source"]["path"], doc["source"]["path_bytes"])).is_file()
    assert original_path(failure["path"], failure["path_bytes"]) == empty
    assert failure["error"] == "empty"
    err.encode("utf-8")  # stderr holds no surrogate either
    assert "\\x" in err


def test_a_newline_in_a_file_name_cannot_forge_a_message_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sneaky = tmp_path / "x.txt\ngongmun: everything is fine.txt"
    sneaky.write_bytes(b"")
    assert main(["extract", str(sneaky), "--timeout", "0", "-j", "1"]) == 1
    _, err = capsys.readouterr()
    assert not any(line.startswith("gongmun: everything") for line in err.splitlines())
    assert "x.txt\\ngongmun: everything is fine.txt" in err


def test_html_declaring_utf7_never_crashes_a_batch(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    # +2ADcAA- is UTF-7 for a lone high surrogate.
    page.write_bytes(
        b'<html><head><meta charset="utf-7"></head><body><p>+2ADcAA- 600+-</p></body></html>'
    )
    results = list(extract_many([page, TextInput(GOOD, "after.txt")]))
    assert isinstance(results[1], Document)
    json.loads(batch.serialize(results[0]))


class TestExtractPathOrText:
    def test_a_mistyped_path_is_not_found_not_text(self) -> None:
        for name in ("typo.txt", "inbox/보도자료.hwp", "내 문서.pdf", "seeds/000"):
            with pytest.raises(gongmun.InputError) as e:
                gongmun.extract(name)
            assert e.value.code == "not_found"
            assert e.value.path == name

    def test_a_path_object_naming_no_file_is_not_found(self, tmp_path: Path) -> None:
        with pytest.raises(gongmun.InputError) as e:
            gongmun.extract(tmp_path / "없음")
        assert e.value.code == "not_found"

    def test_long_one_line_text_is_text_not_an_os_error(self) -> None:
        doc = gongmun.extract("가" * 100)
        assert doc.text == "가" * 100
        doc = gongmun.extract("총 600억원 " * 200)
        assert len(doc.amounts) == 200

    def test_extract_text_takes_anything_as_text(self) -> None:
        doc = gongmun.extract_text("typo.txt")
        assert doc.text == "typo.txt"
        assert doc.source.media_type == "text/plain"

    def test_records_say_which_gongmun_and_reader_made_them(self, tmp_path: Path) -> None:
        p = tmp_path / "a.txt"
        p.write_text(GOOD, encoding="utf-8")
        doc = gongmun.extract(p)
        assert doc.source.gongmun_version == gongmun.__version__
        assert doc.source.reader == f"gongmun {gongmun.__version__}"
        (failure,) = extract_many([tmp_path / "none.txt"])
        assert isinstance(failure, Failure)
        assert failure.gongmun_version == gongmun.__version__

    def test_the_version_is_the_installed_one(self) -> None:
        from importlib.metadata import version

        assert gongmun.__version__ == version("gongmun")
