//! Reading the dependency parse around an actor phrase: its head word, where it attaches, the
//! preposition that opens it, and the verbs that share the act's subject.

use tidings_dict::words::Words;
use tidings_parser::{Parse, Rel};

/// The preposition that opens the phrase starting at `start` ("to", "with the"), if any.
pub(super) fn preposition_before(words: &Words, start: usize) -> Option<&str> {
    let p = words.norm(article_start(words, start).checked_sub(1)?);
    crate::actors::is_preposition(p).then_some(p)
}

/// Where the phrase starting at `start` begins with its article ("the United Nations").
pub(crate) fn article_start(words: &Words, start: usize) -> usize {
    let mut k = start;
    while k > 0 && matches!(words.norm(k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    k
}

/// A subject or object relation.
pub(super) fn is_argument(rel: Rel) -> bool {
    matches!(rel, Rel::Nsubj | Rel::NsubjPass | Rel::Obj | Rel::Iobj)
}

/// The noun phrase around `word`: climbs through the relations inside a noun phrase (coordination,
/// apposition, names, compounds, adjectives, and one possessive or noun modifier: "officials from
/// China", "India's army") and returns the phrase's head, its relation and its head's index.
pub(super) fn attachment(parse: &Parse, word: usize) -> Option<(usize, Rel, usize)> {
    attachment_within(parse, word, true)
}

/// [`attachment`], climbing through modifiers (compounds, adjectives, one possessive or noun
/// modifier) only when `through_modifier`: without, "a drone program" and "a photograph of a man"
/// have "program" and "photograph" as the object, not "drone" or "man".
pub(super) fn attachment_within(
    parse: &Parse,
    word: usize,
    through_modifier: bool,
) -> Option<(usize, Rel, usize)> {
    let mut w = word;
    let mut modifiers = if through_modifier { 0 } else { 1 };
    for _ in 0..8 {
        let h = parse.head(w)?;
        let r = parse.label(w);
        match r {
            Rel::Conj | Rel::Appos | Rel::Flat | Rel::Fixed => {}
            Rel::Compound | Rel::Amod if through_modifier => {}
            Rel::NmodPoss | Rel::Nmod if modifiers == 0 => modifiers += 1,
            _ => return Some((w, r, h)),
        }
        w = h;
    }
    None
}

/// The word of `start..end` whose head lies outside the span (the last one, for a span the parser
/// split), or None when the span is outside the parse.
pub(crate) fn span_head(parse: &Parse, start: usize, end: usize) -> Option<usize> {
    let range = parse.range();
    if start < range.start || end > range.end {
        return None;
    }
    (start..end)
        .rev()
        .find(|&i| parse.head(i).is_none_or(|h| h < start || h >= end))
}

/// The verb and the verbs it shares its subject with: those it is a conjunct or open complement
/// of ("vowed to attack", "met X and praised"), up to three levels.
pub(crate) fn governing_verbs(parse: &Parse, verb: usize) -> Vec<usize> {
    let mut chain = vec![verb];
    let mut v = verb;
    for _ in 0..3 {
        match (parse.label(v), parse.head(v)) {
            (Rel::Conj | Rel::Xcomp, Some(h)) => {
                chain.push(h);
                v = h;
            }
            _ => break,
        }
    }
    chain
}
