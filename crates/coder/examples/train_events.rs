//! Trains the event model from coded sentences (see docs/event-model.md).
//!
//! ```sh
//! cargo run --release -p tidings-coder --example train_events -- \
//!     ../shared/train/allsides-train.jsonl ../shared/corpus/allsides-world/articles.jsonl \
//!     crates/coder/model [--check | --root-margins] [--epochs N] [--margin M]
//! ```
//!
//! Each coded sentence's article is coded whole (the coder sees the article, as in real use);
//! the coder's sentences that match the coded one give the candidates, labelled by the coded
//! events. Two models are written to the output folder: `roots.bin`, the sentence model, and
//! `events.bin`, the candidate model, trained with the priors of sentence models that did not see
//! the sentence (five folds). `--check` first cross-validates the whole training by article (five
//! folds) and prints precision, recall and F1 for a range of margins, so that the margin is chosen
//! on training data, and counts, at the `--margin` given, why each false positive and each miss
//! of the held-out sentences is one, with the roots most often confused; then it chooses a margin
//! per root on four folds' held-out predictions and scores them on the fifth.
//! `--root-margins` does the same and ships those per-root margins in the model.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use tidings_coder::model::labels;
use tidings_coder::model::roots;
use tidings_coder::model::train::{self, Example, TrainOptions};
use tidings_coder::model::{EventModel, SentenceCandidates, CLASSES};
use tidings_coder::Coder;
use tidings_dict::Dictionaries;
use tidings_gold::{ArticleTexts, CodedEvent, CodedSentence, Counts, Score, Triple};

struct Args {
    coded: Vec<String>,
    articles: String,
    out: String,
    check: bool,
    /// Ship the per-root margins `--check` chooses.
    root_margins: bool,
    unreached: Option<String>,
    options: TrainOptions,
}

fn args() -> Args {
    let mut positional = Vec::new();
    let mut check = false;
    let mut root_margins = false;
    let mut unreached = None;
    let mut options = TrainOptions::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => check = true,
            "--root-margins" => {
                check = true;
                root_margins = true;
            }
            "--unreached" => unreached = Some(it.next().expect("--unreached FILE")),
            "--epochs" => {
                options.epochs = it.next().and_then(|v| v.parse().ok()).expect("--epochs N")
            }
            "--min-count" => {
                options.min_count = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--min-count N")
            }
            "--separation" => {
                options.separation = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--separation S")
            }
            "--margin" => {
                options.margin = it.next().and_then(|v| v.parse().ok()).expect("--margin M")
            }
            _ => positional.push(a),
        }
    }
    if positional.len() < 3 {
        eprintln!("usage: train_events CODED.jsonl[,MORE.jsonl] ARTICLES.jsonl OUT_FOLDER [--check | --root-margins] [--epochs N] [--margin M]");
        std::process::exit(2);
    }
    Args {
        coded: positional[0].split(',').map(str::to_string).collect(),
        articles: positional[1].clone(),
        out: positional[2].clone(),
        check,
        root_margins,
        unreached,
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
    unreachable_causes(&sentences, args.unreached.as_deref());
    let mut options = args.options.clone();
    if args.check {
        let offsets = check(&sentences, &args.options);
        if args.root_margins {
            options.class_offsets = offsets;
        }
    }
    let all: Vec<&Matched> = sentences.iter().collect();
    let model = train_model(&all, &options);
    let out = Path::new(&args.out);
    for (name, weights) in [("events.bin", &model.events), ("roots.bin", &model.roots)] {
        let path = out.join(name);
        std::fs::write(&path, weights.to_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        eprintln!(
            "{}: {} features, margin {}",
            path.display(),
            weights.feature_count(),
            weights.margin
        );
    }
}

/// Trains the sentence model on `part`, and the candidate model with the priors of sentence
/// models trained without each sentence's fifth of the articles.
fn train_model(part: &[&Matched], options: &TrainOptions) -> EventModel {
    let roots = train_roots(part.iter().copied());
    let mut priors: HashMap<&str, Vec<u64>> = HashMap::new();
    for fold in 0..5 {
        let inner = |c: &CodedSentence| (fnv(&c.article_id) / 5) % 5 == fold;
        let fold_roots = train_roots(part.iter().copied().filter(|s| !inner(s.0)));
        for (c, ss) in part.iter().filter(|s| inner(s.0)) {
            let features = ss.first().map(|s| s.sentence_features.as_slice());
            let p = features.map_or_else(Vec::new, |f| roots::prior_features(&fold_roots, f));
            priors.insert(c.sid.as_str(), p);
        }
    }
    let examples: Vec<Example> = part
        .iter()
        .flat_map(|(c, s)| labels::examples(c, s, &priors[c.sid.as_str()]))
        .collect();
    EventModel {
        events: train::train(examples, options),
        roots,
    }
}

fn train_roots<'a>(part: impl Iterator<Item = &'a Matched<'a>>) -> tidings_coder::model::Weights {
    let examples = part
        .filter_map(|(c, s)| labels::roots_example(c, s))
        .collect();
    let options = TrainOptions {
        min_count: 1,
        ..TrainOptions::default()
    };
    train::train(examples, &options)
}

