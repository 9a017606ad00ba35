//! The relation labels: Universal Dependencies relations collapsed to the set the event coder uses.

/// A dependency relation (the label on the arc from a word to its head).
///
/// UD subtypes are folded into their base relation except where the coder needs them apart:
/// `nsubj:pass`, `aux:pass`, `nmod:poss`, `acl:relcl`, `obl:agent` ("attacked *by* China") and
/// `compound:prt` ("pull *out*") keep their own labels. `obl:tmod`/`obl:npmod`/`obl:unmarked` are
/// [`Rel::Obl`]; `nmod:tmod`/`nmod:npmod`/`nmod:unmarked`/`nmod:desc` are [`Rel::Nmod`];
/// `nsubj:outer` is [`Rel::Nsubj`]; `det:predet` is [`Rel::Det`]; `flat:foreign` is [`Rel::Flat`];
/// `advcl:relcl` is [`Rel::Advcl`]; `cc:preconj` is [`Rel::Cc`]. Everything else (`csubj`, `expl`,
/// `discourse`, `vocative`, `list`, `goeswith`, `reparandum`, `orphan`, `dislocated`, `dep`) is
/// [`Rel::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Rel {
    Root,
    Nsubj,
    NsubjPass,
    Obj,
    Iobj,
    Obl,
    OblAgent,
    Nmod,
    NmodPoss,
    Compound,
    CompoundPrt,
    Amod,
    Appos,
    Conj,
    Cc,
    Case,
    Mark,
    Advcl,
    Acl,
    AclRelcl,
    Ccomp,
    Xcomp,
    Parataxis,
    Aux,
    AuxPass,
    Cop,
    Det,
    Advmod,
    Nummod,
    Flat,
    Fixed,
    Punct,
    Other,
}

impl Rel {
    /// Number of labels.
    pub const COUNT: usize = 33;

    pub const ALL: [Rel; Rel::COUNT] = [
        Rel::Root,
        Rel::Nsubj,
        Rel::NsubjPass,
        Rel::Obj,
        Rel::Iobj,
        Rel::Obl,
        Rel::OblAgent,
        Rel::Nmod,
        Rel::NmodPoss,
        Rel::Compound,
        Rel::CompoundPrt,
        Rel::Amod,
        Rel::Appos,
        Rel::Conj,
        Rel::Cc,
        Rel::Case,
        Rel::Mark,
        Rel::Advcl,
        Rel::Acl,
        Rel::AclRelcl,
        Rel::Ccomp,
        Rel::Xcomp,
        Rel::Parataxis,
        Rel::Aux,
        Rel::AuxPass,
        Rel::Cop,
        Rel::Det,
        Rel::Advmod,
        Rel::Nummod,
        Rel::Flat,
        Rel::Fixed,
        Rel::Punct,
        Rel::Other,
    ];

    /// The label's name, in UD spelling ("nsubj:pass", "other").
    pub fn as_str(self) -> &'static str {
        match self {
            Rel::Root => "root",
            Rel::Nsubj => "nsubj",
            Rel::NsubjPass => "nsubj:pass",
            Rel::Obj => "obj",
            Rel::Iobj => "iobj",
            Rel::Obl => "obl",
            Rel::OblAgent => "obl:agent",
            Rel::Nmod => "nmod",
            Rel::NmodPoss => "nmod:poss",
            Rel::Compound => "compound",
            Rel::CompoundPrt => "compound:prt",
            Rel::Amod => "amod",
            Rel::Appos => "appos",
            Rel::Conj => "conj",
            Rel::Cc => "cc",
            Rel::Case => "case",
            Rel::Mark => "mark",
            Rel::Advcl => "advcl",
            Rel::Acl => "acl",
            Rel::AclRelcl => "acl:relcl",
            Rel::Ccomp => "ccomp",
            Rel::Xcomp => "xcomp",
            Rel::Parataxis => "parataxis",
            Rel::Aux => "aux",
            Rel::AuxPass => "aux:pass",
            Rel::Cop => "cop",
            Rel::Det => "det",
            Rel::Advmod => "advmod",
            Rel::Nummod => "nummod",
            Rel::Flat => "flat",
            Rel::Fixed => "fixed",
            Rel::Punct => "punct",
            Rel::Other => "other",
        }
    }

    /// Collapses a UD relation (with or without subtype) to a label; unknown names are `Other`.
    pub fn from_ud(deprel: &str) -> Rel {
        match deprel {
            "nsubj:pass" => return Rel::NsubjPass,
            "aux:pass" => return Rel::AuxPass,
            "nmod:poss" => return Rel::NmodPoss,
            "acl:relcl" => return Rel::AclRelcl,
            "obl:agent" => return Rel::OblAgent,
            "compound:prt" => return Rel::CompoundPrt,
            _ => {}
        }
        let base = deprel.split(':').next().unwrap_or(deprel);
        match base {
            "root" => Rel::Root,
            "nsubj" => Rel::Nsubj,
            "obj" => Rel::Obj,
            "iobj" => Rel::Iobj,
            "obl" => Rel::Obl,
            "nmod" => Rel::Nmod,
            "compound" => Rel::Compound,
            "amod" => Rel::Amod,
            "appos" => Rel::Appos,
            "conj" => Rel::Conj,
            "cc" => Rel::Cc,
            "case" => Rel::Case,
            "mark" => Rel::Mark,
            "advcl" => Rel::Advcl,
            "acl" => Rel::Acl,
            "ccomp" => Rel::Ccomp,
            "xcomp" => Rel::Xcomp,
            "parataxis" => Rel::Parataxis,
            "aux" => Rel::Aux,
            "cop" => Rel::Cop,
            "det" => Rel::Det,
            "advmod" => Rel::Advmod,
            "nummod" => Rel::Nummod,
            "flat" => Rel::Flat,
            "fixed" => Rel::Fixed,
            "punct" => Rel::Punct,
            _ => Rel::Other,
        }
    }

    /// The label with index `i` (`i < Rel::COUNT`).
    pub fn from_index(i: usize) -> Rel {
        Rel::ALL[i]
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Subjects: `nsubj` and `nsubj:pass`.
    pub fn is_subject(self) -> bool {
        matches!(self, Rel::Nsubj | Rel::NsubjPass)
    }
}

impl std::fmt::Display for Rel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_subtypes_collapse() {
        for (i, r) in Rel::ALL.iter().enumerate() {
            assert_eq!(r.index(), i);
            assert_eq!(Rel::from_ud(r.as_str()), *r, "{r}");
        }
        assert_eq!(Rel::from_ud("obl:tmod"), Rel::Obl);
        assert_eq!(Rel::from_ud("nmod:unmarked"), Rel::Nmod);
        assert_eq!(Rel::from_ud("nsubj:outer"), Rel::Nsubj);
        assert_eq!(Rel::from_ud("csubj"), Rel::Other);
        assert_eq!(Rel::from_ud("nonsense"), Rel::Other);
    }
}
