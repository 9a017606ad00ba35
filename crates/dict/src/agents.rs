//! The [`AgentDictionary`]: nouns and titles that name a kind of actor ("president" -> `GOV`,
//! "state media" -> `MED`), which join a neighbouring country to make a full actor code.

use crate::format::{list, records, DictError};
use crate::phrase::PhraseIndex;

/// Agent phrases and the CAMEO role code each signals.
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    pub phrases: PhraseIndex<AgentRole>,
}

/// A role code and where it was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentRole {
    pub code: String,
    pub origin: String,
}

impl AgentDictionary {
    /// Reads an `agents.txt` file: `ROLE | nouns`.
    pub fn add_file(&mut self, file: &str, text: &str, errors: &mut Vec<DictError>) {
        for (line, f) in records(text) {
            if f.len() != 2 || f[0].len() != 3 || !f[0].bytes().all(|b| b.is_ascii_uppercase()) {
                errors.push(DictError {
                    file: file.into(),
                    line,
                    reason: "expected `ROLE | noun; noun; ...` with a three-letter role code"
                        .into(),
                });
                continue;
            }
            for noun in list(f[1]) {
                self.add(noun, f[0], &format!("{file}:{line}"));
            }
        }
    }

    /// Adds one agent noun; single words also get their plural unless they end in `_`.
    pub fn add(&mut self, noun: &str, code: &str, origin: &str) {
        let role = AgentRole {
            code: code.to_string(),
            origin: origin.to_string(),
        };
        let (noun, exact) = match noun.strip_suffix('_') {
            Some(n) => (n, true),
            None => (noun, false),
        };
        self.phrases.insert(noun, false, role.clone());
        if !exact {
            if let Some(plural) = plural(noun) {
                self.phrases.insert(&plural, false, role);
            }
        }
    }
}

/// The regular English plural of the last word of a phrase ("party" -> "parties", "prime minister" ->
/// "prime ministers"); None for words that look plural already or are not plain words.
pub fn plural(phrase: &str) -> Option<String> {
    let (head, last) = match phrase.rfind(' ') {
        Some(i) => (&phrase[..=i], &phrase[i + 1..]),
        None => ("", phrase),
    };
    if last.is_empty() || !last.chars().all(|c| c.is_alphabetic()) {
        return None;
    }
    let lower = last.to_lowercase();
    let p = if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
        || lower.ends_with('z')
    {
        if lower.ends_with("ss")
            || lower.ends_with('x')
            || lower.ends_with("ch")
            || lower.ends_with("sh")
            || lower.ends_with('z')
        {
            format!("{last}es")
        } else {
            return None;
        }
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
        && !lower.ends_with("uy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if lower.ends_with("man") {
        format!("{}men", &last[..last.len() - 3])
    } else {
        format!("{last}s")
    };
    Some(format!("{head}{p}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Words;

    #[test]
    fn plurals() {
        assert_eq!(plural("party").as_deref(), Some("parties"));
        assert_eq!(plural("prime minister").as_deref(), Some("prime ministers"));
        assert_eq!(plural("spokesman").as_deref(), Some("spokesmen"));
        assert_eq!(plural("attorney").as_deref(), Some("attorneys"));
        assert_eq!(plural("witness").as_deref(), Some("witnesses"));
    }

    #[test]
    fn reads_agents_and_plurals() {
        let mut a = AgentDictionary::default();
        let mut errors = Vec::new();
        a.add_file(
            "agents.txt",
            "REB | rebel\nCOP | police_\nbad line\n",
            &mut errors,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
        let w = Words::new("rebels police polices");
        assert_eq!(a.phrases.longest_at(&w, 0).unwrap().1[0].code, "REB");
        assert!(a.phrases.longest_at(&w, 1).is_some());
        assert!(a.phrases.longest_at(&w, 2).is_none());
    }
}
