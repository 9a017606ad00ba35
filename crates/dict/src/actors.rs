//! The [`ActorDictionary`]: countries, places that stand for governments, people with dated roles
//! and organisations, each reachable from every phrase that names it.
//!
//! A phrase resolves to a [`PhraseMeaning`]: an actor, or a country adjective that can join a following
//! agent noun ("Chinese" + "President"). An actor resolves, on a date, to a CAMEO code with
//! [`ActorDictionary::code_on`]: the role in force that day.

use crate::format::{is_actor_code, list, parse_date, records, DictError};
use crate::phrase::{FastMap, PhraseIndex};
use chrono::NaiveDate;

/// What kind of thing an actor entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Country,
    /// A capital or seat of government: stands for the government.
    Place,
    Person,
    Organisation,
}

/// One role of an actor, bounded in time.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedRole {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Free text ("President", "Foreign Minister").
    pub role: String,
    /// `file:line` it was read from.
    pub origin: String,
}

impl DatedRole {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// A known actor.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub kind: ActorKind,
    /// Canonical name ("Xi Jinping", "China").
    pub name: String,
    pub roles: Vec<DatedRole>,
    /// Every phrase that names it, as written in the dictionary.
    pub names: Vec<String>,
}

/// Index of an entry in [`ActorDictionary::entries`].
pub type ActorId = u32;

/// What a dictionary phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseMeaning {
    Actor(ActorId),
    /// A country adjective ("Chinese"): the country actor, which also joins a following agent.
    Adjective(ActorId),
}

/// All named actors and the phrases that find them.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    pub entries: Vec<ActorEntry>,
    pub phrases: PhraseIndex<PhraseMeaning>,
    by_key: FastMap<String, ActorId>,
    by_country: FastMap<String, ActorId>,
}

impl ActorDictionary {
    /// The country entry for a CAMEO country code.
    pub fn country(&self, code: &str) -> Option<ActorId> {
        self.by_country.get(code).copied()
    }

    pub fn entry(&self, id: ActorId) -> &ActorEntry {
        &self.entries[id as usize]
    }

    /// The code an actor has on `date`, and the role that gives it.
    ///
    /// The role in force that day wins (the latest-starting one if several are). Outside every role, a
    /// person who held a role before codes as an elite (`ELI`) of that role's country, one whose first role
    /// is still to come as the country alone; an
    /// organisation or country keeps its one code.
    pub fn code_on(&self, id: ActorId, date: Option<NaiveDate>) -> (String, Option<&DatedRole>) {
        let e = self.entry(id);
        if e.roles.is_empty() {
            return (String::new(), None);
        }
        let Some(date) = date else {
            let r = e.roles.iter().max_by_key(|r| r.from).unwrap();
            return (r.code.clone(), Some(r));
        };
        if let Some(r) = e
            .roles
            .iter()
            .filter(|r| r.covers(date))
            .max_by_key(|r| r.from)
        {
            return (r.code.clone(), Some(r));
        }
        if e.kind != ActorKind::Person {
            let r = &e.roles[0];
            return (r.code.clone(), Some(r));
        }
        // A former holder is an elite of the country of the last role held; a future one is just of
        // its country.
        let past = e
            .roles
            .iter()
            .filter(|r| r.to.is_some_and(|t| t < date))
            .max_by_key(|r| r.to);
        let r = past.unwrap_or_else(|| e.roles.iter().min_by_key(|r| r.from).unwrap());
        let non_state = tidings_event::split_actor_code(&r.code).0.is_none();
        let code = if non_state {
            r.code.clone()
        } else if past.is_some() {
            format!("{}ELI", &r.code[..3])
        } else {
            r.code[..3].to_string()
        };
        (code, Some(r))
    }

    fn entry_for(&mut self, key: String, kind: ActorKind, name: &str) -> ActorId {
        if let Some(id) = self.by_key.get(&key) {
            return *id;
        }
        let id = self.entries.len() as ActorId;
        self.entries.push(ActorEntry {
            kind,
            name: name.to_string(),
            roles: Vec::new(),
            names: Vec::new(),
        });
        self.by_key.insert(key, id);
        id
    }

