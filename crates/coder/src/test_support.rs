//! What the coder's unit tests share: one [`Coder`] per parse-check setting with the built-in
//! dictionaries, built once per test binary, and the event triples the tests compare.

use crate::{CodeOptions, Coder};
use chrono::NaiveDate;
use std::sync::OnceLock;
use tidings_dict::Dictionaries;
use tidings_event::Event;

/// The built-in verb-pattern coder (no event model: these tests check the patterns and the rules
/// that also feed the model its evidence), with the dependency-parse checks on or off.
pub(crate) fn coder(checks: bool) -> &'static Coder {
    static WITH: OnceLock<Coder> = OnceLock::new();
    static WITHOUT: OnceLock<Coder> = OnceLock::new();
    let cell = if checks { &WITH } else { &WITHOUT };
    cell.get_or_init(|| {
        Coder::new(Dictionaries::builtin())
            .with_syntax_checks(checks)
            .with_model(None)
    })
}

/// The events of `text`, published on `date` (`YYYY-MM-DD`, or none), parse checks on.
pub(crate) fn events_on(text: &str, date: Option<&str>) -> Vec<Event> {
    let date = date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    coder(true).code_text(text, date, &CodeOptions::default())
}

/// (source code, target code or "", root) of each event.
pub(crate) fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            let target = e
                .target
                .as_ref()
                .map(|t| t.code.clone())
                .unwrap_or_default();
            (e.source.code.clone(), target, e.root.clone())
        })
        .collect()
}

/// The (source, target, root) triples of an undated `text`, with the parse checks on or off.
pub(crate) fn coded(text: &str, checks: bool) -> Vec<(String, String, String)> {
    triples(&coder(checks).code_text(text, None, &CodeOptions::default()))
}

/// Whether some triple has this source and target.
pub(crate) fn has(events: &[(String, String, String)], source: &str, target: &str) -> bool {
    events.iter().any(|e| e.0 == source && e.1 == target)
}
