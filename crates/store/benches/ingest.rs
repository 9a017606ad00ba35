//! Store-only ingest throughput with hand-made events (no coder): articles/s, MB/s of article text,
//! events/s, and the database size per mention (the synthetic events aggregate
//! heavily, so size per event is measured on a real ingest instead: see the crate report). Run with
//! `cargo bench -p tidings-store --bench ingest` (N articles via `INGEST_BENCH_ARTICLES`, default 20000).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;
use tidings_store::Store;

fn main() {
    let n: usize = std::env::var("INGEST_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let items: Vec<_> = (0..n).map(common::article).collect();
    let bytes: usize = items.iter().map(|(m, _)| m.text.len()).sum();
    let mut store = Store::open(&db).unwrap();
    let start = Instant::now();
    for chunk in items.chunks(200) {
        store.ingest_batch(chunk).unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    let s = store.summary().unwrap();
    drop(store);
    let size: u64 = ["bench.db", "bench.db-wal"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.path().join(f)).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{n} articles, {:.1} MB text, {} events, {} mentions, {} near-duplicates in {secs:.2} s",
        bytes as f64 / 1e6,
        s.events,
        s.mentions,
        s.near_duplicates
    );
    println!(
        "{:.0} articles/s, {:.2} MB/s, {:.0} mentions/s; database {:.1} MB = {:.0} bytes per mention",
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        s.mentions as f64 / secs,
        size as f64 / 1e6,
        size as f64 / s.mentions as f64
    );
}
