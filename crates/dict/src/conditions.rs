//! [`ActorCondition`]s: what a verb pattern asks of the actors around it before its code applies.
//!
//! A verb's sense often depends on who acts on whom. "Travelled to Syria" is a state visit when a
//! minister travels and not when fighters or tourists do; "attacked Schumer" is an armed attack
//! only in a war, and between two politicians it is a verbal one. A pattern line in `verbs.txt` may
//! end with conditions in braces:
//!
//! ```text
//! 042 | travel to + {official, abroad}
//! 190 | attack + {verbal 111}
//! 130 | warn + {unless-consequence 012}
//! ```
//!
//! This module only reads the braces; the coder (`tidings-coder`, module `sense`) tests them on the
//! actors of each event.
//!
//! ```
//! use tidings_dict::conditions::{split_conditions, ActorCondition};
//! let (pattern, conditions) = split_conditions("travel to + {official, abroad}", &|_| true).unwrap();
//! assert_eq!(pattern, "travel to +");
//! assert_eq!(conditions, vec![ActorCondition::OfficialSource, ActorCondition::ForeignTarget]);
//! ```

/// One condition of a pattern on its source and target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorCondition {
    /// `official`: the source acts in an official capacity: a named person or organisation, or a
    /// government, military, legislative, judicial, party or opposition actor. Civilians, workers,
    /// migrants and bare nationalities ("Americans travelled to Cuba") do not.
    OfficialSource,
    /// `abroad`: the target is a named actor or a country other than the source's: a trip home or a
    /// resignation from one's own office is no act toward another actor.
    ForeignTarget,
    /// `verbal CODE`: when both actors are politicians (people, governments, parties,
    /// legislatures, courts or media, none of them armed), the act is verbal and codes as CODE
    /// ("Trump attacked Schumer", "Bolton clashed with Turkish officials": 111).
    VerbalBetweenPoliticians(String),
    /// `if-consequence CODE`: when the clause after the verb names a consequence (a condition, "or"
    /// with a future, retaliation, force, sanctions, a price to pay), the act is a threat and codes
    /// as CODE ("warned Iran of severe consequences if it restarted": 130).
    IfConsequence(String),
    /// `unless-consequence CODE`: when the clause after the verb names no consequence, the act is
    /// no threat and codes as CODE ("warned China not to raise levies": 012).
    UnlessConsequence(String),
    /// `organisation CODE`: when the target is an international organisation, the act codes as
    /// CODE ("pulled out of a number of U.N. institutions" leaves an organisation: 160, not the
    /// military withdrawal 087 it is from a country).
    OrganisationTarget(String),
    /// `person CODE`: when the target is a person or civilians, the act codes as CODE ("captured
    /// the journalist" is an abduction, 181; "captured the town" an occupation, 192).
    PersonTarget(String),
    /// `intent-only`: the pattern is coded only as a stated intent or threat ("vowed to retaliate
    /// against Israel": 13x); done, the act is whatever the retaliation was, which the verb does
    /// not say.
    IntentOnly,
}

impl std::fmt::Display for ActorCondition {
    /// The condition as written in `verbs.txt` (`official`, `verbal 111`, ...).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActorCondition::OfficialSource => write!(f, "official"),
            ActorCondition::ForeignTarget => write!(f, "abroad"),
            ActorCondition::IntentOnly => write!(f, "intent-only"),
            ActorCondition::VerbalBetweenPoliticians(c) => write!(f, "verbal {c}"),
            ActorCondition::IfConsequence(c) => write!(f, "if-consequence {c}"),
            ActorCondition::UnlessConsequence(c) => write!(f, "unless-consequence {c}"),
            ActorCondition::OrganisationTarget(c) => write!(f, "organisation {c}"),
            ActorCondition::PersonTarget(c) => write!(f, "person {c}"),
        }
    }
}

/// Splits `pattern {a, b}` into the pattern and its conditions. `known_code` tells whether a code
/// named by `verbal CODE` is in the CAMEO table.
pub fn split_conditions<'p>(
    text: &'p str,
    known_code: &dyn Fn(&str) -> bool,
) -> Result<(&'p str, Vec<ActorCondition>), String> {
    let Some(open) = text.find('{') else {
        if text.contains('}') {
            return Err("`}` without `{`".into());
        }
        return Ok((text.trim(), Vec::new()));
    };
    let rest = &text[open + 1..];
    let Some(close) = rest.find('}') else {
        return Err("`{` without `}`: conditions are written `{official, abroad}`".into());
    };
    if !rest[close + 1..].trim().is_empty() {
        return Err("conditions `{...}` must end the pattern".into());
    }
    let mut conditions = Vec::new();
    for item in rest[..close].split(',') {
        let words: Vec<&str> = item.split_whitespace().collect();
        let condition = match words.as_slice() {
            ["official"] => ActorCondition::OfficialSource,
            ["abroad"] => ActorCondition::ForeignTarget,
            ["intent-only"] => ActorCondition::IntentOnly,
            [name @ ("verbal" | "if-consequence" | "unless-consequence" | "organisation"
            | "person"), code] => {
                if !known_code(code) {
                    return Err(format!(
                        "`{name} {code}`: `{code}` is not a CAMEO event code in cameo-codes.txt"
                    ));
                }
                let code = code.to_string();
                match *name {
                    "verbal" => ActorCondition::VerbalBetweenPoliticians(code),
                    "if-consequence" => ActorCondition::IfConsequence(code),
                    "organisation" => ActorCondition::OrganisationTarget(code),
                    "person" => ActorCondition::PersonTarget(code),
                    _ => ActorCondition::UnlessConsequence(code),
                }
            }
            _ => {
                return Err(format!(
                    "`{}` is not a condition: use `official`, `abroad`, `verbal CODE`, \
                     `if-consequence CODE`, `unless-consequence CODE`, `organisation CODE`, \
                     `person CODE` or `intent-only`",
                    item.trim()
                ))
            }
        };
        conditions.push(condition);
    }
    Ok((text[..open].trim(), conditions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_conditions_and_rejects_unknown_ones() {
        let known = |c: &str| c == "111";
        let (p, c) = split_conditions("attack + {verbal 111}", &known).unwrap();
        assert_eq!(p, "attack +");
        assert_eq!(
            c,
            vec![ActorCondition::VerbalBetweenPoliticians("111".into())]
        );
        assert_eq!(
            split_conditions("meet with +", &known).unwrap(),
            ("meet with +", vec![])
        );
        assert!(split_conditions("attack + {verbal 999}", &known)
            .unwrap_err()
            .contains("999"));
        assert!(split_conditions("attack + {friendly}", &known)
            .unwrap_err()
            .contains("friendly"));
        assert_eq!(
            split_conditions("warn + {unless-consequence 111}", &known)
                .unwrap()
                .1,
            vec![ActorCondition::UnlessConsequence("111".into())]
        );
        assert!(split_conditions("attack + {official", &known).is_err());
        // written back as read
        let (_, c) = split_conditions("warn + {abroad, unless-consequence 111}", &known).unwrap();
        let back: Vec<String> = c.iter().map(|c| c.to_string()).collect();
        assert_eq!(back, ["abroad", "unless-consequence 111"]);
        assert!(split_conditions("attack {official} +", &known).is_err());
    }
}
