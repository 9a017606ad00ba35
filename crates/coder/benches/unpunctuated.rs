//! Coding time against size for one record of text without sentence punctuation (scraped junk, a
//! table, a transcript): 1, 2, 4, 8 and 16 MB. Time must grow about linearly with size.
//!
//! `cargo bench -p tidings-coder --bench unpunctuated [-- FILE [MAX_MB]]`; the text is the cleaned
//! text of the articles of FILE (default `../shared/corpus/allsides-world/articles.jsonl`) with
//! `.`, `?`, `!`, `…`, `;`, `:` and line breaks removed: its first megabyte, repeated to make each
//! size, so that every size has the same text per megabyte. One round per size on one thread;
//! building the text is not timed.

use std::path::PathBuf;
use std::time::Instant;
use tidings_article::{Article, Origin};
use tidings_coder::{CodeOptions, Coder};
use tidings_dict::words::Words;
use tidings_dict::Dictionaries;

const SIZES_MB: [usize; 5] = [1, 2, 4, 8, 16];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let file = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/allsides-world/articles.jsonl")
    });
    let max_mb: usize = args.get(1).and_then(|m| m.parse().ok()).unwrap_or(16);
    let coder = Coder::new(Dictionaries::builtin());
    let block = match unpunctuated_source(&file, coder.dictionaries()) {
        Ok(text) => record(&text, 1_000_000).text + " ",
        Err(e) => {
            eprintln!("unpunctuated: {e}; pass a JSON Lines corpus as the first argument");
            return;
        }
    };
    println!("corpus: {} (punctuation removed)", file.display());
    println!("| size | words | sentences | events | seconds | MB/s | time / time at 1 MB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut first_secs = None;
    for mb in SIZES_MB.into_iter().filter(|&mb| mb <= max_mb) {
        let article = record(&block, mb * 1_000_000);
        let words = article.text.split_whitespace().count();
        let started = Instant::now();
        let coded = coder.code(&article, &CodeOptions::default());
        let secs = started.elapsed().as_secs_f64();
        let base = *first_secs.get_or_insert(secs);
        println!(
            "| {mb} MB | {words} | {} | {} | {secs:.2} | {:.2} | {:.1} |",
            coded.sentence_count,
            coded.events.len(),
            mb as f64 / secs.max(1e-9),
            secs / base.max(1e-9)
        );
    }
}

/// The cleaned text of the articles of `file`, without sentence and clause punctuation or line
/// breaks, on one line. Articles with a phrase of `discards.txt` (sport, fiction) are left out: one
/// would rule the whole unpunctuated run out of coding.
fn unpunctuated_source(file: &std::path::Path, dicts: &Dictionaries) -> Result<String, String> {
    let records = tidings_article::read_path(file, None).map_err(|e| e.to_string())?;
    let mut out = String::new();
    for article in records.filter_map(Result::ok) {
        let clean = tidings_article::clean(&article);
        if has_discard_phrase(&clean.text, dicts) {
            continue;
        }
        for word in clean
            .text
            .split(|c: char| matches!(c, '.' | '?' | '!' | '…' | ';' | ':') || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            out.push_str(word);
            out.push(' ');
        }
    }
    if out.is_empty() {
        return Err(format!("{}: no article text", file.display()));
    }
    Ok(out)
}

/// One article of `size` bytes of `source`, repeated as often as needed, cut at a word boundary.
fn record(source: &str, size: usize) -> Article {
    let mut text = String::with_capacity(size + source.len());
    while text.len() < size {
        text.push_str(source);
    }
    let cut = text[..size].rfind(' ').unwrap_or(size);
    text.truncate(cut);
    Article {
        id: format!("unpunctuated-{size}"),
        title: Some("Unpunctuated".into()),
        date: chrono::NaiveDate::from_ymd_opt(2020, 10, 11),
        source: None,
        url: None,
        text,
        origin: Origin {
            file: "unpunctuated".into(),
            line: 1,
        },
        warnings: Vec::new(),
    }
}

fn has_discard_phrase(text: &str, dicts: &Dictionaries) -> bool {
    let words = Words::new(text);
    (0..words.len()).any(|i| {
        dicts.discards.longest_at(&words, i).is_some()
            || dicts.story_discards.longest_at(&words, i).is_some()
    })
}
