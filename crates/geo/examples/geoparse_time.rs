//! How long finding and choosing places takes on a corpus, alone: the cost geography adds to
//! coding. Cleaning and sentence splitting are done first and not timed.
//!
//! `cargo run --release -p tidings-geo --example geoparse_time [-- FILE]`; the default corpus is
//! `../shared/corpus/allsides-world/articles.jsonl`.

use std::path::PathBuf;
use std::time::Instant;
use tidings_geo::Gazetteer;

fn main() {
    let file = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/corpus/allsides-world/articles.jsonl")
        });
    let records = match tidings_article::read_path(&file, None) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("geoparse_time: {e}");
            std::process::exit(1);
        }
    };
    let articles: Vec<(String, Vec<std::ops::Range<usize>>)> = records
        .filter_map(Result::ok)
        .map(|a| {
            let clean = tidings_article::clean(&a);
            let sentences = tidings_text::split_sentences(&clean.text);
            (clean.text, sentences)
        })
        .collect();
    let load = Instant::now();
    let gaz = Gazetteer::builtin();
    let load_secs = load.elapsed().as_secs_f64();
    let mut best = f64::MAX;
    let mut placed = 0;
    for _ in 0..3 {
        let t = Instant::now();
        placed = 0;
        for (text, sentences) in &articles {
            let geo = gaz.article(text, sentences, 4);
            placed += (0..sentences.len())
                .filter(|&i| geo.action_geo(gaz, i).is_some())
                .count();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let sentences: usize = articles.iter().map(|a| a.1.len()).sum();
    println!(
        "{} articles, {sentences} sentences ({placed} with a place); gazetteer loaded in {load_secs:.3} s; \
         best of 3 rounds: {best:.3} s ({:.0} sentences/s)",
        articles.len(),
        sentences as f64 / best
    );
}
