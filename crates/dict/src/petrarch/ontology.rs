//! PETRARCH's internal coding ontology (the `PICOfile` of a validation set): each CAMEO code has a
//! numeric value (`110:0x1007f`, `121:-0xFFFF+0x0070`), and negating an act subtracts `0xFFFF` from
//! its value. "Did not disapprove" (`0x1007f - 0xFFFF = 0x0080`) is diplomatic cooperation (050);
//! "did not cooperate materially" (`0x0070 - 0xFFFF`) is a refusal (121). A negated act whose value
//! has no code stays negated (and uncoded).
//!
//! [`add_petrarch_ontology`] reads the file into [`Modifiers::negated_codes`](crate::Modifiers).
//! PETRARCH finds negation in the parse (`not`, `n't` modifying the verb), not in a dictionary;
//! with an ontology those two words become the set's negation markers, unless it has its own.

use crate::{DictError, DictionaryBuilder};

/// What negation subtracts from a code's value.
const NEGATION: i64 = 0xFFFF;
/// The words PETRARCH's parse marks as negating a verb.
const NEGATION_MARKERS: &[&str] = &["not", "n't"];

/// Reads an ontology file: `code:value` lines, `#` comments, values written as sums of signed hex
/// numbers. Fills the builder's negated-code map; returns the number of codes read.
pub fn add_petrarch_ontology(builder: &mut DictionaryBuilder, file: &str, text: &str) -> usize {
    let mut values: Vec<(String, i64)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let parsed = line.split_once(':').and_then(|(code, value)| {
            let code = code.trim();
            // `---` is the null code
            if code.is_empty() || !(code == "---" || code.bytes().all(|b| b.is_ascii_digit())) {
                return None;
            }
            Some((code.to_string(), parse_value(value)?))
        });
        match parsed {
            Some(cv) => values.push(cv),
            None => builder.errors.push(DictError {
                file: file.into(),
                line: n + 1,
                reason: format!(
                    "`{line}`: expected `CODE:VALUE` with a sum of hex numbers (`110:0xFFFF+0x0080`)"
                ),
            }),
        }
    }
    if builder.modifiers.negation.is_empty() {
        for m in NEGATION_MARKERS {
            builder.modifiers.negation.insert(m, false, ());
        }
    }
    let map = &mut builder.modifiers.negated_codes;
    for (code, value) in &values {
        let negated = value - NEGATION;
        // several codes may share a value: the first one listed stands for it
        if let Some((to, _)) = values.iter().find(|(_, v)| *v == negated) {
            map.insert(code.clone(), to.clone());
        }
    }
    values.len()
}

/// `0x1007f`, `-0xFFFF+0x2040+0x300`, `0x1000-0xFFFF`: a sum of signed hex numbers (or a plain
/// decimal number, `0`).
fn parse_value(s: &str) -> Option<i64> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        return None;
    }
    let mut total = 0i64;
    let mut rest = s.as_str();
    while !rest.is_empty() {
        let (sign, body) = match rest.as_bytes()[0] {
            b'-' => (-1, &rest[1..]),
            b'+' => (1, &rest[1..]),
            _ => (1, rest),
        };
        if body.is_empty() {
            return None;
        }
        // the next sign after the term's first character (which may be any character, of any length)
        let first = body.chars().next().map_or(1, char::len_utf8);
        let end = body[first..]
            .find(['+', '-'])
            .map(|k| k + first)
            .unwrap_or(body.len());
        let term = &body[..end];
        let value = match term.strip_prefix("0x").or_else(|| term.strip_prefix("0X")) {
            Some(hex) => i64::from_str_radix(hex, 16).ok()?,
            None => term.parse::<i64>().ok()?,
        };
        // an overflowing sum is no value, not a panic (debug) or a wrapped number (release)
        total = total.checked_add(value.checked_mul(sign)?)?;
        rest = &body[end..];
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PICO: &str = "# header\n050:0x0080#DiplomaticCoop\n057:0x0087\n060:0x0070\n\
        110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n120:-0xFFFF#Reject\n121:-0xFFFF+0x0070\n\
        170:0x10086#0x0087+0xFFFF\n190:0x00A0\n";

    #[test]
    fn values_are_sums_of_hex_numbers() {
        assert_eq!(parse_value("0x1007f"), Some(0x1007f));
        assert_eq!(
            parse_value("-0xFFFF+0x2040+0x300"),
            Some(-0xFFFF + 0x2040 + 0x300)
        );
        assert_eq!(parse_value("0x1000-0xFFFF"), Some(0x1000 - 0xFFFF));
        assert_eq!(parse_value("0"), Some(0));
        assert_eq!(parse_value("0x"), None);
        assert_eq!(parse_value("x1"), None);
        assert_eq!(parse_value("0x1-"), None);
    }

    #[test]
    fn a_value_that_starts_with_a_wide_character_or_overflows_is_no_value() {
        // found by `tidings-fuzz petrarch` (seed 228): `body[1..]` cut inside U+FFFD
        assert_eq!(parse_value("\u{fffd}xFFFF+0x2064+0x300"), None);
        assert_eq!(parse_value("+é1"), None);
        assert_eq!(parse_value("0x7FFFFFFFFFFFFFFF+0x7FFFFFFFFFFFFFFF"), None);
        assert_eq!(parse_value("-0x7FFFFFFFFFFFFFFF-0x7FFFFFFFFFFFFFFF"), None);
        let mut b = DictionaryBuilder::new();
        add_petrarch_ontology(&mut b, "pico.txt", "050:\u{fffd}xFFFF+0x2064\n060:0x70\n");
        assert_eq!(b.errors.len(), 1, "{:?}", b.errors);
        assert_eq!(b.errors[0].line, 1);
    }

    #[test]
    fn negation_subtracts_from_the_value() {
        let mut b = DictionaryBuilder::new();
        assert_eq!(add_petrarch_ontology(&mut b, "pico.txt", PICO), 8);
        assert!(b.errors.is_empty(), "{:?}", b.errors);
        let neg = |c: &str| b.modifiers.negated_codes.get(c).map(String::as_str);
        assert_eq!(neg("110"), Some("050"));
        assert_eq!(neg("170"), Some("057"));
        assert_eq!(neg("060"), Some("121"));
        // no code has the negated value of a fight
        assert_eq!(neg("190"), None);
        // the parse's negation words become the markers
        let w = crate::words::Words::new("did not");
        assert!(b.modifiers.negation.longest_at(&w, 1).is_some());
    }

    #[test]
    fn a_malformed_line_is_an_error_and_reading_goes_on() {
        let mut b = DictionaryBuilder::new();
        assert_eq!(
            add_petrarch_ontology(&mut b, "pico.txt", "abc:0x1\n050:0x80\n"),
            1
        );
        assert_eq!(b.errors.len(), 1);
        assert_eq!(b.errors[0].line, 1);
    }
}
