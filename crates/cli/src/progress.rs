//! A progress line on stderr while articles are coded: articles, megabytes, events and the rate.
//! Shown only when stderr is a terminal; hidden (and free) when it is piped or redirected.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::cell::Cell;
use std::io::IsTerminal;
use std::time::Instant;

/// The progress of a run. `article` counts one coded article; `suspend` prints a message without
/// tearing the bar.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    articles: Cell<u64>,
    events: Cell<u64>,
}

impl Progress {
    /// A bar over `total_bytes` of input (0 when unknown, e.g. stdin: a spinner then).
    pub fn new(total_bytes: u64) -> Progress {
        let bar = if !std::io::stderr().is_terminal() {
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
            "{} articles, {:.1} MB, {} events, {:.0} articles/s",
            self.articles.get(),
            self.bar.position() as f64 / 1e6,
            self.events.get(),
            self.articles.get() as f64 / secs
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
