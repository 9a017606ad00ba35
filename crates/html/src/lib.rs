//! Reads a news web page: its main text and what the page says about itself.
//!
//! [`extract`] takes the HTML of one page and gives a [`Page`]:
//!
//! - the main text, paragraph by paragraph, by `dom_smoothie` (a port of Mozilla's Readability:
//!   candidates scored by text and comma density, link density and boilerplate class/id names),
//!   less figures and their captions and less blocks that are mostly link text (related stories,
//!   share buttons, breadcrumbs), with a fallback to the page's `<p>` text when it finds no article;
//! - the title (`og:title`, JSON-LD `headline`, else `<title>`), the publication date as the page
//!   states it (meta tags such as `article:published_time`, JSON-LD `datePublished`, then the first
//!   `<time datetime>`), the canonical URL (`<link rel=canonical>`, `og:url`), the site name
//!   (`og:site_name`, JSON-LD `publisher.name`) and the declared language (`<html lang>`).
//!
//! [`decode`] turns a page's bytes into text (UTF-8, the declared charset, else windows-1252).
//! It does not fetch anything, parse dates (the caller does, into its own date type) or decide
//! whether the page is news.
//!
//! ```
//! let html = r#"<html lang="en"><head><title>Talks | Daily</title>
//! <meta property="article:published_time" content="2020-10-11T08:00:00Z">
//! <link rel="canonical" href="https://example.org/talks"></head>
//! <body><nav><a href="/">Home</a></nav><article><h1>Talks</h1>
//! <p>The foreign ministers of both countries met in Geneva on Saturday, their first meeting in three years, and agreed to reopen the embassies.</p>
//! <p>Officials said the talks would continue next month in Vienna, with trade and the release of prisoners on the agenda.</p>
//! </article></body></html>"#;
//! let page = tidings_html::extract(html, None);
//! assert!(page.text.starts_with("The foreign ministers"));
//! assert_eq!(page.published.as_deref(), Some("2020-10-11T08:00:00Z"));
//! assert_eq!(page.url.as_deref(), Some("https://example.org/talks"));
//! assert_eq!(page.language.as_deref(), Some("en"));
//! ```

mod meta;

pub use meta::Meta;

/// What [`extract`] read from one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    /// The main text: paragraphs separated by blank lines, no markup.
    pub text: String,
    /// The publication date or time as the page gives it (`2020-10-11T08:00:00Z`).
    pub published: Option<String>,
    /// The canonical URL, else the URL the caller gave.
    pub url: Option<String>,
    pub site: Option<String>,
    /// The language the page declares (`en`, `en-US`).
    pub language: Option<String>,
}

/// Extracts the main text and metadata of the page `html`, fetched from `url` when known.
pub fn extract(html: &str, url: Option<&str>) -> Page {
    let document = dom_query::Document::from(html);
    let meta = Meta::read(&document);
    let text = main_text(document, url).unwrap_or_default();
    Page {
        title: meta.title,
        text,
        published: meta.published,
        url: meta.canonical.or_else(|| url.map(str::to_string)),
        site: meta.site,
        language: meta.language,
    }
}

/// Elements nested deeper than this make a page be read by its paragraphs only. Readability and
/// the link-block pass look at each block's whole subtree, so their time grows with the square of
/// the nesting (10,000 nested `<div>`s took 18 s); real pages nest 15-50 deep (html-zyte).
pub const MAX_READABLE_DEPTH: usize = 512;

/// Whether some node of `document` is nested more than `limit` deep; one walk, stopping there.
fn deeper_than(document: &dom_query::Document, limit: usize) -> bool {
    let mut node = document.root();
    let mut depth = 0;
    loop {
        if let Some(child) = node.first_child() {
            node = child;
            depth += 1;
            if depth > limit {
                return true;
            }
            continue;
        }
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) if depth > 0 => {
                    node = parent;
                    depth -= 1;
                }
                _ => return false,
            }
        }
    }
}

