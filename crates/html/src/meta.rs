//! What a page says about itself: meta tags, JSON-LD and `<time>` elements.

use dom_query::Document;

/// Metadata of a page, each field from the first source that gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub canonical: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
}

/// Meta tags (by `property`, `name` or `itemprop`) that give the publication date, most telling first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "og:published_time",
    "datecreated",
];

impl Meta {
    pub fn read(document: &Document) -> Meta {
        let ld = json_ld(document);
        let meta = |names: &[&str]| names.iter().find_map(|name| meta_content(document, name));
        let title = meta(&["og:title", "twitter:title"])
            .or_else(|| ld_string(&ld, &["headline"]))
            .or_else(|| first_text(document, "title"));
        let published = meta(DATE_META)
            .or_else(|| ld_string(&ld, &["datePublished", "dateCreated"]))
            .or_else(|| first_attr(document, "time[datetime]", "datetime"));
        let canonical = first_attr(document, "link[rel=canonical]", "href")
            .or_else(|| meta(&["og:url"]))
            .filter(|u| u.starts_with("http"));
        let site = meta(&["og:site_name", "application-name"]).or_else(|| {
            ld.iter().find_map(|v| {
                v.get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str())
                    .map(str::to_string)
            })
        });
        let language = first_attr(document, "html[lang]", "lang")
            .or_else(|| meta(&["content-language", "og:locale"]))
            .filter(|l| !l.is_empty());
        Meta {
            title,
            published,
            canonical,
            site,
            language,
        }
    }
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is `name`
/// (case-insensitive), trimmed and not empty; `http-equiv` too for `content-language`.
fn meta_content(document: &Document, name: &str) -> Option<String> {
    for node in document.select("meta[content]").iter() {
        let matches = ["property", "name", "itemprop", "http-equiv"]
            .iter()
            .any(|attr| {
                node.attr(attr)
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case(name))
            });
        if matches {
            let content = node.attr("content")?.trim().to_string();
            if !content.is_empty() {
                return Some(content);
            }
        }
    }
    None
}

fn first_attr(document: &Document, selector: &str, attr: &str) -> Option<String> {
    document.select(selector).iter().find_map(|n| {
        n.attr(attr)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

fn first_text(document: &Document, selector: &str) -> Option<String> {
    let text = document.select(selector).iter().next()?.text();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Every JSON-LD object of the page, `@graph` members and array items flattened.
fn json_ld(document: &Document) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for script in document
        .select(r#"script[type="application/ld+json"]"#)
        .iter()
    {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(script.text().trim()) {
            flatten(value, &mut out, 0);
        }
    }
    out
}

fn flatten(value: serde_json::Value, out: &mut Vec<serde_json::Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        serde_json::Value::Array(items) => {
            for item in items {
                flatten(item, out, depth + 1);
            }
        }
        serde_json::Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(serde_json::Value::Object(map));
        }
        _ => {}
    }
}

/// The first string under one of `keys` in the JSON-LD objects.
fn ld_string(ld: &[serde_json::Value], keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        ld.iter().find_map(|v| {
            v.get(*key)
                .and_then(|s| s.as_str())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_and_time_give_the_date_when_meta_tags_do_not() {
        let html = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2021-03-04T10:00:00+01:00","publisher":{"@type":"Organization","name":"The Paper"}}]}
        </script></head><body><time datetime="2019-01-01">old</time></body></html>"#;
        let meta = Meta::read(&Document::from(html));
        assert_eq!(meta.published.as_deref(), Some("2021-03-04T10:00:00+01:00"));
        assert_eq!(meta.site.as_deref(), Some("The Paper"));
        assert_eq!(meta.title.as_deref(), Some("H"));
        let only_time = Meta::read(&Document::from(
            r#"<html><body><p>x</p><time datetime="2019-01-02T00:00">Jan 2</time></body></html>"#,
        ));
        assert_eq!(only_time.published.as_deref(), Some("2019-01-02T00:00"));
    }

    #[test]
    fn meta_names_are_matched_without_case() {
        let html = r#"<html lang="en-GB"><head><meta name="PubDate" content="2020-05-06">
        <meta property="og:site_name" content="Daily"><meta property="og:url" content="https://d.example/a"></head></html>"#;
        let meta = Meta::read(&Document::from(html));
        assert_eq!(meta.published.as_deref(), Some("2020-05-06"));
        assert_eq!(meta.site.as_deref(), Some("Daily"));
        assert_eq!(meta.canonical.as_deref(), Some("https://d.example/a"));
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
    }
}
