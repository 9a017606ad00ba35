//! Sentences coded by people, and how coded events are scored against them.
//!
//! A gold standard (`shared/gold/allsides-dev-300.jsonl`) and training data
//! (`shared/train/allsides-train.jsonl`, `crates/coder/model/annotations/`) are both JSON Lines of
//! [`CodedSentence`]s: a sentence of a corpus article and the events expert coders found in it, each
//! a [`Triple`] (source country, target country, CAMEO root) with, where the coders gave them, the
//! words naming the two actors. [`read_coded`] reads either layout; annotations that keep offsets
//! instead of text get their text back from the articles ([`ArticleTexts`]).
//!
//! [`score`] scores coded events exactly as the reference scorer `shared/gold/score.py` does: which
//! events belong to a gold sentence ([`belongs`], [`norm`] with Python's `\w`), greedy one-to-one
//! matching ([`match_sentence`]), and the totals per root ([`Score`]).
//!
//! `tidings eval` reports with it; the coder's training (`tidings-coder`'s `model::labels`) labels its
//! candidates with it and measures held-out data the same way. This crate codes nothing and reads
//! no corpus itself.

pub mod coded;
mod pyword;
pub mod score;

pub use coded::{read_coded, ArticleTexts, CodedEvent, CodedSentence};
pub use score::{belongs, match_sentence, norm, Counts, Score, SentenceMatch, Triple};
