//! Is an act reported as having happened (or as a stated intent)? [`rejection`] rules out the acts a
//! shallow matcher finds but a careful coder would not code:
//!
//! - words the part-of-speech tagger reads as nouns or adjectives ("the attacks", "improved ties");
//! - questions ("Will China attack Taiwan?", "asked Trump if ...") and conditionals ("if Russia
//!   invades ...");
//! - hypotheticals under a modal ("could strike", "might sanction"), forecasts and obligations
//!   ("will likely meet", "is expected to sign", "will have to");
//! - acts that are only the content of another act ("urged Russia to strike"): an infinitive that no
//!   intent phrase introduces;
//! - participles and gerunds read as verbs ("a letter denouncing Israel") outside a progressive;
//! - subjects cut off from their verb by a relative clause ("China, which backs the separatists, ...")
//!   or by another verb the tagger sees between them;
//! - places taken as targets when the clause names the real target after them ("air strikes in
//!   Syria against Islamic State"), unless the pattern asks for that preposition.
//!
//! Each rule gives up some recall for precision; the reason is returned for `--explain` and tests.
//! Measured on the 100 hand-audited events of `docs/audit-allsides-100.md`, these rules drop 7 correct
//! and 24 wrong events; a rule that rejected any finite verb between subject and verb dropped correct and
//! wrong events at the base rate and was left out.

use crate::actors::ActorGroup;
use crate::acts::Act;
use tidings_dict::words::Words;
use tidings_dict::{Dictionaries, PatternElement, VerbForm};
use tidings_tagger::Upos;

/// Modals of possibility and obligation. "will" and "would" state future acts and intentions
/// ("said it would restore ties"), which the intent markers code; "would" in a conditional is caught
/// by the conditional rule.
pub(crate) const HYPOTHETICAL_MODALS: &[&str] =
    &["could", "might", "may", "should", "can", "must", "ought"];
/// Modals of the future and of intent, which do not make an act hypothetical.
const FUTURE_MODALS: &[&str] = &["will", "would", "shall", "'ll", "wo"];
const CONDITIONALS: &[&str] = &["if", "unless", "whether", "lest"];
const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'re",
];
const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "around",
    "within",
    "over",
];
/// Prepositions that name the target of a hostile act ("air strikes in Syria against Islamic State").
const TARGETING: &[&str] = &["against", "on", "at", "targeting", "toward", "towards"];
/// Words before "to" that make the infinitive the act itself, imminent or scheduled ("is about to
/// restore ties", "is set to sign").
const IMMINENT: &[&str] = &["about", "set", "poised", "going", "due"];
/// Verbs of reporting whose pronoun subject after them is their own subject ("said it would").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "indicated",
    "indicates",
    "announced",
    "announces",
    "stated",
    "states",
];
const SKIPPABLE: &[&str] = &[
    "not",
    "n't",
    "never",
    "also",
    "already",
    "reportedly",
    "allegedly",
    "still",
    "then",
    "just",
    "even",
    "again",
    "have",
    "has",
    "had",
    "be",
    "been",
];

