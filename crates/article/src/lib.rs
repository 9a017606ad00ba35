//! Article input and cleaning: the first stage of the tidings pipeline.
//!
//! This crate reads news articles and strips scrape noise off them. It does not split sentences or
//! resolve dates (that is `tidings-text`), it does not code events (`tidings-coder`) and it does
//! not fetch anything over the network.
//!
//! Data flows like this:
//!
//! - [`Inputs`] turns the paths the user names into one stream of records: folders read
//!   recursively in sorted order ([`expand_paths`]), `-` for standard input, and counts of what was
//!   skipped on purpose ([`InputStats`]: WARC records that are not pages, other languages).
//! - [`read_path`] / [`read_reader`] (and their `_with` forms taking [`ReadOptions`]) open one input:
//!   gzip is decompressed when its magic bytes say so, whatever the name; the [`Format`]
//!   ([`detect_format`]: name and first bytes) picks the reader, which yields
//!   `Result<Article, InputError>` record by record:
//!   - JSON Lines, streamed line by line, fields named by [`FieldNames`]; a bad line is an
//!     [`InputError`] naming `file:line`, and the records after it are still read;
//!   - plain text, one article in the scraped layout: headline, dateline
//!     (`11 October, 2020 | newsx bureau`), paragraphs;
//!   - an HTML page, through `tidings-html` (main text, title, date, canonical URL, site);
//!   - a WARC archive, record by record: HTML responses through the HTML path with the record's
//!     URI and date, other records counted, a bad record named by its byte offset;
//!   - an RSS or Atom feed (`feed-rs`), one article per item.
//!
//!   Then [`LanguageFilter`] skips and counts articles in other languages ([`detect_language`]).
//!   An archive or another binary file is recognised by its first bytes and refused with advice.
//! - An [`Article`] holds id (or a 16-hex-digit content hash), title, date, source, url, the raw
//!   body and its [`Origin`].
//! - [`clean`] turns an [`Article`] into [`CleanText`]: the headline alone on the first line, then
//!   the kept paragraphs separated by blank lines. Noise (related-story links such as `ALSO READ:`,
//!   caption junk, teasers that repeat the lead, advertising and sign-up boilerplate, photo credits,
//!   embedded posts, inline link cards ending in `MORE`) is dropped and each drop recorded as a
//!   [`Dropped`] with its [`DropRule`].
//!
//! ```
//! use std::io::Cursor;
//! use std::path::Path;
//! use tidings_article::{clean, read_reader, Format};
//!
//! let input = "Xi writes to Kim\n\n11 October, 2020 | newsx bureau\n\nXi sent a letter.\n\nALSO READ: Another story\n";
//! let mut records = read_reader(Path::new("<stdin>"), Box::new(Cursor::new(input)), None).unwrap();
//! let article = records.next().unwrap().unwrap();
//! assert_eq!(article.date.unwrap().to_string(), "2020-10-11");
//! assert_eq!(article.source.as_deref(), Some("newsx bureau"));
//!
//! let cleaned = clean(&article);
//! assert_eq!(cleaned.text, "Xi writes to Kim\n\nXi sent a letter.");
//! assert_eq!(cleaned.headline_end, Some("Xi writes to Kim".len()));
//! assert_eq!(cleaned.dropped[0].reason, "related-story link");
//! # let _ = Format::JsonLines;
//! ```

mod clean;
mod content_hash;
mod date;
mod error;
mod feed;
mod format;
mod html;
mod inputs;
mod jsonl;
mod language;
mod magic;
mod plain;
mod read;
mod warc;

pub use clean::{clean, is_caption_junk, DropRule};
pub use content_hash::{content_id, fnv1a64};
pub use date::{parse_date_lenient, parse_dateline};
pub use error::InputError;
pub use feed::read_feed;
pub use format::detect_format;
pub use html::{page_article, PageContext};
pub use inputs::{expand_paths, InputStats, Inputs};
pub use jsonl::FieldNames;
pub use language::{detect_language, LanguageFilter};
pub use read::{read_path, read_path_with, read_reader, read_reader_with, Records};

/// How to read inputs: the format (None: detected per file), the JSON Lines field names, and which
/// language to keep.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub format: Option<Format>,
    pub fields: FieldNames,
    pub language: LanguageFilter,
    /// Where readers count what they skip on purpose (set by [`Inputs`]).
    pub stats: Option<std::sync::Arc<std::sync::Mutex<InputStats>>>,
}

use chrono::NaiveDate;
use std::path::PathBuf;

/// Where a record came from: a file and a 1-based line (JSON Lines) or record number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    pub line: usize,
}

