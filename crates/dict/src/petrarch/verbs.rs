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

use super::lines::{content_lines, err, phrase, split_codes};
use crate::agents::plural;
use crate::verbs::{regular_forms, PatternElement, VerbPattern};
use crate::words::Words;
use crate::DictionaryBuilder;
use std::collections::HashMap;

/// At most this many alternatives for one noun phrase built from synonym sets.
const MAX_PHRASE_ALTERNATIVES: usize = 2000;

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

struct Synset {
    plurals: bool,
    members: Vec<(usize, String)>,
}

struct Verb {
    lemma: String,
    pre: Vec<String>,
    post: Vec<String>,
    code: Option<(String, Option<String>)>,
    text: String,
    line: usize,
}

/// One token of a pattern.
#[derive(Debug, Clone)]
enum Item {
    Verb,
    El(PatternElement),
    Set(String),
    /// Words and sets that must stand together (`{NEW &TIETYPES RELATIONS}`, `NEW_ZEALAND`).
    Phrase(Vec<Item>),
    /// Items in braces that hold a slot: kept as separate items.
    Group(Vec<Item>),
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

fn read_synsets(lines: &[(usize, &str)]) -> HashMap<String, Synset> {
    let mut sets: HashMap<String, Synset> = HashMap::new();
    let mut current: Option<String> = None;
    for &(line, raw) in lines {
        let t = raw.trim();
        if let Some(name) = t.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("");
            let key = set_key(name);
            let plurals = !name.ends_with('_');
            let s = sets.entry(key.clone()).or_insert(Synset {
                plurals,
                members: Vec::new(),
            });
            s.members.clear();
            s.plurals = plurals;
            current = Some(key);
            continue;
        }
        match (&current, t.strip_prefix('+')) {
            (Some(k), Some(m)) => sets
                .get_mut(k)
                .unwrap()
                .members
                .push((line, m.trim().to_string())),
            _ => current = None,
        }
    }
    sets
}

fn set_key(name: &str) -> String {
    name.trim_end_matches('_').to_uppercase()
}

