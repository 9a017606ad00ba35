//! Read-only browsing for a server: a [`Reader`] over one read-only connection, with a deadline
//! that interrupts a query running too long, and the queries a dashboard needs (a page of events
//! under a filter with a cursor, a dyad's per-day counts, one event, corpus statistics, the most
//! active dyads, places, actor codes in use).
//!
//! Every value reaches SQLite as a bound parameter; only fixed SQL fragments are formatted in.
//! Actor codes match by prefix (`CHN` matches `CHNGOV`): the prefix is expanded into the codes in
//! use that start with it ([`Reader`] keeps their sorted list a minute, read by index seeks), so a
//! dyad is a set of equality lookups on the `events_dyad` index rather than a scan of every code
//! from `CHN` to `CHO`.

use crate::query::{event_row, EVENT_SELECT};
use crate::{EventRow, MentionRow, Period, Store, StoreError, Summary};
use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A read-only connection whose queries stop at a deadline.
pub struct Reader {
    store: Store,
    base: Instant,
    /// Nanoseconds after `base` when the running query is interrupted; 0 for no deadline.
    deadline: Arc<AtomicU64>,
    /// The actor codes in use, shared with the other readers of a pool.
    codes_in_use: CodesInUse,
}

/// The actor codes in use, sorted, when they were read, and whether a reader is reading them
/// again; shared by the readers of a pool (clones share one list).
#[derive(Clone, Default)]
pub struct CodesInUse(Arc<Mutex<CodesSlot>>);

type CodesSlot = (Option<(Instant, Arc<Vec<String>>)>, bool);

/// How many of the newest events (below the cursor) a page for an actor or dyad walks before it
/// turns to the actor indexes.
const RECENT_WINDOW: i64 = 5_000;

/// How long the list of codes in use is trusted (a database may be ingested while served).
const CODES_TTL: Duration = Duration::from_secs(60);

/// Which events a page lists. Codes are checked by the caller; every field is optional.
#[derive(Debug, Clone, Default)]
pub struct EventSearch {
    /// Events with this actor (code prefix) on either side.
    pub actor: Option<String>,
    /// Events from the first actor to the second; with `both_directions` also the other way.
    pub dyad: Option<(String, String)>,
    pub both_directions: bool,
    /// CAMEO code prefix (`05` is the root, `051` a code).
    pub code: Option<String>,
    /// Any of these exact CAMEO codes (a PLOVER type expanded by the caller).
    pub codes: Option<Vec<String>>,
    pub quad_class: Option<u8>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Words in the action place's name (case-insensitive).
    pub place: Option<String>,
    /// Words in any evidence sentence (case-insensitive).
    pub text: Option<String>,
    /// Cursor: only events with a smaller id (the page is by id, newest stored first).
    pub before_id: Option<i64>,
    pub limit: usize,
}

/// Events of one direction of a dyad on one day in one QuadClass.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    /// 0: first actor to second; 1: second to first.
    pub direction: u8,
    pub day: NaiveDate,
    pub quad_class: u8,
    pub events: i64,
    pub goldstein_sum: f64,
}

/// Totals and ranges of a database.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    #[serde(flatten)]
    pub summary: Summary,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    /// Events in QuadClass 1 to 4.
    pub by_quad_class: [i64; 4],
    /// Events whose action place is known.
    pub with_place: i64,
}

/// A directed pair of actor codes and its event count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadCount {
    pub actor1_code: String,
    pub actor1_name: String,
    pub actor2_code: String,
    pub actor2_name: String,
    pub events: i64,
    pub goldstein_mean: f64,
}

/// An action place with its event count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceCount {
    pub name: String,
    pub lat: f64,
    pub long: f64,
    pub events: i64,
}

/// An actor code in use and how many events name it on either side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeCount {
    pub code: String,
    pub name: String,
    pub events: i64,
}

/// Whether a store error is a query stopped at its deadline.
pub fn is_interrupted(err: &StoreError) -> bool {
    matches!(err, StoreError::Sqlite(e)
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted))
}

