//! Trains the event model from coded sentences (see docs/event-model.md).
//!
//! ```sh
//! cargo run --release -p tidings-coder --example train_events -- \
//!     ../shared/train/allsides-train.jsonl ../shared/corpus/allsides-world/articles.jsonl \
//!     crates/coder/model/events.bin [--check] [--epochs N] [--margin M]
//! ```
//!
//! Each coded sentence's article is coded whole (the coder sees the article, as in real use);
//! the coder's sentences that match the coded one give the candidates, labelled by the coded
//! events. `--check` first trains on four fifths of the articles and prints precision, recall and
//! F1 on the other fifth for a range of margins, so that the margin is chosen on training data.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use tidings_coder::model::labels;
use tidings_coder::model::train::{self, Example, TrainOptions};
use tidings_coder::model::{SentenceCandidates, Weights};
use tidings_coder::Coder;
use tidings_dict::Dictionaries;
use tidings_gold::{ArticleTexts, CodedEvent, CodedSentence, Score, Triple};

struct Args {
    coded: Vec<String>,
    articles: String,
    out: String,
    check: bool,
    options: TrainOptions,
}

fn args() -> Args {
    let mut positional = Vec::new();
    let mut check = false;
    let mut options = TrainOptions::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => check = true,
            "--epochs" => {
                options.epochs = it.next().and_then(|v| v.parse().ok()).expect("--epochs N")
            }
            "--min-count" => {
                options.min_count = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--min-count N")
            }
            "--margin" => {
                options.margin = it.next().and_then(|v| v.parse().ok()).expect("--margin M")
            }
            _ => positional.push(a),
        }
    }
    if positional.len() < 3 {
        eprintln!("usage: train_events CODED.jsonl[,MORE.jsonl] ARTICLES.jsonl OUT.bin [--check] [--epochs N] [--margin M]");
        std::process::exit(2);
    }
    Args {
        coded: positional[0].split(',').map(str::to_string).collect(),
        articles: positional[1].clone(),
        out: positional[2].clone(),
        check,
        options,
    }
}

/// Reads every coded-sentence file; a line that cannot be read is reported and skipped.
fn read_coded(paths: &[String], texts: &ArticleTexts) -> Vec<CodedSentence> {
    let mut out = Vec::new();
    for path in paths {
        let (coded, errors) = tidings_gold::read_coded(Path::new(path), Some(texts))
            .unwrap_or_else(|e| panic!("{e}"));
        for e in errors {
            eprintln!("{e}; line skipped");
        }
        out.extend(coded);
    }
    out
}

fn read_articles(path: &str) -> Vec<tidings_article::Article> {
    tidings_article::read_path(Path::new(path), None)
        .expect("articles file")
        .filter_map(|r| r.map_err(|e| eprintln!("{e}")).ok())
        .collect()
}

/// Codes the articles the coded sentences come from, on every core.
fn candidates_by_article(
    coder: &Coder,
    articles: &[tidings_article::Article],
    wanted: &HashSet<&str>,
) -> HashMap<String, Vec<SentenceCandidates>> {
    let articles: Vec<_> = articles
        .iter()
        .filter(|a| wanted.contains(a.id.as_str()))
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|a| (a.id.clone(), coder.candidates(a)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("coding thread"))
            .collect()
    })
}

/// A coded sentence and the coder's sentences that are it (usually one).
type Matched<'a> = (&'a CodedSentence, Vec<&'a SentenceCandidates>);

