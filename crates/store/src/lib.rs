//! The event store: coded articles in, GDELT-style event data out.
//!
//! `tidings ingest` codes articles and hands each batch to [`Store::ingest_batch`] as
//! `(ArticleMeta, Vec<Event>)` pairs; this crate never runs the coder itself. The store keeps, in
//! one SQLite file (bundled SQLite, WAL):
//!
//! - **articles**, keyed by a content hash of their words and by URL, so the same article read
//!   twice is stored once; a near-duplicate (one wire story on many sites, found by MinHash over
//!   word shingles, see [`neardup`]) is linked to its first copy and its events count as further
//!   mentions of that copy's events;
//! - **events**, aggregated as GDELT does: one row per (day, source actor code, target actor code,
//!   CAMEO code, action place) with NumMentions, NumSources, NumArticles and the first source URL;
//! - **mentions**, GDELT's Mentions table plus what GDELT never gives: the sentence itself;
//! - **dyad aggregates** (`dyad_days`: events and Goldstein sum per actor-code pair, day and
//!   QuadClass; `dyad_totals`: events per pair), kept by a trigger in the transaction that
//!   inserts each event, so a dyad's time series reads a few cells instead of its events (see
//!   [`browse::Reader::dyad_days`]; [`Store::aggregate_mismatches`] checks them);
//! - **batches**: each batch is one transaction and every article names its batch, so a process
//!   killed at any moment leaves whole batches only, and re-running the same input skips what
//!   was committed ([`Store::contains`]) and stores the rest.
//! - **fetched**: the URLs `tidings watch` fetched and what came of each ([`Store::was_fetched`],
//!   [`Store::record_fetched`]), so a restarted watch fetches none of them again.
//!
//! Reading back: [`Store::query`] with a [`QueryFilter`] gives [`EventRow`]s (counts plus one
//! evidence sentence); [`Store::timeline`] gives per-period, per-direction [`TimelineRow`]s;
//! [`export`] writes the GDELT 2.0 Events and Mentions tables as tab-separated text, JSON Lines,
//! and Parquet partitioned by date.
//!
//! Not here: reading or coding articles (`tidings-article`, `tidings-coder`), geocoding (the
//! action place is empty until the coder supplies one), document tone (AvgTone is 0).
//!
//! ```
//! use tidings_event::{Actor, Event, Plover, Span};
//! use tidings_store::{ArticleMeta, QueryFilter, Store};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let meta = ArticleMeta {
//!     input_id: "a1".into(), title: None, date: None, source: Some("newsx".into()),
//!     url: Some("https://example.org/xi-kim".into()),
//!     text: "China praised North Korea.".into(), doc_len: 26, origin: "seed.txt:1".into(),
//! };
//! let event = Event {
//!     article_id: "a1".into(), sentence_index: 0, sentence: "China praised North Korea.".into(),
//!     span: Span { start: 0, end: 26 }, date: "2020-10-10".into(), date_basis: None, published: None,
//!     source: Actor::new("China", "CHN"), target: Some(Actor::new("North Korea", "PRK")),
//!     cameo: "051".into(), root: "05".into(), quad_class: 1, goldstein: 3.4,
//!     plover: Plover { event: "SUPPORT".into(), mode: None }, values_from: None, negated: false, explain: None, action_geo: None,
//! };
//! let stats = store.ingest_batch(&[(meta.clone(), vec![event.clone()])]).unwrap();
//! assert_eq!((stats.articles_stored, stats.events_created), (1, 1));
//! // The same article again changes nothing.
//! assert_eq!(store.ingest_batch(&[(meta, vec![event])]).unwrap().already_stored, 1);
//! let rows = store.query(&QueryFilter { dyad: Some(("CHN".into(), "PRK".into())), ..Default::default() }).unwrap();
//! assert_eq!(rows[0].event_code, "051");
//! assert_eq!(rows[0].evidence, "China praised North Korea.");
//! ```

pub mod actor_code;
mod article_meta;
pub mod browse;
pub mod columns;
mod dyad_days;
pub mod export;
mod fetched;
mod ingest;
mod lock;
pub mod neardup;
pub mod parquet_export;
mod query;
mod schema;
#[cfg(test)]
mod test_support;
mod timeline;

pub use article_meta::{url_host, ArticleMeta};
pub use ingest::{date_added_now, IngestStats, Problem};
pub use lock::{Holder, WriteLock};
pub use parquet_export::Partition;
pub use query::{km_between, EventRow, MentionRow, Near, QueryFilter, TIMELINE_LEAVES_OUT};
pub use timeline::{sparkline, Period, TimelineRow};

use neardup::{NearDupIndex, Signature};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::Path;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("parquet: {0}")]
    Parquet(String),
    #[error("{0}")]
    Invalid(String),
}

