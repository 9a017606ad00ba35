"""The Parquet export loads into ClickHouse as examples/spark/README.md says, with chDB (ClickHouse
in-process, `pip install chdb`) standing in for a server. Skipped when chdb is not installed."""

import pytest

from test_exports import exported  # noqa: F401  (the fixture)
from test_exports import reference

chdb = pytest.importorskip("chdb", reason="chdb is not installed (pip install chdb)")


def test_clickhouse_loads_the_dataset(exported, tmp_path):  # noqa: F811
    pq_dir, jsonl = exported
    from chdb import session

    s = session.Session(str(tmp_path / "ch"))
    s.query("SET use_hive_partitioning = 1")
    s.query(
        "CREATE TABLE events ENGINE = MergeTree ORDER BY (Year, MonthYear, Actor1Code) AS "
        f"SELECT * FROM file('{pq_dir}/**/*.parquet', Parquet) SETTINGS use_hive_partitioning = 1"
    )
    rows = reference(jsonl)
    count = int(str(s.query("SELECT count() FROM events", "CSV")).strip())
    assert count == len(rows)
    codes = str(s.query("SELECT EventCode FROM events ORDER BY GLOBALEVENTID", "CSV")).split()
    want = [r["EventCode"] for r in sorted(rows, key=lambda r: r["GLOBALEVENTID"])]
    assert [c.strip('"') for c in codes] == want
    months = str(s.query("SELECT DISTINCT MonthYear FROM events ORDER BY MonthYear", "CSV")).split()
    assert sorted(int(m) for m in months) == sorted({r["MonthYear"] for r in rows})