/// The member phrases of a set (nested sets resolved), each as words, with plurals where due.
fn resolve_set(
    name: &str,
    sets: &HashMap<String, Synset>,
    depth: usize,
) -> Result<Vec<Vec<String>>, String> {
    let set = sets
        .get(name)
        .ok_or_else(|| format!("synonym set `&{name}` is not defined"))?;
    if depth > 8 {
        return Err(format!(
            "synonym set `&{name}` is nested too deeply (does it contain itself?)"
        ));
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    for (_, m) in &set.members {
        if let Some(inner) = m.strip_prefix('&') {
            out.extend(resolve_set(&set_key(inner.trim()), sets, depth + 1)?);
            continue;
        }
        let cleaned: String = m
            .chars()
            .map(|c| {
                if matches!(c, '(' | ')' | '{' | '}') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let (p, exact) = phrase(&cleaned);
        if p.is_empty() {
            continue;
        }
        out.push(p.split(' ').map(String::from).collect());
        if set.plurals && !exact {
            if let Some(pl) = plural(&p) {
                out.push(pl.split(' ').map(String::from).collect());
            }
        }
    }
    Ok(out)
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

/// A verb line: `WORD {forms} [code]`, `+GO_BY {+WENT_BY}`, `WIRE_+TAP`.
fn parse_verb(t: &str, line: usize) -> Result<(Verb, Option<Vec<String>>), String> {
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
fn forms_line(base: &str, forms: &[String]) -> String {
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
    let stem = &base[..base.len().saturating_sub(1)];
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

/// Tokens of a pattern body (`* (TO PEACE &TREATY) [037:037]`) and its code. A `{noun phrase}` and
/// words joined by `_` must stand together in the text: they become one [`Item::Phrase`].
fn parse_pattern(body: &str) -> Result<(Vec<Item>, (String, Option<String>)), String> {
    let (head, codes) = split_codes(body)?;
    let code = match codes.as_slice() {
        [c] => parse_code(c)?,
        [] => return Err("a pattern ends with its code: `[code]`".into()),
        _ => return Err("a pattern has one `[code]`".into()),
    };
    let spaced: String = head
        .chars()
        .map(|c| if matches!(c, '(' | ')') { ' ' } else { c })
        .collect();
    let spaced = spaced
        .replace('*', " * ")
        .replace('{', " { ")
        .replace('}', " } ");
    let mut items = Vec::new();
    let mut brace: Option<Vec<Item>> = None;
    for tok in spaced.split_whitespace() {
        match tok {
            "{" => {
                brace = Some(Vec::new());
                continue;
            }
            "}" => {
                if let Some(group) = brace.take() {
                    items.push(phrase_item(group));
                }
                continue;
            }
            _ => {}
        }
        let parts: Vec<&str> = tok.split('_').filter(|p| !p.is_empty()).collect();
        let joined = parts.len() > 1
            && !parts
                .iter()
                .any(|p| matches!(*p, "*" | "$" | "+" | "%" | "^"));
        let mut here = Vec::new();
        for part in parts {
            token_items(part, &mut here)?;
        }
        let here = if joined && brace.is_none() {
            vec![phrase_item(here)]
        } else {
            here
        };
        match &mut brace {
            Some(g) => g.extend(here),
            None => items.extend(here),
        }
    }
    if let Some(group) = brace.take() {
        items.push(phrase_item(group));
    }
    match items.iter().filter(|i| matches!(i, Item::Verb)).count() {
        1 => Ok((items, code)),
        0 => Err("a pattern needs the verb `*`".into()),
        _ => Err("a pattern has one verb `*`".into()),
    }
}

/// A group of words and sets that must stand together; slots inside it are left as they are.
fn phrase_item(group: Vec<Item>) -> Item {
    if group.len() > 1
        && group
            .iter()
            .all(|i| matches!(i, Item::Set(_) | Item::El(PatternElement::Word(_))))
    {
        Item::Phrase(group)
    } else if group.len() == 1 {
        group.into_iter().next().unwrap()
    } else {
        Item::Group(group)
    }
}

fn token_items(tok: &str, items: &mut Vec<Item>) -> Result<(), String> {
    match tok {
        "*" => items.push(Item::Verb),
        "$" => items.push(Item::El(PatternElement::Source)),
        "+" => items.push(Item::El(PatternElement::Target)),
        "%" => items.push(Item::El(PatternElement::Source)),
        "^" => items.push(Item::El(PatternElement::Skip)),
        _ if tok.starts_with('&') => items.push(Item::Set(set_key(&tok[1..]))),
        _ => {
            let w = Words::new(tok);
            if w.is_empty() {
                return Err(format!("`{tok}` is not a pattern word"));
            }
            for i in 0..w.len() {
                items.push(Item::El(PatternElement::Word(vec![w.norm(i).to_string()])));
            }
        }
    }
    Ok(())
}

/// Words of a pattern that are no nouns and get no plural.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into", "over",
    "about", "against", "and", "or", "not", "no", "will", "would", "has", "have", "had", "be",
    "is", "was", "their", "its", "his", "her", "this", "that", "out", "up", "down", "off", "back",
    "away",
];

/// Replaces synonym sets by one word element whose alternatives are the members (a multi-word member
/// is one alternative with spaces, which the coder matches word by word).
fn expand_sets(
    items: &[Item],
    sets: &HashMap<String, Synset>,
    cache: &mut HashMap<String, Result<Vec<String>, String>>,
) -> Result<Vec<Item>, String> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Item::Group(g) = item {
            out.extend(expand_sets(g, sets, cache)?);
            continue;
        }
        if let Item::Phrase(g) = item {
            // every combination of the alternatives, as one multi-word alternative each
            let mut alts = vec![String::new()];
            for el in expand_sets(g, sets, cache)? {
                let Item::El(PatternElement::Word(ws)) = el else {
                    continue;
                };
                let mut next = Vec::new();
                for a in &alts {
                    for w in &ws {
                        if next.len() < MAX_PHRASE_ALTERNATIVES {
                            next.push(if a.is_empty() {
                                w.clone()
                            } else {
                                format!("{a} {w}")
                            });
                        }
                    }
                }
                alts = next;
            }
            out.push(Item::El(PatternElement::Word(alts)));
            continue;
        }
        let Item::Set(name) = item else {
            // a pattern noun matches its plural too, as PETRARCH matches words by their lemma
            // ("abandoned efforts" is `* EFFORT`)
            if let Item::El(PatternElement::Word(ws)) = item {
                if let [w] = ws.as_slice() {
                    if let Some(p) =
                        plural(w).filter(|p| p != w && !FUNCTION_WORDS.contains(&w.as_str()))
                    {
                        out.push(Item::El(PatternElement::Word(vec![w.clone(), p])));
                        continue;
                    }
                }
            }
            out.push(item.clone());
            continue;
        };
        let members = cache
            .entry(name.clone())
            .or_insert_with(|| {
                let mut alts: Vec<String> = Vec::new();
                for m in resolve_set(name, sets, 0)? {
                    let m = m.join(" ");
                    if !alts.contains(&m) {
                        alts.push(m);
                    }
                }
                Ok(alts)
            })
            .clone()?;
        if members.is_empty() {
            return Err(format!("synonym set `&{name}` has no members"));
        }
        out.push(Item::El(PatternElement::Word(members)));
    }
    Ok(out)
}

/// PETRARCH's target is the verb's object: a pattern with no `+` nor `$` gets a target after its words.
fn with_target(mut after: Vec<PatternElement>) -> Vec<PatternElement> {
    after.push(PatternElement::Target);
    after
}

/// Turns a block into patterns: each verb's default, then every pattern for every verb.
fn emit(builder: &mut DictionaryBuilder, file: &str, b: Block) -> usize {
    let mut n = 0;
    let words = |ws: &[String]| {
        ws.iter()
            .map(|w| PatternElement::Word(vec![w.clone()]))
            .collect::<Vec<_>>()
    };
    for v in &b.verbs {
        let (code, paired) = v.code.clone().unwrap_or_else(|| b.code.clone());
        builder.patterns.push(VerbPattern {
            code,
            paired_code: paired,
            compound: false,
            lemma: v.lemma.clone(),
            before: words(&v.pre),
            after: with_target(words(&v.post)),
            conditions: Vec::new(),
            text: v.text.clone(),
            origin: format!("{file}:{}", v.line),
        });
        n += 1;
    }
    for (line, text, items, (code, paired)) in &b.patterns {
        {
            let star = items.iter().position(|i| matches!(i, Item::Verb)).unwrap();
            let el = |i: &Item| match i {
                Item::El(e) => Some(e.clone()),
                _ => None,
            };
            let before: Vec<PatternElement> = items[..star].iter().filter_map(el).collect();
            let mut after: Vec<PatternElement> = items[star + 1..].iter().filter_map(el).collect();
            if !before
                .iter()
                .chain(&after)
                .any(|e| matches!(e, PatternElement::Target | PatternElement::Source))
            {
                after.push(PatternElement::Target);
            }
            let compound = text
                .split_whitespace()
                .any(|t| t.split('_').any(|p| p == "%"));
            for v in &b.verbs {
                let mut bf = before.clone();
                bf.extend(words(&v.pre));
                let mut af = words(&v.post);
                af.extend(after.iter().cloned());
                builder.patterns.push(VerbPattern {
                    code: code.clone(),
                    paired_code: paired.clone(),
                    compound,
                    lemma: v.lemma.clone(),
                    before: bf,
                    after: af,
                    conditions: Vec::new(),
                    text: text.clone(),
                    origin: format!("{file}:{line}"),
                });
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verbs::VerbForm;

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