/// Why the act should not be coded, or None when it stands.
/// (`headline`, for [`rejection_by_tags`], is true for an article's headline, whose telegraphic grammar ("FBI arrests man") the
/// tagger, trained on running text, reads poorly: its tags are not used there.)
pub fn rejection(
    words: &Words,
    dicts: &Dictionaries,
    groups: &[ActorGroup],
    act: &Act,
) -> Option<&'static str> {
    let v = act.verb;
    let n = words.len();
    // a question
    let last = (0..n)
        .rev()
        .find(|&j| !matches!(words.norm(j), "\"" | "'" | ")"));
    if last.is_some_and(|j| words.norm(j) == "?") {
        return Some("question");
    }
    let AuxiliaryChain {
        start: j,
        modal,
        before: before_chain,
        progressive,
    } = auxiliary_chain(words, v);
    // PETRARCH codes an act under any modal ("should have acted"), as its patterns may name the modal
    if modal.is_some() && !dicts.petrarch_verbs {
        return Some("hypothetical (modal)");
    }
    // a writer's forecast or an obligation: "will likely meet", "is expected to sign", "will have to"
    if (j..v).any(|k| {
        matches!(
            words.norm(k),
            "likely" | "probably" | "possibly" | "perhaps" | "unlikely"
        )
    }) {
        return Some("forecast");
    }
    if let Some(b) = before_chain {
        if words.norm(b) == "to"
            && b > 0
            && matches!(
                words.norm(b - 1),
                "expected"
                    | "likely"
                    | "unlikely"
                    | "supposed"
                    | "have"
                    | "has"
                    | "had"
                    | "need"
                    | "needs"
                    | "needed"
                    | "ought"
            )
        {
            return Some("forecast or obligation");
        }
    }
    // an infinitive that is the content of another act, not an intent
    if let Some(b) = before_chain {
        let imminent = b > 0 && IMMINENT.contains(&words.norm(b - 1));
        // PETRARCH codes an infinitive whose governor has no pattern of its own ("won't try to
        // clash"), as its parse passes the act up to the governing clause
        // PETRARCH codes an infinitive whose governing word yields no act of its own, be it no
        // verb of the set ("won't try to clash") or a verb none of whose patterns matched ("was
        // seen to break into"), as its parse passes the act up to the governing clause
        let ungoverned = dicts.petrarch_verbs
            && b > 0
            && !act.governor_has_act
            && !words.get(b - 1).is(tidings_dict::words::Word::CAPITALIZED);
        if words.norm(b) == "to" && !act.intent && !imminent && !ungoverned {
            return Some("infinitive: the content of another act");
        }
    }
    // a conditional clause around the verb
    let clause_start = (0..v)
        .rev()
        .find(|&k| matches!(words.norm(k), ";" | ":"))
        .map_or(0, |k| k + 1);
    if (clause_start.max(v.saturating_sub(14))..v).any(|k| CONDITIONALS.contains(&words.norm(k))) {
        return Some("conditional");
    }
    // "in the event (that) the regime decides to attack", "in case of"
    if (clause_start.max(v.saturating_sub(14))..v).any(|k| {
        k >= 2
            && words.norm(k - 2) == "in"
            && ((words.norm(k - 1) == "the" && words.norm(k) == "event")
                || words.norm(k - 1) == "case")
    }) {
        return Some("conditional ('in the event')");
    }
    let forms = dicts.verbs.lookup(words.norm(v)).unwrap_or(&[]);
    // a gerund outside a progressive is a participle or a noun
    // PETRARCH's parse reads a gerund after a modal as the verb of its clause ("it would acting now")
    let after_modal = dicts.petrarch_verbs
        && (modal.is_some()
            || before_chain.is_some_and(|b| FUTURE_MODALS.contains(&words.norm(b))));
    if forms.iter().all(|(_, f)| *f == VerbForm::Gerund)
        && !forms.is_empty()
        && !progressive
        && !after_modal
    {
        return Some("participle, not a finite verb");
    }
    // "names of jailed activist Peter Ajak", "the optics of being scolded by Merkel": a participle
    // after an article or a preposition (or "being" after one) qualifies a noun or names no act
    if !dicts.petrarch_verbs && v > 0 && forms.iter().any(|(_, f)| f.can_be_participle()) {
        let mut k = v - 1;
        if words.norm(k) == "being" && k > 0 {
            k -= 1;
        }
        if matches!(
            words.norm(k),
            "the" | "a" | "an" | "of" | "for" | "about" | "without"
        ) {
            return Some("participle after an article or preposition, not a finite verb");
        }
    }
    if !act.passive {
        let source = &groups[act.source];
        if source.end <= v && (source.end..v).any(|k| RELATIVES.contains(&words.norm(k))) {
            return Some("relative clause between subject and verb");
        }
    }
    // "rejected the criticism and accused France": a target after a coordinated verb is that verb's
    if let Some(t) = act.target {
        let g = &groups[t];
        let second_verb = (v + 1..g.start.saturating_sub(1)).any(|j| {
            matches!(words.norm(j), "and" | "but" | "or")
                && dicts.verbs.lookup(words.norm(j + 1)).is_some_and(|f| {
                    f.iter()
                        .any(|(_, k)| !matches!(k, VerbForm::Gerund | VerbForm::Base))
                })
                && !pattern_asks_for(act, words.norm(j + 1))
        });
        if g.start > v && second_verb {
            return Some("the target belongs to a coordinated verb");
        }
    }
    // "asked Trump if ...", "was asked by a reporter if ...", "ask his generals how many": an
    // indirect question, not an appeal
    if let Some(t) = act.target {
        let g = &groups[t];
        let question_word = |j: usize| {
            matches!(
                words.norm(j),
                "if" | "whether" | "why" | "how" | "what" | "when" | "about"
            )
        };
        let asking = matches!(words.norm(v), "ask" | "asks" | "asked" | "asking");
        let near = (v + 1..(g.end.max(v + 1) + 4).min(words.len()))
            .take_while(|&j| !matches!(words.norm(j), "." | ";" | ":" | "\""));
        if act.code.starts_with("02")
            && ((g.end < words.len() && question_word(g.end))
                || (asking && near.clone().any(question_word)))
        {
            return Some("an indirect question");
        }
    }
    // a place taken as the target
    if let Some(t) = act.target {
        let g = &groups[t];
        if g.start > v && g.start > 0 {
            let p = words.norm(g.start - 1);
            let p = if p == "the" && g.start > 1 {
                words.norm(g.start - 2)
            } else {
                p
            };
            // a place is the target unless the clause names a better one after "against", "on", ...
            let better = groups.iter().any(|h| {
                if h.start <= g.end {
                    return false;
                }
                // the word before the phrase, past its article for a use of force ("airstrikes in
                // Iraq and Syria against the Islamic State")
                let mut b = h.start - 1;
                if matches!(words.norm(b), "the" | "a" | "an")
                    && b > g.end
                    && act.code.as_str() >= "15"
                {
                    b -= 1;
                }
                TARGETING.contains(&words.norm(b))
                    && !(g.end..b).any(|k| {
                        matches!(words.norm(k), "." | ";" | ":")
                            // "missions over Iraq, targeting Islamic State fighters"
                            || (words.norm(k) == "," && words.norm(b) != "targeting")
                    })
            });
            // a pattern that also offers "against", "on" ... ("launch airstrikes on|against|in +")
            // takes the place only when no better target follows
            let asks_only_for_place = act.pattern.after.iter().any(|e| {
                matches!(e, PatternElement::Word(alts)
                    if alts.iter().any(|a| a == p) && !alts.iter().any(|a| TARGETING.contains(&a.as_str())))
            });
            if LOCATIVES.contains(&p) && !asks_only_for_place && better {
                return Some("the target is a place; the clause names the target after it");
            }
        }
    }
    None
}

