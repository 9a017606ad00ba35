//! Storing one batch of coded articles: exact and near-duplicate checks, aggregation of events into
//! GDELT event rows, one mention per (event, article, sentence). One batch is one transaction.

use crate::neardup::{NearDupIndex, Signature};
use crate::{ArticleMeta, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::BTreeSet;
use tidings_event::Event;

/// A record that was skipped (or repaired) with the reason, naming where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// `file:line` of the article.
    pub origin: String,
    pub message: String,
}

/// What one or more batches did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestStats {
    /// Articles handed to the store.
    pub articles_seen: usize,
    /// Articles stored now.
    pub articles_stored: usize,
    /// Articles skipped because the same text or URL is already stored.
    pub already_stored: usize,
    /// Stored articles linked to an earlier copy of the same story.
    pub near_duplicates: usize,
    /// New event rows.
    pub events_created: usize,
    /// Mentions that landed on an event row that already existed.
    pub events_mentioned_again: usize,
    /// Mentions stored (one per event, article and sentence).
    pub mentions_added: usize,
    /// Negated events ("did not attack"), which are not stored.
    pub negated_skipped: usize,
    /// Events or articles skipped or repaired, with the reason.
    pub problems: Vec<Problem>,
}

impl IngestStats {
    /// Adds another batch's numbers to these.
    pub fn add(&mut self, other: IngestStats) {
        self.articles_seen += other.articles_seen;
        self.articles_stored += other.articles_stored;
        self.already_stored += other.already_stored;
        self.near_duplicates += other.near_duplicates;
        self.events_created += other.events_created;
        self.events_mentioned_again += other.events_mentioned_again;
        self.mentions_added += other.mentions_added;
        self.negated_skipped += other.negated_skipped;
        self.problems.extend(other.problems);
    }
}

/// The current time as GDELT's DATEADDED: YYYYMMDDHHMMSS in UTC.
pub fn date_added_now() -> i64 {
    chrono::Utc::now()
        .format("%Y%m%d%H%M%S")
        .to_string()
        .parse()
        .unwrap_or(0)
}

/// `2020-10-10` as 20201010.
pub fn day_number(date: NaiveDate) -> i64 {
    date.format("%Y%m%d").to_string().parse().unwrap_or(0)
}

/// The fields of one event as aggregated, after checking.
struct CheckedEvent<'e> {
    day: i64,
    actor1: &'e str,
    actor2: &'e str,
    code: &'e str,
    root: &'e str,
    quad: u8,
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
                             span_end, actor1_offset, actor2_offset)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
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

/// Checks an event's fields; an unreadable event date falls back to the article's date (with a note).
fn check_event<'e>(
    event: &'e Event,
    meta: &ArticleMeta,
) -> Result<(CheckedEvent<'e>, Option<String>), String> {
    let what = format!("event in sentence {}", event.sentence_index);
    let code = event.cameo.trim();
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{what}: CAMEO code {:?} is not 2-4 digits; event skipped",
            event.cameo
        ));
    }
    let root = &code[..2];
    let quad = match event.quad_class {
        1..=4 => event.quad_class,
        _ => tidings_event::quad_class(root)
            .ok_or_else(|| format!("{what}: code {code} has no QuadClass; event skipped"))?,
    };
    let actor1 = event.source.code.trim();
    if actor1.is_empty() {
        return Err(format!("{what}: source actor has no code; event skipped"));
    }
    let actor2 = event.target.as_ref().map_or("", |t| t.code.trim());
    let (date, note) = match NaiveDate::parse_from_str(event.date.trim(), "%Y-%m-%d") {
        Ok(d) => (d, None),
        Err(_) => match meta.date {
            Some(d) => (
                d,
                Some(format!(
                    "{what}: date {:?} unreadable; used the article date {d}",
                    event.date
                )),
            ),
            None => {
                return Err(format!(
                    "{what}: date {:?} unreadable and the article has none; event skipped",
                    event.date
                ))
            }
        },
    };
    Ok((
        CheckedEvent {
            day: day_number(date),
            actor1,
            actor2,
            code,
            root,
            quad,
        },
        note,
    ))
}

