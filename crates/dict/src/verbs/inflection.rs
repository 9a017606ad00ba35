//! Verb inflection: the forms of a verb, irregular ([`IrregularForms`], read from `verb-forms.txt`)
//! or by the regular rules ([`regular_forms`]). Knows nothing of patterns.

use super::VerbForm;
use crate::format::{records, DictError};
use crate::phrase::FastMap;

/// Irregular verb forms: `base | third person | past | past participle | present participle`; a
/// field may list variants separated by `;` (`cancelled; canceled`).
#[derive(Debug, Clone, Default)]
pub struct IrregularForms {
    forms: FastMap<String, [Vec<String>; 4]>,
}

impl IrregularForms {
    pub fn add_file(&mut self, file: &str, text: &str, errors: &mut Vec<DictError>) {
        for (line, f) in records(text) {
            let lists: Vec<Vec<String>> = f
                .iter()
                .map(|x| crate::format::list(x).map(str::to_lowercase).collect())
                .collect();
            if f.len() != 5
                || lists
                    .iter()
                    .any(|l| l.is_empty() || l.iter().any(|w| w.contains(' ')))
            {
                errors.push(DictError { file: file.into(), line, reason: "expected `base | third person | past | past participle | present participle`, one word (or `;` variants) each".into() });
                continue;
            }
            self.add(
                &lists[0][0],
                [
                    lists[1].clone(),
                    lists[2].clone(),
                    lists[3].clone(),
                    lists[4].clone(),
                ],
            );
        }
    }

    /// Adds the forms of one verb: third person, past, past participle, present participle.
    pub fn add(&mut self, base: &str, forms: [Vec<String>; 4]) {
        self.forms.insert(base.to_lowercase(), forms);
    }

    /// What an irregular past or participle is ("risen": a past participle; "left": either), when
    /// the word is not a base form itself.
    pub fn inflected_form(&self, word: &str) -> Option<VerbForm> {
        if self.forms.contains_key(word) {
            return None;
        }
        self.forms.values().find_map(|[_, past, part, _]| {
            let (is_past, is_part) = (
                past.iter().any(|p| p == word),
                part.iter().any(|p| p == word),
            );
            match (is_past, is_part) {
                (true, true) => Some(VerbForm::PastOrParticiple),
                (true, false) => Some(VerbForm::Past),
                (false, true) => Some(VerbForm::PastParticiple),
                _ => None,
            }
        })
    }

    /// All forms of a verb: irregular if listed, else by the regular rules. A verb written in an
    /// irregular inflected form (PETRARCH's `RISEN`, `LEFT`) is that form, and its regular inflections.
    pub fn inflect(&self, base: &str) -> Vec<(String, VerbForm)> {
        if let Some(kind) = self.inflected_form(base) {
            // "found", "fell": also a base of its own
            let mut v = vec![(base.to_string(), kind)];
            v.extend(regular_forms(base).into_iter().skip(1));
            return v;
        }
        if let Some([third, past, part, ger]) = self.forms.get(base) {
            let mut v = vec![(base.to_string(), VerbForm::Base)];
            v.extend(third.iter().map(|w| (w.clone(), VerbForm::ThirdPerson)));
            v.extend(ger.iter().map(|w| (w.clone(), VerbForm::Gerund)));
            for p in past {
                let kind = if part.contains(p) {
                    VerbForm::PastOrParticiple
                } else {
                    VerbForm::Past
                };
                v.push((p.clone(), kind));
            }
            for p in part {
                if !past.contains(p) {
                    v.push((p.clone(), VerbForm::PastParticiple));
                }
            }
            return v;
        }
        if let Some(v) = self.compound_forms(base) {
            return v;
        }
        regular_forms(base)
    }

    /// A verb made of a particle and an irregular verb inflects as that verb does: "overcome" ->
    /// "overcame", "overcome"; "become", "undergo", "withstand", "outrun", "rebuild". After "re" the
    /// verb must have four letters or more ("relay" is not "re" + "lay").
    fn compound_forms(&self, base: &str) -> Option<Vec<(String, VerbForm)>> {
        const PARTICLES: &[&str] = &[
            "over", "under", "out", "with", "fore", "mis", "up", "be", "re", "un",
        ];
        let (particle, rest) = PARTICLES.iter().find_map(|p| {
            let rest = base.strip_prefix(p)?;
            let long_enough = rest.len() >= if *p == "re" { 4 } else { 2 };
            (long_enough && self.forms.contains_key(rest)).then_some((*p, rest))
        })?;
        Some(
            self.inflect(rest)
                .into_iter()
                .map(|(w, kind)| (format!("{particle}{w}"), kind))
                .collect(),
        )
    }
}

