//! The tag inventory: the 17 Universal POS tags, and the finer classes the model predicts
//! (VERB and AUX split by Penn verb form), with the mapping between them.

/// Universal Dependencies part-of-speech tags (UPOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The UD name ("NOUN", "VERB", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a UD name; `None` for anything else.
    pub fn from_name(name: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == name)
    }

    /// Nouns and proper nouns.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn)
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Penn Treebank verb form of a VERB or AUX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// VB: "attack", "to attack", "will attack".
    Base,
    /// VBD: "attacked" as a finite past.
    Past,
    /// VBG: "attacking".
    Gerund,
    /// VBN: "attacked" after have/be, or as a reduced relative.
    PastParticiple,
    /// VBP: "attack" with a non-3rd-singular subject.
    Present,
    /// VBZ: "attacks".
    Present3sg,
    /// MD: "will", "could" (AUX only).
    Modal,
}

impl VerbForm {
    /// The Penn tag ("VBD", ...).
    pub fn penn(self) -> &'static str {
        match self {
            VerbForm::Base => "VB",
            VerbForm::Past => "VBD",
            VerbForm::Gerund => "VBG",
            VerbForm::PastParticiple => "VBN",
            VerbForm::Present => "VBP",
            VerbForm::Present3sg => "VBZ",
            VerbForm::Modal => "MD",
        }
    }

    fn from_penn(xpos: &str) -> Option<VerbForm> {
        Some(match xpos {
            "VB" => VerbForm::Base,
            "VBD" => VerbForm::Past,
            "VBG" => VerbForm::Gerund,
            "VBN" => VerbForm::PastParticiple,
            "VBP" => VerbForm::Present,
            "VBZ" => VerbForm::Present3sg,
            "MD" => VerbForm::Modal,
            _ => return None,
        })
    }
}

const VERB_FORMS: [VerbForm; 6] = [
    VerbForm::Base,
    VerbForm::Past,
    VerbForm::Gerund,
    VerbForm::PastParticiple,
    VerbForm::Present,
    VerbForm::Present3sg,
];

/// One of the classes the model predicts: a UPOS tag, with the verb form for VERB and AUX.
///
/// Classes 0..15 are the UPOS tags other than AUX and VERB, 15..21 are VERB by form
/// (VB VBD VBG VBN VBP VBZ) and 21..28 are AUX by form (the same, then MD).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(pub(crate) u8);

const PLAIN: [Upos; 15] = [
    Upos::Adj,
    Upos::Adp,
    Upos::Adv,
    Upos::Cconj,
    Upos::Det,
    Upos::Intj,
    Upos::Noun,
    Upos::Num,
    Upos::Part,
    Upos::Pron,
    Upos::Propn,
    Upos::Punct,
    Upos::Sconj,
    Upos::Sym,
    Upos::X,
];
const VERB_BASE: u8 = 15;
const AUX_BASE: u8 = 21;

impl Tag {
    /// Number of classes.
    pub const COUNT: usize = 28;

    /// The class for a treebank word; a VERB/AUX whose Penn tag is not a verb form counts as base form.
    pub fn from_ud(upos: Upos, xpos: &str) -> Tag {
        let form = VerbForm::from_penn(xpos);
        match upos {
            Upos::Verb => {
                let f = form
                    .filter(|f| *f != VerbForm::Modal)
                    .unwrap_or(VerbForm::Base);
                Tag(VERB_BASE + VERB_FORMS.iter().position(|x| *x == f).unwrap() as u8)
            }
            Upos::Aux => match form.unwrap_or(VerbForm::Base) {
                VerbForm::Modal => Tag(AUX_BASE + 6),
                f => Tag(AUX_BASE + VERB_FORMS.iter().position(|x| *x == f).unwrap() as u8),
            },
            u => Tag(PLAIN.iter().position(|x| *x == u).unwrap() as u8),
        }
    }

    /// The class with index `i` (`i < Tag::COUNT`).
    pub fn from_index(i: usize) -> Tag {
        assert!(i < Tag::COUNT, "tag index {i} out of range");
        Tag(i as u8)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn upos(self) -> Upos {
        match self.0 {
            i if i < VERB_BASE => PLAIN[i as usize],
            i if i < AUX_BASE => Upos::Verb,
            _ => Upos::Aux,
        }
    }

    /// The verb form of a VERB or AUX; `None` for other tags.
    pub fn verb_form(self) -> Option<VerbForm> {
        match self.0 {
            i if i < VERB_BASE => None,
            i if i < AUX_BASE => Some(VERB_FORMS[(i - VERB_BASE) as usize]),
            i if i == AUX_BASE + 6 => Some(VerbForm::Modal),
            i => Some(VERB_FORMS[(i - AUX_BASE) as usize]),
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.verb_form() {
            Some(v) => write!(f, "{}/{}", self.upos(), v.penn()),
            None => write!(f, "{}", self.upos()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_round_trips() {
        for i in 0..Tag::COUNT {
            let t = Tag::from_index(i);
            let xpos = t.verb_form().map_or("NN", |v| v.penn());
            assert_eq!(Tag::from_ud(t.upos(), xpos), t, "class {i} ({t})");
        }
        assert_eq!(
            Tag::from_ud(Upos::Verb, "VBD").verb_form(),
            Some(VerbForm::Past)
        );
        assert_eq!(Tag::from_ud(Upos::Aux, "MD").to_string(), "AUX/MD");
        assert_eq!(Upos::from_name("PROPN"), Some(Upos::Propn));
    }
}
