//! The weight table: a compact file format, an open-addressing hash table for lookups, and the
//! greedy left-to-right tagger over it.
//!
//! File layout (little-endian): magic `TIDTAG01`, then `u32` class count, feature count `n`, entry
//! count `e`; `n` feature keys (`u32`), `n` entry counts (`u8`), `e` class indices (`u8`), `e`
//! weights (`i16`). Each feature's entries follow the previous feature's. Then the tag dictionary:
//! `u32` count `d`, `d` word keys (`u32`), `d` classes (`u8`).

use crate::features::{self, WordParts, DYNAMIC, STATIC};
use crate::tags::{Tag, Upos};
use std::cell::RefCell;
use std::sync::OnceLock;
use tidings_dict::words::Words;

pub(crate) const MAGIC: &[u8; 8] = b"TIDTAG02";
const CLASSES: usize = Tag::COUNT;
const CLASSES_POW2: usize = 32;
const OVERFLOW: u32 = 0xffff_0000;

/// A trained tagger: looks up feature weights and tags words greedily left to right.
#[derive(Debug)]
pub struct Tagger {
    /// Slot: feature key (0: empty), then up to three entries inline (class in the high 16 bits,
    /// `i16` weight in the low 16; unused ones are class 0 weight 0), or, for a feature with more,
    /// `OVERFLOW | count` and the start of its entries in `overflow`.
    slots: Vec<[u32; 4]>,
    mask: usize,
    overflow: Vec<u32>,
    features: usize,
    /// Tag dictionary: word key in the high 32 bits, class + 1 in the low; 0 is empty.
    dictionary: Vec<u64>,
    dictionary_mask: usize,
}

/// Reusable per-thread buffers for tagging.
#[derive(Default)]
struct Scratch {
    parts: Vec<WordParts>,
    scores: Vec<[i32; CLASSES_POW2]>,
    /// Class from the tag dictionary, or `u8::MAX`.
    fixed: Vec<u8>,
    tags: Vec<Tag>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

static BUILTIN: OnceLock<Tagger> = OnceLock::new();
static BUILTIN_BYTES: &[u8] = include_bytes!("../model/ewt-upos.bin");

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "tagger model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

impl Tagger {
    /// The model trained on UD English EWT that ships with the crate, loaded on first use.
    pub fn builtin() -> &'static Tagger {
        BUILTIN.get_or_init(|| {
            Tagger::from_bytes(BUILTIN_BYTES).expect("the built-in tagger model is well formed")
        })
    }

