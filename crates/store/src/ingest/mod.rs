//! Storing one batch of coded articles: exact and near-duplicate checks, aggregation of events into
//! GDELT event rows, one mention per (event, article, sentence). One batch is one transaction.
//! Checking an event and finding its row are in `events`; the batch's counts in `stats`.

use crate::neardup::{NearDupIndex, Signature};
use crate::{ArticleMeta, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use std::collections::BTreeSet;
use tidings_event::Event;

mod events;
mod stats;

pub(crate) use events::{action_geo_key, geo_key};
use events::{actor_offset, check_event, find_or_create_event};
pub use stats::{IngestStats, Problem};

/// The current time as GDELT's DATEADDED: YYYYMMDDHHMMSS in UTC.
pub fn date_added_now() -> i64 {
    chrono::Utc::now()
        .format("%Y%m%d%H%M%S")
        .to_string()
        .parse()
        .unwrap_or(0)
}

/// The sentences GDELT's IsRootEvent counts as the lead: the headline (sentence 0 when there is
/// one) and the first three sentences of the body. GDELT marks an event root when it is in the
/// lead paragraph(s); wire copy's first paragraph is one to three sentences.
pub fn is_lead(sentence_index: usize) -> bool {
    sentence_index <= 3
}

/// `2020-10-10` as 20201010.
pub fn day_number(date: NaiveDate) -> i64 {
    date.format("%Y%m%d").to_string().parse().unwrap_or(0)
}

impl Store {
    /// Stores a batch of coded articles in one transaction, so that a crash leaves either the whole
    /// batch or none of it. Articles already stored (same text or same URL) are skipped; events of a
    /// near-duplicate article are counted as mentions of the first copy's events.
    pub fn ingest_batch(
        &mut self,
        batch: &[(ArticleMeta, Vec<Event>)],
    ) -> Result<IngestStats, StoreError> {
        let mut stats = IngestStats::default();
        let mut pending = NearDupIndex::with_threshold(self.index_threshold());
        let mut pending_list: Vec<(i64, Signature)> = Vec::new();
        let date_added = date_added_now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO batches(committed_at, articles, first_origin, last_origin) VALUES (?1, 0, ?2, ?3)",
            params![
                date_added,
                batch.first().map(|b| b.0.origin.as_str()),
                batch.last().map(|b| b.0.origin.as_str())
            ],
        )?;
        let batch_id = tx.last_insert_rowid();
        let mut touched: BTreeSet<i64> = BTreeSet::new();

        for (meta, events) in batch {
            stats.articles_seen += 1;
            let hash = meta.content_hash();
            if is_stored(&tx, &hash, meta.url.as_deref())? {
                stats.already_stored += 1;
                continue;
            }
            let signature = Signature::of_text(&meta.text);
            let mut duplicate_of = None;
            if let Some(sig) = &signature {
                let found = best(self.index.find(sig), pending.find(sig));
                if let Some((id, sim)) = found {
                    let root: Option<i64> = tx
                        .query_row(
                            "SELECT duplicate_of FROM articles WHERE id = ?1",
                            [id],
                            |r| r.get(0),
                        )
                        .optional()?
                        .flatten();
                    duplicate_of = Some((root.unwrap_or(id), sim));
                }
            }
            tx.prepare_cached(
                "INSERT INTO articles(content_hash, url, input_id, title, date, source, source_name, doc_len,
                     origin, minhash, duplicate_of, similarity, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                hash,
                meta.url,
                meta.input_id,
                meta.title,
                meta.date.map(day_number),
                meta.source,
                meta.source_name(),
                meta.doc_len as i64,
                meta.origin,
                signature.as_ref().map(|s| s.to_bytes()),
                duplicate_of.map(|d| d.0),
                duplicate_of.map(|d| d.1),
                batch_id
            ])?;
            let article_id = tx.last_insert_rowid();
            stats.articles_stored += 1;
            if duplicate_of.is_some() {
                stats.near_duplicates += 1;
            }
            if let Some(sig) = signature {
                pending.insert(article_id, sig.clone());
                pending_list.push((article_id, sig));
            }

            for event in events {
                if event.negated {
                    stats.negated_skipped += 1;
                    continue;
                }
                let checked = match check_event(event, meta) {
                    Ok((c, note)) => {
                        if let Some(message) = note {
                            stats.problems.push(Problem {
                                origin: meta.origin.clone(),
                                message,
                            });
                        }
                        c
                    }
                    Err(message) => {
                        stats.problems.push(Problem {
                            origin: meta.origin.clone(),
                            message,
                        });
                        continue;
                    }
                };
                let (event_id, existed) = find_or_create_event(
                    &tx,
                    &checked,
                    event,
                    meta,
                    article_id,
                    duplicate_of.map(|d| d.0),
                    date_added,
                )?;
                if !existed {
                    stats.events_created += 1;
                }
                let inserted = tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO mentions(event_id, article_id, sentence_index, sentence, span_start,
                             span_end, actor1_offset, actor2_offset, date_basis, published)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    )?
                    .execute(params![
                        event_id,
                        article_id,
                        event.sentence_index as i64,
                        event.sentence,
                        event.span.start as i64,
                        event.span.end as i64,
                        actor_offset(event, &event.source.text),
                        event.target.as_ref().map_or(-1, |t| actor_offset(event, &t.text)),
                        checked.date_basis,
                        checked.published,
                    ])?;
                if inserted > 0 {
                    stats.mentions_added += 1;
                    if existed {
                        stats.events_mentioned_again += 1;
                    }
                    touched.insert(event_id);
                }
            }
        }

        {
            let mut recount = tx.prepare_cached(
                "UPDATE events SET
                     num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1),
                     num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = ?1),
                     num_sources = (SELECT count(DISTINCT a.source_name) FROM mentions m
                                    JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?1)
                 WHERE id = ?1",
            )?;
            for id in &touched {
                recount.execute([id])?;
            }
        }
        tx.execute(
            "UPDATE batches SET articles = ?1 WHERE id = ?2",
            params![stats.articles_stored as i64, batch_id],
        )?;
        tx.commit()?;
        for (id, sig) in pending_list {
            self.index.insert(id, sig);
        }
        Ok(stats)
    }

    /// True when an article with the same text or URL is stored: such an article need not be coded.
    pub fn contains(&self, meta: &ArticleMeta) -> Result<bool, StoreError> {
        Ok(is_stored(
            &self.conn,
            &meta.content_hash(),
            meta.url.as_deref(),
        )?)
    }
}