/// The auxiliaries and adverbs right before a verb ("could not have been", "is reportedly").
struct AuxiliaryChain<'w> {
    /// The chain's first word (the verb itself when there is no chain).
    start: usize,
    /// A modal of possibility or obligation in the chain.
    modal: Option<&'w str>,
    /// The word before the chain, if any.
    before: Option<usize>,
    /// A form of "be" in the chain.
    progressive: bool,
}

fn auxiliary_chain(words: &Words, v: usize) -> AuxiliaryChain<'_> {
    let mut j = v;
    let mut chain = AuxiliaryChain {
        start: v,
        modal: None,
        before: None,
        progressive: false,
    };
    while j > 0 && v - j < 5 {
        let w = words.norm(j - 1);
        if HYPOTHETICAL_MODALS.contains(&w) {
            chain.modal = Some(w);
        } else if BE_FORMS.contains(&w) {
            chain.progressive = true;
        } else if !(SKIPPABLE.contains(&w) || w.ends_with("ly")) {
            chain.before = Some(j - 1);
            break;
        }
        j -= 1;
    }
    chain.start = j;
    chain
}

/// The word that governs the infinitive at `v` ("seen" in "was seen to break"): the word before
/// its "to", across the verb's auxiliaries.
pub(crate) fn infinitive_governor(words: &Words, v: usize) -> Option<usize> {
    let b = auxiliary_chain(words, v).before?;
    (words.norm(b) == "to" && b > 0).then(|| b - 1)
}

