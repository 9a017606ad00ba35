//! Trains the tagger on UD English EWT and writes `model/ewt-upos.bin`.
//!
//! `cargo run --release -p tidings-tagger --example train -- /work/shared/corpus/ud-english-ewt [EPOCHS] [PRUNE] [OUT] [DICT_MIN_COUNT] [DICT_MIN_SHARE]`

use std::path::{Path, PathBuf};
use std::time::Instant;
use tidings_tagger::train::{shuffle, tag_dictionary, Trainer};
use tidings_tagger::treebank::{load_aligned, upos_accuracy};
use tidings_tagger::Tagger;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: train UD_EWT_DIR [EPOCHS] [PRUNE] [OUT]");
        std::process::exit(2);
    };
    let epochs: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let prune: f64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0.01);
    let out = args
        .get(3)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("model/ewt-upos.bin"));
    let load = |name: &str| {
        load_aligned(&dir.join(name)).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1);
        })
    };
    let train = load("en_ewt-ud-train.conllu");
    let dev = load("en_ewt-ud-dev.conllu");
    let test = load("en_ewt-ud-test.conllu");
    let untagged: usize = train
        .iter()
        .map(|s| s.gold.iter().filter(|g| g.is_none()).count())
        .sum();
    let words: usize = train.iter().map(|s| s.gold.len()).sum();
    eprintln!(
        "train: {} sentences, {words} words ({untagged} without a treebank tag)",
        train.len()
    );
    let mut trainer = Trainer::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let start = Instant::now();
    for epoch in 0..epochs {
        shuffle(&mut order, 0x7a66e5 + epoch as u64);
        let (c, t) = trainer.epoch(&train, &order);
        eprintln!(
            "epoch {}: train accuracy {:.2}% ({:.1}s)",
            epoch + 1,
            100.0 * c as f64 / t as f64,
            start.elapsed().as_secs_f64()
        );
    }
    let min_count: usize = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(20);
    let min_share: f64 = args.get(5).and_then(|a| a.parse().ok()).unwrap_or(0.995);
    let dictionary = tag_dictionary(&train, min_count, min_share);
    let bytes = trainer.export(prune, &dictionary);
    let tagger = Tagger::from_bytes(&bytes).expect("exported model reads back");
    for (name, set) in [("dev", &dev), ("test", &test)] {
        let (c, t) = upos_accuracy(&tagger, set);
        eprintln!(
            "{name}: UPOS accuracy {:.2}% ({c}/{t} words)",
            100.0 * c as f64 / t as f64
        );
    }
    eprintln!(
        "model: {} dictionary words, {} features, {} bytes -> {}",
        tagger.dictionary_len(),
        tagger.feature_count(),
        bytes.len(),
        out.display()
    );
    std::fs::write(&out, &bytes).unwrap_or_else(|e| {
        eprintln!("{}: cannot write: {e}", out.display());
        std::process::exit(1);
    });
}
