//! PETRARCH agent files: `PHRASE {plurals} [~CODE]` (the code is appended to the actor's: `[~GOV]`)
//! or `[CODE~]` (prepended), with `!MACRO! = A, B, C` substitution sets.
//!
//! Agents go into the [`AgentDictionary`](crate::AgentDictionary). An appended code is stored as the
//! bare role (`GOV`); a prepended one keeps its tilde at the end (`NGO~`), so the coder can put it in
//! front ("MSF Arnor" is `NGOARN`). `{}` means no plural; `{A B}` lists the plurals; otherwise
//! single words get a regular plural, and a phrase made from a macro is taken as written.

use super::lines::{content_lines, err, phrase, split_codes};
use crate::DictionaryBuilder;
use std::collections::HashMap;

/// Reads a PETRARCH agent file into the builder. Returns the number of agent phrases added.
pub fn add_petrarch_agents(builder: &mut DictionaryBuilder, file: &str, text: &str) -> usize {
    let mut macros: HashMap<String, Vec<String>> = HashMap::new();
    let mut added = 0;
    for (line, raw) in content_lines(text) {
        let t = raw.trim();
        if t.starts_with('!') {
            if let Some((name, values)) = t.split_once('=') {
                let name = name.trim();
                if name.len() > 2 && name.ends_with('!') {
                    macros.insert(
                        name.to_string(),
                        values
                            .split(',')
                            .map(|v| v.trim().to_string())
                            .filter(|v| !v.is_empty())
                            .collect(),
                    );
                    continue;
                }
            }
        }
        let (head, codes) = match split_codes(t) {
            Ok(x) => x,
            Err(e) => {
                builder.errors.push(err(file, line, e));
                continue;
            }
        };
        if codes.len() != 1 {
            builder.errors.push(err(
                file,
                line,
                "expected `PHRASE {plurals} [~CODE]` with one code",
            ));
            continue;
        }
        let code: String = codes[0].chars().filter(|c| !c.is_whitespace()).collect();
        let role = if let Some(c) = code.strip_prefix('~') {
            c.to_string()
        } else if code.ends_with('~') {
            code.clone()
        } else {
            builder.errors.push(err(
                file,
                line,
                format!(
                    "`[{code}]`: an agent code is `[~CODE]` (appended) or `[CODE~]` (prepended)"
                ),
            ));
            continue;
        };
        let letters = role.trim_end_matches('~');
        if letters.is_empty()
            || letters.len() % 3 != 0
            || !letters
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            builder.errors.push(err(
                file,
                line,
                format!("`[{code}]`: a role code is three (or six, nine) capital letters"),
            ));
            continue;
        }
        let (noun, plurals) = match head.find('{') {
            Some(o) => {
                let Some(c) = head[o..].find('}') else {
                    builder
                        .errors
                        .push(err(file, line, "`{` without a closing `}`"));
                    continue;
                };
                (
                    head[..o].trim(),
                    Some(head[o + 1..o + c].split_whitespace().collect::<Vec<_>>()),
                )
            }
            None => (head.trim(), None),
        };
        if noun.is_empty() {
            builder
                .errors
                .push(err(file, line, "no agent phrase before the code"));
            continue;
        }
        let origin = format!("{file}:{line}");
        let expanded = match expand_macros(noun, &macros) {
            Ok(v) => v,
            Err(e) => {
                builder.errors.push(err(file, line, e));
                continue;
            }
        };
        let from_macro = expanded.len() > 1 || noun.contains('!');
        for n in expanded {
            let (p, exact) = phrase(&n);
            if p.is_empty() {
                continue;
            }
            let exact = exact || from_macro || plurals.is_some();
            builder
                .agents
                .add(&if exact { format!("{p}_") } else { p }, &role, &origin);
            added += 1;
        }
        for pl in plurals.unwrap_or_default() {
            let (p, _) = phrase(pl.trim_start_matches('+'));
            if !p.is_empty() {
                builder.agents.add(&format!("{p}_"), &role, &origin);
            }
        }
    }
    added
}

