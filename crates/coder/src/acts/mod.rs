//! Finding the acts of a sentence: each verb with a matching [`VerbPattern`], its source and target
//! [`ActorGroup`]s, and whether it is passive, negated or a statement of intent.
//!
//! [`find_acts`] reads the [`Words`] of a sentence and the actor groups already found in it, and
//! returns [`Act`]s. The source is the subject: the nearest actor group before the verb in the same
//! clause that is not the object of a preposition ("In a letter to Kim, Xi praised ..." has Xi as
//! subject). In the passive ("was praised by China") the subject is the target and the `by` phrase
//! the source.

mod matching;
mod modifiers;
mod objects;
mod petrarch;
mod subjects;
mod verb_use;

use crate::actors::ActorGroup;
use matching::match_pattern;
use petrarch::{after_weekday, object_head_limit};
use tidings_dict::verbs::{mask_add_hash, WordMask};
use tidings_dict::words::{Word, Words};
use tidings_dict::{Dictionaries, PatternElement, VerbPattern};
use verb_use::{is_passive, looks_like_verb};

/// One coded act: a pattern, the groups in its slots, and its modifiers.
#[derive(Debug, Clone)]
pub struct Act<'d> {
    pub verb: usize,
    pub pattern: &'d VerbPattern,
    /// CAMEO code after passive and intent are applied.
    pub code: String,
    pub source: usize,
    pub target: Option<usize>,
    pub negated: bool,
    pub intent: bool,
    pub passive: bool,
    /// The word that governs the verb as an infinitive ("seen" in "was seen to break") has an act
    /// of its own in the sentence (set with PETRARCH verb files only; see [`crate::assertion`]).
    pub governor_has_act: bool,
}

/// How far (in words) a pattern word may be from the previous element.
const WORD_WINDOW: usize = 4;
/// How far (in words) a target may start after the previous element without further checks.
const TARGET_WINDOW: usize = 7;
/// How far (in words) a target may start after the previous element when nothing between them ends
/// the verb's object ("welcomed a resumption of formal diplomatic ties with Osgiliath").
const OBJECT_WINDOW: usize = 16;

/// Words that end a verb's object noun phrase: a new clause or a subordinate clause starts.
const OBJECT_BREAKERS: &[&str] = &[
    ",", "\"", "(", ")", "--", "after", "before", "when", "while", "because", "since", "until",
    "although", "though", "if", "unless", "whereas", "that", "which", "who", "whom", "whose",
    "where", "but", "as", "so", "said", "says", "say",
];
/// Conjunctions that open a subordinate clause: a subject before one is not the subject of a verb after it.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "since", "until", "although", "though", "if",
    "unless", "whereas", "once",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
    "'s", "such", "any", "every", "each", "no", "of", "for", "new", "first",
];
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten",
];
const ADVERB_LIKE: &[&str] = &[
    "not",
    "n't",
    "also",
    "reportedly",
    "allegedly",
    "never",
    "already",
    "recently",
    "then",
    "just",
    "again",
    "further",
    "later",
    "repeatedly",
    "strongly",
    "publicly",
    "successfully",
    "jointly",
];
const MODALS: &[&str] = &[
    "to", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "did", "do",
    "does", "not", "n't", "never", "and", "or", ",",
];

