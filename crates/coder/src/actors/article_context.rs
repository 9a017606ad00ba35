//! What the article already said, applied to the phrases of a sentence: a bare state role ("the
//! president", "the administration", "officials", "Congress") takes the country the article is
//! about, when it is about one ([`ArticleMemory::dominant_country`]); "the North" and "the South"
//! are the two Koreas once either was named; "the House" is a legislature. Every phrase with a
//! country is then counted in the memory, in the order of the sentence.

use super::pieces::Match;
use super::ActorPhrase;
use crate::memory::ArticleMemory;
use tidings_dict::words::{Word, Words};

/// Roles that are organs of a state: a bare one belongs to some country.
const STATE_ROLES: &[&str] = &["GOV", "MIL", "LEG", "JUD", "COP", "SPY"];

/// Words before a bare role that point away from the article's country: "foreign governments",
/// "other officials", "Western diplomats", "world leaders".
const ELSEWHERE: &[&str] = &[
    "foreign",
    "other",
    "others",
    "western",
    "world",
    "international",
    "global",
    "allied",
    "both",
    "two",
    "neighbouring",
    "neighboring",
    "regional",
    "european",
    "arab",
    "african",
    "asian",
    "gulf",
];

/// Titles that in English-language news belong to the United States Congress ("Sen. John McCain",
/// "Rep. Adam Schiff", "Congressman ..."), used when the article's country is not known.
const US_LEGISLATIVE_TITLES: &[&str] = &[
    "sen",
    "rep",
    "congressman",
    "congresswoman",
    "congressmen",
    "congresswomen",
    "congressional",
];

/// Pairs of states that news names by a direction once the pair is known: "the North" and "the
/// South" after Korea was named.
const DIVIDED: &[(&str, &str, &str)] = &[("north", "PRK", "KOR"), ("south", "KOR", "PRK")];

fn country_of(code: &str) -> Option<String> {
    tidings_event::split_actor_code(code).0
}

fn is_state_role(code: &str) -> bool {
    STATE_ROLES.contains(&code)
}

/// A phrase the dictionaries do not make but the article does: "the North", "the House".
struct Extra {
    start: usize,
    end: usize,
    kind: ExtraKind,
}

enum ExtraKind {
    /// "the North": the first code when either code was named.
    Divided(&'static str, &'static str),
    /// "the House": a legislature.
    House,
}

/// "the North", "the South", "the House" standing alone (not "the North Atlantic", "the South of
/// France", "the House of Saud") where no phrase was found.
fn extras(words: &Words, phrases: &[ActorPhrase]) -> Vec<Extra> {
    let covered = |k: usize| phrases.iter().any(|p| p.start <= k && k < p.end);
    let mut out = Vec::new();
    for i in 1..words.len() {
        let w = words.get(i);
        if !w.is(Word::CAPITALIZED) || w.is(Word::ALL_CAPS) || words.norm(i - 1) != "the" {
            continue;
        }
        if covered(i) {
            continue;
        }
        let alone = i + 1 == words.len()
            || words.get(i + 1).is(Word::PUNCT)
            || !words.get(i + 1).is(Word::CAPITALIZED) && words.norm(i + 1) != "of";
        if !alone {
            continue;
        }
        let n = words.norm(i);
        if let Some((_, a, b)) = DIVIDED.iter().find(|(d, _, _)| *d == n) {
            out.push(Extra {
                start: i - 1,
                end: i + 1,
                kind: ExtraKind::Divided(a, b),
            });
        } else if n == "house" {
            out.push(Extra {
                start: i - 1,
                end: i + 1,
                kind: ExtraKind::House,
            });
        }
    }
    out
}

fn phrase(start: usize, end: usize, code: String, origin: &str) -> ActorPhrase {
    ActorPhrase {
        start,
        end,
        code,
        name: None,
        person: None,
        origins: vec![origin.to_string()],
        resolved_from: Some("article"),
    }
}