    fn add_phrase(&mut self, phrase: &str, meaning: PhraseMeaning) {
        let id = match meaning {
            PhraseMeaning::Actor(id) | PhraseMeaning::Adjective(id) => id,
        };
        // one phrase, one meaning per entry
        if self.entries[id as usize].names.iter().any(|n| n == phrase)
            && matches!(meaning, PhraseMeaning::Actor(_))
        {
            return;
        }
        if self.phrases.insert(phrase, true, meaning) {
            self.entries[id as usize].names.push(phrase.to_string());
        }
    }

    /// Reads a `countries.txt` file.
    pub fn add_countries(&mut self, file: &str, text: &str, errors: &mut Vec<DictError>) {
        for (line, f) in records(text) {
            let err = |reason: String| DictError {
                file: file.to_string(),
                line,
                reason,
            };
            if f.len() < 2 {
                errors.push(err("expected `CODE | name | other names | adjectives | demonyms | capital | seats | from | to`".into()));
                continue;
            }
            let code = f[0];
            if code.len() != 3 || !is_actor_code(code) {
                errors.push(err(format!("`{code}` is not a three-letter country code")));
                continue;
            }
            let (from, to) = match date_range(&f, 7) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(err(e));
                    continue;
                }
            };
            let origin = format!("{file}:{line}");
            let id = self.entry_for(format!("country:{code}"), ActorKind::Country, f[1]);
            self.by_country.insert(code.to_string(), id);
            self.entries[id as usize].roles.push(DatedRole {
                code: code.to_string(),
                from,
                to,
                role: "country".into(),
                origin: origin.clone(),
            });
            self.add_phrase(f[1], PhraseMeaning::Actor(id));
            for n in list(f.get(2).unwrap_or(&"")).chain(list(f.get(4).unwrap_or(&""))) {
                self.add_phrase(n, PhraseMeaning::Actor(id));
            }
            for a in list(f.get(3).unwrap_or(&"")) {
                self.add_phrase(a, PhraseMeaning::Adjective(id));
            }
            let gov = format!("{code}GOV");
            for p in list(f.get(5).unwrap_or(&"")).chain(list(f.get(6).unwrap_or(&""))) {
                let pid = self.entry_for(format!("place:{code}:{p}"), ActorKind::Place, p);
                if self.entries[pid as usize].roles.is_empty() {
                    self.entries[pid as usize].roles.push(DatedRole {
                        code: gov.clone(),
                        from,
                        to,
                        role: "seat of government".into(),
                        origin: origin.clone(),
                    });
                }
                self.add_phrase(p, PhraseMeaning::Actor(pid));
            }
        }
    }

    /// Reads a people or organisations file: `name | other names | CODE | from | to | role`.
    pub fn add_named(
        &mut self,
        file: &str,
        text: &str,
        kind: ActorKind,
        errors: &mut Vec<DictError>,
    ) {
        for (line, f) in records(text) {
            let err = |reason: String| DictError {
                file: file.to_string(),
                line,
                reason,
            };
            if f.len() < 3 {
                errors.push(err(
                    "expected `name | other names | CODE | from | to | role`".into(),
                ));
                continue;
            }
            let (name, code) = (f[0], f[2]);
            if name.is_empty() {
                errors.push(err("empty name".into()));
                continue;
            }
            if !is_actor_code(code) {
                errors.push(err(format!(
                    "`{code}` is not a CAMEO actor code (3, 6 or 9 capital letters)"
                )));
                continue;
            }
            let (from, to) = match date_range(&f, 3) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(err(e));
                    continue;
                }
            };
            let key = format!("{kind:?}:{}", crate::words::Words::new(name).joined());
            let id = self.entry_for(key, kind, name);
            let role = f.get(5).unwrap_or(&"").to_string();
            self.entries[id as usize].roles.push(DatedRole {
                code: code.to_string(),
                from,
                to,
                role,
                origin: format!("{file}:{line}"),
            });
            self.add_phrase(name, PhraseMeaning::Actor(id));
            for n in list(f[1]) {
                self.add_phrase(n, PhraseMeaning::Actor(id));
            }
        }
    }

    /// Adds one actor directly (used by converters of other dictionary formats).
    pub fn add_actor(
        &mut self,
        kind: ActorKind,
        name: &str,
        phrases: &[String],
        roles: Vec<DatedRole>,
    ) -> ActorId {
        let key = format!("{kind:?}:{}", crate::words::Words::new(name).joined());
        let id = self.entry_for(key, kind, name);
        self.entries[id as usize].roles.extend(roles);
        for p in phrases {
            self.add_phrase(p, PhraseMeaning::Actor(id));
        }
        id
    }
}

