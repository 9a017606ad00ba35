//! Part-of-speech tagging for English news: tells verbs from nouns and adjectives ("China
//! *attacks* Japan" vs "the *attacks* continued") and marks where noun phrases start and end, over
//! the project's own tokens ([`tidings_dict::words::Words`]).
//!
//! It is a greedy left-to-right averaged perceptron over the 17 Universal POS tags, with VERB and
//! AUX further split by Penn verb form (VB, VBD, VBG, VBN, VBP, VBZ, MD). It is not a parser, a
//! lemmatizer or a named-entity recognizer, and it knows nothing about the dictionaries.
//!
//! # Types and data flow
//!
//! - [`Tagger`]: the weight table. [`Tagger::builtin`] loads the embedded model once;
//!   [`Tagger::tag`] fills a `Vec<`[`Upos`]`>` with one tag per word, and [`Tagger::tag_detailed`]
//!   a `Vec<`[`Tag`]`>` whose [`Tag::verb_form`] gives the [`VerbForm`] of verbs.
//! - `features` turns each word's normalized form and shape flags into hashed feature keys
//!   (word, suffixes, prefixes, shape, neighbours, previous two tags); nothing is allocated per word.
//! - [`memory`] asks for 2 MB pages under the tagger's weight table (and, from the crates above,
//!   the parser's and the event model's), whose random lookups would otherwise also miss the
//!   address translation cache.
//! - `treebank` reads CoNLL-U and aligns its tags to `Words` by character offsets; `train` is the
//!   perceptron trainer that writes the model file. Both serve the training example and tests,
//!   not the tagging path.
//!
//! Text → [`Words::new`](tidings_dict::words::Words::new) → [`Tagger::tag`] → tags, index for index.
//!
//! ```
//! use tidings_dict::words::Words;
//! use tidings_tagger::{Tagger, Upos};
//!
//! let words = Words::new("China attacks Japan.");
//! let mut tags = Vec::new();
//! Tagger::builtin().tag(&words, &mut tags);
//! assert_eq!(tags.len(), words.len());
//! assert_eq!(tags[1], Upos::Verb);
//! ```
//!
//! # Accuracy, speed, retraining
//!
//! On UD English EWT, scored over our own tokenization: UPOS accuracy 94.2% on dev and 94.0% on
//! test (web text; news is easier). The model file is about 2.5 MB (180k hashed features with
//! `i16` weights, plus a dictionary of ~500 frequent words that always take one tag, which skip
//! scoring). Tagging runs at roughly 1.2 million tokens/s on one (shared) core. Retrain with
//! `cargo run --release -p tidings-tagger --example train -- /work/shared/corpus/ud-english-ewt`,
//! which rewrites `model/ewt-upos.bin`; measure speed with `cargo bench -p tidings-tagger --bench tag`.
//!
//! # Licence of the weights
//!
//! The model file `model/ewt-upos.bin` was trained on the Universal Dependencies English Web
//! Treebank (UD_English-EWT, by the Universal Dependencies contributors, from the LDC English Web
//! Treebank), which is licensed CC BY-SA 4.0. The weights are a work derived from it and are
//! distributed under CC BY-SA 4.0 as well; see `model/LICENSE-NOTICE.md`. The treebank itself is
//! not part of this repository. The code is under the workspace licence.

pub mod features;
pub mod memory;
mod model;
mod tags;
pub mod train;
pub mod treebank;

pub use model::{ModelError, Tagger};
pub use tags::{Tag, Upos, VerbForm};

#[cfg(test)]
mod tests;
