//! Finding the actors of a sentence: dictionary phrases, agent nouns composed with countries
//! ("Chinese President" -> `CHNGOV`), people remembered from earlier in the article ("Kim",
//! "Jinping", "he"), and compound actors ("China and Russia"). Agents are shared across a
//! coordination: "lawmakers in China and Russia" (CHNLEG, RUSLEG), "Danish media and government"
//! (DNKMED, DNKGOV); a named place or organisation keeps the agents after it ("White House
//! officials" USAGOV); a prepended agent code (`NGO~`) goes before the country ("MSF Arnor" NGOARN).
//!
//! [`find_actors`] turns the [`Words`] of a sentence into [`ActorPhrase`]s, each a span of words with
//! a resolved code, and groups coordinated phrases into [`ActorGroup`]s.

mod article_context;
mod compose;
mod described;
mod function_words;
mod glue;
mod groups;
mod names;
mod pieces;
mod shared_agents;

pub use described::{described_countries, DESCRIBED};
pub use function_words::{is_function_word, is_preposition};
pub use names::name_parts;

use crate::memory::ArticleMemory;
use article_context::apply_article;
use chrono::NaiveDate;
use compose::compose;
use groups::group;
use names::{opens_with_unknown_name, unknown_name_before};
use pieces::raw_matches;
use tidings_dict::words::Words;
use tidings_dict::{ActorId, Dictionaries};

/// One actor named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorPhrase {
    /// Word range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// Full CAMEO actor code.
    pub code: String,
    /// Canonical name of a known person or organisation.
    pub name: Option<String>,
    /// The person, when the phrase names one (for coreference).
    pub person: Option<ActorId>,
    /// Dictionary entries behind the code, `file:line`, for `--explain`.
    pub origins: Vec<String>,
    /// Reached through a pronoun or a short name: how it was resolved.
    pub resolved_from: Option<&'static str>,
}

/// Actor phrases joined by "and", "," or "as well as": one event each.
#[derive(Debug, Clone)]
pub struct ActorGroup {
    pub start: usize,
    pub end: usize,
    pub members: Vec<ActorPhrase>,
}

/// Finds every actor phrase in the sentence, composed and resolved, then groups coordinated ones.
pub fn find_actors(
    words: &Words,
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
    memory: &mut ArticleMemory,
) -> Vec<ActorGroup> {
    let matches = raw_matches(words, dicts, date, memory);
    if opens_with_unknown_name(words, &matches) {
        memory.forget_subject();
    }
    let phrases = compose(words, dicts, date, &matches, memory);
    let phrases = apply_article(words, &matches, phrases, memory);
    // someone the dictionaries do not know was named: a later "he"/"she" may be them
    if unknown_name_before(words, &matches, words.len()) {
        memory.forget_subject();
    }
    group(words, dicts, phrases)
}

#[cfg(test)]
mod tests {

    use super::*;

    /// The codes of each group of the sentence's actors, with the built-in dictionaries.
    fn groups(text: &str) -> Vec<Vec<String>> {
        groups_with(&Dictionaries::builtin(), text)
    }

    fn groups_with(dicts: &Dictionaries, text: &str) -> Vec<Vec<String>> {
        let words = Words::new(text);
        let mut memory = ArticleMemory::default();
        find_actors(
            &words,
            dicts,
            NaiveDate::from_ymd_opt(2020, 1, 1),
            &mut memory,
        )
        .into_iter()
        .map(|g| g.members.into_iter().map(|p| p.code).collect())
        .collect()
    }

    #[test]
    fn adjectives_after_a_coordination_keep_the_list_together() {
        assert_eq!(
            groups("France and the evil awful Germany met Spain")[0],
            vec!["FRA", "DEU"]
        );
        assert_eq!(
            groups("Evil Italy, the awful France, and good Germany met Spain")[0],
            vec!["ITA", "FRA", "DEU"]
        );
        // a quantifier or a verb is no adjective: two groups
        assert_eq!(
            groups("France and some Russian officials met")[0],
            vec!["FRA"]
        );
        assert_eq!(groups("to counter Iran and support Israel")[0], vec!["IRN"]);
    }

    #[test]
    fn an_abbreviation_in_brackets_stays_with_its_actor() {
        let words = Words::new("the European Union (XQZ) agree");
        let mut memory = ArticleMemory::default();
        let g = find_actors(&words, &Dictionaries::builtin(), None, &mut memory);
        assert_eq!(g[0].end, 6);
    }

    #[test]
    fn a_seat_of_government_keeps_its_country_before_agents() {
        assert_eq!(groups("White House officials met them")[0], vec!["USAGOV"]);
        assert_eq!(groups("Washington police arrested them")[0], vec!["USACOP"]);
    }

    #[test]
    fn an_agent_goes_with_every_country_of_a_list() {
        assert_eq!(
            groups("Lawmakers in China and Russia met")[0],
            vec!["CHNLEG", "RUSLEG"]
        );
        assert_eq!(
            groups("The ambassadors of France, Italy and Spain met")[0],
            vec!["FRAGOV", "ITAGOV", "ESPGOV"]
        );
        assert_eq!(
            groups("Lawmakers and police in China and Russia met")[0],
            vec!["CHNLEG", "RUSLEG", "CHNCOP", "RUSCOP"]
        );
        // a country with its own agent keeps it
        assert_eq!(
            groups("the president of France and Germany's chancellor met")[0],
            vec!["FRAGOV", "DEUGOV"]
        );
    }

    #[test]
    fn a_country_goes_with_every_agent_joined_after_it() {
        assert_eq!(
            groups("Danish media and government warned them")[0],
            vec!["DNKMED", "DNKGOV"]
        );
    }

    #[test]
    fn a_prepended_agent_goes_before_the_country() {
        let mut b = tidings_dict::DictionaryBuilder::new();
        tidings_dict::petrarch::add_petrarch_actors(
            &mut b,
            "actors.txt",
            "ARNOR_ [ARN]\n+ARNORIAN\n",
        );
        tidings_dict::petrarch::add_petrarch_agents(
            &mut b,
            "agents.txt",
            "MSF {}  [NGO~]\nDIPLOMAT  [~GOV]\n",
        );
        let (dicts, errors) = b.build();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(groups_with(&dicts, "MSF Arnor met them")[0], vec!["NGOARN"]);
        assert_eq!(
            groups_with(&dicts, "An MSF Arnor diplomat met them")[0],
            vec!["NGOARNGOV"]
        );
        assert_eq!(groups_with(&dicts, "MSF met them")[0], vec!["NGO"]);
    }
}
