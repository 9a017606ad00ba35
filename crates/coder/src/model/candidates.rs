//! Candidate events: every ordered pair of actor mentions in a sentence, and every mention with no
//! target. The event model decides for each whether it is an event and of which CAMEO root.

use crate::actors::{ActorGroup, ActorPhrase};
use tidings_event::split_actor_code;

/// One actor mention: a member of an actor group, with the group it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'g> {
    pub group: usize,
    pub phrase: &'g ActorPhrase,
}

impl Mention<'_> {
    /// The mention's country, or its whole code when it has none (`IGO`, `IMGTAL`, ...): the key
    /// under which two mentions are the same actor for the scorer.
    pub fn identity(&self) -> String {
        split_actor_code(&self.phrase.code)
            .0
            .unwrap_or_else(|| self.phrase.code.clone())
    }
}

/// A source mention and a target mention (or none).
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'g> {
    pub source: Mention<'g>,
    pub target: Option<Mention<'g>>,
}

/// Every mention of the sentence, in order (at most [`MAX_MENTIONS`]): the members of the actor groups, and the countries
/// only `described` by an adjective ([`crate::actors::described_countries`]), each a group of its
/// own numbered after the actor groups.
pub fn mentions<'g>(groups: &'g [ActorGroup], described: &'g [ActorPhrase]) -> Vec<Mention<'g>> {
    let mut out: Vec<Mention> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .members
                .iter()
                .map(move |phrase| Mention { group: g, phrase })
        })
        .chain(described.iter().enumerate().map(|(k, phrase)| Mention {
            group: groups.len() + k,
            phrase,
        }))
        .collect();
    out.sort_by_key(|m| (m.phrase.start, m.phrase.end));
    out.truncate(MAX_MENTIONS);
    out
}

/// A sentence naming more actors than this is a list (a table, a roll of names), not prose: only
/// its first mentions are paired, so that the work per sentence stays bounded (the pairs grow with
/// the square of the mentions). No sentence of the training data names as many.
pub const MAX_MENTIONS: usize = 32;

/// Whether `s` and `t` make a candidate pair: two actors, not both a bare role with no country or
/// name. Two mentions of one country are a pair when they are not coordinated and are two actors
/// ([`two_of_one_country`]), not when one is the country itself ("Putin ... Russia": RUSGOV and RUS
/// are one actor to the coders).
fn pairable(s: &Mention, t: &Mention) -> bool {
    let two_actors = if s.identity() == t.identity() {
        s.group != t.group && two_of_one_country(s, t)
    } else {
        true
    };
    two_actors && (crate::record::anchored(s.phrase) || crate::record::anchored(t.phrase))
}

/// Whether two mentions of one country are two actors: two roles (a senator, USALEG, and the
/// president, USAGOV), or two people ("Trump ... Obama"); never the country itself.
fn two_of_one_country(s: &Mention, t: &Mention) -> bool {
    let role = |m: &Mention| split_actor_code(&m.phrase.code).1;
    let person = |m: &Mention| m.phrase.person;
    let itself = |m: &Mention| role(m).is_none() && person(m).is_none();
    if itself(s) || itself(t) {
        return false;
    }
    role(s) != role(t) || person(s).zip(person(t)).is_some_and(|(a, b)| a != b)
}

/// Whether the mentions make at least one candidate pair: the model codes no event in a sentence
/// that has none.
pub fn has_pair(mentions: &[Mention]) -> bool {
    mentions
        .iter()
        .enumerate()
        .any(|(k, s)| mentions[k + 1..].iter().any(|t| pairable(s, t)))
}

/// The candidate pairs: each mention as a source, with each mention of another actor as target
/// ([`pairable`]) and with no target.
pub fn candidates<'g>(mentions: &[Mention<'g>]) -> Vec<Candidate<'g>> {
    let mut out = Vec::new();
    for s in mentions {
        out.push(Candidate {
            source: *s,
            target: None,
        });
        for t in mentions.iter().filter(|t| pairable(s, t)) {
            out.push(Candidate {
                source: *s,
                target: Some(*t),
            });
        }
    }
    out
}