    /// Reads a model file's bytes (see the module docs for the layout).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let err = |m: &str| ModelError(m.to_string());
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(err("not a tidings tagger model (bad magic)"));
        }
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let (classes, n, e) = (u32_at(8), u32_at(12), u32_at(16));
        if classes != CLASSES {
            return Err(ModelError(format!(
                "model has {classes} classes, this build expects {CLASSES}"
            )));
        }
        let keys_at = 20;
        let counts_at = keys_at + 4 * n;
        let classes_at = counts_at + n;
        let weights_at = classes_at + e;
        let dict_at = weights_at + 2 * e;
        if bytes.len() < dict_at + 4 {
            return Err(ModelError(format!(
                "length {} too short for {n} features and {e} entries",
                bytes.len()
            )));
        }
        let d = u32_at(dict_at);
        if bytes.len() != dict_at + 4 + 5 * d {
            return Err(ModelError(format!(
                "length {} does not match {n} features, {e} entries, {d} dictionary words",
                bytes.len()
            )));
        }
        if e >= 1 << 24 {
            return Err(err("too many entries"));
        }
        // at most half full: a key that is not there (most of them) ends its probe within a
        // slot or two, in the cache line that was prefetched
        let size = (n * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = Vec::with_capacity(size);
        crate::memory::advise_huge_pages(slots.spare_capacity_mut());
        slots.resize(size, [0u32; 4]);
        let mut overflow = Vec::new();
        let mut start = 0usize;
        let mut entries: Vec<u32> = Vec::with_capacity(CLASSES);
        for f in 0..n {
            let key = u32_at(keys_at + 4 * f) as u32;
            let count = bytes[counts_at + f] as usize;
            if key == 0 || start + count > e {
                return Err(ModelError(format!("feature {f} is malformed")));
            }
            entries.clear();
            for j in start..start + count {
                let class = bytes[classes_at + j] as u32;
                if class as usize >= CLASSES {
                    return Err(ModelError(format!("entry {j} names class {class}")));
                }
                let w =
                    i16::from_le_bytes([bytes[weights_at + 2 * j], bytes[weights_at + 2 * j + 1]]);
                entries.push(class << 16 | (w as u16 as u32));
            }
            let mut s = key as usize & mask;
            while slots[s][0] != 0 {
                if slots[s][0] == key {
                    return Err(ModelError(format!("feature key {key:#x} appears twice")));
                }
                s = (s + 1) & mask;
            }
            let slot = &mut slots[s];
            slot[0] = key;
            if count <= 3 {
                slot[1..1 + count].copy_from_slice(&entries);
            } else {
                slot[1] = OVERFLOW | count as u32;
                slot[2] = overflow.len() as u32;
                overflow.extend_from_slice(&entries);
            }
            start += count;
        }
        let dictionary_size = (d * 2).next_power_of_two().max(16);
        let dictionary_mask = dictionary_size - 1;
        let mut dictionary = vec![0u64; dictionary_size];
        for j in 0..d {
            let key = u32_at(dict_at + 4 + 4 * j) as u32;
            let class = bytes[dict_at + 4 + 4 * d + j];
            if key == 0 || class as usize >= CLASSES {
                return Err(ModelError(format!("dictionary word {j} is malformed")));
            }
            let mut s = key as usize & dictionary_mask;
            while dictionary[s] != 0 {
                s = (s + 1) & dictionary_mask;
            }
            dictionary[s] = (key as u64) << 32 | (class as u64 + 1);
        }
        Ok(Tagger {
            slots,
            mask,
            overflow,
            features: n,
            dictionary,
            dictionary_mask,
        })
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    /// Number of words in the tag dictionary.
    pub fn dictionary_len(&self) -> usize {
        self.dictionary.iter().filter(|s| **s != 0).count()
    }

    #[inline]
    fn lookup_fixed(&self, key: u32) -> u8 {
        let mut s = key as usize & self.dictionary_mask;
        loop {
            let slot = self.dictionary[s];
            if slot == 0 {
                return u8::MAX;
            }
            if (slot >> 32) as u32 == key {
                return (slot as u8).wrapping_sub(1);
            }
            s = (s + 1) & self.dictionary_mask;
        }
    }

    /// Asks the processor to start loading the home slot of `key`, so that the lookups of a
    /// word's keys overlap their memory latency.
    #[inline]
    fn prefetch(&self, key: u32) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = self.slots.as_ptr().wrapping_add(key as usize & self.mask);
            // SAFETY: prefetching is a hint with no effect on memory; `p` is within `slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0)
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    #[inline]
    fn add(&self, key: u32, scores: &mut [i32; CLASSES_POW2]) {
        let mut s = key as usize & self.mask;
        loop {
            let slot = &self.slots[s];
            if slot[0] == 0 {
                return;
            }
            if slot[0] == key {
                if slot[1] & OVERFLOW == OVERFLOW {
                    let count = (slot[1] & 0xffff) as usize;
                    let start = slot[2] as usize;
                    for &e in &self.overflow[start..start + count] {
                        scores[(e >> 16) as usize] += (e as u16 as i16) as i32;
                    }
                } else {
                    for &e in &slot[1..4] {
                        scores[(e >> 16) as usize & (CLASSES_POW2 - 1)] += (e as u16 as i16) as i32;
                    }
                }
                return;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Tags `words` with UPOS tags, one per word, into `out` (cleared first).
    pub fn tag(&self, words: &Words, out: &mut Vec<Upos>) {
        out.clear();
        self.run(words, 0..words.len(), |t| out.push(t.upos()));
    }

    /// Tags the words `range` of `words` as if they were a text of their own (the same tags as
    /// tagging `Words::new` of their text), one per word of the range, into `out`.
    pub fn tag_range(&self, words: &Words, range: std::ops::Range<usize>, out: &mut Vec<Upos>) {
        out.clear();
        self.run(words, range, |t| out.push(t.upos()));
    }

    /// Tags `words` with the model's classes (UPOS, with the Penn verb form for VERB and AUX).
    pub fn tag_detailed(&self, words: &Words, out: &mut Vec<Tag>) {
        out.clear();
        self.run(words, 0..words.len(), |t| out.push(t));
    }

    fn run(&self, words: &Words, range: std::ops::Range<usize>, mut emit: impl FnMut(Tag)) {
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            features::word_parts_in(words, range, &mut scratch.parts);
            let parts = &scratch.parts;
            let n = parts.len();
            scratch.scores.clear();
            scratch.fixed.clear();
            let mut keys = [0u32; STATIC];
            for i in 0..n {
                let mut scores = [0i32; CLASSES_POW2];
                let fixed = self.lookup_fixed(features::dictionary_key(parts, i));
                scratch.fixed.push(fixed);
                if fixed != u8::MAX {
                    scratch.scores.push(scores);
                    continue;
                }
                features::static_keys(parts, i, &mut keys);
                for &k in &keys {
                    self.prefetch(k);
                }
                for &k in &keys {
                    self.add(k, &mut scores);
                }
                scratch.scores.push(scores);
            }
            scratch.tags.clear();
            let (mut prev, mut prev2) = (CLASSES as u8, CLASSES as u8);
            let mut dkeys = [0u32; DYNAMIC];
            for i in 0..n {
                let fixed = scratch.fixed[i];
                if fixed != u8::MAX {
                    prev2 = prev;
                    prev = fixed;
                    emit(Tag(fixed));
                    continue;
                }
                let mut scores = scratch.scores[i];
                features::dynamic_keys(parts, i, prev, prev2, &mut dkeys);
                for &k in &dkeys {
                    self.prefetch(k);
                }
                for &k in &dkeys {
                    self.add(k, &mut scores);
                }
                let best = argmax(&scores);
                prev2 = prev;
                prev = best as u8;
                emit(Tag(best as u8));
            }
        })
    }
}

#[inline]
fn argmax(scores: &[i32; CLASSES_POW2]) -> usize {
    let mut best = 0;
    for c in 1..CLASSES {
        if scores[c] > scores[best] {
            best = c;
        }
    }
    best
}
