//! CAMEO event codes and what they mean: names, Goldstein values, QuadClass and PLOVER conversion.
//!
//! A [`CameoTable`] is read from a `cameo-codes.txt` file (the built-in one is compiled in; see
//! `dictionaries/README.md` for the format). The coder asks it for an [`EventCode`] to fill in each
//! event's Goldstein value, QuadClass and PLOVER type. This crate knows nothing of text or actors.
//!
//! ```
//! use tidings_cameo::CameoTable;
//! let table = CameoTable::builtin();
//! let praise = table.get("051").unwrap();
//! assert_eq!(praise.goldstein, 3.4);
//! assert_eq!(praise.quad_class, 1);
//! assert_eq!(praise.plover_event, "SUPPORT");
//! ```

use std::collections::HashMap;

/// The built-in code table, `dictionaries/cameo-codes.txt`.
pub const BUILTIN_CAMEO_CODES: &str = include_str!("../../../dictionaries/cameo-codes.txt");

/// One CAMEO event code and its properties.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCode {
    /// The code with leading zeros: "051", "0311", "19".
    pub code: String,
    pub name: String,
    /// Goldstein (1992) conflict-cooperation value, -10 to +10.
    pub goldstein: f32,
    /// GDELT QuadClass of the root (1-4).
    pub quad_class: u8,
    /// PLOVER event type ("SUPPORT"); "-" where PLOVER has none.
    pub plover_event: String,
    /// PLOVER mode, when the conversion table gives one.
    pub plover_mode: Option<String>,
}

impl EventCode {
    /// The two-digit root code ("05" for "051").
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
}

/// A problem in a code table line.
#[derive(Debug, Clone, PartialEq)]
pub struct TableError {
    pub line: usize,
    pub reason: String,
}

/// All CAMEO event codes, by code.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    codes: HashMap<String, EventCode>,
}

impl CameoTable {
    /// The table compiled into the binary. It is known to parse cleanly.
    pub fn builtin() -> CameoTable {
        let (table, errors) = CameoTable::parse(BUILTIN_CAMEO_CODES);
        debug_assert!(errors.is_empty(), "built-in CAMEO table: {errors:?}");
        table
    }

    /// Parses a table in the `code | name | goldstein | plover event | mode | context` format.
    /// Bad lines are returned as errors and skipped.
    pub fn parse(text: &str) -> (CameoTable, Vec<TableError>) {
        let mut codes = HashMap::new();
        let mut errors = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let err = |reason: String| TableError {
                line: i + 1,
                reason,
            };
            if fields.len() < 3 {
                errors.push(err(format!(
                    "expected `code | name | goldstein | ...`, found {} field(s)",
                    fields.len()
                )));
                continue;
            }
            let code = fields[0];
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                errors.push(err(format!(
                    "`{code}` is not a CAMEO event code (2 to 4 digits)"
                )));
                continue;
            }
            let Some(quad_class) = tidings_event::quad_class(code) else {
                errors.push(err(format!("`{code}` has no CAMEO root between 01 and 20")));
                continue;
            };
            let goldstein: f32 = match fields[2].parse() {
                Ok(g) if (-10.0..=10.0).contains(&g) => g,
                _ => {
                    errors.push(err(format!(
                        "Goldstein value `{}` is not a number from -10 to 10",
                        fields[2]
                    )));
                    continue;
                }
            };
            let plover_event = fields
                .get(3)
                .filter(|s| !s.is_empty())
                .unwrap_or(&"-")
                .to_string();
            let plover_mode = fields
                .get(4)
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string());
            codes.insert(
                code.to_string(),
                EventCode {
                    code: code.to_string(),
                    name: fields[1].to_string(),
                    goldstein,
                    quad_class,
                    plover_event,
                    plover_mode,
                },
            );
        }
        (CameoTable { codes }, errors)
    }

    /// The entry for a code. A four-digit code missing from the table falls back to its
    /// three-digit parent, so extended local codes still get a Goldstein value.
    pub fn get(&self, code: &str) -> Option<&EventCode> {
        let mut c = code;
        loop {
            if let Some(e) = self.codes.get(c) {
                return Some(e);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }

    /// True when the table has this exact code.
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// All codes, sorted.
    pub fn codes(&self) -> Vec<&EventCode> {
        let mut v: Vec<&EventCode> = self.codes.values().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_complete_and_clean() {
        let (table, errors) = CameoTable::parse(BUILTIN_CAMEO_CODES);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(table.len(), 311);
        assert_eq!(table.get("190").unwrap().goldstein, -10.0);
        assert_eq!(table.get("190").unwrap().quad_class, 4);
        assert_eq!(table.get("030").unwrap().plover_event, "AGREE");
        assert_eq!(table.get("010").unwrap().plover_event, "-");
    }

    #[test]
    fn unknown_four_digit_code_falls_back_to_parent() {
        let table = CameoTable::builtin();
        assert_eq!(table.get("0519").unwrap().code, "051");
        assert!(table.get("99").is_none());
    }

    #[test]
    fn bad_lines_are_reported_with_line_numbers() {
        let (table, errors) =
            CameoTable::parse("051 | Praise | 3.4 | SUPPORT\nabc | x | 1\n052 | Defend | lots\n");
        assert_eq!(table.len(), 1);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, 2);
        assert_eq!(errors[1].line, 3);
    }
}
