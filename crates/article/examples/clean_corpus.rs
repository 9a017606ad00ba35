//! Runs the cleaner over a JSON Lines corpus and reports what it dropped, by rule, with samples.
//!
//! `cargo run --release -p tidings-article --example clean_corpus -- ../shared/corpus/allsides-world/articles.jsonl [samples-per-rule]`

use std::collections::BTreeMap;
use std::path::PathBuf;
use tidings_article::{clean, read_path, DropRule};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/allsides-world/articles.jsonl".into()),
    );
    let samples: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(15);
    let records = match read_path(&path, None) {
        Ok(records) => records,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let (mut articles, mut errors, mut kept_bytes, mut dropped_bytes) =
        (0usize, 0usize, 0usize, 0usize);
    let mut by_rule: BTreeMap<DropRule, Vec<String>> = BTreeMap::new();
    let mut articles_touched = 0usize;
    // Short kept lines that recur across articles are where missed boilerplate would show.
    let mut recurring_short: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    for record in records {
        let article = match record {
            Ok(article) => article,
            Err(e) => {
                errors += 1;
                eprintln!("{e}");
                continue;
            }
        };
        articles += 1;
        let cleaned = clean(&article);
        kept_bytes += cleaned.text.len();
        for paragraph in cleaned
            .text
            .split("\n\n")
            .skip(usize::from(cleaned.headline_end.is_some()))
        {
            if paragraph.split_whitespace().count() <= 8 {
                *recurring_short.entry(paragraph.to_string()).or_default() += 1;
            }
        }
        if !cleaned.dropped.is_empty() {
            articles_touched += 1;
        }
        for dropped in cleaned.dropped {
            dropped_bytes += dropped.text.len();
            by_rule.entry(dropped.rule).or_default().push(dropped.text);
        }
    }
    println!("{articles} articles, {errors} bad records, {articles_touched} articles with drops");
    println!("kept {kept_bytes} bytes, dropped {dropped_bytes} bytes");
    for (rule, texts) in &by_rule {
        let bytes: usize = texts.iter().map(String::len).sum();
        let longest = texts.iter().map(String::len).max().unwrap_or(0);
        println!(
            "{:>6} drops {:>8} bytes (longest {:>5})  {}",
            texts.len(),
            bytes,
            longest,
            rule.label()
        );
    }
    let mut recurring: Vec<(usize, String)> = recurring_short
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(t, n)| (n, t))
        .collect();
    recurring.sort_unstable_by(|a, b| b.cmp(a));
    println!("\n== kept short paragraphs seen 3+ times (top 40):");
    for (n, text) in recurring.iter().take(40) {
        println!("  {n:>4}  {text}");
    }
    for (rule, texts) in &by_rule {
        println!("\n== {} ({} drops), sample:", rule.label(), texts.len());
        // An even spread over the corpus rather than the first few.
        let step = (texts.len() / samples.max(1)).max(1);
        for text in texts.iter().step_by(step).take(samples) {
            let shown: String = text.chars().take(140).collect();
            println!("  {shown}");
        }
    }
}
