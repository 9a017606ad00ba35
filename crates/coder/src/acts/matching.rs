//! Matching one verb pattern around a verb: its words and slots after and before the verb, the
//! passive's source and target, the subject, then negation and intent. Not which patterns are tried.

use super::modifiers::{has_intent, negation_at};
use super::objects::{object_group, starts_verb_phrase};
use super::petrarch::outside_verb_phrase;
use super::subjects::{close_to_subject, subject_of};
use super::verb_use::passive_auxiliary;
use super::{clause_end, Act, DETERMINERS, TARGET_WINDOW, WORD_WINDOW};
use crate::actors::ActorGroup;
use tidings_dict::words::Words;
use tidings_dict::{Dictionaries, PatternElement, VerbForm, VerbPattern};

#[allow(clippy::too_many_arguments)]
pub(super) fn match_pattern<'d>(
    words: &Words,
    dicts: &'d Dictionaries,
    groups: &[ActorGroup],
    verb: usize,
    form: VerbForm,
    pattern: &'d VerbPattern,
    alt_ids: &[u32],
    passive: bool,
    object_head: Option<usize>,
    start: usize,
) -> Option<Act<'d>> {
    // a pattern that takes an actor after the verb cannot match without one (checked before the
    // costlier word matching)
    if !passive
        && pattern
            .after
            .iter()
            .any(|e| matches!(e, PatternElement::Target | PatternElement::Source))
        && !groups.iter().any(|g| g.start > verb)
    {
        return None;
    }
    let end = clause_end(words, verb + 1);
    let mut pos = start;
    let mut target = None;
    let mut source = None;
    let (before_alts, after_alts) = alt_ids.split_at(pattern.before.len());
    // the previous element was a preposition: with PETRARCH verb files its object follows it,
    // after determiners only ("bargain for foreign asylum" is no `(FOR ASYLUM)`)
    let mut after_preposition = false;
    for (k, (el, &alts)) in pattern.after.iter().zip(after_alts).enumerate() {
        let follows_preposition = std::mem::take(&mut after_preposition);
        match el {
            PatternElement::Word(ws) => {
                after_preposition = dicts.petrarch_verbs
                    && ws.len() <= 2
                    && matches!(pattern.after.get(k + 1), Some(PatternElement::Word(_)))
                    && ws.iter().all(|w| crate::actors::is_preposition(w));
                let alts = dicts.verbs.alt_set(alts);
                // the head of a long object, found by the caller after the window failed
                let (from, limit) = if let Some(head) = object_head.filter(|_| pos == start) {
                    (head, head + 1)
                } else if follows_preposition && dicts.petrarch_verbs {
                    let at = (pos..end)
                        .find(|&j| {
                            let w = words.norm(j);
                            !(DETERMINERS.contains(&w)
                                || matches!(
                                    w,
                                    "some" | "all" | "many" | "several" | "more" | "most"
                                )
                                || w.bytes().all(|b| b.is_ascii_digit()))
                        })
                        .unwrap_or(end);
                    (at, (at + 1).min(end))
                } else {
                    (pos, (pos + WORD_WINDOW).min(end))
                };
                let (j, n) = (from..limit)
                    .find_map(|j| alts.len_at(words, j, end).map(|n| (j, n)))
                    .or_else(|| {
                        // PETRARCH's noun phrases take one word more: "new global economic relations"
                        dicts.petrarch_verbs.then(|| {
                            (from..limit).find_map(|j| {
                                alts.len_at_with_one_more(words, j, end).map(|n| (j, n))
                            })
                        })?
                    })?;
                pos = j + n;
            }
            PatternElement::Target | PatternElement::Source => {
                if passive && matches!(el, PatternElement::Target) {
                    continue;
                }
                let (gi, g) = object_group(words, dicts, groups, pos, end, pos == start)?;
                if matches!(el, PatternElement::Target) {
                    target = Some(gi);
                } else {
                    source = Some(gi);
                }
                pos = g.end;
            }
            PatternElement::Skip => {
                if pos >= end {
                    return None;
                }
                pos = groups
                    .iter()
                    .find(|g| g.start == pos)
                    .map_or(pos + 1, |g| g.end);
            }
        }
    }
    // words before the verb (other dictionary formats); in the passive they stand before the
    // auxiliary ("heavily criticized" is not "was heavily criticized")
    let mut back = if passive {
        passive_auxiliary(words, verb).unwrap_or(verb)
    } else {
        verb
    };
    for (el, &alts) in pattern.before.iter().zip(before_alts).rev() {
        match el {
            PatternElement::Word(_) => {
                let alts = dicts.verbs.alt_set(alts);
                let lo = back.saturating_sub(WORD_WINDOW);
                // with PETRARCH verb files "to" right before the verb is the infinitive's
                // marker, not the preposition of a pattern's `(TO) *`
                let marker = dicts.petrarch_verbs && back == verb;
                let j = (lo..back)
                    .rev()
                    .filter(|&j| !(marker && j + 1 == verb && words.norm(j) == "to"))
                    .find(|&j| alts.len_at(words, j, back).is_some())?;
                if dicts.petrarch_verbs && outside_verb_phrase(words, dicts, j) {
                    return None;
                }
                back = j;
            }
            PatternElement::Source | PatternElement::Target => {
                let lo = back.saturating_sub(TARGET_WINDOW);
                let (gi, g) = groups
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, g)| g.end <= back && g.end >= lo)?;
                if matches!(el, PatternElement::Target) {
                    target = Some(gi);
                } else {
                    source = Some(gi);
                }
                back = g.start;
            }
            PatternElement::Skip => {
                back = groups
                    .iter()
                    .find(|g| g.end == back)
                    .map_or(back.checked_sub(1)?, |g| g.start);
            }
        }
    }
    let mut code = pattern.code.clone();
    // a pattern that puts its target before the verb describes the passive itself ("+ * FROM $")
    let target_before = pattern
        .before
        .iter()
        .any(|e| matches!(e, PatternElement::Target));
    if passive && !target_before {
        // the subject is the target; the source follows "by"
        let subject = subject_of(words, dicts, groups, back.min(verb), target)?;
        let by = (verb + 1..(verb + 6).min(end)).find(|&j| words.norm(j) == "by");
        let agent = match by {
            Some(by) => {
                groups
                    .iter()
                    .enumerate()
                    .find(|(_, g)| g.start > by && g.start <= by + 2)?
                    .0
            }
            // without "by", PETRARCH's source is the pattern's `$` or else the actor of the verb
            // phrase ("was criticized over its dispute with Eriador"), unless an infinitive between holds it ("was seen to break into Gondor")
            None if dicts.petrarch_verbs => match source {
                Some(s) => s,
                None => {
                    let (gi, g) = object_group(words, dicts, groups, verb + 1, end, true)?;
                    if (verb + 1..g.start).any(|j| starts_verb_phrase(words, dicts, j)) {
                        return None;
                    }
                    gi
                }
            },
            None => return None,
        };
        source = Some(agent);
        target = Some(subject);
    }
    let has_target_slot = pattern
        .before
        .iter()
        .chain(&pattern.after)
        .any(|e| matches!(e, PatternElement::Target));
    let source = match source {
        Some(s) => {
            // "received aid from $": the subject is the target
            if !passive && !has_target_slot && target.is_none() {
                target = subject_of(words, dicts, groups, back.min(verb), Some(s));
            }
            s
        }
        None => {
            let s = subject_of(words, dicts, groups, back.min(verb), target)?;
            // "attacks", "talks", "visits" are nouns as often as verbs: as verbs they follow their
            // subject closely ("China strongly condemns"), not across a reporting verb ("He said
            // talks with Iran ...")
            if matches!(form, VerbForm::ThirdPerson | VerbForm::Base)
                && !close_to_subject(words, dicts, groups[s].end, verb)
            {
                return None;
            }
            s
        }
    };
    // `%`: the act is among the members of a compound subject, each to each other
    if pattern.compound {
        if target.is_some() || groups[source].members.len() < 2 {
            return None;
        }
        target = Some(source);
    }
    let negation = negation_at(words, dicts, verb);
    let mut negated = negation.is_some();
    let intent = has_intent(words, dicts, groups, verb);
    if intent && !code.starts_with("03") {
        if let Some(c) = dicts.modifiers.intent_code(&code) {
            code = c.to_string();
        }
    }
    // a coding ontology says what a negated act is ("did not clash": cooperation); it negates only
    // the verb the negation modifies, not an infinitive after it ("won't try to clash" clashes)
    if let Some(n) = negation.filter(|_| !dicts.modifiers.negated_codes.is_empty()) {
        if (n..verb).any(|j| words.norm(j) == "to") {
            negated = false;
        } else if let Some(c) = dicts.modifiers.negated_codes.get(&code) {
            code = c.clone();
            negated = false;
        }
    }
    Some(Act {
        verb,
        pattern,
        code,
        source,
        target,
        negated,
        intent,
        passive,
        governor_has_act: false,
    })
}
