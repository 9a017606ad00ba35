//! Near-duplicate detection: MinHash signatures over word shingles, found again through
//! locality-sensitive hashing (LSH) bands.
//!
//! One wire story reprinted on many sites differs by a headline, a byline or a trimmed paragraph.
//! Such copies share most of their three-word shingles, so the Jaccard similarity of their shingle
//! sets is high while unrelated articles share almost none. A [`Signature`] keeps, for each of
//! [`NUM_HASHES`] hash functions, the smallest hash over the article's shingles; the share of
//! positions where two signatures agree estimates that Jaccard similarity. [`NearDupIndex`] files
//! each signature under [`BANDS`] band keys (each band: [`ROWS`] positions) so that a lookup only
//! compares signatures that agree on a whole band, then confirms with the estimate.
//!
//! With 16 bands of 4 rows, a pair at Jaccard 0.5 becomes a candidate with probability 0.65 and a
//! pair at 0.8 with probability 0.9996; a candidate counts as a near-duplicate when its estimated
//! similarity reaches [`DEFAULT_THRESHOLD`].

use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Hash functions per signature.
pub const NUM_HASHES: usize = 64;
/// LSH bands per signature.
pub const BANDS: usize = 16;
/// Signature positions per band.
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;
/// Articles with fewer shingles than this get no signature: too short to call anything a copy.
pub const MIN_SHINGLES: usize = 12;
/// Estimated Jaccard similarity at or above which two articles are near-duplicates.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// The MinHash signature of one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; NUM_HASHES]);

impl Signature {
    /// The signature of `text`, or `None` when it has fewer than [`MIN_SHINGLES`] shingles.
    pub fn of_text(text: &str) -> Option<Signature> {
        let words: Vec<String> = words(text).collect();
        if words.len() < SHINGLE_WORDS + MIN_SHINGLES - 1 {
            return None;
        }
        let mut mins = [u32::MAX; NUM_HASHES];
        let mut buf = String::new();
        for shingle in words.windows(SHINGLE_WORDS) {
            buf.clear();
            for (i, w) in shingle.iter().enumerate() {
                if i > 0 {
                    buf.push(' ');
                }
                buf.push_str(w);
            }
            let base = xxh3_64(buf.as_bytes());
            for (i, slot) in mins.iter_mut().enumerate() {
                let h = (mix(base ^ SEEDS[i]) >> 32) as u32;
                if h < *slot {
                    *slot = h;
                }
            }
        }
        Some(Signature(mins))
    }

    /// Estimated Jaccard similarity of the two shingle sets: the share of equal positions.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / NUM_HASHES as f64
    }

    /// Little-endian bytes, as stored in the database.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads [`Signature::to_bytes`] back; `None` when the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != NUM_HASHES * 4 {
            return None;
        }
        let mut out = [0u32; NUM_HASHES];
        for (i, chunk) in bytes.chunks_exact(4).enumerate() {
            out[i] = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(out))
    }

    fn band_keys(&self) -> [u64; BANDS] {
        let mut keys = [0u64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let mut bytes = [0u8; ROWS * 4 + 1];
            bytes[0] = band as u8;
            for r in 0..ROWS {
                bytes[1 + r * 4..5 + r * 4].copy_from_slice(&self.0[band * ROWS + r].to_le_bytes());
            }
            *key = xxh3_64(&bytes);
        }
        keys
    }
}

/// Lower-cased alphanumeric words of `text` (apostrophes dropped, so "Korea's" is "koreas").
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

/// splitmix64's finaliser: spreads one 64-bit hash into an independent-looking one per seed.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const SEEDS: [u64; NUM_HASHES] = {
    let mut seeds = [0u64; NUM_HASHES];
    let mut state: u64 = 0x7469_6469_6e67_7321; // "tidings!"
    let mut i = 0;
    while i < NUM_HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

