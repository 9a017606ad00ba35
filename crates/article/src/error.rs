//! The one error type of this crate: bad input, named by file and line.

use std::fmt;
use std::path::PathBuf;

/// Bad input: which file, which line (when the problem is in one record), and what to do about it.
///
/// Displays as `file:line: reason` or, when no line applies, `file: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: PathBuf,
    /// 1-based line number of the bad record, when the problem is in one record.
    pub line: Option<usize>,
    pub reason: String,
}

impl InputError {
    pub fn new(file: impl Into<PathBuf>, line: Option<usize>, reason: impl Into<String>) -> Self {
        InputError {
            file: file.into(),
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.reason),
            None => write!(f, "{}: {}", self.file.display(), self.reason),
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_and_line() {
        let with_line = InputError::new("a.jsonl", Some(3), "bad JSON");
        assert_eq!(with_line.to_string(), "a.jsonl:3: bad JSON");
        let without = InputError::new("a.txt", None, "empty file");
        assert_eq!(without.to_string(), "a.txt: empty file");
    }
}
