//! One coded event on its way into the store: checking its fields, finding or creating its event
//! row, and locating its actors in the sentence. Articles and batches are handled by the parent.

use super::day_number;
use crate::ArticleMeta;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use tidings_event::Event;

/// The fields of one event as aggregated, after checking.
pub(super) struct CheckedEvent<'e> {
    /// YYYYMMDD; 0 for an event with no date (`date_basis` `undated`).
    day: i64,
    pub(super) date_basis: &'e str,
    /// YYYYMMDD publication date of the article, when the event carries it.
    pub(super) published: Option<i64>,
    actor1: &'e str,
    actor2: &'e str,
    code: &'e str,
    root: &'e str,
    quad: u8,
    /// GDELT's seven ActionGeo fields joined by `#` (as the GKG writes a location), or empty.
    action_geo: String,
}

/// Checks an event's fields; an unreadable event date falls back to the article's date (with a note).
pub(super) fn check_event<'e>(
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
    let date_basis = event.date_basis.as_deref().unwrap_or("");
    let published = event
        .published
        .as_deref()
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
        .map(day_number);
    let undated = event.date.trim().is_empty() && date_basis == tidings_event::dating::UNDATED;
    let (date, note) = match NaiveDate::parse_from_str(event.date.trim(), "%Y-%m-%d") {
        _ if undated => (None, None),
        Ok(d) => (Some(d), None),
        Err(_) => match meta.date {
            Some(d) => (
                Some(d),
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
            day: date.map_or(0, day_number),
            date_basis,
            published,
            actor1,
            actor2,
            code,
            root,
            quad,
            action_geo: action_geo_key(event),
        },
        note,
    ))
}

/// The event's place as the `action_geo` column keeps it: GDELT's seven ActionGeo fields (Type,
/// FullName, CountryCode, ADM1Code, Lat, Long, FeatureID) joined by `#`, or empty when it has none.
pub(crate) fn action_geo_key(event: &Event) -> String {
    geo_key(event.action_geo.as_ref())
}

/// A place as the `action_geo`, `actor1_geo` and `actor2_geo` columns keep it.
pub(crate) fn geo_key(geo: Option<&tidings_event::Geo>) -> String {
    geo.map(|g| g.gdelt_fields().map(|f| f.replace('#', " ")).join("#"))
        .unwrap_or_default()
}

/// The event row for this key, created when missing. For a near-duplicate article, an event with
/// the same actors and code among the first copy's events is reused even if its day differs.
/// Returns the row id and whether it existed.
pub(super) fn find_or_create_event(
    tx: &Transaction,
    c: &CheckedEvent,
    event: &Event,
    meta: &ArticleMeta,
    article_id: i64,
    duplicate_of: Option<i64>,
    date_added: i64,
) -> rusqlite::Result<(i64, bool)> {
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM events WHERE day = ?1 AND actor1_code = ?2 AND actor2_code = ?3 AND event_code = ?4
                 AND action_geo = ?5",
        )?
        .query_row(
            params![c.day, c.actor1, c.actor2, c.code, c.action_geo],
            |r| r.get(0),
        )
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
             date_added, date_basis, published, plover_type, plover_mode, coder_version, actor1_geo, actor2_geo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?13, ?10, 1, 1, 1, ?11, ?12, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
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
        super::is_lead(event.sentence_index) as i64,
        article_id,
        date_added,
        c.action_geo,
        c.date_basis,
        // the event's publication date, else its article's
        c.published.or(meta.date.map(day_number)),
        event.plover.event,
        event.plover.mode.as_deref().unwrap_or(""),
        crate::columns::CODER_VERSION,
        geo_key(event.source.geo.as_ref()),
        geo_key(event.target.as_ref().and_then(|t| t.geo.as_ref())),
    ])?;
    Ok((tx.last_insert_rowid(), false))
}

/// Byte offset of the actor's words in the cleaned text, or -1 when they are not in the sentence.
pub(super) fn actor_offset(event: &Event, words: &str) -> i64 {
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

    #[test]
    fn an_undated_event_is_stored_without_a_date_and_its_basis_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let mut undated = event(1, "", "CHN", "PRK", "051", 3.4);
        undated.date_basis = Some("undated".into());
        let mut history = event(2, "1950-01-01", "CHN", "PRK", "051", 3.4);
        history.date_basis = Some("history".into());
        history.published = Some("2020-10-11".into());
        let mut m = meta("a", None, &story("Seoul"));
        m.date = None;
        let s = store.ingest_batch(&[(m, vec![undated, history])]).unwrap();
        assert_eq!(
            (s.events_created, s.problems.len()),
            (2, 0),
            "{:?}",
            s.problems
        );
        let rows = store.query(&QueryFilter::default()).unwrap();
        assert_eq!(rows[0].date, None);
        assert_eq!(rows[0].date_basis, "undated");
        assert_eq!(rows[1].date_basis, "history");
        assert_eq!(
            rows[1].published.map(|d| d.to_string()).as_deref(),
            Some("2020-10-11")
        );
        let only = store
            .query(&QueryFilter {
                date_basis: vec!["history".into()],
                ..Default::default()
            })
            .unwrap();
        assert_eq!(only.len(), 1);
        let timeline = store
            .timeline("CHN", "PRK", crate::Period::Month, false)
            .unwrap();
        assert!(timeline.is_empty(), "{timeline:?}");
        let timeline = store
            .timeline("CHN", "PRK", crate::Period::Month, true)
            .unwrap();
        assert_eq!(timeline.len(), 1);
        assert_eq!(timeline[0].period, "1950-01");
    }
}
