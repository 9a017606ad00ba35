//! Feature extraction shared by training and parsing: each feature is a 32-bit key hashed from a
//! template number and the words, tags, labels, distances and valencies it combines.
//!
//! [`Tokens`] holds per word the hash of its normalized form and its tag (with the root appended);
//! [`transition_keys`] reads a [`State`] and [`label_keys`] an arc about to be made.

use crate::state::{State, NONE};
use tidings_dict::words::Words;
use tidings_tagger::Tag;

/// Number of transition feature keys per configuration.
pub const TRANSITION: usize = 76;
/// Number of label feature keys per arc.
pub const LABEL: usize = 24;

const NO_TAG: u64 = Tag::COUNT as u64;
const ROOT_TAG: u64 = Tag::COUNT as u64 + 1;
const NO_WORD: u64 = 0x6e6f_6e65;
const ROOT_WORD: u64 = 0x726f_6f74_0000;
const NO_LABEL: u64 = 63;

/// The words of one sentence as the features see them, with the root at index `n`.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    pub word: Vec<u64>,
    pub tag: Vec<u64>,
    /// Number of punctuation marks before each word.
    pub puncts: Vec<u32>,
    /// Hash of the last three characters of each word.
    pub suffix: Vec<u64>,
}

impl Tokens {
    /// Fills from `words[range]` and their tags, reusing the buffers.
    pub fn fill(&mut self, words: &Words, tags: &[Tag], range: std::ops::Range<usize>) {
        self.word.clear();
        self.tag.clear();
        self.puncts.clear();
        self.suffix.clear();
        let mut puncts = 0;
        for i in range {
            let w = words.get(i);
            let norm = words.norm(i);
            let cut = norm.char_indices().rev().nth(2).map_or(0, |(at, _)| at);
            self.suffix
                .push(tidings_dict::words::word_hash(&norm[cut..]) as u64);
            self.word.push(w.hash as u64 | ((w.flags & 3) as u64) << 32);
            self.tag.push(tags[i].index() as u64);
            self.puncts.push(puncts);
            puncts += (tags[i].upos() == tidings_tagger::Upos::Punct) as u32;
        }
        self.word.push(ROOT_WORD);
        self.tag.push(ROOT_TAG);
        self.puncts.push(puncts);
        self.suffix.push(ROOT_WORD);
    }

    #[inline]
    fn w(&self, i: u32) -> u64 {
        if i == NONE {
            NO_WORD
        } else {
            // the capitalization bits only take part in the "shape" templates
            self.word[i as usize] & 0xffff_ffff | (self.word[i as usize] >> 32 << 40)
        }
    }

    #[inline]
    fn lw(&self, i: u32) -> u64 {
        if i == NONE {
            NO_WORD
        } else {
            self.word[i as usize] & 0xffff_ffff
        }
    }

    /// Punctuation marks strictly between words `a < b` (capped at 3; 4 when either is missing).
    #[inline]
    fn puncts_between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return 4;
        }
        let (a, b) = (a.min(b) as usize, a.max(b) as usize);
        (self.puncts[b] - self.puncts[(a + 1).min(b)]).min(3) as u64
    }

    /// The word at `i + offset` if it is a word of the sentence.
    #[inline]
    fn near(&self, i: u32, offset: i32) -> u32 {
        if i == NONE {
            return NONE;
        }
        let j = i as i64 + offset as i64;
        if j < 0 || j >= self.word.len() as i64 - 1 {
            NONE
        } else {
            j as u32
        }
    }

    #[inline]
    fn suf(&self, i: u32) -> u64 {
        if i == NONE {
            NO_WORD
        } else {
            self.suffix[i as usize]
        }
    }

    #[inline]
    fn t(&self, i: u32) -> u64 {
        if i == NONE {
            NO_TAG
        } else {
            self.tag[i as usize]
        }
    }
}

