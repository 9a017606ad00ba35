//! The words around a name that say whether it names a place (`dictionaries/places/words.txt`),
//! and what `dictionaries/countries.txt` says about countries that is not a name: their
//! adjectives ("Syrian town of") and their seats of government ("the White House" is in
//! Washington).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::gazetteer::GazetteerError;

/// The cue words of `dictionaries/places/words.txt`, by kind (see that file's header).
#[derive(Debug, Default)]
pub struct PlaceWords {
    pub locative: HashSet<String>,
    pub motion: HashSet<String>,
    pub place_noun: HashSet<String>,
    pub division: HashSet<String>,
    pub name_after: HashSet<String>,
    pub manner: HashSet<String>,
    /// Two-word phrases ("port of"), lower-case.
    pub name_before: HashSet<String>,
    pub topic: HashSet<String>,
    /// One- or two-word phrases ("president", "prime minister").
    pub role: HashSet<String>,
    pub meeting: HashSet<String>,
    pub place_after: HashSet<String>,
    pub clause: HashSet<String>,
    pub not_place: HashSet<String>,
}

const WORDS: &str = include_str!("../../../dictionaries/places/words.txt");
const WORDS_FILE: &str = "dictionaries/places/words.txt";
const COUNTRIES: &str = include_str!("../../../dictionaries/countries.txt");

impl PlaceWords {
    /// The built-in word lists, read once.
    pub fn builtin() -> &'static PlaceWords {
        static W: OnceLock<PlaceWords> = OnceLock::new();
        W.get_or_init(|| {
            PlaceWords::parse(WORDS, WORDS_FILE)
                .unwrap_or_else(|e| panic!("the built-in place words are broken: {e}"))
        })
    }

    /// Reads a file in the format of `words.txt`; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<PlaceWords, GazetteerError> {
        let mut w = PlaceWords::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| GazetteerError {
                file: origin.to_string(),
                line: n + 1,
                message,
            };
            let Some((kind, list)) = line.split_once('|') else {
                return Err(err("expected `KIND | words`".into()));
            };
            let set = match kind.trim() {
                "locative" => &mut w.locative,
                "motion" => &mut w.motion,
                "place-noun" => &mut w.place_noun,
                "division" => &mut w.division,
                "name-after" => &mut w.name_after,
                "manner" => &mut w.manner,
                "name-before" => &mut w.name_before,
                "topic" => &mut w.topic,
                "role" => &mut w.role,
                "meeting" => &mut w.meeting,
                "place-after" => &mut w.place_after,
                "clause" => &mut w.clause,
                "not-place" => &mut w.not_place,
                other => return Err(err(format!("unknown kind {other:?}"))),
            };
            for word in list.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                set.insert(word.to_lowercase());
            }
        }
        Ok(w)
    }
}

/// What `countries.txt` adds: adjective (lower-case) -> ISO alpha-3 code, and seat of
/// government ("White House") -> ISO alpha-3 code of the country whose capital it is in.
#[derive(Debug, Default)]
pub struct CountryWords {
    pub adjectives: HashMap<String, String>,
    pub seats: Vec<(String, String)>,
}

impl CountryWords {
    pub fn builtin() -> &'static CountryWords {
        static C: OnceLock<CountryWords> = OnceLock::new();
        C.get_or_init(|| CountryWords::parse(COUNTRIES))
    }

    /// Reads columns 1 (code), 4 (adjectives) and 7 (seats of government) of a `countries.txt`;
    /// the dictionary crate checks the file, so a short line is skipped here. An adjective that
    /// two countries share ("Congolese", "U.S." beside "US") keeps the first.
    pub fn parse(text: &str) -> CountryWords {
        let mut c = CountryWords::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            if f.len() < 4 || f[0].len() != 3 {
                continue;
            }
            let list = |s: &str| {
                s.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            };
            for adj in list(f[3]) {
                c.adjectives
                    .entry(adj.to_lowercase())
                    .or_insert_with(|| f[0].to_string());
            }
            for seat in list(f.get(6).copied().unwrap_or("")) {
                c.seats.push((seat, f[0].to_string()));
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load() {
        let w = PlaceWords::builtin();
        assert!(w.locative.contains("near"));
        assert!(w.manner.contains("accent"));
        assert!(w.name_before.contains("port of"));
        let c = CountryWords::builtin();
        assert_eq!(c.adjectives.get("syrian").map(String::as_str), Some("SYR"));
        assert!(c.seats.iter().any(|(s, c)| s == "Kremlin" && c == "RUS"));
    }

    #[test]
    fn a_bad_line_names_the_file_and_line() {
        let e = PlaceWords::parse("locative | in\nplaces | x\n", "w.txt").unwrap_err();
        assert_eq!(e.to_string(), "w.txt:2: unknown kind \"places\"");
    }
}
