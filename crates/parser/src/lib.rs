//! Labelled dependency parsing for English news: for each word, its syntactic head and the
//! relation to it, so the event coder can tell a clause's subject from a noun in another clause
//! ("*While* Obama pledged ..., officials vowed ..."), a possessor or noun modifier from the head
//! noun ("India's *actions*"), and a PP on the object noun from one on the verb.
//!
//! It is a greedy arc-hybrid transition parser with two averaged perceptrons over hashed features
//! (one picks the transition, the other the label of each arc made), trained with a dynamic
//! oracle and error exploration on UD English EWT. It works over the project's own tokens
//! ([`tidings_dict::words::Words`]) and the tags of [`tidings_tagger::Tagger::tag_detailed`]. It
//! is not a tagger, a sentence splitter or a semantic role labeller, and its trees are projective
//! (crossing arcs in the treebank were lifted for training).
//!
//! # Types and data flow
//!
//! - [`Parser`]: the weight tables. [`Parser::builtin`] loads the embedded model once;
//!   [`Parser::parse_span`] parses a sentence `words[range]` into a reusable [`Parse`],
//!   [`Parser::parse`] returns a new one for a whole `Words`, and [`Parser::parse_words`] tags
//!   with the built-in tagger first.
//! - [`Parse`]: per word, [`Parse::head`] (`None` at the root), [`Parse::label`] (a [`Rel`]),
//!   [`Parse::children`], [`Parse::children_with`], [`Parse::root`], [`Parse::dominates`],
//!   [`Parse::subtree`]. Indices are indices into the parsed `Words`, even for a span.
//! - [`Rel`]: UD relations collapsed to 33 labels (see its docs for what folds into what).
//! - `features` hashes words, tags, children, labels, distance and valency into keys; `state` is
//!   the transition system; `treebank` carries CoNLL-U trees over to our tokens; `train` and
//!   [`attachment_scores`] serve the training example and the tests, not the parsing path.
//!
//! Text → `Words::new` → `Tagger::tag_detailed` → [`Parser::parse_span`] → [`Parse`].
//!
//! ```
//! use tidings_dict::words::Words;
//! use tidings_parser::{Parser, Rel};
//! use tidings_tagger::Tagger;
//!
//! let words = Words::new("India's actions angered Pakistan.");
//! let mut tags = Vec::new();
//! Tagger::builtin().tag_detailed(&words, &mut tags);
//! let parse = Parser::builtin().parse(&words, &tags);
//! let verb = parse.root().unwrap();
//! assert_eq!(words.norm(verb), "angered");
//! let subject = parse.children_with(verb, Rel::Nsubj).next().unwrap();
//! assert_eq!(words.norm(subject), "actions");
//! assert_eq!(parse.head(0), Some(subject)); // "india" hangs off "actions" ...
//! assert_eq!(parse.label(0), Rel::NmodPoss); // ... as its possessor
//! ```
//!
//! # Accuracy, speed, size, retraining
//!
//! On UD English EWT over our own tokenization, with the tagger's predicted tags and
//! punctuation excluded: dev UAS 84.8%, LAS 80.3%; test UAS 84.9%, LAS 80.6% (with punctuation
//! about half a point lower). About 345k tokens/s (14k sentences/s) on one core over AllSides
//! news sentences, tagging not included (half that when the two cores are busy with other work).
//! The model file is 5.7 MB (450k transition and 70k label features, `i16` weights). Training tags the treebank with taggers trained on the
//! other four fifths of it (jackknifing), so the parser learns from tags as noisy as it will
//! see. Retrain with
//! `cargo run --release -p tidings-parser --example train -- /work/shared/corpus/ud-english-ewt`,
//! which rewrites `model/ewt-parser.bin`; measure speed with
//! `cargo bench -p tidings-parser --bench parse`.
//!
//! # Licence of the weights
//!
//! The model file `model/ewt-parser.bin` was trained on the Universal Dependencies English Web
//! Treebank (UD_English-EWT, by the Universal Dependencies contributors, from the LDC English Web
//! Treebank), which is licensed CC BY-SA 4.0. The weights are a work derived from it and are
//! distributed under CC BY-SA 4.0 as well; see `model/LICENSE-NOTICE.md`. The treebank itself is
//! not part of this repository. The code is under the workspace licence.

mod eval;
mod features;
mod model;
mod parse;
mod rel;
mod state;
mod table;
pub mod train;
pub mod treebank;

pub use eval::{attachment_scores, label_confusions, Scores};
pub use model::{ModelError, Parser};
pub use parse::Parse;
pub use rel::Rel;

#[cfg(test)]
mod tests;
