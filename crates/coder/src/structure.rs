//! Grammatical checks on an act with the dependency parse of its sentence: is the source the
//! subject of the act's verb, and is the target its object? The pattern matcher in [`crate::acts`]
//! works by word positions, so it takes the subject of a neighbouring clause ("While Obama pledged
//! to look into it, officials vowed ...") or an actor deep in a prepositional phrase of the object
//! ("defended the intelligence community's work on ISIS") as readily as the real arguments.
//!
//! [`Dependencies`] holds one head and one [`Relation`] per word of the sentence, filled from a
//! parser's output. [`structural_rejection`] walks from the head word of each argument up to the
//! verb and rejects the act when the path leaves the verb's clause (a relative, adverbial or
//! complement clause, another verb's subject) or climbs through more than one noun modifier.
//!
//! It is not a parser and does not decide which pattern applies; it only vetoes acts.

use crate::actors::ActorGroup;
use crate::acts::Act;

/// The grammatical relations the checks read, a coarse view of Universal Dependencies relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// `nsubj`
    Subject,
    /// `nsubj:pass`
    PassiveSubject,
    /// `obj`
    Object,
    /// `iobj`
    IndirectObject,
    /// `obl`, `obl:agent` ...: a prepositional or adverbial argument of a verb
    Oblique,
    /// `nmod`: a prepositional phrase attached to a noun ("work on ISIS")
    NounModifier,
    /// `nmod:poss` ("India's actions")
    Possessive,
    /// `compound` ("NATO summit")
    Compound,
    /// `amod` ("Chinese troops")
    AdjectiveModifier,
    /// `appos` ("Xi, the Chinese president,")
    Apposition,
    /// `flat` (the parts of a name)
    Flat,
    /// `conj`
    Conjunct,
    /// `xcomp`: an infinitive or other complement that shares the subject ("vowed to attack")
    OpenComplement,
    /// `ccomp`, `csubj`: a clause that is an argument
    ClausalComplement,
    /// `advcl`
    AdverbialClause,
    /// `acl`, `acl:relcl`
    AdnominalClause,
    /// `parataxis`
    Parataxis,
    /// `root`
    Root,
    /// everything else (`det`, `case`, `aux`, `punct` ...)
    Other,
}

impl Relation {
    /// The relation for a Universal Dependencies label (`"nsubj:pass"`, `"obl:tmod"`, ...).
    pub fn from_ud(label: &str) -> Relation {
        match label {
            "nsubj" | "nsubj:outer" => Relation::Subject,
            "nsubj:pass" => Relation::PassiveSubject,
            "obj" => Relation::Object,
            "iobj" => Relation::IndirectObject,
            "nmod:poss" => Relation::Possessive,
            "appos" => Relation::Apposition,
            "compound" => Relation::Compound,
            "amod" => Relation::AdjectiveModifier,
            "flat" | "flat:name" | "flat:foreign" | "fixed" => Relation::Flat,
            "conj" => Relation::Conjunct,
            "xcomp" => Relation::OpenComplement,
            "ccomp" | "csubj" | "csubj:pass" => Relation::ClausalComplement,
            "advcl" | "advcl:relcl" => Relation::AdverbialClause,
            "parataxis" => Relation::Parataxis,
            "root" => Relation::Root,
            l if l.starts_with("obl") => Relation::Oblique,
            l if l.starts_with("nmod") => Relation::NounModifier,
            l if l.starts_with("acl") => Relation::AdnominalClause,
            l if l.starts_with("compound") => Relation::Compound,
            _ => Relation::Other,
        }
    }
}

/// A dependency parse of one sentence: for each word, its head (None for the root) and relation.
#[derive(Debug, Clone, Default)]
pub struct Dependencies {
    pub heads: Vec<Option<usize>>,
    pub relations: Vec<Relation>,
}

impl Dependencies {
    fn head(&self, i: usize) -> Option<usize> {
        self.heads.get(i).copied().flatten()
    }

    fn relation(&self, i: usize) -> Relation {
        self.relations.get(i).copied().unwrap_or(Relation::Other)
    }

    /// The word of `start..end` whose head lies outside the span (the last one, for a span the
    /// parser split).
    pub fn span_head(&self, start: usize, end: usize) -> Option<usize> {
        (start..end)
            .rev()
            .find(|&i| self.head(i).is_none_or(|h| h < start || h >= end))
    }

    /// The verb and the verbs it shares its subject with: those it is a conjunct or open
    /// complement of ("vowed to attack", "met X and praised"), up to three levels.
    fn governing_verbs(&self, verb: usize) -> Vec<usize> {
        let mut chain = vec![verb];
        let mut v = verb;
        for _ in 0..3 {
            match (self.relation(v), self.head(v)) {
                (Relation::Conjunct | Relation::OpenComplement, Some(h)) => {
                    chain.push(h);
                    v = h;
                }
                _ => break,
            }
        }
        chain
    }
}

