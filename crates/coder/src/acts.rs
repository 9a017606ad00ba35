//! Finding the acts of a sentence: each verb with a matching [`VerbPattern`], its source and target
//! [`ActorGroup`]s, and whether it is passive, negated or a statement of intent.
//!
//! [`find_acts`] reads the [`Words`] of a sentence and the actor groups already found in it, and
//! returns [`Act`]s. The source is the subject: the nearest actor group before the verb in the same
//! clause that is not the object of a preposition ("In a letter to Kim, Xi praised ..." has Xi as
//! subject). In the passive ("was praised by China") the subject is the target and the `by` phrase
//! the source.

use crate::actors::{is_preposition, ActorGroup};
use tidings_dict::verbs::{mask_add_hash, WordMask};
use tidings_dict::words::{Word, Words};
use tidings_dict::{Dictionaries, PatternElement, VerbForm, VerbPattern};

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

/// Rules out noun uses of verb forms ("the attack", "its praise") and bare base forms that no
/// subject, modal or "to" introduces.
fn looks_like_verb(words: &Words, i: usize, form: VerbForm, groups: &[ActorGroup]) -> bool {
    if i == 0 {
        return form != VerbForm::Gerund;
    }
    let prev = words.norm(i - 1);
    // "the attack", "with improved relations", "of talks": a noun or an adjective, not a verb
    if DETERMINERS.contains(&prev) || (prev != "to" && is_preposition(prev)) {
        return false;
    }
    if form == VerbForm::Base {
        let after_group = groups.iter().any(|g| g.end == i);
        return after_group
            || MODALS.contains(&prev)
            || prev.ends_with("ly")
            || ADVERB_LIKE.contains(&prev)
            || after_negative_polarity(words, i);
    }
    true
}

/// "Ever" and "even" after a negation: "will not ever clash", "won't even ever clash".
fn after_negative_polarity(words: &Words, i: usize) -> bool {
    let mut j = i;
    while j > 0 && matches!(words.norm(j - 1), "ever" | "even") {
        j -= 1;
    }
    j < i && j > 0 && matches!(words.norm(j - 1), "not" | "n't" | "never")
}

/// A participle after a form of "be" or "get", possibly with adverbs between: "was strongly
/// condemned", "was heavily and unjustly criticized".
fn is_passive(words: &Words, i: usize) -> bool {
    passive_auxiliary(words, i).is_some()
}

/// The form of "be" or "get" that makes the participle at `i` passive, across up to three adverbs
/// (joined by "and" or "or").
fn passive_auxiliary(words: &Words, i: usize) -> Option<usize> {
    let mut j = i;
    let mut adverbs = 0;
    while j > 0 && adverbs <= 3 {
        j -= 1;
        let w = words.norm(j);
        if BE_FORMS.contains(&w) {
            return Some(j);
        }
        let adverb = ADVERB_LIKE.contains(&w) || w.ends_with("ly");
        let joins_adverbs = matches!(w, "and" | "or") && j + 1 < i && j > 0 && {
            let before = words.norm(j - 1);
            before.ends_with("ly") || ADVERB_LIKE.contains(&before)
        };
        if !(adverb || joins_adverbs) {
            return None;
        }
        adverbs += usize::from(adverb);
    }
    None
}

/// How far a pattern word right after the verb may stand, with PETRARCH verb files: PETRARCH
/// matches it against the object noun phrase however many modifiers stand before its head ("launched
/// a new bombing and shelling offensive" is `* OFFENSIVE`). The phrase ends at punctuation, a
/// preposition or a word that opens a clause; at least [`WORD_WINDOW`] words are searched.
fn object_head_limit(words: &Words, pos: usize, end: usize) -> usize {
    if end <= pos + WORD_WINDOW {
        return end;
    }
    let phrase_end = (pos..end.min(pos + TARGET_WINDOW))
        .find(|&j| {
            let w = words.norm(j);
            words.get(j).is(Word::PUNCT)
                || crate::actors::is_preposition(w)
                || OBJECT_BREAKERS.contains(&w)
        })
        .unwrap_or(end.min(pos + TARGET_WINDOW));
    phrase_end.max(pos + WORD_WINDOW).min(end)
}

/// The index after a weekday ("Thursday", "on Thursday") standing at `pos`, else `pos`.
fn after_weekday(words: &Words, pos: usize, end: usize) -> usize {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let at = pos + usize::from(pos < end && words.norm(pos) == "on");
    if at < end && words.norm(at).ends_with("day") && WEEKDAYS.contains(&words.norm(at)) {
        at + 1
    } else {
        pos
    }
}

/// Index of the first word that ends the clause after `from` (".", ";", ":", "!", "?", or the end).
fn clause_end(words: &Words, from: usize) -> usize {
    (from..words.len())
        .find(|&j| matches!(words.norm(j), "." | ";" | ":" | "!" | "?"))
        .unwrap_or(words.len())
}

#[allow(clippy::too_many_arguments)]
fn match_pattern<'d>(
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

