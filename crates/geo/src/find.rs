//! Place mentions in a sentence: the longest capitalised run of words that is a name in the
//! gazetteer, kept when the words around it say it is a place.

use crate::gazetteer::{Gazetteer, Kind};
use crate::words::{CountryWords, PlaceWords};

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

/// Words skipped between a cue and a name ("in the Oval Office").
const DETERMINERS: &[&str] = &["the", "a", "an"];

/// Capitalised words that are towns somewhere but in news are continents or common words
/// (`not-place` in `dictionaries/places/words.txt`); months and days ("in March" is no town in
/// Cambridgeshire) are `tidings_text::is_day_or_month_name`'s.
fn not_a_place(words: &PlaceWords, name: &str) -> bool {
    words.not_place.contains(name) || tidings_text::is_day_or_month_name(name)
}

/// A city this big (or a national capital) stays a place even when a known person has its name.
pub const PERSON_CITY_POPULATION: u64 = 400_000;

/// What the words around a name say about it as the place where something happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    /// Named bare ("Iran denied", "talks with China"), or as what it is a part of.
    Bare,
    /// After a noun whose place it is, not the act's ("the war in Afghanistan", "the government
    /// in Kiev"): what the act is about.
    Topic,
    /// A possessive ("Moscow's decision", "Kabul's Green Zone"): most often the actor's words.
    Possessive,
    /// A word announces a place: a preposition or verb ("in Idlib", "shelled Aleppo", "a trip to
    /// Tokyo"), "the town of", a division word after it ("Idlib Province"), a country's
    /// adjective before a place noun ("the Syrian town of"), or a country's possessive before a
    /// city ("Syria's Latakia").
    Announced,
    /// It opens the sentence as a dateline ("KABUL, Afghanistan —").
    Dateline,
}

impl Cue {
    /// A word or the dateline says this is where something happened.
    pub fn announced(self) -> bool {
        matches!(self, Cue::Announced | Cue::Dateline)
    }
}

/// One run of words in a sentence that names a place, with the places it may be.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte offsets of the name in the sentence (without a possessive `'s`).
    pub start: usize,
    pub end: usize,
    /// Indexes into [`Gazetteer::places`] of the places the name may be.
    pub candidates: Vec<usize>,
    /// What the words around it say.
    pub cue: Cue,
    /// It opens the sentence as a dateline ("KABUL (AP) —", "Beirut, Lebanon -").
    pub dateline: bool,
    /// A gathering named just before it ("a summit in Buenos Aires": `summit`), when announced.
    pub meeting: Option<String>,
}

/// A sentence's place mentions and the gatherings it names ("the summit", "talks").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    pub mentions: Vec<Mention>,
    /// The `meeting` words of `words.txt` the sentence has, lower-case, in order.
    pub meetings: Vec<String>,
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The words of a sentence, lower-cased, with the context a name's cues are read from.
struct Sentence<'s> {
    text: &'s str,
    toks: Vec<Tok>,
    words: Vec<&'s str>,
    lower: Vec<String>,
}

