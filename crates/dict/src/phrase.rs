//! A [`PhraseIndex`] finds the longest dictionary phrase that starts at a given word of a sentence.
//!
//! Phrases are stored as normalized word sequences (see [`crate::words`]), keyed by their first word.
//! A phrase written in capitals in the dictionary (`US`, `WHO`) only matches capitals in the text, and a
//! phrase written with an initial capital (`China`, `Turkey`) only matches capitalised words, so
//! "us", "who", "turkey dinner" and "china plates" stay unmatched.

use crate::words::{Word, Words};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: a fast hash for short word keys.
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;

/// How a phrase word must look in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    Any,
    Capitalized,
    AllCaps,
    /// A mixed-case acronym ("LeT") matches only a mixed-case word, not "Let" or "LET".
    MixedCaps,
}

#[derive(Debug, Clone)]
struct Entry<T> {
    rest: Box<[Box<str>]>,
    case: Box<[CaseRule]>,
    value: T,
}

/// The phrases that start with one word: one-word phrases, and longer ones by their second word
/// (a large dictionary has hundreds of phrases starting "president ...").
#[derive(Debug, Clone)]
struct Bucket<T> {
    single: Vec<Entry<T>>,
    by_second: FastMap<Box<str>, Vec<Entry<T>>>,
}

impl<T> Default for Bucket<T> {
    fn default() -> Self {
        Bucket {
            single: Vec::new(),
            by_second: FastMap::default(),
        }
    }
}

/// Word-sequence phrases mapped to values of type `T`; one phrase may carry several values.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    by_first: FastMap<Box<str>, Bucket<T>>,
    /// A bit per first-word hash (`hash & 0xffff`): most words start no phrase, and this says so
    /// without a map lookup.
    firsts: Box<[u64]>,
    len: usize,
}

const FIRSTS_BITS: usize = 1 << 16;

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            by_first: FastMap::default(),
            firsts: vec![0u64; FIRSTS_BITS / 64].into_boxed_slice(),
            len: 0,
        }
    }
}

impl<T: Clone + PartialEq> PhraseIndex<T> {
    /// Adds a phrase as written in a dictionary. `case_sensitive` makes capitalisation in the phrase
    /// binding (proper names); common nouns pass false. Returns false for a phrase with no words.
    pub fn insert(&mut self, phrase: &str, case_sensitive: bool, value: T) -> bool {
        let words = Words::new(phrase);
        if words.is_empty() {
            return false;
        }
        let case: Vec<CaseRule> = words
            .iter()
            .map(|w| {
                if !case_sensitive || w.is(Word::PUNCT) {
                    CaseRule::Any
                } else if w.is(Word::MIXED_CAPS) {
                    CaseRule::MixedCaps
                } else if w.is(Word::ALL_CAPS) && w.end - w.start <= 6 {
                    CaseRule::AllCaps
                } else if w.is(Word::CAPITALIZED) {
                    CaseRule::Capitalized
                } else {
                    CaseRule::Any
                }
            })
            .collect();
        let rest: Vec<Box<str>> = (1..words.len()).map(|i| words.norm(i).into()).collect();
        let h = words.get(0).hash as usize & (FIRSTS_BITS - 1);
        self.firsts[h >> 6] |= 1 << (h & 63);
        let bucket = self.by_first.entry(words.norm(0).into()).or_default();
        let list = match rest.first() {
            None => &mut bucket.single,
            Some(second) => bucket.by_second.entry(second.clone()).or_default(),
        };
        if list
            .iter()
            .any(|e| e.value == value && *e.rest == *rest && *e.case == *case)
        {
            return true;
        }
        list.push(Entry {
            rest: rest.into(),
            case: case.into(),
            value,
        });
        // longest first, so the first match found is the longest
        list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        self.len += 1;
        true
    }

