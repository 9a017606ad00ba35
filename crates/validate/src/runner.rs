//! Running a validation file: find its dictionaries, code each record's text, compare sets.

use crate::records::{parse, EventKey, Expected, Record, ValidationFile};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tidings_coder::{CodeOptions, Coder};
use tidings_dict::petrarch::PetrarchFiles;
use tidings_dict::{DictError, DictionaryBuilder};
use tidings_event::Event;

/// The result of one evaluated record.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub record: Record,
    /// What the coder produced: (source, target, code) of every event with a target.
    pub got: BTreeSet<EventKey>,
    pub passed: bool,
}

/// The result of a whole file.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// Records not evaluated (`evaluate="false"` or a category outside `<Include>`).
    pub skipped: usize,
    /// Records that could not be read.
    pub record_errors: Vec<String>,
    pub dict_errors: Vec<DictError>,
    pub load_time: Duration,
    pub code_time: Duration,
}

/// The dictionary files a records file names in its `<Environment>`, looked up beside it and in
/// `../dictionaries/` (PETRARCH's layout). With `dict_dir`, the names are looked up there, and if
/// they are not all there, the folder's own PETRARCH files are used.
pub fn dictionary_files(
    records_path: &Path,
    file: &ValidationFile,
    dict_dir: Option<&Path>,
) -> Result<PetrarchFiles, String> {
    let base = records_path.parent().unwrap_or(Path::new("."));
    let dirs: Vec<PathBuf> = match dict_dir {
        Some(d) => vec![d.to_path_buf()],
        None => vec![base.to_path_buf(), base.join("../dictionaries")],
    };
    let env = &file.environment;
    let find = |names: &[String]| -> Option<Vec<PathBuf>> {
        names
            .iter()
            .map(|n| dirs.iter().map(|d| d.join(n)).find(|p| p.is_file()))
            .collect()
    };
    let named = (|| {
        Some(PetrarchFiles {
            verbs: find(&env.verbfiles)?,
            actors: find(&env.actorfiles)?,
            agents: find(&env.agentfiles)?,
            discards: find(&env.discardfiles)?,
            // optional: without it negated acts stay uncoded
            ontology: find(&env.ontologyfiles).unwrap_or_default(),
        })
    })();
    match (named, dict_dir) {
        (Some(f), _) if !(f.verbs.is_empty() && f.actors.is_empty()) => Ok(f),
        (_, Some(d)) => PetrarchFiles::in_dir(d).map_err(|e| e.to_string()),
        _ => Err(format!("{}: the dictionary files named in <Environment> were not found beside it or in ../dictionaries (give --dictionaries DIR)", records_path.display())),
    }
}

/// Reads a records file, loads its dictionaries, codes and compares every evaluated record.
pub fn run_file(records_path: &Path, dict_dir: Option<&Path>) -> Result<Report, String> {
    let text = std::fs::read_to_string(records_path)
        .map_err(|e| format!("{}: cannot read: {e}", records_path.display()))?;
    let file = parse(&text);
    let files = dictionary_files(records_path, &file, dict_dir)?;
    let start = Instant::now();
    let mut builder = DictionaryBuilder::new();
    files.load(&mut builder);
    let (dicts, dict_errors) = builder.build();
    let load_time = start.elapsed();
    // PETRARCH's dictionaries are coded by their own patterns, as PETRARCH codes them
    let coder = Coder::new(dicts).with_syntax_checks(false);
    let start = Instant::now();
    let mut report = run(&file, &coder);
    report.code_time = start.elapsed();
    report.load_time = load_time;
    report.dict_errors = dict_errors;
    report.record_errors = file
        .errors
        .iter()
        .map(|e| format!("{}:{}: {}", records_path.display(), e.line, e.reason))
        .collect();
    Ok(report)
}

/// Codes and compares every evaluated record of a file.
pub fn run(file: &ValidationFile, coder: &Coder) -> Report {
    let mut report = Report::default();
    let options = CodeOptions::default();
    for r in &file.records {
        if !r.evaluate || !file.environment.includes(&r.category) {
            report.skipped += 1;
            continue;
        }
        let events = coder.code_text(&r.text, r.date, &options);
        let got = event_keys(&events);
        let passed = matches(&r.expected, &got);
        report.outcomes.push(Outcome {
            record: r.clone(),
            got,
            passed,
        });
    }
    report
}

/// The (source, target, code) set of events; events without a target are left out, as PETRARCH's
/// `require_dyad` does.
pub fn event_keys(events: &[Event]) -> BTreeSet<EventKey> {
    events
        .iter()
        .filter_map(|e| {
            e.target
                .as_ref()
                .map(|t| (e.source.code.clone(), t.code.clone(), e.cameo.clone()))
        })
        .collect()
}

/// Does what was coded meet what was expected?
pub fn matches(expected: &Expected, got: &BTreeSet<EventKey>) -> bool {
    match expected {
        Expected::Events(e) => e == got,
        Expected::NoEvents | Expected::Error(_) => got.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str, t: &str, c: &str) -> EventKey {
        (s.into(), t.into(), c.into())
    }

    #[test]
    fn sets_must_be_equal() {
        let want = Expected::Events([key("ARN", "GON", "050"), key("ARN", "OSG", "050")].into());
        assert!(matches(
            &want,
            &[key("ARN", "OSG", "050"), key("ARN", "GON", "050")].into()
        ));
        assert!(!matches(&want, &[key("ARN", "GON", "050")].into()));
        assert!(!matches(
            &want,
            &[
                key("ARN", "GON", "050"),
                key("ARN", "OSG", "050"),
                key("GON", "ARN", "050")
            ]
            .into()
        ));
        assert!(matches(&Expected::NoEvents, &BTreeSet::new()));
        assert!(!matches(
            &Expected::NoEvents,
            &[key("ARN", "GON", "050")].into()
        ));
    }
}