/// One news article as read, before cleaning.
#[derive(Debug, Clone)]
pub struct Article {
    /// The record's id, or a content hash (16 hex digits) when it has none.
    pub id: String,
    pub title: Option<String>,
    /// Publication date: the dateline or the record's `date` field.
    pub date: Option<NaiveDate>,
    /// The outlet ("newsx bureau", "New York Times - News").
    pub source: Option<String>,
    pub url: Option<String>,
    /// The body text as read: paragraphs separated by blank lines or newlines.
    pub text: String,
    pub origin: Origin,
    /// Problems in the record that did not stop it being read, each naming `file:line` (a `date`
    /// that is not a date: the record is read as undated).
    pub warnings: Vec<InputError>,
}

impl Article {
    /// Bytes of title and text: what `--max-article-bytes` limits.
    pub fn size(&self) -> usize {
        self.text.len() + self.title.as_ref().map_or(0, String::len)
    }

    /// Cuts title and text to `max_bytes` together, the text at the last whitespace that fits (or
    /// at a character boundary when a single word is longer). Returns the size before the cut, or
    /// None when the article fits.
    pub fn cut_to(&mut self, max_bytes: usize) -> Option<usize> {
        let size = self.size();
        if size <= max_bytes {
            return None;
        }
        if let Some(title) = &mut self.title {
            title.truncate(cut_point(title, max_bytes));
        }
        let room = max_bytes - self.title.as_ref().map_or(0, String::len);
        self.text.truncate(cut_point(&self.text, room));
        Some(size)
    }
}

/// Where to cut `text` to at most `max` bytes: after the last whitespace that fits, else at the
/// last character boundary.
fn cut_point(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut boundary = max;
    while !text.is_char_boundary(boundary) {
        boundary -= 1;
    }
    match text[..boundary].rfind(char::is_whitespace) {
        Some(space) if space > 0 => space,
        _ => boundary,
    }
}

/// Input formats tidings reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Headline, `DD Month, YYYY | source` dateline, paragraphs.
    PlainText,
    /// One JSON object per line with `id`, `title`, `date`, `text`.
    JsonLines,
    /// A web page: its main text, title, date, URL and site are extracted (`tidings-html`).
    Html,
    /// A WARC archive (`.warc`, `.warc.gz`): each HTTP response with an HTML page is an article.
    Warc,
    /// An RSS 2.0 or Atom feed: each item or entry is an article.
    Feed,
}

/// The cleaned text of an article: what the coder reads and what event spans point into.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// Headline (if any) on the first line, then the kept paragraphs, separated by blank lines.
    pub text: String,
    /// Byte length of the headline at the start of `text` (None when there is no headline).
    pub headline_end: Option<usize>,
    /// What was dropped and why, for `--explain`.
    pub dropped: Vec<Dropped>,
}

/// One piece of scrape noise removed by [`clean`].
#[derive(Debug, Clone)]
pub struct Dropped {
    pub text: String,
    /// The rule's label ([`DropRule::label`]), e.g. `"related-story link"`.
    pub reason: String,
    pub rule: DropRule,
}

impl Dropped {
    pub fn new(text: &str, rule: DropRule) -> Self {
        Dropped {
            text: text.to_string(),
            reason: rule.label().to_string(),
            rule,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: Option<&str>, text: &str) -> Article {
        Article {
            id: "a".into(),
            title: title.map(str::to_string),
            date: None,
            source: None,
            url: None,
            text: text.into(),
            origin: Origin {
                file: "a.jsonl".into(),
                line: 1,
            },
            warnings: Vec::new(),
        }
    }

    #[test]
    fn an_article_that_fits_is_not_cut() {
        let mut a = article(Some("Title"), "Xi met Kim.");
        assert_eq!(a.cut_to(16), None);
        assert_eq!(a.text, "Xi met Kim.");
    }

    #[test]
    fn a_large_article_is_cut_at_a_word_boundary_with_its_title() {
        let mut a = article(Some("Title"), "Xi met Kim on Saturday.");
        assert_eq!(a.cut_to(16), Some(28));
        assert_eq!(a.title.as_deref(), Some("Title"));
        assert_eq!(a.text, "Xi met Kim");
        assert!(a.size() <= 16);
    }

    #[test]
    fn a_cut_never_splits_a_character() {
        let mut a = article(None, "ééééé");
        assert_eq!(a.cut_to(5), Some(10));
        assert_eq!(a.text, "éé");
        let mut long_title = article(Some("Überraschung"), "text");
        long_title.cut_to(4);
        assert_eq!(long_title.title.as_deref(), Some("Übe"));
        assert_eq!(long_title.text, "");
    }
}
