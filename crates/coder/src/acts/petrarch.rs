//! PETRARCH's matching habits, followed with PETRARCH verb files only: a pattern word may be the head
//! of a long object, a weekday after the verb stands outside the pattern, and words before the verb
//! come from its own phrase. tidings' own matching is in `matching`.

use super::{ADVERB_LIKE, BE_FORMS, MODALS, OBJECT_BREAKERS, TARGET_WINDOW, WORD_WINDOW};
use tidings_dict::words::{Word, Words};
use tidings_dict::Dictionaries;

/// How far a pattern word right after the verb may stand, with PETRARCH verb files: PETRARCH
/// matches it against the object noun phrase however many modifiers stand before its head ("launched
/// a new bombing and shelling offensive" is `* OFFENSIVE`). The phrase ends at punctuation, a
/// preposition or a word that opens a clause; at least [`WORD_WINDOW`] words are searched.
pub(super) fn object_head_limit(words: &Words, pos: usize, end: usize) -> usize {
    if end <= pos + WORD_WINDOW {
        return end;
    }
    let phrase_end = (pos..end.min(pos + TARGET_WINDOW))
        .find(|&j| {
            let w = words.norm(j);
            words.get(j).is(Word::PUNCT)
                || crate::actors::is_preposition(w)
                || OBJECT_BREAKERS.contains(&w)
        })
        .unwrap_or(end.min(pos + TARGET_WINDOW));
    phrase_end.max(pos + WORD_WINDOW).min(end)
}

/// The index after a weekday ("Thursday", "on Thursday") standing at `pos`, else `pos` (no month
/// name ends in "day").
pub(super) fn after_weekday(words: &Words, pos: usize, end: usize) -> usize {
    let at = pos + usize::from(pos < end && words.norm(pos) == "on");
    if at < end
        && words.norm(at).ends_with("day")
        && tidings_text::is_day_or_month_name(words.norm(at))
    {
        at + 1
    } else {
        pos
    }
}

/// PETRARCH matches a pattern's words before the verb in the verb's own phrase (its auxiliaries)
/// and in its subject ("death toll has risen"), not in an adverb between them ("Gollum recently
/// allowed" is no `RECENTLY *`) nor in the verb of another clause ("indicated it deplored" is no
/// `INDICATED *`).
pub(super) fn outside_verb_phrase(words: &Words, dicts: &Dictionaries, j: usize) -> bool {
    let w = words.norm(j);
    let auxiliary = BE_FORMS.contains(&w)
        || MODALS.contains(&w)
        || matches!(w, "has" | "have" | "had" | "having");
    !auxiliary && (w.ends_with("ly") || ADVERB_LIKE.contains(&w) || dicts.verbs.lookup(w).is_some())
}
