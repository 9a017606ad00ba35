//! Which sense of a verb the actors allow: a pattern's [`ActorCondition`]s tested on one source and
//! target pair.
//!
//! The pattern matcher finds "travelled to Syria" and "attacked Schumer"; whether that is a state
//! visit (042) or an armed attack (190) depends on who travels and who attacks. The dictionary says
//! so on the pattern (`{official, abroad}`, `{verbal 111}`, see `tidings_dict::conditions`) and
//! [`read_pair`] applies it to each pair of actors an act yields: keep the code, recode, or drop the
//! pair.
//!
//! It does not look at the sentence: the grammar is checked in `assertion` and `structure`.

use crate::actors::ActorPhrase;
use tidings_dict::conditions::ActorCondition;
use tidings_dict::words::Words;
use tidings_dict::VerbPattern;
use tidings_event::split_actor_code;

/// How one source and target pair reads under a pattern's conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairReading<'p> {
    /// The act's own code.
    AsCoded,
    /// Another sense of the verb, with its code.
    Recoded(&'p str),
    /// No event for this pair, and why.
    Dropped(&'static str),
}

/// Roles that act for a state or a political organisation.
const OFFICIAL_ROLES: &[&str] = &[
    "GOV", "MIL", "LEG", "JUD", "PTY", "OPP", "ELI", "SPY", "IGO",
];
/// Roles that carry arms (their fights are real ones).
const ARMED_ROLES: &[&str] = &[
    "MIL", "REB", "INS", "SEP", "UAF", "IMG", "COP", "SPY", "CRM", "RAD", "PKO",
];
/// Roles of unarmed political actors: between two of them, "attack" and "fight" are words.
const POLITICAL_ROLES: &[&str] = &["GOV", "LEG", "JUD", "PTY", "OPP", "ELI", "MED"];

/// Applies `pattern`'s conditions to one pair. `recodable` is false when the act's code is no longer
/// the pattern's own (an intent made "attack" a threat): a sense recode then does not apply.
pub fn read_pair<'p>(
    pattern: &'p VerbPattern,
    source: &ActorPhrase,
    target: Option<&ActorPhrase>,
    recodable: bool,
    clause: (&Words, usize),
) -> PairReading<'p> {
    let mut reading = PairReading::AsCoded;
    for condition in &pattern.conditions {
        match condition {
            ActorCondition::IfConsequence(code) => {
                if recodable && names_consequence(clause.0, clause.1) {
                    reading = PairReading::Recoded(code);
                }
            }
            ActorCondition::OrganisationTarget(code) => {
                let organisation = target
                    .is_some_and(|t| matches!(split_actor_code(&t.code).1.as_deref(), Some("IGO")));
                if recodable && organisation {
                    reading = PairReading::Recoded(code);
                }
            }
            ActorCondition::PersonTarget(code) => {
                let person = target.is_some_and(|t| {
                    t.person.is_some()
                        || matches!(
                            split_actor_code(&t.code).1.as_deref(),
                            Some("CVL" | "MED" | "EDU" | "HRI" | "LAB" | "REF")
                        )
                });
                if recodable && person {
                    reading = PairReading::Recoded(code);
                }
            }
            ActorCondition::IntentOnly => {
                if recodable {
                    return PairReading::Dropped(
                        "the verb names no act of its own, only an intent",
                    );
                }
            }
            ActorCondition::UnlessConsequence(code) => {
                if recodable && !names_consequence(clause.0, clause.1) {
                    reading = PairReading::Recoded(code);
                }
            }
            ActorCondition::OfficialSource => {
                if !is_official(source) {
                    return PairReading::Dropped("the source acts in no official capacity");
                }
            }
            ActorCondition::ForeignTarget => {
                let foreign = target.is_some_and(|t| {
                    let (sc, _) = split_actor_code(&source.code);
                    let (tc, _) = split_actor_code(&t.code);
                    (tc.is_some() || t.name.is_some()) && (sc.is_none() || tc != sc)
                });
                if !foreign {
                    return PairReading::Dropped("the target is no actor of another country");
                }
            }
            ActorCondition::VerbalBetweenPoliticians(code) => {
                if recodable
                    && target.is_some_and(|t| {
                        // any two unarmed politicians ("clashed with Turkish officials")
                        is_politician(source) && is_politician(t)
                    })
                {
                    reading = PairReading::Recoded(code);
                }
            }
        }
    }
    reading
}

/// Words that name what follows if a warning goes unheeded.
const CONSEQUENCES: &[&str] = &[
    "consequence",
    "consequences",
    "repercussions",
    "retaliation",
    "retaliate",
    "retaliatory",
    "retribution",
    "reprisal",
    "reprisals",
    "response",
    "respond",
    "price",
    "pay",
    "punish",
    "punishment",
    "force",
    "fury",
    "action",
    "actions",
    "strike",
    "strikes",
    "war",
    "sanctions",
    "destroy",
    "missile",
    "missiles",
    "target",
];

