//! Countries named only by an adjective that describes a thing: "the sale of Russian air defense
//! systems to Iran", "the Russian account of the call". Composition leaves them out of the actors
//! ("the Russian border" is no actor for a verb pattern), but coders often code the country as the
//! one that acts (RUS -> IRN, provide military aid), so the event model sees them as mentions of
//! the country and learns when they act.

use super::{ActorGroup, ActorPhrase};
use chrono::NaiveDate;
use tidings_dict::words::{Word, Words};
use tidings_dict::{Dictionaries, PhraseMeaning};

/// How an adjective mention was found (its [`ActorPhrase::resolved_from`]).
pub const DESCRIBED: &str = "country adjective describing a thing";

/// The country adjectives of the sentence outside every actor phrase of `groups`, each as a phrase
/// coded with its country.
pub fn described_countries(
    words: &Words,
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
    groups: &[ActorGroup],
) -> Vec<ActorPhrase> {
    let covered = |i: usize| {
        groups
            .iter()
            .flat_map(|g| g.members.iter())
            .any(|p| p.start <= i && i < p.end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words.get(i).is(Word::PUNCT) || covered(i) {
            i += 1;
            continue;
        }
        let Some((len, meanings)) = dicts.actors.phrases.longest_at(words, i) else {
            i += 1;
            continue;
        };
        let adjective = meanings.iter().find_map(|m| match m {
            PhraseMeaning::Adjective(id) => Some(*id),
            PhraseMeaning::Actor(_) => None,
        });
        let end = i + len;
        if let Some(id) = adjective.filter(|_| !(i..end).any(covered)) {
            let code = dicts.actors.code_on(id, date).0;
            if !code.is_empty() {
                out.push(ActorPhrase {
                    start: i,
                    end,
                    code,
                    name: None,
                    person: None,
                    origins: Vec::new(),
                    resolved_from: Some(DESCRIBED),
                });
            }
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::ArticleMemory;

    #[test]
    fn an_adjective_that_describes_a_thing_is_a_country_mention() {
        let dicts = Dictionaries::builtin();
        let date = NaiveDate::from_ymd_opt(2016, 5, 1);
        let words = Words::new("Moscow agreed to the sale of Russian air defense systems to Iran.");
        let groups = super::super::find_actors(&words, &dicts, date, &mut ArticleMemory::default());
        let described = described_countries(&words, &dicts, date, &groups);
        let codes: Vec<&str> = described.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, vec!["RUS"]);
        // a country adjective inside an actor phrase is that actor's, not another mention
        let words = Words::new("The Russian president met Iranian officials.");
        let groups = super::super::find_actors(&words, &dicts, date, &mut ArticleMemory::default());
        assert!(described_countries(&words, &dicts, date, &groups).is_empty());
    }
}
