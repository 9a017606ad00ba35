//! Reading the plain-text dictionary format: `|`-separated fields, `;`-separated lists, `#`
//! comments, dates, and the [`DictError`] that names a file and line.

use chrono::NaiveDate;
use std::fmt;

/// A problem in a dictionary file. Loading skips the line and goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.reason)
        } else {
            write!(f, "{}: {}", self.file, self.reason)
        }
    }
}

impl std::error::Error for DictError {}

/// The content lines of a dictionary file: (1-based line number, fields), comments and blanks removed.
pub fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            None
        } else {
            Some((i + 1, line.split('|').map(str::trim).collect()))
        }
    })
}

/// Removes a `#` comment. A `#` inside a word (`C#`) is kept only when not preceded by a space or at start.
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
            return &line[..i];
        }
    }
    line
}

/// Splits a `;` list field into its non-empty items.
pub fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. `end` picks the last day of a partial date.
pub fn parse_date(s: &str, end: bool) -> Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| {
        p.parse::<u32>()
            .map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"))
    };
    let date = match parts.as_slice() {
        [y] => {
            let y = num(y)? as i32;
            if end {
                NaiveDate::from_ymd_opt(y, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
        }
        [y, m] => {
            let (y, m) = (num(y)? as i32, num(m)?);
            if end {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            } else {
                NaiveDate::from_ymd_opt(y, m, 1)
            }
        }
        [y, m, d] => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?),
        _ => None,
    };
    date.map(Some)
        .ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"))
}

/// True for a well-formed actor code: 3 to 15 uppercase letters or digits, in whole groups of three.
pub fn is_actor_code(code: &str) -> bool {
    (3..=15).contains(&code.len())
        && code.len().is_multiple_of(3)
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_fields_and_skips_comments() {
        let recs: Vec<_> =
            records("# header\n\nCHN | China | PRC; Mainland China # note\n").collect();
        assert_eq!(recs, vec![(3, vec!["CHN", "China", "PRC; Mainland China"])]);
        assert_eq!(
            list(recs[0].1[2]).collect::<Vec<_>>(),
            ["PRC", "Mainland China"]
        );
    }

    #[test]
    fn parses_partial_dates() {
        assert_eq!(
            parse_date("2012-11-15", false).unwrap(),
            NaiveDate::from_ymd_opt(2012, 11, 15)
        );
        assert_eq!(
            parse_date("2012-02", true).unwrap(),
            NaiveDate::from_ymd_opt(2012, 2, 29)
        );
        assert_eq!(
            parse_date("2012", true).unwrap(),
            NaiveDate::from_ymd_opt(2012, 12, 31)
        );
        assert_eq!(parse_date("", true).unwrap(), None);
        assert!(parse_date("2012-13-01", false).is_err());
        assert!(parse_date("soon", false).is_err());
    }
}
