//! `tidings ingest`, `query`, `timeline` and `export`: the event store from the command line.
//!
//! `ingest` reads articles, codes them (two threads per batch), and hands each batch to
//! `tidings_store::Store::ingest_batch`, one transaction per batch. Articles already in the
//! database are not coded again, so re-running an interrupted ingest completes it.

use crate::pipeline::{load_coder, read_inputs};
use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tidings_article::{Article, Format};
use tidings_coder::{CodeOptions, Coder};
use tidings_event::Event;
use tidings_store::{ArticleMeta, IngestStats, Partition, Period, QueryFilter, Store};

/// Input formats accepted on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// Scraped plain text: headline, dateline, paragraphs.
    Text,
    /// One JSON object per line.
    Jsonl,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::PlainText,
            InputFormat::Jsonl => Format::JsonLines,
        }
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Article files (plain text or JSON Lines); none or `-` reads standard input.
    pub files: Vec<PathBuf>,
    /// The database file (created when missing).
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    /// Input format; detected from name and content when not given.
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// Dictionary directory instead of the built-in dictionaries.
    #[arg(long, alias = "dictionaries")]
    pub dict: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles that give none.
    #[arg(long, value_parser = crate::pipeline::parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    /// Events with this actor on either side (code prefix: CHN matches CHNGOV).
    #[arg(long)]
    pub actor: Option<String>,
    /// Events from one actor to another, `CHN:PRK`.
    #[arg(long)]
    pub dyad: Option<String>,
    /// CAMEO code prefix (`05`, `051`).
    #[arg(long, conflicts_with = "quad")]
    pub code: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    /// First actor (code prefix).
    pub a: String,
    /// Second actor (code prefix).
    pub b: String,
    #[arg(long, value_enum, default_value = "month")]
    pub by: PeriodArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 Events table, 61 tab-separated columns, no header.
    Gdelt,
    /// GDELT 2.0 Mentions table, plus sentence text and offsets.
    Mentions,
    /// Parquet files partitioned by date (needs --out DIR).
    Parquet,
    /// One JSON object per event with its mentions.
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PartitionArg {
    Day,
    Month,
    Year,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file (directory for parquet); standard output when not given.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Parquet partitioning.
    #[arg(long, value_enum, default_value = "day")]
    pub partition: PartitionArg,
}

/// Codes and stores articles; prints a summary on stdout, problems on stderr.
pub fn ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut store = Store::open(&a.db).with_context(|| format!("opening {}", a.db.display()))?;
    let coder = load_coder(a.dict.as_deref())?;
    let total_bytes: u64 = a
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let progress = progress_bar(total_bytes);

    let mut stats = IngestStats::default();
    let mut malformed = 0usize;
    let mut skipped_before_coding = 0usize;
    let mut bytes_read = 0u64;
    let mut pending: Vec<Article> = Vec::new();
    let batch_size = a.batch as usize;
    let flush = |pending: &mut Vec<Article>,
                 store: &mut Store,
                 stats: &mut IngestStats|
     -> anyhow::Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let coded = code_batch(&coder, pending);
        pending.clear();
        let batch_stats = store.ingest_batch(&coded).context("storing a batch")?;
        for p in &batch_stats.problems {
            progress.suspend(|| eprintln!("{}: {}", p.origin, p.message));
        }
        stats.add(batch_stats);
        progress.set_message(format!(
            "{} articles stored, {} events",
            stats.articles_stored, stats.events_created
        ));
        Ok(())
    };

    for record in read_inputs(&a.files, a.format.map(Format::from)) {
        match record {
            Ok(mut article) => {
                if article.date.is_none() {
                    article.date = a.date;
                }
                let len = article.text.len() as u64;
                bytes_read += len;
                progress.inc(len);
                if store.contains(&ArticleMeta::from_article(&article))? {
                    skipped_before_coding += 1;
                    continue;
                }
                pending.push(article);
                if pending.len() >= batch_size {
                    flush(&mut pending, &mut store, &mut stats)?;
                }
            }
            Err(err) => {
                malformed += 1;
                progress.suspend(|| eprintln!("{err} (skipped)"));
            }
        }
    }
    flush(&mut pending, &mut store, &mut stats)?;
    progress.finish_and_clear();

    let secs = started.elapsed().as_secs_f64();
    let total = store.summary()?;
    let read = stats.articles_seen + skipped_before_coding;
    let mut out = std::io::stdout().lock();
    writeln!(out, "articles read        {read}")?;
    writeln!(out, "  stored now         {}", stats.articles_stored)?;
    writeln!(
        out,
        "  already stored     {}",
        stats.already_stored + skipped_before_coding
    )?;
    writeln!(out, "  near-duplicates    {}", stats.near_duplicates)?;
    writeln!(out, "malformed records    {malformed}")?;
    writeln!(out, "mentions added       {}", stats.mentions_added)?;
    writeln!(
        out,
        "events added         {} (plus {} further mentions of known events)",
        stats.events_created, stats.events_mentioned_again
    )?;
    writeln!(
        out,
        "events skipped       {} (negated {})",
        stats.problems.len(),
        stats.negated_skipped
    )?;
    writeln!(
        out,
        "database             {} articles ({} near-duplicates), {} events, {} mentions",
        total.articles, total.near_duplicates, total.events, total.mentions
    )?;
    writeln!(
        out,
        "seconds              {secs:.2} ({:.1} articles/s, {:.2} MB/s)",
        read as f64 / secs.max(1e-9),
        bytes_read as f64 / 1e6 / secs.max(1e-9)
    )?;
    Ok(ExitCode::SUCCESS)
}

