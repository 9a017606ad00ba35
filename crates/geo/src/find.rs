//! Place mentions in a sentence: the longest capitalised run of words that is a name in the
//! gazetteer, kept when the words around it say it is a place.

use crate::gazetteer::{Gazetteer, Kind};

/// A word of a sentence: byte offsets, without a possessive `'s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// The word ended in `'s` or `’s` ("Kabul's"), left out of `end`.
    pub possessive: bool,
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Cuts text into words: runs of letters and digits, with `.`, `'`, `’` and `-` inside a word
/// ("Sana'a", "Guinea-Bissau", "U.S."); a final period is kept only after a one-letter part
/// ("U.S.", "D.C.").
pub(crate) fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if word_char(c) {
                j += 1;
            } else if matches!(c, '.' | '\'' | '’' | '-')
                && j + 1 < chars.len()
                && word_char(chars[j + 1].1)
            {
                j += 2;
            } else {
                break;
            }
        }
        // "U.S." keeps its last period: the word is single letters joined by periods
        if j < chars.len() && chars[j].1 == '.' {
            let word = &s[start..chars[j].0];
            if word.contains('.') && word.split('.').all(|p| p.chars().count() == 1) {
                j += 1;
            }
        }
        let end = chars.get(j).map_or(s.len(), |c| c.0);
        let word = &s[start..end];
        let possessive = word.len() > 3 && (word.ends_with("'s") || word.ends_with("’s"));
        let end = if possessive {
            end - if word.ends_with("'s") { 2 } else { 4 }
        } else {
            end
        };
        out.push(Tok {
            start,
            end,
            possessive,
        });
        i = j;
    }
    out
}

/// The lookup key of a run of words: lower-cased, joined by single spaces.
pub(crate) fn key_of(s: &str, toks: &[Tok]) -> String {
    let mut key = String::new();
    for (n, t) in toks.iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(&s[t.start..t.end].to_lowercase());
    }
    key
}

/// Small words that may stand lower-case inside a name ("Andorra la Vella", "Republic of Korea").
const PARTICLES: &[&str] = &[
    "of", "de", "al", "el", "la", "le", "and", "the", "an", "am", "der", "del", "do", "da", "du",
    "di", "upon", "on",
];

/// Words before a name that say a place follows ("in Idlib", "near Azaz", "shelled Aleppo").
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "from",
    "to",
    "outside",
    "around",
    "across",
    "into",
    "toward",
    "towards",
    "via",
    "through",
    "inside",
    "throughout",
    "within",
    "nearby",
    "outskirts",
    "between",
    "across",
    "visit",
    "visited",
    "visiting",
    "entered",
    "reached",
    "left",
    "returned",
    "arrived",
    "flew",
    "traveled",
    "travelled",
    "headed",
    "based",
    "struck",
    "attacked",
    "bombed",
    "shelled",
    "captured",
    "seized",
    "hit",
    "besieged",
    "stormed",
    "recaptured",
    "retook",
    "liberated",
    "evacuated",
    "invaded",
    "occupied",
    "fled",
];

/// Nouns that, followed by "of", name a place ("the border town of Azaz").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "capital",
    "region",
    "district",
    "state",
    "port",
    "suburb",
    "suburbs",
    "outskirts",
    "area",
    "governorate",
    "county",
    "streets",
    "centre",
    "center",
    "heart",
    "north",
    "south",
    "east",
    "west",
    "republic",
    "island",
    "islands",
];

/// Capitalised words after a name that make it part of a building's, a street's or an
/// institution's name ("Syria Street", "Kabul University"): a country name is never a street.
const FACILITY: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "square",
    "lane",
    "drive",
    "way",
    "building",
    "tower",
    "towers",
    "hotel",
    "center",
    "centre",
    "mall",
    "hall",
    "stadium",
    "bridge",
    "park",
    "station",
    "university",
    "college",
    "school",
    "hospital",
    "mosque",
    "church",
    "cathedral",
    "market",
    "gate",
    "club",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "daily",
    "news",
    "press",
    "gazette",
    "airlines",
    "airways",
    "bank",
    "fc",
    "united",
];

