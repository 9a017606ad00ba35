//! The `dyad_days` aggregate: per directed pair of actor codes, day and QuadClass, the number of
//! events and their Goldstein sum in tenths; and `dyad_totals`, each pair's number of events. A
//! trigger on `events` keeps both (see the schema), so ingest code never touches them; a dyad's
//! time series ([`Reader::dyad_days`]) reads the first instead of the events, a page of a dyad's
//! events asks the second how dense the dyad is. [`Store::aggregate_mismatches`] compares both
//! with a GROUP BY over the events.
//!
//! [`Reader::dyad_days`]: crate::browse::Reader::dyad_days

use crate::{Store, StoreError};

/// The cells where `dyad_days` and a GROUP BY over the events disagree: cells of the events
/// missing or different in the aggregate, then aggregate cells without events.
const MISMATCHES: &str = "
WITH g AS (
    SELECT actor1_code AS a1, actor2_code AS a2, day, quad_class AS q, count(*) AS n,
           sum(CAST(round(goldstein * 10) AS INTEGER)) AS t
    FROM events GROUP BY actor1_code, actor2_code, day, quad_class)
SELECT (SELECT count(*) FROM g LEFT JOIN dyad_days d
            ON d.actor1_code = g.a1 AND d.actor2_code = g.a2 AND d.day = g.day AND d.quad_class = g.q
        WHERE d.events IS NOT g.n OR d.goldstein_tenths IS NOT g.t)
     + (SELECT count(*) FROM dyad_days d WHERE NOT EXISTS (
            SELECT 1 FROM events e WHERE e.actor1_code = d.actor1_code
            AND e.actor2_code = d.actor2_code AND e.day = d.day AND e.quad_class = d.quad_class))
     + (SELECT count(*) FROM (SELECT actor1_code, actor2_code, count(*) AS n FROM events
                              GROUP BY actor1_code, actor2_code) p
        LEFT JOIN dyad_totals t ON t.actor1_code = p.actor1_code AND t.actor2_code = p.actor2_code
        WHERE t.events IS NOT p.n)
     + (SELECT count(*) FROM dyad_totals t WHERE NOT EXISTS (
            SELECT 1 FROM events e WHERE e.actor1_code = t.actor1_code
            AND e.actor2_code = t.actor2_code))";

