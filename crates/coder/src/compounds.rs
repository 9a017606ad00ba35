//! An actor's name used as a noun modifier is no actor: "withdrew from the Paris accord" is not
//! from France, "attacked the Iran deal" attacks a deal, "advocated for the Iraq invasion" is no
//! act toward Iraq. The dependency parse marks such a name as a `compound` of the noun after it;
//! [`compound_rejection`] rejects an act whose target is only that, when the noun is an agreement
//! or a war the name labels (accord, deal, treaty, war, ...). Other nouns may name whom the act
//! hits ("imposed new Iran sanctions"), and the parser's `compound` is too often wrong elsewhere
//! ("his British counterparts") to reject more.
//!
//! A bare role word that qualifies a noun of action ("military action", "military parades") is no
//! actor either. Country adjectives ("Iranian oil") are the actor finder's business.

use crate::actors::ActorGroup;
use crate::acts::Act;
use crate::structure::span_head;
use tidings_dict::words::{Word, Words};
use tidings_dict::Dictionaries;
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

/// Nouns of action and policy that a role word only qualifies: "military action", "military
/// parades", "government pressure" are no military or government as actors. (Nouns of people and
/// places are left alone: "government agencies" are government.)
const ACTIONS: &[&str] = &[
    "action",
    "actions",
    "intervention",
    "interventions",
    "operation",
    "operations",
    "campaign",
    "parade",
    "parades",
    "display",
    "authorization",
    "option",
    "options",
    "solution",
    "pressure",
    "aid",
    "assistance",
    "spending",
    "budget",
    "uniforms",
];

/// Why the act's source or target is only a noun modifier, or None.
pub fn compound_rejection(
    words: &Words,
    dicts: &Dictionaries,
    parse: &Parse,
    groups: &[ActorGroup],
    act: &Act,
) -> Option<&'static str> {
    let source = &groups[act.source];
    let acting = |noun: usize| ACTIONS.contains(&words.norm(noun));
    if bare_role(source) && modified_noun(parse, groups, source).is_some_and(acting) {
        return Some("the source is a role word that modifies a noun ('military action')");
    }
    // "former Trump attorney Michael Cohen traveled": a person's name before a noun of someone
    // else is no subject. The noun must follow the name, be lowercase and no verb form: the
    // parser also reads "Trump plans to meet" as a compound
    let other_person = |n: usize| {
        n < act.verb
            && n <= source.end + 1
            && (source.end..=n).all(|k| {
                !words.get(k).is(Word::CAPITALIZED)
                    && dicts.verbs.lookup(words.norm(k)).is_none()
                    && !matches!(
                        words.norm(k),
                        "night"
                            | "morning"
                            | "evening"
                            | "afternoon"
                            | "week"
                            | "weekend"
                            | "month"
                            | "year"
                            | "day"
                    )
            })
    };
    if source.end <= act.verb
        && source.members.iter().all(|m| m.person.is_some())
        && parse.label(span_head(parse, source.start, source.end)?) == Rel::Compound
        && modified_noun(parse, groups, source).is_some_and(other_person)
    {
        return Some("the source is a person's name before another noun ('Trump attorney')");
    }
    let target = &groups[act.target?];
    if target.start <= act.verb {
        return None;
    }
    let noun = modified_noun(parse, groups, target)?;
    if bare_role(target) && acting(noun) {
        return Some("the target is a role word that modifies a noun ('military parades')");
    }
    if parse.label(span_head(parse, target.start, target.end)?) == Rel::Compound
        && LABELLED.contains(&words.norm(noun))
    {
        return Some("the target only labels an agreement or a war ('the Paris accord')");
    }
    None
}

/// A role word alone ("military", "government"), with no country or name of its own.
fn bare_role(group: &ActorGroup) -> bool {
    group.members.iter().all(|m| {
        m.name.is_none()
            && m.person.is_none()
            && tidings_event::split_actor_code(&m.code).0.is_none()
            && m.code.len() == 3
    })
}

/// The noun the group's phrase modifies as a compound or adjective, when that noun comes after it
/// and is outside every actor: "Paris" in "the Paris accord", "military" in "military parades".
/// A noun that makes an actor with the phrase ("Trump administration") is part of its group.
fn modified_noun(parse: &Parse, groups: &[ActorGroup], group: &ActorGroup) -> Option<usize> {
    let head = span_head(parse, group.start, group.end)?;
    if !matches!(parse.label(head), Rel::Compound | Rel::Amod) {
        return None;
    }
    let noun = parse.head(head)?;
    let in_actor = groups.iter().any(|g| g.start <= noun && noun < g.end);
    (noun >= group.end && !in_actor).then_some(noun)
}

#[cfg(test)]
mod tests {
    use crate::test_support::events_on;

    fn targets(text: &str) -> Vec<String> {
        events_on(text, Some("2018-07-20"))
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

    #[test]
    fn a_role_word_that_modifies_a_noun_is_no_actor() {
        let t = targets("North Korea displayed the missiles in military parades.");
        assert!(!t.iter().any(|c| c == "MIL"), "{t:?}");
    }

    #[test]
    fn a_persons_name_before_another_persons_title_is_no_subject() {
        let sources = |text: &str| -> Vec<String> {
            events_on(text, Some("2018-07-20"))
                .into_iter()
                .map(|e| e.source.code)
                .collect()
        };
        let s = sources(
            "It also claims longtime Trump fixer Michael Cohen met with Russians in Prague.",
        );
        assert!(!s.iter().any(|c| c.starts_with("USA")), "{s:?}");
        let s = sources("Trump plans to meet North Korean leader Kim Jong Un in Vietnam.");
        assert!(s.iter().any(|c| c.starts_with("USA")), "{s:?}");
    }
}
