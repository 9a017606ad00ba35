//! The result of parsing one sentence: a head and a label per word.

use crate::rel::Rel;
use std::ops::Range;

/// A dependency tree over a span of words. Indices are word indices of the `Words` that was
/// parsed (not offsets into the span), so they can be used with `Words::norm` directly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parse {
    pub(crate) start: usize,
    /// Head of each word of the span as a word index; `u32::MAX` for the root.
    pub(crate) heads: Vec<u32>,
    pub(crate) rels: Vec<Rel>,
}

impl Parse {
    /// The words this parse covers.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.heads.len()
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Head of word `i`; `None` for the root (and for words outside [`Parse::range`]).
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = *self.heads.get(i.checked_sub(self.start)?)?;
        (h != u32::MAX).then_some(h as usize)
    }

    /// Label of the arc from word `i` to its head ([`Rel::Root`] for the root).
    ///
    /// # Panics
    /// If `i` is outside [`Parse::range`].
    pub fn label(&self, i: usize) -> Rel {
        self.rels[i - self.start]
    }

    /// The root word (`None` only for an empty parse).
    pub fn root(&self) -> Option<usize> {
        self.heads
            .iter()
            .position(|h| *h == u32::MAX)
            .map(|k| k + self.start)
    }

    /// The dependents of word `i`, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let start = self.start;
        self.heads
            .iter()
            .enumerate()
            .filter(move |(_, h)| **h as usize == i)
            .map(move |(k, _)| k + start)
    }

    /// The dependents of word `i` with label `rel`, left to right.
    pub fn children_with(&self, i: usize, rel: Rel) -> impl Iterator<Item = usize> + '_ {
        self.children(i).filter(move |&c| self.label(c) == rel)
    }

    /// Whether `ancestor` dominates `i` (is `i` or on its head chain).
    pub fn dominates(&self, ancestor: usize, i: usize) -> bool {
        let mut at = i;
        for _ in 0..=self.heads.len() {
            if at == ancestor {
                return true;
            }
            match self.head(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    /// The words `i` dominates, as the smallest range holding them (a projective parse's subtree).
    pub fn subtree(&self, i: usize) -> Range<usize> {
        let mut lo = i;
        let mut hi = i;
        for k in self.range() {
            if self.dominates(i, k) {
                lo = lo.min(k);
                hi = hi.max(k);
            }
        }
        lo..hi + 1
    }
}
