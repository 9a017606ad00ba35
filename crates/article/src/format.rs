//! Choosing between the input formats from a file name and its first bytes.

use crate::Format;
use std::path::Path;

/// The format of a file: JSON Lines for `.jsonl`/`.ndjson`/`.json` names or content that starts
/// with `{` (after a byte-order mark and whitespace); plain text otherwise.
pub fn detect_format(path: &Path, first_bytes: &[u8]) -> Format {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(extension.as_deref(), Some("jsonl" | "ndjson" | "json")) {
        return Format::JsonLines;
    }
    let content = first_bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(first_bytes);
    match content.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::JsonLines,
        _ => Format::PlainText,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_first() {
        for name in ["a.jsonl", "a.NDJSON", "dir/a.json"] {
            assert_eq!(
                detect_format(Path::new(name), b"Headline"),
                Format::JsonLines,
                "{name}"
            );
        }
    }

    #[test]
    fn content_decides_otherwise() {
        assert_eq!(
            detect_format(Path::new("-"), b"  \n{\"text\":1}"),
            Format::JsonLines
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), b"\xEF\xBB\xBF{"),
            Format::JsonLines
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), b"Intend to develop"),
            Format::PlainText
        );
        assert_eq!(detect_format(Path::new("a"), b""), Format::PlainText);
    }
}
