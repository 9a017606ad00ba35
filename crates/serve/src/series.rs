//! A dyad's time series: per-day counts from the store summed into days, ISO weeks, months or
//! years, both directions side by side.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use tidings_store::browse::DayCount;

/// The length of one point of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, from Monday.
    Week,
    Month,
    Year,
}

impl Period {
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

    /// The first day of the period holding `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            Period::Month => d.with_day(1).unwrap_or(d),
            Period::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
        }
    }

    /// The last day of the period starting on `start`.
    pub fn end(self, start: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => start,
            Period::Week => start + Duration::days(6),
            Period::Month => {
                let (y, m) = if start.month() == 12 {
                    (start.year() + 1, 1)
                } else {
                    (start.year(), start.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).map_or(start, |n| n - Duration::days(1))
            }
            Period::Year => NaiveDate::from_ymd_opt(start.year(), 12, 31).unwrap_or(start),
        }
    }

    /// `2020-10-10`, `2020-W41`, `2020-10`, `2020`.
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

/// One direction in one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Direction {
    pub events: i64,
    /// Events in QuadClass 1 (verbal cooperation) to 4 (material conflict).
    pub by_quad: [i64; 4],
    pub goldstein_sum: f64,
    /// None when the direction has no events in the period.
    pub goldstein_mean: Option<f64>,
}

/// One point of the series: both directions (`ab`: first actor to second, `ba`: back).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub period: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub ab: Direction,
    pub ba: Direction,
}

/// Sums per-day counts into periods, in time order; periods without events are left out.
pub fn points(days: &[DayCount], period: Period) -> Vec<Point> {
    let mut by_start: BTreeMap<NaiveDate, [Direction; 2]> = BTreeMap::new();
    for d in days {
        let slot = &mut by_start.entry(period.start(d.day)).or_default()[d.direction as usize & 1];
        slot.events += d.events;
        if (1..=4).contains(&d.quad_class) {
            slot.by_quad[d.quad_class as usize - 1] += d.events;
        }
        slot.goldstein_sum += d.goldstein_sum;
    }
    let round = |v: f64| (v * 100.0).round() / 100.0;
    by_start
        .into_iter()
        .map(|(start, [mut ab, mut ba])| {
            for d in [&mut ab, &mut ba] {
                d.goldstein_sum = round(d.goldstein_sum);
                d.goldstein_mean = (d.events > 0).then(|| round(d.goldstein_sum / d.events as f64));
            }
            Point {
                period: period.label(start),
                start,
                end: period.end(start),
                ab,
                ba,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn days_sum_into_months_by_direction() {
        let days = vec![
            DayCount {
                direction: 0,
                day: day("2020-10-10"),
                quad_class: 1,
                events: 2,
                goldstein_sum: 6.8,
            },
            DayCount {
                direction: 0,
                day: day("2020-10-20"),
                quad_class: 4,
                events: 1,
                goldstein_sum: -10.0,
            },
            DayCount {
                direction: 1,
                day: day("2020-10-12"),
                quad_class: 3,
                events: 1,
                goldstein_sum: -2.0,
            },
            DayCount {
                direction: 1,
                day: day("2020-12-01"),
                quad_class: 1,
                events: 1,
                goldstein_sum: 1.0,
            },
        ];
        let p = points(&days, Period::Month);
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].period.as_str(), p[0].end),
            ("2020-10", day("2020-10-31"))
        );
        assert_eq!(p[0].ab.by_quad, [2, 0, 0, 1]);
        assert_eq!(p[0].ab.goldstein_mean, Some(-1.07));
        assert_eq!(p[0].ba.goldstein_mean, Some(-2.0));
        assert_eq!(p[1].ab.goldstein_mean, None);
        assert_eq!(points(&days, Period::Year)[0].ab.events, 3);
        assert_eq!(Period::Week.label(day("2020-10-05")), "2020-W41");
    }
}
