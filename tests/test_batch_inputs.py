"""Which paths a batch takes: directories by extension, globs, stdin, duplicates."""

from pathlib import Path

import pytest

from gongmun.inputs import find_documents


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in [
        "b/2.pdf",
        "b/1.HWPX",
        "a.txt",
        "notes.json",
        "c/d/deep.html",
        ".git/x.txt",
        "c/.cache/y.txt",
        "a.expected.json",
    ]:
        p = tmp_path / "docs" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_directories_are_walked_by_extension_in_path_order(tree: Path) -> None:
    assert find_documents(["docs"]) == [
        "docs/a.txt",
        "docs/b/1.HWPX",
        "docs/b/2.pdf",
        "docs/c/d/deep.html",
    ]


def test_globs_are_sorted_and_files_named_explicitly_are_always_taken(tree: Path) -> None:
    assert find_documents(["docs/b/*", "docs/notes.json"]) == [
        "docs/b/1.HWPX",
        "docs/b/2.pdf",
        "docs/notes.json",
    ]
    assert find_documents(["docs/**/*.html"]) == ["docs/c/d/deep.html"]


def test_a_path_met_twice_is_kept_once_where_it_first_appears(tree: Path) -> None:
    got = find_documents(["docs/b/2.pdf", "docs/b", "./docs/b/2.pdf"])
    assert got == ["docs/b/2.pdf", "docs/b/1.HWPX"]


def test_stdin_missing_files_and_empty_matches(tree: Path) -> None:
    assert find_documents(["-", "gone.txt"]) == ["-", "gone.txt"]
    assert find_documents(["docs/*.nothing", str(tree / "empty_dir_missing/*")]) == []
