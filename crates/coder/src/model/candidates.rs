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

    pub fn country(&self) -> Option<String> {
        split_actor_code(&self.phrase.code).0
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

/// The candidate pairs: each mention as a source, with each mention of another actor as target
/// and with no target. A pair of two mentions of one actor ("Putin ... Russia") is no candidate;
/// neither is a bare role with no country or name on both sides.
pub fn candidates<'g>(mentions: &[Mention<'g>]) -> Vec<Candidate<'g>> {
    let mut out = Vec::new();
    for s in mentions {
        out.push(Candidate {
            source: *s,
            target: None,
        });
        for t in mentions {
            if std::ptr::eq(s.phrase, t.phrase) || s.identity() == t.identity() {
                continue;
            }
            if !crate::record::anchored(s.phrase) && !crate::record::anchored(t.phrase) {
                continue;
            }
            out.push(Candidate {
                source: *s,
                target: Some(*t),
            });
        }
    }
    out
}