impl Store {
    /// How many cells of the `dyad_days` (actor pair, day, QuadClass) and `dyad_totals` (actor
    /// pair) aggregates differ from a GROUP BY over the events: 0 in a sound database. Reads every event: for checks and tests.
    pub fn aggregate_mismatches(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(MISMATCHES, [], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{event, meta, story};
    use crate::Store;

    fn cells(store: &Store) -> Vec<(String, String, i64, i64, i64, i64)> {
        let mut stmt = store
            .conn
            .prepare("SELECT * FROM dyad_days ORDER BY 1, 2, 3, 4")
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap();
        rows.map(Result::unwrap).collect()
    }

    #[test]
    fn the_aggregate_follows_ingests_with_repeats_and_near_duplicates() {
        let mut store = Store::open_in_memory().unwrap();
        let e = |i, day, a, b, code, g| event(i, day, a, b, code, g);
        let batch = vec![
            (
                meta("a", Some("https://a.example/1"), &story("Seoul")),
                vec![
                    e(0, "2020-10-10", "CHN", "PRK", "051", 3.4),
                    // the same event again in another sentence: a mention, not an event
                    e(2, "2020-10-10", "CHN", "PRK", "051", 3.4),
                    e(3, "2020-10-10", "CHN", "PRK", "042", 1.9),
                    e(4, "2020-10-10", "PRK", "CHN", "190", -10.0),
                ],
            ),
            (
                meta("b", Some("https://b.example/2"), &story("Tokyo")),
                vec![
                    e(1, "2020-10-10", "CHN", "PRK", "051", 3.4),
                    e(2, "2020-10-11", "CHN", "PRK", "051", 3.4),
                ],
            ),
        ];
        store.ingest_batch(&batch).unwrap();
        assert_eq!(store.aggregate_mismatches().unwrap(), 0);
        let first = cells(&store);
        let chn_prk = |c: &Vec<(String, String, i64, i64, i64, i64)>| {
            c.iter()
                .filter(|r| r.0 == "CHN" && r.2 == 20201010 && r.3 == 1)
                .map(|r| (r.4, r.5))
                .collect::<Vec<_>>()
        };
        // 051 and 042 on the 10th, both verbal cooperation: two events, 3.4 + 1.9.
        assert_eq!(chn_prk(&first), vec![(2, 53)]);

        // The same batch again (a re-ingest of the same file) changes nothing.
        store.ingest_batch(&batch).unwrap();
        assert_eq!(cells(&store), first);

        // A near-duplicate of the first article (one wire story on another site): its events are
        // mentions of the first copy's events, even on another day; a new event still counts.
        let copy = meta(
            "c",
            Some("https://c.example/3"),
            &format!("SEOUL (Wire) - {}", story("Seoul")),
        );
        let s = store
            .ingest_batch(&[(
                copy,
                vec![
                    e(0, "2020-10-12", "CHN", "PRK", "051", 3.4),
                    e(1, "2020-10-12", "USA", "CHN", "036", 4.0),
                ],
            )])
            .unwrap();
        assert_eq!((s.near_duplicates, s.events_created), (1, 1), "{s:?}");
        assert_eq!(store.aggregate_mismatches().unwrap(), 0);
        assert_eq!(cells(&store).len(), first.len() + 1);
    }

    #[test]
    fn a_schema_3_database_gets_its_aggregate_when_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut store = Store::open(&path).unwrap();
        store
            .ingest_batch(&[(
                meta("a", None, &story("Seoul")),
                vec![
                    event(0, "2020-10-10", "CHN", "PRK", "051", 3.4),
                    event(1, "2020-10-10", "CHN", "PRK", "042", 1.9),
                    event(2, "2021-01-02", "PRK", "CHN", "190", -10.0),
                ],
            )])
            .unwrap();
        let want = cells(&store);
        assert_eq!(want.len(), 2);
        // What tidings before schema 5 wrote: no aggregate, no trigger.
        store
            .conn
            .execute_batch(
                "DROP TRIGGER events_count_dyad_day; DROP TABLE dyad_days; DROP TABLE dyad_totals;
                 UPDATE meta SET value = '3' WHERE key = 'schema_version';",
            )
            .unwrap();
        drop(store);
        // Opened read-only (as `tidings serve` does), it is upgraded once, then read.
        let store = Store::open_read_only(&path).unwrap();
        assert_eq!(cells(&store), want);
        assert_eq!(store.aggregate_mismatches().unwrap(), 0);
        drop(store);
        // And the trigger keeps it from then on.
        let mut store = Store::open(&path).unwrap();
        store
            .ingest_batch(&[(
                meta("b", None, &story("Hanoi")),
                vec![event(0, "2020-10-10", "USA", "CHN", "036", 4.0)],
            )])
            .unwrap();
        assert_eq!(store.aggregate_mismatches().unwrap(), 0);
        assert_eq!(cells(&store).len(), 3);
    }

    #[test]
    fn a_broken_aggregate_is_noticed() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .ingest_batch(&[(
                meta("a", None, &story("Seoul")),
                vec![event(0, "2020-10-10", "CHN", "PRK", "051", 3.4)],
            )])
            .unwrap();
        store
            .conn
            .execute_batch("UPDATE dyad_days SET events = 2")
            .unwrap();
        assert_eq!(store.aggregate_mismatches().unwrap(), 1);
        store
            .conn
            .execute_batch(
                "INSERT INTO dyad_days VALUES ('X', 'Y', 20200101, 1, 1, 10);
                 UPDATE dyad_days SET events = 1 WHERE actor1_code = 'CHN'",
            )
            .unwrap();
        assert_eq!(store.aggregate_mismatches().unwrap(), 1);
        store
            .conn
            .execute_batch(
                "DELETE FROM dyad_days WHERE actor1_code = 'X'; UPDATE dyad_totals SET events = 3",
            )
            .unwrap();
        assert_eq!(store.aggregate_mismatches().unwrap(), 1);
    }
}
