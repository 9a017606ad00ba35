//! `event-nouns.txt`: nouns that name an act ("talks" 040, "airstrikes" 195), evidence for the
//! event model. Each line is `CODE | noun; noun ...`; the code must be a CAMEO code.

use crate::{format, DictError, PhraseIndex};

/// Reads `event-nouns.txt`: `CODE | noun; noun ...`, each noun phrase written as it appears (plural
/// forms listed where news uses them).
pub fn read(
    path: &str,
    text: &str,
    known: &dyn Fn(&str) -> bool,
    into: &mut PhraseIndex<String>,
    errors: &mut Vec<DictError>,
) {
    for (line, fields) in format::records(text) {
        let err = |reason: String| DictError {
            file: path.to_string(),
            line,
            reason,
        };
        let [code, nouns] = fields.as_slice() else {
            errors.push(err("expected `CODE | noun; noun ...`".into()));
            continue;
        };
        if !known(code) {
            errors.push(err(format!(
                "unknown CAMEO code {code:?}; see cameo-codes.txt"
            )));
            continue;
        }
        for noun in nouns.split(';').map(str::trim).filter(|n| !n.is_empty()) {
            into.insert(noun, false, code.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nouns_and_reports_bad_lines() {
        let mut index = PhraseIndex::default();
        let mut errors = Vec::new();
        let known = |c: &str| c == "040";
        read(
            "event-nouns.txt",
            "040 | talks; phone call\n999 | x\nbroken\n",
            &known,
            &mut index,
            &mut errors,
        );
        assert_eq!(index.len(), 2);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, 2);
        assert!(
            errors[0].reason.contains("unknown CAMEO code"),
            "{errors:?}"
        );
        assert_eq!(errors[1].line, 3);
    }
}
