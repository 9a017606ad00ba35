//! The parser: two weight tables (transitions and labels) read from the model file, and the
//! greedy parsing loop over them.
//!
//! Model file: magic `TIDPAR01`, the transition table, then the label table (see `table`).

use crate::features::{self, Tokens, LABEL, TRANSITION};
use crate::parse::Parse;
use crate::rel::Rel;
use crate::state::{State, ACTIONS, NONE, SHIFT};
use crate::table::{Table, MAX_CLASSES};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;
use tidings_dict::words::Words;
use tidings_tagger::Tag;

pub(crate) const MAGIC: &[u8; 8] = b"TIDPAR01";

static BUILTIN: OnceLock<Parser> = OnceLock::new();
static BUILTIN_BYTES: &[u8] = include_bytes!("../model/ewt-parser.bin");

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "parser model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A trained dependency parser.
#[derive(Debug)]
pub struct Parser {
    transitions: Table,
    labels: Table,
}

/// Reusable per-thread buffers.
#[derive(Default)]
struct Scratch {
    tokens: Tokens,
    state: State,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Parser {
    /// The model trained on UD English EWT that ships with the crate, loaded on first use.
    pub fn builtin() -> &'static Parser {
        BUILTIN.get_or_init(|| {
            Parser::from_bytes(BUILTIN_BYTES).expect("the built-in parser model is well formed")
        })
    }

    /// Reads a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(ModelError("not a tidings parser model (bad magic)".into()));
        }
        let mut at = 8;
        let transitions = Table::read(bytes, &mut at, "transition")?;
        let labels = Table::read(bytes, &mut at, "label")?;
        if transitions.classes != ACTIONS || labels.classes != Rel::COUNT {
            return Err(ModelError(format!(
                "model has {} transitions and {} labels, this build expects {ACTIONS} and {}",
                transitions.classes,
                labels.classes,
                Rel::COUNT
            )));
        }
        if at != bytes.len() {
            return Err(ModelError(format!(
                "{} bytes left over after the tables",
                bytes.len() - at
            )));
        }
        Ok(Parser {
            transitions,
            labels,
        })
    }

    /// Number of features with weights (transition and label tables).
    pub fn feature_count(&self) -> usize {
        self.transitions.features + self.labels.features
    }

    /// Parses all of `words` (one sentence) given one tag per word from
    /// [`Tagger::tag_detailed`](tidings_tagger::Tagger::tag_detailed).
    pub fn parse(&self, words: &Words, tags: &[Tag]) -> Parse {
        let mut out = Parse::default();
        self.parse_span(words, tags, 0..words.len(), &mut out);
        out
    }

    /// Tags `words` with the built-in tagger, then parses them.
    pub fn parse_words(&self, words: &Words) -> Parse {
        let mut tags = Vec::new();
        features::tag_words(words, &mut tags);
        self.parse(words, &tags)
    }

    /// Parses the sentence `words[range]` into `out`, reusing its memory. `tags` has one tag per
    /// word of `words` (the whole of it, not just the range).
    ///
    /// # Panics
    /// If `range` is out of bounds of `words` or `tags`.
    pub fn parse_span(&self, words: &Words, tags: &[Tag], range: Range<usize>, out: &mut Parse) {
        assert!(range.end <= words.len() && range.end <= tags.len());
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            scratch.tokens.fill(words, tags, range.clone());
            self.run(&scratch.tokens, &mut scratch.state);
            let st = &scratch.state;
            let n = st.n;
            out.start = range.start;
            out.heads.clear();
            out.rels.clear();
            for i in 0..n {
                let h = st.heads[i];
                out.heads.push(if h as usize >= n {
                    u32::MAX
                } else {
                    h + range.start as u32
                });
                out.rels.push(Rel::from_index(st.rels[i] as usize));
            }
        })
    }

    /// Runs the greedy parse of `tokens` in `st`.
    pub(crate) fn run(&self, tokens: &Tokens, st: &mut State) {
        let n = tokens.word.len() - 1;
        st.reset(n);
        let mut keys = [0u32; TRANSITION];
        while !st.is_final() {
            let legal = st.legal();
            let action = if legal.iter().filter(|l| **l).count() == 1 {
                legal.iter().position(|l| *l).unwrap_or(SHIFT)
            } else {
                features::transition_keys(tokens, st, &mut keys);
                for &k in &keys {
                    self.transitions.prefetch(k);
                }
                let mut scores = [0i32; MAX_CLASSES];
                for &k in &keys {
                    self.transitions.add(k, &mut scores);
                }
                best_legal(&scores, &legal)
            };
            let rel = if action == SHIFT {
                0
            } else {
                let dep = st.s(0) as usize;
                let head = st.head_for(action);
                self.label(tokens, st, dep, head)
            };
            st.apply(action, rel);
        }
        debug_assert!(st.heads[..n].iter().all(|h| *h != NONE));
    }

    /// The best label for the arc `dep -> head` (`head == n` is the root).
    pub(crate) fn label(&self, tokens: &Tokens, st: &State, dep: usize, head: usize) -> u8 {
        if head == st.n {
            return Rel::Root as u8;
        }
        let mut keys = [0u32; LABEL];
        features::label_keys(tokens, st, dep, head, &mut keys);
        for &k in &keys {
            self.labels.prefetch(k);
        }
        let mut scores = [0i32; MAX_CLASSES];
        for &k in &keys {
            self.labels.add(k, &mut scores);
        }
        best_label(&scores)
    }
}

/// The highest-scoring legal transition (ties go to the lowest index).
#[inline]
pub(crate) fn best_legal<T: PartialOrd + Copy>(scores: &[T], legal: &[bool; ACTIONS]) -> usize {
    let mut best = usize::MAX;
    for a in 0..ACTIONS {
        if legal[a] && (best == usize::MAX || scores[a] > scores[best]) {
            best = a;
        }
    }
    best
}

/// The highest-scoring label other than root.
#[inline]
pub(crate) fn best_label<T: PartialOrd + Copy>(scores: &[T]) -> u8 {
    let mut best = 1;
    for c in 2..Rel::COUNT {
        if scores[c] > scores[best] {
            best = c;
        }
    }
    best as u8
}
