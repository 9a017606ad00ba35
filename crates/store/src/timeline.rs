//! How the ties between two actors move: per period and per direction, events by QuadClass and the
//! sum and mean Goldstein value.

use crate::{QueryFilter, Store, StoreError};
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// The length of a timeline period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, starting on Monday.
    Week,
    Month,
    Year,
}

impl Period {
    /// `day`, `week`, `month` or `year` (any case).
    pub fn parse(s: &str) -> Option<Period> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Some(Period::Day),
            "week" => Some(Period::Week),
            "month" => Some(Period::Month),
            "year" => Some(Period::Year),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    /// The first day of the period holding `date`.
    pub fn start(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => date,
            Period::Week => date - Duration::days(date.weekday().num_days_from_monday() as i64),
            Period::Month => date.with_day(1).unwrap_or(date),
            Period::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
        }
    }

    /// The first day of the next period.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => start + Duration::days(1),
            Period::Week => start + Duration::days(7),
            Period::Month => {
                let (y, m) = if start.month() == 12 {
                    (start.year() + 1, 1)
                } else {
                    (start.year(), start.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(start)
            }
            Period::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1).unwrap_or(start),
        }
    }

    /// The last day of the period starting on `start`.
    pub fn end(self, start: NaiveDate) -> NaiveDate {
        let next = self.next(start);
        if next > start {
            next - Duration::days(1)
        } else {
            start
        }
    }

    /// How a period is named: `2020-10-10`, `2020-W41`, `2020-10`, `2020`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Day => start.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => start.format("%Y-%m").to_string(),
            Period::Year => start.year().to_string(),
        }
    }
}

/// Events from one actor to the other in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    pub period: String,
    pub start: NaiveDate,
    /// Source actor (as asked) of this direction.
    pub from: String,
    /// Target actor (as asked).
    pub to: String,
    pub events: i64,
    /// Events in QuadClass 1 (verbal cooperation) to 4 (material conflict).
    pub by_quad: [i64; 4],
    pub mentions: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
}

impl Store {
    /// Per period, the events from `a` to `b` and from `b` to `a` (actor codes match by prefix),
    /// by period then direction; periods without events in a direction are left out. Events with
    /// no date are left out, and so is history ([`TIMELINE_LEAVES_OUT`](crate::TIMELINE_LEAVES_OUT))
    /// unless `with_history`.
    pub fn timeline(
        &self,
        a: &str,
        b: &str,
        period: Period,
        with_history: bool,
    ) -> Result<Vec<TimelineRow>, StoreError> {
        let leave_out: Vec<String> = crate::TIMELINE_LEAVES_OUT
            .iter()
            .filter(|basis| !(with_history && **basis == tidings_event::dating::HISTORY))
            .map(|basis| basis.to_string())
            .collect();
        let mut rows: BTreeMap<(NaiveDate, u8), TimelineRow> = BTreeMap::new();
        for (dir, (from, to)) in [(a, b), (b, a)].into_iter().enumerate() {
            let filter = QueryFilter {
                dyad: Some((from.to_string(), to.to_string())),
                leave_out_basis: leave_out.clone(),
                ..Default::default()
            };
            self.for_each_event(&filter, |e| {
                let Some(date) = e.date else {
                    return Ok(());
                };
                let start = period.start(date);
                let row = rows
                    .entry((start, dir as u8))
                    .or_insert_with(|| TimelineRow {
                        period: period.label(start),
                        start,
                        from: from.to_uppercase(),
                        to: to.to_uppercase(),
                        events: 0,
                        by_quad: [0; 4],
                        mentions: 0,
                        goldstein_sum: 0.0,
                        goldstein_mean: 0.0,
                    });
                row.events += 1;
                if (1..=4).contains(&e.quad_class) {
                    row.by_quad[e.quad_class as usize - 1] += 1;
                }
                row.mentions += e.num_mentions;
                row.goldstein_sum += e.goldstein;
                Ok(())
            })?;
            if a.eq_ignore_ascii_case(b) {
                break;
            }
        }
        Ok(rows
            .into_values()
            .map(|mut r| {
                r.goldstein_sum = (r.goldstein_sum * 10.0).round() / 10.0;
                r.goldstein_mean = if r.events > 0 {
                    r.goldstein_sum / r.events as f64
                } else {
                    0.0
                };
                r
            })
            .collect())
    }
}

/// A one-line chart of `values` with the eight block characters (lowest to highest); at most
/// `width` characters, neighbouring values summed into one when there are more.
pub fn sparkline(values: &[f64], width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    if values.is_empty() || width == 0 {
        return String::new();
    }
    let per = values.len().div_ceil(width);
    let buckets: Vec<f64> = values.chunks(per).map(|c| c.iter().sum()).collect();
    let (lo, hi) = buckets
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    buckets
        .iter()
        .map(|&v| {
            if hi <= lo {
                BARS[if hi > 0.0 { 7 } else { 0 }]
            } else {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round() as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = NaiveDate::from_ymd_opt(2020, 10, 10).unwrap(); // a Saturday
        assert_eq!(
            Period::Week.start(d),
            NaiveDate::from_ymd_opt(2020, 10, 5).unwrap()
        );
        assert_eq!(Period::Week.label(Period::Week.start(d)), "2020-W41");
        assert_eq!(Period::Month.label(Period::Month.start(d)), "2020-10");
        assert_eq!(
            Period::Month.next(NaiveDate::from_ymd_opt(2020, 12, 1).unwrap()),
            NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()
        );
    }

    #[test]
    fn sparklines() {
        assert_eq!(sparkline(&[0.0, 1.0, 2.0, 7.0], 10), "▁▂▃█");
        assert_eq!(sparkline(&[1.0, 1.0, 5.0, 5.0], 2), "▁█");
        assert_eq!(sparkline(&[], 5), "");
    }
}
