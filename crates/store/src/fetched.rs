//! The URLs `tidings watch` fetched, kept in the database so that a restart fetches none of them
//! again: one row per URL with when and what came of it (`stored`, `already stored`, or the
//! reason it was not). A URL is also taken as fetched when an article with that URL is stored,
//! however it came in.

use crate::{date_added_now, Store, StoreError};
use rusqlite::OptionalExtension;

/// Created with the other tables (`CREATE TABLE IF NOT EXISTS`, so older databases get it when
/// opened for writing; no other table refers to it).
pub(crate) const TABLE: &str = "
CREATE TABLE IF NOT EXISTS fetched(
    url        TEXT PRIMARY KEY,
    fetched_at INTEGER NOT NULL,           -- YYYYMMDDHHMMSS, UTC
    outcome    TEXT NOT NULL               -- stored, already stored, or why not
);
";

impl Store {
    /// Whether `url` was fetched before, or an article with that URL is stored.
    pub fn was_fetched(&self, url: &str) -> Result<bool, StoreError> {
        let found = self
            .conn
            .prepare_cached(
                "SELECT 1 FROM fetched WHERE url = ?1 UNION ALL SELECT 1 FROM articles WHERE url = ?1 LIMIT 1",
            )?
            .query_row([url], |_| Ok(()))
            .optional()?;
        Ok(found.is_some())
    }

    /// Remembers that each of `urls` was fetched, with `outcome`; a URL already remembered keeps
    /// its first row.
    pub fn record_fetched(&self, urls: &[&str], outcome: &str) -> Result<(), StoreError> {
        let now = date_added_now();
        let mut stmt = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO fetched(url, fetched_at, outcome) VALUES (?1, ?2, ?3)",
        )?;
        for url in urls {
            stmt.execute(rusqlite::params![url, now, outcome])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn a_fetched_url_is_remembered_across_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        {
            let store = Store::open(&path).unwrap();
            assert!(!store.was_fetched("http://a/1").unwrap());
            store
                .record_fetched(
                    &["http://a/1", "http://a/1-final"],
                    "the server answered HTTP 404",
                )
                .unwrap();
            store.record_fetched(&["http://a/1"], "stored").unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert!(store.was_fetched("http://a/1").unwrap());
        assert!(store.was_fetched("http://a/1-final").unwrap());
        assert!(!store.was_fetched("http://a/2").unwrap());
        let outcome: String = store
            .connection()
            .query_row(
                "SELECT outcome FROM fetched WHERE url = 'http://a/1'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(outcome, "the server answered HTTP 404");
    }
}
