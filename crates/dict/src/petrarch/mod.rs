//! Readers for PETRARCH-2 and PETRARCH-1/TABARI dictionary files: they feed a [`DictionaryBuilder`]
//! so that tidings can code with the peers' dictionaries, or layer a user's PETRARCH files over its own.
//!
//! One reader per file kind: [`add_petrarch_verbs`] (synonym sets, verb blocks, patterns),
//! [`add_petrarch_actors`] (phrases with dated codes), [`add_petrarch_agents`] (role nouns, macros)
//! and [`add_petrarch_discards`], and [`add_petrarch_ontology`] (the internal coding ontology: what
//! a negated code becomes). [`PetrarchFiles`] names the files of a set: from a `PETR_config.ini`,
//! from a validation file's `<Environment>`, or by their names in a folder; [`PetrarchFiles::load`]
//! reads them all. Malformed lines become [`DictError`]s (file and line) and loading goes on.
//!
//! This module does not code anything; it only translates. Two PETRARCH notions have no slot of their
//! own in tidings' types and are carried as follows: a prepended agent code (`[NGO~]`) keeps its
//! trailing `~`, and a paired event code (`[042:043]`) goes into `VerbPattern::paired_code`. Null
//! codes (`[---]`) are kept as `---`.
//!
//! ```
//! use tidings_dict::{DictionaryBuilder, petrarch};
//! let mut b = DictionaryBuilder::new();
//! petrarch::add_petrarch_actors(&mut b, "actors.txt", "ARNOR_ [ARN]\n+ARNORIAN\n");
//! petrarch::add_petrarch_verbs(&mut b, "verbs.txt", "--- PRAISE [051] ---\nPRAISE\n- * (FOR {PEACE PLAN}) [057]\n");
//! let (dicts, errors) = b.build();
//! assert!(errors.is_empty());
//! assert_eq!(dicts.verbs.len(), 2);
//! ```

mod actors;
mod agents;
mod discards;
pub mod lines;
mod ontology;
mod verbs;

pub use actors::add_petrarch_actors;
pub use agents::add_petrarch_agents;
pub use discards::add_petrarch_discards;
pub use ontology::add_petrarch_ontology;
pub use verbs::{add_petrarch_verbs, Transformation, VerbFileSummary};

use crate::{DictError, DictionaryBuilder};
use std::path::{Path, PathBuf};

/// The files of one PETRARCH dictionary set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetrarchFiles {
    pub verbs: Vec<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Vec<PathBuf>,
    pub discards: Vec<PathBuf>,
    /// The internal coding ontology (`PICOfile`): how negation changes a code.
    pub ontology: Vec<PathBuf>,
}

/// What loading a set of files did.
#[derive(Debug, Clone, Default)]
pub struct LoadSummary {
    pub actors: usize,
    pub agents: usize,
    pub discards: usize,
    /// Codes read from the coding ontology.
    pub ontology_codes: usize,
    pub verbs: VerbFileSummary,
}