fn main() {
    let args = args();
    let articles = read_articles(&args.articles);
    let texts: ArticleTexts = articles
        .iter()
        .map(|a| (a.id.clone(), a.text.clone()))
        .collect();
    let coded = read_coded(&args.coded, &texts);
    let wanted: HashSet<&str> = coded.iter().map(|c| c.article_id.as_str()).collect();
    let coder = Coder::new(Dictionaries::builtin());
    let started = std::time::Instant::now();
    let by_article = candidates_by_article(&coder, &articles, &wanted);
    let sentences: Vec<Matched> = coded
        .iter()
        .map(|c| {
            let matched = by_article
                .get(&c.article_id)
                .into_iter()
                .flatten()
                .filter(|s| labels::same_sentence(&s.sentence, &c.text))
                .collect();
            (c, matched)
        })
        .collect();
    eprintln!(
        "{} coded sentences, {} events; {} found among the candidates of {} articles ({:.1} s)",
        coded.len(),
        coded.iter().map(|c| c.events.len()).sum::<usize>(),
        sentences.iter().filter(|s| !s.1.is_empty()).count(),
        by_article.len(),
        started.elapsed().as_secs_f64()
    );
    eprintln!(
        "{} coded events have a candidate with their actors",
        reachable(&sentences)
    );
    if args.check {
        check(&sentences, &args.options);
    }
    let examples = examples_of(sentences.iter());
    let positives = examples.iter().filter(|e| !e.labels.is_empty()).count();
    let n = examples.len();
    let weights = train::train(examples, &args.options);
    std::fs::write(&args.out, weights.to_bytes()).unwrap_or_else(|e| panic!("{}: {e}", args.out));
    eprintln!(
        "trained on {n} candidates ({positives} events): {} features, margin {}, written to {}",
        weights.feature_count(),
        weights.margin,
        args.out
    );
}

fn examples_of<'a>(part: impl Iterator<Item = &'a Matched<'a>>) -> Vec<Example> {
    part.flat_map(|(c, s)| labels::examples(c, s)).collect()
}

/// How many coded events some candidate could give: both its mentions are the coded actors.
fn reachable(sentences: &[Matched]) -> usize {
    let reached = |e: &CodedEvent, ss: &[&SentenceCandidates]| {
        ss.iter().any(|s| {
            s.candidates.iter().any(|cand| {
                labels::candidate_labels(&s.sentence, cand, std::slice::from_ref(e))
                    .is_some_and(|l| !l.is_empty())
            })
        })
    };
    sentences
        .iter()
        .map(|(c, ss)| c.events.iter().filter(|e| reached(e, ss)).count())
        .sum()
}

/// Trains on four fifths of the articles and prints how the model does on its own training part
/// and, for a range of margins, on the other fifth.
fn check(sentences: &[Matched], options: &TrainOptions) {
    let held_out = |c: &CodedSentence| tidings_article::fnv1a64(c.article_id.as_bytes()) % 5 == 0;
    let train_part: Vec<&Matched> = sentences.iter().filter(|s| !held_out(s.0)).collect();
    let dev_part: Vec<&Matched> = sentences.iter().filter(|s| held_out(s.0)).collect();
    let examples = examples_of(train_part.iter().copied());
    eprintln!(
        "check: {} training examples, {} held-out sentences",
        examples.len(),
        dev_part.len()
    );
    let mut weights = train::train(examples, options);
    let score = |part: &[&Matched], weights: &Weights| {
        let mut score = Score::default();
        for (c, s) in part {
            let gold = c.triples();
            let got: Vec<Triple> = s
                .iter()
                .flat_map(|s| labels::predicted(s, weights))
                .collect();
            score.add(&gold, &got, &tidings_gold::match_sentence(&gold, &got));
        }
        score.overall
    };
    let fit = score(&train_part, &weights);
    println!(
        "fit on training part: precision {:.3} recall {:.3} F1 {:.3}",
        fit.precision(),
        fit.recall(),
        fit.f1()
    );
    for margin in [-40.0, -30.0, -25.0, -20.0, -15.0, -10.0, -6.0, -3.0, 0.0] {
        weights.margin = margin;
        let c = score(&dev_part, &weights);
        println!(
            "held-out margin {margin:>4}: precision {:.3} recall {:.3} F1 {:.3} ({} right, {} wrong, {} missed)",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.false_positives(),
            c.false_negatives()
        );
    }
}
