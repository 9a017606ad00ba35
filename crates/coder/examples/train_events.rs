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

use std::collections::HashMap;
use std::path::Path;
use tidings_coder::model::labels::{self, CodedSentence, Tally};
use tidings_coder::model::train::{self, Example, TrainOptions};
use tidings_coder::model::SentenceCandidates;
use tidings_coder::Coder;
use tidings_dict::Dictionaries;

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
            "--epochs" => options.epochs = it.next().and_then(|v| v.parse().ok()).expect("--epochs N"),
            "--min-count" => options.min_count = it.next().and_then(|v| v.parse().ok()).expect("--min-count N"),
            "--margin" => options.margin = it.next().and_then(|v| v.parse().ok()).expect("--margin M"),
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

/// The characters `a..b` of `s` (offsets in Unicode code points, as Python counts them).
fn chars(s: &str, a: usize, b: usize) -> Option<String> {
    let v: Vec<char> = s.chars().collect();
    (a <= b && b <= v.len()).then(|| v[a..b].iter().collect())
}

/// A line of the repository's own annotations (`crates/coder/model/annotations/`), which keep
/// offsets instead of text, with the text put back from the article: the sentence from `start`
/// and `end`, each actor's words from its `source_span` / `target_span` in the sentence.
fn with_text(line: &str, texts: &HashMap<String, String>) -> Result<String, String> {
    let mut v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    if v.get("text").is_some() {
        return Ok(line.to_string());
    }
    let id = v["article_id"].as_str().ok_or("no `article_id`")?;
    let article = texts.get(id).ok_or_else(|| format!("article {id} is not in the corpus"))?;
    let (a, b) = (v["start"].as_u64().ok_or("no `start`")?, v["end"].as_u64().ok_or("no `end`")?);
    let sentence = chars(article, a as usize, b as usize).ok_or("`start`/`end` outside the article")?;
    for e in v["events"].as_array_mut().ok_or("no `events`")? {
        for side in ["source", "target"] {
            let span = e[format!("{side}_span")].as_array().map(|s| {
                (s[0].as_u64().unwrap_or(0) as usize, s[1].as_u64().unwrap_or(0) as usize)
            });
            let words = span.and_then(|(a, b)| chars(&sentence, a, b));
            e[format!("{side}_text")] = words.map_or(serde_json::Value::Null, Into::into);
        }
    }
    v["text"] = sentence.into();
    Ok(v.to_string())
}

fn read_coded(paths: &[String], texts: &HashMap<String, String>) -> Vec<CodedSentence> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            match with_text(line, texts).and_then(|l| labels::parse_coded_sentence(&l)) {
                Ok(s) => out.push(s),
                Err(e) => eprintln!("{path}:{}: {e}; line skipped", n + 1),
            }
        }
    }
    out
}

/// Codes the articles the coded sentences come from, on every core.
fn read_articles(path: &str) -> Vec<tidings_article::Article> {
    tidings_article::read_path(Path::new(path), None)
        .expect("articles file")
        .filter_map(|r| r.map_err(|e| eprintln!("{e}")).ok())
        .collect()
}

