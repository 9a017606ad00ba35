//! Sentence splitting for cleaned news text: one pass over the bytes, decisions only at `.`, `?`,
//! `!`, `…` and line breaks. Whether a mark ends a sentence is decided in `boundaries`, what the
//! word before a period is (title, initialism, initial) in `abbreviations`.

use std::ops::Range;

mod abbreviations;
mod boundaries;

use boundaries::{sentence_end, Boundary};

/// The most words (runs of letters and digits) a sentence may have; a longer run is cut into
/// pieces of this many words. Real sentences in the AllSides corpus (4,546 articles) stay under
/// about 150 words; the few longer runs are country pickers and tables.
pub const MAX_SENTENCE_WORDS: usize = 250;

/// Byte ranges of the sentences of `text`, each trimmed of surrounding whitespace, in order.
///
/// A line break always ends a sentence (so a headline on the first line is sentence 0). Inside a
/// line, a `.`, `?`, `!` or ellipsis ends a sentence unless what surrounds it says otherwise:
/// abbreviations (`Mr.`, `Gen.`, `Oct.`, `e.g.`), initialisms (`U.S.`, which ends a sentence only
/// when a capitalised function word such as `The` or `He` follows), single initials (`John F.
/// Kennedy`), decimals (`3.5`), a lowercase word after the mark (`"Why?" he asked`). Closing quotes
/// and brackets after the mark stay with the sentence (`... he said.”`). Sentences glued together
/// by scraping (`two countries.Xi Jinping said`) are split.
///
/// A run of more than [`MAX_SENTENCE_WORDS`] words (runs of letters and digits) with no sentence
/// end (scraped junk, a table, a transcript without punctuation, a list glued by commas) is cut
/// into pieces of that many words, so that coding time stays linear in the length of the text.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::with_capacity(bytes.len() / 100 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let is_candidate = matches!(b, b'\n' | b'.' | b'?' | b'!')
            || (b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6));
        if !is_candidate {
            i += 1;
            continue;
        }
        if b == b'\n' {
            push_trimmed(text, start..i, &mut sentences);
            start = i + 1;
            i += 1;
            continue;
        }
        match sentence_end(text, start, i) {
            Boundary::After(end) => {
                push_trimmed(text, start..end, &mut sentences);
                start = end;
                i = end;
            }
            Boundary::None(next) => i = next,
        }
    }
    push_trimmed(text, start..bytes.len(), &mut sentences);
    sentences
}

/// Pushes the trimmed sentence in `range`, cut into pieces of at most [`MAX_SENTENCE_WORDS`] words.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    // a word takes at least two bytes with the character after it, so a short range needs no count
    if range.len() <= 2 * MAX_SENTENCE_WORDS {
        return push_piece(text, range, out);
    }
    let mut piece_start = range.start;
    let mut words = 0;
    let mut in_word = false;
    for (offset, c) in text[range.clone()].char_indices() {
        // a word is a run of letters and digits, as the coder's tokens are: a list glued by
        // commas ("China,Japan,Russia") is many words, not one
        let starts_word = c.is_alphanumeric() && !in_word;
        in_word = c.is_alphanumeric();
        if !starts_word {
            continue;
        }
        if words == MAX_SENTENCE_WORDS {
            let at = range.start + offset;
            push_piece(text, piece_start..at, out);
            piece_start = at;
            words = 0;
        }
        words += 1;
    }
    push_piece(text, piece_start..range.end, out);
}

