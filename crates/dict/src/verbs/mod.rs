//! The [`VerbDictionary`]: verbs, their inflected forms, and the [`VerbPattern`]s that map a verb and
//! the words around it to a CAMEO event code.
//!
//! Patterns are written `CODE | verb word word + ...` (see `dictionaries/README.md`). Each inflected
//! form of a verb ("praised") leads to its lemma ("praise") and the [`VerbForm`] it has, and the
//! lemma to its patterns, most specific first.

mod alternatives;
mod index;
mod inflection;
mod patterns;
mod word_mask;

pub use alternatives::AltIndex;
pub use index::{VerbDictionary, NO_ALTS};
pub use inflection::{regular_forms, IrregularForms};
pub use patterns::{read_patterns, PatternElement, VerbPattern};
pub use word_mask::{mask_add, mask_add_hash, WordMask};

/// The grammatical form of an inflected verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    ThirdPerson,
    Past,
    PastParticiple,
    /// Regular verbs share one form for past and past participle ("praised").
    PastOrParticiple,
    Gerund,
}

impl VerbForm {
    /// Can this form follow "was"/"been" in a passive?
    pub fn can_be_participle(self) -> bool {
        matches!(self, VerbForm::PastParticiple | VerbForm::PastOrParticiple)
    }
}

/// Index of a lemma in [`VerbDictionary::lemmas`].
pub type LemmaId = u32;
