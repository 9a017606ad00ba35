//! Answers over the whole corpus (statistics, the most active dyads) kept for a while: each is a
//! scan of every event, the page asks for them on every load, and they change only when
//! `tidings ingest` adds a batch.

use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Answers by request key, each kept for `ttl`.
pub struct Cache {
    ttl: Duration,
    answers: Mutex<HashMap<String, (Instant, Arc<Value>)>>,
}

impl Cache {
    pub fn new(ttl: Duration) -> Cache {
        Cache {
            ttl,
            answers: Mutex::new(HashMap::new()),
        }
    }

    /// The answer kept for `key` if it is younger than the time to live.
    pub fn get(&self, key: &str) -> Option<Arc<Value>> {
        let answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        answers
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, v)| Arc::clone(v))
    }

    pub fn put(&self, key: String, value: Value) -> Arc<Value> {
        let value = Arc::new(value);
        let mut answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        answers.retain(|_, (at, _)| at.elapsed() < self.ttl);
        answers.insert(key, (Instant::now(), Arc::clone(&value)));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_for_their_time_to_live_only() {
        let cache = Cache::new(Duration::from_millis(50));
        cache.put("stats".into(), serde_json::json!({"events": 1}));
        assert_eq!(cache.get("stats").unwrap()["events"], 1);
        assert!(cache.get("top?20").is_none());
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get("stats").is_none());
    }
}
