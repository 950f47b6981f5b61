"""Flat tables: rows for amounts, periods and projects, read back from CSV and Parquet."""

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from gongmun.models import Document, Failure
from gongmun.writers import TableWriter, table_dir_problem
from gongmun.writers_tables import TABLES, table_rows

TEXT = "총 600억원, ’25~’29 「가상사업」"
SHA = "a" * 64


def _amount(text: str, value: int, start: int) -> dict[str, Any]:
    span = {"start": start, "end": start + len(text)}
    return {"text": text, "value_krw": value, "qualifier": "총", "span": span, "raw_span": span}


def _document() -> Document:
    amount = _amount("600억원", 60_000_000_000, 2)
    period = {
        "text": "’25~’29",
        "start": {"year": 2025},
        "end": {"year": 2029},
        "span": {"start": 9, "end": 16},
        "raw_span": None,
    }
    project = {
        "name": "가상사업",
        "period": period,
        "total": amount,
        "annual": [{"year": 2025, "amount": amount}],
        "span": {"start": 17, "end": 23},
    }
    return Document.model_validate(
        {
            "source": {"path": "a.txt", "sha256": SHA, "media_type": "text/plain"},
            "text": TEXT,
            "amounts": [amount],
            "periods": [period],
            "projects": [project],
        }
    )


def test_rows_carry_the_document_key_and_flatten_nested_fields() -> None:
    rows = table_rows(_document().model_dump(mode="json"))
    (amount,) = rows["amounts"]
    assert amount["path"] == "a.txt"
    assert amount["sha256"] == SHA
    assert (amount["value_krw"], amount["span_start"], amount["raw_end"]) == (60_000_000_000, 2, 7)
    (period,) = rows["periods"]
    assert (period["start_year"], period["end_year"], period["raw_start"]) == (2025, 2029, None)
    (project,) = rows["projects"]
    assert project["total_krw"] == 60_000_000_000
    assert project["period_text"] == "’25~’29"
    assert json.loads(project["annual_json"])[0]["year"] == 2025
    assert rows["documents"][0]["amounts"] == 1
    assert rows["failures"] == []
    for name, table in rows.items():
        for row in table:
            assert list(row) == [c.name for c in TABLES[name]]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_round_trip(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "tables"
    writer = TableWriter(out, fmt)
    writer.write(_document())
    writer.write(Failure(path="b.pdf", error="encrypted_pdf", message="암호", sha256=None))
    writer.close()
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in TABLES)
    assert not list(tmp_path.glob(".tables.partial-*"))
    if fmt == "csv":
        with (out / "amounts.csv").open(encoding="utf-8", newline="") as f:
            amounts = list(csv.DictReader(f))
        assert amounts[0]["value_krw"] == "60000000000"
        with (out / "failures.csv").open(encoding="utf-8", newline="") as f:
            assert next(csv.DictReader(f))["error"] == "encrypted_pdf"
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        table = pq.read_table(out / "amounts.parquet")
        assert str(table.schema.field("value_krw").type) == "int64"
        assert table.column("value_krw").to_pylist() == [60_000_000_000]
        assert pq.read_table(out / "projects.parquet").column("name").to_pylist() == ["가상사업"]
        assert pq.read_table(out / "periods.parquet").num_rows == 1


def test_an_aborted_writer_leaves_nothing(tmp_path: Path) -> None:
    writer = TableWriter(tmp_path / "t", "csv")
    writer.write(_document())
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_a_directory_holding_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("x")
    assert "other files" in (table_dir_problem(tmp_path) or "")
    assert table_dir_problem(tmp_path / "new") is None
    (tmp_path / "f").write_text("x")
    assert "not a directory" in (table_dir_problem(tmp_path / "f") or "")
