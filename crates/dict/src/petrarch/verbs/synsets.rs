//! Synonym sets (`&CEASEFIRE` and its `+WORD` members): read, nested sets resolved, and expanded in
//! a pattern into one word element whose alternatives are the members, with their plurals.

use super::patterns::Item;
use crate::agents::plural;
use crate::petrarch::lines::phrase;
use crate::verbs::PatternElement;
use std::collections::HashMap;

/// At most this many alternatives for one noun phrase built from synonym sets.
const MAX_PHRASE_ALTERNATIVES: usize = 2000;
pub(super) struct Synset {
    plurals: bool,
    members: Vec<(usize, String)>,
}

pub(super) fn read_synsets(lines: &[(usize, &str)]) -> HashMap<String, Synset> {
    let mut sets: HashMap<String, Synset> = HashMap::new();
    let mut current: Option<String> = None;
    for &(line, raw) in lines {
        let t = raw.trim();
        if let Some(name) = t.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("");
            let key = set_key(name);
            let plurals = !name.ends_with('_');
            let s = sets.entry(key.clone()).or_insert(Synset {
                plurals,
                members: Vec::new(),
            });
            s.members.clear();
            s.plurals = plurals;
            current = Some(key);
            continue;
        }
        match (&current, t.strip_prefix('+')) {
            (Some(k), Some(m)) => sets
                .get_mut(k)
                .unwrap()
                .members
                .push((line, m.trim().to_string())),
            _ => current = None,
        }
    }
    sets
}

pub(super) fn set_key(name: &str) -> String {
    name.trim_end_matches('_').to_uppercase()
}

/// The member phrases of a set (nested sets resolved), each as words, with plurals where due.
fn resolve_set(
    name: &str,
    sets: &HashMap<String, Synset>,
    depth: usize,
) -> Result<Vec<Vec<String>>, String> {
    let set = sets
        .get(name)
        .ok_or_else(|| format!("synonym set `&{name}` is not defined"))?;
    if depth > 8 {
        return Err(format!(
            "synonym set `&{name}` is nested too deeply (does it contain itself?)"
        ));
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    for (_, m) in &set.members {
        if let Some(inner) = m.strip_prefix('&') {
            out.extend(resolve_set(&set_key(inner.trim()), sets, depth + 1)?);
            continue;
        }
        let cleaned: String = m
            .chars()
            .map(|c| {
                if matches!(c, '(' | ')' | '{' | '}') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let (p, exact) = phrase(&cleaned);
        if p.is_empty() {
            continue;
        }
        out.push(p.split(' ').map(String::from).collect());
        if set.plurals && !exact {
            if let Some(pl) = plural(&p) {
                out.push(pl.split(' ').map(String::from).collect());
            }
        }
    }
    Ok(out)
}

/// Words of a pattern that are no nouns and get no plural.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into", "over",
    "about", "against", "and", "or", "not", "no", "will", "would", "has", "have", "had", "be",
    "is", "was", "their", "its", "his", "her", "this", "that", "out", "up", "down", "off", "back",
    "away",
];

/// Replaces synonym sets by one word element whose alternatives are the members (a multi-word member
/// is one alternative with spaces, which the coder matches word by word).
pub(super) fn expand_sets(
    items: &[Item],
    sets: &HashMap<String, Synset>,
    cache: &mut HashMap<String, Result<Vec<String>, String>>,
) -> Result<Vec<Item>, String> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Item::Group(g) = item {
            out.extend(expand_sets(g, sets, cache)?);
            continue;
        }
        if let Item::Phrase(g) = item {
            // every combination of the alternatives, as one multi-word alternative each
            let mut alts = vec![String::new()];
            for el in expand_sets(g, sets, cache)? {
                let Item::El(PatternElement::Word(ws)) = el else {
                    continue;
                };
                let mut next = Vec::new();
                for a in &alts {
                    for w in &ws {
                        if next.len() < MAX_PHRASE_ALTERNATIVES {
                            next.push(if a.is_empty() {
                                w.clone()
                            } else {
                                format!("{a} {w}")
                            });
                        }
                    }
                }
                alts = next;
            }
            out.push(Item::El(PatternElement::Word(alts)));
            continue;
        }
        let Item::Set(name) = item else {
            // a pattern noun matches its plural too, as PETRARCH matches words by their lemma
            // ("abandoned efforts" is `* EFFORT`)
            if let Item::El(PatternElement::Word(ws)) = item {
                if let [w] = ws.as_slice() {
                    if let Some(p) =
                        plural(w).filter(|p| p != w && !FUNCTION_WORDS.contains(&w.as_str()))
                    {
                        out.push(Item::El(PatternElement::Word(vec![w.clone(), p])));
                        continue;
                    }
                }
            }
            out.push(item.clone());
            continue;
        };
        let members = cache
            .entry(name.clone())
            .or_insert_with(|| {
                let mut alts: Vec<String> = Vec::new();
                for m in resolve_set(name, sets, 0)? {
                    let m = m.join(" ");
                    if !alts.contains(&m) {
                        alts.push(m);
                    }
                }
                Ok(alts)
            })
            .clone()?;
        if members.is_empty() {
            return Err(format!("synonym set `&{name}` has no members"));
        }
        out.push(Item::El(PatternElement::Word(members)));
    }
    Ok(out)
}
