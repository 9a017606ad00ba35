//! Part-of-speech tags for the parts of a sentence the coder needs to check: the words between an
//! act's source and its target, with a few words of context on each side. Tagging whole sentences
//! cost more than all the rest of the coder, and most sentences have no act to check.

use std::cell::RefCell;
use tidings_dict::words::Words;
use tidings_tagger::{Tagger, Upos};

/// Words of context tagged before a span: the tagger reads the two tags before a word, which need
/// context of their own.
const CONTEXT_BEFORE: usize = 3;
/// Words of context after a span: the tagger's features reach two words ahead.
const CONTEXT_AFTER: usize = 2;

thread_local! {
    static TAGS: RefCell<Vec<Upos>> = const { RefCell::new(Vec::new()) };
}

/// Fills `out` (one entry per word of the sentence) with the tags of words `first..=last`; other
/// words get None. The span and its context are tagged as a text of their own, from the
/// sentence's words (no second tokenization).
pub fn tag_span(words: &Words, first: usize, last: usize, out: &mut Vec<Option<Upos>>) {
    out.clear();
    out.resize(words.len(), None);
    if words.is_empty() {
        return;
    }
    let last = last.min(words.len() - 1);
    let from = first.saturating_sub(CONTEXT_BEFORE);
    let to = (last + CONTEXT_AFTER).min(words.len() - 1);
    TAGS.with(|cell| {
        let tags = &mut *cell.borrow_mut();
        Tagger::builtin().tag_range(words, from..to + 1, tags);
        for (i, slot) in out.iter_mut().enumerate().take(last + 1).skip(first) {
            *slot = tags.get(i - from).copied();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_align_with_sentence_words() {
        let s = "In a letter, China attacks Japan and the attacks continued.";
        let w = Words::new(s);
        let mut tags = Vec::new();
        tag_span(&w, 0, w.len() - 1, &mut tags);
        let attacks: Vec<usize> = (0..w.len()).filter(|&i| w.norm(i) == "attacks").collect();
        assert_eq!(tags[attacks[0]], Some(Upos::Verb));
        assert_eq!(tags[attacks[1]], Some(Upos::Noun));
    }
}
