//! PETRARCH verb files (CAMEO.2.0 style, and the PETRARCH-1/TABARI flat style where it differs).
//!
//! ```text
//! &CEASEFIRE                      a synonym set; members follow as `+WORD` lines
//! +TRUCE                          (a set named with a trailing `_` gets no automatic plurals,
//! +CEASE_FIRE                      nor does a member ending in `_`; `+&OTHER` nests a set)
//!
//! --- BREAK  [120]  ---           a verb block with its default code
//! BREAK {BROKE BROKEN}            a verb with its irregular forms
//! +BREAK_DOWN {+BROKE_DOWN}       a multi-word verb: `+` marks the verb word
//! DOWNPLAY [014]                  a verb with its own default code
//! - * TREATY  [1246]              patterns: `*` verb, `$` source, `+` target, `%` compound,
//! - + * (IN) $  [075]             `(PREP ...)` a prepositional phrase, `{A B}` a noun phrase,
//! - * &CEASEFIRE [0356:0356]      `&SET` a synonym set, `[code:paired code]`, `[---]` no event
//! ~ a (a b ATTACK) SAY = a b 015  a transformation (read and kept, not applied)
//! ```
//!
//! Every verb of a block gets every pattern of the block, as a [`VerbPattern`] with the verb as its
//! lemma: the words before `*` go to `before`, those after to `after`. The words of a prepositional
//! phrase `(...)` become consecutive word elements (the coder allows a few words between them); a noun
//! phrase `{...}` and words joined by `_` must stand together, so they become one word element whose
//! alternatives are whole phrases ("new military relations"). A synonym set becomes one [`PatternElement::Word`] whose
//! alternatives are its members (a multi-word member is one alternative with spaces). PETRARCH finds
//! the target as the verb's object; here a pattern with neither `+` nor `$` gets a
//! [`PatternElement::Target`] after its words.
//! `%` (both actors of a compound) becomes a [`PatternElement::Source`] with `VerbPattern::compound` set and `^` (skip a word or
//! the actor there) a [`PatternElement::Skip`]. A code `[a:b]` puts `b` in [`VerbPattern::paired_code`]: in PETRARCH it is the code of the
//! paired event from the target back to the source (`MEET [040:040]`, `ARRIVE [042:043]`); `[:b]` has
//! only the paired event, and the main code is then `---`. Irregular forms go to
//! [`DictionaryBuilder::irregular`].

mod patterns;
mod synsets;
mod verb_lines;

use super::lines::{content_lines, err, split_codes};
#[cfg(doc)]
use crate::verbs::{PatternElement, VerbPattern};
use crate::DictionaryBuilder;
use patterns::{emit, parse_pattern, Item};
use std::collections::HashMap;
use synsets::{expand_sets, read_synsets};
use verb_lines::{forms_line, parse_verb, Verb};

/// A `~` transformation line, kept for reference: tidings does not apply them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    pub text: String,
    pub origin: String,
}

/// What a verb file held.
#[derive(Debug, Clone, Default)]
pub struct VerbFileSummary {
    pub synsets: usize,
    pub verbs: usize,
    /// Pattern lines read (before expansion over the verbs of each block).
    pub pattern_lines: usize,
    /// [`VerbPattern`]s added to the builder.
    pub patterns: usize,
    pub transformations: Vec<Transformation>,
}

struct Block {
    code: (String, Option<String>),
    verbs: Vec<Verb>,
    patterns: Vec<(usize, String, Vec<Item>, (String, Option<String>))>,
}

