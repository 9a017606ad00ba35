"""tidings.Store: ingest, query and timeline from Python, and the same database the CLI reads."""

import json

import pandas as pd
import pytest

import tidings
from conftest import jsonl_records, run


def test_ingest_query_timeline(tmp_path, seed, allsides_slice):
    db = tmp_path / "py.db"
    store = tidings.Store(db)
    records = tidings.read_articles(seed) + jsonl_records(allsides_slice)[:100]
    stats = store.ingest(pd.DataFrame(records))
    assert stats["articles_stored"] == 101
    again = store.ingest(records)
    assert again["articles_stored"] == 0

    chn_prk = store.query(dyad=("CHN", "PRK"))
    assert len(chn_prk) > 0
    assert (chn_prk.Actor1Code.str.startswith("CHN")).all()
    assert list(chn_prk.columns) == [c[0] for c in tidings.columns()]
    assert len(store.query(dyad="CHN:PRK", start="2020-10-01", end="2020-10-31")) <= len(chn_prk)

    timeline = store.timeline("CHN", "PRK", by="month")
    assert list(timeline.columns) == list(tidings.TIMELINE_COLUMNS)
    assert "CHN" in set(timeline["from"])
    assert timeline.events.sum() >= len(chn_prk)

    # the CLI reads the same rows from the same file
    cli = [json.loads(line) for line in run("query", "--format", "jsonl", "--db", str(db)).splitlines()]
    everything = store.query()
    assert len(cli) == len(everything)
    assert [e["EventCode"] for e in cli] == list(everything.EventCode)


def test_bad_arguments_are_refused(tmp_path):
    store = tidings.Store(tmp_path / "x.db")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.query(start="October")
    with pytest.raises(ValueError, match="by="):
        store.timeline("CHN", "PRK", by="year")
    with pytest.raises(ValueError, match="two actor codes"):
        store.query(dyad="CHN")
