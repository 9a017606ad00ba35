//! `tidings dict`: check dictionaries for mistakes, show how a name resolves, count entries.

use crate::pipeline::{self, DictionaryArgs};
use anyhow::Context;
use clap::Subcommand;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use tidings_dict::words::Words;
use tidings_dict::{ActorKind, DictionaryBuilder, PhraseMeaning};

#[derive(Subcommand)]
pub enum DictCommand {
    /// Report malformed lines, names mapped to different codes, overlapping dated roles and unknown codes.
    Check {
        /// Dictionary folder (default: the built-in dictionaries).
        dir: Option<PathBuf>,
    },
    /// Show how a name resolves on a date, and why; with --place, the places a name may be.
    Lookup {
        /// The name, e.g. "Kim Jong Un".
        #[arg(required_unless_present = "place")]
        name: Option<String>,
        /// A place name ("Azaz", "Georgia"): the gazetteer's candidates, their scores and the
        /// one chosen, alone and (with --in) in a text.
        #[arg(long, conflicts_with = "name")]
        place: Option<String>,
        /// With --place: a sentence or text that names the place, to see the choice there.
        #[arg(long = "in", requires = "place", value_name = "TEXT")]
        context: Option<String>,
        /// The date, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        #[command(flatten)]
        dicts: DictionaryArgs,
    },
    /// Count countries, people, dated roles, organisations, agents and verb patterns.
    Stats {
        #[command(flatten)]
        dicts: DictionaryArgs,
    },
}

pub fn run(cmd: DictCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        DictCommand::Check { dir } => check(dir),
        DictCommand::Lookup {
            place: Some(place),
            context,
            ..
        } => lookup_place(&place, context.as_deref()),
        DictCommand::Lookup {
            name, date, dicts, ..
        } => lookup(name.as_deref().unwrap_or_default(), date.as_deref(), &dicts),
        DictCommand::Stats { dicts } => stats(&dicts),
    }
}

fn check(dir: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut builder = DictionaryBuilder::new();
    match &dir {
        Some(d) => {
            builder.add_dir(d).map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        None => {
            builder.add_builtin();
        }
    }
    let (dicts, mut problems) = builder.build();
    let problems_len_before = problems.len();
    problems.extend(tidings_dict::check::consistency(&dicts));
    for p in &problems {
        outln!("{p}");
    }
    let where_ = dir
        .map(|d| d.display().to_string())
        .unwrap_or_else(|| "built-in dictionaries".into());
    if problems.is_empty() {
        eprintln!("tidings dict check: {where_}: clean");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "tidings dict check: {where_}: {} malformed line(s), {} consistency problem(s)",
            problems_len_before,
            problems.len() - problems_len_before
        );
        Ok(ExitCode::from(1))
    }
}

