//! What the dictionaries' verb patterns say about a sentence, for the event model: every act the
//! patterns find, with the first precision rule that rejects it (or none). The model learns how far
//! to trust each pattern and each rule, instead of the rules deciding alone.

use super::features::DictEvidence;
use crate::actors::ActorGroup;
use crate::{acts, assertion, clauses, compounds, intent, record, structure};
use tidings_dict::words::Words;
use tidings_dict::Dictionaries;
use tidings_parser::Parse;
use tidings_tagger::{Tag, Upos};

/// The veto of an act the sentence negates ("did not impose sanctions").
pub const NEGATED: &str = "negated";

/// Everything the rules read about one sentence.
pub struct EvidenceInput<'a> {
    pub sentence: &'a str,
    pub words: &'a Words,
    pub dicts: &'a Dictionaries,
    pub groups: &'a [ActorGroup],
    pub tags: &'a [Tag],
    pub parse: &'a Parse,
    pub headline: bool,
}

/// The acts the verb patterns find, each with the rule that vetoes it.
pub fn dictionary_evidence(input: &EvidenceInput) -> Vec<DictEvidence> {
    let EvidenceInput {
        sentence,
        words,
        dicts,
        groups,
        tags,
        parse,
        headline,
    } = *input;
    let upos: Vec<Option<Upos>> = tags.iter().map(|t| Some(t.upos())).collect();
    acts::find_acts(words, dicts, groups)
        .into_iter()
        .filter(|a| record::yields_events(groups, a))
        .map(|a| {
            let veto = if a.negated {
                Some(NEGATED)
            } else {
                assertion::rejection(words, dicts, groups, &a)
                    .or_else(|| intent::intent_rejection(words, &a))
                    .or_else(|| assertion::rejection_by_tags(words, groups, &a, &upos, headline))
                    .or_else(|| structure::structural_rejection(sentence, words, parse, groups, &a))
                    .or_else(|| clauses::clause_rejection(words, parse, groups, &a))
                    .or_else(|| compounds::compound_rejection(words, dicts, parse, groups, &a))
            };
            DictEvidence {
                source: a.source,
                target: a.target,
                code: a.code.clone(),
                verb: a.verb,
                pattern: a.pattern.text.clone(),
                origin: a.pattern.origin.clone(),
                veto,
            }
        })
        .collect()
}
