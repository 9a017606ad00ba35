//! An actor's name used as a noun modifier is no actor: "withdrew from the Paris accord" is not
//! from France, "attacked the Iran deal" attacks a deal, "advocated for the Iraq invasion" is no
//! act toward Iraq. The dependency parse marks such a name as a
//! `compound` of the noun after it; [`compound_rejection`] rejects an act whose target is only
//! that, when the noun is an agreement or a war the name labels (accord, deal, treaty, war, ...). Other nouns may name whom the act hits ("imposed new Iran sanctions"),
//! and the parser's `compound` is too often wrong elsewhere ("his British counterparts") to
//! reject more.
//!
//! It does not look at adjectives ("Iranian oil"): those are the actor finder's business.

use crate::actors::ActorGroup;
use crate::acts::Act;
use crate::structure::span_head;
use tidings_dict::words::Words;
use tidings_parser::{Parse, Rel};

/// Nouns of agreements and wars that a name only labels: "the Paris accord", "the Iran deal", "the
/// Iraq war". Nouns like "sanctions" name the actor they are aimed at; "the Washington meetings"
/// and "the UK inquiry" name a host and an author, whom the hand audits count as the target.
const LABELLED: &[&str] = &[
    "accord",
    "accords",
    "agreement",
    "deal",
    "treaty",
    "pact",
    "war",
    "invasion",
    "criticism",
];

/// Why the act's target is only a noun modifier, or None.
pub fn compound_rejection(
    words: &Words,
    parse: &Parse,
    groups: &[ActorGroup],
    act: &Act,
) -> Option<&'static str> {
    let target = &groups[act.target?];
    if target.start <= act.verb {
        return None;
    }
    let head = span_head(parse, target.start, target.end)?;
    if parse.label(head) != Rel::Compound {
        return None;
    }
    let noun = parse.head(head)?;
    // the modified word is after the name and outside every actor ("meeting", "Accord"): a
    // noun that makes an actor with the name ("Trump administration") is part of its phrase
    let in_actor = groups.iter().any(|g| g.start <= noun && noun < g.end);
    if noun < target.end || in_actor || !LABELLED.contains(&words.norm(noun)) {
        return None;
    }
    Some("the target only labels an agreement or a war ('the Paris accord')")
}

#[cfg(test)]
mod tests {
    use crate::{CodeOptions, Coder};
    use std::sync::OnceLock;
    use tidings_dict::Dictionaries;

    fn targets(text: &str) -> Vec<String> {
        static CODER: OnceLock<Coder> = OnceLock::new();
        let coder = CODER.get_or_init(|| Coder::new(Dictionaries::builtin()));
        let date = chrono::NaiveDate::from_ymd_opt(2018, 7, 20);
        coder
            .code_text(text, date, &CodeOptions::default())
            .into_iter()
            .filter_map(|e| e.target.map(|t| t.code))
            .collect()
    }

    #[test]
    fn a_name_that_modifies_a_noun_is_no_target() {
        let t = targets("Trump withdrew from the Paris climate accord in 2017.");
        assert!(!t.iter().any(|c| c.starts_with("FRA")), "{t:?}");
        let t = targets("Trump withdrew from Syria in 2019.");
        assert!(t.iter().any(|c| c.starts_with("SYR")), "{t:?}");
    }
}