impl Sentence<'_> {
    /// The index of the word before word `i`, skipping "the", "a", "an".
    fn before(&self, i: usize) -> Option<usize> {
        let mut k = i.checked_sub(1)?;
        if DETERMINERS.contains(&self.lower[k].as_str()) {
            k = k.checked_sub(1)?;
        }
        Some(k)
    }

    fn lower_at(&self, k: Option<usize>) -> Option<&str> {
        k.map(|k| self.lower[k].as_str())
    }

    /// What the words before the name at `i..=last` say about it (not its dateline).
    fn cue_before(&self, gaz: &Gazetteer, w: &PlaceWords, i: usize) -> Cue {
        let p = self.before(i);
        let prev = self.lower_at(p);
        let Some(p) = p else { return Cue::Bare };
        let prev2 = self.lower_at(p.checked_sub(1));
        let topic_before = prev2.is_some_and(|t| w.topic.contains(t));
        if matches!(prev, Some("to" | "from")) {
            // "a trip to Tokyo", "flew to Seoul", "returned from Kabul"; "sold arms to Saudi
            // Arabia" and "concessions from Pyongyang" name no place
            let motion = (p.saturating_sub(4)..p).any(|k| w.motion.contains(&self.lower[k]));
            return if motion { Cue::Announced } else { Cue::Bare };
        }
        if prev.is_some_and(|t| w.locative.contains(t)) {
            return if topic_before && matches!(prev, Some("in" | "at" | "inside")) {
                Cue::Topic
            } else {
                Cue::Announced
            };
        }
        if prev == Some("of") && prev2.is_some_and(|t| w.place_noun.contains(t)) {
            return Cue::Announced;
        }
        // "Syria's Latakia airbase": a country's possessive before a city
        let k = i - 1;
        if self.toks[k].possessive
            && gaz
                .lookup(&self.lower[k])
                .iter()
                .any(|&c| gaz.place(c).kind == Kind::Country)
        {
            return Cue::Announced;
        }
        Cue::Bare
    }

    /// The name at `i` follows "<role> of" ("the president of France", "the leaders of
    /// Britain"): the actor's words, no place.
    fn after_role(&self, w: &PlaceWords, i: usize) -> bool {
        let Some(p) = self.before(i) else {
            return false;
        };
        if self.lower[p] != "of" || p == 0 {
            return false;
        }
        let one = &self.lower[p - 1];
        let two = (p >= 2).then(|| format!("{} {one}", self.lower[p - 2]));
        w.role.contains(one) || two.is_some_and(|t| w.role.contains(&t))
    }

    /// The name at `i` follows a capitalised "<noun> of" that makes it an organisation's name
    /// ("the Port of Cleveland", "the Bank of England").
    fn after_organisation(&self, w: &PlaceWords, i: usize) -> bool {
        i >= 2
            && self.lower[i - 1] == "of"
            && capitalised(self.words[i - 2])
            && w.name_before.contains(&format!("{} of", self.lower[i - 2]))
    }

    /// A `meeting` word within the six words before word `i` ("summit in Buenos Aires").
    fn meeting_before(&self, w: &PlaceWords, i: usize) -> Option<String> {
        (i.saturating_sub(6)..i)
            .rev()
            .find(|&k| w.meeting.contains(&self.lower[k]))
            .map(|k| self.lower[k].clone())
    }
}