/// Signatures of stored articles, keyed by the caller's id, searchable by LSH band.
#[derive(Debug, Default)]
pub struct NearDupIndex {
    signatures: HashMap<i64, Signature>,
    bands: HashMap<u64, Vec<i64>>,
    threshold: f64,
}

impl NearDupIndex {
    pub fn new() -> NearDupIndex {
        NearDupIndex::with_threshold(DEFAULT_THRESHOLD)
    }

    pub fn with_threshold(threshold: f64) -> NearDupIndex {
        NearDupIndex {
            signatures: HashMap::new(),
            bands: HashMap::new(),
            threshold,
        }
    }

    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }

    /// Files `signature` under `id`.
    pub fn insert(&mut self, id: i64, signature: Signature) {
        for key in signature.band_keys() {
            self.bands.entry(key).or_default().push(id);
        }
        self.signatures.insert(id, signature);
    }

    /// The most similar stored signature at or above the threshold: `(id, similarity)`; ties go
    /// to the smallest id (the earliest copy).
    pub fn find(&self, signature: &Signature) -> Option<(i64, f64)> {
        let mut best: Option<(i64, f64)> = None;
        for key in signature.band_keys() {
            let Some(ids) = self.bands.get(&key) else {
                continue;
            };
            for &id in ids {
                let sim = signature.similarity(&self.signatures[&id]);
                if sim < self.threshold {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((bid, bsim)) => sim > bsim || (sim == bsim && id < bid),
                };
                if better {
                    best = Some((id, sim));
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Chinese President Xi Jinping has sent a message to North Korean leader Kim Jong Un \
        on the 75th anniversary of the founding of the Workers' Party of Korea, state media said on Saturday. \
        Xi said China was willing to work with North Korea to strengthen their strategic communication \
        and deepen exchanges and cooperation, bringing greater benefits to both countries and peoples. \
        The two neighbours fought together in the 1950-53 Korean War and have maintained close ties since.";

    #[test]
    fn short_texts_get_no_signature() {
        assert!(Signature::of_text("Xi praised Kim.").is_none());
        assert!(Signature::of_text(STORY).is_some());
    }

    #[test]
    fn identical_texts_agree_everywhere() {
        let a = Signature::of_text(STORY).unwrap();
        let b = Signature::of_text(&STORY.to_uppercase()).unwrap();
        assert_eq!(a.similarity(&b), 1.0);
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
    }

    #[test]
    fn a_reprint_with_a_new_byline_and_a_cut_sentence_is_found() {
        let reprint = format!(
            "SEOUL (Reuters) - {}",
            STORY.replace(" The two neighbours fought together in the 1950-53 Korean War and have maintained close ties since.", "")
        );
        let mut index = NearDupIndex::new();
        index.insert(7, Signature::of_text(STORY).unwrap());
        let (id, sim) = index
            .find(&Signature::of_text(&reprint).unwrap())
            .expect("reprint found");
        assert_eq!(id, 7);
        assert!(sim >= DEFAULT_THRESHOLD, "{sim}");
    }

    #[test]
    fn an_unrelated_story_is_not_a_duplicate() {
        let other = "The European Central Bank left interest rates unchanged on Thursday and said it \
            would keep buying bonds for as long as needed, as the euro zone economy struggles with a second \
            wave of coronavirus infections and new lockdowns across France, Germany and Spain this autumn.";
        let mut index = NearDupIndex::new();
        index.insert(1, Signature::of_text(STORY).unwrap());
        assert_eq!(index.find(&Signature::of_text(other).unwrap()), None);
    }

    #[test]
    fn ties_go_to_the_first_copy() {
        let mut index = NearDupIndex::new();
        index.insert(5, Signature::of_text(STORY).unwrap());
        index.insert(3, Signature::of_text(STORY).unwrap());
        assert_eq!(
            index.find(&Signature::of_text(STORY).unwrap()).map(|f| f.0),
            Some(3)
        );
    }
}
