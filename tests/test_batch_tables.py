"""Flat tables: rows for amounts, periods and projects, read back from CSV and Parquet."""

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from gongmun.models import Document, Failure
from gongmun.writers import TableWriter, table_dir_problem
from gongmun.writers_jsonl import OutputError
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
    got = (amount["value_krw"], amount["span_start"], amount["raw_span_end"])
    assert got == (60_000_000_000, 2, 7)
    (period,) = rows["periods"]
    assert (period["start_year"], period["end_year"], period["raw_span_start"]) == (
        2025,
        2029,
        None,
    )
    (project,) = rows["projects"]
    assert project["total_value_krw"] == 60_000_000_000
    assert project["period_text"] == "’25~’29"
    assert project["annual"][0]["year"] == 2025
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


def test_one_writer_per_folder_and_a_killed_runs_partial_folder_is_removed(
    tmp_path: Path,
) -> None:
    # What `kill -9` leaves: a partial folder of our tables; and a folder that only
    # looks like one (a file of the user's in it) that must stay.
    stale = tmp_path / ".t.partial-dead1"
    stale.mkdir()
    (stale / "amounts.csv").write_text("path,sha256\n")
    mine = tmp_path / ".t.partial-mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("x")
    writer = TableWriter(tmp_path / "t", "csv")
    assert not stale.exists()
    assert (mine / "notes.txt").read_text() == "x"
    with pytest.raises(OutputError, match="another gongmun run is writing it"):
        TableWriter(tmp_path / "t", "csv")
    writer.write(_document())
    writer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".t.partial-mine", "t"]
    TableWriter(tmp_path / "t", "csv").abort()  # free again once closed; abort keeps "t"
    assert (tmp_path / "t" / "amounts.csv").exists()


def test_a_directory_holding_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("x")
    assert "other files" in (table_dir_problem(tmp_path) or "")
    assert table_dir_problem(tmp_path / "new") is None
    (tmp_path / "f").write_text("x")
    assert "not a directory" in (table_dir_problem(tmp_path / "f") or "")


def _written(tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / "tables"
    writer = TableWriter(out, fmt)
    writer.write(_document())
    writer.write(Failure(path="b.pdf", error="encrypted_pdf", message="암호", sha256=None))
    writer.close()
    return out


def test_parquet_columns_are_typed_from_the_models_in_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = _written(tmp_path, "parquet")
    con = duckdb.connect()
    described = con.execute(f"DESCRIBE SELECT * FROM '{out / 'projects.parquet'}'").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["total_value_krw"] == "BIGINT"
    assert types["period_start_year"] == "BIGINT"
    assert types["annual"].startswith("STRUCT(")
    assert types["annual"].endswith("[]")
    assert "value_krw BIGINT" in types["annual"]
    assert types["funding"].endswith("[]")
    year, value = con.execute(
        f"SELECT a.year, a.amount.value_krw FROM (SELECT unnest(annual) AS a "
        f"FROM '{out / 'projects.parquet'}')"
    ).fetchone()
    assert (year, value) == (2025, 60_000_000_000)
    docs = {
        r[0]: r[1]
        for r in con.execute(f"DESCRIBE SELECT * FROM '{out / 'documents.parquet'}'").fetchall()
    }
    assert docs["issued"] == "DATE"
    assert docs["contacts"] == "VARCHAR[]"
    assert docs["amounts"] == "BIGINT"
    amounts = {
        r[0]: r[1]
        for r in con.execute(f"DESCRIBE SELECT * FROM '{out / 'amounts.parquet'}'").fetchall()
    }
    assert amounts["unit_implied"] == "BOOLEAN"
    assert amounts["value_krw"] == "BIGINT"


def test_parquet_reads_typed_in_pandas(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = _written(tmp_path, "parquet")
    projects = pd.read_parquet(out / "projects.parquet")
    assert str(projects["total_value_krw"].dtype) == "int64"
    (annual,) = projects["annual"]
    assert annual[0]["year"] == 2025
    assert annual[0]["amount"]["value_krw"] == 60_000_000_000
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs["path"].tolist() == ["a.txt"]
    failures = pd.read_parquet(out / "failures.parquet")
    assert failures["error"].tolist() == ["encrypted_pdf"]


def test_parquet_and_the_engines_partition_type_each_field_the_same(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from gongmun.engines.partition import partition_schema

    out = _written(tmp_path, "parquet")
    document = partition_schema().field("document").type

    def record_type(name: str) -> object:
        return document.field(name).type.value_type  # list<struct<...>> → struct

    def loose(t: object) -> str:
        # Parquet asks for every field nullable and calls a list's items "element";
        # the types must otherwise be one.
        return str(t).replace(" not null", "").replace("<element: ", "<item: ")

    checked = 0
    for table, record in (("projects", "projects"), ("amounts", "amounts")):
        schema = pq.read_schema(out / f"{table}.parquet")
        struct = record_type(record)
        for i in range(struct.num_fields):
            f = struct.field(i)
            if f.name in schema.names and not str(f.type).startswith(("string", "int", "bool")):
                assert loose(schema.field(f.name).type) == loose(f.type), f.name
                checked += 1
    assert checked >= 2  # annual and funding at least: nested lists of structs


def test_a_date_is_a_date_and_a_new_model_field_gets_its_column() -> None:
    from gongmun.writers_tables import spec_of

    assert {c.name: c.kind for c in TABLES["documents"]}["issued"] == "date"
    # Every field of every record type has a column: a field added later types itself.
    amount_cols = {c.name for c in TABLES["amounts"]}
    from gongmun.models import Amount

    for name, field in Amount.model_fields.items():
        spec = spec_of(field.annotation)
        assert name in amount_cols or any(c.startswith(name + "_") for c in amount_cols), spec


def test_csv_with_a_bom_for_excel_and_lists_as_json(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    writer = TableWriter(out, "csv", bom=True)
    writer.write(_document())
    writer.close()
    raw = (out / "projects.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfpath,sha256,")
    with (out / "projects.csv").open(encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert json.loads(row["annual"])[0]["amount"]["value_krw"] == 60_000_000_000
    assert row["total_value_krw"] == "60000000000"
    plain = _written(tmp_path / "plain", "csv")
    assert (plain / "projects.csv").read_bytes().startswith(b"path,")