/// Reads a PETRARCH verb file into the builder: patterns into `builder.patterns`, irregular forms into
/// `builder.irregular`, malformed lines into `builder.errors`.
pub fn add_petrarch_verbs(
    builder: &mut DictionaryBuilder,
    file: &str,
    text: &str,
) -> VerbFileSummary {
    builder.petrarch_verbs = true;
    let lines = content_lines(text);
    let mut summary = VerbFileSummary::default();
    let synsets = read_synsets(&lines);
    summary.synsets = synsets.len();
    let mut expanded: HashMap<String, Result<Vec<String>, String>> = HashMap::new();
    let mut forms_text = String::new();
    let mut block: Option<Block> = None;
    let mut in_synset = false;
    for &(line, raw) in &lines {
        let t = raw.trim();
        if t.starts_with('&') {
            in_synset = true;
            continue;
        }
        if t.starts_with('+') && in_synset {
            continue;
        }
        in_synset = false;
        if t.starts_with("---") {
            if let Some(b) = block.take() {
                summary.patterns += emit(builder, file, b);
            }
            let inner = t.trim_matches('-').trim();
            let (_name, codes) = split_codes(inner).unwrap_or((inner, Vec::new()));
            let code = match codes.first().map(|c| parse_code(c)) {
                Some(Ok(c)) => c,
                Some(Err(e)) => {
                    builder.errors.push(err(
                        file,
                        line,
                        format!("{e}; the block's verbs get no default code"),
                    ));
                    ("---".to_string(), None)
                }
                None => {
                    builder.errors.push(err(
                        file,
                        line,
                        "a verb block header is `--- NAME [code] ---`",
                    ));
                    ("---".to_string(), None)
                }
            };
            block = Some(Block {
                code,
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
            continue;
        }
        if let Some(tr) = t.strip_prefix('~') {
            summary.transformations.push(Transformation {
                text: tr.trim().to_string(),
                origin: format!("{file}:{line}"),
            });
            continue;
        }
        let Some(b) = &mut block else {
            builder.errors.push(err(
                file,
                line,
                "a verb or pattern outside a `--- NAME [code] ---` block",
            ));
            continue;
        };
        if t.starts_with('-') || t.starts_with('*') {
            summary.pattern_lines += 1;
            let body = t.strip_prefix('-').unwrap_or(t).trim();
            match parse_pattern(body) {
                Ok((items, code)) => {
                    let items = match expand_sets(&items, &synsets, &mut expanded) {
                        Ok(v) => v,
                        Err(e) => {
                            builder.errors.push(err(file, line, e));
                            continue;
                        }
                    };
                    b.patterns.push((line, body.to_string(), items, code));
                }
                Err(e) => builder.errors.push(err(file, line, e)),
            }
            continue;
        }
        match parse_verb(t, line) {
            Ok((verb, forms)) => {
                summary.verbs += 1;
                if let Some(f) = forms {
                    forms_text.push_str(&forms_line(&verb.lemma, &f));
                }
                b.verbs.push(verb);
            }
            Err(e) => builder.errors.push(err(file, line, e)),
        }
    }
    if let Some(b) = block.take() {
        summary.patterns += emit(builder, file, b);
    }
    builder
        .irregular
        .add_file(file, &forms_text, &mut builder.errors);
    summary
}

/// `code` or `code:paired`, each `---` or digits with an optional letter (`0356`, `075A`).
fn parse_code(s: &str) -> Result<(String, Option<String>), String> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let ok = |c: &str| {
        c == "---"
            || (c.len() >= 2
                && c.len() <= 5
                && c.bytes().take_while(|b| b.is_ascii_digit()).count() >= c.len() - 1
                && c.as_bytes()[0].is_ascii_digit())
    };
    let (main, paired) = match s.split_once(':') {
        Some((a, b)) => (if a.is_empty() { "---" } else { a }, Some(b)),
        None => (s.as_str(), None),
    };
    if !ok(main) || paired.is_some_and(|p| !ok(p)) {
        return Err(format!(
            "`[{s}]` is not an event code (`[code]`, `[code:code]` or `[---]`)"
        ));
    }
    Ok((main.to_string(), paired.map(String::from)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verbs::{PatternElement, VerbForm, VerbPattern};

    const SAMPLE: &str = "\
####### SYNONYM SETS #######
&TIETYPES
+MILITARY
+ECONOMIC

&CURRENCY_
+CASH_
+SWISS FRANCS
+&TIETYPES

--- BREAK [120] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
RE-OPEN
- * TREATY  [1246]
- + * (IN) $  [075]  #  pattern CONNECT-6
- * {&TIETYPES TIES} [080:081]
- * &CURRENCY [0331]
- * &NOSUCHSET [0331]
- * BAD [+++]
- NO VERB HERE [010]

--- MEET  [040:040]  ---
MEET {MEETS MET MEETING}
DOWNPLAY [014]
- * (OUT OF) [:112]
~ a (a b ATTACK) SAY = a b 015
";

    fn load() -> DictionaryBuilder {
        let mut b = DictionaryBuilder::new();
        let s = add_petrarch_verbs(&mut b, "v.txt", SAMPLE);
        assert_eq!((s.synsets, s.verbs, s.transformations.len()), (2, 6, 1));
        b
    }

    fn find<'a>(b: &'a DictionaryBuilder, lemma: &str, code: &str) -> Vec<&'a VerbPattern> {
        b.patterns
            .iter()
            .filter(|p| p.lemma == lemma && p.code == code)
            .collect()
    }

    fn w(s: &str) -> PatternElement {
        PatternElement::Word(s.split('|').map(String::from).collect())
    }

    #[test]
    fn verbs_defaults_and_multiword_verbs() {
        let b = load();
        let d = find(&b, "break", "120");
        assert_eq!(d.len(), 2); // BREAK and +BREAK_DOWN
        assert!(d
            .iter()
            .any(|p| p.after == vec![w("down"), PatternElement::Target]));
        let tap = find(&b, "tap", "120");
        assert_eq!(tap[0].before, vec![w("wire")]);
        let meet = find(&b, "meet", "040");
        assert_eq!(meet[0].paired_code.as_deref(), Some("040"));
        assert_eq!(find(&b, "downplay", "014").len(), 1);
        assert_eq!(find(&b, "open", "120")[0].before, vec![w("re")]);
        let forms = b.irregular.inflect("break");
        assert!(forms.contains(&("broke".to_string(), VerbForm::Past)));
        assert!(forms.contains(&("broken".to_string(), VerbForm::PastParticiple)));
        assert!(b
            .irregular
            .inflect("meet")
            .contains(&("met".to_string(), VerbForm::PastOrParticiple)));
    }

    #[test]
    fn patterns_slots_phrases_and_sets() {
        let b = load();
        let p = find(&b, "break", "075");
        assert_eq!(p[0].before, vec![PatternElement::Target]);
        assert_eq!(p[0].after, vec![w("in"), PatternElement::Source]);
        assert_eq!(p[0].origin, "v.txt:17");
        let ties = find(&b, "break", "080");
        assert_eq!(
            ties[0].after,
            vec![
                w("military ties|militaries ties|economic ties|economics ties"),
                PatternElement::Target
            ]
        );
        assert_eq!(ties[0].paired_code.as_deref(), Some("081"));
        // the set with `_` has no plurals of its own members; a multi-word member is one alternative
        let cur: Vec<_> = find(&b, "break", "0331")
            .into_iter()
            .filter(|p| p.after[0] != w("down"))
            .collect();
        assert_eq!(cur.len(), 1);
        assert_eq!(
            cur[0].after,
            vec![
                w("cash|swiss francs|military|militaries|economic|economics"),
                PatternElement::Target
            ]
        );
        // down: +BREAK_DOWN keeps its particle before the pattern's words
        assert!(find(&b, "break", "1246")
            .iter()
            .any(|p| p.after == vec![w("down"), w("treaty|treaties"), PatternElement::Target]));
        let out = find(&b, "meet", "---");
        assert_eq!(out[0].paired_code.as_deref(), Some("112"));
        assert_eq!(
            out[0].after,
            vec![w("out"), w("of"), PatternElement::Target]
        );
    }

    #[test]
    fn a_pattern_noun_matches_its_plural() {
        let mut b = DictionaryBuilder::new();
        add_petrarch_verbs(
            &mut b,
            "v.txt",
            "--- ABANDON [1121] ---\nABANDON\n- * EFFORT [080]\n- * (OUT OF) TALKS [081]\n",
        );
        assert!(b.errors.is_empty(), "{:?}", b.errors);
        let effort = find(&b, "abandon", "080");
        assert_eq!(
            effort[0].after,
            vec![w("effort|efforts"), PatternElement::Target]
        );
        // particles and prepositions stay as written; a plural gets no second plural
        let out = find(&b, "abandon", "081");
        assert_eq!(
            out[0].after,
            vec![w("out"), w("of"), w("talks"), PatternElement::Target]
        );
    }

    #[test]
    fn a_caret_is_a_skip_element() {
        let mut b = DictionaryBuilder::new();
        add_petrarch_verbs(
            &mut b,
            "v.txt",
            "--- HOLD [017] ---\nHOLD\n- * FEAST (AT ^ ^) + [017]\n",
        );
        assert!(b.errors.is_empty(), "{:?}", b.errors);
        let p = find(&b, "hold", "017");
        assert_eq!(
            p.last().unwrap().after,
            vec![
                w("feast|feasts"),
                w("at"),
                PatternElement::Skip,
                PatternElement::Skip,
                PatternElement::Target
            ]
        );
    }

    #[test]
    fn malformed_patterns_are_reported() {
        let b = load();
        let mut lines: Vec<usize> = b.errors.iter().map(|e| e.line).collect();
        lines.sort();
        assert_eq!(lines, vec![20, 21, 22], "{:?}", b.errors);
    }

    #[test]
    fn a_percent_subject_marks_a_compound_pattern() {
        let mut b = DictionaryBuilder::new();
        add_petrarch_verbs(
            &mut b,
            "v.txt",
            "--- AGREE [050] ---\nAGREE\n- % * [050]\n- * + [030]\n",
        );
        assert!(b.errors.is_empty(), "{:?}", b.errors);
        let compound: Vec<bool> = find(&b, "agree", "050")
            .iter()
            .map(|p| p.compound)
            .collect();
        // the verb's default pattern, then `% *`
        assert_eq!(compound, [false, true]);
        assert!(!find(&b, "agree", "030")[0].compound);
    }
}
