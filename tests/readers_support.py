"""Shared helpers of the reader tests: fixture paths, seed text, figures of a Document."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import gongmun
from gongmun.errors import InputError
from gongmun.models import Document
from gongmun.pipeline import extract_raw
from gongmun.readers import RawInput, read_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "readers"
SEED000 = ROOT / "seeds" / "000_886f75df79befddd.txt"
SEED003 = ROOT / "seeds" / "003_2ee121a4d2448004.txt"

# Lines of seed 000 every reader must carry through (amount, period, title, table cell).
SEED000_KEY_LINES = (
    "2028년까지 4년간 6개 과제에 총 600억원 지원 예정",
    "동 사업은 과제당 4년간 100억원, 6개 과제 총 600억원 규모로 지원할 예정",
    "□ (기간/규모) 2025년 ~ , 과제당 4년간 100억원 규모 지원",
    "ㅇ `25년 정부 예산(안) 기준, 3개 분야 6개 과제 92억원",
    "산업통상자원부(장관 안덕근, 이하 산업부)는 미래기술을 이끌 핵심 소부장",
)


def seed_text(path: Path = SEED000) -> str:
    """A seed's text."""
    return path.read_text(encoding="utf-8")


def task_rows() -> tuple[tuple[str | None, ...], ...]:
    """Seed 000's task table, header first, None under merged 분과 cells."""
    rows = json.loads((FIXTURES / "seed000_tasks.json").read_text(encoding="utf-8"))
    return tuple(tuple(r) for r in rows)


def figures(doc: gongmun.Document) -> tuple[list[int], list[Any]]:
    """The amounts (won) and periods (start, end, years) of a document, sorted."""
    amounts = sorted(a.value_krw for a in doc.amounts)
    periods = sorted(
        (
            p.start.model_dump_json() if p.start else "",
            p.end.model_dump_json() if p.end else "",
            p.duration_years or 0,
        )
        for p in doc.periods
    )
    return amounts, periods


def squash(text: str) -> str:
    """Text without any whitespace, to compare content whatever the line breaks."""
    return "".join(text.split())


def read_error(path: Path | str) -> InputError:
    """Read ``path`` expecting one clear error, and check the message names the file."""
    with pytest.raises(InputError) as info:
        read_path(path)
    assert str(path) in str(info.value)
    return info.value


@lru_cache(maxsize=64)
def read_and_extract(path: Path) -> tuple[RawInput, Document]:
    """A file's reader output and its record, made once per test run (the real files'
    tests share them rather than extract each file again)."""
    raw = read_path(path)
    return raw, extract_raw(raw)