/// PETRARCH matches a pattern's words before the verb in the verb's own phrase (its auxiliaries)
/// and in its subject ("death toll has risen"), not in an adverb between them ("Gollum recently
/// allowed" is no `RECENTLY *`) nor in the verb of another clause ("indicated it deplored" is no
/// `INDICATED *`).
fn outside_verb_phrase(words: &Words, dicts: &Dictionaries, j: usize) -> bool {
    let w = words.norm(j);
    let auxiliary = BE_FORMS.contains(&w)
        || MODALS.contains(&w)
        || matches!(w, "has" | "have" | "had" | "having");
    !auxiliary && (w.ends_with("ly") || ADVERB_LIKE.contains(&w) || dicts.verbs.lookup(w).is_some())
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

/// The actor group that fills a slot after `pos`: the first group within a few words (unless a
/// comma separates it and it is the subject of a reporting verb: "..., a senior official said"),
/// else the first group further on in the same noun phrase, before anything that ends the verb's
/// object ("a resumption of formal diplomatic ties with Osgiliath").
fn object_group<'g>(
    words: &Words,
    dicts: &Dictionaries,
    groups: &'g [ActorGroup],
    pos: usize,
    end: usize,
    after_verb: bool,
) -> Option<(usize, &'g ActorGroup)> {
    let (gi, g) = groups
        .iter()
        .enumerate()
        .find(|(_, g)| g.start >= pos && g.start < end)?;
    let reporting = g.end < words.len() && is_reporting(dicts, words.norm(g.end));
    let crosses_comma = (pos..g.start).any(|j| words.norm(j) == ",");
    if reporting && crosses_comma {
        return None;
    }
    if g.start < pos + TARGET_WINDOW {
        return Some((gi, g));
    }
    if g.start >= pos + OBJECT_WINDOW || !object_path(words, dicts, pos, g.start, after_verb) {
        return None;
    }
    Some((gi, g))
}

/// Do the words `from..to` read as one noun phrase and its prepositional phrases, ending in a
/// preposition ("a resumption of formal diplomatic ties with")? No clause, verb, coordination or
/// other name may stand between, and at most two prepositions (any number with PETRARCH's verb
/// patterns, [`Dictionaries::petrarch_verbs`]).
fn object_path(
    words: &Words,
    dicts: &Dictionaries,
    from: usize,
    to: usize,
    after_verb: bool,
) -> bool {
    let from = if after_verb {
        after_infinitive_list(words, dicts, from, to)
    } else {
        from
    };
    let mut preps = 0;
    // an unlisted name as the object itself: "congratulated Kim Jong Un on the anniversary of ..."
    let name_end = (from..to)
        .find(|&j| !words.get(j).is(Word::CAPITALIZED) || words.get(j).is(Word::PUNCT))
        .unwrap_or(to);
    for j in name_end..to {
        let w = words.norm(j);
        if OBJECT_BREAKERS.contains(&w)
            || matches!(w, "and" | "or" | "by" | "whether" | "than" | "not")
            || MODALS.contains(&w) && w != "to"
            || BE_FORMS.contains(&w)
            || matches!(w, "has" | "have" | "had")
        {
            return false;
        }
        if words.get(j).is(Word::PUNCT) && w != "-"
            || words.get(j).is(Word::CAPITALIZED)
            || starts_verb_phrase(words, dicts, j)
        {
            return false;
        }
        if is_preposition(w) {
            preps += 1;
        }
    }
    let last = if to > from + 1 && words.norm(to - 1) == "the" {
        to - 2
    } else {
        to - 1
    };
    // PETRARCH takes the verb's object however many prepositional phrases lead to it
    (preps <= 2 || dicts.petrarch_verbs)
        && matches!(
            words.norm(last),
            "with"
                | "between"
                | "of"
                | "in"
                | "on"
                | "to"
                | "against"
                | "for"
                | "from"
                | "toward"
                | "towards"
        )
}

/// After an infinitive complement that opens the object, the verb's target is the object of the
/// complement: "intends to defend, consolidate and develop ties with": the index after the last
/// coordinated verb, or `from` when the words do not start with `to` and a listed base form.
fn after_infinitive_list(words: &Words, dicts: &Dictionaries, from: usize, to: usize) -> usize {
    let is_base = |j: usize| {
        dicts
            .verbs
            .lookup(words.norm(j))
            .is_some_and(|f| f.iter().any(|&(_, f)| f == VerbForm::Base))
    };
    let plain = |j: usize| {
        let (w, n) = (words.get(j), words.norm(j));
        !(w.is(Word::PUNCT)
            || w.is(Word::CAPITALIZED)
            || w.is(Word::NUMBER)
            || DETERMINERS.contains(&n)
            || MODALS.contains(&n)
            || BE_FORMS.contains(&n)
            || matches!(n, "have" | "has" | "had"))
    };
    if from + 2 >= to || words.norm(from) != "to" || !is_base(from + 1) || !plain(from + 1) {
        return from;
    }
    // ", verb" ... "and/or verb": the coordinated verbs need not be listed ("consolidate"); a list
    // of commas must close with "and" or "or"
    let mut j = from + 2;
    while j + 2 < to && matches!(words.norm(j), "," | "and" | "or") && plain(j + 1) {
        j += 2;
        if words.norm(j - 2) != "," {
            return j;
        }
    }
    from + 2
}

