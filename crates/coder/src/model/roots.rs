//! The sentence's roots: a sentence-level classifier that reads all of a sentence's words and says
//! which CAMEO roots it expresses, whoever the actors are.
//!
//! It is trained on every coded sentence, including those whose actors the dictionaries miss, so
//! it learns the words of each root from more events than the candidate model sees. Its best roots
//! become features of every candidate of the sentence ([`prior_features`]), rooted so that what the
//! candidate model learns about "the sentence reads like root r" holds for every root. In training
//! those features come from sentence models that did not see the sentence (stacking), so that the
//! candidate model learns how far to trust them on unseen text.

use super::features::{stem, FeatureSink};
use super::weights::{Weights, CLASSES};
use tidings_dict::words::{Word, Words};

/// How many of the best roots become features.
const RANKS: usize = 3;

/// The sentence model's features: the stems of the sentence's words and their bigrams.
pub fn sentence_features(words: &Words) -> Vec<u64> {
    let mut out = Vec::with_capacity(2 * words.len() + 1);
    let mut sink = FeatureSink { out: &mut out };
    sink.add(&["sentence"]);
    let mut previous: Option<&str> = None;
    for i in 0..words.len() {
        if words.get(i).is(Word::PUNCT) {
            previous = None;
            continue;
        }
        let w = stem(words.norm(i));
        sink.add(&["s_word", w]);
        if let Some(p) = previous {
            sink.add(&["s_bigram", p, w]);
        }
        previous = Some(w);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How far a score beats "no event", in four bands.
fn band(margin: f32) -> &'static str {
    match margin {
        m if m > 10.0 => "high",
        m if m > 0.0 => "above",
        m if m > -10.0 => "below",
        _ => "low",
    }
}

/// How far below "no event" a sentence's best root may be before the sentence is left unparsed:
/// chosen by cross-validation (`train_events --check`), where it skips about one sentence in seven
/// and costs 0.002 of F1; in the whole corpus it skips more, as most sentences hold no event.
pub const HOPELESS: f32 = -30.0;

/// What the sentence model says of one sentence: its score row.
#[derive(Debug, Clone)]
pub struct SentenceRoots {
    row: [f32; CLASSES],
}

impl SentenceRoots {
    /// Scores a sentence's [`sentence_features`].
    pub fn read(roots: &Weights, sentence: &[u64]) -> SentenceRoots {
        SentenceRoots {
            row: roots.scores(sentence),
        }
    }

    /// How far the best root beats "no event".
    fn best_margin(&self) -> f32 {
        let best = self.row[1..].iter().copied().fold(f32::MIN, f32::max);
        best - self.row[0]
    }

    /// Whether the sentence reads so little like any event ([`HOPELESS`]) that it is not worth
    /// tagging, parsing and scoring its candidates (unless a verb pattern matches it).
    pub fn hopeless(&self) -> bool {
        self.best_margin() < HOPELESS
    }

    /// The candidate features the scores give: the best roots, by rank and band, and how likely
    /// the sentence is to hold an event at all.
    pub fn features(&self) -> Vec<u64> {
        let row = &self.row;
        let mut ranked: Vec<usize> = (1..CLASSES).collect();
        ranked.sort_by(|a, b| row[*b].total_cmp(&row[*a]));
        let mut out = Vec::with_capacity(4 * RANKS + 1);
        let mut sink = FeatureSink { out: &mut out };
        for (rank, &root) in ranked.iter().take(RANKS).enumerate() {
            let rank = ["first", "second", "third"][rank];
            let (root, margin) = (format!("{root:02}"), band(row[root] - row[0]));
            sink.add_rooted(&root, &["prior", rank]);
            sink.add_rooted(&root, &["prior", rank, margin]);
        }
        sink.add(&["prior_event", band(self.best_margin())]);
        out
    }
}

/// The candidate features the sentence model gives a sentence ([`SentenceRoots::features`]).
pub fn prior_features(roots: &Weights, sentence: &[u64]) -> Vec<u64> {
    SentenceRoots::read(roots, sentence).features()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::features::split_key;
    use crate::model::train::{train, Example, TrainOptions};

    fn words(text: &str) -> Words {
        Words::new(text)
    }

    #[test]
    fn a_sentence_model_learns_the_words_of_a_root() {
        let mut examples = Vec::new();
        for k in 0..40 {
            let text = if k % 2 == 0 {
                "The minister condemned the attack."
            } else {
                "The minister visited the capital."
            };
            examples.push(Example {
                features: sentence_features(&words(text)),
                labels: vec![if k % 2 == 0 { 11 } else { 4 }],
            });
        }
        let roots = train(examples, &TrainOptions::default());
        let priors = prior_features(&roots, &sentence_features(&words("Iran condemned it.")));
        let first: Vec<u8> = priors
            .iter()
            .map(|f| split_key(*f).0)
            .filter(|r| *r > 0)
            .take(1)
            .collect();
        assert_eq!(first, vec![11]);
    }
}
