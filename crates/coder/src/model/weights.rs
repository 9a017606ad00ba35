//! The event model's weights: feature keys to sparse per-class weights, and their file format.
//!
//! File layout (little-endian): magic `TIDEVT01`, `u32` feature count `n`, `u32` entry count `e`,
//! `f32` decision margin; `n` keys (`u64`, sorted), `n` entry counts (`u8`), `e` classes (`u8`), `e`
//! weights (`f32`). Each feature's entries follow the previous feature's.

/// Class 0 is "no event"; class `r` (1..=20) is CAMEO root `r`.
pub const CLASSES: usize = 21;
const MAGIC: &[u8; 8] = b"TIDEVT01";

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "event model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// Trained weights, looked up through an open-addressing table over the (already hashed) keys.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    keys: Vec<u64>,
    /// The lookup table: a power of two of slots, at most half full; the slot of a key is its low
    /// bits, then the next free. A slot holds the key itself and where its entries are, so a
    /// lookup reads one slot and then the entries.
    slots: Vec<Slot>,
    /// Start of each feature's entries in `entries`; one more than `keys`.
    starts: Vec<u32>,
    entries: Vec<(u8, f32)>,
    /// How much a root's score must exceed "no event" to be coded.
    pub margin: f32,
}

/// One slot of the lookup table; `end == start` marks an empty slot (a stored feature has at
/// least one entry).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    end: u32,
}

impl Weights {
    /// Builds the table from dense rows (zero weights are dropped).
    pub fn from_rows(mut rows: Vec<(u64, [f32; CLASSES])>, margin: f32) -> Weights {
        rows.sort_by_key(|r| r.0);
        let mut w = Weights {
            margin,
            ..Weights::default()
        };
        w.starts.push(0);
        for (key, row) in rows {
            let before = w.entries.len();
            for (c, v) in row.iter().enumerate() {
                if v.abs() > 1e-4 {
                    w.entries.push((c as u8, *v));
                }
            }
            if w.entries.len() > before {
                w.keys.push(key);
                w.starts.push(w.entries.len() as u32);
            }
        }
        w.index()
    }

    /// Fills the lookup table (a power of two, at most half full).
    fn index(mut self) -> Weights {
        let size = (self.keys.len() * 2).next_power_of_two().max(16);
        self.slots = Vec::with_capacity(size);
        tidings_tagger::memory::advise_huge_pages(self.slots.spare_capacity_mut());
        self.slots.resize(size, Slot::default());
        for (k, key) in self.keys.iter().enumerate() {
            let mut at = (*key as usize) & (size - 1);
            while self.slots[at].end != self.slots[at].start {
                at = (at + 1) & (size - 1);
            }
            self.slots[at] = Slot {
                key: *key,
                start: self.starts[k],
                end: self.starts[k + 1],
            };
        }
        self
    }

