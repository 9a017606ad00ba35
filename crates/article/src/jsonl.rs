//! JSON Lines input: one article object per line, streamed so that huge files never sit in memory.

use crate::content_hash::content_id;
use crate::date::parse_date_lenient;
use crate::{Article, InputError, Origin};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::BufRead;
use std::path::PathBuf;

/// The fields tidings reads from a record; any other field is ignored.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

/// Yields one `Result<Article, InputError>` per non-blank line; a bad line gives an error naming its
/// line number and reading goes on with the next one. Stops after an I/O error.
pub struct JsonLinesRecords {
    file: PathBuf,
    reader: Box<dyn BufRead>,
    line_number: usize,
    buffer: Vec<u8>,
    finished: bool,
}

impl JsonLinesRecords {
    pub fn new(file: PathBuf, reader: Box<dyn BufRead>) -> Self {
        JsonLinesRecords {
            file,
            reader,
            line_number: 0,
            buffer: Vec::new(),
            finished: false,
        }
    }

    fn error(&self, reason: String) -> InputError {
        InputError::new(self.file.clone(), Some(self.line_number), reason)
    }

    fn parse_line(&self, line: &str) -> Result<Article, InputError> {
        let record: Record = serde_json::from_str(line).map_err(|e| {
            self.error(format!(
                "bad JSON: {}; each line must be one JSON object such as {{\"id\": \"a1\", \"title\": \"...\", \"date\": \"2020-10-11\", \"text\": \"...\"}}",
                serde_message_without_line(&e)
            ))
        })?;
        let text = match record.text {
            Some(text) if !text.trim().is_empty() => text,
            Some(_) => return Err(self.error(
                "record has an empty `text` field: nothing to code; put the article body in `text`"
                    .into(),
            )),
            None => {
                return Err(self.error(
                    "record has no `text` field: nothing to code; put the article body in `text`"
                        .into(),
                ))
            }
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Null) | None => content_id(&text),
            Some(serde_json::Value::String(_)) => content_id(&text),
            Some(other) => other.to_string(),
        };
        let (date, warnings) = self.record_date(record.date.as_deref());
        Ok(Article {
            id,
            title: record
                .title
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            date,
            source: record.source.filter(|s| !s.trim().is_empty()),
            url: record.url.filter(|s| !s.trim().is_empty()),
            text,
            origin: Origin {
                file: self.file.clone(),
                line: self.line_number,
            },
            warnings,
        })
    }

    /// The record's `date`, or a warning naming the value when it is not one: the record is then
    /// read as undated. A missing, null or empty `date` is undated without a warning.
    fn record_date(&self, value: Option<&str>) -> (Option<NaiveDate>, Vec<InputError>) {
        let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
            return (None, Vec::new());
        };
        match parse_date_lenient(value) {
            Some(date) => (Some(date), Vec::new()),
            None => (
                None,
                vec![self.error(format!(
                    "`date` {:?} is not a date (use YYYY-MM-DD, e.g. 2020-10-11); the record is coded as undated (see --undated: skip, keep with no date, or a date)",
                    shortened(value, 60)
                ))],
            ),
        }
    }
}

/// `text` cut to its first `max` characters, with `…` when it was longer.
fn shortened(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// serde_json's message without its ` at line 1 column N` tail (the line is ours), column kept.
fn serde_message_without_line(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let tail = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&tail) {
        Some(head) => format!("{head} (column {})", error.column()),
        None => message,
    }
}

impl Iterator for JsonLinesRecords {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => self.finished = true,
                Ok(_) => {
                    self.line_number += 1;
                    let mut bytes = self.buffer.as_slice();
                    if self.line_number == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    let line = match std::str::from_utf8(bytes) {
                        Ok(line) => line,
                        Err(e) => {
                            let bad = bytes[e.valid_up_to()];
                            return Some(Err(self.error(format!(
                                "not UTF-8: invalid byte 0x{bad:02x} at column {}; re-encode the file as UTF-8",
                                e.valid_up_to() + 1
                            ))));
                        }
                    };
                    if line.trim().is_empty() {
                        continue;
                    }
                    return Some(self.parse_line(line.trim_end()));
                }
                Err(e) => {
                    self.finished = true;
                    self.line_number += 1;
                    return Some(Err(self.error(format!("read error: {e}"))));
                }
            }
        }
        None
    }
}
