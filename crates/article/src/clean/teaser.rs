//! Teasers: a paragraph cut off with an ellipsis whose words the following paragraphs repeat
//! (the site's summary of the lead, scraped along with the lead itself).

use std::collections::HashSet;

/// Share of the teaser's content words that must reappear in the next paragraphs.
const MIN_REPEATED_SHARE: f64 = 0.7;
/// Fewer content words than this and the overlap says nothing.
const MIN_CONTENT_WORDS: usize = 6;

/// Whether `paragraph` is a teaser of `following` (the next one or two kept paragraphs).
pub fn is_teaser(paragraph: &str, following: &[&str]) -> bool {
    let trimmed = paragraph.trim_end_matches(['"', '”', '’', '\'', ' ']);
    if !(trimmed.ends_with("...") || trimmed.ends_with('…')) || following.is_empty() {
        return false;
    }
    let teaser_words = content_words(paragraph);
    if teaser_words.len() < MIN_CONTENT_WORDS {
        return false;
    }
    let following_words: HashSet<String> =
        following.iter().flat_map(|p| content_words(p)).collect();
    let repeated = teaser_words
        .iter()
        .filter(|w| following_words.contains(*w))
        .count();
    repeated as f64 >= MIN_REPEATED_SHARE * teaser_words.len() as f64
}

/// Lowercase words of three or more letters that are not function words.
fn content_words(text: &str) -> HashSet<String> {
    const STOP: [&str; 24] = [
        "the", "and", "for", "that", "with", "this", "from", "was", "were", "are", "has", "have",
        "had", "his", "her", "its", "their", "but", "not", "who", "which", "will", "said", "also",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "China President Xi Jinping has congratulated Kim Jong Un on the founding anniversary of North Korea’s ruling party and said that he intends to defend, consolidate and develop ties with Pyongyang.";

    #[test]
    fn teaser_repeating_the_lead() {
        let teaser = "Chinese President Xi Jinping said he intends to develop ties with Pyongyang, North Korean ...";
        assert!(is_teaser(teaser, &[LEAD]));
    }

    #[test]
    fn ellipsis_without_repetition_is_kept() {
        let other = "Officials in Seoul were cautious about the gesture, saying the talks ...";
        assert!(!is_teaser(other, &[LEAD]));
        // Repeats the lead but is a full sentence: not a teaser.
        let full = "Chinese President Xi Jinping said he intends to develop ties with Pyongyang.";
        assert!(!is_teaser(full, &[LEAD]));
        // Too short to judge.
        assert!(!is_teaser("And Xi...", &[LEAD]));
    }
}
