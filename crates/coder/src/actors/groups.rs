//! Grouping actor phrases joined by "and", ",", "as well as" into [`ActorGroup`]s, each member an
//! event of its own, and keeping an abbreviation in brackets with its group.

use super::function_words::is_function_word;
use super::{ActorGroup, ActorPhrase};
use tidings_dict::words::{Word, Words};
use tidings_dict::Dictionaries;

/// Groups phrases joined by "and", ",", "as well as", "&" (and "both ... and").
pub(super) fn group(
    words: &Words,
    dicts: &Dictionaries,
    phrases: Vec<ActorPhrase>,
) -> Vec<ActorGroup> {
    let mut groups: Vec<ActorGroup> = Vec::new();
    for p in phrases {
        if let Some(g) = groups.last_mut() {
            let gap: Vec<&str> = (g.end..p.start).map(|i| words.norm(i)).collect();
            // copies of one agent shared by several countries overlap
            let joined = p.start < g.end
                || matches!(
                    gap.as_slice(),
                    ["and"]
                        | [","]
                        | [",", "and"]
                        | ["&"]
                        | ["as", "well", "as"]
                        | ["and", "the"]
                        | [",", "the"]
                        | [",", "and", "the"]
                )
                || joined_with_adjectives(words, dicts, g.end, p.start)
                || dicts.petrarch_verbs && gap == ["nor"];
            // "China, North Korea's only major ally": after a bare comma, a possessor opens an
            // apposition, not the next member of a list
            let possessor = gap.first() == Some(&",")
                && !gap.contains(&"and")
                && p.end < words.len()
                && matches!(words.norm(p.end), "'s" | "'");
            if joined && !possessor {
                g.end = p.end;
                g.members.push(p);
                continue;
            }
        }
        groups.push(ActorGroup {
            start: p.start,
            end: p.end,
            members: vec![p],
        });
    }
    for k in 0..groups.len() {
        let end = after_abbreviation(words, groups[k].end);
        if groups.get(k + 1).is_none_or(|next| next.start >= end) {
            groups[k].end = end;
        }
    }
    groups
}

/// Words that select part of a set, not adjectives: "and other officials", "and some Republicans".
const QUANTIFIERS: &[&str] = &[
    "other", "others", "some", "many", "several", "all", "both", "more", "most", "few", "its",
    "their", "his", "her", "our", "top", "senior", "former", "where", "when", "while", "then",
    "also", "even", "only", "not", "no", "any", "each", "every", "fellow", "another", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "local",
];

/// "and the evil awful", ", and good", ", the awful": a coordination, then adjectives before the
/// next actor (at most two plain lowercase words, no verbs of the dictionary nor words ending in
/// -ed, -ing or -ly, no quantifiers); after a comma alone, "the" must come first.
fn joined_with_adjectives(words: &Words, dicts: &Dictionaries, from: usize, to: usize) -> bool {
    let mut j = from;
    while j < to && matches!(words.norm(j), "," | "and") {
        j += 1;
    }
    if j == from || j - from > 2 || (j - from == 2 && words.norm(from) != ",") {
        return false;
    }
    let and = words.norm(j - 1) == "and";
    if j < to && words.norm(j) == "the" {
        j += 1;
    } else if !and {
        // ", where ...", ", who ...": a comma alone needs "the"
        return false;
    }
    let adjectives = to - j;
    // the actor after them is a name ("good Gondor"), not a role ("coalition forces")
    (1..=2).contains(&adjectives)
        && to < words.len()
        && words.get(to).is(Word::CAPITALIZED)
        && (j..to).all(|k| {
            let (w, n) = (words.get(k), words.norm(k));
            !(w.is(Word::CAPITALIZED) || w.is(Word::PUNCT) || w.is(Word::NUMBER))
                && !is_function_word(n)
                && !QUANTIFIERS.contains(&n)
                && !n.ends_with("ed")
                && !n.ends_with("ing")
                && !n.ends_with("ly")
                && dicts.verbs.lookup(n).is_none()
                && n.bytes().all(|b| b.is_ascii_lowercase())
        })
}

/// The index after an abbreviation in brackets that follows an actor ("the European Union (EU)"):
/// up to three words in capitals that are no actor of their own; `end` itself when there is none.
fn after_abbreviation(words: &Words, end: usize) -> usize {
    if end >= words.len() || words.norm(end) != "(" {
        return end;
    }
    let inner = (end + 1..words.len().min(end + 5))
        .take_while(|&j| {
            let w = words.get(j);
            w.is(Word::ALL_CAPS) && !w.is(Word::PUNCT) && !words.norm(j).contains('-')
        })
        .count();
    let close = end + 1 + inner;
    if inner > 0 && inner <= 3 && close < words.len() && words.norm(close) == ")" {
        close + 1
    } else {
        end
    }
}
