//! [`AltIndex`]: the alternatives of one literal pattern element (a word, a phrase, a synonym set),
//! ready to match against the words of a sentence.

use crate::phrase::FastMap;
use crate::words::Words;

/// The alternatives of one literal element, ready to match: a short list is scanned, a long one
/// (PETRARCH synonym sets run to ~2,000 phrases) is looked up by the word in the text.
#[derive(Debug, Clone)]
pub enum AltIndex {
    /// Up to [`AltIndex::SCAN_MAX`] alternatives, each as its words.
    Few(Vec<Box<[Box<str>]>>),
    /// Alternatives by first word: (position in the list, remaining words), in list order.
    Many(FastMap<Box<str>, Vec<(u32, Box<[Box<str>]>)>>),
}

impl AltIndex {
    const SCAN_MAX: usize = 6;

    pub fn new(alts: &[String]) -> AltIndex {
        let split = |a: &String| a.split(' ').map(Box::from).collect::<Box<[Box<str>]>>();
        if alts.len() <= Self::SCAN_MAX {
            return AltIndex::Few(alts.iter().map(split).collect());
        }
        let mut map: FastMap<Box<str>, Vec<(u32, Box<[Box<str>]>)>> = FastMap::default();
        for (i, a) in alts.iter().enumerate() {
            let parts = split(a);
            map.entry(parts[0].clone())
                .or_default()
                .push((i as u32, parts[1..].into()));
        }
        AltIndex::Many(map)
    }

    /// The number of words of the first alternative (in list order) that matches at word `j`
    /// without reaching `end`.
    #[inline]
    pub fn len_at(&self, words: &Words, j: usize, end: usize) -> Option<usize> {
        let rest_matches = |rest: &[Box<str>]| {
            j + 1 + rest.len() <= end
                && rest
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words.norm(j + 1 + k) == &**p)
        };
        match self {
            AltIndex::Few(alts) => {
                let w = words.norm(j);
                alts.iter()
                    .find(|a| &*a[0] == w && rest_matches(&a[1..]))
                    .map(|a| a.len())
            }
            AltIndex::Many(map) => {
                let list = map.get(words.norm(j))?;
                list.iter()
                    .find(|(_, rest)| rest_matches(rest))
                    .map(|(_, rest)| rest.len() + 1)
            }
        }
    }
}

impl AltIndex {
    /// Like [`AltIndex::len_at`] for alternatives of three or more words, with one extra word
    /// (no punctuation) standing inside the phrase: "new global economic relations" for `{NEW
    /// &TIETYPES RELATIONS}`. PETRARCH reads a pattern's noun phrase off the parse, where an
    /// adjective more does not break it; the coder uses this with PETRARCH verb files only.
    pub fn len_at_with_one_more(&self, words: &Words, j: usize, end: usize) -> Option<usize> {
        let rest_matches = |rest: &[Box<str>]| {
            rest.len() >= 2
                && j + 2 + rest.len() <= end
                && (0..rest.len()).any(|skip| {
                    !words.get(j + 1 + skip).is(crate::words::Word::PUNCT)
                        && rest.iter().enumerate().all(|(k, p)| {
                            let at = j + 1 + k + usize::from(k >= skip);
                            words.norm(at) == &**p
                        })
                })
        };
        match self {
            AltIndex::Few(alts) => {
                let w = words.norm(j);
                alts.iter()
                    .find(|a| &*a[0] == w && rest_matches(&a[1..]))
                    .map(|a| a.len() + 1)
            }
            AltIndex::Many(map) => {
                let list = map.get(words.norm(j))?;
                list.iter()
                    .find(|(_, rest)| rest_matches(rest))
                    .map(|(_, rest)| rest.len() + 2)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_phrase_may_take_one_word_more() {
        let alts: Vec<String> = vec!["new economic relations".into()];
        let idx = AltIndex::new(&alts);
        let w = Words::new("new global economic relations with");
        assert_eq!(idx.len_at(&w, 0, w.len()), None);
        assert_eq!(idx.len_at_with_one_more(&w, 0, w.len()), Some(4));
        let w = Words::new("new global economic trade relations");
        assert_eq!(idx.len_at_with_one_more(&w, 0, w.len()), None);
        let w = Words::new("new , economic relations");
        assert_eq!(idx.len_at_with_one_more(&w, 0, w.len()), None);
    }

    #[test]
    fn alternative_index_keeps_list_order() {
        let alts: Vec<String> = ["a", "b", "cease", "cease fire", "d", "e", "f", "g"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let w = Words::new("cease fire now");
        for idx in [AltIndex::new(&alts), AltIndex::new(&alts[2..4])] {
            assert_eq!(idx.len_at(&w, 0, 3), Some(1));
            assert_eq!(idx.len_at(&w, 1, 3), None);
        }
        let fire_first: Vec<String> = ["x", "y", "z", "q", "r", "s", "cease fire", "cease"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(AltIndex::new(&fire_first).len_at(&w, 0, 3), Some(2));
        assert_eq!(AltIndex::new(&fire_first).len_at(&w, 0, 1), Some(1));
    }
}
