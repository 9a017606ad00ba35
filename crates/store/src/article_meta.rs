//! What the store keeps of an article, and the keys that make the same article one row.

use chrono::NaiveDate;
use tidings_article::Article;
use xxhash_rust::xxh3::xxh3_128;

/// The part of an article the store needs: identity, provenance and the text to hash.
#[derive(Debug, Clone)]
pub struct ArticleMeta {
    /// The input record's id.
    pub input_id: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    /// The outlet as given ("New York Times - News").
    pub source: Option<String>,
    pub url: Option<String>,
    /// The article text: hashed for exact duplicates and shingled for near-duplicates; not stored.
    pub text: String,
    /// Length of the document in characters (GDELT's MentionDocLen).
    pub doc_len: usize,
    /// Where it was read from, `file:line`.
    pub origin: String,
}

impl ArticleMeta {
    /// The metadata of an article as read (before cleaning).
    pub fn from_article(article: &Article) -> ArticleMeta {
        ArticleMeta {
            input_id: article.id.clone(),
            title: article.title.clone(),
            date: article.date,
            source: article.source.clone(),
            url: article.url.clone().filter(|u| !u.trim().is_empty()),
            text: article.text.clone(),
            doc_len: article.text.chars().count(),
            origin: format!("{}:{}", article.origin.file.display(), article.origin.line),
        }
    }

    /// The exact-duplicate key: xxh3-128 of the text's lower-cased words joined by single spaces,
    /// as 32 hex digits. Reflowed or re-cased copies of one text share it. A record with no words
    /// is keyed by its title and id instead.
    pub fn content_hash(&self) -> String {
        let mut norm = String::with_capacity(self.text.len());
        for w in crate::neardup::words(&self.text) {
            if !norm.is_empty() {
                norm.push(' ');
            }
            norm.push_str(&w);
        }
        if norm.is_empty() {
            norm = format!(
                "\u{0}empty\u{0}{}\u{0}{}",
                self.title.as_deref().unwrap_or(""),
                self.input_id
            );
        }
        format!("{:032x}", xxh3_128(norm.as_bytes()))
    }

    /// GDELT's SOURCEURL: the URL, else the outlet and the input id (as the store's event query
    /// gives it for a stored article).
    pub fn source_url(&self) -> String {
        match &self.url {
            Some(url) => url.clone(),
            None => format!("{} {}", self.source.as_deref().unwrap_or(""), self.input_id)
                .trim()
                .to_string(),
        }
    }

    /// What GDELT's NumSources counts and MentionSourceName shows: the URL's host without `www.`,
    /// else the outlet name, else `unknown`.
    pub fn source_name(&self) -> String {
        if let Some(host) = self.url.as_deref().and_then(url_host) {
            return host;
        }
        match self.source.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => "unknown".to_string(),
        }
    }
}

/// The host of an http(s) URL, lower-cased, without a leading `www.`.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str, url: Option<&str>, source: Option<&str>) -> ArticleMeta {
        ArticleMeta {
            input_id: "x".into(),
            title: None,
            date: None,
            source: source.map(Into::into),
            url: url.map(Into::into),
            text: text.into(),
            doc_len: text.len(),
            origin: "f:1".into(),
        }
    }

    #[test]
    fn reflowed_text_has_the_same_hash() {
        let a = meta("Xi praised Kim.\n\nThe two met.", None, None);
        let b = meta("xi  praised kim. The two\nmet.", None, None);
        assert_eq!(a.content_hash(), b.content_hash());
        assert_ne!(
            a.content_hash(),
            meta("Kim praised Xi.", None, None).content_hash()
        );
    }

    #[test]
    fn source_names() {
        assert_eq!(
            meta("", Some("https://www.Reuters.com/world/x?y=1"), None).source_name(),
            "reuters.com"
        );
        assert_eq!(
            meta("", None, Some("newsx bureau")).source_name(),
            "newsx bureau"
        );
        assert_eq!(meta("", Some("not a url"), None).source_name(), "unknown");
    }
}