/// Whether the clause after the verb names a consequence: a condition ("if", "unless",
/// "otherwise"), a future ("that it would walk away"), or a word of retaliation, force or price.
/// The clause ends at "but", a semicolon or a subordinate clause ("warned China not to raise levies
/// but Beijing said it would ...", "warned Turkey not to allow a massacre after the U.S. announced
/// it would step aside"). A quotation the sentence opens with is the warning's own words ("\"... or we will
/// respond,\" Esper warned Tehran") and counts too.
pub fn names_consequence(words: &Words, verb: usize) -> bool {
    let consequence = |w: &str| {
        matches!(
            w,
            "if" | "unless" | "otherwise" | "will" | "would" | "'ll" | "wo" | "else"
        ) || CONSEQUENCES.contains(&w)
    };
    let after = (verb + 1..words.len())
        .map(|k| words.norm(k))
        .take_while(|w| {
            !matches!(
                *w,
                "but"
                    | ";"
                    | "while"
                    | "although"
                    | "as"
                    | "after"
                    | "before"
                    | "when"
                    | "since"
                    | "because"
            )
        })
        .any(consequence);
    let quoted_before = !words.is_empty()
        && words.norm(0) == "\""
        && (1..verb)
            .map(|k| words.norm(k))
            .take_while(|w| *w != "\"")
            .any(consequence);
    after || quoted_before
}

/// A named person or organisation, or an actor with an official role.
fn is_official(actor: &ActorPhrase) -> bool {
    let (_, role) = split_actor_code(&actor.code);
    actor.name.is_some() || role.is_some_and(|r| OFFICIAL_ROLES.contains(&r.as_str()))
}

/// A person, or an unarmed political body; nothing armed.
fn is_politician(actor: &ActorPhrase) -> bool {
    let roles: Vec<&str> = (3..actor.code.len())
        .step_by(3)
        .filter_map(|i| actor.code.get(i..i + 3))
        .chain(actor.code.get(..3))
        .collect();
    if roles.iter().any(|r| ARMED_ROLES.contains(r)) {
        return false;
    }
    let (_, role) = split_actor_code(&actor.code);
    actor.person.is_some() || role.is_some_and(|r| POLITICAL_ROLES.contains(&r.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::test_support::events_on;

    /// (source, target, CAMEO code) of the events of `text`, published 2019-05-01.
    fn coded(text: &str) -> Vec<(String, String, String)> {
        events_on(text, Some("2019-05-01"))
            .into_iter()
            .map(|e| {
                let target = e.target.map(|t| t.code).unwrap_or_default();
                (e.source.code, target, e.cameo)
            })
            .collect()
    }

    #[test]
    fn only_officials_make_visits() {
        let e = coded("Secretary of State Mike Pompeo travelled to Saudi Arabia on Monday.");
        assert!(e.iter().any(|(_, t, c)| t == "SAU" && c == "042"), "{e:?}");
        let e = coded("More than 300 Americans have travelled to Syria to join the fighting.");
        assert!(!e.iter().any(|(_, _, c)| c == "042"), "{e:?}");
        let e = coded("Hundreds of migrants from Eritrea arrived in Libya on Sunday.");
        assert!(!e.iter().any(|(_, _, c)| c == "042"), "{e:?}");
    }

    #[test]
    fn a_trip_home_is_no_visit_and_a_resignation_no_act_toward_the_office() {
        let e = coded("Yulia Tymoshenko flew to Kiev on Saturday.");
        assert!(!e.iter().any(|(_, _, c)| c == "042"), "{e:?}");
        let e = coded("Dominic Raab resigned as the U.K.'s Brexit secretary on Thursday.");
        assert!(!e.iter().any(|(_, _, c)| c.starts_with("08")), "{e:?}");
    }

    #[test]
    fn attacks_between_politicians_are_verbal() {
        let e = coded("President Trump attacked Senator Chuck Schumer on Twitter.");
        assert!(e.iter().any(|(_, _, c)| c == "111"), "{e:?}");
        assert!(!e.iter().any(|(_, _, c)| c.starts_with("19")), "{e:?}");
        let e = coded("Houthi rebels attacked the Yemeni government in Aden.");
        assert!(e.iter().any(|(_, _, c)| c.starts_with("19")), "{e:?}");
        let e = coded("Russia attacked Ukraine on Thursday.");
        assert!(
            e.iter().any(|(_, t, c)| t == "UKR" && c.starts_with("19")),
            "{e:?}"
        );
    }

    #[test]
    fn a_warning_is_a_threat_only_with_a_consequence() {
        let e = coded("Trump warned China not to raise tariffs on American goods.");
        assert!(e.iter().any(|(_, t, c)| t == "CHN" && c == "012"), "{e:?}");
        let e = coded("Trump warned China of severe consequences if it raised tariffs.");
        assert!(
            e.iter().any(|(_, t, c)| t == "CHN" && c.starts_with("13")),
            "{e:?}"
        );
        let e = coded("Iran warned Europe that it would walk away from the accord.");
        assert!(
            e.iter().any(|(_, t, c)| t == "EUR" && c.starts_with("13")),
            "{e:?}"
        );
    }

    #[test]
    fn leaving_an_organisation_is_no_military_withdrawal() {
        let e = coded("The United States pulled out of the U.N. Human Rights Council.");
        assert!(
            e.iter()
                .any(|(_, t, c)| t.starts_with("IGOUNO") && c == "160"),
            "{e:?}"
        );
        let e = coded("The United States pulled out of Syria.");
        assert!(e.iter().any(|(_, t, c)| t == "SYR" && c == "087"), "{e:?}");
    }

    #[test]
    fn capturing_a_person_is_an_abduction_and_retaliation_only_an_intent() {
        let e = coded("Islamic State militants captured the journalist James Foley in Syria.");
        assert!(!e.iter().any(|(_, _, c)| c.starts_with("19")), "{e:?}");
        let e = coded("Russia retaliated against the United States on Monday.");
        assert!(!e.iter().any(|(_, t, _)| t == "USA"), "{e:?}");
        let e = coded("Russia vowed to retaliate against the United States.");
        assert!(
            e.iter().any(|(_, t, c)| t == "USA" && c.starts_with("13")),
            "{e:?}"
        );
    }
}
