//! The [`VerbDictionary`]: every pattern indexed by lemma, inflected form and anchor word, so that
//! the coder tries only the few patterns a sentence can match. Not the matching itself (that is the
//! coder's).

use super::alternatives::AltIndex;
use super::inflection::IrregularForms;
use super::word_mask::{mask_add, mask_meets, WordMask};
use super::{LemmaId, PatternElement, VerbForm, VerbPattern};
use crate::phrase::FastMap;
use crate::words::Words;

/// All verbs and patterns.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    pub patterns: Vec<VerbPattern>,
    pub lemmas: Vec<String>,
    /// Pattern indices per lemma, most specific first.
    by_lemma: Vec<Vec<u32>>,
    forms: FastMap<String, Vec<(LemmaId, VerbForm)>>,
    /// A bit per form hash (`word_hash & 0xffff`), filled by [`VerbDictionary::build`].
    form_bits: Vec<u64>,
    lemma_ids: FastMap<String, LemmaId>,
    /// Per pattern, one [`WordMask`] per literal element whose alternatives leave most bits clear:
    /// the bits of its alternatives' first words (a mask with nearly every bit set rejects nothing).
    masks: Vec<Vec<WordMask>>,
    /// Per pattern, the [`AltIndex`] of each element, `before` then `after` ([`NO_ALTS`] for slots).
    element_alts: Vec<Box<[u32]>>,
    /// Distinct alternative lists (PETRARCH synonym sets recur across many patterns).
    alt_sets: Vec<AltIndex>,
    /// Per lemma, its patterns by an anchor word: each pattern with literal elements is listed under
    /// the first words of its shortest alternative list, one of which the sentence must contain.
    /// Values are ranks in the lemma's list (most specific first).
    anchored: Vec<FastMap<Box<str>, Vec<u32>>>,
    /// Per lemma, the ranks of patterns without a usable anchor (slots only, or only huge lists).
    unanchored: Vec<Vec<u32>>,
}

/// A lemma with at most this many patterns has them tested one by one rather than through the index.
const SCAN_PATTERNS_MAX: usize = 32;

/// Size of the bit set of verb form hashes.
const FORM_BITS: usize = 1 << 16;

/// Longest alternative list that may anchor a pattern in [`VerbDictionary`]'s word index.
const ANCHOR_MAX: usize = 400;

/// [`VerbDictionary::element_alts`] of a slot (`+`, `$`).
pub const NO_ALTS: u32 = u32::MAX;

