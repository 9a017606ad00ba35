//! `tidings ingest`: reads articles, codes each batch on every core (`-j N`), and hands it to
//! `tidings_store::Store::ingest_batch`, one transaction per batch. A batch is coded in the
//! background while the next one is read and the one before it is stored ([`Coding`]). Articles already in the
//! database are not coded again, so re-running an interrupted ingest completes it. The exit status
//! is 1 when a record was skipped or cut, as for `tidings code`. One ingest at a time writes to a
//! database: a second one waits for the first's lock (`tidings_store::WriteLock`), saying so on
//! stderr, so two ingests started together give what the two run one after the other give.

use super::args::IngestArgs;
use crate::pipeline::{cut_large_article, load_coder, read_inputs_with};
use crate::progress::{Progress, Results};
use anyhow::Context;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tidings_article::{Article, Format};
use tidings_coder::{CodeOptions, Coder};
use tidings_event::dating::ArticleDate;
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
    let mut coding = Coding {
        coder: Arc::new(load_coder(a.dict.as_deref())?),
        threads: a.jobs.threads(),
        running: None,
    };
    let progress = Progress::new(crate::pipeline::input_bytes(&a.files), Results::Elsewhere);

    let mut stats = IngestStats::default();
    let mut malformed = 0usize;
    let mut cut = 0usize;
    let mut skipped_before_coding = 0usize;
    let mut bytes_read = 0u64;
    let undated = a.dating.undated();
    let mut undated_skipped = 0usize;
    let mut pending: Vec<(Article, ArticleDate)> = Vec::new();
    let batch_size = a.batch as usize;
    // starts coding the pending batch and stores the one coded before it
    let mut flush = |pending: &mut Vec<(Article, ArticleDate)>,
                     store: &mut Store,
                     stats: &mut IngestStats|
     -> anyhow::Result<()> {
        let Some(coded) = coding.hand_over(std::mem::take(pending)) else {
            return Ok(());
        };
        let batch_stats = store.ingest_batch(&coded).context("storing a batch")?;
        for p in &batch_stats.problems {
            progress.suspend(|| eprintln!("{}: {}", p.origin, p.message));
        }
        stats.add(batch_stats);
        for (meta, events) in &coded {
            progress.article(meta.text.len() as u64, events.len());
        }
        Ok(())
    };

    for record in read_inputs_with(&a.files, a.input.options(a.format.map(Format::from), "eng")) {
        match record {
            Ok(mut article) => {
                for warning in &article.warnings {
                    progress.suspend(|| eprintln!("{warning}"));
                }
                let Some(dating) = ArticleDate::choose(article.date, &undated) else {
                    undated_skipped += 1;
                    continue;
                };
                article.date = dating.for_coder();
                let len = article.text.len() as u64;
                if let Some(message) = cut_large_article(&mut article, a.limit.max_article_bytes) {
                    cut += 1;
                    progress.suspend(|| eprintln!("{message}"));
                }
                bytes_read += len;
                if store.contains(&ArticleMeta::from_article(&article))? {
                    skipped_before_coding += 1;
                    progress.article(len, 0);
                    continue;
                }
                pending.push((article, dating));
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
    // the last batch: coded, then stored
    flush(&mut pending, &mut store, &mut stats)?;
    flush(&mut pending, &mut store, &mut stats)?;
    progress.finish();

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
    if undated_skipped > 0 {
        writeln!(
            out,
            "undated, skipped     {undated_skipped} (no publication date; --undated skip)"
        )?;
    }
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

/// A batch is coded on its own threads while the caller reads the next one and stores the last.
struct Coding {
    coder: Arc<Coder>,
    threads: usize,
    running: Option<JoinHandle<Vec<(ArticleMeta, Vec<Event>)>>>,
}

impl Coding {
    /// Starts coding `next` (unless it is empty) and returns the batch handed over before it, once
    /// coded.
    fn hand_over(
        &mut self,
        next: Vec<(Article, ArticleDate)>,
    ) -> Option<Vec<(ArticleMeta, Vec<Event>)>> {
        let previous = self.running.take().map(|h| {
            h.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        if !next.is_empty() {
            let (coder, threads) = (Arc::clone(&self.coder), self.threads);
            self.running = Some(std::thread::spawn(move || {
                code_batch(&coder, &next, threads)
            }));
        }
        previous
    }
}

/// Codes a batch on `threads` threads, keeping input order. An article whose coding panics is
/// reported and stored without events, so it is not coded again on a re-run. Actors get the
/// dictionary's name for their entity (`tidings-batch`, `tidings-names`).
fn code_batch(
    coder: &Coder,
    articles: &[(Article, ArticleDate)],
    threads: usize,
) -> Vec<(ArticleMeta, Vec<Event>)> {
    let options = CodeOptions::default();
    let names = tidings_names::ActorNames::new(&coder.dictionaries().actors);
    crate::parallel::batch(threads, articles, |(article, dating)| {
        let c = tidings_batch::code_article(coder, &names, article, dating, &options);
        if c.failed {
            eprintln!(
                "{}: the coder failed on this article; stored without events",
                c.meta.origin
            );
        }
        (c.meta, c.events)
    })
}
