//! RSS 2.0, RSS 1.0 and Atom feeds (`feed-rs`): each item or entry is an article with its title,
//! link, date and text (its content, else its description or summary, markup removed).

use crate::content_hash::content_id;
use crate::{Article, InputError, Origin};
use std::path::Path;

/// The articles of the feed `bytes` read from `file`; a feed that does not parse is one error.
/// An item with neither text nor title is left out.
pub fn read_feed(file: &Path, bytes: Vec<u8>) -> Result<Vec<Article>, InputError> {
    let feed = feed_rs::parser::parse(&bytes[..]).map_err(|e| {
        InputError::new(file, None, format!("not a readable RSS or Atom feed: {e}"))
    })?;
    let site = feed
        .title
        .as_ref()
        .map(|t| tidings_html::fragment_text(&t.content));
    let mut articles = Vec::new();
    for (n, entry) in feed.entries.into_iter().enumerate() {
        let title = entry
            .title
            .as_ref()
            .map(|t| tidings_html::fragment_text(&t.content))
            .filter(|t| !t.is_empty());
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = tidings_html::fragment_text(&body);
        if text.is_empty() && title.is_none() {
            continue;
        }
        let url = entry.links.first().map(|l| l.href.clone());
        let date = entry.published.or(entry.updated).map(|d| d.date_naive());
        articles.push(Article {
            id: content_id(url.as_deref().unwrap_or(if entry.id.is_empty() {
                &text
            } else {
                &entry.id
            })),
            title,
            date,
            source: site.clone().filter(|s| !s.is_empty()),
            url,
            text,
            origin: Origin {
                file: file.to_path_buf(),
                line: n + 1,
            },
            warnings: Vec::new(),
        });
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_are_articles() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>World News</title>
        <item><title>Talks resume</title><link>https://n.example/a</link>
        <pubDate>Sun, 11 Oct 2020 08:00:00 GMT</pubDate>
        <description>&lt;p&gt;Envoys met in &lt;b&gt;Geneva&lt;/b&gt;.&lt;/p&gt;</description></item>
        <item><title>Second</title><link>https://n.example/b</link><description>Plain text.</description></item>
        </channel></rss>"#;
        let articles = read_feed(Path::new("f.rss"), rss.to_vec()).unwrap();
        assert_eq!(articles.len(), 2);
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.url.as_deref(), Some("https://n.example/a"));
        assert_eq!(a.date.unwrap().to_string(), "2020-10-11");
        assert_eq!(a.text, "Envoys met in Geneva.");
        assert_eq!(a.source.as_deref(), Some("World News"));
        assert_eq!(articles[1].text, "Plain text.");
    }

    #[test]
    fn atom_entries_are_articles() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
        <title>Desk</title><id>urn:x</id><updated>2021-01-02T00:00:00Z</updated>
        <entry><title>Summit</title><id>urn:1</id><link href="https://d.example/s"/>
        <published>2021-01-01T10:00:00Z</published><updated>2021-01-02T00:00:00Z</updated>
        <content type="html">&lt;p&gt;Leaders met.&lt;/p&gt;&lt;p&gt;They signed.&lt;/p&gt;</content></entry></feed>"#;
        let articles = read_feed(Path::new("f.atom"), atom.to_vec()).unwrap();
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].date.unwrap().to_string(), "2021-01-01");
        assert_eq!(articles[0].text, "Leaders met.\n\nThey signed.");
    }

    #[test]
    fn a_broken_feed_is_one_error_naming_the_file() {
        let err = read_feed(Path::new("bad.rss"), b"<rss><channel><item>".to_vec()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bad.rss: not a readable RSS or Atom feed"),
            "{err}"
        );
    }
}
