//! Scoring coded events against gold sentences, exactly as the reference scorer
//! `shared/gold/score.py` does.
//!
//! - An event belongs to a gold sentence when the normalised evidence sentence is not empty and it and
//!   the normalised gold sentence contain one another ([`belongs`]; [`norm`] turns each run of
//!   non-word characters, as Python's `\W+`, into one space, strips and lower-cases). Events of other
//!   sentences are ignored; an event may belong to several gold sentences and counts in each.
//! - Events are compared as (source country, target country, CAMEO root) [`Triple`]s: the root is the
//!   first two characters of the event's `cameo`, an empty country is none, and a gold target country
//!   of `None` matches any target.
//! - Matching is greedy and one-to-one in gold order: each gold event takes the first coded event of
//!   its sentence that matches and is not taken yet ([`match_sentence`]). Matched gold events are true
//!   positives, the others false negatives; coded events left over are false positives.
//!
//! On top of score.py's totals, [`Score`] keeps counts per root and the root confusions: a false
//! positive with the source and target country of a gold event of its sentence but another root.

use crate::pyword::is_word_char;
use serde::Serialize;
use std::collections::BTreeMap;
use tidings_event::Event;

/// A (source country, target country, CAMEO root) triple, gold or coded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Triple {
    pub source_country: Option<String>,
    pub target_country: Option<String>,
    pub root: String,
}

impl Triple {
    /// The triple score.py reads from a coded event: countries (empty = none) and `cameo[:2]`.
    pub fn of_event(event: &Event) -> Triple {
        let country = |c: Option<&String>| c.filter(|c| !c.is_empty()).cloned();
        Triple {
            source_country: country(event.source.country.as_ref()),
            target_country: country(event.target.as_ref().and_then(|t| t.country.as_ref())),
            root: event.cameo.chars().take(2).collect(),
        }
    }

    /// Whether the coded triple `got` matches this gold one.
    pub fn matches(&self, got: &Triple) -> bool {
        self.same_countries(got) && self.root == got.root
    }

    /// Same source country, and same target country unless this gold triple's is `None` (any).
    pub fn same_countries(&self, got: &Triple) -> bool {
        self.source_country == got.source_country
            && (self.target_country.is_none() || self.target_country == got.target_country)
    }
}

/// score.py's `re.sub(r"\W+", " ", s).strip().lower()`.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if !is_word_char(c) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out.to_lowercase()
}

/// Whether an event whose normalised sentence is `event_norm` belongs to the gold sentence whose
/// normalised text is `gold_norm`.
pub fn belongs(event_norm: &str, gold_norm: &str) -> bool {
    !event_norm.is_empty() && (gold_norm.contains(event_norm) || event_norm.contains(gold_norm))
}

/// How the events of one gold sentence matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceMatch {
    /// For each gold event, the index of the coded event it matched.
    pub gold_hits: Vec<Option<usize>>,
    /// For each coded event, whether a gold event took it.
    pub used: Vec<bool>,
}

/// Greedy one-to-one matching in gold order, as score.py does it.
pub fn match_sentence(gold: &[Triple], got: &[Triple]) -> SentenceMatch {
    let mut used = vec![false; got.len()];
    let gold_hits = gold
        .iter()
        .map(|g| {
            let hit = (0..got.len()).find(|&i| !used[i] && g.matches(&got[i]))?;
            used[hit] = true;
            Some(hit)
        })
        .collect();
    SentenceMatch { gold_hits, used }
}

impl SentenceMatch {
    /// (gold root, coded root) for each false positive that has the countries of a gold event of
    /// the sentence but another root: against the first missed such gold event, else the first such.
    pub fn confusions(&self, gold: &[Triple], got: &[Triple]) -> Vec<(String, String)> {
        let confused = |g: &Triple, e: &Triple| g.same_countries(e) && g.root != e.root;
        got.iter()
            .enumerate()
            .filter(|&(i, _)| !self.used[i])
            .filter_map(|(_, e)| {
                let missed = gold
                    .iter()
                    .zip(&self.gold_hits)
                    .find(|(g, hit)| hit.is_none() && confused(g, e))
                    .map(|(g, _)| g);
                let g = missed.or_else(|| gold.iter().find(|g| confused(g, e)))?;
                Some((g.root.clone(), e.root.clone()))
            })
            .collect()
    }