/// `(col >= lo AND col < hi)`: the codes starting with `prefix`.
fn prefix_range(column: &str, prefix: &str, args: &mut Vec<Value>) -> String {
    let lo = prefix.trim().to_uppercase();
    let mut hi = lo.clone();
    let last = hi
        .pop()
        .map(|c| char::from_u32(c as u32 + 1).unwrap_or(char::MAX));
    match last {
        Some(c) => hi.push(c),
        None => hi.push(char::MAX),
    }
    args.push(Value::Text(lo));
    args.push(Value::Text(hi));
    let n = args.len();
    format!("({column} >= ?{} AND {column} < ?{n})", n - 1)
}

/// `col IN (?, ...)` over `codes`, or a clause that matches nothing when there are none.
fn in_list(column: &str, codes: &[String], args: &mut Vec<Value>) -> String {
    if codes.is_empty() {
        return "0".to_string();
    }
    let mut marks = Vec::with_capacity(codes.len());
    for c in codes {
        args.push(Value::Text(c.clone()));
        marks.push(format!("?{}", args.len()));
    }
    format!("{column} IN ({})", marks.join(", "))
}

/// The codes of the sorted `codes` that start with `prefix` (upper-cased).
fn with_prefix(codes: &[String], prefix: &str) -> Vec<String> {
    let prefix = prefix.trim().to_uppercase();
    let from = codes.partition_point(|c| c.as_str() < prefix.as_str());
    codes[from..]
        .iter()
        .take_while(|c| c.starts_with(&prefix))
        .cloned()
        .collect()
}

fn day_of(n: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt((n / 10000) as i32, (n / 100 % 100) as u32, (n % 100) as u32)
}

impl EventSearch {
    /// The WHERE clause; `expand` gives the codes in use starting with a prefix.
    fn where_clause(&self, args: &mut Vec<Value>, expand: &dyn Fn(&str) -> Vec<String>) -> String {
        let mut clauses = Vec::new();
        if let Some(actor) = &self.actor {
            let codes = expand(actor);
            let a = in_list("e.actor1_code", &codes, args);
            let b = in_list("e.actor2_code", &codes, args);
            clauses.push(format!("({a} OR {b})"));
        }
        if let Some((a, b)) = &self.dyad {
            let (ca, cb) = (expand(a), expand(b));
            let ab = format!(
                "({} AND {})",
                in_list("e.actor1_code", &ca, args),
                in_list("e.actor2_code", &cb, args)
            );
            if self.both_directions {
                let ba = format!(
                    "({} AND {})",
                    in_list("e.actor1_code", &cb, args),
                    in_list("e.actor2_code", &ca, args)
                );
                clauses.push(format!("({ab} OR {ba})"));
            } else {
                clauses.push(ab);
            }
        }
        if let Some(code) = &self.code {
            args.push(Value::Text(code.clone()));
            let n = args.len();
            clauses.push(format!("substr(e.event_code, 1, length(?{n})) = ?{n}"));
        }
        if let Some(codes) = &self.codes {
            let mut marks = Vec::new();
            for c in codes {
                args.push(Value::Text(c.clone()));
                marks.push(format!("?{}", args.len()));
            }
            if marks.is_empty() {
                clauses.push("0".to_string());
            } else {
                clauses.push(format!("e.event_code IN ({})", marks.join(", ")));
            }
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
        if let Some(place) = &self.place {
            args.push(Value::Text(place.to_lowercase()));
            clauses.push(format!("instr(lower(e.action_geo), ?{}) > 0", args.len()));
        }
        if let Some(text) = &self.text {
            args.push(Value::Text(text.to_lowercase()));
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id \
                 AND instr(lower(m.sentence), ?{}) > 0)",
                args.len()
            ));
        }
        if let Some(id) = self.before_id {
            args.push(Value::Integer(id));
            clauses.push(format!("e.id < ?{}", args.len()));
        }
        if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        }
    }
}