fn candidates_by_article(
    coder: &Coder,
    articles: &[tidings_article::Article],
    wanted: &HashMap<String, Vec<usize>>,
) -> HashMap<String, Vec<SentenceCandidates>> {
    let articles: Vec<_> = articles.iter().filter(|a| wanted.contains_key(&a.id)).collect();
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

fn main() {
    let args = args();
    let articles = read_articles(&args.articles);
    let texts: HashMap<String, String> =
        articles.iter().map(|a| (a.id.clone(), a.text.clone())).collect();
    let coded = read_coded(&args.coded, &texts);
    let mut wanted: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, s) in coded.iter().enumerate() {
        wanted.entry(s.article_id.clone()).or_default().push(k);
    }
    let coder = Coder::new(Dictionaries::builtin());
    let started = std::time::Instant::now();
    let by_article = candidates_by_article(&coder, &articles, &wanted);
    let empty = Vec::new();
    let sentences: Vec<(&CodedSentence, Vec<SentenceCandidates>)> = coded
        .iter()
        .map(|c| {
            let mine = by_article.get(&c.article_id).unwrap_or(&empty);
            let matched = mine
                .iter()
                .filter(|s| labels::same_sentence(&s.sentence, &c.text))
                .cloned()
                .collect();
            (c, matched)
        })
        .collect();
    let found = sentences.iter().filter(|s| !s.1.is_empty()).count();
    eprintln!(
        "{} coded sentences, {} events; {} found among the candidates of {} articles ({:.1} s)",
        coded.len(),
        coded.iter().map(|c| c.events.len()).sum::<usize>(),
        found,
        by_article.len(),
        started.elapsed().as_secs_f64()
    );
    if std::env::var("DEBUG_LABELS").is_ok() {
        for (c, ss) in sentences.iter().take(40) {
            println!("== {} {}", c.sid, c.text);
            for e in &c.events {
                println!("  gold {:?}", e);
            }
            for s in ss {
                for cand in &s.candidates {
                    let l = labels::candidate_labels(&s.sentence, cand, &c.events);
                    println!("  cand {} [{}] -> {:?} [{:?}] {:?}", cand.source_code, &s.sentence[cand.source_span.clone()], cand.target_code, cand.target_span.clone().map(|r| &s.sentence[r]), l);
                }
            }
        }
    }
    let reachable: usize = sentences
        .iter()
        .map(|(c, ss)| {
            c.events
                .iter()
                .filter(|e| {
                    ss.iter().any(|s| {
                        s.candidates.iter().any(|cand| {
                            labels::candidate_labels(&s.sentence, cand, std::slice::from_ref(*e))
                                .is_some_and(|l| !l.is_empty())
                        })
                    })
                })
                .count()
        })
        .sum();
    eprintln!("{reachable} coded events have a candidate with their actors");
    let examples_of = |part: &[&(&CodedSentence, Vec<SentenceCandidates>)]| -> Vec<Example> {
        part.iter()
            .flat_map(|(c, s)| labels::examples(c, s))
            .collect()
    };
    if args.check {
        let fold = |c: &CodedSentence| tidings_article::fnv1a64(c.article_id.as_bytes()) % 5 == 0;
        let train_part: Vec<_> = sentences.iter().filter(|s| !fold(s.0)).collect();
        let dev_part: Vec<_> = sentences.iter().filter(|s| fold(s.0)).collect();
        let examples = examples_of(&train_part);
        eprintln!("check: {} training examples, {} held-out sentences", examples.len(), dev_part.len());
        let mut weights = train::train(examples, &args.options);
        if std::env::var("SHOW_DEV").is_ok() {
            weights.margin = -3.0;
            for (c, s) in dev_part.iter().take(60) {
                let given: Vec<_> = s.iter().flat_map(|s| labels::predicted(s, &weights)).collect();
                println!("== {}\n  gold {:?}\n  mine {:?}", c.text, c.events.iter().map(|e| (e.source_country.clone(), e.target_country.clone(), e.class)).collect::<Vec<_>>(), given);
            }
        }
        let mut fit = Tally::default();
        for (c, s) in &train_part {
            let given: Vec<_> = s.iter().flat_map(|s| labels::predicted(s, &weights)).collect();
            fit.add(&c.events, &given);
        }
        println!("fit on training part: precision {:.3} recall {:.3} F1 {:.3}", fit.precision(), fit.recall(), fit.f1());
        for margin in [-40.0, -30.0, -25.0, -20.0, -15.0, -10.0, -6.0, -3.0, 0.0] {
            weights.margin = margin;
            let mut tally = Tally::default();
            for (c, s) in &dev_part {
                let given: Vec<_> = s.iter().flat_map(|s| labels::predicted(s, &weights)).collect();
                tally.add(&c.events, &given);
            }
            println!(
                "held-out margin {margin:>4}: precision {:.3} recall {:.3} F1 {:.3} ({} right, {} wrong, {} missed)",
                tally.precision(),
                tally.recall(),
                tally.f1(),
                tally.right,
                tally.wrong,
                tally.missed
            );
        }
    }
    let all: Vec<_> = sentences.iter().collect();
    let examples = examples_of(&all);
    let positives = examples.iter().filter(|e| !e.labels.is_empty()).count();
    eprintln!("{positives} positive candidates of {}", examples.len());
    let n = examples.len();
    let weights = train::train(examples, &args.options);
    std::fs::write(&args.out, weights.to_bytes()).unwrap_or_else(|e| panic!("{}: {e}", args.out));
    eprintln!(
        "trained on {n} candidates: {} features, margin {}, written to {}",
        weights.feature_count(),
        weights.margin,
        args.out
    );
}
