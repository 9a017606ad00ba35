//! `tidings ingest`: reads articles, codes them (two threads per batch), and hands each batch to
//! `tidings_store::Store::ingest_batch`, one transaction per batch. Articles already in the
//! database are not coded again, so re-running an interrupted ingest completes it. The exit status
//! is 1 when a record was skipped or cut, as for `tidings code`. One ingest at a time writes to a
//! database: a second one waits for the first's lock (`tidings_store::WriteLock`), saying so on
//! stderr, so two ingests started together give what the two run one after the other give.

use super::args::IngestArgs;
use crate::pipeline::{cut_large_article, load_coder, read_inputs};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use tidings_article::{Article, Format};
use tidings_coder::{CodeOptions, Coder};
use tidings_event::Event;
use tidings_store::{ArticleMeta, IngestStats, Store, WriteLock};

/// Codes and stores articles; prints a summary on stdout, problems on stderr.
pub fn ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let timeout = match a.wait_timeout {
        None => None,
        Some(s) if s.is_finite() && s >= 0.0 => Some(Duration::from_secs_f64(s)),
        Some(s) => anyhow::bail!("--wait-timeout {s}: give a number of seconds, 0 or more"),
    };
    let who = std::iter::once("tidings ingest".to_string())
        .chain(a.files.iter().map(|f| f.display().to_string()))
        .collect::<Vec<_>>()
        .join(" ");
    // Held until this function returns, so through the last batch and the summary.
    let _lock = WriteLock::acquire(&a.db, timeout, &who, |lock, holder| {
        let how_long = match timeout {
            None => String::new(),
            Some(t) => format!(" (at most {} s)", t.as_secs_f64()),
        };
        eprintln!(
            "{}: another ingest is writing to this database ({holder}); waiting for it to \
             finish{how_long} before ingesting {} (lock file {})",
            a.db.display(),
            if a.files.is_empty() {
                "standard input".to_string()
            } else {
                a.files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            lock.display()
        );
    })?;
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
    let mut cut = 0usize;
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
                for warning in &article.warnings {
                    progress.suspend(|| eprintln!("{warning}"));
                }
                if article.date.is_none() {
                    article.date = a.date;
                }
                let len = article.text.len() as u64;
                if let Some(message) = cut_large_article(&mut article, a.limit.max_article_bytes) {
                    cut += 1;
                    progress.suspend(|| eprintln!("{message}"));
                }
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
    if cut > 0 {
        writeln!(out, "records cut          {cut} (over --max-article-bytes)")?;
    }
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
    Ok(if malformed > 0 || cut > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

/// Codes a batch on up to two threads, keeping input order (`tidings-batch`). An article whose
/// coding panics is reported and stored without events, so it is not coded again on a re-run.
fn code_batch(coder: &Coder, articles: &[Article]) -> Vec<(ArticleMeta, Vec<Event>)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 2);
    tidings_batch::code_batch(coder, articles, &CodeOptions::default(), threads)
        .into_iter()
        .map(|c| {
            if c.failed {
                eprintln!(
                    "{}: the coder failed on this article; stored without events",
                    c.meta.origin
                );
            }
            (c.meta, c.events)
        })
        .collect()
}
