//! Clause-level checks on an act with the dependency parse of its sentence, beside those of
//! [`crate::structure`]: is the act's clause reported or only supposed, and is the actor after the
//! verb the one the act is aimed at or only someone the verb's object is about?
//!
//! - "would" states an intent when someone says, promises or threatens it ("China said it would
//!   retaliate"); outside such a report the clause is a supposition, a term under negotiation or a
//!   fear ("In exchange, China would end its tariffs", "over fear that Beijing would retaliate").
//! - In "condemned the violence against civilians" the civilians suffered the violence; the
//!   condemnation is aimed at whoever did it. An actor in a prepositional phrase on a verb's object
//!   noun is what the object is about, not the act's target, unless the pattern names the
//!   preposition ("voice criticism of +").
//!
//! [`clause_rejection`] only vetoes acts, like [`crate::structure::structural_rejection`].

use crate::actors::ActorGroup;
use crate::acts::Act;
use crate::structure::{article_start, span_head};
use tidings_dict::words::Words;
use tidings_dict::PatternElement;
use tidings_parser::{Parse, Rel};

/// Verbs whose clausal complement is said, promised, threatened or decided by their subject: under
/// them "would" is a stated intent (base forms; [`is_form_of`] inflects them).
const REPORTING_VERBS: &[&str] = &[
    "say",
    "tell",
    "announce",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "warn",
    "insist",
    "indicate",
    "state",
    "declare",
    "agree",
    "decide",
    "confirm",
    "add",
    "claim",
    "note",
    "explain",
    "write",
    "report",
    "signal",
    "reiterate",
    "assure",
    "repeat",
    "stress",
    "hint",
    "acknowledge",
    "inform",
    "notify",
    "admit",
    "reply",
    "respond",
];

/// Nouns whose clause is said or promised ("a warning that it would retaliate").
const REPORTING_NOUNS: &[&str] = &[
    "statement",
    "announcement",
    "promise",
    "pledge",
    "vow",
    "threat",
    "warning",
    "assurance",
    "assurances",
    "commitment",
    "claim",
    "decision",
    "declaration",
];

/// Nouns whose "that" clause is feared, supposed, weighed or only alleged, not reported ("over fear
/// that Beijing would retaliate", "the possibility that Russia attacks", "suspicions that the regime
/// has used sarin").
const SUPPOSITION_NOUNS: &[&str] = &[
    "fear",
    "fears",
    "chance",
    "chances",
    "possibility",
    "scenario",
    "risk",
    "prospect",
    "likelihood",
    "danger",
    "worry",
    "worries",
    "concern",
    "concerns",
    "speculation",
    "notion",
    "idea",
    "hope",
    "hopes",
    // unconfirmed: "months of suspicions that the regime has used sarin"
    "suspicion",
    "suspicions",
    "indications",
    "allegation",
    "allegations",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
];

/// Prepositions that open a phrase about what an object noun is aimed at or concerns ("violence
/// against civilians", "sanctions on Iran", "the killing of protesters").
const ABOUT_PREPOSITIONS: &[&str] = &["against", "on", "of", "toward", "towards"];

/// Nouns that count or group the people of their "of" phrase ("hundreds of civilians").
const QUANTITIES: &[&str] = &[
    "hundreds",
    "thousands",
    "dozens",
    "millions",
    "scores",
    "number",
    "majority",
    "members",
    "group",
    "groups",
    "some",
    "many",
    "all",
    "most",
    "one",
    "two",
    "three",
];

/// Why the act's clause or target does not stand, or None.
pub fn clause_rejection(
    words: &Words,
    parse: &Parse,
    groups: &[ActorGroup],
    act: &Act,
) -> Option<&'static str> {
    if supposed(words, parse, groups, act) {
        return Some("the parse: the clause is a fear or supposition ('fear that')");
    }
    if hypothetical_would(words, parse, act.verb) {
        return Some("the parse: 'would' outside a report of what was said or promised");
    }
    if object_concerns_target(words, parse, groups, act) {
        return Some(
            "the parse: the target is what the verb's object is about ('violence against')",
        );
    }
    None
}

/// Whether `word` is an inflection of one of the base forms `lemmas` ("said", "warns", "vowed").
fn is_form_of(word: &str, lemmas: &[&str]) -> bool {
    let irregular = match word {
        "said" | "says" => Some("say"),
        "told" => Some("tell"),
        "wrote" | "written" => Some("write"),
        _ => None,
    };
    if let Some(l) = irregular {
        return lemmas.contains(&l);
    }
    let stems = [
        Some(word),
        word.strip_suffix('s'),
        word.strip_suffix("ed"),
        word.strip_suffix('d'),
        word.strip_suffix("ing"),
    ];
    if stems.iter().flatten().any(|s| lemmas.contains(s)) {
        return true;
    }
    // "declaring", "replied", "replies"
    let y = word
        .strip_suffix("ied")
        .or_else(|| word.strip_suffix("ies"))
        .map(|s| format!("{s}y"));
    let e = word.strip_suffix("ing").map(|s| format!("{s}e"));
    [y, e]
        .iter()
        .flatten()
        .any(|s| lemmas.contains(&s.as_str()))
}