/// Regular inflection: +s/+es, +ed/+d, +ing with final-e dropping, y -> ies/ied after a consonant.
pub fn regular_forms(base: &str) -> Vec<(String, VerbForm)> {
    let b = base;
    let consonant_y = b.len() > 1
        && b.ends_with('y')
        && !matches!(b.as_bytes()[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u');
    let third = if b.ends_with('s')
        || b.ends_with('x')
        || b.ends_with('z')
        || b.ends_with("ch")
        || b.ends_with("sh")
        || b.ends_with('o')
    {
        format!("{b}es")
    } else if consonant_y {
        format!("{}ies", &b[..b.len() - 1])
    } else {
        format!("{b}s")
    };
    let past = if b.ends_with('e') {
        format!("{b}d")
    } else if consonant_y {
        format!("{}ied", &b[..b.len() - 1])
    } else {
        format!("{b}ed")
    };
    let gerund = if b.ends_with("ie") {
        format!("{}ying", &b[..b.len() - 2])
    } else if b.ends_with('e')
        && !b.ends_with("ee")
        && !b.ends_with("ye")
        && !b.ends_with("oe")
        && b.len() > 2
    {
        format!("{}ing", &b[..b.len() - 1])
    } else {
        format!("{b}ing")
    };
    vec![
        (b.to_string(), VerbForm::Base),
        (third, VerbForm::ThirdPerson),
        (past, VerbForm::PastOrParticiple),
        (gerund, VerbForm::Gerund),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_written_in_an_irregular_inflected_form_is_that_form() {
        let mut irr = IrregularForms::default();
        let forms = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        irr.add(
            "rise",
            [
                forms(&["rises"]),
                forms(&["rose"]),
                forms(&["risen"]),
                forms(&["rising"]),
            ],
        );
        irr.add(
            "leave",
            [
                forms(&["leaves"]),
                forms(&["left"]),
                forms(&["left"]),
                forms(&["leaving"]),
            ],
        );
        assert_eq!(irr.inflected_form("risen"), Some(VerbForm::PastParticiple));
        assert_eq!(irr.inflected_form("left"), Some(VerbForm::PastOrParticiple));
        assert_eq!(irr.inflected_form("rise"), None);
        assert_eq!(
            irr.inflect("risen")[0],
            ("risen".to_string(), VerbForm::PastParticiple)
        );
    }

    #[test]
    fn a_particle_and_an_irregular_verb_inflect_as_the_verb() {
        let mut irr = IrregularForms::default();
        let forms = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        irr.add(
            "come",
            [
                forms(&["comes"]),
                forms(&["came"]),
                forms(&["come"]),
                forms(&["coming"]),
            ],
        );
        irr.add(
            "lay",
            [
                forms(&["lays"]),
                forms(&["laid"]),
                forms(&["laid"]),
                forms(&["laying"]),
            ],
        );
        let overcome = irr.inflect("overcome");
        assert!(overcome.contains(&("overcame".into(), VerbForm::Past)));
        assert!(overcome.contains(&("overcome".into(), VerbForm::PastParticiple)));
        assert!(irr
            .inflect("become")
            .contains(&("became".into(), VerbForm::Past)));
        // "relay" is regular; "welcome" has no particle
        assert!(irr
            .inflect("relay")
            .contains(&("relayed".into(), VerbForm::PastOrParticiple)));
        assert!(irr
            .inflect("welcome")
            .contains(&("welcomed".into(), VerbForm::PastOrParticiple)));
    }

    #[test]
    fn regular_inflection() {
        let forms: Vec<String> = regular_forms("praise").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, ["praise", "praises", "praised", "praising"]);
        let forms: Vec<String> = regular_forms("deny").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, ["deny", "denies", "denied", "denying"]);
        let forms: Vec<String> = regular_forms("attack").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, ["attack", "attacks", "attacked", "attacking"]);
    }
}
