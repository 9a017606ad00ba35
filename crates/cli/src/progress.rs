//! A progress line on stderr while articles are coded: articles, megabytes, events and the rate.
//! Shown only when stderr is a terminal; hidden (and free) when it is piped or redirected, and
//! when the events themselves go to the same terminal (`tidings code` without a redirection), where
//! a redrawn line would tear them.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::cell::Cell;
use std::io::IsTerminal;
use std::time::Instant;

/// Where a run writes its results while the bar runs: stdout may be the terminal the bar is on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Results {
    /// Results go to stdout: no bar when stdout is a terminal too.
    ToStdout,
    /// Nothing is written to stdout while the bar runs.
    Elsewhere,
}

/// The progress of a run. `article` counts one coded article; `suspend` prints a message without
/// tearing the bar.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    articles: Cell<u64>,
    events: Cell<u64>,
}

impl Progress {
    /// A bar over `total_bytes` of input (0 when unknown, e.g. stdin: a spinner then), drawn when
    /// stderr is a terminal, unless the results go to stdout and stdout is a terminal too.
    pub fn new(total_bytes: u64, results: Results) -> Progress {
        let quiet = results == Results::ToStdout && std::io::stdout().is_terminal();
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else if total_bytes == 0 {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bytes} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        } else {
            let bar =
                ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({eta}) {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        };
        Progress {
            bar,
            started: Instant::now(),
            articles: Cell::new(0),
            events: Cell::new(0),
        }
    }

    /// One article of `bytes` coded into `events` events.
    pub fn article(&self, bytes: u64, events: usize) {
        if self.bar.is_hidden() {
            return;
        }
        self.articles.set(self.articles.get() + 1);
        self.events.set(self.events.get() + events as u64);
        self.bar.inc(bytes);
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        self.bar.set_message(format!(
            "{} articles, {:.1} MB, {} events, {:.0} articles/s, {:.2} MB/s",
            self.articles.get(),
            self.bar.position() as f64 / 1e6,
            self.events.get(),
            self.articles.get() as f64 / secs,
            self.bar.position() as f64 / 1e6 / secs
        ));
    }

    /// Runs `f` (which prints) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