impl PetrarchFiles {
    /// Reads the `[Dictionaries]` section of a `PETR_config.ini` (`verbfile_name`, `actorfile_list`,
    /// `agentfile_name`, `discardfile_name`); names are resolved in `dict_dir`.
    pub fn from_config(ini: &str, dict_dir: &Path) -> PetrarchFiles {
        let mut f = PetrarchFiles::default();
        let mut in_dicts = true;
        for line in ini.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.starts_with('[') {
                in_dicts = line.eq_ignore_ascii_case("[Dictionaries]");
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            if !in_dicts {
                continue;
            }
            let names = value
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| dict_dir.join(v));
            match key.trim() {
                "verbfile_name" => f.verbs.extend(names),
                "actorfile_list" | "actorfile_name" => f.actors.extend(names),
                "agentfile_name" => f.agents.extend(names),
                "discardfile_name" => f.discards.extend(names),
                _ => {}
            }
        }
        f
    }

    /// The files in a folder: by a `PETR_config.ini` in it or in `../config/`, else by their names
    /// (`*verb*` or `CAMEO.*` verbs, `*actor*`, `*agent*`, `*discard*`, `*coding_ontology*`).
    pub fn in_dir(dir: &Path) -> Result<PetrarchFiles, DictError> {
        let derr = |reason: String| DictError {
            file: dir.display().to_string(),
            line: 0,
            reason,
        };
        for ini in [
            dir.join("PETR_config.ini"),
            dir.join("../config/PETR_config.ini"),
        ] {
            if let Ok(text) = std::fs::read_to_string(&ini) {
                let f = PetrarchFiles::from_config(&text, dir);
                if f.verbs.iter().chain(&f.actors).all(|p| p.exists()) {
                    return Ok(f);
                }
            }
        }
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| derr(format!("cannot read the folder: {e}")))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let mut f = PetrarchFiles::default();
        for p in names {
            let n = p.file_name().unwrap().to_string_lossy().to_lowercase();
            if n.contains("verb") || (n.starts_with("cameo.") && !n.contains("code")) {
                f.verbs.push(p);
            } else if n.contains("actor") {
                f.actors.push(p);
            } else if n.contains("agent") {
                f.agents.push(p);
            } else if n.contains("discard") {
                f.discards.push(p);
            } else if n.contains("coding_ontology") || n.contains("coding.ontology") {
                f.ontology.push(p);
            }
        }
        if f.verbs.is_empty() && f.actors.is_empty() {
            return Err(derr("no PETRARCH verb or actor files here (names containing `verb`, `actor`, `agent`, `discard`, or a PETR_config.ini)".into()));
        }
        Ok(f)
    }

    /// Reads every file into the builder. A file that cannot be read is an error; loading goes on.
    pub fn load(&self, builder: &mut DictionaryBuilder) -> LoadSummary {
        let mut s = LoadSummary::default();
        for p in &self.actors {
            if let Some((name, text)) = read(builder, p) {
                s.actors += add_petrarch_actors(builder, &name, &text);
            }
        }
        for p in &self.agents {
            if let Some((name, text)) = read(builder, p) {
                s.agents += add_petrarch_agents(builder, &name, &text);
            }
        }
        for p in &self.discards {
            if let Some((name, text)) = read(builder, p) {
                s.discards += add_petrarch_discards(builder, &name, &text);
            }
        }
        for p in &self.ontology {
            if let Some((name, text)) = read(builder, p) {
                s.ontology_codes += add_petrarch_ontology(builder, &name, &text);
            }
        }
        // PETRARCH verbs inflect by English rules: the built-in irregular forms complement the
        // forms a verb file lists in braces
        if let Some((path, text)) = crate::BUILTIN_FILES
            .iter()
            .find(|(p, _)| p.ends_with("verb-forms.txt"))
        {
            let mut errors = Vec::new();
            builder.irregular.add_file(path, text, &mut errors);
        }
        for p in &self.verbs {
            if let Some((name, text)) = read(builder, p) {
                let v = add_petrarch_verbs(builder, &name, &text);
                s.verbs.synsets += v.synsets;
                s.verbs.verbs += v.verbs;
                s.verbs.pattern_lines += v.pattern_lines;
                s.verbs.patterns += v.patterns;
                s.verbs.transformations.extend(v.transformations);
            }
        }
        s
    }
}

/// Loads the PETRARCH dictionaries of a folder (see [`PetrarchFiles::in_dir`]).
pub fn load_petrarch_dir(
    builder: &mut DictionaryBuilder,
    dir: &Path,
) -> Result<LoadSummary, DictError> {
    Ok(PetrarchFiles::in_dir(dir)?.load(builder))
}

/// Loads the dictionaries a `PETR_config.ini` names; `dict_dir` defaults to `../dictionaries` beside
/// the config's folder, as PETRARCH lays them out, or the config's own folder.
pub fn load_config(
    builder: &mut DictionaryBuilder,
    ini_path: &Path,
    dict_dir: Option<&Path>,
) -> Result<LoadSummary, DictError> {
    let text = std::fs::read_to_string(ini_path).map_err(|e| DictError {
        file: ini_path.display().to_string(),
        line: 0,
        reason: format!("cannot read: {e}"),
    })?;
    let parent = ini_path.parent().unwrap_or(Path::new("."));
    let dir = match dict_dir {
        Some(d) => d.to_path_buf(),
        None if parent.join("../dictionaries").is_dir() => parent.join("../dictionaries"),
        None => parent.to_path_buf(),
    };
    Ok(PetrarchFiles::from_config(&text, &dir).load(builder))
}

/// True when a folder holds PETRARCH files rather than tidings' own layout (no `countries.txt` or
/// `verbs.txt`, and PETRARCH-named files or a `PETR_config.ini`).
pub fn is_petrarch_dir(dir: &Path) -> bool {
    if dir.join("countries.txt").exists() || dir.join("verbs.txt").exists() {
        return false;
    }
    PetrarchFiles::in_dir(dir).is_ok()
}

fn read(builder: &mut DictionaryBuilder, path: &Path) -> Option<(String, String)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.display().to_string());
    match std::fs::read(path) {
        // PETRARCH files are ASCII; anything else is read as Latin-1 rather than refused
        Ok(bytes) => Some((
            name,
            String::from_utf8(bytes)
                .unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect()),
        )),
        Err(e) => {
            builder.errors.push(DictError {
                file: path.display().to_string(),
                line: 0,
                reason: format!("cannot read: {e}"),
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_the_files() {
        let ini = "[Dictionaries]\nverbfile_name    = CAMEO.2.0.txt\nactorfile_list   = A.txt, B.txt\nagentfile_name = ag.txt\n[Options]\nverbfile_name = no.txt\n";
        let f = PetrarchFiles::from_config(ini, Path::new("/d"));
        assert_eq!(f.verbs, vec![PathBuf::from("/d/CAMEO.2.0.txt")]);
        assert_eq!(f.actors.len(), 2);
        assert_eq!(f.agents, vec![PathBuf::from("/d/ag.txt")]);
    }
}