#[inline]
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[inline]
fn key(template: u64, a: u64) -> u32 {
    let k = (mix(a ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
    k.max(1)
}

#[inline]
fn key2(template: u64, a: u64, b: u64) -> u32 {
    key(template, a ^ mix(b.wrapping_add(0x632b_e59b_d9b4_e019)))
}

#[inline]
fn key3(template: u64, a: u64, b: u64, c: u64) -> u32 {
    key2(template, a, b ^ mix(c.wrapping_add(0x2545_f491_4f6c_dd1d)))
}

#[inline]
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 7;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=7 => 5,
        _ => 6,
    }
}

#[inline]
fn child(v: &[u32], i: u32) -> u32 {
    if i == NONE {
        NONE
    } else {
        v[i as usize]
    }
}

#[inline]
fn label(st: &State, i: u32) -> u64 {
    if i == NONE {
        NO_LABEL
    } else {
        st.rels[i as usize] as u64
    }
}

#[inline]
fn count(v: &[u8], i: u32) -> u64 {
    if i == NONE {
        15
    } else {
        v[i as usize].min(6) as u64
    }
}

#[inline]
fn set(v: &[u64], i: u32) -> u64 {
    if i == NONE {
        u64::MAX
    } else {
        v[i as usize]
    }
}

/// The transition feature keys of configuration `st`.
pub fn transition_keys(tk: &Tokens, st: &State, out: &mut [u32; TRANSITION]) {
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0t, s1w, s1t, s2t) = (tk.w(s0), tk.t(s0), tk.w(s1), tk.t(s1), tk.t(s2));
    let (b0w, b0t, b1w, b1t, b2t) = (tk.w(b0), tk.t(b0), tk.lw(b1), tk.t(b1), tk.t(b2));
    let s0wt = s0w << 8 | s0t;
    let s1wt = s1w << 8 | s1t;
    let b0wt = b0w << 8 | b0t;
    let (s0l, s0r, s1l, s1r, b0l) = (
        child(&st.lc1, s0),
        child(&st.rc1, s0),
        child(&st.lc1, s1),
        child(&st.rc1, s1),
        child(&st.lc1, b0),
    );
    let (s0l2, s0r2, b0l2) = (child(&st.lc2, s0), child(&st.rc2, s0), child(&st.lc2, b0));
    let (s0lt, s0rt, s1lt, s1rt, b0lt) = (tk.t(s0l), tk.t(s0r), tk.t(s1l), tk.t(s1r), tk.t(b0l));
    let (s0ll, s0rl, s1ll, s1rl, b0ll) = (
        label(st, s0l),
        label(st, s0r),
        label(st, s1l),
        label(st, s1r),
        label(st, b0l),
    );
    let d0 = dist(s0, b0);
    let d1 = dist(s1, s0);
    *out = [
        key(0, 0),
        key(1, s0w),
        key(2, s0t),
        key(3, s0wt),
        key(4, s1w),
        key(5, s1t),
        key(6, s1wt),
        key(7, b0w),
        key(8, b0t),
        key(9, b0wt),
        key(10, b1w),
        key(11, b1t),
        key2(12, b1w, b1t),
        key(13, b2t),
        key2(14, s0wt, b0wt),
        key2(15, s0wt, b0w),
        key2(16, s0w, b0wt),
        key2(17, s0wt, b0t),
        key2(18, s0t, b0wt),
        key2(19, s0w, b0w),
        key2(20, s0t, b0t),
        key2(21, s1wt, s0wt),
        key2(22, s1w, s0w),
        key2(23, s1t, s0t),
        key2(24, s1wt, s0t),
        key2(25, s1t, s0wt),
        key2(26, b0t, b1t),
        key3(27, b0t, b1t, b2t),
        key3(28, s0t, b0t, b1t),
        key3(29, s1t, s0t, b0t),
        key3(30, s2t, s1t, s0t),
        key3(31, s0t, s0lt, b0t),
        key3(32, s0t, s0rt, b0t),
        key3(33, s0t, b0t, b0lt),
        key3(34, s1t, s0t, s0lt),
        key3(35, s1t, s1rt, s0t),
        key3(36, s1t, s0t, s0rt),
        key3(37, s1t, s1lt, s0t),
        key2(38, s0w, d0),
        key3(39, s0t, b0t, d0),
        key3(40, s1t, s0t, d1),
        key2(41, s1w, d1),
        key2(42, b0w, d0),
        key2(43, s0w, count(&st.nr, s0)),
        key2(44, s0w, count(&st.nl, s0)),
        key2(45, b0w, count(&st.nl, b0)),
        key3(46, s1w, count(&st.nr, s1), count(&st.nl, s1)),
        key(47, tk.lw(s0l)),
        key2(48, s0lt, s0ll),
        key(49, tk.lw(s0r)),
        key2(50, s0rt, s0rl),
        key(51, tk.lw(b0l)),
        key2(52, b0lt, b0ll),
        key(53, tk.lw(s1r)),
        key2(54, s1rt, s1rl),
        key2(55, s1lt, s1ll),
        key3(56, s0t, s0ll, label(st, s0l2)),
        key3(57, s0t, s0rl, label(st, s0r2)),
        key3(58, b0t, b0ll, label(st, b0l2)),
        key2(59, s0t, set(&st.lset, s0)),
        key2(60, s0t, set(&st.rset, s0)),
        key2(61, b0t, set(&st.lset, b0)),
        key2(62, s1t, set(&st.rset, s1)),
        key3(63, s1w, s0t, b0w),
        key2(64, b0w, b1w),
        key3(65, s0t, tk.t(tk.near(s0, 1)), b0t),
        key3(66, s0t, tk.t(tk.near(b0, -1)), b0t),
        key3(67, s0w, b0t, b1t),
        key3(68, s0t, b0t, tk.puncts_between(s0, b0)),
        key3(69, s1t, s0t, tk.puncts_between(s1, s0)),
        key3(70, s0t, count(&st.nl, s0), count(&st.nr, s0)),
        key2(71, b0t, count(&st.nl, b0)),
        key3(72, s0w, set(&st.lset, s0), set(&st.rset, s0)),
        key2(73, tk.suf(b0), b0t),
        key2(74, tk.suf(s0), s0t),
        key3(75, s1t, s0t, b1t),
    ];
}

