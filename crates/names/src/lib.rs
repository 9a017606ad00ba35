//! Actor names as the dictionaries name the entity, for GDELT's `Actor1Name`/`Actor2Name`.
//!
//! The coder gives each actor the words that named it (`U.S.`, `US`, `the United States`) and,
//! for a known entry, that entry's name, which for a capital standing for its government is the
//! capital (`Pyongyang`). Event data wants one name per entity, so [`ActorNames::name_of`] picks:
//!
//! 1. a known person or organisation: its dictionary name (`Xi Jinping`, `United Nations`);
//! 2. else an actor whose code has a country: the country's dictionary name (`United States`,
//!    `North Korea` for `Pyongyang` or `PRKGOV`);
//! 3. else the entry's name, else the words, as given.
//!
//! [`ActorNames::normalise`] writes that name into an event's actors' `name`. Nothing else of the
//! event changes; this crate neither codes nor stores.
//!
//! ```
//! use tidings_event::Actor;
//! let dicts = tidings_dict::Dictionaries::builtin();
//! let names = tidings_names::ActorNames::new(&dicts.actors);
//! assert_eq!(names.name_of(&Actor::new("U.S.", "USA")), "United States");
//! assert_eq!(names.name_of(&Actor::new("US", "USAGOV")), "United States");
//! ```

use std::collections::HashMap;
use tidings_dict::{ActorDictionary, ActorKind};
use tidings_event::{split_actor_code, Actor, Event};

/// Looks up the name the dictionaries give an actor.
pub struct ActorNames<'d> {
    actors: &'d ActorDictionary,
    /// Canonical names of people and organisations.
    named: HashMap<&'d str, ActorKind>,
}

impl<'d> ActorNames<'d> {
    pub fn new(actors: &'d ActorDictionary) -> ActorNames<'d> {
        let named = actors
            .entries
            .iter()
            .filter(|e| matches!(e.kind, ActorKind::Person | ActorKind::Organisation))
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        ActorNames { actors, named }
    }

    /// The one name of the entity `actor` stands for (see the crate's rules).
    pub fn name_of(&self, actor: &Actor) -> String {
        if let Some(name) = &actor.name {
            if self.named.contains_key(name.as_str()) {
                return name.clone();
            }
        }
        let country = split_actor_code(&actor.code).0;
        if let Some(id) = country.as_deref().and_then(|c| self.actors.country(c)) {
            return self.actors.entry(id).name.clone();
        }
        actor
            .name
            .clone()
            .unwrap_or_else(|| actor.text.trim().to_string())
    }

    /// Sets both actors' `name` to [`ActorNames::name_of`].
    pub fn normalise(&self, event: &mut Event) {
        event.source.name = Some(self.name_of(&event.source));
        if let Some(target) = event.target.as_mut() {
            target.name = Some(self.name_of(target));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_keep_their_names_and_places_become_their_country() {
        let dicts = tidings_dict::Dictionaries::builtin();
        let names = ActorNames::new(&dicts.actors);
        let mut xi = Actor::new("he", "CHNGOV");
        xi.name = Some("Xi Jinping".into());
        assert_eq!(names.name_of(&xi), "Xi Jinping");
        let mut pyongyang = Actor::new("Pyongyang", "PRKGOV");
        pyongyang.name = Some("Pyongyang".into());
        assert_eq!(names.name_of(&pyongyang), "North Korea");
        for text in ["U.S.", "US", "UNITED STATES", "America"] {
            assert_eq!(names.name_of(&Actor::new(text, "USA")), "United States");
        }
        assert_eq!(names.name_of(&Actor::new("rebels", "REB")), "rebels");
    }
}
