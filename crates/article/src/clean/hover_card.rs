//! Inline link cards: some sites (The Hill) put a card after a person's name with the name again,
//! glued to headlines of other stories, ending in `MORE`:
//! `... Joe Biden Joe BidenGOP senators balk at lengthy impeachment trial ... MORE and his son ...`.

/// Longest card text that is cut.
const MAX_CARD_BYTES: usize = 800;
/// How far before a surname its earlier mention may be.
const SURNAME_WINDOW: usize = 120;

/// `paragraph` without its link cards, and the removed card texts.
pub fn strip_hover_cards(paragraph: &str) -> (String, Vec<String>) {
    let mut kept = String::new();
    let mut cards = Vec::new();
    let bytes = paragraph.as_bytes();
    let mut done = 0; // everything before this offset is settled
    let mut search = 0;
    let mut starts = CardStarts::default();
    while let Some(found) = paragraph[search..].find(" MORE") {
        let more_end = search + found + 5;
        search = more_end;
        if bytes.get(more_end).is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        let Some(card_start) = starts.before(paragraph, done, search - 5) else {
            continue;
        };
        if more_end - card_start > MAX_CARD_BYTES {
            continue;
        }
        kept.push_str(&paragraph[done..card_start]);
        cards.push(paragraph[card_start..more_end].trim().to_string());
        done = more_end;
    }
    kept.push_str(&paragraph[done..]);
    (kept, cards)
}

/// Where the card that ends at a `MORE` starts, remembering how far the text after the settled
/// offset has been searched, so that a paragraph with many `MORE`s and no card is read once, not
/// once per `MORE`.
#[derive(Default)]
struct CardStarts {
    /// The settled offset the search below began at.
    from: usize,
    /// Every position in `from..searched` was tried.
    searched: usize,
    /// The first position in that range where a card may start, with the card's start.
    found: Option<usize>,
}

impl CardStarts {
    /// The start of the card that ends at `more_at`: right after the earlier mention of the surname
    /// that the card repeats glued to a headline (`Biden` in `Joe Biden Joe BidenGOP ...`), at the
    /// first position after `from` where one is found.
    fn before(&mut self, text: &str, from: usize, more_at: usize) -> Option<usize> {
        // `searched` is 0 only before the first search
        if from != self.from || self.searched == 0 {
            *self = CardStarts {
                from,
                searched: from.max(1),
                found: None,
            };
        }
        while self.found.is_none() && self.searched < more_at {
            self.found = card_start_at(text, from, self.searched);
            self.searched += 1;
        }
        self.found
    }
}

/// The card start when position `p` is where a surname glues onto a headline (`BidenGOP`).
fn card_start_at(text: &str, from: usize, p: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !(bytes[p].is_ascii_uppercase() && bytes[p - 1].is_ascii_lowercase()) {
        return None;
    }
    // a surname longer than the window cannot be found in it: look no further back for its start
    let mut look_back = p.saturating_sub(SURNAME_WINDOW + 1);
    while !text.is_char_boundary(look_back) {
        look_back -= 1;
    }
    let word_start = match text[look_back..p].rfind([' ', '(']) {
        Some(s) => look_back + s + 1,
        None if look_back == 0 => 0,
        None => return None,
    };
    // A word that began before the settled offset (glued to the end of the card just cut,
    // `MORE.xBar`) has no earlier mention after that offset to be found.
    if word_start < from {
        return None;
    }
    let surname = &text[word_start..p];
    if surname.len() < 3 || !surname.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    // The same surname as a whole word shortly before the card.
    let mut window_start = word_start.saturating_sub(SURNAME_WINDOW).max(from);
    while !text.is_char_boundary(window_start) {
        window_start += 1;
    }
    let window = &text[window_start..word_start];
    let mut best = None;
    for (offset, _) in window.match_indices(surname) {
        let at = window_start + offset;
        let end = at + surname.len();
        let whole =
            (at == 0 || !bytes[at - 1].is_ascii_alphabetic()) && !bytes[end].is_ascii_alphabetic();
        if whole {
            best = Some(end);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_cut_and_sentence_rejoined() {
        let text = "Trump pushed Zelensky to investigate former Vice President Joe Biden Joe BidenGOP senators balk at lengthy impeachment trial 2020 Democrats make play for veterans' votes MORE and his son Hunter.";
        let (kept, cards) = strip_hover_cards(text);
        assert_eq!(kept, "Trump pushed Zelensky to investigate former Vice President Joe Biden and his son Hunter.");
        assert_eq!(cards.len(), 1);
        assert!(cards[0].starts_with("Joe BidenGOP senators"));

        let text = "said Sen. Pat Roberts Charles (Pat) Patrick RobertsPoll: Majority of voters want GOP to retain control MORE (R-Kan.), the chairman.";
        assert_eq!(
            strip_hover_cards(text).0,
            "said Sen. Pat Roberts (R-Kan.), the chairman."
        );
    }

    /// Found by `tidings-fuzz clean` (seed 6032 with the allsides seeds): a capital glued to a word
    /// that began before the end of the card just cut (`MORE.xBar`) made the surname's window
    /// start after the surname and the slice panic (`begin > end`).
    #[test]
    fn a_glued_word_that_starts_inside_the_previous_card() {
        let text = "said Joe Biden Joe BidenGOP senators balk MORE.xBar and more text MORE after";
        let (kept, cards) = strip_hover_cards(text);
        assert_eq!(kept, "said Joe Biden.xBar and more text MORE after");
        assert_eq!(cards, vec!["Joe BidenGOP senators balk MORE".to_string()]);
    }

    #[test]
    fn multibyte_text_before_the_card() {
        let text = format!(
            "“{}” said Sen. John Cornyn John CornynKoch network could target races MORE (R-Texas).",
            "é".repeat(70)
        );
        let (kept, cards) = strip_hover_cards(&text);
        assert!(kept.ends_with("said Sen. John Cornyn (R-Texas)."), "{kept}");
        assert_eq!(cards.len(), 1);
    }

    #[test]
    fn ordinary_text_untouched() {
        for text in [
            "WANT MORE of this? Rep. Howard McKeon said MORE troops were needed.",
            "NO MORE WAR, the crowd chanted.",
        ] {
            let (kept, cards) = strip_hover_cards(text);
            assert_eq!(kept, text);
            assert!(cards.is_empty());
        }
    }

    #[test]
    fn many_mores_without_a_card_are_read_once() {
        // each `MORE` used to search the whole paragraph before it again: quadratic, minutes here
        let text = "Donald John TrumpTrump faces high stakes in meeting MORE ".repeat(20_000);
        let (kept, cards) = strip_hover_cards(&text);
        assert_eq!(kept, text);
        assert!(cards.is_empty());
        let spaceless = format!("{} MORE", "aB".repeat(100_000));
        assert_eq!(strip_hover_cards(&spaceless).0, spaceless);
    }

    #[test]
    fn a_card_after_many_mores_without_one_is_still_cut() {
        let text = format!(
            "{}said Sen. John Cornyn John CornynKoch network could target races MORE (R-Texas).",
            "WANT MORE of this? ".repeat(1000)
        );
        let (kept, cards) = strip_hover_cards(&text);
        assert!(kept.ends_with("said Sen. John Cornyn (R-Texas)."), "{kept}");
        assert_eq!(cards.len(), 1);
    }
}