    pub fn true_positives(&self) -> usize {
        self.gold_hits.iter().flatten().count()
    }
}

/// Gold events, coded events and true positives, with precision, recall and F1 as score.py gives them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub engine: usize,
    pub tp: usize,
}

impl Counts {
    /// Adds another set of counts to these (pooling folds or files).
    pub fn add_counts(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.engine += other.engine;
        self.tp += other.tp;
    }

    pub fn false_positives(&self) -> usize {
        self.engine - self.tp
    }

    pub fn false_negatives(&self) -> usize {
        self.gold - self.tp
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.engine)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole > 0 {
        part as f64 / whole as f64
    } else {
        0.0
    }
}

/// The scores of a gold set: overall, per CAMEO root, and root confusions (gold root, coded root).
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub sentences: usize,
    pub overall: Counts,
    pub per_root: BTreeMap<String, Counts>,
    pub confusion: BTreeMap<(String, String), usize>,
}

impl Score {
    /// Adds one gold sentence: its gold triples, the coded triples that belong to it, and how they
    /// matched (from [`match_sentence`]).
    pub fn add(&mut self, gold: &[Triple], got: &[Triple], m: &SentenceMatch) {
        self.sentences += 1;
        self.overall.gold += gold.len();
        self.overall.engine += got.len();
        self.overall.tp += m.true_positives();
        for (g, hit) in gold.iter().zip(&m.gold_hits) {
            let counts = self.per_root.entry(g.root.clone()).or_default();
            counts.gold += 1;
            counts.tp += usize::from(hit.is_some());
        }
        for e in got {
            self.per_root.entry(e.root.clone()).or_default().engine += 1;
        }
        for pair in m.confusions(gold, got) {
            *self.confusion.entry(pair).or_default() += 1;
        }
    }

