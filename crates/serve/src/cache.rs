//! Answers kept for a while: those over the whole corpus (statistics, the most active dyads) scan
//! every event and the page asks for them on every load; a busy dyad's time series reads tens of
//! thousands of index entries and is asked for again and again. They change only when
//! `tidings ingest` adds a batch. Answers are kept as JSON text, at most [`MAX_BYTES`] of it, the
//! oldest dropped first. An answer is handed out as [`Bytes`]: the response shares the kept text
//! instead of copying it (a busy dyad's daily series is hundreds of kilobytes).

use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most JSON text kept at once.
pub const MAX_BYTES: usize = 32 << 20;

/// Answers (JSON text) by request key, each kept for `ttl`.
pub struct Cache {
    ttl: Duration,
    answers: Mutex<HashMap<String, (Instant, Bytes)>>,
}

impl Cache {
    pub fn new(ttl: Duration) -> Cache {
        Cache {
            ttl,
            answers: Mutex::new(HashMap::new()),
        }
    }

    /// The answer kept for `key` if it is younger than the time to live.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        answers
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, v)| v.clone())
    }

    /// Keeps `value` (unless it alone is over the limit) and returns it.
    pub fn put(&self, key: String, value: String) -> Bytes {
        let value = Bytes::from(value);
        if value.len() > MAX_BYTES / 4 {
            return value;
        }
        let mut answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        answers.retain(|_, (at, _)| at.elapsed() < self.ttl);
        let mut total: usize = answers.values().map(|(_, v)| v.len()).sum();
        while total + value.len() > MAX_BYTES {
            let oldest = answers
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(k, _)| k.clone());
            match oldest.and_then(|k| answers.remove(&k)) {
                Some((_, v)) => total -= v.len(),
                None => break,
            }
        }
        answers.insert(key, (Instant::now(), value.clone()));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_for_their_time_to_live_only() {
        let cache = Cache::new(Duration::from_millis(50));
        cache.put("stats".into(), r#"{"events": 1}"#.into());
        assert_eq!(&cache.get("stats").unwrap()[..], br#"{"events": 1}"#);
        assert!(cache.get("top?20").is_none());
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get("stats").is_none());
    }

    #[test]
    fn the_oldest_answers_go_when_the_cache_is_full() {
        let cache = Cache::new(Duration::from_secs(60));
        let big = "x".repeat(MAX_BYTES / 5);
        for i in 0..6 {
            cache.put(format!("k{i}"), big.clone());
            std::thread::sleep(Duration::from_millis(2));
        }
        // Five fill it exactly; the sixth pushes out the first only.
        assert!(cache.get("k0").is_none());
        assert!((1..6).all(|i| cache.get(&format!("k{i}")).is_some()));
    }
}