/// Finds every coded act in a sentence.
pub fn find_acts<'d>(
    words: &Words,
    dicts: &'d Dictionaries,
    groups: &[ActorGroup],
) -> Vec<Act<'d>> {
    let mut acts = Vec::new();
    if groups.is_empty() {
        return acts;
    }
    let mut in_group = vec![false; words.len()];
    for g in groups {
        for f in &mut in_group[g.start..g.end] {
            *f = true;
        }
    }
    let mut present: Option<WordMask> = None;
    let mut candidates = Vec::new();
    for i in 0..words.len() {
        if in_group[i] || words.get(i).is(Word::PUNCT) {
            continue;
        }
        let Some(forms) = dicts.verbs.lookup_at(words, i) else {
            continue;
        };
        // the words of the sentence, to skip patterns whose words are absent
        let present = present.get_or_insert_with(|| {
            let mut m = [0u64; 4];
            for j in 0..words.len() {
                mask_add_hash(&mut m, words.get(j).hash);
            }
            m
        });
        for &(lemma, form) in forms {
            if !looks_like_verb(words, i, form, groups) {
                continue;
            }
            let passive = form.can_be_participle() && is_passive(words, i);
            dicts
                .verbs
                .candidates_in(lemma, words, *present, &mut candidates);
            // with PETRARCH verb files, a pattern word may be the head of a long object noun
            // phrase: such a match is kept only if no closer one of another pattern exists
            // the head of an object that runs past the word window (asked once, when a pattern
            // fails), with the clause end
            // PETRARCH matches the verb's dependents: a time phrase after the verb ("vowed on
            // Thursday to wage war") stands outside the pattern's words
            let start = if dicts.petrarch_verbs {
                after_weekday(words, i + 1, words.len())
            } else {
                i + 1
            };
            let mut head_window = None;
            let mut long_object_head = || {
                *head_window.get_or_insert_with(|| {
                    let end = clause_end(words, i + 1);
                    let limit = object_head_limit(words, start, end);
                    (limit > start + WORD_WINDOW).then_some((limit - 1, end))
                })
            };
            let mut head_match = None;
            let mut found = None;
            for &id in &candidates {
                let (pattern, alts) = dicts.verbs.candidate(id);
                let m = |head| {
                    match_pattern(
                        words, dicts, groups, i, form, pattern, alts, passive, head, start,
                    )
                };
                if let Some(act) = m(None) {
                    let has_words = pattern
                        .before
                        .iter()
                        .chain(&pattern.after)
                        .any(|e| matches!(e, PatternElement::Word(_)));
                    found = Some(match head_match.take() {
                        Some(head) if !has_words => head,
                        _ => act,
                    });
                    break;
                }
                if head_match.is_none()
                    && dicts.petrarch_verbs
                    && matches!(pattern.after.first(), Some(PatternElement::Word(_)))
                {
                    if let Some((head, end)) = long_object_head() {
                        let first = dicts.verbs.alt_set(alts[pattern.before.len()]);
                        if first.len_at(words, head, end).is_some() {
                            head_match = m(Some(head));
                        }
                    }
                }
            }
            if let Some(act) = found.or(head_match) {
                let paired = paired_act(&act);
                acts.push(act);
                acts.extend(paired);
            }
            if acts.last().is_some_and(|a| a.verb == i) {
                break;
            }
        }
    }
    if dicts.petrarch_verbs {
        let verbs: Vec<usize> = acts.iter().map(|a| a.verb).collect();
        for a in &mut acts {
            a.governor_has_act = crate::assertion::infinitive_governor(words, a.verb)
                .is_some_and(|g| verbs.contains(&g));
        }
    }
    acts
}

/// Index of the first word that ends the clause after `from` (".", ";", ":", "!", "?", or the end).
fn clause_end(words: &Words, from: usize) -> usize {
    (from..words.len())
        .find(|&j| matches!(words.norm(j), "." | ";" | ":" | "!" | "?"))
        .unwrap_or(words.len())
}

/// The paired event of a pattern coded `[a:b]`: `b` from the target back to the source ("A met B"
/// is also B meeting A; "A arrived in B" is B hosting A).
fn paired_act<'d>(act: &Act<'d>) -> Option<Act<'d>> {
    let code = act.pattern.paired_code.as_deref()?;
    let target = act.target?;
    if code == "---" || target == act.source {
        return None;
    }
    Some(Act {
        code: code.to_string(),
        source: target,
        target: Some(act.source),
        ..act.clone()
    })
}