impl Reader {
    /// Opens an existing database read-only (`SQLITE_OPEN_READ_ONLY`, `query_only`).
    pub fn open(path: &Path) -> Result<Reader, StoreError> {
        Reader::open_sharing(path, &CodesInUse::default())
    }

    /// Opens a reader that shares its list of codes in use with the other readers given the
    /// same `codes` (a pool of readers reads it once a minute, not once per connection).
    pub fn open_sharing(path: &Path, codes: &CodesInUse) -> Result<Reader, StoreError> {
        let store = Store::open_read_only(path)?;
        store.conn.pragma_update(None, "query_only", true)?;
        let base = Instant::now();
        let deadline = Arc::new(AtomicU64::new(0));
        let watched = Arc::clone(&deadline);
        store.conn.progress_handler(
            10_000,
            Some(move || {
                let d = watched.load(Ordering::Relaxed);
                d != 0 && base.elapsed().as_nanos() as u64 > d
            }),
        );
        Ok(Reader {
            store,
            base,
            deadline,
            codes_in_use: codes.clone(),
        })
    }

    /// Reads the list of codes in use now (a server does this before it answers, so that no
    /// request waits for it).
    pub fn warm(&self) -> Result<(), StoreError> {
        self.codes_in_use().map(|_| ())
    }

    /// The actor codes in use (either side), sorted; read again after [`CODES_TTL`], by one
    /// reader while the others go on with the list they have. Each code is found by one index
    /// seek past the previous one: some 45 ms for 1,320 codes in a million events.
    fn codes_in_use(&self) -> Result<Arc<Vec<String>>, StoreError> {
        let shared = &self.codes_in_use.0;
        {
            let mut slot = shared.lock().unwrap_or_else(|e| e.into_inner());
            match &slot.0 {
                Some((at, codes)) if at.elapsed() < CODES_TTL || slot.1 => {
                    return Ok(Arc::clone(codes))
                }
                _ => slot.1 = true,
            }
        }
        let read = self.read_codes_in_use();
        let mut slot = shared.lock().unwrap_or_else(|e| e.into_inner());
        slot.1 = false;
        let all = Arc::new(read?);
        slot.0 = Some((Instant::now(), Arc::clone(&all)));
        Ok(all)
    }

    fn read_codes_in_use(&self) -> Result<Vec<String>, StoreError> {
        let mut all = Vec::new();
        for column in ["actor1_code", "actor2_code"] {
            let mut stmt = self.store.conn.prepare_cached(&format!(
                "SELECT min({column}) FROM events WHERE {column} > ?1"
            ))?;
            let mut last = String::new();
            while let Some(code) = stmt.query_row([&last], |r| r.get::<_, Option<String>>(0))? {
                all.push(code.clone());
                last = code;
            }
        }
        all.sort_unstable();
        all.dedup();
        Ok(all)
    }

    /// `search`'s WHERE clause with its actor prefixes expanded into the codes in use.
    fn clause(&self, search: &EventSearch, args: &mut Vec<Value>) -> Result<String, StoreError> {
        let codes = self.codes_in_use()?;
        Ok(search.where_clause(args, &|prefix| with_prefix(&codes, prefix)))
    }

    /// Runs `f` with queries interrupted after `limit` (see [`is_interrupted`]).
    pub fn with_deadline<T>(&self, limit: Duration, f: impl FnOnce(&Reader) -> T) -> T {
        let at = (self.base.elapsed() + limit).as_nanos() as u64;
        self.deadline.store(at.max(1), Ordering::Relaxed);
        let out = f(self);
        self.deadline.store(0, Ordering::Relaxed);
        out
    }

