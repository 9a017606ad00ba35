//! `tidings eval GOLD.jsonl --articles CORPUS.jsonl`: how well the coder finds the events of a gold
//! standard.
//!
//! The articles the gold names are read from the corpus and coded whole, with the same coder and
//! reader as `tidings code`; each gold sentence is then scored against the coded events that belong
//! to it, exactly as the reference scorer `shared/gold/score.py` does (`tidings-gold` reads the gold
//! sentences, dev gold or training format, and holds the scoring rules). The report ([`report`])
//! gives score.py's summary line, a table per CAMEO root and the root confusions, or one JSON object
//! with `--json`; `--misses` lists every missed gold event and false positive.

mod report;

use crate::pipeline::{self, DictionaryArgs};
use clap::Args;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tidings_article::Format;
use tidings_coder::{CodeOptions, Coder};
use tidings_event::Event;
use tidings_gold::{CodedSentence, SentenceMatch, Triple};

#[derive(Args)]
pub struct EvalArgs {
    /// Gold sentences, JSON Lines: `sid`, `article_id`, `text` and `events`, each with
    /// `source_country`, `target_country` (null: any) and `root`, or a `cameo` code (training format).
    pub gold: PathBuf,
    /// The articles, JSON Lines with `id`, `title`, `date`, `text`: those the gold names are coded whole.
    #[arg(long, value_name = "CORPUS.jsonl")]
    pub articles: PathBuf,
    /// With --misses: show the dictionary entries and pattern behind each coded event.
    #[arg(long)]
    pub explain: bool,
    /// Print one JSON object (overall, per root, confusions, and misses with --misses).
    #[arg(long)]
    pub json: bool,
    /// List each missed gold event and each false positive, with its sentence and the coded events.
    #[arg(long)]
    pub misses: bool,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

/// One gold sentence, the coded events that belong to it, and how they matched.
pub struct Outcome<'a> {
    pub gold: &'a CodedSentence,
    /// The gold events as the scorer compares them.
    pub gold_triples: Vec<Triple>,
    pub events: Vec<&'a Event>,
    pub got: Vec<Triple>,
    pub matched: SentenceMatch,
}

/// The gold articles' events by article id, and what reading the corpus met.
struct Coded {
    events: HashMap<String, Vec<Event>>,
    found: HashSet<String>,
    sentences: usize,
    bad: usize,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (gold, gold_errors) = tidings_gold::read_coded(&args.gold, None)?;
    for e in &gold_errors {
        eprintln!("tidings: skipped: {e}");
    }
    let coder = pipeline::load_coder_with(&args.dicts)?;
    let options = CodeOptions {
        explain: args.explain,
        keep_negated: false,
    };
    let wanted: HashSet<&str> = gold.iter().map(|g| g.article_id.as_str()).collect();
    let coded = code_articles(&coder, &args.articles, &wanted, &options);
    report_missing(&wanted, &coded.found, &args.articles);
    let outcomes = score_sentences(&gold, &coded.events);
    let score = report::total(&outcomes);
    let misses = args.misses.then_some(outcomes.as_slice());
    if args.json {
        report::print_json(&score, misses)?;
    } else {
        report::print_human(&score, misses, args.explain);
    }
    let events: usize = coded.events.values().map(Vec::len).sum();
    eprintln!(
        "tidings: {} gold sentences, {} articles coded ({} sentences, {events} events), {} skipped records, {:.2} s",
        gold.len(),
        coded.found.len(),
        coded.sentences,
        gold_errors.len() + coded.bad,
        started.elapsed().as_secs_f64()
    );
    let clean = gold_errors.is_empty() && coded.bad == 0;
    Ok(if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads the corpus record by record, as `tidings code` does, and codes the articles in `wanted`.
fn code_articles(
    coder: &Coder,
    corpus: &Path,
    wanted: &HashSet<&str>,
    options: &CodeOptions,
) -> Coded {
    let mut coded = Coded {
        events: HashMap::new(),
        found: HashSet::new(),
        sentences: 0,
        bad: 0,
    };
    let records = pipeline::read_inputs(&[corpus.to_path_buf()], Some(Format::JsonLines));
    for record in records {
        let article = match record {
            Ok(a) => a,
            Err(e) => {
                coded.bad += 1;
                eprintln!("tidings: skipped: {e}");
                continue;
            }
        };
        if !wanted.contains(article.id.as_str()) {
            continue;
        }
        let result = coder.code(&article, options);
        coded.sentences += result.sentence_count;
        coded
            .events
            .entry(article.id.clone())
            .or_default()
            .extend(result.events);
        coded.found.insert(article.id);
    }
    coded
}

/// Gold articles the corpus lacks: their gold events all count as missed.
fn report_missing(wanted: &HashSet<&str>, found: &HashSet<String>, corpus: &Path) {
    let mut missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|id| !found.contains(*id))
        .collect();
    if missing.is_empty() {
        return;
    }
    missing.sort_unstable();
    let shown = missing
        .iter()
        .take(10)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let more = if missing.len() > 10 { ", ..." } else { "" };
    eprintln!(
        "tidings: {} gold articles are not in {} ({shown}{more}); their gold events count as missed",
        missing.len(),
        corpus.display()
    );
}

/// Matches each gold sentence, in gold order, with the coded events of its article that belong to it.
fn score_sentences<'a>(
    gold: &'a [CodedSentence],
    events: &'a HashMap<String, Vec<Event>>,
) -> Vec<Outcome<'a>> {
    gold.iter()
        .map(|g| {
            let gold_norm = tidings_gold::norm(&g.text);
            let events: Vec<&Event> = events
                .get(&g.article_id)
                .into_iter()
                .flatten()
                .filter(|e| tidings_gold::belongs(&tidings_gold::norm(&e.sentence), &gold_norm))
                .collect();
            let got: Vec<Triple> = events.iter().map(|e| Triple::of_event(e)).collect();
            let gold_triples = g.triples();
            let matched = tidings_gold::match_sentence(&gold_triples, &got);
            Outcome {
                gold: g,
                gold_triples,
                events,
                got,
                matched,
            }
        })
        .collect()
}
