//! `tidings watch FEEDS.txt --db DB`: polls feed URLs, fetches the pages of new items politely
//! (`tidings-fetch`), extracts, codes and stores them as `ingest` does, and remembers every URL
//! it fetched in the database, so no URL is fetched twice, across restarts too.
//!
//! The loop: at each poll ([`poll::Poll`]) read the feed list again, then poll; wait
//! `--interval` seconds from the poll's start; again. `--once` polls once. SIGINT or SIGTERM
//! raises a flag that is read between articles and during waits: the article in flight is
//! finished and stored, the poll's summary printed, and the program ends. A second signal ends
//! it at once.

mod poll;

use crate::pipeline::{load_coder, DatingArgs, SizeLimitArgs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tidings_fetch::{Config, Fetcher};

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// A text file of RSS 2.0 or Atom feed URLs, one per line (blank lines and lines starting
    /// with # are skipped); read again at each poll.
    pub feeds: PathBuf,
    /// The database file (created when missing).
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    /// Seconds from the start of one poll to the start of the next (GDELT's 15 minutes).
    #[arg(long, value_name = "SECONDS", default_value = "900", value_parser = parse_seconds)]
    pub interval: Duration,
    /// Poll once and exit (for tests and cron); exit status 1 when a feed or page failed or an
    /// article was cut.
    #[arg(long)]
    pub once: bool,
    /// The User-Agent header [default: tidings/VERSION (+REPOSITORY)]. robots.txt groups are
    /// matched against the product token `tidings` whatever it says.
    #[arg(long, value_name = "STRING")]
    pub user_agent: Option<String>,
    /// Least seconds between the end of one request to a host and the start of the next (a
    /// longer Crawl-delay in the host's robots.txt wins, up to 60 s).
    #[arg(long, value_name = "SECONDS", default_value = "2", value_parser = parse_seconds)]
    pub per_host_delay: Duration,
    /// Most seconds a request may take: connecting, headers and body together.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_seconds)]
    pub timeout: Duration,
    /// Largest response read, in bytes; a larger page is reported and not coded.
    #[arg(long, value_name = "BYTES", default_value_t = 10_000_000)]
    pub max_bytes: u64,
    /// Most redirects followed for one URL (each checked against robots.txt).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_redirects: u32,
    /// Seconds to wait while an ingest writes to the same database (default: until it ends).
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub wait_timeout: Option<Duration>,
    /// Dictionary directory instead of the built-in dictionaries.
    #[arg(long, alias = "dictionaries")]
    pub dict: Option<PathBuf>,
    /// Keep only pages in this language (ISO 639-3, detected; `any` keeps all).
    #[arg(long, value_name = "CODE", default_value = "eng")]
    pub language: String,
    #[command(flatten)]
    pub dating: DatingArgs,
    #[command(flatten)]
    pub limit: SizeLimitArgs,
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(Duration::from_secs_f64(n)),
        _ => Err(format!(
            "`{s}` is not a number of seconds (0 or more, e.g. 2 or 0.5)"
        )),
    }
}

/// Runs the watch loop until `--once` is done or a signal arrives.
pub fn run(args: WatchArgs) -> anyhow::Result<ExitCode> {
    if !args.feeds.is_file() {
        anyhow::bail!(
            "{}: no such file; give a text file with one feed URL per line",
            args.feeds.display()
        );
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // a second signal, once the flag is up, ends the process at once
        signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&stop))?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let user_agent = args.user_agent.clone().unwrap_or_else(|| {
        tidings_fetch::default_user_agent(env!("CARGO_PKG_VERSION"), env!("CARGO_PKG_REPOSITORY"))
    });
    let mut fetcher = Fetcher::new(
        Config {
            user_agent,
            per_host_delay: args.per_host_delay,
            timeout: args.timeout,
            max_bytes: args.max_bytes,
            max_redirects: args.max_redirects,
        },
        Arc::clone(&stop),
    );
    let coder = load_coder(args.dict.as_deref())?;
    let mut failed = false;
    for number in 1.. {
        let started = Instant::now();
        let summary = poll::Poll {
            args: &args,
            fetcher: &mut fetcher,
            coder: &coder,
            stop: &stop,
            number,
        }
        .run()?;
        failed |= summary.errors > 0 || summary.cut > 0;
        if args.once || stop.load(Ordering::SeqCst) {
            break;
        }
        let next = started + args.interval;
        while Instant::now() < next && !stop.load(Ordering::SeqCst) {
            std::thread::sleep((next - Instant::now()).min(Duration::from_millis(200)));
        }
        if stop.load(Ordering::SeqCst) {
            break;
        }
    }
    if stop.load(Ordering::SeqCst) {
        eprintln!("tidings watch: stopped by a signal; every article fetched is stored");
    }
    Ok(if args.once && failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
