"""`tidings export --format parquet` read with the default calls of pandas, pyarrow, DuckDB and
Polars (and Spark, in test_spark.py) gives the rows of `tidings query --format jsonl`, with the
types each reader gives that JSON Lines. Partition columns (Year, MonthYear) are folders: pyarrow
and pandas read any Hive partition as a dictionary (category) of int32, which is checked as such."""

import json
import math
import pathlib

import pandas as pd
import pyarrow as pa
import pyarrow.json as pajson
import pyarrow.parquet as pq
import pytest

from conftest import run

PARTITION = ("Year", "MonthYear")


@pytest.fixture(scope="module")
def exported(cli_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    run("export", "--format", "parquet", "--out", str(out / "pq"), "--db", str(cli_db))
    jsonl = out / "events.jsonl"
    jsonl.write_text(run("query", "--format", "jsonl", "--db", str(cli_db)), encoding="utf-8")
    return out / "pq", jsonl


def reference(jsonl: pathlib.Path) -> list:
    return [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]


def same_value(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    if isinstance(a, float) or isinstance(b, float):
        return b is not None and abs(float(a) - float(b)) < 1e-9
    return a == b


def check_rows(records: list, expected: list):
    """Rows (dicts) in GLOBALEVENTID order equal the JSON Lines' values."""
    assert len(records) == len(expected)
    records = sorted(records, key=lambda r: r["GLOBALEVENTID"])
    expected = sorted(expected, key=lambda r: r["GLOBALEVENTID"])
    for got, want in zip(records, expected):
        assert set(got) == set(want)
        for k in want:
            value = got[k].item() if hasattr(got[k], "item") else got[k]
            assert same_value(value, want[k]), (k, value, want[k])


def test_files_are_few_and_zstd(exported):
    pq_dir, jsonl = exported
    files = sorted(pq_dir.rglob("*.parquet"))
    months = {(r["Year"], r["MonthYear"]) for r in reference(jsonl)}
    assert len(files) == len(months) < len(reference(jsonl)) / 10
    meta = pq.ParquetFile(files[0]).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"


def test_pyarrow(exported):
    pq_dir, jsonl = exported
    table = pq.read_table(pq_dir)
    from_json = pajson.read_json(jsonl)
    assert table.num_rows == from_json.num_rows
    for field in from_json.schema:
        got = table.schema.field(field.name).type
        if field.name in PARTITION:
            assert pa.types.is_dictionary(got) and pa.types.is_integer(got.value_type), got
        elif pa.types.is_null(field.type):  # a column null in every row of the JSON Lines
            assert table.column(field.name).null_count == table.num_rows
        else:
            assert got == field.type, (field.name, got, field.type)
    rows = table.to_pylist()
    for r in rows:
        for p in PARTITION:
            r[p] = int(r[p])
    check_rows(rows, reference(jsonl))


def test_pandas(exported):
    pq_dir, jsonl = exported
    frame = pd.read_parquet(pq_dir)
    from_json = pd.read_json(jsonl, lines=True, dtype=False)
    assert len(frame) == len(from_json)
    for name, dtype in from_json.dtypes.items():
        if name in PARTITION:
            assert isinstance(frame[name].dtype, pd.CategoricalDtype), frame[name].dtype
            assert pd.api.types.is_integer_dtype(frame[name].cat.categories.dtype)
        else:
            assert frame[name].dtype == dtype, (name, frame[name].dtype, dtype)
    frame[list(PARTITION)] = frame[list(PARTITION)].astype("int64")
    assert (frame.EventCode.str.len() >= 3).all()  # "0873", not 873
    check_rows(frame.to_dict("records"), reference(jsonl))


def test_duckdb(exported):
    duckdb = pytest.importorskip("duckdb")
    pq_dir, jsonl = exported
    parquet = duckdb.sql(f"SELECT * FROM read_parquet('{pq_dir}/**/*.parquet')")
    from_json = duckdb.sql(f"SELECT * FROM read_json('{jsonl}')")
    types = dict(zip(parquet.columns, map(str, parquet.types)))
    for name, t in zip(from_json.columns, map(str, from_json.types)):
        if t == "NULL" or (t == "JSON" and name not in types):
            continue
        assert types[name] == t, (name, types[name], t)
    columns = from_json.columns
    rows = [dict(zip(parquet.columns, r)) for r in parquet.fetchall()]
    assert set(parquet.columns) == set(columns)
    check_rows(rows, reference(jsonl))


def test_polars(exported):
    pl = pytest.importorskip("polars")
    pq_dir, jsonl = exported
    frame = pl.read_parquet(pq_dir)
    # undated events come first with SQLDATE null: Polars must see every row to type it
    from_json = pl.read_ndjson(jsonl, infer_schema_length=None)
    assert frame.height == from_json.height
    for name, dtype in from_json.schema.items():
        if dtype == pl.Null:
            assert frame[name].null_count() == frame.height
        else:
            assert frame.schema[name] == dtype, (name, frame.schema[name], dtype)
    check_rows(frame.to_dicts(), reference(jsonl))
