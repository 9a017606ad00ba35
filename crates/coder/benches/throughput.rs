//! Coding throughput on one core: sentences/s and MB/s over a JSON Lines corpus.
//!
//! `cargo bench -p tidings-coder --bench throughput [-- FILE [ROUNDS]]`; the default corpus is
//! `../shared/corpus/allsides-world/articles.jsonl`. Reading and parsing the file is not timed;
//! cleaning, sentence splitting, actor and verb matching and event building are.

use std::path::PathBuf;
use std::time::Instant;
use tidings_coder::throughput::Throughput;
use tidings_coder::Coder;
use tidings_dict::Dictionaries;

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
    let articles: Vec<_> = match tidings_article::read_path(&file, None) {
        Ok(records) => records.filter_map(Result::ok).collect(),
        Err(e) => {
            eprintln!("throughput: {e}; pass a JSON Lines corpus as the first argument");
            return;
        }
    };
    let load = Instant::now();
    let coder = Coder::new(Dictionaries::builtin());
    let load_secs = load.elapsed().as_secs_f64();
    let t = Throughput::measure(&coder, &articles, rounds);
    println!(
        "corpus: {} ({} articles, {:.1} MB of text)",
        file.display(),
        t.articles,
        t.bytes as f64 / 1e6
    );
    println!("dictionaries: built in {:.3} s", load_secs);
    println!("{}", t.report());
}
