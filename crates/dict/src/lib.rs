//! Dictionaries: what tidings knows about the world, read from plain-text files a political scientist
//! can edit.
//!
//! A [`DictionaryBuilder`] reads files (the built-in set compiled from the repository's
//! `dictionaries/` folder, a folder given with `--dictionaries`, or both layered) and builds
//! [`Dictionaries`]: the [`CameoTable`] of event codes, the [`ActorDictionary`] (countries, places,
//! people with dated roles, organisations), the [`AgentDictionary`] (nouns such as "president" -> GOV),
//! the [`VerbDictionary`] of [`VerbPattern`]s, the [`Modifiers`] (negation, intent, reporting verbs) and
//! the discard phrases. Text and phrases are compared through the one tokenizer in [`words`].
//! Malformed lines come back as [`DictError`]s naming file and line; loading goes on without them.
//!
//! This crate does not code sentences; `tidings-coder` does, with these dictionaries.
//!
//! ```
//! use tidings_dict::{Dictionaries, PhraseMeaning, words::Words};
//! let dicts = Dictionaries::builtin();
//! let words = Words::new("North Korea");
//! let (len, meanings) = dicts.actors.phrases.longest_at(&words, 0).unwrap();
//! assert_eq!(len, 2);
//! let PhraseMeaning::Actor(id) = *meanings[0] else { panic!() };
//! assert_eq!(dicts.actors.code_on(id, None).0, "PRK");
//! ```

pub mod actors;
pub mod agents;
pub mod check;
pub mod conditions;
pub mod event_nouns;
pub mod format;
pub mod modifiers;
pub mod petrarch;
pub mod phrase;
pub mod verbs;
pub mod words;

pub use actors::{ActorDictionary, ActorEntry, ActorId, ActorKind, DatedRole, PhraseMeaning};
pub use agents::{AgentDictionary, AgentRole};
pub use format::DictError;
pub use modifiers::Modifiers;
pub use phrase::PhraseIndex;
pub use tidings_cameo::CameoTable;
pub use verbs::{IrregularForms, PatternElement, VerbDictionary, VerbForm, VerbPattern};

use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// Everything the coder needs to know.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub cameo: CameoTable,
    pub actors: ActorDictionary,
    pub agents: AgentDictionary,
    pub verbs: VerbDictionary,
    pub modifiers: Modifiers,
    /// Phrases that rule a sentence out.
    pub discards: PhraseIndex<()>,
    /// Phrases that rule a whole story out.
    pub story_discards: PhraseIndex<()>,
    /// Nouns that name an event and the CAMEO code they suggest ("talks" 040, "airstrikes" 195),
    /// from `event-nouns.txt`: evidence for the event model.
    pub event_nouns: PhraseIndex<String>,
    /// The verb patterns include a PETRARCH verb file's, which PETRARCH matches on a parse: a
    /// pattern's target is the verb's object however many prepositional phrases lead to it.
    pub petrarch_verbs: bool,
}

impl Dictionaries {
    /// The built-in dictionaries. They are checked clean in CI, so errors are not expected here.
    pub fn builtin() -> Dictionaries {
        let mut b = DictionaryBuilder::new();
        b.add_builtin();
        b.build().0
    }
}

/// Gathers dictionary files, then builds [`Dictionaries`].
pub struct DictionaryBuilder {
    cameo_text: Option<String>,
    pub actors: ActorDictionary,
    pub agents: AgentDictionary,
    pub irregular: IrregularForms,
    pub modifiers: Modifiers,
    pub discards: PhraseIndex<()>,
    pub story_discards: PhraseIndex<()>,
    pending_event_nouns: Vec<(String, String)>,
    pending_verbs: Vec<(String, String)>,
    /// Patterns already parsed (from other formats).
    pub patterns: Vec<VerbPattern>,
    pub errors: Vec<DictError>,
    deferred_modifiers: Vec<(String, String)>,
    /// A PETRARCH verb file was read (see [`Dictionaries::petrarch_verbs`]).
    pub petrarch_verbs: bool,
}

impl Default for DictionaryBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl DictionaryBuilder {
    pub fn new() -> DictionaryBuilder {
        DictionaryBuilder {
            cameo_text: None,
            actors: ActorDictionary::default(),
            agents: AgentDictionary::default(),
            irregular: IrregularForms::default(),
            modifiers: Modifiers::default(),
            discards: PhraseIndex::default(),
            story_discards: PhraseIndex::default(),
            pending_event_nouns: Vec::new(),
            pending_verbs: Vec::new(),
            patterns: Vec::new(),
            errors: Vec::new(),
            deferred_modifiers: Vec::new(),
            petrarch_verbs: false,
        }
    }

    /// Adds every built-in dictionary file.
    pub fn add_builtin(&mut self) -> &mut Self {
        for (path, text) in BUILTIN_FILES {
            self.add_file(path, text);
        }
        self
    }

