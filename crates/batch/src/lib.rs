//! Codes a batch of articles for the store or a DataFrame: what `tidings ingest` and the Python
//! package (`tidings.code`, `Store.ingest`) share.
//!
//! [`code_article`] codes one article with the date its caller chose for it
//! ([`ArticleDate`]: its own, one given, or none), settles its events' dates as `tidings code`
//! does ([`ArticleDate::settle`]) and names each actor as the dictionaries name the entity
//! (`tidings-names`). It returns a [`Coded`]: the article's [`ArticleMeta`] (what the store keeps)
//! and its events. An article whose coding panics comes back with no events and `failed` set, so a
//! caller reports it, stores it without events (it is not coded again on a re-run) and goes on.
//! `tidings ingest` runs it on its own threads; [`code_batch`] splits a batch over up to `threads`
//! scoped threads, in input order (the Python package).
//!
//! Not here: reading articles (`tidings-article`), storing (`tidings-store`), the coder itself.
//!
//! ```
//! use tidings_event::dating::Undated;
//! let coder = tidings_coder::Coder::new(tidings_dict::Dictionaries::builtin());
//! let article = tidings_article::Article {
//!     id: "a1".into(), title: None, date: None, source: None, url: None,
//!     text: "The United States criticised North Korea on Monday.".into(),
//!     origin: tidings_article::Origin { file: "x".into(), line: 1 }, warnings: vec![],
//! };
//! let dating = tidings_event::dating::ArticleDate::choose(None, &Undated::Keep).unwrap();
//! let coded = tidings_batch::code_batch(&coder, &[(article, dating)], &Default::default(), 2);
//! assert_eq!(coded.len(), 1);
//! assert!(coded[0].events.iter().all(|e| e.source.name.as_deref() == Some("United States")));
//! ```

use tidings_article::Article;
use tidings_coder::{CodeOptions, Coder};
use tidings_event::dating::ArticleDate;
use tidings_event::Event;
pub use tidings_names::ActorNames;
use tidings_store::ArticleMeta;

/// One article's result.
#[derive(Debug, Clone)]
pub struct Coded {
    pub meta: ArticleMeta,
    pub events: Vec<Event>,
    /// The coder panicked on this article: `events` is empty.
    pub failed: bool,
}

/// Codes `articles` (each with its chosen date) on up to `threads` threads, keeping input order.
pub fn code_batch(
    coder: &Coder,
    articles: &[(Article, ArticleDate)],
    options: &CodeOptions,
    threads: usize,
) -> Vec<Coded> {
    let threads = threads.clamp(1, articles.len().max(1));
    let chunk = articles.len().div_ceil(threads).max(1);
    let names = ActorNames::new(&coder.dictionaries().actors);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| {
                let names = &names;
                scope.spawn(move || {
                    part.iter()
                        .map(|(a, d)| code_article(coder, names, a, d, options))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Codes one article (`article.date` being `dating.for_coder()`), settles its events' dates and
/// gives its actors the dictionary's name for their entity.
pub fn code_article(
    coder: &Coder,
    names: &ActorNames,
    article: &Article,
    dating: &ArticleDate,
    options: &CodeOptions,
) -> Coded {
    let mut meta = ArticleMeta::from_article(article);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        coder.code(article, options)
    })) {
        Ok(coded) => {
            meta.doc_len = coded.clean.text.chars().count();
            let mut events = coded.events;
            dating.settle(&mut events);
            events.iter_mut().for_each(|e| names.normalise(e));
            Coded {
                meta,
                events,
                failed: false,
            }
        }
        Err(_) => Coded {
            meta,
            events: Vec::new(),
            failed: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: None,
            date: None,
            source: None,
            url: None,
            text: text.into(),
            origin: tidings_article::Origin {
                file: "t".into(),
                line: 1,
            },
            warnings: vec![],
        }
    }

    #[test]
    fn keeps_input_order_on_several_threads() {
        let coder = Coder::new(tidings_dict::Dictionaries::builtin());
        let articles: Vec<(Article, ArticleDate)> = (0..7)
            .map(|i| {
                let dating = ArticleDate::choose(None, &tidings_event::dating::Undated::Keep);
                (
                    article(&format!("a{i}"), "China praised North Korea."),
                    dating.unwrap(),
                )
            })
            .collect();
        let one = code_batch(&coder, &articles, &CodeOptions::default(), 1);
        let three = code_batch(&coder, &articles, &CodeOptions::default(), 3);
        let ids = |c: &[Coded]| {
            c.iter()
                .map(|c| c.meta.input_id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&one), ids(&three));
        assert_eq!(ids(&one)[6], "a6");
        assert!(one.iter().all(|c| !c.failed));
    }
}