/// The `from | to` dates in fields `at` and `at + 1`: open ends are None; an end before the start is
/// an error.
fn date_range(f: &[&str], at: usize) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
    let from = parse_date(f.get(at).unwrap_or(&""), false)?;
    let to = parse_date(f.get(at + 1).unwrap_or(&""), true)?;
    match (from, to) {
        (Some(a), Some(b)) if a > b => Err(format!("the role ends ({b}) before it starts ({a})")),
        _ => Ok((from, to)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Words;

    fn date(s: &str) -> Option<NaiveDate> {
        Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    fn dict() -> ActorDictionary {
        let mut d = ActorDictionary::default();
        let mut errors = Vec::new();
        d.add_countries("countries.txt", "PRK | North Korea | DPRK | North Korean | North Koreans | Pyongyang |\nUSA | United States | US | American | Americans | Washington | White House\n", &mut errors);
        d.add_named(
            "people.txt",
            "Donald Trump | Trump | USAGOV | 2017-01-20 | 2021-01-20 | President\nDonald Trump | Trump | USAGOV | 2025-01-20 | | President\nJoe Biden | Biden | USAGOV | 2009-01-20 | 2017-01-20 | Vice President\nJoe Biden | Biden | USAGOV | 2021-01-20 | 2025-01-20 | President\n",
            ActorKind::Person,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        d
    }

    fn resolve(d: &ActorDictionary, text: &str, on: &str) -> String {
        let w = Words::new(text);
        let (_, m) = d.phrases.longest_at(&w, 0).unwrap();
        let PhraseMeaning::Actor(id) = *m[0] else {
            panic!()
        };
        d.code_on(id, date(on)).0
    }

    #[test]
    fn same_name_codes_by_date() {
        let d = dict();
        assert_eq!(resolve(&d, "Trump", "2018-05-01"), "USAGOV");
        assert_eq!(resolve(&d, "Trump", "2022-05-01"), "USAELI");
        assert_eq!(resolve(&d, "Trump", "2025-03-01"), "USAGOV");
        assert_eq!(resolve(&d, "Trump", "2010-03-01"), "USA");
        assert_eq!(resolve(&d, "Biden", "2019-03-01"), "USAELI");
        assert_eq!(resolve(&d, "Biden", "2022-03-01"), "USAGOV");
    }

    #[test]
    fn capitals_stand_for_governments() {
        let d = dict();
        assert_eq!(resolve(&d, "Pyongyang", "2020-10-10"), "PRKGOV");
        assert_eq!(resolve(&d, "White House", "2020-10-10"), "USAGOV");
        assert_eq!(resolve(&d, "DPRK", "2020-10-10"), "PRK");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut d = ActorDictionary::default();
        let mut errors = Vec::new();
        d.add_named("p.txt", "# c\nGood Name | | USAGOV | 2001 | 2002 |\nBad | | usagov | |\nWorse | | USAGOV | 2005 | 2001 |\n", ActorKind::Person, &mut errors);
        assert_eq!(errors.len(), 2);
        assert_eq!(
            errors[0].to_string().split(':').take(2).collect::<Vec<_>>(),
            ["p.txt", "3"]
        );
        assert_eq!(errors[1].line, 4);
        assert_eq!(d.entries.len(), 1);
    }
}
