//! The [`VerbDictionary`]: verbs, their inflected forms, and the [`VerbPattern`]s that map a verb and
//! the words around it to a CAMEO event code.
//!
//! Patterns are written `CODE | verb word word + ...` (see `dictionaries/README.md`). Each inflected
//! form of a verb ("praised") leads to its lemma ("praise") and the [`VerbForm`] it has, and the
//! lemma to its patterns, most specific first.

use crate::conditions::{split_conditions, ActorCondition};
use crate::format::{records, DictError};
use crate::phrase::FastMap;
use crate::words::Words;

/// The grammatical form of an inflected verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    ThirdPerson,
    Past,
    PastParticiple,
    /// Regular verbs share one form for past and past participle ("praised").
    PastOrParticiple,
    Gerund,
}

impl VerbForm {
    /// Can this form follow "was"/"been" in a passive?
    pub fn can_be_participle(self) -> bool {
        matches!(self, VerbForm::PastParticiple | VerbForm::PastOrParticiple)
    }
}

/// One element of a pattern after (or before) the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternElement {
    /// A literal word, with alternatives (`wishes|congratulations`). An alternative may be several
    /// words separated by spaces: hyphenated words are split by the tokenizer (`cease-fire` is
    /// `cease fire`).
    Word(Vec<String>),
    /// The target slot `+`.
    Target,
    /// The source slot `$`.
    Source,
    /// PETRARCH's `^`: the pattern passes over one word, or over the actor standing there
    /// ("celebrated Iftar in Osgiliath with Gondor" for `* IFTAR (IN ^) +`).
    Skip,
}

/// A verb pattern: a lemma, the elements around it, and the code it yields.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbPattern {
    pub code: String,
    /// Code of the paired event from the target back to the source (PETRARCH's `[code:paired]`:
    /// "A met B" is also B meeting A), if the pattern has one.
    pub paired_code: Option<String>,
    /// The subject slot is PETRARCH's `%`: the act is among the members of a compound subject
    /// ("Gondor and Osgiliath agree": each agrees with the other).
    pub compound: bool,
    pub lemma: String,
    /// Elements before the verb, in text order (empty in tidings' own format).
    pub before: Vec<PatternElement>,
    pub after: Vec<PatternElement>,
    /// What the pattern asks of its source and target (`{official, abroad}`), see
    /// [`crate::conditions`].
    pub conditions: Vec<ActorCondition>,
    /// The pattern as written, for `--explain`.
    pub text: String,
    /// `file:line`.
    pub origin: String,
}

impl VerbPattern {
    /// How specific the pattern is: literal words count most; slots a little.
    pub fn specificity(&self) -> usize {
        self.before
            .iter()
            .chain(&self.after)
            .map(|e| {
                if matches!(e, PatternElement::Word(_)) {
                    4
                } else {
                    1
                }
            })
            .sum()
    }

    /// Parses the `verb word + ...` part of a pattern line.
    pub fn parse(code: &str, pattern: &str, origin: &str) -> Result<VerbPattern, String> {
        let mut tokens = pattern.split_whitespace();
        let verb = tokens.next().ok_or("empty pattern")?;
        if !verb
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return Err(format!(
                "a pattern starts with a verb; `{verb}` is not a word"
            ));
        }
        let mut after = Vec::new();
        for t in tokens {
            match t {
                "+" => after.push(PatternElement::Target),
                "$" => after.push(PatternElement::Source),
                _ => {
                    let alts: Vec<String> = t
                        .split('|')
                        .filter(|a| !a.is_empty())
                        .map(|a| Words::new(a).joined())
                        .collect();
                    if alts.is_empty() || alts.iter().any(|a| a.is_empty()) {
                        return Err(format!("`{t}` is not a word or `a|b` alternatives"));
                    }
                    after.push(PatternElement::Word(alts));
                }
            }
        }
        Ok(VerbPattern {
            code: code.to_string(),
            paired_code: None,
            compound: false,
            lemma: Words::new(verb).joined(),
            before: Vec::new(),
            after,
            conditions: Vec::new(),
            text: pattern.to_string(),
            origin: origin.to_string(),
        })
    }
}

/// Index of a lemma in [`VerbDictionary::lemmas`].
pub type LemmaId = u32;

/// Irregular verb forms: `base | third person | past | past participle | present participle`; a
/// field may list variants separated by `;` (`cancelled; canceled`).
#[derive(Debug, Clone, Default)]
pub struct IrregularForms {
    forms: FastMap<String, [Vec<String>; 4]>,
}

impl IrregularForms {
    pub fn add_file(&mut self, file: &str, text: &str, errors: &mut Vec<DictError>) {
        for (line, f) in records(text) {
            let lists: Vec<Vec<String>> = f
                .iter()
                .map(|x| crate::format::list(x).map(str::to_lowercase).collect())
                .collect();
            if f.len() != 5
                || lists
                    .iter()
                    .any(|l| l.is_empty() || l.iter().any(|w| w.contains(' ')))
            {
                errors.push(DictError { file: file.into(), line, reason: "expected `base | third person | past | past participle | present participle`, one word (or `;` variants) each".into() });
                continue;
            }
            self.add(
                &lists[0][0],
                [
                    lists[1].clone(),
                    lists[2].clone(),
                    lists[3].clone(),
                    lists[4].clone(),
                ],
            );
        }
    }

