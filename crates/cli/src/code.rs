//! `tidings code`: articles in, one JSON event per line out, and a one-line summary on stderr.
//! Each article's events are written (flushed) as soon as it is coded.

use crate::pipeline::{self, DictionaryArgs};
use clap::Args;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use tidings_article::Format;
use tidings_coder::CodeOptions;

#[derive(Args)]
pub struct CodeArgs {
    /// Article files or folders (read recursively): plain text (headline, dateline, paragraphs),
    /// JSON Lines, HTML pages, WARC archives, RSS/Atom feeds; gzip is read as well. None or `-`: stdin.
    pub files: Vec<PathBuf>,
    /// Input format: `text`, `jsonl`, `html`, `warc` or `feed` (default: detected per file from
    /// its name and first bytes).
    #[arg(long, value_parser = pipeline::parse_format)]
    pub format: Option<Format>,
    /// Explain: what cleaning dropped (on stderr), and the dictionary entries and pattern behind each event.
    #[arg(long)]
    pub explain: bool,
    /// Publication date (YYYY-MM-DD) for articles that give none; without it their events are dated
    /// the day they are coded (`"date_basis": "coded"`).
    #[arg(long, value_parser = pipeline::parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Also print negated events ("did not attack"), marked `"negated": true`.
    #[arg(long)]
    pub keep_negated: bool,
    #[command(flatten)]
    pub input: pipeline::InputArgs,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
    #[command(flatten)]
    pub limit: pipeline::SizeLimitArgs,
}

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let coder = pipeline::load_coder_with(&args.dicts)?;
    let options = CodeOptions {
        explain: args.explain,
        keep_negated: args.keep_negated,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let (mut articles, mut sentences, mut events, mut bad, mut with_events, mut cut) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for record in pipeline::read_inputs_with(&args.files, args.input.options(args.format, "eng")) {
        let mut article = match record {
            Ok(a) => a,
            Err(e) => {
                bad += 1;
                eprintln!("tidings: skipped: {e}");
                continue;
            }
        };
        for warning in &article.warnings {
            eprintln!("tidings: warning: {warning}");
        }
        if article.date.is_none() {
            article.date = args.date;
        }
        if let Some(message) =
            pipeline::cut_large_article(&mut article, args.limit.max_article_bytes)
        {
            cut += 1;
            eprintln!("tidings: cut: {message}");
        }
        // events leave sentence by sentence: a huge record never holds them all
        let (mut written, mut write_error) = (0usize, None);
        let coded = coder.code_each(&article, &options, &mut |batch| {
            written += batch.len();
            if write_error.is_none() {
                write_error = write_events(&mut out, &batch).err();
            }
        });
        if let Some(e) = write_error {
            return Err(e.into());
        }
        articles += 1;
        sentences += coded.sentence_count;
        events += written;
        with_events += usize::from(written > 0);
        if args.explain {
            for d in &coded.clean.dropped {
                eprintln!(
                    "tidings: {}: dropped ({}): {}",
                    article.id, d.reason, d.text
                );
            }
        }
        // each article's events are out when it is coded: a run stopped on a slow record keeps them
        out.flush()?;
    }
    out.flush()?;
    let secs = started.elapsed().as_secs_f64();
    let share = if articles > 0 {
        100.0 * with_events as f64 / articles as f64
    } else {
        0.0
    };
    let cut_note = if cut > 0 {
        format!(", {cut} records cut to --max-article-bytes")
    } else {
        String::new()
    };
    eprintln!(
        "tidings: {articles} articles, {sentences} sentences, {events} events ({with_events} articles with events, {share:.1}%), {bad} skipped records{cut_note}, {secs:.2} s, {:.0} sentences/s",
        sentences as f64 / secs.max(1e-9)
    );
    Ok(if bad > 0 || cut > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes events as JSON Lines.
fn write_events(out: &mut impl Write, events: &[tidings_event::Event]) -> std::io::Result<()> {
    for event in events {
        serde_json::to_writer(&mut *out, event)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
