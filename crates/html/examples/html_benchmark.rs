//! Scores [`tidings_html::extract`] on the article-extraction benchmark's pages (181 pages
//! with `ground-truth.json`, field `articleBody`) with the benchmark's metric:
//!
//! - text split into word tokens (`\w+`, case kept), counted as 4-word shingles;
//! - per page, true positives, false positives and false negatives of shingles (as multisets),
//!   normalised to sum 1;
//! - precision and recall averaged over pages; F1 of the two means.
//!
//! ```sh
//! cargo run --release -p tidings-html --example html_benchmark [-- DIR]
//! ```
//! DIR defaults to `../shared/corpus/html-zyte` beside the repository; it holds `html/` and
//! `ground-truth.json`. `--worst N` lists the N pages of lowest F1;
//! `--show KEY` prints what is extracted from one page.
//!
//! `--extracted FILE` scores the output of `tidings extract DIR/html/ > FILE` instead (one JSON
//! line per page, in the sorted order of the page files, as `extract` reads a folder): the
//! acceptance figure of the command itself rather than of the library call.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/html-zyte");
    let mut worst = 0usize;
    let mut extracted: Option<Vec<String>> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--show" => {
                let key = args.next().expect("--show KEY");
                let raw = std::fs::read(dir.join("html").join(format!("{key}.html"))).unwrap();
                println!(
                    "{}",
                    tidings_html::extract(&tidings_html::decode(&raw), None).text
                );
                return;
            }
            "--worst" => worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--extracted" => {
                extracted = Some(extracted_texts(&args.next().expect("--extracted FILE")))
            }
            _ => dir = PathBuf::from(arg),
        }
    }
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("ground-truth.json is a JSON object");
    let mut keys: Vec<&String> = truth.keys().collect();
    keys.sort();
    if let Some(texts) = &extracted {
        assert_eq!(
            texts.len(),
            keys.len(),
            "the extract output must have one line per page"
        );
    }
    let (mut precisions, mut recalls, mut pages) = (Vec::new(), Vec::new(), Vec::new());
    let mut bytes = 0usize;
    let started = Instant::now();
    for (n, key) in keys.into_iter().enumerate() {
        let expected = truth[key]["articleBody"].as_str().unwrap_or("");
        let url = truth[key]["url"].as_str();
        let path = dir.join("html").join(format!("{key}.html"));
        let Ok(raw) = std::fs::read(&path) else {
            eprintln!("missing page {}", path.display());
            continue;
        };
        bytes += raw.len();
        let text = match &extracted {
            Some(texts) => texts[n].clone(),
            None => tidings_html::extract(&tidings_html::decode(&raw), url).text,
        };
        let (p, r) = precision_recall(&text, expected);
        precisions.push(p);
        recalls.push(r);
        pages.push((f1(p, r), key.clone(), p, r));
    }
    let secs = started.elapsed().as_secs_f64();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (p, r) = (mean(&precisions), mean(&recalls));
    let speed = if extracted.is_some() {
        "scored from the extract output".to_string()
    } else {
        format!(
            "{:.1} MB in {secs:.2} s, {:.1} MB/s",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs
        )
    };
    println!(
        "pages {}  precision {p:.3}  recall {r:.3}  F1 {:.3}  ({speed})",
        pages.len(),
        f1(p, r),
    );
    pages.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (f, key, p, r) in pages.iter().take(worst) {
        println!("  F1 {f:.3}  P {p:.3}  R {r:.3}  {key}");
    }
}

/// The `text` of each line of a `tidings extract` output.
fn extracted_texts(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("the extract output")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            v["text"].as_str().unwrap_or("").to_string()
        })
        .collect()
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Word tokens: runs of letters, digits and `_` (Unicode `\w`).
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// 4-word shingles with their counts.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words = tokens(text);
    let mut out = HashMap::new();
    for window in words.windows(4) {
        *out.entry(window.to_vec()).or_insert(0) += 1;
    }
    if words.len() < 4 && !words.is_empty() {
        *out.entry(words).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of one page: TP, FP and FN of shingles normalised to sum 1. A page
/// where both are empty is perfect; as in the benchmark, an empty prediction has precision 0
/// only when there was something to find.
fn precision_recall(predicted: &str, expected: &str) -> (f64, f64) {
    let (pred, gold) = (shingles(predicted), shingles(expected));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (s, &n) in &pred {
        let g = gold.get(s).copied().unwrap_or(0);
        tp += n.min(g);
        fp += n.saturating_sub(g);
    }
    for (s, &g) in &gold {
        fn_ += g.saturating_sub(pred.get(s).copied().unwrap_or(0));
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return (1.0, 1.0);
    }
    let (tp, fp, fn_) = (tp as f64 / total, fp as f64 / total, fn_ as f64 / total);
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    (precision, recall)
}
