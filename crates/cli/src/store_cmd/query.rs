//! `tidings query`: the events matching a filter as a table, CSV or JSON Lines, one evidence
//! sentence each. Reads the store only.

use super::args::{OutputFormat, QueryArgs};
use super::closed_pipe_is_success;
use chrono::NaiveDate;
use std::io::Write;
use std::process::ExitCode;
use tidings_store::{QueryFilter, Store};

fn parse_dyad(dyad: &str) -> anyhow::Result<(String, String)> {
    let parts: Vec<&str> = dyad.split(':').map(str::trim).collect();
    match parts[..] {
        [a, b] if !a.is_empty() && !b.is_empty() => Ok((a.into(), b.into())),
        _ => anyhow::bail!(
            "--dyad {dyad:?}: expected two actors, SOURCE:TARGET, e.g. CHN:PRK (for events between more actors, run one query per pair, or use --actor)"
        ),
    }
}

/// `--from` after `--to` matches no day: refused rather than answered with no events.
fn check_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> anyhow::Result<()> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => anyhow::bail!(
            "--from {from} is after --to {to}: no day is in that range; swap them (--from {to} --to {from})"
        ),
        _ => Ok(()),
    }
}

/// `--country`: the FIPS 10-4 code of a country given by ISO alpha-3 code, FIPS code or name.
fn place_country(country: &str) -> anyhow::Result<String> {
    let gaz = tidings_geo::Gazetteer::builtin();
    let given = country.trim();
    let fips = |iso2: &str| gaz.country(iso2).map(|c| c.fips.clone());
    let by_iso3 = gaz
        .country_place(&given.to_uppercase())
        .and_then(|p| fips(&gaz.place(p).iso2));
    let by_fips = (given.len() == 2)
        .then(|| {
            gaz.places()
                .iter()
                .filter(|p| p.kind == tidings_geo::Kind::Country)
                .find_map(|p| fips(&p.iso2).filter(|f| f.eq_ignore_ascii_case(given)))
        })
        .flatten();
    let by_name = || {
        gaz.lookup(&given.to_lowercase())
            .iter()
            .find(|&&p| gaz.place(p).kind == tidings_geo::Kind::Country)
            .and_then(|&p| fips(&gaz.place(p).iso2))
    };
    by_iso3.or(by_fips).or_else(by_name).ok_or_else(|| {
        anyhow::anyhow!("--country {country:?}: no such country; give an ISO alpha-3 code (SYR), a FIPS 10-4 code (SY) or a name (Syria)")
    })
}

/// `--near LAT,LON --km N`.
fn parse_near(near: &str, km: f64) -> anyhow::Result<tidings_store::Near> {
    let parts: Vec<Option<f64>> = near.split(',').map(|p| p.trim().parse().ok()).collect();
    match parts[..] {
        [Some(lat), Some(lon)] if lat.abs() <= 90.0 && lon.abs() <= 180.0 && km > 0.0 => {
            Ok(tidings_store::Near { lat, lon, km })
        }
        _ => anyhow::bail!(
            "--near {near:?} --km {km}: expected LAT,LON in degrees (latitude within ±90, longitude within ±180, e.g. 36.2,37.1) and a distance above 0"
        ),
    }
}

/// Lists events with their counts and one evidence sentence each.
pub fn query(a: QueryArgs) -> anyhow::Result<ExitCode> {
    closed_pipe_is_success(query_inner(a))
}

/// A `--date-basis` no event has matches nothing: refused, with the ones there are.
fn check_bases(bases: &[String]) -> anyhow::Result<()> {
    use tidings_event::dating::DATE_BASES;
    match bases.iter().find(|b| !DATE_BASES.contains(&b.as_str())) {
        Some(b) => anyhow::bail!(
            "--date-basis {b:?} is not a date basis; give one or more of {}",
            DATE_BASES.join(", ")
        ),
        None => Ok(()),
    }
}

