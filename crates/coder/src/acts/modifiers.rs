//! Negation and intent before a verb, read with the dictionaries' modifier lists: "did not attack",
//! "intends to defend, consolidate and develop ties".

use crate::actors::ActorGroup;
use tidings_dict::words::Words;
use tidings_dict::Dictionaries;

/// Where a negation starts among the few words before the verb: "did not attack", "never praised".
pub(super) fn negation_at(words: &Words, dicts: &Dictionaries, verb: usize) -> Option<usize> {
    let lo = verb.saturating_sub(4);
    (lo..verb).find(|&j| {
        dicts
            .modifiers
            .negation
            .longest_at(words, j)
            .is_some_and(|(n, _)| j + n <= verb)
    })
}

/// An intent marker before the verb, possibly across a list of coordinated verbs: "intends to
/// defend, consolidate and develop ties".
pub(super) fn has_intent(
    words: &Words,
    dicts: &Dictionaries,
    groups: &[ActorGroup],
    verb: usize,
) -> bool {
    let lo = verb.saturating_sub(10);
    let mut j = verb;
    while j > lo {
        j -= 1;
        if groups.iter().any(|g| g.start <= j && j < g.end)
            || matches!(words.norm(j), "." | ";" | ":" | "\"")
        {
            return false;
        }
        if let Some((n, _)) = dicts.modifiers.intent.longest_at(words, j) {
            if j + n <= verb {
                return true;
            }
        }
    }
    false
}
