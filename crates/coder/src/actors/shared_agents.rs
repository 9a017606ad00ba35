//! Agents and countries shared across a coordination: "lawmakers and police in China and Russia",
//! "Danish media and government". Not the grouping of coordinated phrases itself (`groups`).

use super::ActorPhrase;
use tidings_dict::words::Words;

/// How a phrase was composed, for sharing agents and countries across a coordination.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Shape {
    /// An agent noun alone ("government").
    BareAgent,
    /// A country before its agent ("Danish media"): the country.
    CountryAgent(String),
    Other,
}

/// "and", ",", ", and" between two coordinated agents or countries.
pub(super) fn joins_agents(words: &Words, from: usize, to: usize) -> bool {
    let gap: Vec<&str> = (from..to.max(from)).map(|i| words.norm(i)).collect();
    matches!(gap.as_slice(), ["and"] | [","] | [",", "and"] | ["&"])
}

/// Bare agents joined right before the phrase at `before` each become one phrase per country:
/// "lawmakers and officials in Arnor and Gondor" gives Arnor's and Gondor's lawmakers. The copies
/// share the agent's words.
pub(super) fn distribute_bare_agents(
    words: &Words,
    out: &mut Vec<ActorPhrase>,
    shapes: &mut Vec<Shape>,
    before: usize,
    countries: &[String],
) {
    let Some(at) = out.iter().position(|p| p.start == before) else {
        return;
    };
    let mut first = at;
    while first > 0
        && shapes[first - 1] == Shape::BareAgent
        && joins_agents(words, out[first - 1].end, out[first].start)
    {
        first -= 1;
    }
    if first == at {
        return;
    }
    let bare: Vec<ActorPhrase> = out.drain(first..at).collect();
    shapes.drain(first..at);
    let mut copies = Vec::new();
    for p in bare {
        for c in countries {
            copies.push(ActorPhrase {
                code: format!("{c}{}", p.code),
                ..p.clone()
            });
        }
    }
    let n = copies.len();
    out.splice(first..first, copies);
    shapes.splice(first..first, std::iter::repeat_n(Shape::Other, n));
}
