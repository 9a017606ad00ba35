//! [`ArticleMemory`]: who has been named so far in an article, so that later short references
//! resolve to the full actor: a surname ("Kim"), another single part of the name ("Jinping"), a name
//! learned from a title ("Foreign Minister Wang Yi", then "Wang"), and "he"/"she" as a subject.
//! It also counts the countries named, so that a bare role ("the president", "the administration")
//! can take the country the article is about, and "the North" can be North Korea once Korea is named.

use crate::actors::name_parts;
use std::collections::HashMap;
use tidings_dict::{ActorId, Dictionaries};

/// People named so far in one article, most recent last.
#[derive(Debug, Clone, Default)]
pub struct ArticleMemory {
    people: Vec<(ActorId, Vec<String>)>,
    subject: Option<ActorId>,
    /// Each part of a name learned from a title, with the code of the last name learned that has
    /// it (a map, not a list of names: a long article learns the same name thousands of times).
    unknown: HashMap<String, String>,
    /// Countries named so far: (country, mentions with a state role, all mentions).
    countries: Vec<(String, u32, u32)>,
}

impl ArticleMemory {
    /// Records a mention of a known person; `is_subject` when it stands where a subject stands
    /// (not after a preposition or a verb), which makes it the referent of a later "he"/"she".
    pub fn mention_person(&mut self, id: ActorId, dicts: &Dictionaries, is_subject: bool) {
        if let Some(pos) = self.people.iter().position(|(p, _)| *p == id) {
            let entry = self.people.remove(pos);
            self.people.push(entry);
        } else {
            let e = dicts.actors.entry(id);
            let mut parts = name_parts(&e.name);
            for n in &e.names {
                for p in name_parts(n) {
                    if !parts.contains(&p) {
                        parts.push(p);
                    }
                }
            }
            self.people.push((id, parts));
        }
        if is_subject {
            self.subject = Some(id);
        }
    }

    /// The most recent person one of whose name parts is `part`.
    pub fn person_by_name_part(&self, part: &str) -> Option<ActorId> {
        self.people
            .iter()
            .rev()
            .find(|(_, parts)| parts.iter().any(|p| p == part))
            .map(|(id, _)| *id)
    }

    /// True when `part` reached `person` as a short reference (a part, not the whole name).
    pub fn is_short_reference(&self, part: &str, person: Option<ActorId>) -> bool {
        person.is_some() && self.person_by_name_part(part) == person
    }

    /// The most recent person whose code on `date` is `code`: the referent of a definite role phrase
    /// ("the Chinese president" after "Xi Jinping").
    pub fn person_with_code(
        &self,
        code: &str,
        dicts: &Dictionaries,
        date: Option<chrono::NaiveDate>,
    ) -> Option<ActorId> {
        self.people
            .iter()
            .rev()
            .map(|(id, _)| *id)
            .find(|id| dicts.actors.code_on(*id, date).0 == code)
    }

    /// Someone the dictionaries do not know is now the subject: "he"/"she" no longer refers to the
    /// last known person.
    pub fn forget_subject(&mut self) {
        self.subject = None;
    }

    /// The referent of "he"/"she": the last person named as a subject.
    pub fn subject_person(&self) -> Option<ActorId> {
        self.subject
    }

    /// Remembers an unlisted name introduced with a title ("Foreign Minister Wang Yi" -> CHNGOV).
    pub fn learn_unknown(&mut self, parts: &[String], code: &str) {
        for part in parts.iter().filter(|p| p.chars().count() >= 3) {
            self.unknown.insert(part.clone(), code.to_string());
        }
    }

    /// The code of a learned name one of whose parts is `part`.
    pub fn unknown_by_name_part(&self, part: &str) -> Option<&str> {
        self.unknown.get(part).map(String::as_str)
    }

    /// Records an actor of `country` named in the article; `state_role` when it is a person, a
    /// government, military, legislature, court, police or intelligence service of that country
    /// ("President Obama", "the Kremlin", "Japanese troops"), not the bare country name.
    pub fn mention_country(&mut self, country: &str, state_role: bool) {
        match self.countries.iter_mut().find(|(c, _, _)| c == country) {
            Some(e) => {
                e.1 += u32::from(state_role);
                e.2 += 1;
            }
            None => self
                .countries
                .push((country.to_string(), u32::from(state_role), 1)),
        }
    }

    /// Has the article named an actor of `country`?
    pub fn has_named_country(&self, country: &str) -> bool {
        self.countries.iter().any(|(c, _, _)| c == country)
    }

    /// The one country the article is about, as far as its state actors go: the country of more than
    /// half of the state actors named so far ("President Abe", "Japanese officials", "Tokyo" ...).
    /// None when no state actor was named or two countries share them ("Trump met Putin").
    pub fn dominant_country(&self) -> Option<&str> {
        let total: u32 = self.countries.iter().map(|(_, r, _)| r).sum();
        self.countries
            .iter()
            .find(|(_, r, _)| *r > 0 && 2 * r > total)
            .map(|(c, _, _)| c.as_str())
    }
}
