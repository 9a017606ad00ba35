//! Settling the dates of an article's events once it is coded.
//!
//! The coder dates each event from its sentence, the article's lead or the publication date and
//! says which in `date_basis`. What it cannot know is decided here, the same way for `tidings code`
//! and `tidings ingest`:
//!
//! - an article without a publication date is never dated the day it is coded: [`Undated`] says
//!   whether it is skipped, coded with no date (`date` empty, `date_basis` `undated`), or given a
//!   date (`date_basis` `given`);
//! - each event carries the publication date beside its own date (`published`);
//! - a date taken from a bare year the sentence names ("founding in 1928", `sentence-year`) whose
//!   whole year lies more than a year before publication is history, not an event of that year:
//!   `date_basis` becomes `history`, and timelines leave it out unless asked.
//!
//! ```
//! use tidings_event::dating::{ArticleDate, Undated};
//! let undated: Undated = "keep".parse().unwrap();
//! // an article without a date is kept, with no date for the coder
//! let choice = ArticleDate::choose(None, &undated).unwrap();
//! assert_eq!(choice.for_coder(), None);
//! // `skip` skips it
//! assert!(ArticleDate::choose(None, &"skip".parse().unwrap()).is_none());
//! ```

use crate::Event;
use chrono::{Datelike, NaiveDate};

/// `date_basis` of an event with no date.
pub const UNDATED: &str = "undated";
/// `date_basis` of an event dated by the date `--undated DATE` gives its article.
pub const GIVEN: &str = "given";
/// `date_basis` of a bare year named more than a year before publication.
pub const HISTORY: &str = "history";
/// What the coder calls a date from a bare year the sentence names.
const SENTENCE_YEAR: &str = "sentence-year";
/// What the coder calls the publication date.
const ARTICLE: &str = "article";
/// What older coders called the day of coding, given to articles without a date.
const CODED: &str = "coded";

/// Every `date_basis` a stored event can have, most precise first (what `query --date-basis`
/// accepts).
pub const DATE_BASES: &[&str] = &[
    "sentence",
    "sentence-month",
    "sentence-year",
    HISTORY,
    "story",
    ARTICLE,
    GIVEN,
    UNDATED,
];

/// What to do with an article that has no publication date (`--undated skip|keep|DATE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Undated {
    /// Count it and skip it.
    Skip,
    /// Code it; events whose sentence names no date have none (`date_basis` `undated`).
    #[default]
    Keep,
    /// Code it as published that day (`date_basis` `given`).
    Given(NaiveDate),
}

impl std::str::FromStr for Undated {
    type Err = String;

    fn from_str(s: &str) -> Result<Undated, String> {
        match s {
            "skip" => Ok(Undated::Skip),
            "keep" => Ok(Undated::Keep),
            _ => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Undated::Given)
                .map_err(|_| {
                    format!("`{s}`: use `skip`, `keep` or a date YYYY-MM-DD (e.g. 2020-10-11)")
                }),
        }
    }
}

/// The date an article is coded with, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleDate {
    /// The article's own publication date.
    Published(NaiveDate),
    /// The article has none; `--undated DATE` gave this one.
    Given(NaiveDate),
    /// The article has none and is coded without one.
    Unknown,
}

impl ArticleDate {
    /// The date to code an article with, from its own date and the `--undated` choice; `None`
    /// when the article is to be skipped.
    pub fn choose(published: Option<NaiveDate>, undated: &Undated) -> Option<ArticleDate> {
        match (published, undated) {
            (Some(d), _) => Some(ArticleDate::Published(d)),
            (None, Undated::Skip) => None,
            (None, Undated::Keep) => Some(ArticleDate::Unknown),
            (None, Undated::Given(d)) => Some(ArticleDate::Given(*d)),
        }
    }

    /// The publication date the coder is given (`Article::date`).
    pub fn for_coder(&self) -> Option<NaiveDate> {
        match self {
            ArticleDate::Published(d) | ArticleDate::Given(d) => Some(*d),
            ArticleDate::Unknown => None,
        }
    }

    /// Settles the dates of the article's coded events: publication date beside each, no date
    /// rather than the day of coding, `given` and `history` bases.
    pub fn settle(&self, events: &mut [Event]) {
        for event in events {
            self.settle_one(event);
        }
    }