/// The page's main text by Readability, else the text of its paragraphs (only that when the page
/// nests deeper than [`MAX_READABLE_DEPTH`]).
fn main_text(document: dom_query::Document, url: Option<&str>) -> Option<String> {
    let fallback = paragraphs_text(&document);
    if deeper_than(&document, MAX_READABLE_DEPTH) {
        return Some(fallback);
    }
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    // a relative or odd URL is only used to resolve links: drop it rather than fail
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let article = dom_smoothie::Readability::with_document(document, url, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let text = article
        .map(|a| tidy(&without_link_blocks(&a.content)))
        .unwrap_or_default();
    if text.split_whitespace().count() >= 20 || fallback.is_empty() {
        Some(text)
    } else {
        Some(fallback)
    }
}

/// Blocks dropped from the article when most of their text is link text: lists of related
/// stories, share buttons, breadcrumbs, tag lists.
const LINK_BLOCKS: &str =
    "p, li, ul, ol, div, section, aside, nav, table, header, footer, h2, h3, h4, h5, h6";

/// Above this share of link text (in letters) a block is dropped.
const MAX_LINK_SHARE: f64 = 0.7;

/// The formatted text of the article's HTML `content`, less pictures with their captions and
/// credits, and less its link-dense blocks.
fn without_link_blocks(content: &str) -> String {
    let document = dom_query::Document::from(content);
    document.select("figure, figcaption").remove();
    let letters = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    for block in document.select(LINK_BLOCKS).iter() {
        let all = letters(&block.text());
        if all == 0 {
            continue;
        }
        let linked: usize = block.select("a").iter().map(|a| letters(&a.text())).sum();
        if linked as f64 / all as f64 > MAX_LINK_SHARE {
            block.remove();
        }
    }
    document.select("body").formatted_text().to_string()
}

/// The text of every `<p>` of the page, one paragraph each.
fn paragraphs_text(document: &dom_query::Document) -> String {
    let mut out = Vec::new();
    for p in document.select("p").iter() {
        let text = p.text();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
    }
    out.join("\n\n")
}

/// Paragraphs with their inner whitespace collapsed, separated by one blank line.
fn tidy(text: &str) -> String {
    text.split("\n\n")
        .flat_map(|block| block.split('\n'))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// UTF-8 text of a page's bytes: as is when they are UTF-8, else decoded from the charset the
/// page declares in its first 2 KB (`<meta charset>` or `http-equiv` Content-Type), else from
/// windows-1252, the web's default for undeclared pages.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.into();
    }
    let encoding = declared_charset(bytes)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned().into()
}

/// The label after the first `charset=` in the page's head (lower case, without quotes).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// The text of an HTML fragment (a feed item's description or content): its paragraphs, one
/// per blank-line-separated block, or all its text as one paragraph when it has no `<p>`.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') {
        return tidy(&html.replace("&amp;", "&"));
    }
    let document = dom_query::Document::from(html);
    let paragraphs = paragraphs_text(&document);
    if !paragraphs.is_empty() {
        return paragraphs;
    }
    let text = document.select("body").text();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_in_other_charsets_are_decoded() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode(latin1).contains("caf\u{e9}"));
        let euc_jp =
            b"<meta http-equiv='Content-Type' content='text/html; charset=EUC-JP'>\xc6\xfc\xcb\xdc";
        assert!(
            decode(euc_jp).ends_with("\u{65e5}\u{672c}"),
            "{}",
            decode(euc_jp)
        );
        let undeclared = b"<p>\x93quoted\x94</p>";
        assert_eq!(decode(undeclared), "<p>\u{201c}quoted\u{201d}</p>");
    }

    #[test]
    fn a_page_nested_thousands_deep_is_read_by_its_paragraphs() {
        // found by `tidings-fuzz html` (seed 28605, 2,567 nested `<div>`s: 1.2 s; 10,000: 18 s)
        let para = "<p>China praised North Korea on Saturday, officials said in a statement.</p>";
        let deep = format!(
            "<html><body>{}{para}{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let page = extract(&deep, None);
        assert_eq!(
            page.text,
            "China praised North Korea on Saturday, officials said in a statement."
        );
        let shallow = format!(
            "<html><body>{}{para}{}</body></html>",
            "<div>".repeat(100),
            "</div>".repeat(100)
        );
        assert!(!deeper_than(
            &dom_query::Document::from(shallow.as_str()),
            MAX_READABLE_DEPTH
        ));
        assert!(deeper_than(
            &dom_query::Document::from(deep.as_str()),
            MAX_READABLE_DEPTH
        ));
    }

    #[test]
    fn captions_and_link_lists_inside_the_article_are_left_out() {
        let body = "The foreign ministers of both countries met in Geneva on Saturday, their first meeting in three years, and agreed to reopen the embassies before the end of the year.";
        let more = "Officials said the talks would continue next month in Vienna, with trade, the border and the release of prisoners on the agenda of both delegations.";
        let html = format!(
            r#"<html><body><article><h1>Talks</h1><p>{body}</p>
            <figure><img src="a.jpg"><figcaption>The ministers in Geneva. Photo: Agency</figcaption></figure>
            <p>{more}</p>
            <ul><li><a href="/1">Related: floods in the north</a></li><li><a href="/2">Related: the budget vote</a></li></ul>
            </article></body></html>"#
        );
        let page = extract(&html, None);
        assert!(page.text.contains(body), "{}", page.text);
        assert!(page.text.contains(more), "{}", page.text);
        assert!(!page.text.contains("Photo: Agency"), "{}", page.text);
        assert!(!page.text.contains("Related:"), "{}", page.text);
    }
}
