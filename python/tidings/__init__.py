"""tidings from Python: code news articles into political events, store and query them.

    import tidings
    events = tidings.code([{"id": "a1", "date": "2020-10-11", "text": "..."}])
    store = tidings.Store("events.db")
    store.ingest(articles_df)
    store.query(dyad=("CHN", "PRK"))
    store.timeline("CHN", "PRK", by="month")

Every DataFrame of events has the columns and types of docs/schema.md, the same as
`tidings export --format parquet` (GDELT's names, CAMEO codes as strings). A record that cannot
be coded (no `text`, a bad date) is named in a warning (`<records>:3: ...`); the others are coded.
"""

from __future__ import annotations

import datetime as _dt
import io as _io
import json as _json
import math as _math
import os as _os
import warnings as _warnings
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

import pandas as _pd
import pyarrow.parquet as _pq

from . import _tidings

__version__: str = _tidings.__version__
__all__ = ["code", "read_articles", "columns", "Store", "ARTICLE_FIELDS", "TIMELINE_COLUMNS"]

#: The fields of an article record that tidings reads; others are ignored.
ARTICLE_FIELDS = ("id", "title", "date", "source", "url", "text")

#: The columns of `Store.timeline`.
TIMELINE_COLUMNS = (
    "period", "start", "from", "to", "events", "Q1", "Q2", "Q3", "Q4",
    "mentions", "goldstein_sum", "goldstein_mean",
)

Records = Union[_pd.DataFrame, Iterable[Mapping[str, Any]]]


def columns() -> list:
    """The event schema: (name, Arrow type, nullable, is a Parquet partition folder) per column."""
    return list(_tidings.columns())


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as YYYY-MM-DD, NaN/NaT/None as None."""
    if value is None:
        return None
    if isinstance(value, float) and _math.isnan(value):
        return None
    if value is _pd.NaT:
        return None
    if isinstance(value, (_dt.datetime, _pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _jsonl(records: Records) -> bytes:
    """Articles (dicts, or rows of a DataFrame) as JSON Lines bytes, one record per line."""
    if isinstance(records, _pd.DataFrame):
        records = records.to_dict("records")
    lines = []
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError(
                f"an article must be a dict (or a DataFrame row), not {type(record).__name__}"
            )
        lines.append(
            _json.dumps(
                {k: _plain(record[k]) for k in ARTICLE_FIELDS if k in record},
                ensure_ascii=False,
            )
        )
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _frame(parquet: bytes) -> _pd.DataFrame:
    return _pq.read_table(_io.BytesIO(parquet)).to_pandas()


def _warn(problems: Sequence[str]) -> None:
    for problem in problems:
        _warnings.warn(problem, stacklevel=3)


def read_articles(path: Union[str, "_os.PathLike[str]"]) -> list:
    """The articles of a file as `tidings code` reads it (plain text with a headline and a
    `DD Month, YYYY | source` dateline, or JSON Lines), as dicts of `ARTICLE_FIELDS`."""
    records, problems = _tidings.read_file(str(path))
    _warn(problems)
    return _json.loads(records)


def code(
    records: Records, *, threads: int = 1, keep_negated: bool = False, first_id: int = 0
) -> _pd.DataFrame:
    """Codes articles into events.

    `records` is a pandas DataFrame or an iterable of dicts with the fields of
    `ARTICLE_FIELDS` (`text` required). Returns one row per event in the schema of
    docs/schema.md; GLOBALEVENTID numbers the events from `first_id`. Coding runs on
    `threads` threads with the GIL released. Records that cannot be coded are named in a
    warning and skipped.
    """
    parquet, problems = _tidings.code_jsonl(_jsonl(records), threads, keep_negated, first_id)
    _warn(problems)
    return _frame(parquet)


class Store:
    """A tidings store (one SQLite file), as the `tidings` command's ingest/query/timeline use it."""

    def __init__(self, path: Union[str, "_os.PathLike[str]"]) -> None:
        self._store = _tidings.Store(str(path))

    def ingest(self, records: Records, *, threads: int = 2) -> dict:
        """Codes and stores articles (those already stored are skipped); returns the counts."""
        stats, problems = self._store.ingest_jsonl(_jsonl(records), threads)
        _warn(problems)
        return _json.loads(stats)

    def query(
        self,
        *,
        actor: Optional[str] = None,
        dyad: Optional[Union[Tuple[str, str], str]] = None,
        code: Optional[str] = None,
        quad_class: Optional[int] = None,
        start: Optional[Union[str, _dt.date]] = None,
        end: Optional[Union[str, _dt.date]] = None,
        limit: Optional[int] = None,
        date_basis: Optional[Sequence[str]] = None,
    ) -> _pd.DataFrame:
        """Stored events as a DataFrame in the schema of docs/schema.md.

        Actor codes match by prefix (`CHN` matches `CHNGOV`); `dyad` is directed, `("CHN",
        "PRK")` or `"CHN:PRK"`; `code` is a CAMEO prefix; `start`/`end` are inclusive days;
        `date_basis` keeps only events dated that way (`["history", "undated"]`).
        """
        if isinstance(dyad, str):
            parts = dyad.split(":")
            if len(parts) != 2:
                raise ValueError(f"dyad {dyad!r}: give two actor codes, as 'CHN:PRK'")
            dyad = (parts[0], parts[1])
        parquet = self._store.query_parquet(
            actor, dyad, code, quad_class, _plain(start), _plain(end), limit,
            list(date_basis) if date_basis is not None else None,
        )
        return _frame(parquet)

    def timeline(
        self, a: str, b: str, by: str = "month", with_history: bool = False
    ) -> _pd.DataFrame:
        """Per period (`day`, `week`, `month`) and direction, events between `a` and `b`:
        counts by QuadClass (Q1-Q4), mentions, Goldstein sum and mean (`tidings timeline`).
        Undated events are left out, and history ("founded in 1928") unless `with_history`."""
        rows = _json.loads(self._store.timeline_json(a, b, by, with_history))
        frame = _pd.DataFrame(
            [
                {
                    "period": r["period"],
                    "start": r["start"],
                    "from": r["from"],
                    "to": r["to"],
                    "events": r["events"],
                    **{f"Q{i + 1}": n for i, n in enumerate(r["by_quad"])},
                    "mentions": r["mentions"],
                    "goldstein_sum": r["goldstein_sum"],
                    "goldstein_mean": r["goldstein_mean"],
                }
                for r in rows
            ],
            columns=TIMELINE_COLUMNS,
        )
        frame["start"] = _pd.to_datetime(frame["start"])
        return frame