    /// The confusions, most frequent first (then by gold and coded root).
    pub fn confusions_by_count(&self) -> Vec<(&str, &str, usize)> {
        let mut list: Vec<_> = self
            .confusion
            .iter()
            .map(|((g, e), &n)| (g.as_str(), e.as_str(), n))
            .collect();
        list.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(source: &str, target: Option<&str>, root: &str) -> Triple {
        Triple {
            source_country: Some(source.to_string()),
            target_country: target.map(str::to_string),
            root: root.to_string(),
        }
    }

    #[test]
    fn norm_collapses_non_word_runs_strips_and_lowercases() {
        assert_eq!(
            norm("  Trump’s “deal” -- with   Kim!  "),
            "trump s deal with kim"
        );
        assert_eq!(norm("U.S.-China talks"), "u s china talks");
        assert_eq!(norm("snake_case stays"), "snake_case stays");
        assert_eq!(norm("...!?"), "");
        assert_eq!(norm(""), "");
    }

    #[test]
    fn norm_is_unicode_aware_as_python() {
        // values from Python 3.11: re.sub(r"\W+", " ", s).strip().lower()
        assert_eq!(
            norm("Erdoğan met Zelenskyy in KYIV"),
            "erdoğan met zelenskyy in kyiv"
        );
        assert_eq!(norm("ΟΔΟΣ—Μόσχα"), "οδος μόσχα");
        assert_eq!(norm("İstanbul\u{a0}2020"), "i\u{307}stanbul 2020");
        // a decomposed accent is no word character in Python: it splits the word
        assert_eq!(norm("Cafe\u{301} talks"), "cafe talks");
        assert_eq!(norm("हिन्दी"), "ह न द");
    }

    #[test]
    fn sentences_belong_when_either_contains_the_other() {
        let gold = norm("Mr. Trump met Mr. Kim in Hanoi on Wednesday.");
        assert!(belongs(
            &norm("Mr Trump met Mr Kim in Hanoi on Wednesday"),
            &gold
        ));
        assert!(belongs(
            &norm("“Mr. Trump met Mr. Kim in Hanoi on Wednesday,” he said."),
            &gold
        ));
        assert!(belongs(&norm("Trump met Mr. Kim"), &gold));
        assert!(!belongs(&norm("Mr. Trump met Mr. Moon in Seoul."), &gold));
        assert!(
            !belongs("", &gold),
            "an empty evidence sentence belongs nowhere"
        );
        assert!(
            belongs("anything", ""),
            "an empty gold sentence contains every sentence"
        );
    }

    #[test]
    fn a_null_gold_target_matches_any_target() {
        let gold = t("USA", None, "04");
        assert!(gold.matches(&t("USA", Some("PRK"), "04")));
        assert!(gold.matches(&Triple {
            target_country: None,
            ..t("USA", None, "04")
        }));
        assert!(!gold.matches(&t("CHN", Some("PRK"), "04")));
        assert!(!gold.matches(&t("USA", Some("PRK"), "05")));
        assert!(!t("USA", Some("PRK"), "04").matches(&t("USA", None, "04")));
    }

    #[test]
    fn matching_is_one_to_one_in_gold_order() {
        let gold = [t("USA", None, "04"), t("USA", Some("PRK"), "04")];
        // the first gold event takes the first coded event, though the second would fit it only
        let got = [t("USA", Some("PRK"), "04"), t("USA", Some("CHN"), "04")];
        let m = match_sentence(&gold, &got);
        assert_eq!(m.gold_hits, vec![Some(0), None]);
        assert_eq!(m.used, vec![true, false]);
        // one coded event serves one gold event only
        let m = match_sentence(&gold, &got[..1]);
        assert_eq!(m.gold_hits, vec![Some(0), None]);
        // a duplicate coded event is a false positive
        let m = match_sentence(&gold[1..], &[got[0].clone(), got[0].clone()]);
        assert_eq!((m.true_positives(), m.used), (1, vec![true, false]));
    }

    #[test]
    fn counts_give_score_py_figures() {
        let mut score = Score::default();
        let gold = [t("USA", Some("GBR"), "04"), t("USA", Some("FRA"), "04")];
        let got = [
            t("USA", Some("GBR"), "04"),
            t("USA", Some("FRA"), "03"),
            t("IRN", None, "19"),
        ];
        score.add(&gold, &got, &match_sentence(&gold, &got));
        score.add(&[], &[], &match_sentence(&[], &[]));
        let c = score.overall;
        assert_eq!((score.sentences, c.gold, c.engine, c.tp), (2, 2, 3, 1));
        assert_eq!((c.false_positives(), c.false_negatives()), (2, 1));
        assert!((c.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 0.5).abs() < 1e-12);
        assert!((c.f1() - 0.4).abs() < 1e-12);
        assert_eq!(
            score.per_root["04"],
            Counts {
                gold: 2,
                engine: 1,
                tp: 1
            }
        );
        assert_eq!(
            score.per_root["03"],
            Counts {
                gold: 0,
                engine: 1,
                tp: 0
            }
        );
        assert_eq!(score.confusions_by_count(), vec![("04", "03", 1)]);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn a_confusion_prefers_a_missed_gold_event() {
        let gold = [t("USA", Some("GBR"), "04"), t("USA", None, "05")];
        let got = [t("USA", Some("GBR"), "04"), t("USA", Some("GBR"), "03")];
        let m = match_sentence(&gold, &got);
        assert_eq!(m.confusions(&gold, &got), vec![("05".into(), "03".into())]);
        // a matched event is no confusion, and a false positive of other countries neither
        let got = [t("USA", Some("GBR"), "04"), t("CHN", Some("GBR"), "03")];
        assert!(match_sentence(&gold, &got)
            .confusions(&gold, &got)
            .is_empty());
    }
}