fn fnv(id: &str) -> u64 {
    tidings_article::fnv1a64(id.as_bytes())
}

/// Whether some candidate of the coder's sentences is coded event `e`.
fn reached(e: &CodedEvent, ss: &[&SentenceCandidates]) -> bool {
    ss.iter().any(|s| {
        s.candidates.iter().any(|cand| {
            labels::candidate_labels(
                &s.sentence,
                cand,
                &labels::anchored(s, std::slice::from_ref(e)),
            )
            .is_some_and(|l| !l.is_empty())
        })
    })
}

/// How many coded events some candidate could give.
fn reachable(sentences: &[Matched]) -> usize {
    sentences
        .iter()
        .map(|(c, ss)| c.events.iter().filter(|e| reached(e, ss)).count())
        .sum()
}

/// Why the coded events no candidate can give are out of reach, counted by cause.
/// With `unreached`, each such event is also written there as a JSON line (the sentence, the cause,
/// the coded actors and the coder's mentions), for dictionary work.
fn unreachable_causes(sentences: &[Matched], unreached: Option<&str>) {
    let mut file = unreached.map(|path| {
        std::io::BufWriter::new(
            std::fs::File::create(path).unwrap_or_else(|e| panic!("{path}: {e}")),
        )
    });
    let mut causes: HashMap<&str, usize> = HashMap::new();
    for (c, ss) in sentences {
        let countries: HashSet<Option<String>> = ss
            .iter()
            .flat_map(|s| s.candidates.iter())
            .map(|cand| tidings_event::split_actor_code(&cand.source_code).0)
            .collect();
        for e in &c.events {
            if reached(e, ss) {
                continue;
            }
            let t = &e.triple;
            let cause = if ss.iter().all(|s| s.candidates.is_empty()) {
                "no candidates in the sentence"
            } else if !countries.contains(&t.source_country) {
                "source's country not among the mentions"
            } else if t.target_country.is_some() && !countries.contains(&t.target_country) {
                "target's country not among the mentions"
            } else if t.target_country.is_some() && t.target_country == t.source_country {
                "source and target of one country"
            } else {
                "mentions found, not the coded words"
            };
            *causes.entry(cause).or_default() += 1;
            if let Some(f) = file.as_mut() {
                let mentions: Vec<String> = ss
                    .iter()
                    .flat_map(|s| {
                        s.candidates
                            .iter()
                            .filter(|c| c.target_code.is_none())
                            .map(|c| {
                                format!("{} {}", c.source_code, &s.sentence[c.source_span.clone()])
                            })
                    })
                    .collect();
                let line = serde_json::json!({
                    "sid": c.sid, "cause": cause, "sentence": c.text,
                    "source": [t.source_country, e.source_text],
                    "target": [t.target_country, e.target_text],
                    "root": t.root, "mentions": mentions,
                });
                writeln!(f, "{line}").expect("writing the unreached events");
            }
        }
    }
    let mut causes: Vec<_> = causes.into_iter().collect();
    causes.sort_by_key(|c| std::cmp::Reverse(c.1));
    for (cause, n) in causes {
        eprintln!("  out of reach: {n:>5} {cause}");
    }
}

