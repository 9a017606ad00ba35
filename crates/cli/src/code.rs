//! `tidings code`: articles in, one JSON event per line out, and a one-line summary on stderr.
//!
//! Articles are coded on every core (`-j N` to choose, see [`crate::parallel`]); each article's
//! events are serialised by the thread that codes it and written (flushed) in input order as soon
//! as it and every article before it are coded, so the output is byte-identical whatever N.

use crate::parallel::{self, JobsArgs};
use crate::pipeline::{self, DictionaryArgs};
use crate::progress::{Progress, Results};
use clap::Args;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use tidings_article::{Article, Format, InputError};
use tidings_coder::{CodeOptions, Coder};
use tidings_event::dating::{ArticleDate, Undated};

#[derive(Args)]
pub struct CodeArgs {
    /// Article files: plain text (headline, dateline, paragraphs) or JSON Lines. None or `-`: stdin.
    pub files: Vec<PathBuf>,
    /// Input format: `text` or `jsonl` (default: detected from extension and content).
    #[arg(long, value_parser = pipeline::parse_format)]
    pub format: Option<Format>,
    /// Explain: what cleaning dropped (on stderr), and the dictionary entries and pattern behind each event.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub dating: pipeline::DatingArgs,
    /// Also print negated events ("did not attack"), marked `"negated": true`.
    #[arg(long)]
    pub keep_negated: bool,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
    #[command(flatten)]
    pub limit: pipeline::SizeLimitArgs,
    #[command(flatten)]
    pub jobs: JobsArgs,
}

/// What coding one input record gave, ready to print.
enum Outcome {
    /// The record could not be read.
    Bad(InputError),
    /// The article has no date and `--undated skip` skips it.
    Undated {
        warnings: Vec<String>,
    },
    Coded(CodedArticle),
}

/// One coded article: its events as JSON Lines and what to say about it on stderr.
struct CodedArticle {
    warnings: Vec<String>,
    cut: Option<String>,
    json: Vec<u8>,
    events: usize,
    sentences: usize,
    bytes: usize,
    dropped: Vec<String>,
}

/// What every article is coded with.
struct Job<'a> {
    coder: &'a Coder,
    options: CodeOptions,
    undated: Undated,
    max_bytes: usize,
    explain: bool,
}

impl Job<'_> {
    fn run(&self, record: Result<Article, InputError>) -> Outcome {
        let mut article = match record {
            Ok(a) => a,
            Err(e) => return Outcome::Bad(e),
        };
        let warnings = article.warnings.iter().map(|w| w.to_string()).collect();
        let Some(dating) = ArticleDate::choose(article.date, &self.undated) else {
            return Outcome::Undated { warnings };
        };
        article.date = dating.for_coder();
        let cut = pipeline::cut_large_article(&mut article, self.max_bytes);
        let (mut json, mut events) = (Vec::new(), 0usize);
        let coded = self
            .coder
            .code_each(&article, &self.options, &mut |mut batch| {
                dating.settle(&mut batch);
                events += batch.len();
                for event in &batch {
                    // writing to a Vec cannot fail
                    let _ = serde_json::to_writer(&mut json, event);
                    json.push(b'\n');
                }
            });
        let dropped = if self.explain {
            let id = &article.id;
            coded
                .clean
                .dropped
                .iter()
                .map(|d| format!("{id}: dropped ({}): {}", d.reason, d.text))
                .collect()
        } else {
            Vec::new()
        };
        Outcome::Coded(CodedArticle {
            warnings,
            cut,
            json,
            events,
            sentences: coded.sentence_count,
            bytes: article.size(),
            dropped,
        })
    }
}

/// The run's counts, for the summary line.
#[derive(Default)]
struct Totals {
    articles: usize,
    sentences: usize,
    events: usize,
    bad: usize,
    with_events: usize,
    cut: usize,
    undated_skipped: usize,
}

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let coder = pipeline::load_coder_with(&args.dicts)?;
    let job = Job {
        coder: &coder,
        options: CodeOptions {
            explain: args.explain,
            keep_negated: args.keep_negated,
        },
        undated: args.dating.undated(),
        max_bytes: args.limit.max_article_bytes,
        explain: args.explain,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut totals = Totals::default();
    let progress = Progress::new(pipeline::input_bytes(&args.files), Results::ToStdout);
    let (files, format) = (args.files.clone(), args.format);
    let written = parallel::ordered(
        args.jobs.threads(),
        move |push| {
            for record in pipeline::read_inputs(&files, format) {
                if !push(record) {
                    return;
                }
            }
        },
        |record| job.run(record),
        |outcome| emit(outcome, &mut out, &mut totals, &progress),
    )
    .and_then(|()| out.flush());
    // a closed pipe (`tidings code ... | head`) ends the run quietly, as `outln!` does
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            progress.finish();
            return Ok(ExitCode::SUCCESS);
        }
        other => other?,
    }
    progress.finish();
    summary(&totals, started.elapsed().as_secs_f64());
    Ok(if totals.bad > 0 || totals.cut > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints one record's outcome: messages on stderr, events on stdout (flushed: a run stopped on a
/// slow record keeps every event before it).
fn emit(
    outcome: Outcome,
    out: &mut impl Write,
    totals: &mut Totals,
    progress: &Progress,
) -> std::io::Result<()> {
    let say = |line: String| progress.suspend(|| eprintln!("tidings: {line}"));
    match outcome {
        Outcome::Bad(e) => {
            totals.bad += 1;
            say(format!("skipped: {e}"));
        }
        Outcome::Undated { warnings } => {
            warnings
                .into_iter()
                .for_each(|w| say(format!("warning: {w}")));
            totals.undated_skipped += 1;
        }
        Outcome::Coded(a) => {
            a.warnings
                .into_iter()
                .for_each(|w| say(format!("warning: {w}")));
            if let Some(message) = a.cut {
                totals.cut += 1;
                say(format!("cut: {message}"));
            }
            out.write_all(&a.json)?;
            totals.articles += 1;
            totals.sentences += a.sentences;
            totals.events += a.events;
            totals.with_events += usize::from(a.events > 0);
            a.dropped.into_iter().for_each(&say);
            out.flush()?;
            progress.article(a.bytes as u64, a.events);
        }
    }
    Ok(())
}

fn summary(t: &Totals, secs: f64) {
    let share = if t.articles > 0 {
        100.0 * t.with_events as f64 / t.articles as f64
    } else {
        0.0
    };
    let cut_note = if t.cut > 0 {
        format!(", {} records cut to --max-article-bytes", t.cut)
    } else {
        String::new()
    };
    if t.undated_skipped > 0 {
        eprintln!(
            "tidings: {} articles without a publication date skipped (--undated skip)",
            t.undated_skipped
        );
    }
    eprintln!(
        "tidings: {} articles, {} sentences, {} events ({} articles with events, {share:.1}%), {} skipped records{cut_note}, {secs:.2} s, {:.0} sentences/s",
        t.articles,
        t.sentences,
        t.events,
        t.with_events,
        t.bad,
        t.sentences as f64 / secs.max(1e-9)
    );
}