fn best(a: Option<(i64, f64)>, b: Option<(i64, f64)>) -> Option<(i64, f64)> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.1 > x.1 || (y.1 == x.1 && y.0 < x.0) {
            y
        } else {
            x
        }),
        (x, None) => x,
        (None, y) => y,
    }
}

fn is_stored(conn: &rusqlite::Connection, hash: &str, url: Option<&str>) -> rusqlite::Result<bool> {
    let by_hash = conn
        .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")?
        .query_row([hash], |_| Ok(()))
        .optional()?
        .is_some();
    if by_hash {
        return Ok(true);
    }
    match url {
        Some(url) => Ok(conn
            .prepare_cached("SELECT 1 FROM articles WHERE url = ?1")?
            .query_row([url], |_| Ok(()))
            .optional()?
            .is_some()),
        None => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{event, meta, story};
    use crate::{QueryFilter, Store};

    #[test]
    fn the_same_article_twice_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let batch = vec![(
            meta("a", Some("https://a.example/1"), &story("Seoul")),
            vec![event(1, "2020-10-10", "CHN", "PRK", "051", 3.4)],
        )];
        let first = store.ingest_batch(&batch).unwrap();
        assert_eq!(
            (
                first.articles_stored,
                first.events_created,
                first.mentions_added
            ),
            (1, 1, 1)
        );
        let before = store.summary().unwrap();
        let again = store.ingest_batch(&batch).unwrap();
        assert_eq!(
            (
                again.already_stored,
                again.articles_stored,
                again.mentions_added
            ),
            (1, 0, 0)
        );
        let after = store.summary().unwrap();
        assert_eq!(
            (before.articles, before.events, before.mentions),
            (after.articles, after.events, after.mentions)
        );
        assert!(store.contains(&batch[0].0).unwrap());
    }

    #[test]
    fn same_url_or_same_text_is_one_article() {
        let mut store = Store::open_in_memory().unwrap();
        let a = meta("a", Some("https://a.example/1"), &story("Seoul"));
        let same_url = meta("b", Some("https://a.example/1"), &story("Tokyo"));
        let same_text = meta(
            "c",
            Some("https://c.example/9"),
            &story("Seoul").replace(' ', "  "),
        );
        let s = store
            .ingest_batch(&[(a, vec![]), (same_url, vec![]), (same_text, vec![])])
            .unwrap();
        assert_eq!((s.articles_stored, s.already_stored), (1, 2));
    }

    #[test]
    fn a_near_duplicate_adds_mentions_not_events() {
        let mut store = Store::open_in_memory().unwrap();
        let original = meta("a", Some("https://wire.example/story"), &story("Pyongyang"));
        store
            .ingest_batch(&[(
                original,
                vec![event(1, "2020-10-10", "CHN", "PRK", "051", 3.4)],
            )])
            .unwrap();
        // A reprint with a byline; its coder resolved "Saturday" against another date.
        let reprint = meta(
            "b",
            Some("https://paper.example/x"),
            &format!("SEOUL (Wire) - {}", story("Pyongyang")),
        );
        let s = store
            .ingest_batch(&[(
                reprint,
                vec![event(1, "2020-10-11", "CHN", "PRK", "051", 3.4)],
            )])
            .unwrap();
        assert_eq!(
            (
                s.near_duplicates,
                s.events_created,
                s.events_mentioned_again
            ),
            (1, 0, 1)
        );
        let rows = store.query(&QueryFilter::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].num_mentions, rows[0].num_sources), (2, 2));
        assert_eq!(store.summary().unwrap().near_duplicates, 1);
        // A reprint stored in a later session is still found: the index is rebuilt on open.
    }

    #[test]
    fn near_duplicates_are_found_after_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        {
            let mut store = Store::open(&path).unwrap();
            store
                .ingest_batch(&[(meta("a", None, &story("Beijing")), vec![])])
                .unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        let reprint = meta(
            "b",
            None,
            &format!("{} Reporting by the wire.", story("Beijing")),
        );
        assert_eq!(
            store
                .ingest_batch(&[(reprint, vec![])])
                .unwrap()
                .near_duplicates,
            1
        );
    }
}