/// The label feature keys of the arc `dep -> head` about to be made in `st`.
pub fn label_keys(tk: &Tokens, st: &State, dep: usize, head: usize, out: &mut [u32; LABEL]) {
    let (d, h) = (dep as u32, head as u32);
    let (dw, dt, hw, ht) = (tk.lw(d), tk.t(d), tk.lw(h), tk.t(h));
    let dir = (dep < head) as u64;
    let dh = dt << 8 | ht | dir << 16;
    let dist = dist(d, h);
    let dl = st.lc1[dep];
    let dr = st.rc1[dep];
    let hset = st.lset[head] | st.rset[head];
    let dset = st.lset[dep] | st.rset[dep];
    let next = if dep + 1 < st.n { dep as u32 + 1 } else { NONE };
    let prev = if dep > 0 { dep as u32 - 1 } else { NONE };
    *out = [
        key(100, 0),
        key2(101, dw, dir),
        key2(102, dt, dir),
        key2(103, hw, dir),
        key(104, dh),
        key2(105, dw, dh),
        key2(106, hw, dh),
        key3(107, dw, hw, dir),
        key2(108, dh, dist),
        key2(109, dh, dset),
        key2(110, dw, dset),
        key2(111, dh, tk.lw(dl)),
        key3(112, tk.lw(dl), ht, dir),
        key2(113, dh, hset),
        key3(114, dh, tk.t(dl), label(st, dl)),
        key3(115, dh, tk.t(dr), label(st, dr)),
        key2(116, dh, tk.t(next)),
        key2(117, dh, tk.t(prev)),
        key2(118, dt, tk.lw(prev)),
        key2(119, dh, tk.w(d) >> 40),
        key3(120, dt, tk.lw(dr), dir),
        key3(121, dt, hw, dist),
        key3(122, dw, ht, dist),
        key2(123, dh, tk.lw(st.lc1[head])),
    ];
}

/// Fills `tags` with the tagger's detailed tags for `words` (a convenience for callers without tags).
pub fn tag_words(words: &Words, tags: &mut Vec<Tag>) {
    tidings_tagger::Tagger::builtin().tag_detailed(words, tags);
}