/// A non-finite verb that opens a clause of its own inside an object: "to send", "leaning on",
/// "imposed by".
fn starts_verb_phrase(words: &Words, dicts: &Dictionaries, j: usize) -> bool {
    let Some(forms) = dicts.verbs.lookup(words.norm(j)) else {
        return false;
    };
    forms.iter().any(|&(_, f)| match f {
        VerbForm::Base => j > 0 && words.norm(j - 1) == "to",
        // "the founding anniversary", "the ruling party": after a determiner, an adjective
        VerbForm::Gerund => j == 0 || !DETERMINERS.contains(&words.norm(j - 1)),
        VerbForm::PastParticiple | VerbForm::PastOrParticiple | VerbForm::Past => true,
        VerbForm::ThirdPerson => false,
    })
}

/// A verb of reporting: the dictionaries' own, or the few every dictionary set shares.
fn is_reporting(dicts: &Dictionaries, w: &str) -> bool {
    matches!(w, "said" | "says" | "told" | "added" | "reported")
        || dicts.modifiers.is_report_verb(w)
}

/// The subject of a verb at `verb`: the nearest group before it in the same clause that is not the
/// object of a preposition and is not `exclude`.
fn subject_of(
    words: &Words,
    dicts: &Dictionaries,
    groups: &[ActorGroup],
    verb: usize,
    exclude: Option<usize>,
) -> Option<usize> {
    for (gi, g) in groups.iter().enumerate().rev() {
        if g.end > verb || Some(gi) == exclude {
            continue;
        }
        if (g.end..verb).any(|j| matches!(words.norm(j), "." | ";" | ":" | "!" | "?" | "\"")) {
            return None;
        }
        if verb - g.end > 30 {
            return None;
        }
        // "Arnor restored ties after crowds burned its embassy": the subject of "burned" follows "after"
        if let Some(k) = (g.end..verb)
            .rev()
            .find(|&j| SUBORDINATORS.contains(&words.norm(j)))
        {
            if !(k..verb).any(|j| words.norm(j) == ",") {
                return None;
            }
        }
        let object_of_prep = after_preposition(words, dicts, g.start);
        if object_of_prep {
            continue;
        }
        return Some(gi);
    }
    None
}

/// Does a preposition open the noun phrase that ends in a group starting at `start`: "in Gondor",
/// "with the Gondor", and with a PETRARCH verb file, whose patterns PETRARCH reads off the parse,
/// "in south Gondor" (one lowercase word between)?
fn after_preposition(words: &Words, dicts: &Dictionaries, start: usize) -> bool {
    let prep_at = |k: usize| is_preposition(words.norm(k));
    if start == 0 {
        return false;
    }
    if prep_at(start - 1) {
        return true;
    }
    if start < 2 {
        return false;
    }
    let between = start - 1;
    let w = words.get(between);
    let plain_word = !w.is(Word::PUNCT)
        && !w.is(Word::CAPITALIZED)
        && !w.is(Word::NUMBER)
        && !crate::actors::is_function_word(words.norm(between))
        && dicts.petrarch_verbs
        || words.norm(between) == "the";
    plain_word && prep_at(between - 1)
}

/// Only adverbs, modals, negation and intent words between a subject and its present-tense verb.
fn close_to_subject(words: &Words, dicts: &Dictionaries, from: usize, verb: usize) -> bool {
    // "ever" and "even" do not count: "most certainly really did not even ever clash"
    let counted = (from..verb)
        .filter(|&j| !matches!(words.norm(j), "ever" | "even"))
        .count();
    if counted > 6 {
        return false;
    }
    (from..verb).all(|j| {
        let w = words.norm(j);
        !(w == "that"
            || w == "\""
            || dicts.modifiers.is_report_verb(w)
            || (words.get(j).is(Word::PUNCT) && w != ","))
    })
}

/// Where a negation starts among the few words before the verb: "did not attack", "never praised".
fn negation_at(words: &Words, dicts: &Dictionaries, verb: usize) -> Option<usize> {
    let lo = verb.saturating_sub(4);
    (lo..verb).find(|&j| {
        dicts
            .modifiers
            .negation
            .longest_at(words, j)
            .is_some_and(|(n, _)| j + n <= verb)
    })
}

/// An intent marker before the verb, possibly across a list of coordinated verbs: "intends to
/// defend, consolidate and develop ties".
fn has_intent(words: &Words, dicts: &Dictionaries, groups: &[ActorGroup], verb: usize) -> bool {
    let lo = verb.saturating_sub(10);
    let mut j = verb;
    while j > lo {
        j -= 1;
        if groups.iter().any(|g| g.start <= j && j < g.end)
            || matches!(words.norm(j), "." | ";" | ":" | "\"")
        {
            return false;
        }
        if let Some((n, _)) = dicts.modifiers.intent.longest_at(words, j) {
            if j + n <= verb {
                return true;
            }
        }
    }
    false
}
