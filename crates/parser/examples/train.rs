//! Trains the parser on UD English EWT and writes `model/ewt-parser.bin`.
//!
//! `cargo run --release -p tidings-parser --example train -- UD_EWT_DIR [EPOCHS] [KEEP_TRANSITION_FEATURES] [KEEP_LABEL_FEATURES] [OUT]`
//!
//! The training sentences carry predicted tags, not the gold ones, so the parser learns from what
//! it will see: each fifth of the treebank is tagged by a tagger trained on the other four
//! (`JACKKNIFE=K` for K folds; `JACKKNIFE=1` uses the built-in tagger, which has seen them all).
//! Error exploration starts at epoch `EXPLORE_FROM` (0-based, default 1) and follows the
//! parser's own transitions with probability `EXPLORE` (default 1.0). `EVAL_EACH_EPOCH=1` prints
//! dev scores after each epoch, `CONFUSIONS=1` the most frequent dev label confusions. Scores
//! are over our tokenization, with and without punctuation (gold relation `punct`).

use std::path::{Path, PathBuf};
use std::time::Instant;
use tidings_parser::train::{shuffle, Trainer, TrainingSentence};
use tidings_parser::treebank::{load_gold, GoldSentence};
use tidings_parser::{attachment_scores, label_confusions, Parser};
use tidings_tagger::train::{tag_dictionary, Trainer as TagTrainer};
use tidings_tagger::treebank::AlignedSentence;
use tidings_tagger::{Tag, Tagger};

/// Predicted tags for the training sentences. With `folds` > 1 they are jackknifed: each fold is
/// tagged by a tagger trained on the other folds, so the tags are as noisy as on unseen text
/// (the built-in tagger was trained on these very sentences). With `folds` <= 1 the built-in
/// tagger tags them.
fn jackknife_tags(train: &[GoldSentence], folds: usize) -> Vec<Vec<Tag>> {
    let mut out = vec![Vec::new(); train.len()];
    if folds <= 1 {
        for (g, t) in train.iter().zip(&mut out) {
            Tagger::builtin().tag_detailed(&g.words, t);
        }
        return out;
    }
    let aligned: Vec<AlignedSentence> = train
        .iter()
        .map(|g| AlignedSentence {
            words: g.words.clone(),
            gold: g.gold_tags.clone(),
        })
        .collect();
    let start = Instant::now();
    let (mut correct, mut total) = (0, 0);
    for fold in 0..folds {
        let rest: Vec<AlignedSentence> = (0..aligned.len())
            .filter(|i| i % folds != fold)
            .map(|i| aligned[i].clone())
            .collect();
        let mut trainer = TagTrainer::new();
        let mut order: Vec<usize> = (0..rest.len()).collect();
        for epoch in 0..8 {
            shuffle(&mut order, 0x7a66e5 + epoch as u64);
            trainer.epoch(&rest, &order);
        }
        let dictionary = tag_dictionary(&rest, 20, 0.995);
        let tagger = Tagger::from_bytes(&trainer.export(0.01, &dictionary))
            .expect("a jackknife tagger reads back");
        for i in (fold..aligned.len()).step_by(folds) {
            tagger.tag_detailed(&aligned[i].words, &mut out[i]);
            for (p, g) in out[i].iter().zip(&aligned[i].gold) {
                if let Some(g) = g {
                    total += 1;
                    correct += (p.upos() == g.upos()) as usize;
                }
            }
        }
    }
    eprintln!(
        "jackknifed tags ({folds} folds): UPOS accuracy {:.2}% on train ({:.1}s)",
        100.0 * correct as f64 / total.max(1) as f64,
        start.elapsed().as_secs_f64()
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: train UD_EWT_DIR [EPOCHS] [KEEP_TRANSITION_FEATURES] [KEEP_LABEL_FEATURES] [OUT]");
        std::process::exit(2);
    };
    let epochs: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(12);
    let keep: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(450_000);
    let keep_labels: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(70_000);
    let out = args
        .get(4)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("model/ewt-parser.bin"));
    let load = |name: &str| -> Vec<GoldSentence> {
        match load_gold(&dir.join(name)) {
            Ok((sentences, errors)) => {
                for e in &errors {
                    eprintln!("{e}");
                }
                sentences
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    };
    let train = load("en_ewt-ud-train.conllu");
    let dev = load("en_ewt-ud-dev.conllu");
    let test = load("en_ewt-ud-test.conllu");
    let folds: usize = std::env::var("JACKKNIFE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let tags = jackknife_tags(&train, folds);
    let prepared: Vec<TrainingSentence> = train
        .iter()
        .zip(&tags)
        .map(|(g, t)| TrainingSentence::new(g, t))
        .collect();
    let words: usize = train.iter().map(|s| s.words.len()).sum();
    eprintln!("train: {} sentences, {words} words", train.len());
    // error exploration: from which epoch (0-based), and how often the parser follows its own
    // wrong transitions
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<f64>().ok());
    let explore_from = env("EXPLORE_FROM").unwrap_or(1.0) as usize;
    let explore_p = env("EXPLORE").unwrap_or(1.0);
    let mut trainer = Trainer::new();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let start = Instant::now();
    for epoch in 0..epochs {
        shuffle(&mut order, 0x9a75e + epoch as u64);
        let explore = if epoch < explore_from { 0.0 } else { explore_p };
        let (c, t) = trainer.epoch(&prepared, &order, explore);
        eprintln!(
            "epoch {}: train UAS {:.2}% ({:.1}s)",
            epoch + 1,
            100.0 * c as f64 / t as f64,
            start.elapsed().as_secs_f64()
        );
        if std::env::var_os("EVAL_EACH_EPOCH").is_some() {
            let parser = Parser::from_bytes(&trainer.export(keep, keep_labels)).unwrap();
            let s = attachment_scores(&parser, &dev, true);
            eprintln!(
                "  dev UAS {:.2}% LAS {:.2}%",
                100.0 * s.uas(),
                100.0 * s.las()
            );
        }
    }
    let (tf, lf) = trainer.feature_counts();
    eprintln!("trained features: {tf} transition, {lf} label; keeping {keep} and {keep_labels}");
    let bytes = trainer.export(keep, keep_labels);
    let parser = Parser::from_bytes(&bytes).expect("exported model reads back");
    for (name, set) in [("dev", &dev), ("test", &test)] {
        for skip in [true, false] {
            let s = attachment_scores(&parser, set, skip);
            eprintln!(
                "{name} ({}): UAS {:.2}% LAS {:.2}% over {} words",
                if skip {
                    "no punctuation"
                } else {
                    "with punctuation"
                },
                100.0 * s.uas(),
                100.0 * s.las(),
                s.words
            );
        }
    }
    if std::env::var_os("CONFUSIONS").is_some() {
        for ((gold, got), n) in label_confusions(&parser, &dev).iter().take(25) {
            eprintln!("  dev label confusion: {gold} read as {got}: {n}");
        }
    }
    eprintln!(
        "model: {} features, {} bytes -> {}",
        parser.feature_count(),
        bytes.len(),
        out.display()
    );
    std::fs::write(&out, &bytes).unwrap_or_else(|e| {
        eprintln!("{}: cannot write: {e}", out.display());
        std::process::exit(1);
    });
}
