//! People's names beyond the dictionaries: the parts of a name usable as a short reference ("Kim"),
//! and capitalised names nobody knows, after which a "he" or "she" is no remembered person.

use super::function_words::is_function_word;
use super::pieces::Match;
use tidings_dict::words::{Word, Words};

const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "da", "del", "der", "van", "von", "la", "le", "du", "dos",
    "das", "jr", "sr", "abu", "abd", "mr", "ms", "mrs",
];

/// Does a name the dictionaries do not know stand before word `pos` ("applauded Speaker John
/// Bercow as he ridiculed ...")? Two or more capitalised words that no match covers, outside a
/// Title-case headline; a "he" or "she" after one most likely refers to that person.
pub(super) fn unknown_name_before(words: &Words, matches: &[Match], pos: usize) -> bool {
    let content = words.iter().filter(|w| !w.is(Word::PUNCT)).count();
    let capitalised = words.iter().filter(|w| w.is(Word::CAPITALIZED)).count();
    if content >= 4 && capitalised * 10 >= content * 7 {
        return false;
    }
    let covered = |k: usize| matches.iter().any(|m| m.start <= k && k < m.end);
    let mut run = 0;
    for k in 0..pos.min(words.len()) {
        let w = words.get(k);
        if w.is(Word::CAPITALIZED)
            && !w.is(Word::PUNCT)
            && !is_function_word(words.norm(k))
            && !covered(k)
        {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// A capitalised word no dictionary phrase covers, right before a verb of saying, between `from`
/// and `to`: a speaker the dictionaries do not know ("Burr said").
pub(super) fn unknown_speaker_between(
    words: &Words,
    matches: &[Match],
    from: usize,
    to: usize,
) -> bool {
    let covered = |k: usize| matches.iter().any(|m| m.start <= k && k < m.end);
    (from + 1..to.min(words.len())).any(|k| {
        matches!(
            words.norm(k),
            "said" | "says" | "told" | "added" | "wrote" | "tweeted"
        ) && words.get(k - 1).is(Word::CAPITALIZED)
            && !words.get(k - 1).is(Word::PUNCT)
            && !is_function_word(words.norm(k - 1))
            && !is_calendar_word(words.norm(k - 1))
            && !covered(k - 1)
    })
}

/// Weekdays, months, "today" and "yesterday": "Trump on Monday said" names a day, not a speaker.
fn is_calendar_word(w: &str) -> bool {
    tidings_text::is_day_or_month_name(w) || matches!(w, "today" | "yesterday")
}

/// The sentence opens with a name the dictionaries and the article do not know ("Nickolay Mladenov
/// told the council ..."): two or more capitalised words that start no dictionary phrase, followed by
/// a lowercase word, so Title-case headlines never qualify. Read off the matches
/// [`raw_matches`](super::pieces::raw_matches) found, so no dictionary lookup is repeated.
pub(super) fn opens_with_unknown_name(words: &Words, matches: &[Match]) -> bool {
    let k = (0..words.len().min(5))
        .take_while(|&k| {
            let w = words.get(k);
            w.is(Word::CAPITALIZED) && !w.is(Word::PUNCT) && !is_function_word(words.norm(k))
        })
        .count();
    k >= 2
        && k < words.len()
        && !words.get(k).is(Word::CAPITALIZED)
        && !words.get(k).is(Word::PUNCT)
        && !matches.iter().any(|m| m.start < k)
}

/// Parts of a person's names usable as short references ("Kim", "Jinping").
pub fn name_parts(name: &str) -> Vec<String> {
    let w = Words::new(name);
    (0..w.len())
        .map(|i| w.norm(i).to_string())
        .filter(|p| {
            p.chars().count() >= 3
                && !NAME_PARTICLES.contains(&p.as_str())
                && p.chars().all(char::is_alphabetic)
        })
        .collect()
}
