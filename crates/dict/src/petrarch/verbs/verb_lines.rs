//! Verb lines of a block (`BREAK {BROKE BROKEN}`, `+BREAK_DOWN`, `DOWNPLAY [014]`): the verb, the
//! words around it, its own code, and its irregular forms as a `verb-forms.txt` line.

use super::parse_code;
use crate::petrarch::lines::split_codes;
use crate::verbs::regular_forms;
use crate::words::Words;

pub(super) struct Verb {
    pub(super) lemma: String,
    pub(super) pre: Vec<String>,
    pub(super) post: Vec<String>,
    pub(super) code: Option<(String, Option<String>)>,
    pub(super) text: String,
    pub(super) line: usize,
}

/// A verb line: `WORD {forms} [code]`, `+GO_BY {+WENT_BY}`, `WIRE_+TAP`.
pub(super) fn parse_verb(t: &str, line: usize) -> Result<(Verb, Option<Vec<String>>), String> {
    let (head, codes) = split_codes(t)?;
    let code = match codes.first() {
        Some(c) => Some(parse_code(c)?),
        None => None,
    };
    let (phrase_text, forms) = match head.find('{') {
        Some(o) => {
            let c = head[o..].find('}').ok_or("`{` without a closing `}`")?;
            (head[..o].trim(), Some(&head[o + 1..o + c]))
        }
        None => (head.trim(), None),
    };
    let parts: Vec<&str> = phrase_text
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Err("a verb line needs a verb".into());
    }
    let vi = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let word = |p: &str| -> Result<String, String> {
        let w = Words::new(p.trim_start_matches('+')).joined();
        if w.is_empty() || w.contains(' ') {
            Err(format!("`{p}` is not one word"))
        } else {
            Ok(w)
        }
    };
    // a hyphenated verb (`RE-OPEN`) is the last piece, the others come before it as words
    let pieces: Vec<&str> = parts[vi]
        .split('-')
        .filter(|p| !p.is_empty() && *p != "+")
        .collect();
    let (verb_piece, prefix) = pieces
        .split_last()
        .ok_or_else(|| format!("`{}` is not a verb", parts[vi]))?;
    let lemma = word(verb_piece)?;
    let mut pre = parts[..vi]
        .iter()
        .map(|p| word(p))
        .collect::<Result<Vec<_>, _>>()?;
    for p in prefix {
        pre.push(word(p)?);
    }
    let post = parts[vi + 1..]
        .iter()
        .map(|p| word(p))
        .collect::<Result<Vec<_>, _>>()?;
    let forms = match forms {
        None => None,
        Some(f) => {
            let mut out = Vec::new();
            for tok in f.split_whitespace() {
                // separators such as "," between forms are not forms
                if !tok.chars().any(char::is_alphabetic) {
                    continue;
                }
                let ps: Vec<&str> = tok.split('_').filter(|p| !p.is_empty()).collect();
                let i = ps
                    .iter()
                    .position(|p| p.starts_with('+'))
                    .unwrap_or(if ps.len() == parts.len() { vi } else { 0 });
                let form = ps.get(i).copied().unwrap_or(tok);
                out.push(word(form.rsplit('-').next().unwrap_or(form))?);
            }
            Some(out)
        }
    };
    Ok((
        Verb {
            lemma,
            pre,
            post,
            code,
            text: t.to_string(),
            line,
        },
        forms,
    ))
}

/// A `verb-forms.txt` line for a verb and its listed irregular forms; slots not listed keep the
/// regular form, and `{}` (no forms) means the word is used as written only.
pub(super) fn forms_line(base: &str, forms: &[String]) -> String {
    let reg = regular_forms(base);
    let (mut third, mut past, mut part, mut ger) = (
        reg[1].0.clone(),
        reg[2].0.clone(),
        reg[2].0.clone(),
        reg[3].0.clone(),
    );
    if forms.is_empty() {
        return format!("{base} | {base} | {base} | {base} | {base}\n");
    }
    // the base less its last character (which may be wider than a byte)
    let stem = base.char_indices().last().map_or("", |(i, _)| &base[..i]);
    let mut pasts = Vec::new();
    for f in forms {
        if f.ends_with("ing") && f != base {
            ger = f.clone();
        } else if f.ends_with('s') && f.starts_with(stem) && f.len() <= base.len() + 2 && f != base
        {
            third = f.clone();
        } else if f != base {
            pasts.push(f.clone());
        }
    }
    match pasts.as_slice() {
        [] => {}
        [p] => {
            past = p.clone();
            part = p.clone();
        }
        [p, q, ..] => {
            past = p.clone();
            part = q.clone();
        }
    }
    format!("{base} | {third} | {past} | {part} | {ger}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_ending_in_a_wide_character_gets_its_forms_line() {
        // found by `tidings-fuzz petrarch` (seed 52288): the stem was cut inside U+FFFD
        let line = forms_line("\u{fffd}", &["\u{fffd}s".to_string(), "x".to_string()]);
        assert!(line.starts_with("\u{fffd} | "), "{line}");
        let line = forms_line("go", &["goes".to_string(), "went".to_string()]);
        assert!(line.contains("goes") && line.contains("went"), "{line}");
    }
}
