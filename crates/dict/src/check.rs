//! Consistency checks over loaded dictionaries, for `tidings dict check`: one phrase naming actors
//! with different codes at the same time, overlapping dated roles of one person in one code, and
//! codes whose country or role part is unknown.

use crate::actors::{ActorKind, PhraseMeaning};
use crate::format::DictError;
use crate::Dictionaries;
use std::collections::{HashMap, HashSet};

/// CAMEO role and sector codes that may follow a country code.
pub const ROLE_CODES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "PTY", "MED", "BUS", "CVL",
    "EDU", "HLH", "HRI", "LAB", "REF", "SPY", "CRM", "ELI", "ENV", "AGR", "DEV", "MOD", "RAD",
    "UAF", "PKO", "SET", "IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS", "AMN", "IRC", "GRP",
    "UNO", "LLY", "MOS", "SHI", "SUN", "CHR", "JEW", "HIN", "BUD", "ITH", "ATH", "CTH", "PRO",
    "ORT", "KUR", "PAS", "ARB", "BAL", "IND", "EUR", "AFR", "ASA", "WST", "SAM", "NAM", "MEA",
    "CAS", "SAS", "SEA", "EAF", "WAF", "NAF", "CAF", "SAF", "BLK", "FIN", "NAT", "EEC", "TAL",
    "HMS", "HEZ", "ALQ", "ISI", "PKK", "FAR", "ELN",
];

/// Every consistency problem, as `file:line: reason`.
pub fn consistency(dicts: &Dictionaries) -> Vec<DictError> {
    let mut out = Vec::new();
    let countries: HashSet<String> = dicts
        .actors
        .entries
        .iter()
        .filter(|e| e.kind == ActorKind::Country)
        .flat_map(|e| e.roles.iter().map(|r| r.code.clone()))
        .collect();
    let roles: HashSet<&str> = ROLE_CODES.iter().copied().collect();
    let origin = |o: &str| -> (String, usize) {
        match o.rsplit_once(':') {
            Some((f, l)) => (f.to_string(), l.parse().unwrap_or(0)),
            None => (o.to_string(), 0),
        }
    };
    // unknown codes and overlapping roles
    for e in &dicts.actors.entries {
        for r in &e.roles {
            let (file, line) = origin(&r.origin);
            let (country, _) = tidings_event::split_actor_code(&r.code);
            if let Some(c) = &country {
                if !countries.contains(c) && !countries.contains(&r.code[..r.code.len().min(6)]) {
                    out.push(DictError {
                        file: file.clone(),
                        line,
                        reason: format!(
                            "`{}`: unknown country code `{c}` (not in countries.txt)",
                            r.code
                        ),
                    });
                }
            }
            let rest = if country.is_some() {
                &r.code[3..]
            } else {
                &r.code[..]
            };
            if rest.len() >= 3 && !roles.contains(&rest[..3]) && country.is_some() {
                out.push(DictError {
                    file: file.clone(),
                    line,
                    reason: format!("`{}`: unknown role code `{}`", r.code, &rest[..3]),
                });
            }
        }
        if e.kind == ActorKind::Person {
            for (i, a) in e.roles.iter().enumerate() {
                for b in &e.roles[i + 1..] {
                    if a.code == b.code && overlaps(a.from, a.to, b.from, b.to) {
                        let (file, line) = origin(&b.origin);
                        out.push(DictError {
                            file,
                            line,
                            reason: format!(
                                "{}: role {} overlaps the one at {} ({} .. {})",
                                e.name,
                                b.code,
                                a.origin,
                                fmt(a.from),
                                fmt(a.to)
                            ),
                        });
                    }
                }
            }
        }
    }
    // one phrase, different codes at the same time (same kind of actor)
    let mut seen: HashMap<String, Vec<u32>> = HashMap::new();
    for (phrase, meaning) in dicts.actors.phrases.entries() {
        if let PhraseMeaning::Actor(id) = meaning {
            seen.entry(phrase).or_default().push(*id);
        }
    }
    let mut phrases: Vec<_> = seen.into_iter().filter(|(_, ids)| ids.len() > 1).collect();
    phrases.sort();
    for (phrase, ids) in phrases {
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                if a == b {
                    continue;
                }
                let (ea, eb) = (dicts.actors.entry(*a), dicts.actors.entry(*b));
                if ea.kind != eb.kind {
                    continue;
                }
                let clash = ea.roles.iter().find_map(|ra| {
                    eb.roles
                        .iter()
                        .find(|rb| ra.code != rb.code && overlaps(ra.from, ra.to, rb.from, rb.to))
                        .map(|rb| (ra, rb))
                });
                if let Some((ra, rb)) = clash {
                    let (file, line) = origin(&rb.origin);
                    out.push(DictError {
                        file,
                        line,
                        reason: format!(
                            "\"{phrase}\" names both {} ({}, {}) and {} ({}) at the same time",
                            ea.name, ra.code, ra.origin, eb.name, rb.code
                        ),
                    });
                }
            }
        }
    }
    out
}

/// True when two date ranges share more than a handover day (one role ending the day the next begins).
fn overlaps(
    a0: Option<chrono::NaiveDate>,
    a1: Option<chrono::NaiveDate>,
    b0: Option<chrono::NaiveDate>,
    b1: Option<chrono::NaiveDate>,
) -> bool {
    let starts_before_b_ends = match (a0, b1) {
        (Some(x), Some(y)) => x < y,
        _ => true,
    };
    let b_starts_before_a_ends = match (b0, a1) {
        (Some(x), Some(y)) => x < y,
        _ => true,
    };
    starts_before_b_ends && b_starts_before_a_ends
}

fn fmt(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "open".into())
}
