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

/// Every mention of the sentence, in order.
pub fn mentions(groups: &[ActorGroup]) -> Vec<Mention<'_>> {
    let mut out: Vec<Mention> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .members
                .iter()
                .map(move |phrase| Mention { group: g, phrase })
        })
        .collect();
    out.sort_by_key(|m| (m.phrase.start, m.phrase.end));
    out
}

/// Whether `s` and `t` make a candidate pair: two actors, not both a bare role with no country or
/// name. Two mentions of one country are a pair when they are not coordinated and have two
/// different roles (a senator, USALEG, and the president, USAGOV), not when one is the country
/// itself ("Putin ... Russia": RUSGOV and RUS are one actor to the coders).
fn pairable(s: &Mention, t: &Mention) -> bool {
    let two_actors = if s.identity() == t.identity() {
        let role = |m: &Mention| split_actor_code(&m.phrase.code).1;
        s.group != t.group && role(s).is_some() && role(t).is_some() && role(s) != role(t)
    } else {
        true
    };
    two_actors && (crate::record::anchored(s.phrase) || crate::record::anchored(t.phrase))
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
