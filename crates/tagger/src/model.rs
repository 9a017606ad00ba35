//! The weight table: a compact file format, an open-addressing hash table for lookups, and the
//! greedy left-to-right tagger over it.
//!
//! File layout (little-endian): magic `TIDTAG01`, then `u32` class count, feature count `n`, entry
//! count `e`; `n` feature keys (`u32`), `n` entry counts (`u8`), `e` class indices (`u8`), `e`
//! weights (`i16`). Each feature's entries follow the previous feature's.

use crate::features::{self, WordParts, DYNAMIC, STATIC};
use crate::tags::{Tag, Upos};
use std::cell::RefCell;
use std::sync::OnceLock;
use tidings_dict::words::Words;

pub(crate) const MAGIC: &[u8; 8] = b"TIDTAG01";
const CLASSES: usize = Tag::COUNT;

/// A trained tagger: looks up feature weights and tags words greedily left to right.
#[derive(Debug)]
pub struct Tagger {
    /// Slot: feature key in the high 32 bits, entry start (24 bits) and count (8 bits) below; 0 is empty.
    slots: Vec<u64>,
    mask: usize,
    /// Entry: class in the high 16 bits, weight (`i16`) in the low 16.
    entries: Vec<u32>,
    features: usize,
}

/// Reusable per-thread buffers for tagging.
#[derive(Default)]
struct Scratch {
    parts: Vec<WordParts>,
    scores: Vec<[i32; CLASSES]>,
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
        BUILTIN.get_or_init(|| Tagger::from_bytes(BUILTIN_BYTES).expect("the built-in tagger model is well formed"))
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
            return Err(ModelError(format!("model has {classes} classes, this build expects {CLASSES}")));
        }
        let keys_at = 20;
        let counts_at = keys_at + 4 * n;
        let classes_at = counts_at + n;
        let weights_at = classes_at + e;
        if bytes.len() != weights_at + 2 * e {
            return Err(ModelError(format!("length {} does not match {n} features and {e} entries", bytes.len())));
        }
        if e >= 1 << 24 {
            return Err(err("too many entries"));
        }
        let size = (n * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        let mut entries = Vec::with_capacity(e);
        let mut start = 0usize;
        for f in 0..n {
            let key = u32_at(keys_at + 4 * f) as u32;
            let count = bytes[counts_at + f] as usize;
            if key == 0 || start + count > e {
                return Err(ModelError(format!("feature {f} is malformed")));
            }
            for j in start..start + count {
                let class = bytes[classes_at + j] as u32;
                if class as usize >= CLASSES {
                    return Err(ModelError(format!("entry {j} names class {class}")));
                }
                let w = i16::from_le_bytes([bytes[weights_at + 2 * j], bytes[weights_at + 2 * j + 1]]);
                entries.push(class << 16 | (w as u16 as u32));
            }
            let mut s = key as usize & mask;
            while slots[s] != 0 {
                if (slots[s] >> 32) as u32 == key {
                    return Err(ModelError(format!("feature key {key:#x} appears twice")));
                }
                s = (s + 1) & mask;
            }
            slots[s] = (key as u64) << 32 | (start as u64) << 8 | count as u64;
            start += count;
        }
        Ok(Tagger { slots, mask, entries, features: n })
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    #[inline]
    fn add(&self, key: u32, scores: &mut [i32; CLASSES]) {
        let mut s = key as usize & self.mask;
        loop {
            let slot = self.slots[s];
            if slot == 0 {
                return;
            }
            if (slot >> 32) as u32 == key {
                let start = ((slot >> 8) & 0xff_ffff) as usize;
                let count = (slot & 0xff) as usize;
                for &e in &self.entries[start..start + count] {
                    scores[(e >> 16) as usize] += (e as u16 as i16) as i32;
                }
                return;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Tags `words` with UPOS tags, one per word, into `out` (cleared first).
    pub fn tag(&self, words: &Words, out: &mut Vec<Upos>) {
        out.clear();
        self.run(words, |t| out.push(t.upos()));
    }

    /// Tags `words` with the model's classes (UPOS, with the Penn verb form for VERB and AUX).
    pub fn tag_detailed(&self, words: &Words, out: &mut Vec<Tag>) {
        out.clear();
        self.run(words, |t| out.push(t));
    }

    fn run(&self, words: &Words, mut emit: impl FnMut(Tag)) {
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            features::word_parts(words, &mut scratch.parts);
            let parts = &scratch.parts;
            let n = parts.len();
            scratch.scores.clear();
            let mut keys = [0u32; STATIC];
            for i in 0..n {
                let mut scores = [0i32; CLASSES];
                features::static_keys(parts, i, &mut keys);
                for &k in &keys {
                    self.add(k, &mut scores);
                }
                scratch.scores.push(scores);
            }
            scratch.tags.clear();
            let (mut prev, mut prev2) = (CLASSES as u8, CLASSES as u8);
            let mut dkeys = [0u32; DYNAMIC];
            for i in 0..n {
                let mut scores = scratch.scores[i];
                features::dynamic_keys(parts, i, prev, prev2, &mut dkeys);
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
fn argmax(scores: &[i32; CLASSES]) -> usize {
    let mut best = 0;
    for c in 1..CLASSES {
        if scores[c] > scores[best] {
            best = c;
        }
    }
    best
}