    /// Adds every `.txt` file in a folder laid out like `dictionaries/`.
    pub fn add_dir(&mut self, dir: &Path) -> Result<&mut Self, DictError> {
        let mut files = Vec::new();
        collect_txt(dir, dir, &mut files).map_err(|e| DictError {
            file: dir.display().to_string(),
            line: 0,
            reason: format!("cannot read the dictionary folder: {e}"),
        })?;
        if files.is_empty() {
            return Err(DictError { file: dir.display().to_string(), line: 0, reason: "no dictionary files (*.txt) in this folder; see dictionaries/README.md for the layout".into() });
        }
        for rel in files {
            let full = dir.join(&rel);
            match std::fs::read(&full) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        self.add_file(&rel, &text);
                    }
                    Err(e) => self.errors.push(DictError {
                        file: full.display().to_string(),
                        line: 0,
                        reason: format!(
                            "not UTF-8 (first bad byte at offset {}); save the file as UTF-8",
                            e.utf8_error().valid_up_to()
                        ),
                    }),
                },
                Err(e) => self.errors.push(DictError {
                    file: full.display().to_string(),
                    line: 0,
                    reason: format!("cannot read: {e}"),
                }),
            }
        }
        Ok(self)
    }

    /// Adds one file, dispatched by its path relative to the dictionary folder.
    pub fn add_file(&mut self, path: &str, text: &str) -> &mut Self {
        let name = path.rsplit('/').next().unwrap_or(path);
        let folder = path
            .rsplit_once('/')
            .map(|(f, _)| f.rsplit('/').next().unwrap_or(f))
            .unwrap_or("");
        match (folder, name) {
            (_, "cameo-codes.txt") => self.cameo_text = Some(text.to_string()),
            (_, "countries.txt") => self.actors.add_countries(path, text, &mut self.errors),
            ("people", _) => self
                .actors
                .add_named(path, text, ActorKind::Person, &mut self.errors),
            ("organisations" | "organizations", _) => {
                self.actors
                    .add_named(path, text, ActorKind::Organisation, &mut self.errors)
            }
            (_, "agents.txt") => self.agents.add_file(path, text, &mut self.errors),
            (_, "verbs.txt") => self
                .pending_verbs
                .push((path.to_string(), text.to_string())),
            (_, "event-nouns.txt") => self
                .pending_event_nouns
                .push((path.to_string(), text.to_string())),
            (_, "verb-forms.txt") => self.irregular.add_file(path, text, &mut self.errors),
            (_, "modifiers.txt") => self
                .deferred_modifiers
                .push((path.to_string(), text.to_string())),
            (_, "discards.txt") => {
                for (_, f) in format::records(text) {
                    for p in f {
                        match p.strip_prefix('+') {
                            Some(story) => self.story_discards.insert(story.trim(), true, ()),
                            None => self.discards.insert(p, true, ()),
                        };
                    }
                }
            }
            _ => {}
        }
        self
    }

    /// Builds the dictionaries; returns them with every error met on the way.
    pub fn build(mut self) -> (Dictionaries, Vec<DictError>) {
        let (cameo, cameo_errors) = match &self.cameo_text {
            Some(t) => CameoTable::parse(t),
            None => CameoTable::parse(tidings_cameo::BUILTIN_CAMEO_CODES),
        };
        self.errors
            .extend(cameo_errors.into_iter().map(|e| DictError {
                file: "cameo-codes.txt".into(),
                line: e.line,
                reason: e.reason,
            }));
        let known = |c: &str| cameo.contains(c);
        for (path, text) in std::mem::take(&mut self.deferred_modifiers) {
            self.modifiers
                .add_file(&path, &text, &known, &mut self.errors);
        }
        self.modifiers.finish(&self.irregular);
        let mut patterns = std::mem::take(&mut self.patterns);
        for (path, text) in std::mem::take(&mut self.pending_verbs) {
            patterns.extend(verbs::read_patterns(&path, &text, &known, &mut self.errors));
        }
        let mut event_nouns = PhraseIndex::default();
        for (path, text) in std::mem::take(&mut self.pending_event_nouns) {
            event_nouns::read(&path, &text, &known, &mut event_nouns, &mut self.errors);
        }
        let mut verbs = VerbDictionary::build(patterns, &self.irregular);
        if self.petrarch_verbs {
            // PETRARCH looks a word up as written: a verb listed under its own spelling ("LEFT")
            // goes before an irregular form tidings derives for another verb ("left", of LEAVE)
            verbs.prefer_listed_spellings();
        }
        let dicts = Dictionaries {
            cameo,
            actors: self.actors,
            agents: self.agents,
            verbs,
            modifiers: self.modifiers,
            discards: self.discards,
            story_discards: self.story_discards,
            event_nouns,
            petrarch_verbs: self.petrarch_verbs,
        };
        (dicts, self.errors)
    }
}

fn collect_txt(dir: &Path, base: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_txt(&p, base, out)?;
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(
                p.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_are_embedded() {
        assert!(BUILTIN_FILES.iter().any(|(p, _)| *p == "cameo-codes.txt"));
    }

    #[test]
    fn layered_files_add_to_builtin() {
        let mut b = DictionaryBuilder::new();
        b.add_file("countries.txt", "ARN | Arnor | | Arnorian | | Fornost |\n");
        b.add_file(
            "people/extra.txt",
            "Aragorn | Strider | ARNGOV | 3019 | |\n",
        );
        b.add_file("verbs.txt", "051 | praise +\n");
        let (d, errors) = b.build();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(d.actors.country("ARN").is_some());
        assert_eq!(d.verbs.len(), 1);
    }
}