    /// A page of events under `search`, newest stored first.
    ///
    /// The page's ids come first, from the indexes alone where the filter allows; only those
    /// events are then read with their article and first sentence (sorting whole rows of a dyad
    /// with thousands of events would read every one of them).
    pub fn events(&self, search: &EventSearch) -> Result<Vec<EventRow>, StoreError> {
        let ids = match self.recent_ids(search)? {
            Some(ids) => ids,
            None => self.indexed_ids(search)?,
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.event(id)?);
        }
        Ok(out)
    }

    /// For an actor or a dyad, the page from a newest-first walk of the [`RECENT_WINDOW`] events
    /// below the cursor, if it fills the page: a common actor's page is found in the newest events
    /// without sorting all of theirs. None when the walk does not fill it.
    fn recent_ids(&self, search: &EventSearch) -> Result<Option<Vec<i64>>, StoreError> {
        if search.actor.is_none() && search.dyad.is_none() {
            return Ok(None);
        }
        let newest: i64 =
            self.store
                .conn
                .query_row("SELECT coalesce(max(id), 0) + 1 FROM events", [], |r| {
                    r.get(0)
                })?;
        if search.dyad.is_some() && !self.dense_dyad(search, newest)? {
            return Ok(None);
        }
        let top = search.before_id.unwrap_or(newest);
        let mut args = Vec::new();
        let clause = self.clause(search, &mut args)?;
        args.push(Value::Integer(top - RECENT_WINDOW));
        let n = args.len();
        let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
        let sql = format!(
            "SELECT e.id FROM events e NOT INDEXED{clause}{joiner} e.id >= ?{n} \
             ORDER BY e.id DESC LIMIT {}",
            search.limit
        );
        let mut stmt = self.store.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((ids.len() >= search.limit).then_some(ids))
    }

    /// Whether a page of `search`'s dyad is likely among the [`RECENT_WINDOW`] events below the
    /// cursor: the dyad's events (from `dyad_totals`, a few key lookups), if spread evenly over
    /// the `newest` ids, would put twice the page in the window. A dyad's events are at most a few
    /// percent of all, so its index read is short, and a walk that finds too few is wasted: with
    /// a further filter (dates, codes, place, text) the walk is not tried.
    fn dense_dyad(&self, search: &EventSearch, newest: i64) -> Result<bool, StoreError> {
        let Some((a, b)) = &search.dyad else {
            return Ok(false);
        };
        let filtered = search.code.is_some()
            || search.codes.is_some()
            || search.quad_class.is_some()
            || search.from.is_some()
            || search.to.is_some()
            || search.place.is_some()
            || search.text.is_some();
        if filtered {
            return Ok(false);
        }
        let mut events = self.dyad_events(a, b)?;
        if search.both_directions && !a.eq_ignore_ascii_case(b) {
            events += self.dyad_events(b, a)?;
        }
        let expected = events as f64 * RECENT_WINDOW as f64 / newest.max(1) as f64;
        Ok(expected >= 2.0 * search.limit as f64)
    }

    /// How many events go from actor `a` to `b` (code prefixes), from `dyad_totals`.
    pub fn dyad_events(&self, a: &str, b: &str) -> Result<i64, StoreError> {
        let codes = self.codes_in_use()?;
        let mut args = Vec::new();
        let sql = format!(
            "SELECT coalesce(sum(events), 0) FROM dyad_totals WHERE {} AND {}",
            in_list("actor1_code", &with_prefix(&codes, a), &mut args),
            in_list("actor2_code", &with_prefix(&codes, b), &mut args)
        );
        let mut stmt = self.store.conn.prepare_cached(&sql)?;
        Ok(stmt.query_row(rusqlite::params_from_iter(args), |r| r.get(0))?)
    }

    /// The page's ids through the actor indexes, sorted.
    fn indexed_ids(&self, search: &EventSearch) -> Result<Vec<i64>, StoreError> {
        let mut args = Vec::new();
        // With an actor or a dyad, `+e.id` keeps SQLite from walking every event newest first
        // in search of the few that match: it takes the actor indexes and sorts what they give.
        let order = if search.actor.is_some() || search.dyad.is_some() {
            "+e.id"
        } else {
            "e.id"
        };
        let sql = format!(
            "SELECT e.id FROM events e{} ORDER BY {order} DESC LIMIT {}",
            self.clause(search, &mut args)?,
            search.limit
        );
        let mut stmt = self.store.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ids)
    }

    /// One event, when there is one with this id.
    pub fn event(&self, id: i64) -> Result<Option<EventRow>, StoreError> {
        use rusqlite::OptionalExtension;
        let mut stmt = self
            .store
            .conn
            .prepare_cached(&format!("{EVENT_SELECT} WHERE e.id = ?1"))?;
        Ok(stmt.query_row([id], event_row).optional()?)
    }

    /// The mentions of one event, in the order they were stored.
    pub fn mentions(&self, id: i64) -> Result<Vec<MentionRow>, StoreError> {
        self.store.mentions_of(id)
    }

    /// Per day and QuadClass, the events from `a` to `b` (direction 0) and `b` to `a` (1), from
    /// the `dyad_days` aggregate (see the schema), not from the events. With a `grain` of
    /// [`Period::Month`] or [`Period::Year`] the days are summed into the first day of their
    /// month or year; weeks and days are given by day. Rows come in time order. Undated events
    /// (day 0) are left out.
    ///
    /// The cells are read in primary-key order and summed here: an SQL GROUP BY would sort them
    /// all first (tens of thousands for the busiest dyads, the larger part of the cost).
    pub fn dyad_days(
        &self,
        a: &str,
        b: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        grain: Period,
    ) -> Result<Vec<DayCount>, StoreError> {
        let codes = self.codes_in_use()?;
        let key = |day: i64| match grain {
            Period::Month => day / 100 * 100 + 1,
            Period::Year => day / 10000 * 10000 + 101,
            Period::Day | Period::Week => day,
        };
        let mut out = Vec::new();
        for (direction, (x, y)) in [(a, b), (b, a)].into_iter().enumerate() {
            let mut args = Vec::new();
            let ab = in_list("actor1_code", &with_prefix(&codes, x), &mut args);
            let ba = in_list("actor2_code", &with_prefix(&codes, y), &mut args);
            args.push(Value::Integer(from.map_or(1, crate::ingest::day_number)));
            args.push(Value::Integer(
                to.map_or(i64::MAX, crate::ingest::day_number),
            ));
            let n = args.len();
            let sql = format!(
                "SELECT day, quad_class, events, goldstein_tenths FROM dyad_days \
                 WHERE {ab} AND {ba} AND day >= ?{} AND day <= ?{n}",
                n - 1
            );
            let mut sums: BTreeMap<(i64, i64), (i64, i64)> = BTreeMap::new();
            let mut stmt = self.store.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
            while let Some(r) = rows.next()? {
                let sum = sums.entry((key(r.get(0)?), r.get(1)?)).or_default();
                sum.0 += r.get::<_, i64>(2)?;
                sum.1 += r.get::<_, i64>(3)?;
            }
            for ((day, quad_class), (events, tenths)) in sums {
                let Some(day) = day_of(day) else {
                    continue;
                };
                out.push(DayCount {
                    direction: direction as u8,
                    day,
                    quad_class: quad_class as u8,
                    events,
                    goldstein_sum: tenths as f64 / 10.0,
                });
            }
            if a.eq_ignore_ascii_case(b) {
                break;
            }
        }
        Ok(out)
    }

    /// Totals, the day range and the QuadClass counts.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let conn = &self.store.conn;
        let summary = self.store.summary()?;
        let (first, last): (Option<i64>, Option<i64>) =
            conn.query_row("SELECT min(day), max(day) FROM events", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let mut by_quad_class = [0; 4];
        let mut stmt =
            conn.prepare_cached("SELECT quad_class, count(*) FROM events GROUP BY quad_class")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let q: i64 = r.get(0)?;
            if (1..=4).contains(&q) {
                by_quad_class[q as usize - 1] = r.get(1)?;
            }
        }
        let with_place = conn.query_row(
            "SELECT count(*) FROM events WHERE action_geo != ''",
            [],
            |r| r.get(0),
        )?;
        Ok(Stats {
            summary,
            first_day: first.and_then(day_of),
            last_day: last.and_then(day_of),
            by_quad_class,
            with_place,
        })
    }

    /// The `limit` directed dyads with the most events (actors on both sides known).
    pub fn top_dyads(&self, limit: usize) -> Result<Vec<DyadCount>, StoreError> {
        let mut stmt = self.store.conn.prepare_cached(
            "SELECT actor1_code, max(actor1_name), actor2_code, max(actor2_name), count(*), \
             avg(goldstein) FROM events WHERE actor1_code != '' AND actor2_code != '' \
             GROUP BY actor1_code, actor2_code ORDER BY count(*) DESC, actor1_code, actor2_code \
             LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(DyadCount {
                actor1_code: r.get(0)?,
                actor1_name: r.get(1)?,
                actor2_code: r.get(2)?,
                actor2_name: r.get(3)?,
                events: r.get(4)?,
                goldstein_mean: (r.get::<_, f64>(5)? * 100.0).round() / 100.0,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Up to `limit` action places with coordinates, most events first, under `search` (its
    /// cursor and limit are ignored).
    pub fn places(
        &self,
        search: &EventSearch,
        limit: usize,
    ) -> Result<Vec<PlaceCount>, StoreError> {
        let search = EventSearch {
            before_id: None,
            ..search.clone()
        };
        let mut args = Vec::new();
        let mut clause = self.clause(&search, &mut args)?;
        clause.push_str(if clause.is_empty() {
            " WHERE "
        } else {
            " AND "
        });
        clause.push_str("e.action_geo != ''");
        let sql = format!(
            "SELECT e.action_geo, count(*) FROM events e{clause} GROUP BY e.action_geo \
             ORDER BY count(*) DESC LIMIT {limit}"
        );
        let mut stmt = self.store.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let geo: String = r.get(0)?;
            // Type#FullName#CountryCode#ADM1Code#Lat#Long#FeatureID
            let fields: Vec<&str> = geo.split('#').collect();
            let coord = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok());
            if let (Some(lat), Some(long)) = (coord(4), coord(5)) {
                out.push(PlaceCount {
                    name: fields.get(1).unwrap_or(&"").to_string(),
                    lat,
                    long,
                    events: r.get(1)?,
                });
            }
        }
        Ok(out)
    }

    /// Actor codes in use that start with `prefix`, most events first.
    pub fn codes(&self, prefix: &str, limit: usize) -> Result<Vec<CodeCount>, StoreError> {
        let mut args = Vec::new();
        let r1 = prefix_range("actor1_code", prefix, &mut args);
        let r2 = prefix_range("actor2_code", prefix, &mut args)
            .replace("?3", "?1")
            .replace("?4", "?2");
        args.truncate(2);
        let sql = format!(
            "SELECT code, max(name), count(*) FROM ( \
               SELECT actor1_code AS code, actor1_name AS name FROM events WHERE {r1} \
               UNION ALL SELECT actor2_code, actor2_name FROM events WHERE {r2}) \
             GROUP BY code ORDER BY count(*) DESC, code LIMIT {limit}"
        );
        let mut stmt = self.store.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(CodeCount {
                code: r.get(0)?,
                name: r.get(1)?,
                events: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn database() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut store = Store::open(&path).unwrap();
        use crate::test_support::{event, meta, story};
        let batch = vec![
            (
                meta("a", Some("https://example.org/a"), &story("Pyongyang")),
                vec![
                    event(0, "2020-10-10", "CHN", "PRK", "051", 3.4),
                    event(1, "2020-10-12", "PRK", "CHN", "112", -2.0),
                ],
            ),
            (
                meta("b", Some("https://example.org/b"), &story("Seoul")),
                vec![event(0, "2020-11-02", "CHN", "KOR", "036", 4.0)],
            ),
        ];
        store.ingest_batch(&batch).unwrap();
        drop(store);
        (dir, path)
    }

    #[test]
    fn pages_follow_the_cursor_and_filters_bind_values() {
        let (_dir, path) = database();
        let reader = Reader::open(&path).unwrap();
        let all = reader
            .events(&EventSearch {
                limit: 100,
                ..Default::default()
            })
            .unwrap();
        assert!(all.len() >= 2, "{all:?}");
        let first = reader
            .events(&EventSearch {
                limit: 1,
                ..Default::default()
            })
            .unwrap();
        let next = reader
            .events(&EventSearch {
                limit: 1,
                before_id: Some(first[0].id),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(next[0].id, all[1].id);
        let odd = reader
            .events(&EventSearch {
                actor: Some("X' OR 1=1 --".into()),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert!(odd.is_empty());
        assert_eq!(reader.dyad_events("CH", "PRK").unwrap(), 1);
        assert_eq!(reader.dyad_events("CHN", "").unwrap(), 2);
        assert_eq!(reader.dyad_events("KOR", "CHN").unwrap(), 0);
        // A dyad page is the same whichever way it is found.
        let page = reader
            .events(&EventSearch {
                dyad: Some(("CHN".into(), "PRK".into())),
                both_directions: true,
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(page.len(), 2);
        assert!(page[0].id > page[1].id);
    }

    #[test]
    fn dyad_days_sum_the_aggregate_by_grain_and_direction() {
        let (_dir, path) = database();
        let reader = Reader::open(&path).unwrap();
        let cells = |from, grain| {
            reader
                .dyad_days("CHN", "PRK", from, None, grain)
                .unwrap()
                .into_iter()
                .map(|d| {
                    (
                        d.direction,
                        d.day.to_string(),
                        d.quad_class,
                        d.events,
                        d.goldstein_sum,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cells(None, Period::Day),
            vec![
                (0, "2020-10-10".to_string(), 1, 1, 3.4),
                (1, "2020-10-12".to_string(), 3, 1, -2.0)
            ]
        );
        assert_eq!(cells(None, Period::Month)[1].1, "2020-10-01");
        assert_eq!(cells(None, Period::Year)[0].1, "2020-01-01");
        let later = NaiveDate::from_ymd_opt(2020, 10, 11);
        assert_eq!(cells(later, Period::Month).len(), 1);
        // a prefix takes in the longer codes in use; another actor's events stay out
        assert!(reader
            .dyad_days("CH", "KOR", None, None, Period::Year)
            .unwrap()
            .iter()
            .all(|d| d.direction == 0 && d.events == 1));
    }

    #[test]
    fn readers_of_a_pool_share_one_list_of_codes() {
        let (_dir, path) = database();
        let codes = CodesInUse::default();
        let first = Reader::open_sharing(&path, &codes).unwrap();
        first.warm().unwrap();
        let second = Reader::open_sharing(&path, &codes).unwrap();
        // A code stored after the list was read is not in it for the next minute ...
        let mut store = Store::open(&path).unwrap();
        use crate::test_support::{event, meta, story};
        store
            .ingest_batch(&[(
                meta("c", None, &story("Lima")),
                vec![event(0, "2020-12-01", "USA", "CHN", "036", 4.0)],
            )])
            .unwrap();
        assert_eq!(second.dyad_events("USA", "CHN").unwrap(), 0);
        // ... but a reader with its own list sees it.
        assert_eq!(
            Reader::open(&path)
                .unwrap()
                .dyad_events("USA", "CHN")
                .unwrap(),
            1
        );
    }

    #[test]
    fn a_query_past_its_deadline_is_interrupted() {
        let (_dir, path) = database();
        let reader = Reader::open(&path).unwrap();
        let err = reader
            .with_deadline(Duration::from_nanos(1), |r| {
                std::thread::sleep(Duration::from_millis(2));
                r.store
                    .conn
                    .query_row(
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n \
                         WHERE i < 10000000) SELECT count(*) FROM n",
                        [],
                        |row| row.get::<_, i64>(0),
                    )
                    .map_err(StoreError::from)
            })
            .unwrap_err();
        assert!(is_interrupted(&err), "{err}");
    }

    #[test]
    fn the_database_cannot_be_written() {
        let (_dir, path) = database();
        let reader = Reader::open(&path).unwrap();
        assert!(reader.store.conn.execute("DELETE FROM events", []).is_err());
    }
}