    fn settle_one(&self, event: &mut Event) {
        if let ArticleDate::Published(d) = self {
            event.published = Some(d.format("%Y-%m-%d").to_string());
        }
        let basis = event.date_basis.as_deref().unwrap_or("");
        if event.date.trim().is_empty() || basis == CODED || basis == UNDATED {
            event.date.clear();
            event.date_basis = Some(UNDATED.to_string());
            return;
        }
        if basis == ARTICLE {
            if let ArticleDate::Given(_) = self {
                event.date_basis = Some(GIVEN.to_string());
            }
            return;
        }
        if basis == SENTENCE_YEAR {
            let date = NaiveDate::parse_from_str(&event.date, "%Y-%m-%d").ok();
            if let (Some(date), Some(anchor)) = (date, self.for_coder()) {
                if is_history(date, anchor) {
                    event.date_basis = Some(HISTORY.to_string());
                }
            }
        }
    }
}

/// Whether the whole year of `date` lies more than a year before `published`: "in 2018" in an
/// article of 2020-10-11 is history, "in 2019" is not.
pub fn is_history(date: NaiveDate, published: NaiveDate) -> bool {
    let Some(year_end) = NaiveDate::from_ymd_opt(date.year(), 12, 31) else {
        return false;
    };
    match published.checked_sub_months(chrono::Months::new(12)) {
        Some(year_before) => year_end < year_before,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actor, Plover, Span};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn event(date: &str, basis: &str) -> Event {
        Event {
            article_id: "a".into(),
            sentence_index: 0,
            sentence: "x".into(),
            span: Span::default(),
            date: date.into(),
            date_basis: Some(basis.into()),
            published: None,
            source: Actor::new("China", "CHN"),
            target: None,
            cameo: "010".into(),
            root: "01".into(),
            quad_class: 1,
            goldstein: 0.0,
            plover: Plover {
                event: "AGREE".into(),
                mode: None,
            },
            values_from: None,
            negated: false,
            explain: None,
            action_geo: None,
        }
    }

    #[test]
    fn parses_the_three_choices() {
        assert_eq!("skip".parse(), Ok(Undated::Skip));
        assert_eq!("keep".parse(), Ok(Undated::Keep));
        assert_eq!("2020-10-11".parse(), Ok(Undated::Given(day("2020-10-11"))));
        let err = "today".parse::<Undated>().unwrap_err();
        assert!(err.contains("skip") && err.contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn an_article_date_wins_over_the_choice() {
        let d = day("2020-10-11");
        assert_eq!(
            ArticleDate::choose(Some(d), &Undated::Skip),
            Some(ArticleDate::Published(d))
        );
        assert_eq!(
            ArticleDate::choose(None, &Undated::Given(d)),
            Some(ArticleDate::Given(d))
        );
        assert_eq!(ArticleDate::choose(None, &Undated::Skip), None);
    }

    #[test]
    fn undated_events_have_no_date_not_today() {
        let mut ev = vec![event("2026-12-07", "coded"), event("", "undated")];
        ArticleDate::Unknown.settle(&mut ev);
        for e in &ev {
            assert_eq!(
                (e.date.as_str(), e.date_basis.as_deref()),
                ("", Some(UNDATED))
            );
            assert_eq!(e.published, None);
        }
    }

    #[test]
    fn a_given_date_says_so_and_is_not_a_publication_date() {
        let mut ev = vec![
            event("2020-10-11", "article"),
            event("2020-10-10", "sentence"),
        ];
        ArticleDate::Given(day("2020-10-11")).settle(&mut ev);
        assert_eq!(ev[0].date_basis.as_deref(), Some(GIVEN));
        assert_eq!(ev[1].date_basis.as_deref(), Some("sentence"));
        assert_eq!(ev[0].published, None);
    }

    #[test]
    fn an_old_bare_year_is_history() {
        let published = ArticleDate::Published(day("2020-10-11"));
        let mut ev = vec![
            event("1928-01-01", "sentence-year"),
            event("2018-01-01", "sentence-year"),
            event("2019-01-01", "sentence-year"),
            event("2016-08-01", "sentence-month"),
        ];
        published.settle(&mut ev);
        let bases: Vec<_> = ev
            .iter()
            .map(|e| e.date_basis.as_deref().unwrap())
            .collect();
        assert_eq!(
            bases,
            ["history", "history", "sentence-year", "sentence-month"]
        );
        assert!(ev
            .iter()
            .all(|e| e.published.as_deref() == Some("2020-10-11")));
        // the date itself is kept: history is dated, only not an event of that year
        assert_eq!(ev[0].date, "1928-01-01");
    }

    #[test]
    fn history_needs_the_whole_year_more_than_a_year_back() {
        assert!(is_history(day("2018-01-01"), day("2020-01-05")));
        assert!(!is_history(day("2019-01-01"), day("2020-12-31")));
        assert!(!is_history(day("2018-01-01"), day("2019-12-31")));
    }
}