impl VerbDictionary {
    /// Builds the index from patterns, inflecting each verb with `irregular`.
    pub fn build(patterns: Vec<VerbPattern>, irregular: &IrregularForms) -> VerbDictionary {
        let mut d = VerbDictionary::default();
        for (i, p) in patterns.iter().enumerate() {
            let id = match d.lemma_ids.get(&p.lemma) {
                Some(id) => *id,
                None => {
                    let id = d.lemmas.len() as LemmaId;
                    d.lemmas.push(p.lemma.clone());
                    d.by_lemma.push(Vec::new());
                    d.lemma_ids.insert(p.lemma.clone(), id);
                    // a form may be two of the lemma's forms ("hit", "overcome": base and
                    // participle); the coder tries them in order
                    for (form, kind) in irregular.inflect(&p.lemma) {
                        let list = d.forms.entry(form).or_default();
                        if !list.iter().any(|&(l, k)| l == id && k == kind) {
                            list.push((id, kind));
                        }
                    }
                    id
                }
            };
            d.by_lemma[id as usize].push(i as u32);
        }
        d.masks = patterns
            .iter()
            .map(|p| {
                p.before
                    .iter()
                    .chain(&p.after)
                    .filter_map(|el| match el {
                        PatternElement::Word(alts) => {
                            let mut m = [0u64; 4];
                            for a in alts {
                                mask_add(&mut m, a.split(' ').next().unwrap_or(a));
                            }
                            let bits: u32 = m.iter().map(|x| x.count_ones()).sum();
                            (bits <= 192).then_some(m)
                        }
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        let mut set_ids: FastMap<&[String], u32> = FastMap::default();
        d.element_alts = patterns
            .iter()
            .map(|p| {
                p.before
                    .iter()
                    .chain(&p.after)
                    .map(|el| match el {
                        PatternElement::Word(alts) => {
                            *set_ids.entry(alts.as_slice()).or_insert_with(|| {
                                d.alt_sets.push(AltIndex::new(alts));
                                (d.alt_sets.len() - 1) as u32
                            })
                        }
                        _ => NO_ALTS,
                    })
                    .collect()
            })
            .collect();
        drop(set_ids);
        d.form_bits = vec![0u64; FORM_BITS / 64];
        for form in d.forms.keys() {
            let h = crate::words::word_hash(form) as usize & (FORM_BITS - 1);
            d.form_bits[h >> 6] |= 1 << (h & 63);
        }
        d.patterns = patterns;
        for list in &mut d.by_lemma {
            let pats = &d.patterns;
            list.sort_by_key(|i| std::cmp::Reverse(pats[*i as usize].specificity()));
        }
        for list in &d.by_lemma {
            let mut anchored: FastMap<Box<str>, Vec<u32>> = FastMap::default();
            let mut unanchored = Vec::new();
            for (rank, &i) in list.iter().enumerate() {
                let p = &d.patterns[i as usize];
                let anchor = p
                    .before
                    .iter()
                    .chain(&p.after)
                    .filter_map(|el| match el {
                        PatternElement::Word(alts) => Some(alts),
                        _ => None,
                    })
                    .min_by_key(|alts| alts.len())
                    .filter(|alts| alts.len() <= ANCHOR_MAX);
                match anchor {
                    Some(alts) => {
                        for a in alts {
                            let first = a.split(' ').next().unwrap_or(a);
                            let ranks = anchored.entry(first.into()).or_default();
                            if ranks.last() != Some(&(rank as u32)) {
                                ranks.push(rank as u32);
                            }
                        }
                    }
                    None => unanchored.push(rank as u32),
                }
            }
            d.anchored.push(anchored);
            d.unanchored.push(unanchored);
        }
        d
    }

    /// The patterns of a lemma that may match in `words` (whose [`WordMask`] is `sentence`), most
    /// specific first, as pattern ids for [`VerbDictionary::candidate`]: each pattern's anchor word
    /// occurs in the sentence and its other literal elements pass the mask. `out` is cleared first.
    pub fn candidates_in(
        &self,
        lemma: LemmaId,
        words: &Words,
        sentence: WordMask,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        let list = &self.by_lemma[lemma as usize];
        if list.len() <= SCAN_PATTERNS_MAX {
            out.extend(list.iter().copied().filter(|i| {
                self.masks[*i as usize]
                    .iter()
                    .all(|m| mask_meets(m, &sentence))
            }));
            return;
        }
        let anchored = &self.anchored[lemma as usize];
        out.extend_from_slice(&self.unanchored[lemma as usize]);
        if !anchored.is_empty() {
            for j in 0..words.len() {
                if let Some(ranks) = anchored.get(words.norm(j)) {
                    out.extend_from_slice(ranks);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out.retain_mut(|r| {
            let i = list[*r as usize];
            *r = i;
            self.masks[i as usize]
                .iter()
                .all(|m| mask_meets(m, &sentence))
        });
    }

    /// A pattern by id, with the [`AltIndex`] id of each element, `before` then `after`
    /// ([`NO_ALTS`] for slots; see [`VerbDictionary::alt_set`]).
    #[inline]
    pub fn candidate(&self, id: u32) -> (&VerbPattern, &[u32]) {
        (&self.patterns[id as usize], &self.element_alts[id as usize])
    }

    /// The lemmas (and forms) word `i` of a sentence can be; a bit test on its hash rules out most
    /// words before the map lookup.
    #[inline]
    pub fn lookup_at(
        &self,
        words: &crate::words::Words,
        i: usize,
    ) -> Option<&[(LemmaId, VerbForm)]> {
        let h = words.get(i).hash as usize & (FORM_BITS - 1);
        if self
            .form_bits
            .get(h >> 6)
            .is_none_or(|b| b & (1 << (h & 63)) == 0)
        {
            return None;
        }
        self.lookup(words.norm(i))
    }

    /// The lemmas (and forms) an inflected word can be.
    #[inline]
    pub fn lookup(&self, word: &str) -> Option<&[(LemmaId, VerbForm)]> {
        self.forms.get(word).map(|v| v.as_slice())
    }

    /// Puts first, among the verbs a word may be a form of, the verb listed under that very
    /// spelling: "left" is then the verb `LEFT` before the past of `LEAVE`.
    pub fn prefer_listed_spellings(&mut self) {
        let lemmas = &self.lemmas;
        for (form, list) in self.forms.iter_mut() {
            list.sort_by_key(|&(l, _)| lemmas[l as usize] != *form);
        }
    }

    /// Patterns of a lemma, most specific first.
    pub fn patterns_of(&self, lemma: LemmaId) -> impl Iterator<Item = &VerbPattern> {
        self.by_lemma[lemma as usize]
            .iter()
            .map(|i| &self.patterns[*i as usize])
    }

    /// An alternative list by the id [`VerbDictionary::candidate`] gives.
    #[inline]
    pub fn alt_set(&self, id: u32) -> &AltIndex {
        &self.alt_sets[id as usize]
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verbs::read_patterns;
    #[test]
    fn irregular_and_patterns() {
        let mut irr = IrregularForms::default();
        let mut errors = Vec::new();
        irr.add_file(
            "verb-forms.txt",
            "meet | meets | met | met | meeting\nbad | line\n",
            &mut errors,
        );
        assert_eq!(errors.len(), 1);
        let pats = read_patterns(
            "verbs.txt",
            "036 | meet with +\n040 | meet +\n999 | meet +\n",
            &|c| c != "999",
            &mut errors,
        );
        assert_eq!(errors.len(), 2);
        let d = VerbDictionary::build(pats, &irr);
        let (lemma, form) = d.lookup("met").unwrap()[0];
        assert_eq!(form, VerbForm::PastOrParticiple);
        let codes: Vec<&str> = d.patterns_of(lemma).map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["036", "040"]);
    }

    #[test]
    fn a_verb_listed_under_its_own_spelling_comes_first() {
        let mut irr = IrregularForms::default();
        let mut errors = Vec::new();
        irr.add_file(
            "verb-forms.txt",
            "leave | leaves | left | left | leaving\n",
            &mut errors,
        );
        let pats = read_patterns(
            "verbs.txt",
            "012 | leave +\n042 | left +\n",
            &|_| true,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let mut d = VerbDictionary::build(pats, &irr);
        let first = |d: &VerbDictionary| d.lemmas[d.lookup("left").unwrap()[0].0 as usize].clone();
        assert_eq!(first(&d), "leave");
        d.prefer_listed_spellings();
        assert_eq!(first(&d), "left");
    }
}
