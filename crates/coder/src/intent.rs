//! What an intent phrase commits its speaker to. The act finder (`acts`) turns "vowed to strike"
//! into a threat (1384) and "plans to meet" into an intent to meet (036), whatever the phrase. Two
//! readings are wrong, and [`intent_rejection`] rules them out:
//!
//! - a wish is no threat: "wants to punish al-Assad", "is hoping to force Democrats" state a
//!   desire, not a warning made to the target (CAMEO's 13x need a threat that is communicated);
//! - an intent under a modal of possibility is a guess: "may look to improve relations", "could
//!   seek to".
//!
//! It reads only the words right before the verb ("wants to", "may look to"); it does not decide
//! whether a phrase is an intent at all (that is `dictionaries/modifiers.txt`).

use crate::acts::Act;
use crate::assertion::HYPOTHETICAL_MODALS;
use tidings_dict::words::{Word, Words};

/// Verbs of wishing, seeking and expecting before "to".
const DESIRES: &[&str] = &[
    "want",
    "wants",
    "wanted",
    "wanting",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "wish",
    "wishes",
    "wished",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "look",
    "looks",
    "looked",
    "looking",
    "expect",
    "expects",
    "expected",
    "expecting",
    "like",
];

/// Why the act's intent reading does not stand, or None.
pub fn intent_rejection(words: &Words, act: &Act) -> Option<&'static str> {
    if !act.intent {
        return None;
    }
    // the word that takes the infinitive: "wants" in "wants to punish", "ready" in "be ready to"
    let v = act.verb;
    if v < 2 || words.norm(v - 1) != "to" {
        return None;
    }
    let marker = v - 2;
    if act.code.starts_with("13") && DESIRES.contains(&words.norm(marker)) {
        return Some("a wish is no threat ('wants to punish')");
    }
    // "may look to", "could be ready to": skip the marker's own auxiliaries
    let mut k = marker;
    while k > 0 && matches!(words.norm(k - 1), "be" | "also" | "still" | "well" | "not") {
        k -= 1;
    }
    // "May plans to ally": a capitalised "May" is a name
    if k > 0
        && HYPOTHETICAL_MODALS.contains(&words.norm(k - 1))
        && !words.get(k - 1).is(Word::CAPITALIZED)
    {
        return Some("an intent under a modal of possibility ('may look to')");
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::test_support::events_on;

    fn codes(text: &str) -> Vec<String> {
        events_on(text, Some("2019-05-01"))
            .into_iter()
            .map(|e| e.cameo)
            .collect()
    }

    #[test]
    fn a_wish_to_harm_is_no_threat_but_a_vow_is() {
        assert!(codes("Trump wants to punish Syria for the attack.").is_empty());
        let vowed = codes("Trump vowed to punish Syria for the attack.");
        assert!(vowed.iter().any(|c| c.starts_with("13")), "{vowed:?}");
    }

    #[test]
    fn an_intent_that_may_be_is_a_guess() {
        assert!(codes("The president may look to improve relations with Germany.").is_empty());
        let planned = codes("The president plans to improve relations with Germany.");
        assert!(planned.iter().any(|c| c.starts_with("03")), "{planned:?}");
        let named = codes("Theresa May plans to improve relations with Germany.");
        assert!(named.iter().any(|c| c.starts_with("03")), "{named:?}");
    }
}
