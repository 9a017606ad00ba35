//! Inline link cards: some sites (The Hill) put a card after a person's name with the name again,
//! glued to headlines of other stories, ending in `MORE`:
//! `... Joe Biden Joe BidenGOP senators balk at lengthy impeachment trial ... MORE and his son ...`.

/// Longest card text that is cut.
const MAX_CARD_BYTES: usize = 800;

/// `paragraph` without its link cards, and the removed card texts.
pub fn strip_hover_cards(paragraph: &str) -> (String, Vec<String>) {
    let mut kept = String::new();
    let mut cards = Vec::new();
    let bytes = paragraph.as_bytes();
    let mut done = 0; // everything before this offset is settled
    let mut search = 0;
    while let Some(found) = paragraph[search..].find(" MORE") {
        let more_end = search + found + 5;
        search = more_end;
        if bytes.get(more_end).is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        let Some(card_start) = card_start(paragraph, done, search - 5) else {
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

/// Where the card that ends at `more_at` starts: right after the earlier mention of the surname
/// that the card repeats glued to a headline (`Biden` in `Joe Biden Joe BidenGOP ...`).
fn card_start(text: &str, from: usize, more_at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    for p in from.max(1)..more_at {
        if !(bytes[p].is_ascii_uppercase() && bytes[p - 1].is_ascii_lowercase()) {
            continue;
        }
        let word_start = text[..p].rfind([' ', '(']).map_or(0, |s| s + 1);
        let surname = &text[word_start..p];
        if surname.len() < 3 || !surname.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        // The same surname as a whole word shortly before the card.
        let mut window_start = word_start.saturating_sub(120).max(from);
        while !text.is_char_boundary(window_start) {
            window_start += 1;
        }
        let window = &text[window_start..word_start];
        let mut best = None;
        for (offset, _) in window.match_indices(surname) {
            let at = window_start + offset;
            let end = at + surname.len();
            let whole = (at == 0 || !bytes[at - 1].is_ascii_alphabetic())
                && !bytes[end].is_ascii_alphabetic();
            if whole {
                best = Some(end);
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
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
}
