//! Text stage of the pipeline: sentences and dates.
//!
//! (Interface sketch: the text helper fills this crate in.)
//!
//! - `split_sentences(text) -> Vec<std::ops::Range<usize>>`: byte ranges of sentences in cleaned text.
//! - `DateResolver`: finds date expressions in a sentence ("on Saturday", "yesterday", "Oct. 9",
//!   "9 October 2020") and resolves them against the article date.
