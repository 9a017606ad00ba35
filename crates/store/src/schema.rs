//! The database layout. Everything is created by [`create`] and versioned in `meta`.

use rusqlite::Connection;

/// Bumped whenever the tables change incompatibly.
pub const SCHEMA_VERSION: i64 = 1;

const TABLES: &str = "
CREATE TABLE IF NOT EXISTS meta(
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- One row per committed ingest batch; every article names the batch that stored it, so a re-run
-- after a crash sees exactly what was committed.
CREATE TABLE IF NOT EXISTS batches(
    id           INTEGER PRIMARY KEY,
    committed_at INTEGER NOT NULL,         -- YYYYMMDDHHMMSS, UTC
    articles     INTEGER NOT NULL,
    first_origin TEXT,
    last_origin  TEXT
);
CREATE TABLE IF NOT EXISTS articles(
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,     -- xxh3-128 of the normalised words
    url          TEXT UNIQUE,
    input_id     TEXT NOT NULL,
    title        TEXT,
    date         INTEGER,                  -- YYYYMMDD publication date
    source       TEXT,                     -- outlet as given
    source_name  TEXT NOT NULL,            -- URL host, else outlet: what NumSources counts
    doc_len      INTEGER NOT NULL,
    origin       TEXT NOT NULL,            -- file:line it was read from
    minhash      BLOB,
    duplicate_of INTEGER REFERENCES articles(id),
    similarity   REAL,
    batch_id     INTEGER NOT NULL REFERENCES batches(id)
);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);
-- GDELT's event table: one row per (day, actor1, actor2, code, action place).
CREATE TABLE IF NOT EXISTS events(
    id            INTEGER PRIMARY KEY,     -- GLOBALEVENTID
    day           INTEGER NOT NULL,        -- YYYYMMDD
    actor1_code   TEXT NOT NULL,
    actor1_name   TEXT NOT NULL,
    actor2_code   TEXT NOT NULL,
    actor2_name   TEXT NOT NULL,
    event_code    TEXT NOT NULL,
    root_code     TEXT NOT NULL,
    quad_class    INTEGER NOT NULL,
    goldstein     REAL NOT NULL,
    action_geo    TEXT NOT NULL DEFAULT '',
    is_root       INTEGER NOT NULL,
    num_mentions  INTEGER NOT NULL,
    num_sources   INTEGER NOT NULL,
    num_articles  INTEGER NOT NULL,
    first_article INTEGER NOT NULL REFERENCES articles(id),
    date_added    INTEGER NOT NULL,        -- YYYYMMDDHHMMSS, UTC
    date_basis    TEXT,                    -- the first mention's date_basis (see tidings-event)
    published     TEXT,                    -- the first article's publication date, YYYY-MM-DD
    plover_type   TEXT,                    -- PLOVER event type and mode of event_code
    plover_mode   TEXT,
    coder_version TEXT,                    -- tidings version that stored the event
    UNIQUE(day, actor1_code, actor2_code, event_code, action_geo)
);
CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1_code, day);
CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2_code, day);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
-- GDELT's mentions table, plus the sentence itself.
CREATE TABLE IF NOT EXISTS mentions(
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events(id),
    article_id     INTEGER NOT NULL REFERENCES articles(id),
    sentence_index INTEGER NOT NULL,       -- 0 = headline when there is one
    sentence       TEXT NOT NULL,
    span_start     INTEGER NOT NULL,       -- byte offsets in the cleaned text
    span_end       INTEGER NOT NULL,
    actor1_offset  INTEGER NOT NULL,       -- -1 when the actor's words are not in the sentence
    actor2_offset  INTEGER NOT NULL,
    UNIQUE(event_id, article_id, sentence_index)
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
";

/// Columns added to `events` after version 1 was released: databases written before them get
/// them, null, when opened for writing ([`migrate`]). All are nullable and additive.
pub const ADDED_EVENT_COLUMNS: [(&str, &str); 5] = [
    ("date_basis", "TEXT"),
    ("published", "TEXT"),
    ("plover_type", "TEXT"),
    ("plover_mode", "TEXT"),
    ("coder_version", "TEXT"),
];

/// The added columns an older database lacks.
pub fn missing_columns(conn: &Connection) -> rusqlite::Result<Vec<&'static str>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info('events')")?;
    let have: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ADDED_EVENT_COLUMNS
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| !have.iter().any(|h| h == c))
        .collect())
}

/// Adds the columns an older database lacks (`ALTER TABLE ... ADD COLUMN`, cheap in SQLite).
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    for name in missing_columns(conn)? {
        let kind = ADDED_EVENT_COLUMNS
            .iter()
            .find(|(c, _)| *c == name)
            .map_or("TEXT", |(_, k)| k);
        conn.execute_batch(&format!("ALTER TABLE events ADD COLUMN {name} {kind}"))?;
    }
    Ok(())
}

/// Sets the connection up (WAL, foreign keys) and creates the tables if missing.
pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // In WAL mode NORMAL loses no committed transaction when the process dies (only on power loss).
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.execute_batch(TABLES)?;
    migrate(conn)?;
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)",
        [SCHEMA_VERSION.to_string()],
    )?;
    Ok(())
}

/// The schema version recorded in the database.
pub fn version(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(v.and_then(|v| v.parse().ok()))
}