fn query_inner(a: QueryArgs) -> anyhow::Result<ExitCode> {
    check_range(a.from, a.to)?;
    check_bases(&a.date_basis)?;
    let dyad = a.dyad.as_deref().map(parse_dyad).transpose()?;
    let place_country = a.country.as_deref().map(place_country).transpose()?;
    let near = a.near.as_deref().map(|n| parse_near(n, a.km)).transpose()?;
    let store = Store::open_read_only(&a.db)?;
    let filter = QueryFilter {
        actor: a.actor,
        dyad,
        code: a.code,
        quad_class: a.quad,
        from: a.from,
        to: a.to,
        date_basis: a.date_basis,
        leave_out_basis: Vec::new(),
        place_country,
        near,
        limit: a.limit,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut n = 0usize;
    match a.format {
        OutputFormat::Table => {
            writeln!(
                out,
                "{:>8}  {:<10}  {:<14} {:<9} {:<9} {:<5} {:>1} {:>6} {:>4} {:>4} {:>4}  EVIDENCE",
                "ID",
                "DATE",
                "DATE_BASIS",
                "SOURCE",
                "TARGET",
                "CODE",
                "Q",
                "GOLD",
                "MENT",
                "SRC",
                "ART"
            )?;
        }
        OutputFormat::Csv => {
            writeln!(out, "id,date,date_basis,published,actor1_code,actor1_name,actor2_code,actor2_name,event_code,quad_class,goldstein,num_mentions,num_sources,num_articles,source_url,evidence")?;
        }
        OutputFormat::Jsonl => {}
    }
    store.for_each_event(&filter, |e| {
        n += 1;
        match a.format {
            OutputFormat::Table => writeln!(
                out,
                "{:>8}  {:<10}  {:<14} {:<9} {:<9} {:<5} {:>1} {:>6.1} {:>4} {:>4} {:>4}  {}",
                e.id,
                e.date.map_or_else(|| "-".to_string(), |d| d.to_string()),
                if e.date_basis.is_empty() {
                    "-"
                } else {
                    &e.date_basis
                },
                e.actor1_code,
                if e.actor2_code.is_empty() {
                    "-"
                } else {
                    &e.actor2_code
                },
                e.event_code,
                e.quad_class,
                e.goldstein,
                e.num_mentions,
                e.num_sources,
                e.num_articles,
                shorten(&e.evidence, 100)
            )?,
            OutputFormat::Csv => {
                let fields = [
                    e.id.to_string(),
                    e.date.map(|d| d.to_string()).unwrap_or_default(),
                    e.date_basis.clone(),
                    e.published.map(|d| d.to_string()).unwrap_or_default(),
                    e.actor1_code.clone(),
                    e.actor1_name.clone(),
                    e.actor2_code.clone(),
                    e.actor2_name.clone(),
                    e.event_code.clone(),
                    e.quad_class.to_string(),
                    format!("{:.1}", e.goldstein),
                    e.num_mentions.to_string(),
                    e.num_sources.to_string(),
                    e.num_articles.to_string(),
                    e.source_url.clone(),
                    e.evidence.clone(),
                ];
                writeln!(
                    out,
                    "{}",
                    fields
                        .iter()
                        .map(|f| csv_field(f))
                        .collect::<Vec<_>>()
                        .join(",")
                )?
            }
            // the one schema of docs/schema.md, as `export --format jsonl` and Parquet
            OutputFormat::Jsonl => writeln!(
                out,
                "{}",
                tidings_store::columns::row_json(&tidings_store::columns::stored_row(&e))
            )?,
        }
        Ok(())
    })?;
    out.flush()?;
    if n == 0 {
        eprintln!("no events match");
    }
    Ok(ExitCode::SUCCESS)
}

fn shorten(text: &str, max: usize) -> String {
    let text = text.replace(['\n', '\t'], " ");
    if text.chars().count() <= max {
        text
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
