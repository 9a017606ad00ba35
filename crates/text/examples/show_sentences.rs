//! Prints sentences of a JSON Lines corpus (after cleaning) for inspection: every `step`-th one, or
//! only short ones (`--short`) or long ones (`--long`), which is where wrong splits show.
//!
//! `cargo run --release -p tidings-text --example show_sentences -- ../shared/corpus/allsides-world/articles.jsonl [--short|--long] [step]`

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/corpus/allsides-world/articles.jsonl".into());
    let short_only = args.iter().any(|a| a == "--short");
    let long_only = args.iter().any(|a| a == "--long");
    let step: usize = args
        .iter()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(500);
    let records = tidings_article::read_path(Path::new(&path), None).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let mut n = 0usize;
    for article in records.filter_map(Result::ok) {
        let text = tidings_article::clean(&article).text;
        for range in tidings_text::split_sentences(&text) {
            let sentence = &text[range];
            let words = sentence.split_whitespace().count();
            if (short_only && words > 3) || (long_only && words < 70) {
                continue;
            }
            n += 1;
            if n.is_multiple_of(step) {
                println!("{sentence}");
            }
        }
    }
}