/// Whether the verb carries "would" (its own auxiliary, or that of the verb it is coordinated with
/// when it has none: "would end tariffs and buy soybeans") and no report of saying, promising or
/// deciding governs it.
fn hypothetical_would(words: &Words, parse: &Parse, verb: usize) -> bool {
    let auxiliaries = |v: usize| {
        parse
            .children(v)
            .filter(|&c| matches!(parse.label(c), Rel::Aux | Rel::AuxPass))
            .collect::<Vec<_>>()
    };
    let would = |v: usize| {
        auxiliaries(v)
            .iter()
            .any(|&c| matches!(words.norm(c), "would" | "'d"))
    };
    let mut carries = would(verb);
    if !carries && parse.label(verb) == Rel::Conj && auxiliaries(verb).is_empty() {
        carries = parse.head(verb).is_some_and(would);
    }
    if !carries {
        return false;
    }
    // "..., according to officials"
    if (1..words.len()).any(|k| words.norm(k) == "to" && words.norm(k - 1) == "according") {
        return false;
    }
    // the future in a past narrative: "ISIS would later kill ...", "The next year she would sign"
    let narrative = (0..verb).any(|k| {
        matches!(words.norm(k), "later" | "eventually" | "subsequently")
            || (k > 0
                && words.norm(k - 1) == "the"
                && matches!(words.norm(k), "next" | "following"))
    });
    if narrative {
        return false;
    }
    // a report the parser missed: a verb or noun of saying before the clause ("said on Tuesday
    // that Trump would meet", which the parser may hang on "Tuesday")
    if (0..verb).any(|k| {
        is_form_of(words.norm(k), REPORTING_VERBS) || REPORTING_NOUNS.contains(&words.norm(k))
    }) {
        return false;
    }
    !reported(words, parse, verb)
}

/// Whether a verb (or noun) of saying, promising or deciding governs `verb` through a chain of
/// complements and coordinations, or stands beside it as a parenthetical ("China would retaliate,
/// officials said").
fn reported(words: &Words, parse: &Parse, verb: usize) -> bool {
    let speech_verb = |w: usize| is_form_of(words.norm(w), REPORTING_VERBS);
    let mut v = verb;
    for _ in 0..6 {
        if parse
            .children(v)
            .any(|c| matches!(parse.label(c), Rel::Parataxis | Rel::Ccomp) && speech_verb(c))
        {
            return true;
        }
        let Some(h) = parse.head(v) else {
            return false;
        };
        match parse.label(v) {
            Rel::Ccomp | Rel::Xcomp | Rel::Conj | Rel::Parataxis if speech_verb(h) => return true,
            Rel::Ccomp | Rel::Acl if REPORTING_NOUNS.contains(&words.norm(h)) => return true,
            Rel::Ccomp | Rel::Xcomp | Rel::Conj => v = h,
            _ => return false,
        }
    }
    false
}

/// Whether the target stands in a phrase ("against civilians", "on Iran", "of protesters") after the
/// verb's direct object, the object is no actor, and the pattern does not name the preposition:
/// the phrase tells what the object is about, whoever the parser hangs it on.
fn object_concerns_target(words: &Words, parse: &Parse, groups: &[ActorGroup], act: &Act) -> bool {
    let Some(t) = act.target else {
        return false;
    };
    let target = &groups[t];
    // statements, criticism and rejection: a denial ("denies involvement in attacks on U.S.
    // forces") answers the party it names, and force and coercion ("sanctions on Iran", "strikes
    // against Syrian forces") are aimed at the party after their object
    let about_roots = (act.code.starts_with("01") && !act.code.starts_with("016"))
        || act.code.starts_with("11")
        || act.code.starts_with("12");
    // a pattern that places words after its target slot ("blame + for") places the target itself
    let placed = act
        .pattern
        .after
        .iter()
        .skip_while(|e| !matches!(e, PatternElement::Target))
        .any(|e| matches!(e, PatternElement::Word(_)));
    if !about_roots || placed || act.passive || target.start <= act.verb {
        return false;
    }
    let Some(mut h) = span_head(parse, target.start, target.end) else {
        return false;
    };
    // up to the head of the target's noun phrase ("the U.S. missiles", "Egypt's embassy")
    for _ in 0..6 {
        match (parse.label(h), parse.head(h)) {
            (
                Rel::Compound
                | Rel::Amod
                | Rel::Flat
                | Rel::Fixed
                | Rel::Conj
                | Rel::Appos
                | Rel::NmodPoss,
                Some(up),
            ) if up > act.verb
                && !(parse.label(up) == Rel::Obj && parse.head(up) == Some(act.verb)) =>
            {
                h = up
            }
            _ => break,
        }
    }
    // the phrase's preposition: the parse's, else the word before the phrase ("against unarmed
    // demonstrators", "of the U.S. missiles")
    let case = parse
        .children_with(h, Rel::Case)
        .find(|&c| c > act.verb && c < target.start)
        .unwrap_or_else(|| article_start(words, target.start).saturating_sub(1));
    if case <= act.verb + 1 {
        return false;
    }
    let p = words.norm(case);
    if !ABOUT_PREPOSITIONS.contains(&p) || crate::assertion::pattern_asks_for(act, p) {
        return false;
    }
    let in_actor = |w: usize| groups.iter().any(|g| g.start <= w && w < g.end);
    let Some(object) = (act.verb + 1..case)
        .find(|&o| parse.label(o) == Rel::Obj && parse.head(o) == Some(act.verb))
    else {
        return false;
    };
    if in_actor(object) || QUANTITIES.contains(&words.norm(object)) {
        return false;
    }
    // the phrase hangs on the object (or, as the parser often has it, on the verb)
    matches!(parse.head(h), Some(a) if a == object || a == act.verb)
}