    /// The entries of `key` (empty when it has none).
    #[inline]
    fn find(&self, key: u64) -> &[(u8, f32)] {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return &[];
        };
        let mut at = (key as usize) & mask;
        loop {
            let slot = self.slots[at];
            if slot.end == slot.start {
                return &[];
            }
            if slot.key == key {
                return &self.entries[slot.start as usize..slot.end as usize];
            }
            at = (at + 1) & mask;
        }
    }

    /// Asks the processor to start loading the home slot of `key`, so that the lookups of a
    /// feature list overlap their memory latency.
    #[inline]
    fn prefetch(&self, key: u64) {
        #[cfg(target_arch = "x86_64")]
        if !self.slots.is_empty() {
            let at = (key as usize) & (self.slots.len() - 1);
            // SAFETY: prefetching is a hint with no effect on memory; the pointer is in `slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(
                    self.slots.as_ptr().add(at) as *const i8,
                    std::arch::x86_64::_MM_HINT_T0,
                )
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    pub fn feature_count(&self) -> usize {
        self.keys.len()
    }

    /// Adds each feature's weights to `scores`. A rooted feature (a root in its top bits, see
    /// `features::split_key`) has one shared weight, stored in class 0's slot, that counts for its
    /// root only.
    /// The score row of `features`.
    pub fn scores(&self, features: &[u64]) -> [f32; CLASSES] {
        let mut row = [0.0; CLASSES];
        self.score(features, &mut row);
        row
    }

    pub fn score(&self, features: &[u64], scores: &mut [f32; CLASSES]) {
        *scores = [0.0; CLASSES];
        const AHEAD: usize = 8;
        for f in features.iter().take(AHEAD) {
            self.prefetch(super::features::split_key(*f).1);
        }
        for (i, f) in features.iter().enumerate() {
            if let Some(next) = features.get(i + AHEAD) {
                self.prefetch(super::features::split_key(*next).1);
            }
            let (root, key) = super::features::split_key(*f);
            for (c, v) in self.find(key) {
                if root == 0 {
                    scores[*c as usize] += v;
                } else if *c == 0 && (root as usize) < CLASSES {
                    scores[root as usize] += v;
                }
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + self.keys.len() * 9 + self.entries.len() * 5);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.margin.to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for w in self.starts.windows(2) {
            out.push((w[1] - w[0]) as u8);
        }
        out.extend(self.entries.iter().map(|e| e.0));
        for e in &self.entries {
            out.extend_from_slice(&e.1.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, ModelError> {
        let err = |m: String| ModelError(m);
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(err("not a tidings event model (bad magic)".into()));
        }
        let u32_at = |p: usize| u32::from_le_bytes(bytes[p..p + 4].try_into().unwrap()) as usize;
        let (n, e) = (u32_at(8), u32_at(12));
        let margin = f32::from_le_bytes(bytes[16..20].try_into().unwrap());
        let keys_at = 20;
        let counts_at = keys_at + 8 * n;
        let classes_at = counts_at + n;
        let weights_at = classes_at + e;
        if bytes.len() != weights_at + 4 * e {
            return Err(err(format!(
                "{n} features and {e} entries need {} bytes, the file has {}",
                weights_at + 4 * e,
                bytes.len()
            )));
        }
        let keys: Vec<u64> = (0..n)
            .map(|k| {
                u64::from_le_bytes(
                    bytes[keys_at + 8 * k..keys_at + 8 * k + 8]
                        .try_into()
                        .unwrap(),
                )
            })
            .collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(err("feature keys are not sorted".into()));
        }
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0u32);
        for k in 0..n {
            let next = starts[k] + bytes[counts_at + k] as u32;
            starts.push(next);
        }
        if starts[n] as usize != e {
            return Err(err(format!(
                "entry counts add up to {}, not {e}",
                starts[n]
            )));
        }
        let mut entries = Vec::with_capacity(e);
        tidings_tagger::memory::advise_huge_pages(entries.spare_capacity_mut());
        for j in 0..e {
            let class = bytes[classes_at + j];
            if class as usize >= CLASSES {
                return Err(err(format!("entry {j} has class {class}")));
            }
            let at = weights_at + 4 * j;
            entries.push((
                class,
                f32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()),
            ));
        }
        Ok(Weights {
            keys,
            slots: Vec::new(),
            starts,
            entries,
            margin,
        }
        .index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_scores() {
        let mut a = [0.0; CLASSES];
        a[0] = 1.0;
        a[4] = -2.5;
        let mut b = [0.0; CLASSES];
        b[4] = 3.0;
        let w = Weights::from_rows(vec![(7, a), (3, b), (9, [0.0; CLASSES])], 0.5);
        assert_eq!(w.feature_count(), 2);
        let back = Weights::from_bytes(&w.to_bytes()).unwrap();
        let mut scores = [0.0; CLASSES];
        back.score(&[3, 7, 11], &mut scores);
        assert_eq!(scores[0], 1.0);
        assert_eq!(scores[4], 0.5);
        assert_eq!(back.margin, 0.5);
    }

    #[test]
    fn truncated_file_is_an_error() {
        let w = Weights::from_rows(vec![(1, [1.0; CLASSES])], 0.0);
        let bytes = w.to_bytes();
        let e = Weights::from_bytes(&bytes[..bytes.len() - 3]).unwrap_err();
        assert!(e.0.contains("bytes"), "{e}");
        assert!(Weights::from_bytes(b"nonsense").is_err());
    }
}