/// How many phrases one agent line may expand to through its macros: beyond it the line is an
/// error, not a memory blow-up (a few macros of a few values each give tens).
const MAX_EXPANSIONS: usize = 4096;

/// Expands every `!NAME!` in a phrase with each value of its set. A value is taken as written
/// (a `!` inside it is not expanded again, so a set that names itself cannot loop), and a line
/// expanding to more than [`MAX_EXPANSIONS`] phrases is refused.
fn expand_macros(noun: &str, macros: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = noun;
    while let Some(start) = rest.find('!') {
        let Some(len) = rest[start + 1..].find('!') else {
            return Err(format!("`{noun}`: a macro is written `!NAME!`"));
        };
        let name = &rest[start..start + len + 2];
        let values = macros.get(name).ok_or_else(|| {
            format!("`{name}` is not defined (define it with `{name} = A, B, ...`)")
        })?;
        if out.len().saturating_mul(values.len()) > MAX_EXPANSIONS {
            return Err(format!(
                "`{noun}` expands to more than {MAX_EXPANSIONS} phrases through its macros"
            ));
        }
        let prefix = &rest[..start];
        out = out
            .iter()
            .flat_map(|o| values.iter().map(move |v| format!("{o}{prefix}{v}")))
            .collect();
        rest = &rest[start + len + 2..];
    }
    for o in &mut out {
        o.push_str(rest);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Words;

    fn role(b: &DictionaryBuilder, text: &str) -> Option<String> {
        let w = Words::new(text);
        b.agents
            .phrases
            .longest_at(&w, 0)
            .filter(|(n, _)| *n == w.len())
            .map(|(_, v)| v[0].code.clone())
    }

    #[test]
    fn reads_agents_plurals_and_macros() {
        let mut b = DictionaryBuilder::new();
        let text = "!PERSON! = MAN, MEN\n!MINST! = MINISTER, MINISTRY\nPRESIDENT [~GOV]\nPOLICE {} [ ~COP]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nMSF {}  [NGO~]\nCONGRESS!PERSON! [~LEG]\n!MINST!_OF_SILLY_WALKS [~GOV]\nBAD [GOV]\nUNDEFINED!X! [~GOV]\n";
        add_petrarch_agents(&mut b, "ag.txt", text);
        assert_eq!(role(&b, "presidents").as_deref(), Some("GOV"));
        assert_eq!(role(&b, "police").as_deref(), Some("COP"));
        assert_eq!(role(&b, "polices"), None);
        assert_eq!(role(&b, "golden geese").as_deref(), Some("GGS"));
        assert_eq!(role(&b, "golden gooses"), None);
        assert_eq!(role(&b, "MSF").as_deref(), Some("NGO~"));
        assert_eq!(role(&b, "Congressmen").as_deref(), Some("LEG"));
        assert_eq!(role(&b, "Ministry of Silly Walks").as_deref(), Some("GOV"));
        assert_eq!(
            b.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![9, 10]
        );
    }

    #[test]
    fn a_macro_that_names_itself_or_multiplies_too_far_is_an_error_not_a_blow_up() {
        // tidings-fuzz petrarch seed 78502: `!PERSON! = MAN, ME!PERSON! ...` took 2 GB
        let mut macros = HashMap::new();
        macros.insert(
            "!PERSON!".to_string(),
            vec!["MAN".to_string(), "ME!PERSON!".to_string()],
        );
        let out = expand_macros("CONGRESS!PERSON!", &macros).unwrap();
        assert_eq!(out, ["CONGRESSMAN", "CONGRESSME!PERSON!"]);
        macros.insert("!X!".to_string(), (0..10).map(|k| k.to_string()).collect());
        let err = expand_macros("!X!!X!!X!!X!!X!", &macros).unwrap_err();
        assert!(err.contains("more than 4096"), "{err}");
        assert_eq!(expand_macros("A!X!_B!X!", &macros).unwrap().len(), 100);
    }
}
