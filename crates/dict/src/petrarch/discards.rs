//! PETRARCH discard files: one phrase a line; a sentence containing it is not coded, and a phrase
//! written with a leading `+` rules out the whole story.

use super::lines::{content_lines, phrase};
use crate::DictionaryBuilder;

/// Reads a discard file into the builder. Returns the number of phrases added.
pub fn add_petrarch_discards(builder: &mut DictionaryBuilder, _file: &str, text: &str) -> usize {
    let mut n = 0;
    for (_, raw) in content_lines(text) {
        let t = raw.trim();
        let (story, p) = match t.strip_prefix('+') {
            Some(rest) => (true, phrase(rest).0),
            None => (false, phrase(t).0),
        };
        if p.is_empty() {
            continue;
        }
        let index = if story {
            &mut builder.story_discards
        } else {
            &mut builder.discards
        };
        if index.insert(&p, false, ()) {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Words;

    #[test]
    fn sentence_and_story_discards() {
        let mut b = DictionaryBuilder::new();
        add_petrarch_discards(
            &mut b,
            "d.txt",
            "# c\nMONTHS LATER\n+World Golf Championships   # pas\n+ESPN2\n",
        );
        assert!(b
            .discards
            .longest_at(&Words::new("months later"), 0)
            .is_some());
        assert!(b
            .story_discards
            .longest_at(&Words::new("world golf championships"), 0)
            .is_some());
        assert!(b
            .story_discards
            .longest_at(&Words::new("ESPN2"), 0)
            .is_some());
        assert!(b.discards.longest_at(&Words::new("espn2"), 0).is_none());
    }
}
