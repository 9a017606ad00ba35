//! Reading events and mentions back, filtered.

use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::Serialize;

/// Which events to list. Actor codes match by prefix: `CHN` matches `CHN` and `CHNGOV`.
#[derive(Debug, Clone, Default)]
pub struct QueryFilter {
    /// Events with this actor on either side.
    pub actor: Option<String>,
    /// Events from the first actor to the second (directed).
    pub dyad: Option<(String, String)>,
    /// CAMEO code prefix: `05` matches `05`, `051`, `0521`.
    pub code: Option<String>,
    pub quad_class: Option<u8>,
    /// First and last day, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only events whose `date_basis` is one of these (empty: any).
    pub date_basis: Vec<String>,
    /// Leave out events whose `date_basis` is one of these.
    pub leave_out_basis: Vec<String>,
    /// Only events whose action place is in this country (FIPS 10-4 code, as ActionGeo gives it).
    pub place_country: Option<String>,
    /// Only events whose action place is within this distance of a point.
    pub near: Option<Near>,
    pub limit: Option<usize>,
}

/// A point and a distance: the events whose action place is within `km` of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
    pub km: f64,
}

impl Near {
    /// Whether a stored place (`action_geo`: seven fields joined by `#`) lies within the distance.
    pub fn contains(&self, stored: &str) -> bool {
        let f: Vec<&str> = stored.split('#').collect();
        let (Some(lat), Some(lon)) = (
            f.get(4).and_then(|v| v.parse::<f64>().ok()),
            f.get(5).and_then(|v| v.parse::<f64>().ok()),
        ) else {
            return false;
        };
        km_between((self.lat, self.lon), (lat, lon)) <= self.km
    }
}

/// The great-circle distance between two points (degrees), in kilometres.
pub fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// The date bases a timeline leaves out by default: events with no date, and history (a bare
/// year named long before publication) that is no event of that year.
pub const TIMELINE_LEAVES_OUT: [&str; 2] = [
    tidings_event::dating::UNDATED,
    tidings_event::dating::HISTORY,
];

/// One aggregated event with its counts and its first evidence sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// GLOBALEVENTID.
    pub id: i64,
    /// None for an event with no date (`date_basis` `undated`).
    pub date: Option<NaiveDate>,
    /// Where the date comes from (of the first mention; empty in databases older than schema 2).
    pub date_basis: String,
    /// The publication date of the first mention's article, when known.
    pub published: Option<NaiveDate>,
    pub actor1_code: String,
    pub actor1_name: String,
    pub actor2_code: String,
    pub actor2_name: String,
    pub event_code: String,
    pub quad_class: u8,
    pub goldstein: f64,
    /// The action place (GDELT's seven fields joined by `#`); empty when unknown.
    pub action_geo: String,
    /// The actors' places of the first mention, as `action_geo`; empty when unknown.
    pub actor1_geo: String,
    pub actor2_geo: String,
    /// The first mention was in the headline or lead sentence.
    pub is_root: bool,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    /// YYYYMMDDHHMMSS (UTC) when the event was first stored.
    pub date_added: i64,
    /// URL of the first article (or, without one, its outlet and id).
    pub source_url: String,
    /// The sentence of the first mention.
    pub evidence: String,
    /// PLOVER event type and mode of the code (empty in databases older than them).
    pub plover_type: String,
    pub plover_mode: String,
    /// The first article's input id.
    pub article_id: String,
    /// Version of tidings that stored the event.
    pub coder_version: String,
}

impl EventRow {
    /// GDELT's EventBaseCode: the first three digits of a four-digit code, else the code.
    pub fn base_code(&self) -> &str {
        if self.event_code.len() > 3 {
            &self.event_code[..3]
        } else {
            &self.event_code
        }
    }

    /// GDELT's EventRootCode: the first two digits.
    pub fn root_code(&self) -> &str {
        self.event_code.get(..2).unwrap_or(&self.event_code)
    }
}