impl Gazetteer {
    /// The place names in a sentence, longest match first, each kept only when its context allows
    /// a place: a country or division anywhere but in a building's, street's or institution's
    /// name ("Syria Street", "USA TODAY"), a manner ("a London accent") or after a role ("the
    /// president of France"); a city only with a cue ([`Cue`]: "in", "near", "the border town
    /// of", a possessive, "Province" after it, a dateline) or bare when it is a capital of
    /// 100,000 people or more. A name right after a capitalised word is part of a longer name
    /// ("Barack Obama", "Andrew Jackson") and is no place. A country's adjective before a place
    /// noun ("the Syrian town of", "the Turkish border") is a mention of the country.
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
        self.scan(sentence, person).mentions
    }

    /// The mentions of [`Gazetteer::find_mentions_except`] and the gatherings the sentence names.
    pub fn scan(&self, sentence: &str, person: &dyn Fn(&str) -> bool) -> Scan {
        let w = PlaceWords::builtin();
        let toks = tokens(sentence);
        let words: Vec<&str> = toks.iter().map(|t| &sentence[t.start..t.end]).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let s = Sentence {
            text: sentence,
            toks,
            words,
            lower,
        };
        let mut out = Scan {
            meetings: s
                .lower
                .iter()
                .filter(|l| w.meeting.contains(*l))
                .cloned()
                .collect(),
            ..Scan::default()
        };
        let mut i = 0;
        let mut role_end: Option<usize> = None;
        while i < s.toks.len() {
            if !capitalised(s.words[i]) {
                i += 1;
                continue;
            }
            // "the leaders of Britain and France": the second name is the actors' too
            let listed = i >= 2
                && matches!(s.lower[i - 1].as_str(), "and" | "or")
                && role_end == Some(i - 2);
            match self.mention_at(&s, w, i, person, &out.mentions) {
                Some((n, m)) => {
                    role_end = None;
                    match m {
                        Some(m) if listed => role_end = Some(i + n - 1).filter(|_| m.start > 0),
                        Some(m) => out.mentions.push(m),
                        None if s.after_role(w, i) => role_end = Some(i + n - 1),
                        None => {}
                    }
                    i += n;
                }
                None => {
                    if let Some(m) = self.adjective_at(&s, w, i) {
                        out.mentions.push(m);
                    }
                    i += 1;
                }
            }
        }
        out
    }

    /// The longest name at word `i`: its number of words and, when its context allows a place,
    /// the mention; none when no name starts there.
    fn mention_at(
        &self,
        s: &Sentence,
        w: &PlaceWords,
        i: usize,
        person: &dyn Fn(&str) -> bool,
        before: &[Mention],
    ) -> Option<(usize, Option<Mention>)> {
        let (toks, words, lower, sentence) = (&s.toks, &s.words, &s.lower, s.text);
        let mut found = None;
        let longest = self.max_words.min(toks.len() - i);
        for n in (1..=longest).rev() {
            // a possessive ends a name: "Kabul's Green Zone" is Kabul
            if toks[i..i + n - 1].iter().any(|t| t.possessive) {
                continue;
            }
            let inner_ok =
                (i..i + n).all(|k| capitalised(words[k]) || PARTICLES.contains(&lower[k].as_str()));
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
        let (mut n, mut candidates) = found?;
        // "Idlib province", "Aleppo Governorate": the division when the gazetteer has it
        if let Some(next) = lower.get(i + n) {
            if w.division.contains(next) && !toks[i + n - 1].possessive {
                let c = self.lookup(&format!("{} {next}", lower[i..i + n].join(" ")));
                if !c.is_empty() {
                    candidates = c.to_vec();
                    n += 1;
                }
            }
        }
        let last = i + n - 1;
        let name = lower[i..=last].join(" ");
        // the next word, when only spaces part it from the name ("Las Vegas, Trump" has none)
        let next = words.get(last + 1).copied().filter(|_| {
            sentence[toks[last].end..toks[last + 1].start]
                .trim()
                .is_empty()
        });
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
            && (dash_or_bracket(after) || (all_caps && after.starts_with(',')) || region_follows());
        let facility = !possessive
            && next.is_some_and(capitalised)
            && next_lower.is_some_and(|w2| w.name_after.contains(w2));
        let manner = !possessive && next_lower.is_some_and(|w2| w.manner.contains(w2));
        let division_word = !possessive
            && next.is_some_and(capitalised)
            && next_lower.is_some_and(|w2| w.division.contains(w2));
        let mut cue = if dateline {
            Cue::Dateline
        } else if division_word {
            Cue::Announced
        } else {
            s.cue_before(self, w, i)
        };
        if cue == Cue::Bare
            && s.lower_at(s.before(i)) == Some("and")
            && before.last().is_some_and(|m| m.cue == Cue::Announced)
        {
            cue = Cue::Announced;
        }
        if possessive && cue == Cue::Bare {
            cue = Cue::Possessive;
        }
        // part of a longer name: "Barack Obama", "Voice of America"; the first word of a
        // sentence is capitalised anyway; "Syria's Latakia" is two names
        let prev = s.lower_at(i.checked_sub(1));
        let after_name = i > 0 && {
            let k = if prev == Some("of") && i >= 2 {
                i - 2
            } else {
                i - 1
            };
            k > 0
                && capitalised(words[k])
                && (!toks[k].possessive || cue != Cue::Announced)
                && !w.locative.contains(&lower[k])
                && !w.place_noun.contains(&lower[k])
                && !sentence[toks[k].end..toks[k + 1].start].contains([',', '(', ')', '"'])
        };
        let city_only = candidates.iter().all(|&c| self.place(c).kind == Kind::City);
        let keep =
            if facility || manner || after_name || s.after_role(w, i) || s.after_organisation(w, i)
            {
                false
            } else if city_only && (not_a_place(w, &name) || (all_caps && !dateline)) {
                // "UN" is no town in India: a city in capitals is a dateline or nothing
                false
            } else if city_only
                && !dateline
                && person(&name)
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
                (cue != Cue::Bare || big_capital)
                    && (!next_capital_word || division_word || dateline)
            } else {
                true
            };
        let meeting = if cue == Cue::Announced && matches!(prev, Some("in" | "at")) {
            s.meeting_before(w, i)
        } else {
            None
        };
        let mention = keep.then(|| Mention {
            start: toks[i].start,
            end: toks[last].end,
            candidates,
            cue,
            dateline,
            meeting,
        });
        Some((n, mention))
    }

    /// A country's adjective before a place noun ("the Syrian town of", "the Turkish border",
    /// "North Korean territory"): a mention of that country, announced.
    fn adjective_at(&self, s: &Sentence, w: &PlaceWords, i: usize) -> Option<Mention> {
        let adjectives = &CountryWords::builtin().adjectives;
        (1..=2).rev().find_map(|n| {
            let last = i + n - 1;
            let noun = s.lower.get(last + 1)?;
            if !w.place_after.contains(noun) || !capitalised(s.words[last]) {
                return None;
            }
            let iso3 = adjectives.get(&s.lower[i..=last].join(" "))?;
            let place = self.country_place(iso3)?;
            Some(Mention {
                start: s.toks[i].start,
                end: s.toks[last].end,
                candidates: vec![place],
                cue: Cue::Announced,
                dateline: false,
                meeting: None,
            })
        })
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
