//! The per-category table, the overall pass rate and the list of failures.

use crate::records::{EventKey, Expected};
use crate::runner::Report;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Passed and evaluated records of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub evaluated: usize,
}

impl Tally {
    pub fn rate(&self) -> f64 {
        if self.evaluated == 0 {
            0.0
        } else {
            100.0 * self.passed as f64 / self.evaluated as f64
        }
    }
}

impl Report {
    /// Tallies per category, in the order categories first appear.
    pub fn by_category(&self) -> Vec<(String, Tally)> {
        let mut order: Vec<String> = Vec::new();
        let mut map: BTreeMap<String, Tally> = BTreeMap::new();
        for o in &self.outcomes {
            let c = &o.record.category;
            if !map.contains_key(c) {
                order.push(c.clone());
            }
            let t = map.entry(c.clone()).or_default();
            t.evaluated += 1;
            t.passed += o.passed as usize;
        }
        order.into_iter().map(|c| (c.clone(), map[&c])).collect()
    }

    pub fn overall(&self) -> Tally {
        Tally {
            passed: self.outcomes.iter().filter(|o| o.passed).count(),
            evaluated: self.outcomes.len(),
        }
    }

    /// Expected events found, of all expected events (UD-PETRARCH's measure).
    pub fn events_found(&self) -> (usize, usize) {
        let mut found = 0;
        let mut total = 0;
        for o in &self.outcomes {
            if let Expected::Events(e) = &o.record.expected {
                total += e.len();
                found += e.intersection(&o.got).count();
            }
        }
        (found, total)
    }

    /// The table as text.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<10} {:>9} {:>6} {:>7}",
            "category", "evaluated", "passed", "rate"
        );
        for (c, t) in self.by_category() {
            let _ = writeln!(
                s,
                "{:<10} {:>9} {:>6} {:>6.1}%",
                c,
                t.evaluated,
                t.passed,
                t.rate()
            );
        }
        let t = self.overall();
        let _ = writeln!(
            s,
            "{:<10} {:>9} {:>6} {:>6.1}%",
            "overall",
            t.evaluated,
            t.passed,
            t.rate()
        );
        let (found, total) = self.events_found();
        let _ = writeln!(
            s,
            "expected events found: {found} of {total}; records not evaluated: {}",
            self.skipped
        );
        s
    }

    /// Every failed record: id, category, text, what was expected, missing and extra events.
    pub fn failures(&self) -> String {
        let mut s = String::new();
        for o in self.outcomes.iter().filter(|o| !o.passed) {
            let r = &o.record;
            let _ = writeln!(s, "{} [{}] line {}: {}", r.id, r.category, r.line, r.text);
            let none = BTreeSet::new();
            let want: &BTreeSet<EventKey> = match &r.expected {
                Expected::Events(e) => e,
                _ => &none,
            };
            let fmt = |k: &EventKey| format!("{} -> {} {}", k.0, k.1, k.2);
            let missing: Vec<String> = want.difference(&o.got).map(fmt).collect();
            let extra: Vec<String> = o.got.difference(want).map(fmt).collect();
            if !missing.is_empty() {
                let _ = writeln!(s, "    missing: {}", missing.join("; "));
            }
            if !extra.is_empty() {
                let _ = writeln!(s, "    extra:   {}", extra.join("; "));
            }
        }
        s
    }
}
