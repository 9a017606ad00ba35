//! PETRARCH actor files: a primary phrase, `+` synonym lines, and `[CODE]` / `[CODE date]` lines.
//!
//! ```text
//! GOLLUM
//! +SMEAGOL
//!     [HOB < 950601]
//!     [HOBGOV 19950601 - 19990815]
//!     [HOBREB > 990816]
//! NEW_ZEALAND [NZE]
//! ```
//! Dates are `YYMMDD` (years up to 30 are 20xx) or `YYYYMMDD`; `<date` ends the day before, `>date`
//! starts that day, `d1-d2` includes both ends, and a code without a date is the default. A
//! primary phrase without a code yet is merged with the next one (both share the codes that follow).

use super::lines::{content_lines, err, is_common_word, phrase, split_codes};
use crate::actors::{ActorKind, DatedRole};
use crate::DictionaryBuilder;
use chrono::{Duration, NaiveDate};

struct Block {
    line: usize,
    name: String,
    phrases: Vec<String>,
    roles: Vec<DatedRole>,
}

/// Reads a PETRARCH actor file into the builder's actor dictionary. Returns the number of actors added.
pub fn add_petrarch_actors(builder: &mut DictionaryBuilder, file: &str, text: &str) -> usize {
    let mut current: Option<Block> = None;
    let mut added = 0;
    for (line, raw) in content_lines(text) {
        let trimmed = raw.trim();
        let (head, codes) = match split_codes(trimmed) {
            Ok(x) => x,
            Err(e) => {
                builder.errors.push(err(file, line, e));
                continue;
            }
        };
        let head = head.trim();
        let mut roles = Vec::new();
        let mut bad = false;
        for c in &codes {
            match parse_role(c, file, line) {
                Ok(r) => roles.push(r),
                Err(e) => {
                    builder.errors.push(err(file, line, e));
                    bad = true;
                }
            }
        }
        if bad && head.is_empty() {
            continue;
        }
        if head.is_empty() {
            // a code line
            match &mut current {
                Some(b) => b.roles.extend(roles),
                None => builder.errors.push(err(
                    file,
                    line,
                    "a code line with no actor phrase before it",
                )),
            }
            continue;
        }
        if let Some(syn) = head.strip_prefix('+') {
            let Some(b) = &mut current else {
                builder.errors.push(err(
                    file,
                    line,
                    "a `+` synonym with no actor phrase before it",
                ));
                continue;
            };
            match actor_phrase(syn) {
                Some(p) => b.phrases.push(p),
                None => builder
                    .errors
                    .push(err(file, line, format!("`{syn}` has no words"))),
            }
            b.roles.extend(roles);
            continue;
        }
        // a primary phrase: starts a new actor unless the current one has no code yet
        let Some(p) = actor_phrase(head) else {
            builder
                .errors
                .push(err(file, line, format!("`{head}` has no words")));
            continue;
        };
        match &mut current {
            Some(b) if b.roles.is_empty() => {
                b.phrases.push(p);
                b.roles.extend(roles);
            }
            _ => {
                if let Some(b) = current.take() {
                    added += flush(builder, file, b);
                }
                current = Some(Block {
                    line,
                    name: head.replace('_', " ").trim().to_string(),
                    phrases: vec![p],
                    roles,
                });
            }
        }
    }
    if let Some(b) = current.take() {
        added += flush(builder, file, b);
    }
    added
}

fn flush(builder: &mut DictionaryBuilder, file: &str, mut b: Block) -> usize {
    if b.roles.is_empty() {
        builder.errors.push(err(
            file,
            b.line,
            format!("actor `{}` has no [CODE]", b.name),
        ));
        return 0;
    }
    // the undated default first: a dated role that covers the day wins over it
    b.roles.sort_by_key(|r| r.from.is_some() || r.to.is_some());
    // PETRARCH lets an agent join any actor with a bare three-letter code ("Calenardhon government",
    // "government of Gondor"), as tidings does for countries; longer codes are complete already.
    // An actor known only through dated roles is a person (leaders' entries: `XI_JINPING_
    // [CHNGOV >080401]`): a later "he"/"she" and a lone part of the name can refer to it.
    let kind = if b.roles.iter().all(|r| r.from.is_some() || r.to.is_some()) {
        ActorKind::Person
    } else if b.roles.iter().all(|r| r.code.len() == 3) {
        ActorKind::Country
    } else {
        ActorKind::Organisation
    };
    builder.actors.add_actor(kind, &b.name, &b.phrases, b.roles);
    1
}

/// The phrase as inserted in the phrase index: lower case (matches any capitalisation), except a lone
/// common English word (`US`, `WHO`) or a lone word of two or three letters, which PETRARCH's upper
/// case files cannot tell from an acronym (`UN` is not the "Un" of "Kim Jong Un"): these keep their
/// capitals.
fn actor_phrase(raw: &str) -> Option<String> {
    let (p, _exact) = phrase(raw);
    if p.is_empty() {
        return None;
    }
    let short_acronym = p.chars().count() <= 3 && p.chars().all(|c| c.is_ascii_alphabetic());
    if !p.contains(' ') && (is_common_word(&p) || short_acronym) {
        return Some(p.to_uppercase());
    }
    Some(p)
}