/// One mention of an event: the article, the sentence and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRow {
    pub event_id: i64,
    /// DATEADDED of the event.
    pub event_added: i64,
    /// When the mentioning article was stored, YYYYMMDDHHMMSS UTC.
    pub mention_added: i64,
    pub source_name: String,
    pub url: Option<String>,
    pub input_id: String,
    pub sentence_index: i64,
    pub sentence: String,
    /// Byte offsets of the sentence in the cleaned article text.
    pub span_start: i64,
    pub span_end: i64,
    /// Byte offsets of the actors' words, -1 when not found.
    pub actor1_offset: i64,
    pub actor2_offset: i64,
    pub doc_len: i64,
}

pub(crate) const EVENT_SELECT: &str = "
SELECT e.id, e.day, e.actor1_code, e.actor1_name, e.actor2_code, e.actor2_name, e.event_code, e.quad_class,
       e.goldstein, e.action_geo, e.is_root, e.num_mentions, e.num_sources, e.num_articles, e.date_added,
       coalesce(a.url, trim(coalesce(a.source, '') || ' ' || a.input_id)),
       (SELECT sentence FROM mentions WHERE event_id = e.id ORDER BY id LIMIT 1),
       e.date_basis, e.published, coalesce(e.plover_type, ''), coalesce(e.plover_mode, ''),
       a.input_id, coalesce(e.coder_version, ''), e.actor1_geo, e.actor2_geo
FROM events e JOIN articles a ON a.id = e.first_article";

pub(crate) fn event_row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    let day: i64 = r.get(1)?;
    let date = match day {
        0 => None,
        _ => Some(date_of(day).ok_or_else(|| rusqlite::Error::IntegralValueOutOfRange(1, day))?),
    };
    Ok(EventRow {
        id: r.get(0)?,
        date,
        date_basis: r.get(17)?,
        published: r.get::<_, Option<i64>>(18)?.and_then(date_of),
        actor1_code: r.get(2)?,
        actor1_name: r.get(3)?,
        actor2_code: r.get(4)?,
        actor2_name: r.get(5)?,
        event_code: r.get(6)?,
        quad_class: r.get::<_, i64>(7)? as u8,
        goldstein: r.get(8)?,
        action_geo: r.get(9)?,
        is_root: r.get::<_, i64>(10)? != 0,
        num_mentions: r.get(11)?,
        num_sources: r.get(12)?,
        num_articles: r.get(13)?,
        date_added: r.get(14)?,
        source_url: r.get(15)?,
        evidence: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
        plover_type: r.get(19)?,
        plover_mode: r.get(20)?,
        article_id: r.get(21)?,
        coder_version: r.get(22)?,
        actor1_geo: r.get(23)?,
        actor2_geo: r.get(24)?,
    })
}

/// 20201010 as a date.
fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        (day / 10000) as i32,
        (day / 100 % 100) as u32,
        (day % 100) as u32,
    )
}

/// `column IN (?, ?, ...)` over `values`.
fn in_clause(column: &str, values: &[String], args: &mut Vec<Value>) -> String {
    let marks: Vec<String> = values
        .iter()
        .map(|v| {
            args.push(Value::Text(v.trim().to_string()));
            format!("?{}", args.len())
        })
        .collect();
    format!("{column} IN ({})", marks.join(", "))
}

fn prefix_clause(column: &str, value: &str, args: &mut Vec<Value>) -> String {
    args.push(Value::Text(value.trim().to_uppercase()));
    let n = args.len();
    format!("substr({column}, 1, length(?{n})) = ?{n}")
}

