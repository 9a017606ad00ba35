//! Codes a batch of articles for the store or a DataFrame: what `tidings ingest` and the Python
//! package (`tidings.code`, `Store.ingest`) share.
//!
//! [`code_batch`] splits the batch over up to `threads` scoped threads and returns one
//! [`Coded`] per article, in input order: the article's [`ArticleMeta`] (what the store keeps)
//! and its events, each actor named as the dictionaries name the entity (`tidings-names`). An
//! article whose coding panics keeps its place with no events and `failed` set, so a caller
//! reports it, stores it without events (it is not coded again on a re-run) and goes on.
//!
//! Not here: reading articles (`tidings-article`), storing (`tidings-store`), the coder itself.
//!
//! ```
//! let coder = tidings_coder::Coder::new(tidings_dict::Dictionaries::builtin());
//! let article = tidings_article::Article {
//!     id: "a1".into(), title: None, date: None, source: None, url: None,
//!     text: "The United States criticised North Korea on Monday.".into(),
//!     origin: tidings_article::Origin { file: "x".into(), line: 1 }, warnings: vec![],
//! };
//! let coded = tidings_batch::code_batch(&coder, &[article], &Default::default(), 2);
//! assert_eq!(coded.len(), 1);
//! assert!(coded[0].events.iter().all(|e| e.source.name.as_deref() == Some("United States")));
//! ```

use tidings_article::Article;
use tidings_coder::{CodeOptions, Coder};
use tidings_event::Event;
use tidings_names::ActorNames;
use tidings_store::ArticleMeta;

/// One article's result.
#[derive(Debug, Clone)]
pub struct Coded {
    pub meta: ArticleMeta,
    pub events: Vec<Event>,
    /// The coder panicked on this article: `events` is empty.
    pub failed: bool,
}

/// Codes `articles` on up to `threads` threads (at least one), keeping input order.
pub fn code_batch(
    coder: &Coder,
    articles: &[Article],
    options: &CodeOptions,
    threads: usize,
) -> Vec<Coded> {
    let threads = threads.clamp(1, articles.len().max(1));
    let chunk = articles.len().div_ceil(threads).max(1);
    let names = ActorNames::new(&coder.dictionaries().actors);
    if threads == 1 {
        return articles
            .iter()
            .map(|a| code_one(coder, &names, a, options))
            .collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| {
                let names = &names;
                scope.spawn(move || {
                    part.iter()
                        .map(|a| code_one(coder, names, a, options))
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

/// Codes one article; its actors get the dictionary's name for their entity.
fn code_one(coder: &Coder, names: &ActorNames, article: &Article, options: &CodeOptions) -> Coded {
    let mut meta = ArticleMeta::from_article(article);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        coder.code(article, options)
    })) {
        Ok(coded) => {
            meta.doc_len = coded.clean.text.chars().count();
            let mut events = coded.events;
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
        let articles: Vec<Article> = (0..7)
            .map(|i| article(&format!("a{i}"), "China praised North Korea."))
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