/// Capitalised words after a city that say it is the place, not part of a name ("Idlib
/// Province", "Kuwait City").
const DIVISION_WORDS: &[&str] = &[
    "province",
    "governorate",
    "region",
    "district",
    "county",
    "state",
    "city",
    "oblast",
    "prefecture",
];

/// Capitalised words that are towns somewhere but in news are continents or common words ("Asia"
/// is no town in the Philippines); months and days ("in March" is no town in Cambridgeshire) are
/// `tidings_text::is_day_or_month_name`'s.
fn not_a_place(name: &str) -> bool {
    NOT_PLACES.contains(&name) || tidings_text::is_day_or_month_name(name)
}

const NOT_PLACES: &[&str] = &[
    "asia",
    "europe",
    "africa",
    "oceania",
    "antarctica",
    "middle east",
    "latin america",
    "south america",
    "north america",
    "central america",
    "new",
    "of",
    "university",
    "police",
    "president",
    "union",
    "victoria",
    "god",
    "church",
];

/// A city this big (or a national capital) stays a place even when a known person has its name.
pub const PERSON_CITY_POPULATION: u64 = 400_000;

/// One run of words in a sentence that names a place, with the places it may be.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte offsets of the name in the sentence (without a possessive `'s`).
    pub start: usize,
    pub end: usize,
    /// Indexes into [`Gazetteer::places`] of the places the name may be.
    pub candidates: Vec<usize>,
    /// A word before it says a place follows ("in", "near", "the town of"), or it opens the
    /// sentence as a dateline ("KABUL, Afghanistan —").
    pub cued: bool,
    /// It opens the sentence as a dateline ("KABUL (AP) —", "Beirut, Lebanon -").
    pub dateline: bool,
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Gazetteer {
    /// The place names in a sentence, longest match first, each kept only when its context allows
    /// a place: a country or US state anywhere but in a building's, street's or institution's name
    /// ("Syria Street", "Georgia Tech"... when the next word is such a noun); a city only after a
    /// word that announces a place ("in", "near", "the border town of"), as a dateline, with a
    /// possessive ("Kabul's"), followed by "Province" or the like, or bare when it is a capital
    /// of 100,000 people or more. A name right after a capitalised word is part of a longer name
    /// ("Barack Obama", "Andrew Jackson") and is no place.
    pub fn find_mentions(&self, sentence: &str) -> Vec<Mention> {
        self.find_mentions_except(sentence, &|_| false)
    }

    /// [`Gazetteer::find_mentions`], where a name that only cities have and for which
    /// `person(lower-cased name)` is true is no place, unless it is the sentence's dateline or one
    /// of the cities is a national capital or has [`PERSON_CITY_POPULATION`] people or more: the
    /// coder passes the words of the people its dictionaries know ("Obama", "Rubio", "Abbas" are
    /// towns too; "Riyadh" is a first name, but the capital wins).
    pub fn find_mentions_except(
        &self,
        sentence: &str,
        person: &dyn Fn(&str) -> bool,
    ) -> Vec<Mention> {
        let toks = tokens(sentence);
        let words: Vec<&str> = toks.iter().map(|t| &sentence[t.start..t.end]).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !capitalised(words[i]) {
                i += 1;
                continue;
            }
            let mut found = None;
            let longest = self.max_words.min(toks.len() - i);
            for n in (1..=longest).rev() {
                // a possessive ends a name: "Kabul's Green Zone" is Kabul
                if toks[i..i + n - 1].iter().any(|t| t.possessive) {
                    continue;
                }
                let inner_ok = (i..i + n)
                    .all(|k| capitalised(words[k]) || PARTICLES.contains(&lower[k].as_str()));
                if !inner_ok || !capitalised(words[i + n - 1]) {
                    continue;
                }
                let key = lower[i..i + n].join(" ");
                let c = self.lookup(&key);
                if !c.is_empty() {
                    found = Some((n, c.to_vec()));
                    break;
                }
            }
            let Some((n, candidates)) = found else {
                i += 1;
                continue;
            };
            let last = i + n - 1;
            let next = words.get(last + 1).copied();
            let next_lower = lower.get(last + 1).map(String::as_str);
            let possessive = toks[last].possessive;
            // the character right after the name (a comma, a bracket or a dash makes a dateline)
            let after = sentence[toks[last].end..].trim_start_matches(['\'', '’', 's']);
            let after = after.trim_start();
            // a dateline: "KABUL, Afghanistan —", "Beirut (AP) -", "Atlanta, Georgia —"; a
            // capitalised first word followed by a comma is no dateline ("Obama, in a speech, ...")
            let dash_or_bracket = |t: &str| t.starts_with(['(', '—', '-', '–']);
            let all_caps = sentence[toks[i].start..toks[last].end]
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && toks[last].end - toks[i].start > 1;
            let region_follows = || {
                after.starts_with(',')
                    && (1..=3).any(|n| {
                        let (a, b) = (last + 1, last + n);
                        b < toks.len()
                            && self
                                .lookup(&lower[a..=b].join(" "))
                                .iter()
                                .any(|&c| self.place(c).kind != Kind::City)
                            && dash_or_bracket(sentence[toks[b].end..].trim_start())
                    })
            };
            let dateline = i == 0
                && (dash_or_bracket(after)
                    || (all_caps && after.starts_with(','))
                    || region_follows());
            let facility = !possessive
                && next.is_some_and(capitalised)
                && next_lower.is_some_and(|w| FACILITY.contains(&w));
            let division_word = !possessive
                && next.is_some_and(capitalised)
                && next_lower.is_some_and(|w| DIVISION_WORDS.contains(&w));
            let prev = i.checked_sub(1).map(|k| lower[k].as_str());
            let prev2 = i.checked_sub(2).map(|k| lower[k].as_str());
            let cue = prev.is_some_and(|w| LOCATIVE.contains(&w))
                || (prev == Some("of") && prev2.is_some_and(|w| PLACE_NOUNS.contains(&w)))
                || prev == Some("and") && out.last().is_some_and(|m: &Mention| m.cued)
                || dateline;
            // part of a longer name: "Barack Obama", "Voice of America"; the first word of a
            // sentence is capitalised anyway
            let after_name = i > 0 && {
                let k = if prev == Some("of") && i >= 2 {
                    i - 2
                } else {
                    i - 1
                };
                k > 0
                    && capitalised(words[k])
                    && !LOCATIVE.contains(&lower[k].as_str())
                    && !PLACE_NOUNS.contains(&lower[k].as_str())
                    && !sentence[toks[k].end..toks[k + 1].start].contains([',', '(', ')', '"'])
            };
            let city_only = candidates.iter().all(|&c| self.place(c).kind == Kind::City);
            let keep = if facility || after_name {
                false
            } else if city_only
                && (not_a_place(&lower[i..=last].join(" ")) || (all_caps && !dateline))
            {
                // "UN" is no town in India: a city in capitals is a dateline or nothing
                false
            } else if city_only
                && !dateline
                && person(&lower[i..=last].join(" "))
                && !candidates.iter().any(|&c| {
                    self.is_capital(c) || self.place(c).population >= PERSON_CITY_POPULATION
                })
            {
                false
            } else if city_only {
                let next_capital_word = !possessive && next.is_some_and(capitalised);
                let big_capital = candidates
                    .iter()
                    .any(|&c| self.is_capital(c) && self.place(c).population >= 100_000);
                (cue || possessive || division_word || big_capital)
                    && (!next_capital_word || division_word || dateline)
            } else {
                true
            };
            if keep {
                out.push(Mention {
                    start: toks[i].start,
                    end: toks[last].end,
                    candidates,
                    cued: cue || possessive || division_word,
                    dateline,
                });
            }
            i += n;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_drop_possessives() {
        assert_eq!(
            words("The U.S. struck Kabul's airport in Sana'a."),
            ["The", "U.S.", "struck", "Kabul", "airport", "in", "Sana'a"]
        );
        assert_eq!(
            words("Guinea-Bissau, D.C. and U.K.-based"),
            ["Guinea-Bissau", "D.C.", "and", "U.K.", "based"]
        );
    }
}
