//! Measures `split_sentences` (and `find_dates` over the sentences) on the cleaned text of a JSON
//! Lines corpus, and prints throughput.
//!
//! `cargo run --release -p tidings-text --example split_throughput -- ../shared/corpus/allsides-world/articles.jsonl`

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use tidings_text::{find_dates, split_sentences};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/allsides-world/articles.jsonl".into());
    let records = tidings_article::read_path(Path::new(&path), None).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let texts: Vec<String> = records
        .filter_map(Result::ok)
        .map(|a| tidings_article::clean(&a).text)
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} texts, {:.1} MB", texts.len(), bytes as f64 / 1e6);

    let rounds = 5;
    let mut sentences = 0;
    let started = Instant::now();
    for _ in 0..rounds {
        sentences = texts
            .iter()
            .map(|t| split_sentences(t).len())
            .sum::<usize>();
    }
    let seconds = started.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "split_sentences: {sentences} sentences, {:.3} s per pass, {:.0} MB/s",
        seconds,
        bytes as f64 / 1e6 / seconds
    );

    let article_date = NaiveDate::from_ymd_opt(2020, 10, 11).unwrap();
    let all: Vec<&str> = texts
        .iter()
        .flat_map(|t| split_sentences(t).into_iter().map(move |r| &t[r]))
        .collect();
    let started = Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        mentions = all
            .iter()
            .map(|s| find_dates(s, article_date).len())
            .sum::<usize>();
    }
    let seconds = started.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "find_dates: {mentions} mentions in {} sentences, {:.3} s per pass, {:.0} MB/s",
        all.len(),
        seconds,
        bytes as f64 / 1e6 / seconds
    );
}
