//! The database layout. Everything is created by [`create`] and versioned in `meta`.

use rusqlite::Connection;

/// Bumped whenever the tables change. Version 2 added `date_basis` and `published` to events and
/// mentions, version 3 `plover_type`, `plover_mode` and `coder_version` to events, version 4
/// `actor1_geo` and `actor2_geo` to events, version 5 the `dyad_days` and `dyad_totals` aggregates
/// and their trigger; [`create`] upgrades an older database in place.
pub const SCHEMA_VERSION: i64 = 5;

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
    date_basis    TEXT NOT NULL DEFAULT '', -- of the first mention: sentence, story, article, history, undated, ...
    published     INTEGER,                 -- YYYYMMDD publication date of the first mention's article
    plover_type   TEXT,                    -- PLOVER event type and mode of event_code (schema 3)
    plover_mode   TEXT,
    coder_version TEXT,                    -- tidings version that stored the event (schema 3)
    actor1_geo    TEXT NOT NULL DEFAULT '', -- the actors' places of the first mention, as action_geo (schema 4)
    actor2_geo    TEXT NOT NULL DEFAULT '',
    UNIQUE(day, actor1_code, actor2_code, event_code, action_geo)
);
CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1_code, day);
CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2_code, day);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
-- A dyad's events by day, covering the dashboard's time series (no table lookups).
CREATE INDEX IF NOT EXISTS events_dyad ON events(actor1_code, actor2_code, day, quad_class, goldstein);
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
    date_basis     TEXT NOT NULL DEFAULT '', -- where this mention's date comes from
    published      INTEGER,                -- YYYYMMDD publication date of the article
    UNIQUE(event_id, article_id, sentence_index)
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
-- Per directed pair of actor codes, day and QuadClass: how many events and their Goldstein sum in
-- tenths (values have one decimal, so the sum is exact). A dyad's time series reads these rows
-- instead of its events. Kept by the trigger below in the transaction that inserts the event
-- (events are only ever inserted; their day, codes, QuadClass and Goldstein never change), so it
-- always equals a GROUP BY over the events (schema 5; `migrate` builds it for older databases).
CREATE TABLE IF NOT EXISTS dyad_days(
    actor1_code     TEXT NOT NULL,
    actor2_code     TEXT NOT NULL,
    day             INTEGER NOT NULL,      -- YYYYMMDD, 0 when undated
    quad_class      INTEGER NOT NULL,
    events          INTEGER NOT NULL,
    goldstein_tenths INTEGER NOT NULL,
    PRIMARY KEY(actor1_code, actor2_code, day, quad_class)
) WITHOUT ROWID;
-- Per directed pair of actor codes, its number of events: how dense a dyad is, read in a few
-- key lookups (a page of a dense dyad is found among the newest events, of a sparse one through
-- the index). Kept by the same trigger.
CREATE TABLE IF NOT EXISTS dyad_totals(
    actor1_code TEXT NOT NULL,
    actor2_code TEXT NOT NULL,
    events      INTEGER NOT NULL,
    PRIMARY KEY(actor1_code, actor2_code)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_count_dyad_day AFTER INSERT ON events BEGIN
    INSERT INTO dyad_days(actor1_code, actor2_code, day, quad_class, events, goldstein_tenths)
        VALUES (new.actor1_code, new.actor2_code, new.day, new.quad_class, 1,
                CAST(round(new.goldstein * 10) AS INTEGER))
        ON CONFLICT DO UPDATE SET events = events + 1,
                                  goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths;
    INSERT INTO dyad_totals(actor1_code, actor2_code, events)
        VALUES (new.actor1_code, new.actor2_code, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
END;
";

/// Fills `dyad_days` and `dyad_totals` from the events (what the trigger keeps from then on).
const REBUILD_DYAD_DAYS: &str = "
DELETE FROM dyad_days;
INSERT INTO dyad_days(actor1_code, actor2_code, day, quad_class, events, goldstein_tenths)
    SELECT actor1_code, actor2_code, day, quad_class, count(*),
           sum(CAST(round(goldstein * 10) AS INTEGER))
    FROM events GROUP BY actor1_code, actor2_code, day, quad_class;
DELETE FROM dyad_totals;
INSERT INTO dyad_totals(actor1_code, actor2_code, events)
    SELECT actor1_code, actor2_code, sum(events) FROM dyad_days GROUP BY actor1_code, actor2_code;
";

/// Columns schemas 3 and 4 added to `events`: databases written before them get them (null, or
/// empty text) when opened for writing ([`migrate`]). All are additive.
pub const ADDED_EVENT_COLUMNS: [(&str, &str); 5] = [
    ("plover_type", "TEXT"),
    ("plover_mode", "TEXT"),
    ("coder_version", "TEXT"),
    ("actor1_geo", "TEXT NOT NULL DEFAULT ''"),
    ("actor2_geo", "TEXT NOT NULL DEFAULT ''"),
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

/// Adds the columns an older database lacks (`ALTER TABLE ... ADD COLUMN`, cheap in SQLite) and,
/// for a database older than schema 5, fills `dyad_days` from its events (one pass over the
/// `events_dyad` index: a few seconds for a million events), in one transaction with the new
/// version number, so a process killed meanwhile leaves the old version to be upgraded again.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    for name in missing_columns(conn)? {
        let kind = ADDED_EVENT_COLUMNS
            .iter()
            .find(|(c, _)| *c == name)
            .map_or("TEXT", |(_, k)| k);
        conn.execute_batch(&format!("ALTER TABLE events ADD COLUMN {name} {kind}"))?;
    }
    let tx = conn.unchecked_transaction()?;
    if version(&tx)?.is_some_and(|v| v < 5) {
        tx.execute_batch(REBUILD_DYAD_DAYS)?;
    }
    tx.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?1",
        [SCHEMA_VERSION],
    )?;
    tx.commit()
}