fn resolve_extra(x: &Extra, memory: &ArticleMemory) -> Option<ActorPhrase> {
    match x.kind {
        ExtraKind::Divided(this, other) => {
            (memory.has_named_country(this) || memory.has_named_country(other)).then(|| {
                phrase(
                    x.start,
                    x.end,
                    this.to_string(),
                    "article: the pair was named",
                )
            })
        }
        ExtraKind::House => {
            let country = memory.dominant_country().unwrap_or("USA");
            Some(phrase(
                x.start,
                x.end,
                format!("{country}LEG"),
                "article: the House",
            ))
        }
    }
}

/// A bare state role gets a country: the one whose state actors the sentence has named so far
/// ("Moscow denies ..., the troops"), else the one the article is about ("the president" in an
/// article about Japan). A role before a name nobody knows ("King Abdullah") is that person's, whose
/// country the article does not tell, except for the US Congress's own titles ("Sen. John McCain").
fn resolve_bare(
    words: &Words,
    p: &mut ActorPhrase,
    sentence: &[String],
    unknown_name: bool,
    memory: &ArticleMemory,
) {
    if p.person.is_some() || p.name.is_some() || !is_state_role(&p.code) {
        return;
    }
    if p.start > 0 && ELSEWHERE.contains(&words.norm(p.start - 1)) {
        return;
    }
    // "the president of the company", "officials from both sides"
    if p.end < words.len() && matches!(words.norm(p.end), "of" | "from") {
        return;
    }
    let us_title = p.code == "LEG" && US_LEGISLATIVE_TITLES.contains(&words.norm(p.start));
    let country = if unknown_name {
        if !us_title {
            return;
        }
        "USA".to_string()
    } else {
        match sentence {
            [c] => c.clone(),
            [] => match memory.dominant_country() {
                Some(c) => c.to_string(),
                None if us_title => "USA".to_string(),
                None => return,
            },
            _ => return,
        }
    };
    p.code = format!("{country}{}", p.code);
    p.origins.push("article: its country".into());
    p.resolved_from = Some("article");
}

/// The country of a phrase's state actor: a person, or a state organ of a country.
fn state_country(p: &ActorPhrase) -> Option<String> {
    let (country, role) = tidings_event::split_actor_code(&p.code);
    country.filter(|_| p.person.is_some() || role.as_deref().is_some_and(is_state_role))
}

/// Counts the phrase's country in the article, and in the sentence when it is a state actor's.
fn record(p: &ActorPhrase, sentence: &mut Vec<String>, memory: &mut ArticleMemory) {
    if let Some(c) = country_of(&p.code) {
        let state = state_country(p);
        memory.mention_country(&c, state.is_some());
        if let Some(s) = state {
            if !sentence.contains(&s) {
                sentence.push(s);
            }
        }
    }
}

/// Applies the article to the sentence's phrases, left to right, and records their countries.
pub(super) fn apply_article(
    words: &Words,
    matches: &[Match],
    phrases: Vec<ActorPhrase>,
    memory: &mut ArticleMemory,
) -> Vec<ActorPhrase> {
    let extras = extras(words, &phrases);
    // a capitalised word of the phrase that no dictionary matched: a name learned from its title
    let unknown_name = |p: &ActorPhrase| {
        (p.start..p.end).any(|k| {
            words.get(k).is(Word::CAPITALIZED)
                && !words.get(k).is(Word::PUNCT)
                && !matches.iter().any(|m| m.start <= k && k < m.end)
        })
    };
    // countries of the state actors named so far in this sentence
    let mut sentence: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(phrases.len() + extras.len());
    let mut pending = extras.iter().peekable();
    for mut p in phrases {
        while let Some(x) = pending.next_if(|x| x.start < p.start) {
            if let Some(e) = resolve_extra(x, memory) {
                record(&e, &mut sentence, memory);
                out.push(e);
            }
        }
        // copies of one agent for several countries share their words: only bare ones resolve
        if country_of(&p.code).is_none() {
            let unknown = unknown_name(&p);
            resolve_bare(words, &mut p, &sentence, unknown, memory);
        }
        record(&p, &mut sentence, memory);
        out.push(p);
    }
    for x in pending {
        if let Some(e) = resolve_extra(x, memory) {
            record(&e, &mut sentence, memory);
            out.push(e);
        }
    }
    out
}
