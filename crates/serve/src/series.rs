//! A dyad's time series: per-day counts from the store summed into days, ISO weeks, months or
//! years, both directions side by side.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use tidings_store::browse::DayCount;

/// The length of one point of the series: the store's timeline periods.
pub use tidings_store::Period;

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
