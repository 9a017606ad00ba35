//! Pattern lines of a block (`- + * (IN) $ [075]`) read into items, and a block's verbs and
//! patterns turned into [`VerbPattern`]s. Synonym sets are expanded in `synsets`.

use super::synsets::set_key;
use super::{parse_code, Block};
use crate::petrarch::lines::split_codes;
use crate::verbs::{PatternElement, VerbPattern};
use crate::words::Words;
use crate::DictionaryBuilder;

/// One token of a pattern.
#[derive(Debug, Clone)]
pub(super) enum Item {
    Verb,
    El(PatternElement),
    Set(String),
    /// Words and sets that must stand together (`{NEW &TIETYPES RELATIONS}`, `NEW_ZEALAND`).
    Phrase(Vec<Item>),
    /// Items in braces that hold a slot: kept as separate items.
    Group(Vec<Item>),
}
/// Tokens of a pattern body (`* (TO PEACE &TREATY) [037:037]`) and its code. A `{noun phrase}` and
/// words joined by `_` must stand together in the text: they become one [`Item::Phrase`].
pub(super) fn parse_pattern(body: &str) -> Result<(Vec<Item>, (String, Option<String>)), String> {
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

/// PETRARCH's target is the verb's object: a pattern with no `+` nor `$` gets a target after its words.
fn with_target(mut after: Vec<PatternElement>) -> Vec<PatternElement> {
    after.push(PatternElement::Target);
    after
}

/// Turns a block into patterns: each verb's default, then every pattern for every verb.
pub(super) fn emit(builder: &mut DictionaryBuilder, file: &str, b: Block) -> usize {
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
