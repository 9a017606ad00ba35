//! Feature extraction shared by training and tagging: every feature is a 32-bit key hashed from a
//! template number and hashes of word parts, so nothing is allocated per word.
//!
//! Per word, [`WordParts`] holds hashes of the normalized form, its suffixes and prefixes and a
//! shape class, computed once per sentence. Static features (the word and its neighbours) depend
//! only on those; dynamic features add the two previous predicted tags.

use tidings_dict::words::{Word, Words};

/// Number of static feature keys per word.
pub const STATIC: usize = 21;
/// Number of dynamic (previous-tag) feature keys per word.
pub const DYNAMIC: usize = 5;

/// Hashes of one word's parts.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordParts {
    pub word: u64,
    pub suffix: [u64; 4],
    pub prefix: [u64; 2],
    pub shape: u64,
}

const BEFORE_START: [WordParts; 2] = [sentinel(0xb051), sentinel(0xb052)];
const AFTER_END: [WordParts; 2] = [sentinel(0xe051), sentinel(0xe052)];

const fn sentinel(seed: u64) -> WordParts {
    let h = mix(seed);
    WordParts {
        word: h,
        suffix: [h; 4],
        prefix: [h; 2],
        shape: h,
    }
}

#[inline]
const fn mix(mut x: u64) -> u64 {
    // splitmix64 finalizer
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[inline]
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[inline]
fn key(template: u64, a: u64) -> u32 {
    let h = mix(a ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let k = (h >> 32) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

#[inline]
fn key2(template: u64, a: u64, b: u64) -> u32 {
    key(template, a ^ mix(b.wrapping_add(0x632b_e59b_d9b4_e019)))
}

/// Computes the parts of every word of `words` into `out` (cleared first).
pub fn word_parts(words: &Words, out: &mut Vec<WordParts>) {
    word_parts_in(words, 0..words.len(), out);
}

/// [`word_parts`] for the words `range` of `words`, read as if they were a text of their own (the
/// first of them starts it).
pub fn word_parts_in(words: &Words, range: std::ops::Range<usize>, out: &mut Vec<WordParts>) {
    out.clear();
    let first = range.start;
    for i in range {
        out.push(parts_of(words.norm(i), words.get(i), i == first));
    }
}

fn parts_of(norm: &str, word: &Word, first: bool) -> WordParts {
    let bytes = norm.as_bytes();
    let mut suffix = [0u64; 4];
    let mut prefix = [0u64; 2];
    // byte offsets of the last 1..4 characters, and the end of the first 1..2
    let mut starts = [0usize; 4];
    let mut chars = 0usize;
    for (at, _) in norm.char_indices().rev() {
        if chars < 4 {
            starts[chars] = at;
        }
        chars += 1;
        if chars >= 4 {
            break;
        }
    }
    for k in 0..4 {
        let start = if k < chars { starts[k] } else { 0 };
        suffix[k] = fnv(&bytes[start..]) ^ (k as u64 + 1);
    }
    let mut ends = norm.char_indices().map(|(at, c)| at + c.len_utf8());
    let e1 = ends.next().unwrap_or(0);
    let e2 = ends.next().unwrap_or(e1);
    prefix[0] = fnv(&bytes[..e1]);
    prefix[1] = fnv(&bytes[..e2]) ^ 0x55;
    let len_class = match norm.chars().count() {
        0..=1 => 0u64,
        2 => 1,
        3 => 2,
        4..=6 => 3,
        _ => 4,
    };
    let has_dot = bytes.len() > 1 && bytes.contains(&b'.');
    let shape = (word.flags as u64) | (first as u64) << 4 | len_class << 5 | (has_dot as u64) << 8;
    WordParts {
        word: fnv(bytes),
        suffix,
        prefix,
        shape: mix(shape ^ 0x5eed),
    }
}

#[inline]
fn at(parts: &[WordParts], i: usize, offset: isize) -> &WordParts {
    let j = i as isize + offset;
    if j < 0 {
        &BEFORE_START[(-j - 1) as usize]
    } else if j as usize >= parts.len() {
        &AFTER_END[j as usize - parts.len()]
    } else {
        &parts[j as usize]
    }
}

/// The static feature keys of word `i`.
#[inline]
pub fn static_keys(parts: &[WordParts], i: usize, out: &mut [u32; STATIC]) {
    let w = &parts[i];
    let (p1, p2, n1, n2) = (
        at(parts, i, -1),
        at(parts, i, -2),
        at(parts, i, 1),
        at(parts, i, 2),
    );
    *out = [
        key(0, 0),
        key(1, w.word),
        key(2, w.suffix[0]),
        key(3, w.suffix[1]),
        key(4, w.suffix[2]),
        key(5, w.suffix[3]),
        key(6, w.prefix[0]),
        key(7, w.prefix[1]),
        key(8, w.shape),
        key(9, p1.word),
        key(10, n1.word),
        key(11, p2.word),
        key(12, n2.word),
        key(13, p1.suffix[2]),
        key(14, n1.suffix[2]),
        key2(15, p1.shape, w.shape),
        key2(16, n1.shape, w.shape),
        key2(17, w.word, n1.word),
        key2(18, w.word, p1.word),
        key2(23, w.word, w.shape),
        key2(24, w.suffix[2], w.shape),
    ];
}

/// The feature keys of word `i` that depend on the previous two predicted tags
/// (`Tag::COUNT` stands for "before the sentence").
#[inline]
pub fn dynamic_keys(parts: &[WordParts], i: usize, prev: u8, prev2: u8, out: &mut [u32; DYNAMIC]) {
    let w = &parts[i];
    let (t1, t2) = (prev as u64 + 1, prev2 as u64 + 1);
    *out = [
        key(19, t1),
        key(20, t1 << 8 | t2),
        key2(21, w.word, t1),
        key2(22, w.suffix[2], t1),
        key2(25, at(parts, i, 1).word, t1),
    ];
}

/// The key under which a word (its form and shape) may appear in the tag dictionary of words that
/// always take the same tag.
#[inline]
pub fn dictionary_key(parts: &[WordParts], i: usize) -> u32 {
    key2(30, parts[i].word, parts[i].shape)
}
