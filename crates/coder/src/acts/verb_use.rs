//! Is a verb form used as a verb here, and is it passive? Rules out nouns ("the attack") and bare
//! base forms nothing introduces, and finds the "was" or "got" of a passive.

use super::{ADVERB_LIKE, BE_FORMS, DETERMINERS, MODALS};
use crate::actors::{is_preposition, ActorGroup};
use tidings_dict::words::Words;
use tidings_dict::VerbForm;

/// Rules out noun uses of verb forms ("the attack", "its praise") and bare base forms that no
/// subject, modal or "to" introduces.
pub(super) fn looks_like_verb(
    words: &Words,
    i: usize,
    form: VerbForm,
    groups: &[ActorGroup],
) -> bool {
    if i == 0 {
        return form != VerbForm::Gerund;
    }
    let prev = words.norm(i - 1);
    // "the attack", "with improved relations", "of talks": a noun or an adjective, not a verb
    if DETERMINERS.contains(&prev) || (prev != "to" && is_preposition(prev)) {
        return false;
    }
    if form == VerbForm::Base {
        let after_group = groups.iter().any(|g| g.end == i);
        return after_group
            || MODALS.contains(&prev)
            || prev.ends_with("ly")
            || ADVERB_LIKE.contains(&prev)
            || after_negative_polarity(words, i);
    }
    true
}

/// "Ever" and "even" after a negation: "will not ever clash", "won't even ever clash".
fn after_negative_polarity(words: &Words, i: usize) -> bool {
    let mut j = i;
    while j > 0 && matches!(words.norm(j - 1), "ever" | "even") {
        j -= 1;
    }
    j < i && j > 0 && matches!(words.norm(j - 1), "not" | "n't" | "never")
}

/// A participle after a form of "be" or "get", possibly with adverbs between: "was strongly
/// condemned", "was heavily and unjustly criticized".
pub(super) fn is_passive(words: &Words, i: usize) -> bool {
    passive_auxiliary(words, i).is_some()
}

/// The form of "be" or "get" that makes the participle at `i` passive, across up to three adverbs
/// (joined by "and" or "or").
pub(super) fn passive_auxiliary(words: &Words, i: usize) -> Option<usize> {
    let mut j = i;
    let mut adverbs = 0;
    while j > 0 && adverbs <= 3 {
        j -= 1;
        let w = words.norm(j);
        if BE_FORMS.contains(&w) {
            return Some(j);
        }
        let adverb = ADVERB_LIKE.contains(&w) || w.ends_with("ly");
        let joins_adverbs = matches!(w, "and" | "or") && j + 1 < i && j > 0 && {
            let before = words.norm(j - 1);
            before.ends_with("ly") || ADVERB_LIKE.contains(&before)
        };
        if !(adverb || joins_adverbs) {
            return None;
        }
        adverbs += usize::from(adverb);
    }
    None
}
