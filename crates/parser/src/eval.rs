//! Attachment scores against gold trees, over our tokenization.

use crate::model::Parser;
use crate::parse::Parse;
use crate::rel::Rel;
use crate::treebank::GoldSentence;
use tidings_tagger::{Tag, Tagger};

/// Counts of scored words and of correct heads and labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub words: usize,
    /// Right head.
    pub heads: usize,
    /// Right head and label.
    pub labelled: usize,
}

impl Scores {
    /// Unlabelled attachment score (share of words with the right head).
    pub fn uas(&self) -> f64 {
        self.heads as f64 / self.words.max(1) as f64
    }

    /// Labelled attachment score (right head and label).
    pub fn las(&self) -> f64 {
        self.labelled as f64 / self.words.max(1) as f64
    }
}

/// Scores `parser` on `sentences`, tagging with the built-in tagger. Words whose gold relation is
/// `punct` are left out when `skip_punct` is set; words with no treebank word always are.
/// Returns (with punctuation rule applied) scores.
pub fn attachment_scores(parser: &Parser, sentences: &[GoldSentence], skip_punct: bool) -> Scores {
    let mut tags: Vec<Tag> = Vec::new();
    let mut parse = Parse::default();
    let mut s = Scores::default();
    for g in sentences {
        Tagger::builtin().tag_detailed(&g.words, &mut tags);
        parser.parse_span(&g.words, &tags, 0..g.words.len(), &mut parse);
        for i in 0..g.words.len() {
            if !g.scored[i] || (skip_punct && g.rels[i] == Rel::Punct) {
                continue;
            }
            s.words += 1;
            if parse.head(i) == g.heads[i] {
                s.heads += 1;
                s.labelled += (parse.label(i) == g.rels[i]) as usize;
            }
        }
    }
    s
}

/// For words whose head is right but label wrong: how often each (gold, predicted) pair occurs,
/// most frequent first.
pub fn label_confusions(parser: &Parser, sentences: &[GoldSentence]) -> Vec<((Rel, Rel), usize)> {
    let mut tags: Vec<Tag> = Vec::new();
    let mut parse = Parse::default();
    let mut counts = std::collections::HashMap::new();
    for g in sentences {
        Tagger::builtin().tag_detailed(&g.words, &mut tags);
        parser.parse_span(&g.words, &tags, 0..g.words.len(), &mut parse);
        for i in 0..g.words.len() {
            if g.scored[i] && parse.head(i) == g.heads[i] && parse.label(i) != g.rels[i] {
                *counts.entry((g.rels[i], parse.label(i))).or_insert(0) += 1;
            }
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}
