//! The event model: a trained classifier that reads every pair of actors in a sentence and decides
//! whether the sentence says the first did something to the second, and what (a CAMEO root).
//!
//! The dictionaries still say who the actors are ([`crate::actors`]) and what their verb patterns
//! code ([`crate::acts`]); the model weighs that evidence, and the precision rules' vetoes, against
//! what the words and the dependency parse show, so that nouns ("talks", "airstrikes on"),
//! participles, speech and patterns the dictionaries lack are coded too.
//!
//! - [`candidates`]: the candidate events of a sentence, each ordered pair of actor mentions and
//!   each mention with no target;
//! - [`features`]: what the model reads of a candidate;
//! - [`roots`]: the sentence model, whose roots every candidate reads;
//! - [`weights`]: the trained weights and their file format;
//! - [`train`]: the averaged perceptron that learns them from coded sentences.
//!
//! The shipped weights (`crates/coder/model/events.bin`) are trained on sentences of real news coded
//! by expert coders; `docs/event-model.md` says on what, and how to retrain them.

pub mod candidates;
pub mod decide;
pub mod evidence;
pub mod features;
pub mod labels;
pub mod roots;
pub mod train;
pub mod weights;

use std::sync::OnceLock;
pub use weights::{ModelError, Weights, CLASSES};

/// The event model: the candidate model that decides each pair of actors, and the sentence model
/// whose roots it reads ([`roots`]).
#[derive(Debug, Clone)]
pub struct EventModel {
    pub events: Weights,
    pub roots: Weights,
}

static BUILTIN: OnceLock<EventModel> = OnceLock::new();
static EVENTS_BYTES: &[u8] = include_bytes!("../../model/events.bin");
static ROOTS_BYTES: &[u8] = include_bytes!("../../model/roots.bin");

/// The model that ships with tidings, loaded on first use.
pub fn builtin() -> &'static EventModel {
    BUILTIN.get_or_init(|| EventModel {
        events: Weights::from_bytes(EVENTS_BYTES).expect("the built-in event model is well formed"),
        roots: Weights::from_bytes(ROOTS_BYTES).expect("the built-in roots model is well formed"),
    })
}

/// The CAMEO root ("04") of a model class (1..=20).
pub fn root_of(class: usize) -> String {
    format!("{class:02}")
}

/// The model class of a CAMEO code or root ("042" and "04" are class 4), if it is one.
pub fn class_of(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    (1..=20).contains(&root).then_some(root)
}

/// One candidate of a sentence with its features, for training and inspection.
#[derive(Debug, Clone)]
pub struct CandidateRecord {
    /// Byte spans in the sentence and codes of the two mentions.
    pub source_span: std::ops::Range<usize>,
    pub source_code: String,
    pub target_span: Option<std::ops::Range<usize>>,
    pub target_code: Option<String>,
    pub features: Vec<u64>,
}

/// A sentence of an article with its candidates.
#[derive(Debug, Clone)]
pub struct SentenceCandidates {
    pub sentence: String,
    /// What the sentence model reads ([`roots::sentence_features`]).
    pub sentence_features: Vec<u64>,
    /// Some verb pattern matched the sentence (whether or not a rule vetoed it).
    pub has_acts: bool,
    /// The candidates' features, without the sentence model's priors (added by whoever scores
    /// them, from the sentence model at hand).
    pub candidates: Vec<CandidateRecord>,
}
