//! A fixed number of read-only [`Reader`]s shared by the request threads.

use crate::ApiError;
use std::path::Path;
use std::sync::{Condvar, Mutex};
use std::time::Duration;
use tidings_store::browse::{is_interrupted, CodesInUse, Reader};
use tidings_store::StoreError;

/// Readers waiting to be lent; a request blocks until one is free.
pub struct Pool {
    free: Mutex<Vec<Reader>>,
    returned: Condvar,
}

impl Pool {
    /// Opens `size` read-only connections to `path` (at least one), sharing one list of the
    /// actor codes in use, read once now so that no first request waits for it.
    pub fn open(path: &Path, size: usize) -> Result<Pool, StoreError> {
        let codes = CodesInUse::default();
        let mut free = Vec::new();
        for _ in 0..size.max(1) {
            free.push(Reader::open_sharing(path, &codes)?);
        }
        free[0].warm()?;
        Ok(Pool {
            free: Mutex::new(free),
            returned: Condvar::new(),
        })
    }

    /// Runs `f` with a reader whose queries stop after `limit`; call from a blocking thread.
    pub fn with<T>(
        &self,
        limit: Duration,
        f: impl FnOnce(&Reader) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let reader = {
            let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if let Some(r) = free.pop() {
                    break r;
                }
                free = self.returned.wait(free).unwrap_or_else(|e| e.into_inner());
            }
        };
        let out = reader.with_deadline(limit, f);
        self.free
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(reader);
        self.returned.notify_one();
        out
    }
}

/// A store error as an API error: a query stopped at its deadline is a 503 that says what to
/// narrow; anything else is a 500 with SQLite's words.
pub fn store_error(err: StoreError, limit: Duration) -> ApiError {
    if is_interrupted(&err) {
        ApiError {
            status: axum::http::StatusCode::SERVICE_UNAVAILABLE,
            message: format!(
                "the query ran longer than the limit of {} ms and was stopped; narrow it (an actor \
                 or dyad, a date range, a smaller page)",
                limit.as_millis()
            ),
        }
    } else {
        ApiError::internal(format!("database: {err}"))
    }
}