fn push_piece(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed_start = slice.trim_start();
    if trimmed_start.is_empty() {
        return;
    }
    let start = range.start + (slice.len() - trimmed_start.len());
    let end = start + trimmed_start.trim_end().len();
    out.push(start..end);
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn plain_sentences_and_line_breaks() {
        assert_eq!(
            split("Headline without stop\n\nFirst one. Second one? Third!\nFourth"),
            [
                "Headline without stop",
                "First one.",
                "Second one?",
                "Third!",
                "Fourth"
            ]
        );
        assert_eq!(split("  \n\n "), Vec::<&str>::new());
        assert_eq!(split("One.  "), ["One."]);
    }

    #[test]
    fn seed_paragraph() {
        let text = "China President Xi Jinping has congratulated Kim Jong Un on the founding anniversary of North Korea’s ruling party and said that he intends to defend, consolidate and develop ties with Pyongyang and support the socialist cause of the two countries.Xi Jinping said this in a congratulatory letter to the leader of North Korea on the 75th anniversary of the foundation of the ruling Workers’ Party , North Korea state media reported on Saturday.";
        let sentences = split(text);
        assert_eq!(sentences.len(), 2);
        assert!(sentences[0].ends_with("of the two countries."));
        assert!(sentences[1].starts_with("Xi Jinping said this"));
    }

    #[test]
    fn seed_article_after_cleaning() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/seed/xi-kim-letter-2020-10-11.txt");
        let article = tidings_article::read_path(&path, None)
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let cleaned = tidings_article::clean(&article);
        let sentences = split(&cleaned.text);
        assert_eq!(
            sentences[0],
            "Intend to develop, consolidate China-Korea ties: Xi Jinping to Kim Jong Un"
        );
        assert_eq!(
            split_sentences(&cleaned.text)[0].end,
            cleaned.headline_end.unwrap()
        );
        assert!(sentences[1].ends_with("socialist cause of the two countries."));
        assert!(
            sentences[2].starts_with("Xi Jinping said this")
                && sentences[2].ends_with("reported on Saturday.")
        );
        assert!(
            sentences[3].starts_with("“We have an intent") && sentences[3].ends_with("(KCNA).")
        );
        assert!(sentences[4].ends_with("anniversary of the WPK."));
        assert!(
            sentences[5].starts_with("”The WPK with glorious")
                && sentences[5].ends_with("he said.")
        );
        assert!(
            sentences[6].starts_with("According to KCNA")
                && sentences[6].ends_with("valuable with time.")
        );
        assert!(sentences[7].starts_with("Jinping further claimed"));
        assert!(sentences[8].starts_with("“In recent years"));
        assert_eq!(sentences.len(), 9, "{sentences:#?}");
    }

    #[test]
    fn ranges_are_trimmed_and_on_char_boundaries() {
        let text = "  Überraschung! Ça va. \u{a0}Ñandú “quote.”  ";
        for range in split_sentences(text) {
            let s = &text[range];
            assert_eq!(s, s.trim());
        }
        assert_eq!(split(text), ["Überraschung!", "Ça va.", "Ñandú “quote.”"]);
    }

    #[test]
    fn an_unpunctuated_run_is_cut_into_pieces_of_max_words() {
        let word = "Mélenchon ";
        let n = 2 * MAX_SENTENCE_WORDS + 7;
        let text = format!("Headline\n{}Last one.", word.repeat(n));
        let sentences = split(&text);
        assert_eq!(sentences.len(), 4, "headline, two full pieces, the rest");
        assert_eq!(sentences[0], "Headline");
        for piece in &sentences[1..3] {
            assert_eq!(piece.split_whitespace().count(), MAX_SENTENCE_WORDS);
            assert!(piece.starts_with("Mélenchon") && piece.ends_with("Mélenchon"));
        }
        assert_eq!(sentences[3].split_whitespace().count(), 9);
        assert!(sentences[3].ends_with("Last one."));
    }

    #[test]
    fn a_sentence_of_exactly_max_words_is_kept_whole() {
        let text = format!("{}end.", "  word\t".repeat(MAX_SENTENCE_WORDS - 1));
        let sentences = split(&text);
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].split_whitespace().count(), MAX_SENTENCE_WORDS);
    }

    #[test]
    fn a_list_glued_by_commas_is_cut_by_its_words() {
        let text = "China,Japan,".repeat(MAX_SENTENCE_WORDS);
        let sentences = split(&text);
        assert_eq!(sentences.len(), 2, "{} words", 2 * MAX_SENTENCE_WORDS);
        assert!(sentences[0].starts_with("China,") && sentences[0].ends_with("Japan,"));
        assert_eq!(
            sentences[0].matches("China").count(),
            MAX_SENTENCE_WORDS / 2
        );
        assert_eq!(sentences[0].len() + sentences[1].len(), text.len());
    }
}