/// The rules that need part-of-speech tags (`tags` has one entry per word; see [`checked_span`] for
/// the words that must be tagged). Run after [`rejection`], so that only surviving acts are tagged.
pub fn rejection_by_tags(
    words: &Words,
    groups: &[ActorGroup],
    act: &Act,
    tags: &[Option<Upos>],
    headline: bool,
) -> Option<&'static str> {
    let v = act.verb;
    let verb_tag = tags.get(v).copied().flatten();
    // the tagger reads the word as a noun or adjective ("the attacks", "improved relations")
    if !headline
        && verb_tag.is_some_and(|t| matches!(t, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num))
    {
        return Some("tagged as a noun or adjective, not a verb");
    }
    // a verb between the subject and this verb: the subject is another verb's ("Iran denied it was
    // behind the attack but the admiral accused ..."), unless the two verbs share it ("met X and praised")
    if !act.passive {
        let source = &groups[act.source];
        if source.end <= v {
            let mut k = v;
            while k > source.end
                && (SKIPPABLE.contains(&words.norm(k - 1))
                    || words.norm(k - 1).ends_with("ly")
                    || tags.get(k - 1).copied().flatten() == Some(Upos::Aux))
            {
                k -= 1;
            }
            let coordinated =
                k > source.end && matches!(words.norm(k - 1), "and" | "or" | "but" | ",");
            // a verb followed by "to" ("intends to", "decided to"), possibly across an adverb
            // ("is inching nearer to accord"), is part of this verb's chain
            let to_at = |t: usize| t < words.len() && words.norm(t) == "to";
            let verb_between = (source.end..k).any(|j| {
                tags.get(j).copied().flatten() == Some(Upos::Verb)
                    && !pattern_asks_for(act, words.norm(j))
                    && !to_at(j + 1)
                    && !(to_at(j + 2)
                        && matches!(
                            tags.get(j + 1).copied().flatten(),
                            Some(Upos::Adv | Upos::Adj)
                        ))
            });
            // "Ethiopia indicated it would act": the pronoun subject after a verb of reporting is
            // the reporter itself
            let reported_self = k >= source.end + 2
                && matches!(words.norm(k - 1), "it" | "they")
                && (source.end..k - 1).all(|j| {
                    words.norm(j) == "that"
                        || SKIPPABLE.contains(&words.norm(j))
                        || words.norm(j).ends_with("ly")
                        || REPORTING.contains(&words.norm(j))
                })
                && (source.end..k - 1).any(|j| REPORTING.contains(&words.norm(j)));
            if verb_between && !coordinated && !reported_self {
                return Some("another verb stands between the subject and the verb");
            }
        }
    }
    None
}

/// Whether [`rejection_by_tags`] could reject the act: not when a past-tense verb follows its subject
/// directly ("China condemned"), the commonest case, where tagging would be wasted.
pub fn needs_tags(words: &Words, dicts: &Dictionaries, groups: &[ActorGroup], act: &Act) -> bool {
    let source = &groups[act.source];
    if act.passive || source.end > act.verb {
        return true;
    }
    let adjacent = (source.end..act.verb).all(|k| {
        let w = words.norm(k);
        SKIPPABLE.contains(&w) || w.ends_with("ly")
    });
    let past_only = dicts.verbs.lookup(words.norm(act.verb)).is_some_and(|f| {
        f.iter().all(|(_, k)| {
            matches!(
                k,
                VerbForm::Past | VerbForm::PastOrParticiple | VerbForm::PastParticiple
            )
        })
    });
    // with a PETRARCH verb file, a finite form right after its subject is a verb, as PETRARCH's
    // parse reads it ("Ethiopia departs from Libya"), whatever the tagger makes of it
    let finite = dicts.petrarch_verbs
        && dicts.verbs.lookup(words.norm(act.verb)).is_some_and(|f| {
            f.iter().all(|(_, k)| {
                matches!(
                    k,
                    VerbForm::Past
                        | VerbForm::PastOrParticiple
                        | VerbForm::PastParticiple
                        | VerbForm::ThirdPerson
                )
            })
        });
    !(adjacent && (past_only || finite))
}

/// The words whose tags [`rejection_by_tags`] reads: from the end of the act's subject to its verb.
pub fn checked_span(groups: &[ActorGroup], act: &Act) -> (usize, usize) {
    let source_end = groups[act.source].end;
    if !act.passive && source_end <= act.verb {
        (source_end, act.verb)
    } else {
        (act.verb, act.verb)
    }
}

pub(crate) fn pattern_asks_for(act: &Act, word: &str) -> bool {
    act.pattern
        .after
        .iter()
        .chain(&act.pattern.before)
        .any(|e| matches!(e, PatternElement::Word(alts) if alts.iter().any(|a| a == word)))
}
