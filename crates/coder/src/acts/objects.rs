//! The actor group that fills a slot after the verb or a pattern word: close by, or further on
//! along the verb's object noun phrase ("a resumption of formal diplomatic ties with Osgiliath").

use super::{BE_FORMS, DETERMINERS, MODALS, OBJECT_BREAKERS, OBJECT_WINDOW, TARGET_WINDOW};
use crate::actors::{is_preposition, ActorGroup};
use tidings_dict::words::{Word, Words};
use tidings_dict::{Dictionaries, VerbForm};

/// The actor group that fills a slot after `pos`: the first group within a few words (unless a
/// comma separates it and it is the subject of a reporting verb: "..., a senior official said"),
/// else the first group further on in the same noun phrase, before anything that ends the verb's
/// object ("a resumption of formal diplomatic ties with Osgiliath").
pub(super) fn object_group<'g>(
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
pub(super) fn starts_verb_phrase(words: &Words, dicts: &Dictionaries, j: usize) -> bool {
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