fn progress_bar(total_bytes: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes.max(1)), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({eta}) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Codes a batch on up to two threads, keeping input order. An article whose coding panics is
/// reported and stored without events, so it is not coded again on a re-run.
fn code_batch(coder: &Coder, articles: &[Article]) -> Vec<(ArticleMeta, Vec<Event>)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 2);
    let chunk = articles.len().div_ceil(threads).max(1);
    let options = CodeOptions::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| {
                let options = &options;
                scope.spawn(move || {
                    part.iter()
                        .map(|article| code_one(coder, article, options))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn code_one(coder: &Coder, article: &Article, options: &CodeOptions) -> (ArticleMeta, Vec<Event>) {
    let mut meta = ArticleMeta::from_article(article);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        coder.code(article, options)
    })) {
        Ok(coded) => {
            meta.doc_len = coded.clean.text.chars().count();
            (meta, coded.events)
        }
        Err(_) => {
            eprintln!(
                "{}: the coder failed on this article; stored without events",
                meta.origin
            );
            (meta, Vec::new())
        }
    }
}

fn parse_dyad(dyad: &str) -> anyhow::Result<(String, String)> {
    match dyad.split_once(':') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().into(), b.trim().into()))
        }
        _ => anyhow::bail!("--dyad {dyad:?}: expected SOURCE:TARGET, e.g. CHN:PRK"),
    }
}

/// Lists events with their counts and one evidence sentence each.
pub fn query(a: QueryArgs) -> anyhow::Result<ExitCode> {
    closed_pipe_is_success(query_inner(a))
}

