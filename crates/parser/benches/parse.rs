//! Parsing throughput on one core: tokens/s and sentences/s over the AllSides world corpus.
//!
//! `cargo bench -p tidings-parser --bench parse [-- FILE [ROUNDS [SENTENCES]]]`; the default corpus
//! is `../shared/corpus/allsides-world/articles.jsonl`, of which the first 40,000 sentences are
//! parsed in each of 5 rounds (short rounds: the best one is least disturbed on a shared machine). Reading, sentence splitting, tokenizing and
//! tagging are done before timing; only `Parser::parse_span` is timed (model loading is
//! reported separately). `PARSER_MODEL=FILE` measures a model file instead of the built-in model.

use std::path::PathBuf;
use std::time::Instant;
use tidings_dict::words::Words;
use tidings_parser::{Parse, Parser, Rel};
use tidings_tagger::{Tag, Tagger};

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
    let limit: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(40_000);
    let records = match tidings_article::read_path(&file, None) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("parse bench: {e}; pass a JSON Lines corpus as the first argument");
            return;
        }
    };
    let mut sentences: Vec<(Words, Vec<Tag>)> = Vec::new();
    for record in records {
        match record {
            Ok(article) => {
                for range in tidings_text::split_sentences(&article.text) {
                    if sentences.len() >= limit {
                        break;
                    }
                    let words = Words::new(&article.text[range]);
                    let mut tags = Vec::new();
                    Tagger::builtin().tag_detailed(&words, &mut tags);
                    sentences.push((words, tags));
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    let tokens: usize = sentences.iter().map(|(w, _)| w.len()).sum();
    let load = Instant::now();
    // PARSER_MODEL=FILE measures another model file instead of the built-in one
    let parser: &Parser = match std::env::var_os("PARSER_MODEL") {
        Some(path) => {
            let bytes = std::fs::read(&path).expect("PARSER_MODEL is readable");
            Box::leak(Box::new(
                Parser::from_bytes(&bytes).expect("PARSER_MODEL is a parser model"),
            ))
        }
        None => Parser::builtin(),
    };
    let load_secs = load.elapsed().as_secs_f64();
    let mut parse = Parse::default();
    let mut best = f64::MAX;
    let mut subjects = 0usize;
    for _ in 0..rounds {
        let t = Instant::now();
        for (words, tags) in &sentences {
            parser.parse_span(words, tags, 0..words.len(), &mut parse);
            subjects += parse
                .range()
                .filter(|&i| parse.label(i) == Rel::Nsubj)
                .count();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "parser: model load {:.1} ms; {} sentences, {} tokens; best of {rounds}: {:.3} s = {:.0}k tokens/s, {:.0} sentences/s (subjects seen: {})",
        load_secs * 1e3,
        sentences.len(),
        tokens,
        best,
        tokens as f64 / best / 1e3,
        sentences.len() as f64 / best,
        subjects / rounds
    );
}