fn lookup(name: &str, date: Option<&str>, args: &DictionaryArgs) -> anyhow::Result<ExitCode> {
    let dicts = pipeline::load_dictionaries(args)?;
    let date = match date {
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .with_context(|| format!("--date {d}: expected YYYY-MM-DD"))?,
        None => chrono::Utc::now().date_naive(),
    };
    let words = Words::new(name);
    let mut found = false;
    if !words.is_empty() {
        if let Some((len, meanings)) = dicts.actors.phrases.longest_at(&words, 0) {
            let matched: Vec<&str> = (0..len).map(|i| words.norm(i)).collect();
            outln!(
                "\"{name}\" matches the phrase \"{}\"{}",
                matched.join(" "),
                if len < words.len() {
                    " (the rest does not match)"
                } else {
                    ""
                }
            );
            for m in meanings {
                found = true;
                let (id, adjective) = match m {
                    PhraseMeaning::Actor(id) => (*id, false),
                    PhraseMeaning::Adjective(id) => (*id, true),
                };
                let e = dicts.actors.entry(id);
                let (code, role) = dicts.actors.code_on(id, Some(date));
                outln!(
                    "  {} ({:?}{}) on {date}: {code}",
                    e.name,
                    e.kind,
                    if adjective { ", adjective" } else { "" }
                );
                match role {
                    Some(r) if r.covers(date) => outln!("    because: {} {} from {} to {} ({})", r.code, r.role, fmt_date(r.from), fmt_date(r.to), r.origin),
                    Some(r) => outln!("    because: no role is in force that day; nearest: {} {} from {} to {} ({})", r.code, r.role, fmt_date(r.from), fmt_date(r.to), r.origin),
                    None => {}
                }
                if e.roles.len() > 1 {
                    outln!("    all roles:");
                    for r in &e.roles {
                        outln!(
                            "      {} {} .. {}  {}  ({})",
                            r.code,
                            fmt_date(r.from),
                            fmt_date(r.to),
                            r.role,
                            r.origin
                        );
                    }
                }
            }
        }
        if let Some((len, roles)) = dicts.agents.phrases.longest_at(&words, 0) {
            found = true;
            let matched: Vec<&str> = (0..len).map(|i| words.norm(i)).collect();
            outln!("\"{}\" is an agent: role {} ({}); it joins a neighbouring country (\"Chinese {}\" -> CHN{})", matched.join(" "), roles[0].code, roles[0].origin, matched.join(" "), roles[0].code);
        }
    }
    if !found {
        outln!("\"{name}\" is in no actor or agent dictionary");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// `dict lookup --place NAME [--in TEXT]`.
fn lookup_place(name: &str, context: Option<&str>) -> anyhow::Result<ExitCode> {
    match tidings_geo::Gazetteer::builtin().explain_name(name, context) {
        Some(report) => {
            outln!("{}", report.trim_end());
            Ok(ExitCode::SUCCESS)
        }
        None => {
            outln!(
                "\"{name}\" is no place in the gazetteer (crates/geo/data/places.tsv, facts.tsv)"
            );
            Ok(ExitCode::from(1))
        }
    }
}

fn fmt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "open".into())
}

fn stats(args: &DictionaryArgs) -> anyhow::Result<ExitCode> {
    let dicts = pipeline::load_dictionaries(args)?;
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut dated_roles = 0;
    let mut roles = 0;
    for e in &dicts.actors.entries {
        let k = match e.kind {
            ActorKind::Country => "countries",
            ActorKind::Place => "places standing for governments",
            ActorKind::Person => "people",
            ActorKind::Organisation => "organisations",
        };
        *by_kind.entry(k).or_default() += 1;
        if e.kind == ActorKind::Person {
            roles += e.roles.len();
            dated_roles += e
                .roles
                .iter()
                .filter(|r| r.from.is_some() || r.to.is_some())
                .count();
        }
    }
    for (k, n) in &by_kind {
        outln!("{k:>34}: {n}");
    }
    outln!("{:>34}: {roles}", "roles of people");
    outln!("{:>34}: {dated_roles}", "dated roles of people");
    outln!("{:>34}: {}", "actor phrases", dicts.actors.phrases.len());
    outln!("{:>34}: {}", "agent phrases", dicts.agents.phrases.len());
    outln!("{:>34}: {}", "verb patterns", dicts.verbs.len());
    outln!("{:>34}: {}", "verbs", dicts.verbs.lemmas.len());
    let mut by_root: BTreeMap<String, usize> = BTreeMap::new();
    for p in &dicts.verbs.patterns {
        *by_root.entry(p.code[..2].to_string()).or_default() += 1;
    }
    let line: Vec<String> = by_root.iter().map(|(r, n)| format!("{r}:{n}")).collect();
    outln!("{:>34}: {}", "verb patterns by root", line.join(" "));
    let conditioned = dicts
        .verbs
        .patterns
        .iter()
        .filter(|p| !p.conditions.is_empty())
        .count();
    outln!(
        "{:>34}: {conditioned}",
        "verb patterns with actor conditions"
    );
    outln!("{:>34}: {}", "CAMEO event codes", dicts.cameo.len());
    outln!(
        "{:>34}: {}",
        "discard phrases",
        dicts.discards.len() + dicts.story_discards.len()
    );
    Ok(ExitCode::SUCCESS)
}