/// A held-out sentence of the cross-validation: its fold, and the score rows of its candidates
/// under the model that did not see it (one list per coder sentence that matches it).
struct HeldOut<'a> {
    fold: u64,
    sentence: &'a Matched<'a>,
    rows: Vec<Vec<[f32; CLASSES]>>,
}

impl HeldOut<'_> {
    fn predicted(&self, margin: f32, offsets: &[f32; CLASSES]) -> Vec<Triple> {
        self.sentence
            .1
            .iter()
            .zip(&self.rows)
            .flat_map(|(s, rows)| labels::predicted_from_rows(s, rows, margin, offsets))
            .collect()
    }
}

/// Cross-validation by article: trains on four fifths and scores the other fifth, five times, and
/// prints the pooled precision, recall and F1 for a range of margins, and the F1 of the dyads alone
/// (the roots left out). Then chooses a margin for each root ([`tune_offsets`]), measured honestly
/// (chosen on four folds' predictions, scored on the fifth), and returns the margins chosen on all
/// five.
fn check(sentences: &[Matched], options: &TrainOptions) -> [f32; CLASSES] {
    const MARGINS: [f32; 8] = [-40.0, -30.0, -25.0, -20.0, -15.0, -10.0, -6.0, 0.0];
    let mut pooled = vec![(Counts::default(), Counts::default()); MARGINS.len()];
    let mut diagnosis: HashMap<String, usize> = HashMap::new();
    let mut held_out_all = Vec::new();
    for fold in 0..5 {
        let held_out = |c: &CodedSentence| fnv(&c.article_id) % 5 == fold;
        let train_part: Vec<&Matched> = sentences.iter().filter(|s| !held_out(s.0)).collect();
        let model = train_model(&train_part, options);
        let dev: Vec<HeldOut> = sentences
            .iter()
            .filter(|s| held_out(s.0))
            .map(|m| HeldOut {
                fold,
                sentence: m,
                rows: m
                    .1
                    .iter()
                    .map(|s| labels::candidate_rows(s, &model))
                    .collect(),
            })
            .collect();
        for (k, margin) in MARGINS.iter().enumerate() {
            let (mut full, mut dyads) = (Score::default(), Score::default());
            for h in &dev {
                let gold = h.sentence.0.triples();
                let got = h.predicted(*margin, &[0.0; CLASSES]);
                if *margin == options.margin {
                    diagnose(&gold, &got, h.sentence.0, &h.sentence.1, &mut diagnosis);
                }
                full.add(&gold, &got, &tidings_gold::match_sentence(&gold, &got));
                let (gold, got) = (rootless(gold), rootless(got));
                dyads.add(&gold, &got, &tidings_gold::match_sentence(&gold, &got));
            }
            pooled[k].0.add_counts(&full.overall);
            pooled[k].1.add_counts(&dyads.overall);
        }
        held_out_all.extend(dev);
    }
    let mut diagnosis: Vec<_> = diagnosis.into_iter().collect();
    diagnosis.sort();
    for (k, n) in diagnosis {
        println!("  at margin {}: {n:>6} {k}", options.margin);
    }
    for (margin, (c, d)) in MARGINS.iter().zip(pooled) {
        println!(
            "5-fold margin {margin:>4}: precision {:.3} recall {:.3} F1 {:.3} ({} right, {} wrong, {} missed); dyads alone F1 {:.3}",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.false_positives(),
            c.false_negatives(),
            d.f1()
        );
    }
    let mut honest = Counts::default();
    for fold in 0..5 {
        let (tune_on, score_on): (Vec<&HeldOut>, Vec<&HeldOut>) =
            held_out_all.iter().partition(|h| h.fold != fold);
        let offsets = tune_offsets(&tune_on, options.margin);
        honest.add_counts(&evaluate(&score_on, options.margin, &offsets));
    }
    println!(
        "5-fold margin {:>4} with per-root margins (chosen on the other four folds): precision {:.3} recall {:.3} F1 {:.3}",
        options.margin,
        honest.precision(),
        honest.recall(),
        honest.f1()
    );
    let all: Vec<&HeldOut> = held_out_all.iter().collect();
    let offsets = tune_offsets(&all, options.margin);
    println!(
        "per-root margins (added to {}): {offsets:?}",
        options.margin
    );
    offsets
}

