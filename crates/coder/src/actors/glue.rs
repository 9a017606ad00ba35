//! The words allowed between the pieces of one actor phrase: between a country and its agent
//! ("Syria's government forces") and between an agent and its country ("president of China").

use super::function_words::is_function_word;
use tidings_dict::words::{Word, Words};

/// Words that make a rank of a title, capitalised or not: "Chinese Vice Premier", "Iran's Deputy
/// Foreign Minister", "U.S. Acting Secretary".
const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "acting",
    "first",
    "assistant",
    "under",
    "senior",
    "top",
    "chief",
    "interim",
];

/// Words allowed between a country and its agent: "'s", "the", and up to two plain lowercase words
/// ("Chinese state-run media", "Syrian government forces").
pub(super) fn glue_ok(words: &Words, from: usize, to: usize, allow_plain: bool) -> bool {
    if to < from || to - from > 3 {
        return false;
    }
    (from..to).all(|i| {
        let w = words.get(i);
        let n = words.norm(i);
        n == "'s"
            || allow_plain && TITLE_MODIFIERS.contains(&n) && to - from <= 2
            || (allow_plain
                && !w.is(Word::PUNCT)
                && !w.is(Word::CAPITALIZED)
                && !is_function_word(n)
                && to - from <= 2)
    })
}

/// "'s first Deputy": a possessive and one or two words of a title, capitalised or not, between a
/// country and its agent ("Dagolath's first Deputy Prime Minister"). PETRARCH reads the whole noun
/// phrase, so its sets take these; the built-in dictionaries keep to [`glue_ok`].
pub(super) fn possessive_title_glue(words: &Words, from: usize, to: usize) -> bool {
    to > from + 1
        && to - from <= 3
        && words.norm(from) == "'s"
        && (from + 1..to).all(|i| !words.get(i).is(Word::PUNCT) && !is_function_word(words.norm(i)))
}

/// "of", "in", "of the", "from": between an agent and its country.
pub(super) fn of_glue(words: &Words, from: usize, to: usize) -> bool {
    matches!(to.checked_sub(from), Some(1) | Some(2))
        && matches!(words.norm(from), "of" | "in" | "from")
        && (to - from == 1 || words.norm(from + 1) == "the")
}
