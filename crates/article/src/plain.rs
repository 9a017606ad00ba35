//! Plain-text input in the scraped layout: headline, dateline (`11 October, 2020 | newsx bureau`),
//! then paragraphs.

use crate::content_hash::content_id;
use crate::date::parse_dateline;
use crate::{Article, InputError, Origin};
use std::path::Path;

/// Parses one plain-text article from the raw bytes of a file named `file`.
pub fn parse_plain_text(file: &Path, bytes: &[u8]) -> Result<Article, InputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let content = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        InputError::new(
            file,
            Some(line),
            format!(
                "not UTF-8 text: invalid byte 0x{:02x} at byte offset {offset}; re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
                bytes[offset]
            ),
        )
    })?;
    if content.trim().is_empty() {
        return Err(InputError::new(file, None, "empty file, nothing to code"));
    }
    let mut lines = content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    let title = lines.next().map(str::to_string);
    let (date, source) = match lines.peek().and_then(|l| parse_dateline(l)) {
        Some((date, source)) => {
            lines.next();
            (Some(date), source)
        }
        None => (None, None),
    };
    let text = lines.collect::<Vec<_>>().join("\n\n");
    Ok(Article {
        id: content_id(content),
        title,
        date,
        source,
        url: None,
        text,
        origin: Origin {
            file: file.to_path_buf(),
            line: 1,
        },
        warnings: Vec::new(),
    })
}