    /// Adds the forms of one verb: third person, past, past participle, present participle.
    pub fn add(&mut self, base: &str, forms: [Vec<String>; 4]) {
        self.forms.insert(base.to_lowercase(), forms);
    }

    /// What an irregular past or participle is ("risen": a past participle; "left": either), when
    /// the word is not a base form itself.
    pub fn inflected_form(&self, word: &str) -> Option<VerbForm> {
        if self.forms.contains_key(word) {
            return None;
        }
        self.forms.values().find_map(|[_, past, part, _]| {
            let (is_past, is_part) = (
                past.iter().any(|p| p == word),
                part.iter().any(|p| p == word),
            );
            match (is_past, is_part) {
                (true, true) => Some(VerbForm::PastOrParticiple),
                (true, false) => Some(VerbForm::Past),
                (false, true) => Some(VerbForm::PastParticiple),
                _ => None,
            }
        })
    }

    /// All forms of a verb: irregular if listed, else by the regular rules. A verb written in an
    /// irregular inflected form (PETRARCH's `RISEN`, `LEFT`) is that form, and its regular inflections.
    pub fn inflect(&self, base: &str) -> Vec<(String, VerbForm)> {
        if let Some(kind) = self.inflected_form(base) {
            // "found", "fell": also a base of its own
            let mut v = vec![(base.to_string(), kind)];
            v.extend(regular_forms(base).into_iter().skip(1));
            return v;
        }
        if let Some([third, past, part, ger]) = self.forms.get(base) {
            let mut v = vec![(base.to_string(), VerbForm::Base)];
            v.extend(third.iter().map(|w| (w.clone(), VerbForm::ThirdPerson)));
            v.extend(ger.iter().map(|w| (w.clone(), VerbForm::Gerund)));
            for p in past {
                let kind = if part.contains(p) {
                    VerbForm::PastOrParticiple
                } else {
                    VerbForm::Past
                };
                v.push((p.clone(), kind));
            }
            for p in part {
                if !past.contains(p) {
                    v.push((p.clone(), VerbForm::PastParticiple));
                }
            }
            return v;
        }
        if let Some(v) = self.compound_forms(base) {
            return v;
        }
        regular_forms(base)
    }

    /// A verb made of a particle and an irregular verb inflects as that verb does: "overcome" ->
    /// "overcame", "overcome"; "become", "undergo", "withstand", "outrun", "rebuild". After "re" the
    /// verb must have four letters or more ("relay" is not "re" + "lay").
    fn compound_forms(&self, base: &str) -> Option<Vec<(String, VerbForm)>> {
        const PARTICLES: &[&str] = &[
            "over", "under", "out", "with", "fore", "mis", "up", "be", "re", "un",
        ];
        let (particle, rest) = PARTICLES.iter().find_map(|p| {
            let rest = base.strip_prefix(p)?;
            let long_enough = rest.len() >= if *p == "re" { 4 } else { 2 };
            (long_enough && self.forms.contains_key(rest)).then_some((*p, rest))
        })?;
        Some(
            self.inflect(rest)
                .into_iter()
                .map(|(w, kind)| (format!("{particle}{w}"), kind))
                .collect(),
        )
    }
}