fn query_inner(a: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    let filter = QueryFilter {
        actor: a.actor,
        dyad: a.dyad.as_deref().map(parse_dyad).transpose()?,
        code: a.code,
        quad_class: a.quad,
        from: a.from,
        to: a.to,
        limit: a.limit,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut n = 0usize;
    match a.format {
        OutputFormat::Table => {
            writeln!(
                out,
                "{:>8}  {:<10}  {:<9} {:<9} {:<5} {:>1} {:>6} {:>4} {:>4} {:>4}  EVIDENCE",
                "ID", "DATE", "SOURCE", "TARGET", "CODE", "Q", "GOLD", "MENT", "SRC", "ART"
            )?;
        }
        OutputFormat::Csv => {
            writeln!(out, "id,date,actor1_code,actor1_name,actor2_code,actor2_name,event_code,quad_class,goldstein,num_mentions,num_sources,num_articles,source_url,evidence")?;
        }
        OutputFormat::Jsonl => {}
    }
    store.for_each_event(&filter, |e| {
        n += 1;
        match a.format {
            OutputFormat::Table => writeln!(
                out,
                "{:>8}  {}  {:<9} {:<9} {:<5} {:>1} {:>6.1} {:>4} {:>4} {:>4}  {}",
                e.id,
                e.date,
                e.actor1_code,
                if e.actor2_code.is_empty() {
                    "-"
                } else {
                    &e.actor2_code
                },
                e.event_code,
                e.quad_class,
                e.goldstein,
                e.num_mentions,
                e.num_sources,
                e.num_articles,
                shorten(&e.evidence, 100)
            )?,
            OutputFormat::Csv => {
                let fields = [
                    e.id.to_string(),
                    e.date.to_string(),
                    e.actor1_code.clone(),
                    e.actor1_name.clone(),
                    e.actor2_code.clone(),
                    e.actor2_name.clone(),
                    e.event_code.clone(),
                    e.quad_class.to_string(),
                    format!("{:.1}", e.goldstein),
                    e.num_mentions.to_string(),
                    e.num_sources.to_string(),
                    e.num_articles.to_string(),
                    e.source_url.clone(),
                    e.evidence.clone(),
                ];
                writeln!(
                    out,
                    "{}",
                    fields
                        .iter()
                        .map(|f| csv_field(f))
                        .collect::<Vec<_>>()
                        .join(",")
                )?
            }
            OutputFormat::Jsonl => writeln!(
                out,
                "{}",
                serde_json::to_string(&e)
                    .map_err(|err| tidings_store::StoreError::Invalid(err.to_string()))?
            )?,
        }
        Ok(())
    })?;
    out.flush()?;
    if n == 0 {
        eprintln!("no events match");
    }
    Ok(ExitCode::SUCCESS)
}

fn shorten(text: &str, max: usize) -> String {
    let text = text.replace(['\n', '\t'], " ");
    if text.chars().count() <= max {
        text
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Per period and direction: events by QuadClass, Goldstein sum and mean; then sparklines.
pub fn timeline(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    closed_pipe_is_success(timeline_inner(a))
}

fn timeline_inner(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    let period = match a.by {
        PeriodArg::Day => Period::Day,
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
    };
    let rows = store.timeline(&a.a, &a.b, period)?;
    if rows.is_empty() {
        eprintln!("no events between {} and {}", a.a, a.b);
        return Ok(ExitCode::from(1));
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<10}  {:<15} {:>6} {:>5} {:>5} {:>5} {:>5} {:>8} {:>8} {:>6}",
        "PERIOD", "DIRECTION", "EVENTS", "Q1", "Q2", "Q3", "Q4", "MENTIONS", "GOLD_SUM", "MEAN"
    )?;
    for r in &rows {
        writeln!(
            out,
            "{:<10}  {:<15} {:>6} {:>5} {:>5} {:>5} {:>5} {:>8} {:>8.1} {:>6.2}",
            r.period,
            format!("{}->{}", r.from, r.to),
            r.events,
            r.by_quad[0],
            r.by_quad[1],
            r.by_quad[2],
            r.by_quad[3],
            r.mentions,
            r.goldstein_sum,
            r.goldstein_mean
        )?;
    }
    // Sparklines over every period from the first to the last, empty periods included.
    let first = rows.iter().map(|r| r.start).min().unwrap_or_default();
    let last = rows.iter().map(|r| r.start).max().unwrap_or_default();
    let mut starts = vec![first];
    while let Some(&s) = starts.last() {
        let next = period.next(s);
        if next > last || next <= s {
            break;
        }
        starts.push(next);
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} to {} ({} periods; width 60, neighbours summed)",
        period.label(first),
        period.label(last),
        starts.len()
    )?;
    for (from, to) in [
        (a.a.to_uppercase(), a.b.to_uppercase()),
        (a.b.to_uppercase(), a.a.to_uppercase()),
    ] {
        let series = |value: &dyn Fn(&tidings_store::TimelineRow) -> f64| -> Vec<f64> {
            starts
                .iter()
                .map(|s| {
                    rows.iter()
                        .find(|r| r.start == *s && r.from == from && r.to == to)
                        .map_or(0.0, value)
                })
                .collect()
        };
        let events = series(&|r| r.events as f64);
        let gold = series(&|r| r.goldstein_sum);
        let dir = format!("{from}->{to}");
        writeln!(
            out,
            "{dir:<15} events    {}",
            tidings_store::sparkline(&events, 60)
        )?;
        writeln!(
            out,
            "{dir:<15} goldstein {}",
            tidings_store::sparkline(&gold, 60)
        )?;
        if from == to {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the GDELT Events or Mentions table, JSON Lines, or Parquet files.
pub fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    closed_pipe_is_success(export_inner(a))
}

fn export_inner(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    if let ExportFormat::Parquet = a.format {
        let dir = a
            .out
            .as_deref()
            .context("--format parquet needs --out DIR")?;
        let partition = match a.partition {
            PartitionArg::Day => Partition::Day,
            PartitionArg::Month => Partition::Month,
            PartitionArg::Year => Partition::Year,
        };
        let (files, rows) = store.export_parquet(dir, partition)?;
        eprintln!(
            "{rows} events in {} Parquet files under {}",
            files.len(),
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut writer: Box<dyn Write> = match &a.out {
        Some(path) => Box::new(std::io::BufWriter::new(create(path)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let rows = match a.format {
        ExportFormat::Gdelt => store.export_gdelt_events(&mut writer)?,
        ExportFormat::Mentions => store.export_gdelt_mentions(&mut writer)?,
        ExportFormat::Jsonl => store.export_jsonl(&mut writer)?,
        ExportFormat::Parquet => unreachable!("handled above"),
    };
    writer.flush()?;
    if let Some(path) = &a.out {
        eprintln!("{rows} rows written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn create(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))
}

/// A reader that stops early (`tidings query | head`) is not an error.
fn closed_pipe_is_success(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(err)
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<tidings_store::StoreError>().is_some_and(|e| {
                        matches!(e, tidings_store::StoreError::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
                    })
            }) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}