/// The event row for this key, created when missing. For a near-duplicate article, an event with
/// the same actors and code among the first copy's events is reused even if its day differs.
/// Returns the row id and whether it existed.
fn find_or_create_event(
    tx: &Transaction,
    c: &CheckedEvent,
    event: &Event,
    article_id: i64,
    duplicate_of: Option<i64>,
    date_added: i64,
) -> rusqlite::Result<(i64, bool)> {
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM events WHERE day = ?1 AND actor1_code = ?2 AND actor2_code = ?3 AND event_code = ?4
                 AND action_geo = ''",
        )?
        .query_row(params![c.day, c.actor1, c.actor2, c.code], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok((id, true));
    }
    if let Some(original) = duplicate_of {
        let found: Option<i64> = tx
            .prepare_cached(
                "SELECT e.id FROM events e JOIN mentions m ON m.event_id = e.id
                 WHERE m.article_id = ?1 AND e.actor1_code = ?2 AND e.actor2_code = ?3 AND e.event_code = ?4
                 ORDER BY e.id LIMIT 1",
            )?
            .query_row(params![original, c.actor1, c.actor2, c.code], |r| r.get(0))
            .optional()?;
        if let Some(id) = found {
            return Ok((id, true));
        }
    }
    let name = |a: &tidings_event::Actor| {
        a.name
            .clone()
            .unwrap_or_else(|| a.text.clone())
            .trim()
            .to_uppercase()
    };
    tx.prepare_cached(
        "INSERT INTO events(day, actor1_code, actor1_name, actor2_code, actor2_name, event_code, root_code,
             quad_class, goldstein, action_geo, is_root, num_mentions, num_sources, num_articles, first_article,
             date_added)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10, 1, 1, 1, ?11, ?12)",
    )?
    .execute(params![
        c.day,
        c.actor1,
        name(&event.source),
        c.actor2,
        event.target.as_ref().map(name).unwrap_or_default(),
        c.code,
        c.root,
        c.quad as i64,
        // Goldstein values have one decimal; rounding keeps f32 noise (3.4000000953) out of the table.
        (event.goldstein as f64 * 10.0).round() / 10.0,
        (event.sentence_index <= 1) as i64,
        article_id,
        date_added
    ])?;
    Ok((tx.last_insert_rowid(), false))
}

/// Byte offset of the actor's words in the cleaned text, or -1 when they are not in the sentence.
fn actor_offset(event: &Event, words: &str) -> i64 {
    let words = words.trim();
    if words.is_empty() {
        return -1;
    }
    event
        .sentence
        .find(words)
        .map_or(-1, |pos| (event.span.start + pos) as i64)
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
    fn events_aggregate_by_day_dyad_and_code() {
        let mut store = Store::open_in_memory().unwrap();
        let e = |i| event(i, "2020-10-10", "CHN", "PRK", "051", 3.4);
        let batch = vec![
            // One article mentioning the event in two sentences: two mentions, one article.
            (
                meta("a", Some("https://a.example/1"), &story("Seoul")),
                vec![e(0), e(3)],
            ),
            (
                meta("b", Some("https://b.example/2"), &story("Tokyo")),
                vec![e(2), event(2, "2020-10-10", "PRK", "CHN", "051", 3.4)],
            ),
            // Same host as the first: a third article but no new source.
            (
                meta("c", Some("https://a.example/3"), &story("Hanoi")),
                vec![e(5)],
            ),
        ];
        let s = store.ingest_batch(&batch).unwrap();
        assert_eq!(
            (s.events_created, s.mentions_added, s.events_mentioned_again),
            (2, 5, 3)
        );
        let rows = store
            .query(&QueryFilter {
                dyad: Some(("CHN".into(), "PRK".into())),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!((r.num_mentions, r.num_articles, r.num_sources), (4, 3, 2));
        assert_eq!(r.source_url, "https://a.example/1");
        assert!(r.is_root, "first mention in the headline");
        assert_eq!(r.evidence, "CHN did 051 to PRK.");
        assert_eq!(store.mentions_of(r.id).unwrap().len(), 4);
        let sum = store.summary().unwrap();
        assert_eq!(sum.mentions, sum.event_mentions);
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

    #[test]
    fn bad_events_are_reported_and_skipped() {
        let mut store = Store::open_in_memory().unwrap();
        let mut no_date = event(2, "sometime", "CHN", "PRK", "042", 1.9);
        let mut negated = event(3, "2020-10-10", "CHN", "PRK", "190", -10.0);
        negated.negated = true;
        let bad_code = event(4, "2020-10-10", "CHN", "PRK", "05x", 0.0);
        let good = event(1, "2020-10-10", "CHN", "PRK", "051", 3.4);
        let m = meta("a", None, &story("Seoul"));
        let s = store
            .ingest_batch(&[(m.clone(), vec![bad_code, no_date.clone(), negated, good])])
            .unwrap();
        assert_eq!((s.events_created, s.negated_skipped), (2, 1));
        assert_eq!(s.problems.len(), 2, "{:?}", s.problems);
        assert!(s.problems.iter().all(|p| p.origin == "test.jsonl:a"));
        assert!(s.problems[0].message.contains("05x"));
        assert!(s.problems[1].message.contains("article date 2020-10-11"));
        // Without an article date the undated event is skipped.
        no_date.sentence_index = 0;
        let mut m2 = meta("b", None, &story("Lima"));
        m2.date = None;
        let s = store.ingest_batch(&[(m2, vec![no_date])]).unwrap();
        assert_eq!((s.events_created, s.problems.len()), (0, 1));
    }
}
