"""tidings.code and tidings.read_articles: the seed's CHN -> PRK events, DataFrames of articles,
bad records named and skipped, the same events as `tidings code`."""

import json
import warnings

import pandas as pd
import pytest

import tidings
from conftest import jsonl_records, run


def test_seed_gives_china_to_north_korea_events(seed):
    events = tidings.code(tidings.read_articles(seed))
    chn_prk = events[(events.Actor1CountryCode == "CHN") & (events.Actor2CountryCode == "PRK")]
    assert len(chn_prk) > 0
    # names are the dictionary's names of the entities, CAMEO codes strings
    names = set(chn_prk.Actor2Name)
    assert names & {"NORTH KOREA", "KIM JONG UN"}, names
    assert all(n == n.upper() for n in names)
    assert all(isinstance(c, str) and c[:2] == r for c, r in zip(events.EventCode, events.EventRootCode))
    assert (chn_prk.Evidence.str.len() > 0).all()
    assert (chn_prk.PublishedDate == 20201011).all()


def test_same_events_as_tidings_code(allsides_slice):
    records = jsonl_records(allsides_slice)[:60]
    events = tidings.code(pd.DataFrame(records), threads=2)
    cli = [json.loads(line) for line in run("code", str(allsides_slice)).splitlines()]
    ids = {r["id"] for r in records}
    cli = [e for e in cli if e["article_id"] in ids]
    assert len(events) == len(cli) > 0
    assert list(events.EventCode) == [e["cameo"] for e in cli]
    assert list(events.Actor1Code) == [e["source"]["code"] for e in cli]
    assert list(events.Evidence) == [e["sentence"] for e in cli]
    assert list(events.GLOBALEVENTID) == list(range(len(events)))


def test_columns_and_types_follow_the_schema():
    events = tidings.code([{"id": "a", "date": "2020-10-11", "text": "China praised North Korea."}])
    assert list(events.columns) == [c[0] for c in tidings.columns()]
    assert pd.api.types.is_string_dtype(events.EventCode.dtype)
    assert events.EventCode[0] == "051"
    assert events.GLOBALEVENTID.dtype == "int64"
    assert events.Negated.dtype == bool


def test_bad_records_are_named_and_the_rest_coded():
    records = [
        {"id": "empty"},
        {"id": "good", "date": "2020-10-11", "text": "China praised North Korea."},
        {"id": "baddate", "date": "2020-13-45", "text": "China praised North Korea."},
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        events = tidings.code(records)
    messages = [str(w.message) for w in caught]
    assert any("<records>:1" in m and "text" in m for m in messages), messages
    assert any("<records>:3" in m and "2020-13-45" in m for m in messages), messages
    assert set(events.ArticleID) == {"good", "baddate"}


def test_no_records_give_an_empty_frame_with_the_columns():
    events = tidings.code([])
    assert len(events) == 0
    assert list(events.columns) == [c[0] for c in tidings.columns()]


def test_not_a_dict_is_a_type_error():
    with pytest.raises(TypeError, match="must be a dict"):
        tidings.code(["China praised North Korea."])
