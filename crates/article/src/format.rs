//! Choosing between the input formats from a file name and its first bytes.

use crate::Format;
use std::path::Path;

/// The format of a file, from its name (after a `.gz`, when decompressed) and its first bytes:
///
/// - `.jsonl`/`.ndjson`/`.json`, or content that starts with `{`: JSON Lines;
/// - `.html`/`.htm`/`.xhtml`, or markup that starts an HTML document: HTML;
/// - `.warc`, or content that starts with `WARC/`: WARC;
/// - `.rss`/`.atom`, or XML whose first element is `<rss`, `<feed` or `<rdf:RDF`: a feed;
/// - plain text otherwise.
pub fn detect_format(path: &Path, first_bytes: &[u8]) -> Format {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("jsonl" | "ndjson" | "json") => return Format::JsonLines,
        Some("html" | "htm" | "xhtml") => return Format::Html,
        Some("warc") => return Format::Warc,
        Some("rss" | "atom") => return Format::Feed,
        _ => {}
    }
    let content = first_bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(first_bytes);
    let start = content
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(content.len());
    let content = &content[start..];
    if content.starts_with(b"{") {
        return Format::JsonLines;
    }
    if content.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if content.starts_with(b"<") {
        return markup_format(content);
    }
    Format::PlainText
}

/// HTML, a feed, or plain text for content that starts with `<`: decided by the first element
/// that is not a declaration, comment or processing instruction.
fn markup_format(content: &[u8]) -> Format {
    let head = String::from_utf8_lossy(&content[..content.len().min(4096)]).to_ascii_lowercase();
    if head.starts_with("<!doctype html") {
        return Format::Html;
    }
    let mut rest = head.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[1..];
            continue;
        }
        let tag_end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':'))
            .map_or(rest.len(), |e| e + 1);
        return match &rest[1..tag_end] {
            "rss" | "feed" | "rdf:rdf" => Format::Feed,
            "html" | "head" | "body" | "meta" | "title" => Format::Html,
            _ => Format::PlainText,
        };
    }
    Format::PlainText
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
        assert_eq!(
            detect_format(Path::new("-"), b"\n<!DOCTYPE HTML>\n<html>"),
            Format::Html
        );
        assert_eq!(
            detect_format(Path::new("a"), b"<html lang=\"en\"><head>"),
            Format::Html
        );
        assert_eq!(
            detect_format(
                Path::new("x"),
                b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"
            ),
            Format::Feed
        );
        assert_eq!(
            detect_format(
                Path::new("x.xml"),
                b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            Format::Feed
        );
        assert_eq!(detect_format(Path::new("x"), b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(detect_format(Path::new("x.warc"), b"junk"), Format::Warc);
        assert_eq!(
            detect_format(Path::new("a.txt"), b"<b>Headline</b> in brackets"),
            Format::PlainText
        );
    }
}
