//! Verb patterns as written: [`VerbPattern`] and its elements, parsed from the `CODE | verb word +
//! ...` lines of a `verbs.txt` file ([`read_patterns`]). Not how they are indexed or matched.

use crate::conditions::{split_conditions, ActorCondition};
use crate::format::{records, DictError};
use crate::words::Words;

/// One element of a pattern after (or before) the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternElement {
    /// A literal word, with alternatives (`wishes|congratulations`). An alternative may be several
    /// words separated by spaces: hyphenated words are split by the tokenizer (`cease-fire` is
    /// `cease fire`).
    Word(Vec<String>),
    /// The target slot `+`.
    Target,
    /// The source slot `$`.
    Source,
    /// PETRARCH's `^`: the pattern passes over one word, or over the actor standing there
    /// ("celebrated Iftar in Osgiliath with Gondor" for `* IFTAR (IN ^) +`).
    Skip,
}

/// A verb pattern: a lemma, the elements around it, and the code it yields.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbPattern {
    pub code: String,
    /// Code of the paired event from the target back to the source (PETRARCH's `[code:paired]`:
    /// "A met B" is also B meeting A), if the pattern has one.
    pub paired_code: Option<String>,
    /// The subject slot is PETRARCH's `%`: the act is among the members of a compound subject
    /// ("Gondor and Osgiliath agree": each agrees with the other).
    pub compound: bool,
    pub lemma: String,
    /// Elements before the verb, in text order (empty in tidings' own format).
    pub before: Vec<PatternElement>,
    pub after: Vec<PatternElement>,
    /// What the pattern asks of its source and target (`{official, abroad}`), see
    /// [`crate::conditions`].
    pub conditions: Vec<ActorCondition>,
    /// The pattern as written, for `--explain`.
    pub text: String,
    /// `file:line`.
    pub origin: String,
}

impl VerbPattern {
    /// How specific the pattern is: literal words count most; slots a little.
    pub fn specificity(&self) -> usize {
        self.before
            .iter()
            .chain(&self.after)
            .map(|e| {
                if matches!(e, PatternElement::Word(_)) {
                    4
                } else {
                    1
                }
            })
            .sum()
    }

    /// Parses the `verb word + ...` part of a pattern line.
    pub fn parse(code: &str, pattern: &str, origin: &str) -> Result<VerbPattern, String> {
        let mut tokens = pattern.split_whitespace();
        let verb = tokens.next().ok_or("empty pattern")?;
        if !verb
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return Err(format!(
                "a pattern starts with a verb; `{verb}` is not a word"
            ));
        }
        let mut after = Vec::new();
        for t in tokens {
            match t {
                "+" => after.push(PatternElement::Target),
                "$" => after.push(PatternElement::Source),
                _ => {
                    let alts: Vec<String> = t
                        .split('|')
                        .filter(|a| !a.is_empty())
                        .map(|a| Words::new(a).joined())
                        .collect();
                    if alts.is_empty() || alts.iter().any(|a| a.is_empty()) {
                        return Err(format!("`{t}` is not a word or `a|b` alternatives"));
                    }
                    after.push(PatternElement::Word(alts));
                }
            }
        }
        Ok(VerbPattern {
            code: code.to_string(),
            paired_code: None,
            compound: false,
            lemma: Words::new(verb).joined(),
            before: Vec::new(),
            after,
            conditions: Vec::new(),
            text: pattern.to_string(),
            origin: origin.to_string(),
        })
    }
}

/// Reads a `verbs.txt` file into patterns: `CODE | pattern`, optionally ending in `{conditions}`.
pub fn read_patterns(
    file: &str,
    text: &str,
    known_code: &dyn Fn(&str) -> bool,
    errors: &mut Vec<DictError>,
) -> Vec<VerbPattern> {
    let mut out = Vec::new();
    for (line, f) in records(text) {
        let err = |reason: String| DictError {
            file: file.into(),
            line,
            reason,
        };
        if f.len() < 2 {
            errors.push(err("expected `CODE | pattern`".into()));
            continue;
        }
        // `a|b` alternatives inside the pattern were split as fields: join them back
        let pattern = f[1..].join("|");
        if !known_code(f[0]) {
            errors.push(err(format!(
                "`{}` is not a CAMEO event code in cameo-codes.txt",
                f[0]
            )));
            continue;
        }
        let (pattern, conditions) = match split_conditions(&pattern, known_code) {
            Ok(split) => split,
            Err(e) => {
                errors.push(err(e));
                continue;
            }
        };
        match VerbPattern::parse(f[0], pattern, &format!("{file}:{line}")) {
            Ok(p) => out.push(VerbPattern { conditions, ..p }),
            Err(e) => errors.push(err(e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_alternatives() {
        let p = VerbPattern::parse("051", "extend wishes|congratulations to +", "x:1").unwrap();
        assert_eq!(
            p.after[0],
            PatternElement::Word(vec!["wishes".into(), "congratulations".into()])
        );
        assert_eq!(p.after[2], PatternElement::Target);
        assert!(VerbPattern::parse("051", "+ praise", "x:1").is_err());
    }
}