/// Sets the connection up (WAL, foreign keys) and creates the tables if missing.
pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // In WAL mode NORMAL loses no committed transaction when the process dies (only on power loss).
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.execute_batch(TABLES)?;
    conn.execute_batch(crate::fetched::TABLE)?;
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)",
        [SCHEMA_VERSION.to_string()],
    )?;
    if version(conn)? == Some(1) {
        upgrade_from_1(conn)?;
    }
    migrate(conn)
}

/// The columns version 2 added: (table, column, declaration).
const ADDED_IN_2: [(&str, &str, &str); 4] = [
    ("events", "date_basis", "TEXT NOT NULL DEFAULT ''"),
    ("events", "published", "INTEGER"),
    ("mentions", "date_basis", "TEXT NOT NULL DEFAULT ''"),
    ("mentions", "published", "INTEGER"),
];

/// Adds version 2's columns to a version-1 database, in one transaction. The publication date is
/// filled from the articles; the date basis was never stored, so old rows keep an empty one.
fn upgrade_from_1(conn: &Connection) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    for (table, column, declaration) in ADDED_IN_2 {
        if !has_column(&tx, table, column)? {
            tx.execute_batch(&format!(
                "ALTER TABLE {table} ADD COLUMN {column} {declaration}"
            ))?;
        }
    }
    tx.execute_batch(
        "UPDATE events SET published = (SELECT date FROM articles WHERE id = events.first_article)
             WHERE published IS NULL;
         UPDATE mentions SET published = (SELECT date FROM articles WHERE id = mentions.article_id)
             WHERE published IS NULL;",
    )?;
    // Version 2 now; `migrate` takes it on to the current version.
    tx.execute(
        "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
        [],
    )?;
    tx.commit()
}

fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    for name in names {
        if name? == column {
            return Ok(true);
        }
    }
    Ok(false)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A version-1 database: today's tables without version 2's columns.
    fn version_1() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        create(&conn).unwrap();
        for (table, column, _) in ADDED_IN_2 {
            conn.execute_batch(&format!("ALTER TABLE {table} DROP COLUMN {column}"))
                .unwrap();
        }
        conn.execute_batch(
            "DROP TRIGGER events_count_dyad_day; DROP TABLE dyad_days; DROP TABLE dyad_totals;
             UPDATE meta SET value = '1' WHERE key = 'schema_version';
             INSERT INTO batches(id, committed_at, articles) VALUES (1, 0, 1);
             INSERT INTO articles(id, content_hash, input_id, date, source_name, doc_len, origin, batch_id)
                 VALUES (1, 'h', 'a1', 20201011, 'x', 10, 'f:1', 1);
             INSERT INTO events(id, day, actor1_code, actor1_name, actor2_code, actor2_name, event_code,
                 root_code, quad_class, goldstein, is_root, num_mentions, num_sources, num_articles,
                 first_article, date_added)
                 VALUES (1, 20201010, 'CHN', 'CHINA', 'PRK', 'NORTH KOREA', '051', '05', 1, 3.4, 1, 1, 1, 1, 1, 0);
             INSERT INTO mentions(event_id, article_id, sentence_index, sentence, span_start, span_end,
                 actor1_offset, actor2_offset) VALUES (1, 1, 0, 's', 0, 1, 0, -1);",
        )
        .unwrap();
        conn
    }

    #[test]
    fn a_version_1_database_is_upgraded_in_place() {
        let conn = version_1();
        assert!(!has_column(&conn, "events", "date_basis").unwrap());
        create(&conn).unwrap();
        assert_eq!(version(&conn).unwrap(), Some(SCHEMA_VERSION));
        for (table, column, _) in ADDED_IN_2 {
            assert!(
                has_column(&conn, table, column).unwrap(),
                "{table}.{column}"
            );
        }
        let (basis, published): (String, Option<i64>) = conn
            .query_row("SELECT date_basis, published FROM events", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((basis.as_str(), published), ("", Some(20201011)));
        let published: Option<i64> = conn
            .query_row("SELECT published FROM mentions", [], |r| r.get(0))
            .unwrap();
        assert_eq!(published, Some(20201011));
        // schema 5's aggregate was built from the events
        let cell: (String, i64, i64, i64) = conn
            .query_row(
                "SELECT actor1_code, day, events, goldstein_tenths FROM dyad_days",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(cell, ("CHN".to_string(), 20201010, 1, 34));
        // opening again changes nothing
        create(&conn).unwrap();
        assert_eq!(version(&conn).unwrap(), Some(SCHEMA_VERSION));
    }
}
