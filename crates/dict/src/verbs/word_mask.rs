//! [`WordMask`]: a 256-bit set of word hashes, the quick and inexact test that the words of a
//! pattern occur in a sentence.

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
pub(super) fn mask_meets(a: &WordMask, b: &WordMask) -> bool {
    (a[0] & b[0]) | (a[1] & b[1]) | (a[2] & b[2]) | (a[3] & b[3]) != 0
}
