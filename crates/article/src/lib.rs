//! Article input and cleaning: the first stage of the tidings pipeline.
//!
//! (Interface sketch: the article helper fills this crate in.)
//!
//! - [`Article`]: one news article as read from disk (id, title, date, source, url, raw body text,
//!   and where it came from).
//! - [`ArticleReader`]: reads a file (plain text in the scraped seed layout, or JSON Lines), detecting
//!   the format from extension and content, and yields `Result<Article, InputError>` record by record,
//!   so that one bad record never stops the rest.
//! - [`clean`]: turns an [`Article`] into [`CleanText`]: the headline on its own line first, then the
//!   body paragraphs, with scrape noise (ALSO READ lines, caption junk, teaser paragraphs) dropped and
//!   each drop recorded in [`Dropped`].

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
}

/// Input formats tidings reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Headline, `DD Month, YYYY | source` dateline, paragraphs.
    PlainText,
    /// One JSON object per line with `id`, `title`, `date`, `text`.
    JsonLines,
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
    pub reason: String,
}