/// Why the parse shows the act's source or target is not the verb's argument, or None.
pub fn structural_rejection(
    deps: &Dependencies,
    groups: &[ActorGroup],
    act: &Act,
) -> Option<&'static str> {
    let verbs = deps.governing_verbs(act.verb);
    let source = &groups[act.source];
    if source.end <= act.verb {
        let head = deps.span_head(source.start, source.end)?;
        let wanted: &[Relation] = if act.passive {
            &[Relation::PassiveSubject, Relation::Subject]
        } else {
            &[Relation::Subject]
        };
        if !reaches(deps, head, &verbs, wanted) {
            return Some("the parse: the source is not the verb's subject");
        }
    }
    if let Some(t) = act.target {
        let target = &groups[t];
        if target.start > act.verb {
            let head = deps.span_head(target.start, target.end)?;
            let wanted: &[Relation] = &[
                Relation::Object,
                Relation::IndirectObject,
                Relation::Oblique,
                Relation::OpenComplement,
            ];
            if !reaches(deps, head, &verbs, wanted) {
                return Some("the parse: the target is not the verb's object");
            }
        }
    }
    None
}

/// Does the path up from `word` reach one of `verbs` by one of the `wanted` relations, passing
/// only through the relations inside a noun phrase (coordination, apposition, names, compounds,
/// possessives) and at most one noun modifier ("officials from China", "the policies of China")?
fn reaches(deps: &Dependencies, word: usize, verbs: &[usize], wanted: &[Relation]) -> bool {
    let mut w = word;
    let mut modifiers = 0;
    for _ in 0..8 {
        let Some(h) = deps.head(w) else {
            return false;
        };
        let r = deps.relation(w);
        if verbs.contains(&h) {
            return wanted.contains(&r);
        }
        match r {
            Relation::Conjunct
            | Relation::Apposition
            | Relation::Flat
            | Relation::Compound
            | Relation::AdjectiveModifier => {}
            Relation::Possessive | Relation::NounModifier => {
                modifiers += 1;
                if modifiers > 1 {
                    return false;
                }
            }
            _ => return false,
        }
        w = h;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use Relation::*;

    fn deps(arcs: &[(Option<usize>, Relation)]) -> Dependencies {
        Dependencies {
            heads: arcs.iter().map(|a| a.0).collect(),
            relations: arcs.iter().map(|a| a.1).collect(),
        }
    }

    #[test]
    fn subject_and_object_of_the_verb_pass() {
        // China(0) criticized(1) Japan(2)
        let d = deps(&[(Some(1), Subject), (None, Root), (Some(1), Object)]);
        assert!(reaches(&d, 0, &[1], &[Subject]));
        assert!(reaches(&d, 2, &[1], &[Object]));
        assert!(!reaches(&d, 2, &[1], &[Subject]));
    }

    #[test]
    fn a_target_in_a_prepositional_phrase_of_a_modifier_fails() {
        // defended(0) the(1) community(2) 's(3) work(4) on(5) ISIS(6)
        let d = deps(&[
            (None, Root),
            (Some(2), Other),
            (Some(4), Possessive),
            (Some(2), Other),
            (Some(0), Object),
            (Some(6), Other),
            (Some(4), NounModifier),
        ]);
        // one noun modifier is allowed ("the work on ISIS" as the object)...
        assert!(reaches(&d, 6, &[0], &[Object]));
        // ...two are not: a deeper chain
        let mut deeper = d.clone();
        deeper.heads[4] = Some(2);
        deeper.relations[4] = NounModifier;
        deeper.heads[2] = Some(0);
        deeper.relations[2] = Object;
        assert!(!reaches(&deeper, 6, &[0], &[Object]));
    }

    #[test]
    fn a_subject_of_another_clause_fails() {
        // While(0) Obama(1) pledged(2) ,(3) officials(4) vowed(5)
        let d = deps(&[
            (Some(2), Other),
            (Some(2), Subject),
            (Some(5), AdverbialClause),
            (Some(5), Other),
            (Some(5), Subject),
            (None, Root),
        ]);
        assert!(!reaches(&d, 1, &d.governing_verbs(5), &[Subject]));
        assert!(reaches(&d, 4, &d.governing_verbs(5), &[Subject]));
    }

    #[test]
    fn a_shared_subject_reaches_an_open_complement() {
        // Iran(0) vowed(1) to(2) attack(3) Israel(4)
        let d = deps(&[
            (Some(1), Subject),
            (None, Root),
            (Some(3), Other),
            (Some(1), OpenComplement),
            (Some(3), Object),
        ]);
        assert!(reaches(&d, 0, &d.governing_verbs(3), &[Subject]));
    }

    #[test]
    fn labels_map_from_ud() {
        assert_eq!(Relation::from_ud("obl:tmod"), Oblique);
        assert_eq!(Relation::from_ud("nsubj:pass"), PassiveSubject);
        assert_eq!(Relation::from_ud("acl:relcl"), AdnominalClause);
        assert_eq!(Relation::from_ud("det"), Other);
    }
}