/// The pooled counts of held-out sentences at `margin` with per-root `offsets`.
fn evaluate(part: &[&HeldOut], margin: f32, offsets: &[f32; CLASSES]) -> Counts {
    let mut score = Score::default();
    for h in part {
        let gold = h.sentence.0.triples();
        let got = h.predicted(margin, offsets);
        score.add(&gold, &got, &tidings_gold::match_sentence(&gold, &got));
    }
    score.overall
}

/// Per-root margins by coordinate ascent on pooled F1: each root in turn tries a few offsets from
/// the global margin and keeps the best, twice over. Small roots move only for a clear gain.
fn tune_offsets(part: &[&HeldOut], margin: f32) -> [f32; CLASSES] {
    const STEPS: [f32; 9] = [-15.0, -10.0, -5.0, 0.0, 5.0, 10.0, 15.0, 20.0, 30.0];
    let mut offsets = [0.0f32; CLASSES];
    let mut best = evaluate(part, margin, &offsets).f1();
    for _ in 0..2 {
        for root in 1..CLASSES {
            let keep = offsets[root];
            let mut chosen = keep;
            for step in STEPS {
                offsets[root] = step;
                let f1 = evaluate(part, margin, &offsets).f1();
                if f1 > best + 0.0005 {
                    best = f1;
                    chosen = step;
                }
            }
            offsets[root] = chosen;
        }
    }
    offsets
}

/// The triples with their roots left out, once each.
fn rootless(triples: Vec<Triple>) -> Vec<Triple> {
    let mut out: Vec<Triple> = Vec::new();
    for mut t in triples {
        t.root = "00".into();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Counts why each false positive and each miss of a held-out sentence is one.
fn diagnose(
    gold: &[Triple],
    got: &[Triple],
    c: &CodedSentence,
    ss: &[&SentenceCandidates],
    out: &mut HashMap<String, usize>,
) {
    let m = tidings_gold::match_sentence(gold, got);
    for (g, e) in m.confusions(gold, got) {
        *out.entry(format!("confusion {g} -> {e}")).or_default() += 1;
    }
    let mut add = |k: &str| *out.entry(k.to_string()).or_default() += 1;
    for (i, e) in got.iter().enumerate() {
        if m.used[i] {
            continue;
        }
        let reversed = |g: &Triple| {
            g.source_country == e.target_country && g.target_country == e.source_country
        };
        let kind = if gold.is_empty() {
            "FP sentence has no coded event"
        } else if gold.iter().any(|g| g.same_countries(e)) {
            "FP right countries, other root"
        } else if gold.iter().any(reversed) {
            "FP reversed pair"
        } else if gold.iter().any(|g| g.source_country == e.source_country) {
            "FP right source, other target"
        } else if gold.iter().any(|g| g.target_country == e.target_country) {
            "FP right target, other source"
        } else {
            "FP neither actor coded"
        };
        add(kind);
        if e.target_country.is_none() {
            add("FP (of which no target)");
        }
    }
    for (g, (hit, ev)) in gold.iter().zip(m.gold_hits.iter().zip(&c.events)) {
        if hit.is_some() {
            continue;
        }
        let kind = if !reached(ev, ss) {
            "FN out of reach"
        } else if got.iter().any(|e| g.same_countries(e)) {
            "FN pair coded with another root"
        } else if got.is_empty() {
            "FN nothing coded in the sentence"
        } else {
            "FN pair not coded, others were"
        };
        add(kind);
    }
}
