//! Coding throughput on one core with PETRARCH2's Phoenix dictionaries (the set its PETR_config.ini
//! names) over a JSON Lines corpus: sentences/s and MB/s. Same method as the coder's own throughput
//! bench: reading the corpus and loading the dictionaries are not timed.
//!
//! `cargo bench -p tidings-validate --bench phoenix_throughput [-- FILE [ROUNDS]]`; the default corpus
//! is `../shared/corpus/allsides-world/articles.jsonl`.

use std::path::PathBuf;
use std::time::Instant;
use tidings_coder::throughput::Throughput;
use tidings_coder::Coder;
use tidings_dict::petrarch::load_petrarch_dir;
use tidings_dict::DictionaryBuilder;

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let file = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("corpus/allsides-world/articles.jsonl"));
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let dir = shared.join("peers/petrarch2/dictionaries");
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let articles: Vec<_> = match tidings_article::read_path(&file, None) {
        Ok(records) => records.filter_map(Result::ok).collect(),
        Err(e) => {
            eprintln!("phoenix_throughput: {e}; pass a JSON Lines corpus as the first argument");
            return;
        }
    };
    let load = Instant::now();
    let mut b = DictionaryBuilder::new();
    load_petrarch_dir(&mut b, &dir).expect("load the Phoenix dictionaries");
    let coder = Coder::new(b.build().0).with_syntax_checks(false);
    let load_secs = load.elapsed().as_secs_f64();
    let t = Throughput::measure(&coder, &articles, rounds);
    println!(
        "corpus: {} ({} articles, {:.1} MB of text)",
        file.display(),
        t.articles,
        t.bytes as f64 / 1e6
    );
    println!("Phoenix dictionaries: loaded and built in {load_secs:.3} s");
    println!("{}", t.report());
}
