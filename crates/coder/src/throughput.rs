//! Timing the coder over a corpus, shared by the throughput benches (built-in and PETRARCH
//! dictionaries): the best of several rounds on one thread.

use crate::{CodeOptions, Coder};
use std::time::Instant;
use tidings_article::Article;

/// What one timing run measured.
#[derive(Debug, Clone, Copy)]
pub struct Throughput {
    pub articles: usize,
    /// Bytes of article text (titles and bodies).
    pub bytes: usize,
    pub sentences: usize,
    pub events: usize,
    /// Seconds of the fastest round.
    pub best_secs: f64,
    /// Seconds this thread spent on a processor in its least busy round (None where the system
    /// does not say): on a shared machine, steadier than the wall clock.
    pub best_cpu_secs: Option<f64>,
    pub rounds: usize,
}

impl Throughput {
    /// Codes every article `rounds` times and keeps the fastest round.
    pub fn measure(coder: &Coder, articles: &[Article], rounds: usize) -> Throughput {
        let options = CodeOptions::default();
        let bytes = articles
            .iter()
            .map(|a| a.text.len() + a.title.as_ref().map_or(0, |t| t.len()))
            .sum();
        let mut out = Throughput {
            articles: articles.len(),
            bytes,
            sentences: 0,
            events: 0,
            best_secs: f64::MAX,
            best_cpu_secs: None,
            rounds,
        };
        for _ in 0..rounds.max(1) {
            let t = Instant::now();
            let cpu = thread_cpu_secs();
            let (mut sentences, mut events) = (0, 0);
            for a in articles {
                let coded = coder.code(a, &options);
                sentences += coded.sentence_count;
                events += coded.events.len();
            }
            out.best_secs = out.best_secs.min(t.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (cpu, thread_cpu_secs()) {
                out.best_cpu_secs = Some(out.best_cpu_secs.map_or(b - a, |c: f64| c.min(b - a)));
            }
            out.sentences = sentences;
            out.events = events;
        }
        out
    }

    /// The report lines the benches print.
    pub fn report(&self) -> String {
        let s = self.best_secs.max(1e-9);
        format!(
            "coded: {} sentences, {} events; best of {} rounds: {:.3} s on one core\nthroughput: {:.0} sentences/s, {:.1} MB/s, {:.0} articles/s",
            self.sentences,
            self.events,
            self.rounds,
            self.best_secs,
            self.sentences as f64 / s,
            self.bytes as f64 / 1e6 / s,
            self.articles as f64 / s
        ) + &self.best_cpu_secs.map_or(String::new(), |c| {
            format!(
                "\non the processor: {c:.3} s in the least busy round, {:.0} sentences/s of CPU time",
                self.sentences as f64 / c.max(1e-9)
            )
        })
    }
}

/// Seconds the calling thread has spent on a processor (Linux: `/proc/thread-self/schedstat`).
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}