/// Why a database that exists could not be read, in words that name it: not an SQLite file, an
/// SQLite file without tidings' tables, or one SQLite cannot open: a database in WAL mode (as
/// tidings writes them) is read through a `-shm` file beside it, which needs a writable folder.
fn unreadable(path: &Path, err: &rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let code = err.sqlite_error_code();
    let message = match code {
        Some(ErrorCode::NotADatabase) => "not a tidings database (not an SQLite file)".to_string(),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
            let mut shm = path.as_os_str().to_owned();
            shm.push("-shm");
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.display().to_string(),
                _ => ".".to_string(),
            };
            format!(
                "cannot read this database: SQLite could not create or open {} beside it, which \
                 it needs to read a database written in WAL mode; is the folder {dir} read-only \
                 (or not writable by this user)? Copy the database to a writable folder, or run \
                 tidings as a user who may write there (sqlite: {err})",
                std::path::Path::new(&shm).display()
            )
        }
        _ if err.to_string().contains("no such table") => {
            "not a tidings database (an SQLite file without tidings' tables)".to_string()
        }
        _ => format!("cannot read this database: {err}"),
    };
    StoreError::Invalid(format!("{}: {message}", path.display()))
}

/// What an I/O error means, in words, without the `(os error N)` that std appends: "permission
/// denied", "a part of the path is a file, not a folder", "the file system is read-only".
pub fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let words = match err.kind() {
        ErrorKind::PermissionDenied => "permission denied",
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder",
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only",
        ErrorKind::NotFound => "no such file or folder",
        ErrorKind::IsADirectory => "it is a folder, not a file",
        ErrorKind::StorageFull => "no space left on the device",
        ErrorKind::AlreadyExists => "it already exists",
        _ => return err.to_string(),
    };
    words.to_string()
}

/// Totals of what a database holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub batches: i64,
    pub articles: i64,
    pub near_duplicates: i64,
    pub events: i64,
    pub mentions: i64,
    /// Sum of NumMentions over all events (equals `mentions`).
    pub event_mentions: i64,
}

/// An open event database.
pub struct Store {
    conn: Connection,
    index: NearDupIndex,
}

impl Store {
    /// Opens (creating if needed) the database at `path` for ingesting and reading.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        use rusqlite::ErrorCode;
        let unwritable = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
                StoreError::Invalid(format!(
                    "{}: cannot write to this database: the file or its folder is read-only, or \
                     not writable by this user (sqlite: {e})",
                    path.display()
                ))
            }
            _ => StoreError::Sqlite(e),
        };
        let conn = Connection::open(path).map_err(unwritable)?;
        Store::setup(conn).map_err(|e| match e {
            StoreError::Sqlite(e) => unwritable(e),
            other => other,
        })
    }

    /// Opens an existing database for reading only; fails when there is none at `path`.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Invalid(format!(
                "{}: no such database (run `tidings ingest` first)",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| unreadable(path, &e))?;
        match schema::version(&conn) {
            Ok(Some(v)) if v < schema::SCHEMA_VERSION => {
                // written by an older tidings: upgrade it once (adds columns), then read it
                drop(conn);
                Store::open(path).map_err(|e| {
                    StoreError::Invalid(format!(
                        "{}: written by an older tidings (schema {v}) and it could not be \
                         upgraded to schema {}: {e}",
                        path.display(),
                        schema::SCHEMA_VERSION
                    ))
                })?;
                return Store::open_read_only(path);
            }
            Ok(Some(_)) => {}
            Ok(None) => {
                return Err(StoreError::Invalid(format!(
                    "{}: not a tidings database (it has no schema version)",
                    path.display()
                )))
            }
            Err(e) => return Err(unreadable(path, &e)),
        }
        Ok(Store {
            conn,
            index: NearDupIndex::new(),
        })
    }

    /// A database in memory, for tests and examples.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store, StoreError> {
        schema::create(&conn)?;
        if let Some(v) = schema::version(&conn)? {
            if v != schema::SCHEMA_VERSION {
                return Err(StoreError::Invalid(format!(
                    "database schema version {v}, this tidings reads version {}",
                    schema::SCHEMA_VERSION
                )));
            }
        }
        let mut index = NearDupIndex::new();
        {
            let mut stmt = conn.prepare(
                "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY id",
            )?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
            for row in rows {
                let (id, bytes) = row?;
                if let Some(sig) = Signature::from_bytes(&bytes) {
                    index.insert(id, sig);
                }
            }
        }
        Ok(Store { conn, index })
    }

    fn index_threshold(&self) -> f64 {
        neardup::DEFAULT_THRESHOLD
    }

    /// Counts of batches, articles, near-duplicates, events and mentions.
    pub fn summary(&self) -> Result<Summary, StoreError> {
        let count = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        Ok(Summary {
            batches: count("SELECT count(*) FROM batches")?,
            articles: count("SELECT count(*) FROM articles")?,
            near_duplicates: count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")?,
            events: count("SELECT count(*) FROM events")?,
            mentions: count("SELECT count(*) FROM mentions")?,
            event_mentions: count("SELECT coalesce(sum(num_mentions), 0) FROM events")?,
        })
    }

    /// The SQLite connection, for ad-hoc reading.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
