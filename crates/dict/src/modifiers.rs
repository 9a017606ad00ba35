//! [`Modifiers`]: the words that change what a verb means: negation ("did not attack"), intent
//! ("intends to deepen ties"), and the verbs of reporting ("KCNA said that ...").

use crate::format::{list, records, DictError};
use crate::phrase::{FastMap, PhraseIndex};
use crate::verbs::IrregularForms;

/// Negation and intent markers, intent code mapping, and reporting verbs.
#[derive(Debug, Clone, Default)]
pub struct Modifiers {
    /// Phrases that negate the verb that follows them.
    pub negation: PhraseIndex<()>,
    /// Phrases that turn the verb that follows them into a statement of intent.
    pub intent: PhraseIndex<()>,
    /// Root code -> the code its acts become under intent ("05" -> "030").
    pub intent_codes: FastMap<String, String>,
    /// Inflected forms of verbs that introduce reported speech.
    pub report_forms: FastMap<String, ()>,
    /// Code -> the code its acts become when negated ("did not disapprove" is 050), from a
    /// PETRARCH coding ontology; a negated act whose code is absent stays negated.
    pub negated_codes: FastMap<String, String>,
    raw_intent: Vec<String>,
    raw_report: Vec<String>,
}

impl Modifiers {
    /// Reads a `modifiers.txt` file.
    pub fn add_file(
        &mut self,
        file: &str,
        text: &str,
        known_code: &dyn Fn(&str) -> bool,
        errors: &mut Vec<DictError>,
    ) {
        for (line, f) in records(text) {
            let err = |reason: String| DictError {
                file: file.into(),
                line,
                reason,
            };
            match (f[0], f.len()) {
                ("NEGATION", 2) => {
                    for p in list(f[1]) {
                        self.negation.insert(p, false, ());
                    }
                }
                ("INTENT", 2) => self.raw_intent.extend(list(f[1]).map(String::from)),
                ("REPORT", 2) => self.raw_report.extend(list(f[1]).map(String::from)),
                ("INTENT-CODE", 3) => {
                    let (root, code) = (f[1], f[2]);
                    if !known_code(root) || !known_code(code) {
                        errors.push(err(format!("`{root} | {code}`: expected two CAMEO event codes (an act's code or its prefix, and the intent code it becomes)")));
                    } else {
                        self.intent_codes.insert(root.to_string(), code.to_string());
                    }
                }
                _ => errors.push(err("expected `NEGATION | phrases`, `INTENT | phrases`, `INTENT-CODE | root | code` or `REPORT | verbs`".into())),
            }
        }
    }

    /// Inflects the first word of each intent phrase and each reporting verb.
    pub fn finish(&mut self, irregular: &IrregularForms) {
        for phrase in std::mem::take(&mut self.raw_intent) {
            let (first, rest) = phrase.split_once(' ').unwrap_or((&phrase, ""));
            for (form, _) in irregular.inflect(&first.to_lowercase()) {
                let p = if rest.is_empty() {
                    form
                } else {
                    format!("{form} {rest}")
                };
                self.intent.insert(&p, false, ());
            }
        }
        for verb in std::mem::take(&mut self.raw_report) {
            for (form, _) in irregular.inflect(&verb.to_lowercase()) {
                self.report_forms.insert(form, ());
            }
        }
    }

    /// The intent code for an act's code: the most specific `INTENT-CODE` row whose code is a
    /// prefix of it ("0512" -> row "051", else row "05").
    pub fn intent_code(&self, code: &str) -> Option<&str> {
        (2..=code.len())
            .rev()
            .find_map(|n| self.intent_codes.get(&code[..n]))
            .map(String::as_str)
    }

    pub fn is_report_verb(&self, word: &str) -> bool {
        self.report_forms.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Words;

    #[test]
    fn reads_and_inflects() {
        let mut m = Modifiers::default();
        let mut errors = Vec::new();
        m.add_file("modifiers.txt", "NEGATION | not; never\nINTENT | intend to; will\nINTENT-CODE | 05 | 030\nINTENT-CODE | 051 | 032\nREPORT | say\nINTENT-CODE | 5 | 030\n", &|c| ["05", "030", "051", "032"].contains(&c), &mut errors);
        assert_eq!(errors.len(), 1);
        let mut irr = IrregularForms::default();
        irr.add_file("f", "say | says | said | said | saying\n", &mut errors);
        m.finish(&irr);
        assert!(m.intent.longest_at(&Words::new("intends to"), 0).is_some());
        assert!(m.intent.longest_at(&Words::new("will"), 0).is_some());
        assert!(m.is_report_verb("said"));
        assert_eq!(m.intent_code("057"), Some("030"));
        assert_eq!(m.intent_code("0512"), Some("032"));
        assert_eq!(m.intent_code("19"), None);
    }
}