/// Whether the act's clause is the "that" clause of a noun of fear or supposition: the parse hangs
/// the verb on such a noun, or the words read "NOUN that SOURCE ... VERB" with no report between.
fn supposed(words: &Words, parse: &Parse, groups: &[ActorGroup], act: &Act) -> bool {
    let v = act.verb;
    if parse.head(v).is_some_and(|h| {
        matches!(parse.label(v), Rel::Ccomp | Rel::Acl)
            && SUPPOSITION_NOUNS.contains(&words.norm(h))
    }) {
        return true;
    }
    let source = &groups[act.source];
    if act.passive || source.start >= v || source.start < 2 {
        return false;
    }
    let k = article_start(words, source.start);
    k >= 2
        && words.norm(k - 1) == "that"
        && SUPPOSITION_NOUNS.contains(&words.norm(k - 2))
        && !(source.end..v).any(|j| {
            matches!(words.norm(j), "," | ";" | ":") || is_form_of(words.norm(j), REPORTING_VERBS)
        })
}

#[cfg(test)]
mod tests {
    use super::{is_form_of, REPORTING_VERBS};
    use crate::test_support::{coded, has};

    #[test]
    fn reporting_verbs_are_recognised_in_their_inflections() {
        for w in [
            "said",
            "says",
            "told",
            "warned",
            "vows",
            "declaring",
            "replied",
            "notes",
        ] {
            assert!(is_form_of(w, REPORTING_VERBS), "{w}");
        }
        for w in ["fear", "meet", "attacked", "hoped"] {
            assert!(!is_form_of(w, REPORTING_VERBS), "{w}");
        }
    }

    #[test]
    fn would_outside_a_report_is_a_supposition() {
        // the term of a deal under negotiation, not an intent anyone stated
        let text = "In exchange, Britain would cut ties with the European Union.";
        assert!(has(&coded(text, false), "GBR", "IGOEEC"));
        assert!(!has(&coded(text, true), "GBR", "IGOEEC"));
        // warned that it would: a stated threat
        let text = "Britain warned that it would cut ties with the European Union.";
        assert!(has(&coded(text, true), "GBR", "IGOEEC"));
        // the future of a past narrative is a fact
        let text = "ISIS would later kill the Japanese hostage.";
        assert!(has(&coded(text, true), "IMGISI", "JPNCVL"));
    }

    #[test]
    fn a_feared_clause_is_no_act() {
        let text = "The deal was rejected over fear that Israel was sending weapons to China.";
        assert!(has(&coded(text, false), "ISR", "CHN"));
        assert!(!has(&coded(text, true), "ISR", "CHN"));
        let text = "Officials said Israel was sending weapons to China.";
        assert!(has(&coded(text, true), "ISR", "CHN"));
    }

    #[test]
    fn who_the_object_is_about_is_not_the_target() {
        // the civilians suffered the violence; the condemnation is aimed at whoever did it
        let text = "Obama condemned the violence against civilians.";
        assert!(has(&coded(text, false), "USAGOV", "CVL"));
        assert!(!has(&coded(text, true), "USAGOV", "CVL"));
        // a pattern that names the preposition keeps its target
        let text = "The US embassy condemned the deadly violence against unarmed demonstrators.";
        assert!(has(&coded(text, false), "USAGOV", "CVL"));
        assert!(!has(&coded(text, true), "USAGOV", "CVL"));
        assert!(has(
            &coded("Obama voiced criticism of China.", true),
            "USAGOV",
            "CHN"
        ));
        // an object that is itself an actor is the target
        assert!(has(
            &coded("Obama condemned the government of Syria.", true),
            "USAGOV",
            "SYRGOV"
        ));
    }
}