/// `CODE`, `CODE <date`, `CODE >date`, `CODE date-date`.
fn parse_role(s: &str, file: &str, line: usize) -> Result<DatedRole, String> {
    let s = s.trim();
    let code_end = s
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .unwrap_or(s.len());
    let code = &s[..code_end];
    let null_code = !code.is_empty() && code.chars().all(|c| matches!(c, '-' | '+'));
    if code.is_empty()
        || !(null_code || code.chars().all(|c| c.is_ascii_alphanumeric() || c == '/'))
    {
        return Err(format!(
            "`[{s}]`: expected `[CODE]` or `[CODE date]` with a code of letters"
        ));
    }
    let dates: String = s[code_end..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (mut from, mut to) = (None, None);
    if let Some(d) = dates.strip_prefix('<') {
        to = Some(date(d)? - Duration::days(1));
    } else if let Some(d) = dates.strip_prefix('>') {
        from = Some(date(d)?);
    } else if let Some((a, b)) = dates.split_once('-') {
        let (a, b) = (date(a)?, date(b)?);
        if a > b {
            return Err(format!("`[{s}]`: the range ends before it starts"));
        }
        from = Some(a);
        to = Some(b);
    } else if !dates.is_empty() {
        return Err(format!(
            "`[{s}]`: a date restriction is `<date`, `>date` or `date-date`"
        ));
    }
    Ok(DatedRole {
        code: code.to_uppercase(),
        from,
        to,
        role: String::new(),
        origin: format!("{file}:{line}"),
    })
}

/// `YYMMDD` (00-30 are 2000-2030) or `YYYYMMDD`.
fn date(d: &str) -> Result<NaiveDate, String> {
    let bad = || format!("`{d}` is not a date (YYMMDD or YYYYMMDD)");
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, rest) = match d.len() {
        6 => {
            let yy: i32 = d[..2].parse().unwrap();
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &d[2..])
        }
        8 => (d[..4].parse().unwrap(), &d[4..]),
        _ => return Err(bad()),
    };
    let (m, day): (u32, u32) = (rest[..2].parse().unwrap(), rest[2..].parse().unwrap());
    NaiveDate::from_ymd_opt(y, m, day).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::PhraseMeaning;
    use crate::words::Words;

    fn code(b: &DictionaryBuilder, text: &str, on: &str) -> String {
        let w = Words::new(text);
        let (_, m) = b.actors.phrases.longest_at(&w, 0).expect(text);
        let PhraseMeaning::Actor(id) = *m[0] else {
            panic!()
        };
        b.actors
            .code_on(id, Some(NaiveDate::parse_from_str(on, "%Y%m%d").unwrap()))
            .0
    }

    const SAMPLE: &str = "\
<!-- header -->
ARNOR_  [ARN]
US_ [USA]
GOLLUM  # pas
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]

SAM_GAMGEE [HOB]
\t[ORCHOB 20100109-20100112]
\t[HOBMIL 20080120-20121109]
UN_ [IGOUNO]
U.N._

UN_SECRETARY_GENERAL
\t[IGOUNO]
ZIMBABWE
\t[RHO <790606]
\t[ZBW]
\t[AFGELI 2004017-20061201]
ORPHAN
\t[AAA950601-990815]
";

    #[test]
    fn reads_dated_codes_and_synonyms() {
        let mut b = DictionaryBuilder::new();
        add_petrarch_actors(&mut b, "a.txt", SAMPLE);
        assert_eq!(code(&b, "Arnor", "19950101"), "ARN");
        assert_eq!(code(&b, "Smeagol", "19950531"), "HOB");
        assert_eq!(code(&b, "Gollum", "19950601"), "HOBGOV");
        assert_eq!(code(&b, "Gollum", "19990816"), "HOBREB");
        assert_eq!(code(&b, "Gollum", "19990815"), "HOBGOV");
        assert_eq!(code(&b, "Gollum", "19990817"), "HOBREB");
        assert_eq!(code(&b, "Sam Gamgee", "20100110"), "ORCHOB");
        assert_eq!(code(&b, "Sam Gamgee", "20100113"), "HOBMIL");
        assert_eq!(code(&b, "Sam Gamgee", "20140113"), "HOB");
        assert_eq!(code(&b, "U.N.", "20140113"), "IGOUNO");
        assert_eq!(code(&b, "UN secretary general", "20140113"), "IGOUNO");
        assert_eq!(code(&b, "Zimbabwe", "19781223"), "RHO");
        assert_eq!(code(&b, "Zimbabwe", "20010101"), "ZBW");
        // a common word keeps its capitals
        assert!(b.actors.phrases.longest_at(&Words::new("us"), 0).is_none());
        assert!(b.actors.phrases.longest_at(&Words::new("US"), 0).is_some());
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let mut b = DictionaryBuilder::new();
        add_petrarch_actors(&mut b, "a.txt", SAMPLE);
        let mut lines: Vec<usize> = b.errors.iter().map(|e| e.line).collect();
        lines.sort();
        assert_eq!(lines, vec![21, 22, 23], "{:?}", b.errors);
        assert!(b.errors[0].to_string().starts_with("a.txt:21: "));
        assert!(b
            .errors
            .iter()
            .any(|e| e.reason.contains("`ORPHAN` has no [CODE]")));
    }
}
