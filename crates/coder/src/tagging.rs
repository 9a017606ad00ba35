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
    static WINDOW: RefCell<(Words, Vec<Upos>)> = RefCell::new((Words::default(), Vec::new()));
}

/// Fills `out` (one entry per word of the sentence) with the tags of words `first..=last`; other
/// words get None.
pub fn tag_span(
    sentence: &str,
    words: &Words,
    first: usize,
    last: usize,
    out: &mut Vec<Option<Upos>>,
) {
    out.clear();
    out.resize(words.len(), None);
    if words.is_empty() {
        return;
    }
    let last = last.min(words.len() - 1);
    let from = first.saturating_sub(CONTEXT_BEFORE);
    let to = (last + CONTEXT_AFTER).min(words.len() - 1);
    let (start, end) = (words.get(from).start as usize, words.get(to).end as usize);
    WINDOW.with(|cell| {
        let (window, tags) = &mut *cell.borrow_mut();
        window.fill(&sentence[start..end]);
        Tagger::builtin().tag(window, tags);
        // align window words to sentence words by their start offsets
        let mut k = 0;
        for (i, slot) in out.iter_mut().enumerate().take(last + 1).skip(first) {
            let s = words.get(i).start as usize - start;
            while k < window.len() && (window.get(k).start as usize) < s {
                k += 1;
            }
            if k < window.len() && window.get(k).start as usize == s {
                *slot = tags.get(k).copied();
            }
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
        tag_span(s, &w, 0, w.len() - 1, &mut tags);
        let attacks: Vec<usize> = (0..w.len()).filter(|&i| w.norm(i) == "attacks").collect();
        assert_eq!(tags[attacks[0]], Some(Upos::Verb));
        assert_eq!(tags[attacks[1]], Some(Upos::Noun));
    }
}