/// Regular inflection: +s/+es, +ed/+d, +ing with final-e dropping, y -> ies/ied after a consonant.
pub fn regular_forms(base: &str) -> Vec<(String, VerbForm)> {
    let b = base;
    let consonant_y = b.len() > 1
        && b.ends_with('y')
        && !matches!(b.as_bytes()[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u');
    let third = if b.ends_with('s')
        || b.ends_with('x')
        || b.ends_with('z')
        || b.ends_with("ch")
        || b.ends_with("sh")
        || b.ends_with('o')
    {
        format!("{b}es")
    } else if consonant_y {
        format!("{}ies", &b[..b.len() - 1])
    } else {
        format!("{b}s")
    };
    let past = if b.ends_with('e') {
        format!("{b}d")
    } else if consonant_y {
        format!("{}ied", &b[..b.len() - 1])
    } else {
        format!("{b}ed")
    };
    let gerund = if b.ends_with("ie") {
        format!("{}ying", &b[..b.len() - 2])
    } else if b.ends_with('e')
        && !b.ends_with("ee")
        && !b.ends_with("ye")
        && !b.ends_with("oe")
        && b.len() > 2
    {
        format!("{}ing", &b[..b.len() - 1])
    } else {
        format!("{b}ing")
    };
    vec![
        (b.to_string(), VerbForm::Base),
        (third, VerbForm::ThirdPerson),
        (past, VerbForm::PastOrParticiple),
        (gerund, VerbForm::Gerund),
    ]
}

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

/// A 256-bit set of word hashes: a quick, inexact test that some words occur in a sentence.
pub type WordMask = [u64; 4];

/// Sets the bit of `word` in `mask`.
#[inline]
pub fn mask_add(mask: &mut WordMask, word: &str) {
    mask_add_hash(mask, crate::words::word_hash(word));
}

/// Sets the bit of a word whose [`crate::words::word_hash`] is `hash`.
#[inline]
pub fn mask_add_hash(mask: &mut WordMask, hash: u32) {
    let bit = (hash >> 24) as usize; // top byte: 0..=255
    mask[bit >> 6] |= 1 << (bit & 63);
}

#[inline]
fn mask_meets(a: &WordMask, b: &WordMask) -> bool {
    (a[0] & b[0]) | (a[1] & b[1]) | (a[2] & b[2]) | (a[3] & b[3]) != 0
}

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

/// Reads a `verbs.txt` file into patterns: `CODE | pattern`, optionally ending in `{conditions}`.
pub fn read_patterns(
    file: &str,
    text: &str,
    known_code: &dyn Fn(&str) -> bool,
    errors: &mut Vec<DictError>,
) -> Vec<VerbPattern> {
    let mut out = Vec::new();
    for (line, f) in records(text) {
        let err = |reason: String| DictError {
            file: file.into(),
            line,
            reason,
        };
        if f.len() < 2 {
            errors.push(err("expected `CODE | pattern`".into()));
            continue;
        }
        // `a|b` alternatives inside the pattern were split as fields: join them back
        let pattern = f[1..].join("|");
        if !known_code(f[0]) {
            errors.push(err(format!(
                "`{}` is not a CAMEO event code in cameo-codes.txt",
                f[0]
            )));
            continue;
        }
        let (pattern, conditions) = match split_conditions(&pattern, known_code) {
            Ok(split) => split,
            Err(e) => {
                errors.push(err(e));
                continue;
            }
        };
        match VerbPattern::parse(f[0], pattern, &format!("{file}:{line}")) {
            Ok(p) => out.push(VerbPattern { conditions, ..p }),
            Err(e) => errors.push(err(e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_written_in_an_irregular_inflected_form_is_that_form() {
        let mut irr = IrregularForms::default();
        let forms = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        irr.add(
            "rise",
            [
                forms(&["rises"]),
                forms(&["rose"]),
                forms(&["risen"]),
                forms(&["rising"]),
            ],
        );
        irr.add(
            "leave",
            [
                forms(&["leaves"]),
                forms(&["left"]),
                forms(&["left"]),
                forms(&["leaving"]),
            ],
        );
        assert_eq!(irr.inflected_form("risen"), Some(VerbForm::PastParticiple));
        assert_eq!(irr.inflected_form("left"), Some(VerbForm::PastOrParticiple));
        assert_eq!(irr.inflected_form("rise"), None);
        assert_eq!(
            irr.inflect("risen")[0],
            ("risen".to_string(), VerbForm::PastParticiple)
        );
    }

    #[test]
    fn a_particle_and_an_irregular_verb_inflect_as_the_verb() {
        let mut irr = IrregularForms::default();
        let forms = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        irr.add(
            "come",
            [
                forms(&["comes"]),
                forms(&["came"]),
                forms(&["come"]),
                forms(&["coming"]),
            ],
        );
        irr.add(
            "lay",
            [
                forms(&["lays"]),
                forms(&["laid"]),
                forms(&["laid"]),
                forms(&["laying"]),
            ],
        );
        let overcome = irr.inflect("overcome");
        assert!(overcome.contains(&("overcame".into(), VerbForm::Past)));
        assert!(overcome.contains(&("overcome".into(), VerbForm::PastParticiple)));
        assert!(irr
            .inflect("become")
            .contains(&("became".into(), VerbForm::Past)));
        // "relay" is regular; "welcome" has no particle
        assert!(irr
            .inflect("relay")
            .contains(&("relayed".into(), VerbForm::PastOrParticiple)));
        assert!(irr
            .inflect("welcome")
            .contains(&("welcomed".into(), VerbForm::PastOrParticiple)));
    }

    #[test]
    fn regular_inflection() {
        let forms: Vec<String> = regular_forms("praise").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, ["praise", "praises", "praised", "praising"]);
        let forms: Vec<String> = regular_forms("deny").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, ["deny", "denies", "denied", "denying"]);
        let forms: Vec<String> = regular_forms("attack").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, ["attack", "attacks", "attacked", "attacking"]);
    }

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

    #[test]
    fn parses_alternatives() {
        let p = VerbPattern::parse("051", "extend wishes|congratulations to +", "x:1").unwrap();
        assert_eq!(
            p.after[0],
            PatternElement::Word(vec!["wishes".into(), "congratulations".into()])
        );
        assert_eq!(p.after[2], PatternElement::Target);
        assert!(VerbPattern::parse("051", "+ praise", "x:1").is_err());
    }
}
