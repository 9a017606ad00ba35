//! Month- and year-level time expressions in a sentence ("in December", "last month", "in 2009",
//! "last year", "in March 2019"), resolved against the article date to the period they name.
//!
//! Day-level dates are [`crate::find_dates`]' job. A period is only reported when it lies wholly
//! before the article's own month (or year), so "this month" and "since 2014" give nothing: they do not
//! say when a reported act happened.

use crate::dates::month_of;
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// How precise a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Month,
    Year,
}

/// A past month or year named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodMention {
    /// Byte range of the expression ("December", "March 2019", "last year").
    pub span: Range<usize>,
    /// First day of the period.
    pub start: NaiveDate,
    pub precision: Precision,
}

/// Words after which a month or year names when something happened.
const LEADS: &[&str] = &[
    "in", "during", "last", "past", "early", "late", "mid", "earlier", "until", "by", "through",
];

/// Finds the past months and years named in `sentence`.
///
/// ```
/// use chrono::NaiveDate;
/// use tidings_text::{find_periods, Precision};
/// let article = NaiveDate::from_ymd_opt(2020, 1, 15).unwrap();
/// let p = find_periods("Iran attacked the base in December.", article);
/// assert_eq!(p[0].start, NaiveDate::from_ymd_opt(2019, 12, 1).unwrap());
/// assert_eq!(p[0].precision, Precision::Month);
/// ```
pub fn find_periods(sentence: &str, article_date: NaiveDate) -> Vec<PeriodMention> {
    let words = words(sentence);
    let mut out = Vec::new();
    let this_month = NaiveDate::from_ymd_opt(article_date.year(), article_date.month(), 1).unwrap();
    let mut i = 0;
    while i < words.len() {
        let (w, r) = (&words[i].0, words[i].1.clone());
        let prev = if i > 0 { words[i - 1].0.as_str() } else { "" };
        let prev2 = if i > 1 { words[i - 2].0.as_str() } else { "" };
        // "last year", "last month"
        if prev == "last" && (w == "year" || w == "month") {
            let start = if w == "year" {
                NaiveDate::from_ymd_opt(article_date.year() - 1, 1, 1)
            } else {
                this_month
                    .pred_opt()
                    .and_then(|d| NaiveDate::from_ymd_opt(d.year(), d.month(), 1))
            };
            if let Some(start) = start {
                let precision = if w == "year" {
                    Precision::Year
                } else {
                    Precision::Month
                };
                out.push(PeriodMention {
                    span: words[i - 1].1.start..r.end,
                    start,
                    precision,
                });
            }
            i += 1;
            continue;
        }
        if let Some(month) = month_of(&sentence[r.clone()]) {
            // "December 2019" / "in December"
            let year_next = words.get(i + 1).and_then(|(n, _)| year_of(n));
            let led = LEADS.contains(&prev) || (prev == "of" && LEADS.contains(&prev2));
            if year_next.is_some() || led {
                let (year, end) = match year_next {
                    Some(y) => (y, words[i + 1].1.end),
                    None => {
                        // the most recent such month before the article's month
                        let y = if month <= article_date.month() {
                            article_date.year()
                        } else {
                            article_date.year() - 1
                        };
                        (y, r.end)
                    }
                };
                if let Some(start) = NaiveDate::from_ymd_opt(year, month, 1) {
                    if start < this_month {
                        out.push(PeriodMention {
                            span: r.start..end,
                            start,
                            precision: Precision::Month,
                        });
                    }
                }
                i += if year_next.is_some() { 2 } else { 1 };
                continue;
            }
        }
        // "in 2009", "during 2014"
        if let Some(y) = year_of(w) {
            if LEADS.contains(&prev) && y < article_date.year() {
                if let Some(start) = NaiveDate::from_ymd_opt(y, 1, 1) {
                    out.push(PeriodMention {
                        span: r,
                        start,
                        precision: Precision::Year,
                    });
                }
            }
        }
        i += 1;
    }
    out
}

/// Lowercase words with their byte ranges.
fn words(s: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push((s[st..i].to_lowercase(), st..i));
        }
    }
    out
}

fn year_of(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_and_years_before_the_article() {
        let a = d(2020, 1, 15);
        let p = find_periods("The strike happened in December, not in March 2019.", a);
        assert_eq!(
            p.iter().map(|p| p.start).collect::<Vec<_>>(),
            [d(2019, 12, 1), d(2019, 3, 1)]
        );
        let p = find_periods("Obama took office in 2009 and met him last year.", a);
        assert_eq!(
            p.iter().map(|p| (p.start, p.precision)).collect::<Vec<_>>(),
            [
                (d(2009, 1, 1), Precision::Year),
                (d(2019, 1, 1), Precision::Year)
            ]
        );
        assert_eq!(
            find_periods("They met last month.", a)[0].start,
            d(2019, 12, 1)
        );
    }

    #[test]
    fn the_current_period_and_ongoing_spans_give_nothing() {
        let a = d(2020, 10, 11);
        assert!(find_periods("Talks began in October.", a).is_empty());
        assert!(find_periods("Russia has occupied Crimea since 2014.", a).is_empty());
        assert!(find_periods("Officials may meet in 2021.", a).is_empty());
        assert!(find_periods("They may march on the capital.", a).is_empty());
    }
}