    /// The longest phrase starting at word `at`: its length in words and its values.
    pub fn longest_at<'a>(&'a self, words: &Words, at: usize) -> Option<(usize, Vec<&'a T>)> {
        let h = words.get(at).hash as usize & (FIRSTS_BITS - 1);
        if self.firsts[h >> 6] & (1 << (h & 63)) == 0 {
            return None;
        }
        let bucket = self.by_first.get(words.norm(at))?;
        if at + 1 < words.len() {
            if let Some(list) = bucket.by_second.get(words.norm(at + 1)) {
                if let Some(found) = Self::longest_in(list, words, at) {
                    return Some(found);
                }
            }
        }
        Self::longest_in(&bucket.single, words, at)
    }

    fn longest_in<'a>(
        list: &'a [Entry<T>],
        words: &Words,
        at: usize,
    ) -> Option<(usize, Vec<&'a T>)> {
        let mut found: Option<(usize, Vec<&T>)> = None;
        for e in list {
            let n = e.rest.len() + 1;
            if let Some((len, _)) = &found {
                if n < *len {
                    break;
                }
            }
            if at + n > words.len() {
                continue;
            }
            let ok = e
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| words.norm(at + 1 + k) == &**w)
                && e.case
                    .iter()
                    .enumerate()
                    .all(|(k, rule)| case_ok(*rule, words.get(at + k)));
            if ok {
                match &mut found {
                    Some((len, vals)) if *len == n => vals.push(&e.value),
                    _ => found = Some((n, vec![&e.value])),
                }
            }
        }
        found
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every (phrase words, value) pair, for checks and statistics.
    pub fn entries(&self) -> impl Iterator<Item = (String, &T)> {
        self.by_first.iter().flat_map(|(first, bucket)| {
            bucket
                .single
                .iter()
                .chain(bucket.by_second.values().flatten())
                .map(move |e| {
                    let mut s = first.to_string();
                    for w in e.rest.iter() {
                        s.push(' ');
                        s.push_str(w);
                    }
                    (s, &e.value)
                })
        })
    }
}

#[inline]
fn case_ok(rule: CaseRule, w: &Word) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Capitalized => w.is(Word::CAPITALIZED),
        CaseRule::AllCaps => w.is(Word::ALL_CAPS) || w.end - w.start == 1,
        CaseRule::MixedCaps => w.is(Word::MIXED_CAPS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_longest_phrase() {
        let mut idx = PhraseIndex::default();
        idx.insert("North Korea", true, 1);
        idx.insert("North Korea's ruling party", true, 2);
        idx.insert("North", true, 3);
        let w = Words::new("North Korea's ruling party said");
        assert_eq!(idx.longest_at(&w, 0).map(|(n, v)| (n, *v[0])), Some((5, 2)));
        let w = Words::new("North Korea said");
        assert_eq!(idx.longest_at(&w, 0).map(|(n, v)| (n, *v[0])), Some((2, 1)));
    }

    #[test]
    fn capitalisation_binds_proper_names() {
        let mut idx = PhraseIndex::default();
        idx.insert("US", true, 1);
        idx.insert("Turkey", true, 2);
        idx.insert("government", false, 3);
        assert!(idx.longest_at(&Words::new("us"), 0).is_none());
        assert!(idx.longest_at(&Words::new("US"), 0).is_some());
        assert!(idx.longest_at(&Words::new("turkey"), 0).is_none());
        assert!(idx.longest_at(&Words::new("Turkey"), 0).is_some());
        assert!(idx.longest_at(&Words::new("Government"), 0).is_some());
    }

    #[test]
    fn mixed_case_acronyms_match_only_mixed_case() {
        let mut idx = PhraseIndex::default();
        idx.insert("LeT", true, 1);
        assert!(idx.longest_at(&Words::new("LeT"), 0).is_some());
        assert!(idx.longest_at(&Words::new("Let us pray"), 0).is_none());
        assert!(idx.longest_at(&Words::new("let"), 0).is_none());
    }

    #[test]
    fn one_phrase_many_values() {
        let mut idx = PhraseIndex::default();
        idx.insert("Bush", true, 1);
        idx.insert("Bush", true, 2);
        let (n, v) = idx.longest_at(&Words::new("Bush"), 0).unwrap();
        assert_eq!((n, v.len()), (1, 2));
    }
}
