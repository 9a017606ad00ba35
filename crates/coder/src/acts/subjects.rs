//! The subject of a verb: the nearest actor group before it in the same clause that is not the
//! object of a preposition, and whether a present-tense verb follows it closely enough.

use super::SUBORDINATORS;
use crate::actors::{is_preposition, ActorGroup};
use tidings_dict::words::{Word, Words};
use tidings_dict::Dictionaries;

/// The subject of a verb at `verb`: the nearest group before it in the same clause that is not the
/// object of a preposition and is not `exclude`.
pub(super) fn subject_of(
    words: &Words,
    dicts: &Dictionaries,
    groups: &[ActorGroup],
    verb: usize,
    exclude: Option<usize>,
) -> Option<usize> {
    for (gi, g) in groups.iter().enumerate().rev() {
        if g.end > verb || Some(gi) == exclude {
            continue;
        }
        if (g.end..verb).any(|j| matches!(words.norm(j), "." | ";" | ":" | "!" | "?" | "\"")) {
            return None;
        }
        if verb - g.end > 30 {
            return None;
        }
        // "Arnor restored ties after crowds burned its embassy": the subject of "burned" follows "after"
        if let Some(k) = (g.end..verb)
            .rev()
            .find(|&j| SUBORDINATORS.contains(&words.norm(j)))
        {
            if !(k..verb).any(|j| words.norm(j) == ",") {
                return None;
            }
        }
        // "Obama plans to meet with Abbas, and he will travel to Jordan": a pronoun nearer the
        // verb is its subject, even one no actor was found for
        if !dicts.petrarch_verbs
            && (g.end..verb).any(|j| {
                // ("A refugee, he applied": the pronoun takes up the phrase just before it)
                let resumes = j == g.end + 1 && words.norm(g.end) == ",";
                matches!(words.norm(j), "he" | "she" | "we" | "i")
                    && !resumes
                    && !groups.iter().any(|h| h.start <= j && j < h.end)
            })
        {
            return None;
        }
        let object_of_prep = after_preposition(words, dicts, g.start);
        if object_of_prep {
            continue;
        }
        return Some(gi);
    }
    None
}

/// Does a preposition open the noun phrase that ends in a group starting at `start`: "in Gondor",
/// "with the Gondor", and with a PETRARCH verb file, whose patterns PETRARCH reads off the parse,
/// "in south Gondor" (one lowercase word between)?
fn after_preposition(words: &Words, dicts: &Dictionaries, start: usize) -> bool {
    let prep_at = |k: usize| is_preposition(words.norm(k));
    if start == 0 {
        return false;
    }
    if prep_at(start - 1) {
        return true;
    }
    if start < 2 {
        return false;
    }
    let between = start - 1;
    let w = words.get(between);
    let plain_word = !w.is(Word::PUNCT)
        && !w.is(Word::CAPITALIZED)
        && !w.is(Word::NUMBER)
        && !crate::actors::is_function_word(words.norm(between))
        && dicts.petrarch_verbs
        || words.norm(between) == "the";
    plain_word && prep_at(between - 1)
}

/// Only adverbs, modals, negation and intent words between a subject and its present-tense verb.
pub(super) fn close_to_subject(
    words: &Words,
    dicts: &Dictionaries,
    from: usize,
    verb: usize,
) -> bool {
    // "ever" and "even" do not count: "most certainly really did not even ever clash"
    let counted = (from..verb)
        .filter(|&j| !matches!(words.norm(j), "ever" | "even"))
        .count();
    if counted > 6 {
        return false;
    }
    (from..verb).all(|j| {
        let w = words.norm(j);
        !(w == "that"
            || w == "\""
            || dicts.modifiers.is_report_verb(w)
            || (words.get(j).is(Word::PUNCT) && w != ","))
    })
}
