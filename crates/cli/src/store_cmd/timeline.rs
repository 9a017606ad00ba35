//! `tidings timeline`: events between two actors per period and direction, as a table and as
//! sparklines. Reads the store only.

use super::args::{PeriodArg, TimelineArgs};
use super::closed_pipe_is_success;
use std::io::Write;
use std::process::ExitCode;
use tidings_store::{Period, Store};

/// Per period and direction: events by QuadClass, Goldstein sum and mean; then sparklines.
pub fn timeline(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    closed_pipe_is_success(timeline_inner(a))
}

fn timeline_inner(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    let period = match a.by {
        PeriodArg::Day => Period::Day,
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
    };
    let rows = store.timeline(&a.a, &a.b, period, a.with_history)?;
    if rows.is_empty() {
        eprintln!("no events between {} and {}", a.a, a.b);
        return Ok(ExitCode::from(1));
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<10}  {:<15} {:>6} {:>5} {:>5} {:>5} {:>5} {:>8} {:>8} {:>6}",
        "PERIOD", "DIRECTION", "EVENTS", "Q1", "Q2", "Q3", "Q4", "MENTIONS", "GOLD_SUM", "MEAN"
    )?;
    for r in &rows {
        writeln!(
            out,
            "{:<10}  {:<15} {:>6} {:>5} {:>5} {:>5} {:>5} {:>8} {:>8.1} {:>6.2}",
            r.period,
            format!("{}->{}", r.from, r.to),
            r.events,
            r.by_quad[0],
            r.by_quad[1],
            r.by_quad[2],
            r.by_quad[3],
            r.mentions,
            r.goldstein_sum,
            r.goldstein_mean
        )?;
    }
    // Sparklines over every period from the first to the last, empty periods included.
    let first = rows.iter().map(|r| r.start).min().unwrap_or_default();
    let last = rows.iter().map(|r| r.start).max().unwrap_or_default();
    let mut starts = vec![first];
    while let Some(&s) = starts.last() {
        let next = period.next(s);
        if next > last || next <= s {
            break;
        }
        starts.push(next);
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} to {} ({} periods; width 60, neighbours summed)",
        period.label(first),
        period.label(last),
        starts.len()
    )?;
    for (from, to) in [
        (a.a.to_uppercase(), a.b.to_uppercase()),
        (a.b.to_uppercase(), a.a.to_uppercase()),
    ] {
        let series = |value: &dyn Fn(&tidings_store::TimelineRow) -> f64| -> Vec<f64> {
            starts
                .iter()
                .map(|s| {
                    rows.iter()
                        .find(|r| r.start == *s && r.from == from && r.to == to)
                        .map_or(0.0, value)
                })
                .collect()
        };
        let events = series(&|r| r.events as f64);
        let gold = series(&|r| r.goldstein_sum);
        let dir = format!("{from}->{to}");
        writeln!(
            out,
            "{dir:<15} events    {}",
            tidings_store::sparkline(&events, 60)
        )?;
        writeln!(
            out,
            "{dir:<15} goldstein {}",
            tidings_store::sparkline(&gold, 60)
        )?;
        if from == to {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
