//! Tagging throughput on one core: tokens/s and sentences/s over the AllSides world corpus.
//!
//! `cargo bench -p tidings-tagger --bench tag [-- FILE [ROUNDS]]`; the default corpus is
//! `../shared/corpus/allsides-world/articles.jsonl`. Reading, sentence splitting and tokenizing
//! are done before timing; only `Tagger::tag` is timed (model loading is reported separately).

use std::path::PathBuf;
use std::time::Instant;
use tidings_dict::words::Words;
use tidings_tagger::{Tagger, Upos};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let file = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/allsides-world/articles.jsonl")
    });
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let records = match tidings_article::read_path(&file, None) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tag bench: {e}; pass a JSON Lines corpus as the first argument");
            return;
        }
    };
    let mut sentences: Vec<Words> = Vec::new();
    for record in records {
        match record {
            Ok(article) => {
                for range in tidings_text::split_sentences(&article.text) {
                    sentences.push(Words::new(&article.text[range]));
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    let tokens: usize = sentences.iter().map(Words::len).sum();
    let load = Instant::now();
    let tagger = Tagger::builtin();
    let load_secs = load.elapsed().as_secs_f64();
    let mut out: Vec<Upos> = Vec::new();
    let mut best = f64::MAX;
    let mut checksum = 0usize;
    for _ in 0..rounds {
        let t = Instant::now();
        for s in &sentences {
            tagger.tag(s, &mut out);
            checksum += out.iter().filter(|u| **u == Upos::Verb).count();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "tagger: model load {:.1} ms; {} sentences, {} tokens; best of {rounds}: {:.3} s = {:.2} M tokens/s, {:.0} sentences/s (verbs seen: {})",
        load_secs * 1e3,
        sentences.len(),
        tokens,
        best,
        tokens as f64 / best / 1e6,
        sentences.len() as f64 / best,
        checksum / rounds
    );
}
