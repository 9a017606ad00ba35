//! A web page as an article: `tidings-html` extracts it, this module maps it onto [`Article`].

use crate::content_hash::content_id;
use crate::date::parse_date_lenient;
use crate::{Article, InputError, Origin};
use std::path::Path;

/// What the container of a page knows about it (a WARC record's target URI and date).
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    pub url: Option<String>,
    /// The date to use when the page gives none (the crawl date).
    pub fallback_date: Option<chrono::NaiveDate>,
    /// The record number in its file (1 for a file that is one page).
    pub record: usize,
}

/// Extracts the article of the page `bytes` read from `file`. A page with no text is an error
/// naming the file (and record).
pub fn page_article(
    file: &Path,
    bytes: &[u8],
    context: Option<PageContext>,
) -> Result<Article, InputError> {
    let context = context.unwrap_or(PageContext {
        record: 1,
        ..PageContext::default()
    });
    let line = (context.record > 1 || context.url.is_some()).then_some(context.record);
    let html = tidings_html::decode(bytes);
    let page = tidings_html::extract(&html, context.url.as_deref());
    if page.text.trim().is_empty() {
        return Err(InputError::new(
            file,
            line,
            "web page with no main text found: nothing to code",
        ));
    }
    let mut warnings = Vec::new();
    let date = match page.published.as_deref() {
        Some(value) => match parse_date_lenient(value) {
            Some(date) => Some(date),
            None => {
                warnings.push(InputError::new(
                    file,
                    line,
                    format!("the page's publication date {value:?} is not a date; the crawl date or none is used"),
                ));
                context.fallback_date
            }
        },
        None => context.fallback_date,
    };
    let url = context.url.clone().or(page.url);
    Ok(Article {
        id: content_id(url.as_deref().unwrap_or(&page.text)),
        title: page.title,
        date,
        source: page.site,
        url,
        text: page.text,
        origin: Origin {
            file: file.to_path_buf(),
            line: context.record,
        },
        warnings,
    })
}