impl QueryFilter {
    fn where_clause(&self, args: &mut Vec<Value>) -> String {
        let mut clauses = Vec::new();
        if let Some(actor) = &self.actor {
            let a = prefix_clause("e.actor1_code", actor, args);
            let b = prefix_clause("e.actor2_code", actor, args);
            clauses.push(format!("({a} OR {b})"));
        }
        if let Some((a, b)) = &self.dyad {
            clauses.push(prefix_clause("e.actor1_code", a, args));
            clauses.push(prefix_clause("e.actor2_code", b, args));
        }
        if let Some(code) = &self.code {
            clauses.push(prefix_clause("e.event_code", code, args));
        }
        if let Some(q) = self.quad_class {
            args.push(Value::Integer(q as i64));
            clauses.push(format!("e.quad_class = ?{}", args.len()));
        }
        if let Some(from) = self.from {
            args.push(Value::Integer(crate::ingest::day_number(from)));
            clauses.push(format!("e.day >= ?{}", args.len()));
        }
        if let Some(to) = self.to {
            args.push(Value::Integer(crate::ingest::day_number(to)));
            clauses.push(format!("e.day <= ?{}", args.len()));
        }
        if !self.date_basis.is_empty() {
            clauses.push(in_clause("e.date_basis", &self.date_basis, args));
        }
        if !self.leave_out_basis.is_empty() {
            let clause = in_clause("e.date_basis", &self.leave_out_basis, args);
            clauses.push(format!("NOT {clause}"));
        }
        if let Some(country) = &self.place_country {
            // the third of the seven `#`-joined fields, Type (one digit)#FullName#CountryCode#...
            args.push(Value::Text(country.trim().to_uppercase()));
            let n = args.len();
            let rest = "substr(e.action_geo, 3)";
            clauses.push(format!(
                "substr({rest}, instr({rest}, '#') + 1, length(?{n}) + 1) = ?{n} || '#'"
            ));
        }
        if self.near.is_some() {
            clauses.push("e.action_geo != ''".to_string());
        }
        if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        }
    }
}

impl Store {
    /// Events matching `filter`, by day then id.
    pub fn query(&self, filter: &QueryFilter) -> Result<Vec<EventRow>, StoreError> {
        let mut out = Vec::new();
        self.for_each_event(filter, |row| {
            out.push(row);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` on each event matching `filter`, by day then id, without holding them all.
    pub fn for_each_event(
        &self,
        filter: &QueryFilter,
        mut f: impl FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut args = Vec::new();
        let mut sql = format!(
            "{EVENT_SELECT}{} ORDER BY e.day, e.id",
            filter.where_clause(&mut args)
        );
        // the distance is measured here, so the limit too
        if let (Some(limit), None) = (filter.limit, filter.near) {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let row = event_row(r)?;
            if filter
                .near
                .is_some_and(|near| !near.contains(&row.action_geo))
            {
                continue;
            }
            if filter.limit.is_some_and(|limit| n >= limit) {
                break;
            }
            n += 1;
            f(row)?;
        }
        Ok(())
    }

    /// Calls `f` on every mention, by event id then mention order.
    pub fn for_each_mention(
        &self,
        mut f: impl FnMut(MentionRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("{MENTION_SELECT} ORDER BY m.event_id, m.id"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(mention_row(r)?)?;
        }
        Ok(())
    }

    /// The mentions of one event, in the order they were stored.
    pub fn mentions_of(&self, event_id: i64) -> Result<Vec<MentionRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{MENTION_SELECT} WHERE m.event_id = ?1 ORDER BY m.id"
        ))?;
        let rows = stmt.query_map([event_id], mention_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

const MENTION_SELECT: &str = "
SELECT m.event_id, e.date_added, b.committed_at, a.source_name, a.url, a.input_id, m.sentence_index,
       m.sentence, m.span_start, m.span_end, m.actor1_offset, m.actor2_offset, a.doc_len
FROM mentions m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id
     JOIN batches b ON b.id = a.batch_id";

fn mention_row(r: &rusqlite::Row) -> rusqlite::Result<MentionRow> {
    Ok(MentionRow {
        event_id: r.get(0)?,
        event_added: r.get(1)?,
        mention_added: r.get(2)?,
        source_name: r.get(3)?,
        url: r.get(4)?,
        input_id: r.get(5)?,
        sentence_index: r.get(6)?,
        sentence: r.get(7)?,
        span_start: r.get(8)?,
        span_end: r.get(9)?,
        actor1_offset: r.get(10)?,
        actor2_offset: r.get(11)?,
        doc_len: r.get(12)?,
    })
}
