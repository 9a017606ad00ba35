//! JSON Lines input: one article object per line, streamed so that huge files never sit in memory.

use crate::content_hash::content_id;
use crate::date::parse_date_lenient;
use crate::{Article, InputError, Origin};
use chrono::NaiveDate;
use std::io::BufRead;
use std::path::PathBuf;

/// Which JSON fields hold the article's parts (`--text-field maintext` for news-please). The
/// outlet is read from `source`, else `site`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    pub id: String,
    pub title: String,
    pub date: String,
    pub url: String,
    pub text: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            id: "id".into(),
            title: "title".into(),
            date: "date".into(),
            url: "url".into(),
            text: "text".into(),
        }
    }
}

/// A string field of `record`, None when missing, null or not a string.
fn string_field(record: &serde_json::Map<String, serde_json::Value>, name: &str) -> Option<String> {
    record
        .get(name)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Yields one `Result<Article, InputError>` per non-blank line; a bad line gives an error naming its
/// line number and reading goes on with the next one. Stops after an I/O error.
pub struct JsonLinesRecords {
    file: PathBuf,
    reader: Box<dyn BufRead>,
    line_number: usize,
    buffer: Vec<u8>,
    finished: bool,
    fields: FieldNames,
}

impl JsonLinesRecords {
    pub fn new(file: PathBuf, reader: Box<dyn BufRead>, fields: FieldNames) -> Self {
        JsonLinesRecords {
            fields,
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
        let record: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line)
            .map_err(|e| {
                self.error(format!(
                    "bad JSON: {}; each line must be one JSON object such as {{\"id\": \"a1\", \"title\": \"...\", \"date\": \"2020-10-11\", \"text\": \"...\"}}",
                    serde_message_without_line(&e)
                ))
            })?;
        let f = &self.fields;
        let text_name = &f.text;
        let text = match record.get(text_name) {
            Some(serde_json::Value::String(text)) if !text.trim().is_empty() => text.clone(),
            Some(serde_json::Value::String(_)) => return Err(self.error(format!(
                "record has an empty `{text_name}` field: nothing to code; put the article body in `{text_name}` (or name its field with --text-field)"
            ))),
            Some(_) => return Err(self.error(format!(
                "record's `{text_name}` field is not a string: nothing to code"
            ))),
            None => {
                return Err(self.error(format!(
                    "record has no `{text_name}` field: nothing to code; put the article body in `{text_name}` (or name its field with --text-field, e.g. --text-field maintext)"
                )))
            }
        };
        let id = match record.get(&f.id) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(serde_json::Value::Null) | Some(serde_json::Value::String(_)) | None => {
                content_id(&text)
            }
            Some(other) => other.to_string(),
        };
        let record_date = string_field(&record, &f.date);
        let (date, warnings) = self.record_date(record_date.as_deref());
        let source = string_field(&record, "source").or_else(|| string_field(&record, "site"));
        Ok(Article {
            id,
            title: string_field(&record, &f.title)
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            date,
            source: source.filter(|s| !s.trim().is_empty()),
            url: string_field(&record, &f.url).filter(|s| !s.trim().is_empty()),
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
