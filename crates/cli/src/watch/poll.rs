//! One poll of `tidings watch`: read each feed, fetch the pages of items not fetched before
//! (hosts taken in turn, so one host's delay does not hold up the others), extract, code and
//! store each at once, remember each URL, and print a summary.

use super::WatchArgs;
use crate::pipeline::cut_large_article;
use anyhow::Context;
use std::collections::{HashSet, VecDeque};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use tidings_article::{Article, LanguageFilter, PageContext};
use tidings_coder::{CodeOptions, Coder};
use tidings_event::dating::ArticleDate;
use tidings_fetch::{FetchError, Fetcher};
use tidings_store::{ArticleMeta, Store, WriteLock};

/// What one poll needs.
pub struct Poll<'a> {
    pub args: &'a WatchArgs,
    pub fetcher: &'a mut Fetcher,
    pub coder: &'a Coder,
    pub stop: &'a AtomicBool,
    pub number: usize,
}

/// Counts of one poll, printed as its summary.
#[derive(Debug, Default)]
pub struct Summary {
    feeds_listed: usize,
    feeds_read: usize,
    items: usize,
    without_link: usize,
    seen_before: usize,
    new_items: usize,
    fetched: usize,
    robots: usize,
    pub errors: usize,
    stored: usize,
    already_stored: usize,
    other_language: usize,
    undated_skipped: usize,
    pub cut: usize,
    events_added: usize,
    events_again: usize,
}

/// A new item: the link to fetch and what the feed says of it.
struct Item {
    link: String,
    title: Option<String>,
    date: Option<chrono::NaiveDate>,
}

/// What came of one item.
enum Outcome {
    Stored { events: usize, again: usize },
    AlreadyStored,
    OtherLanguage,
    UndatedSkipped,
    Robots(String),
    Failed(String),
    Stopped,
}

impl Poll<'_> {
    /// Polls every feed once; the database is locked (as by `ingest`) for the poll only.
    pub fn run(mut self) -> anyhow::Result<Summary> {
        let db = &self.args.db;
        let who = format!("tidings watch {}", self.args.feeds.display());
        let _lock = WriteLock::acquire(db, self.args.wait_timeout, &who, |lock, holder| {
            eprintln!(
                "{}: another ingest is writing to this database ({holder}); waiting for it \
                 (lock file {})",
                db.display(),
                lock.display()
            );
        })?;
        let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
        let mut summary = Summary::default();
        let feeds = self.feed_urls(&mut summary)?;
        let items = self.new_items(&feeds, &store, &mut summary)?;
        let names = tidings_names::ActorNames::new(&self.coder.dictionaries().actors);
        for item in items {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let outcome = self.take(&item, &mut store, &names, &mut summary)?;
            match outcome {
                Outcome::Stored { events, again } => {
                    summary.stored += 1;
                    summary.events_added += events;
                    summary.events_again += again;
                }
                Outcome::AlreadyStored => summary.already_stored += 1,
                Outcome::OtherLanguage => summary.other_language += 1,
                Outcome::UndatedSkipped => summary.undated_skipped += 1,
                Outcome::Robots(why) => {
                    summary.robots += 1;
                    eprintln!("{}: skipped: {why}", item.link);
                }
                Outcome::Failed(why) => {
                    summary.errors += 1;
                    eprintln!("{}: {why}", item.link);
                }
                Outcome::Stopped => break,
            }
        }
        summary.print(self.number, &store)?;
        Ok(summary)
    }

    /// The feed URLs of the list, each bad line reported as `file:line`.
    fn feed_urls(&self, summary: &mut Summary) -> anyhow::Result<Vec<String>> {
        let path = &self.args.feeds;
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the feed list", path.display()))?;
        let mut feeds = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            summary.feeds_listed += 1;
            match tidings_fetch::parse_url(line) {
                Ok(url) => feeds.push(url.to_string()),
                Err(e) => {
                    summary.errors += 1;
                    eprintln!("{}:{}: {e}; line skipped", path.display(), n + 1);
                }
            }
        }
        Ok(feeds)
    }

    /// The items of every feed whose link was not fetched before, each link once, hosts in turn.
    fn new_items(
        &mut self,
        feeds: &[String],
        store: &Store,
        summary: &mut Summary,
    ) -> anyhow::Result<Vec<Item>> {
        let mut seen = HashSet::new();
        let mut by_host: Vec<(String, VecDeque<Item>)> = Vec::new();
        for feed in feeds {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let page = match self.fetcher.fetch(feed) {
                Ok(page) => page,
                Err(FetchError::Stopped) => break,
                Err(e) => {
                    summary.errors += 1;
                    eprintln!("{feed}: feed not read: {e}");
                    continue;
                }
            };
            let articles = match tidings_article::read_feed(Path::new(feed), page.body) {
                Ok(articles) => articles,
                Err(e) => {
                    summary.errors += 1;
                    eprintln!("{e}");
                    continue;
                }
            };
            summary.feeds_read += 1;
            for article in articles {
                summary.items += 1;
                let Some(link) = article.url.as_deref().map(|l| absolute(&page.url, l)) else {
                    summary.without_link += 1;
                    continue;
                };
                let url = match tidings_fetch::parse_url(&link) {
                    Ok(url) => url,
                    Err(e) => {
                        summary.errors += 1;
                        eprintln!("{feed}: item {}: {e}", article.origin.line);
                        continue;
                    }
                };
                let link = url.to_string();
                if !seen.insert(link.clone()) || store.was_fetched(&link)? {
                    summary.seen_before += 1;
                    continue;
                }
                let host = url.host_str().unwrap_or("").to_string();
                let item = Item {
                    link,
                    title: article.title,
                    date: article.date,
                };
                match by_host.iter_mut().find(|(h, _)| *h == host) {
                    Some((_, queue)) => queue.push_back(item),
                    None => by_host.push((host, VecDeque::from([item]))),
                }
            }
        }
        let mut items = Vec::new();
        while by_host.iter().any(|(_, q)| !q.is_empty()) {
            for (_, queue) in &mut by_host {
                items.extend(queue.pop_front());
            }
        }
        summary.new_items = items.len();
        Ok(items)
    }

    /// Fetches, extracts, codes and stores one item; remembers its URL (and the final one, after
    /// redirects) unless robots.txt forbade it or a signal stopped the fetch.
    fn take(
        &mut self,
        item: &Item,
        store: &mut Store,
        names: &tidings_names::ActorNames,
        summary: &mut Summary,
    ) -> anyhow::Result<Outcome> {
        let page = match self.fetcher.fetch(&item.link) {
            Ok(page) => page,
            Err(FetchError::Stopped) => return Ok(Outcome::Stopped),
            Err(e @ FetchError::Robots(_)) => return Ok(Outcome::Robots(e.to_string())),
            Err(e) => {
                let why = e.to_string();
                store.record_fetched(&[&item.link], &why)?;
                return Ok(Outcome::Failed(why));
            }
        };
        summary.fetched += 1;
        let urls = [item.link.as_str(), page.url.as_str()];
        let (outcome, note) = self.store_page(item, &page, store, names, summary)?;
        store.record_fetched(&urls, &note)?;
        Ok(outcome)
    }

    /// The page's article extracted, coded and stored; the outcome and the note kept for its URL.
    fn store_page(
        &self,
        item: &Item,
        page: &tidings_fetch::Page,
        store: &mut Store,
        names: &tidings_names::ActorNames,
        summary: &mut Summary,
    ) -> anyhow::Result<(Outcome, String)> {
        if !page.is_html() {
            let why = format!(
                "not a web page (content type {}); not coded",
                page.content_type.as_deref().unwrap_or("unknown")
            );
            return Ok((Outcome::Failed(why.clone()), why));
        }
        let context = PageContext {
            url: Some(page.url.clone()),
            fallback_date: item.date,
            record: 1,
        };
        let mut article =
            match tidings_article::page_article(Path::new(&page.url), &page.body, Some(context)) {
                Ok(article) => article,
                Err(e) => return Ok((Outcome::Failed(e.reason.clone()), e.reason)),
            };
        for warning in &article.warnings {
            eprintln!("{}: {}", page.url, warning.reason);
        }
        if article.title.is_none() {
            article.title = item.title.clone();
        }
        if let LanguageFilter::Only(wanted) = self.language() {
            if let Some(lang) = tidings_article::detect_language(&article) {
                if lang != wanted {
                    return Ok((
                        Outcome::OtherLanguage,
                        format!("language {lang}, not coded"),
                    ));
                }
            }
        }
        let Some(dating) = ArticleDate::choose(article.date, &self.args.dating.undated()) else {
            return Ok((Outcome::UndatedSkipped, "undated, skipped".into()));
        };
        article.date = dating.for_coder();
        if let Some(message) = cut_large_article(&mut article, self.args.limit.max_article_bytes) {
            summary.cut += 1;
            eprintln!("{message}");
        }
        self.code_and_store(&article, dating, store, names)
    }

    fn code_and_store(
        &self,
        article: &Article,
        dating: ArticleDate,
        store: &mut Store,
        names: &tidings_names::ActorNames,
    ) -> anyhow::Result<(Outcome, String)> {
        if store.contains(&ArticleMeta::from_article(article))? {
            return Ok((Outcome::AlreadyStored, "already stored".into()));
        }
        let coded = tidings_batch::code_article(
            self.coder,
            names,
            article,
            &dating,
            &CodeOptions::default(),
        );
        if coded.failed {
            eprintln!(
                "{}: the coder failed on this article; stored without events",
                coded.meta.origin
            );
        }
        let stats = store
            .ingest_batch(&[(coded.meta, coded.events)])
            .context("storing an article")?;
        for p in &stats.problems {
            eprintln!("{}: {}", p.origin, p.message);
        }
        if stats.articles_stored == 0 {
            return Ok((Outcome::AlreadyStored, "already stored".into()));
        }
        Ok((
            Outcome::Stored {
                events: stats.events_created,
                again: stats.events_mentioned_again,
            },
            "stored".into(),
        ))
    }

    fn language(&self) -> LanguageFilter {
        match self.args.language.as_str() {
            "any" | "all" => LanguageFilter::Any,
            code => LanguageFilter::Only(code.to_ascii_lowercase()),
        }
    }
}

/// `link` resolved against the feed's URL (feeds may give relative links).
fn absolute(base: &str, link: &str) -> String {
    match tidings_fetch::parse_url(base).map(|b| b.join(link.trim())) {
        Ok(Ok(url)) => url.to_string(),
        _ => link.trim().to_string(),
    }
}

impl Summary {
    fn print(&self, number: usize, store: &Store) -> anyhow::Result<()> {
        let total = store.summary()?;
        let now = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC");
        let mut out = std::io::stdout().lock();
        writeln!(out, "poll {number} ended {now}")?;
        writeln!(
            out,
            "  feeds read         {} of {}",
            self.feeds_read, self.feeds_listed
        )?;
        writeln!(
            out,
            "  items              {} ({} fetched before or listed twice, {} without a link)",
            self.items, self.seen_before, self.without_link
        )?;
        writeln!(out, "  new items          {}", self.new_items)?;
        writeln!(out, "  pages fetched      {}", self.fetched)?;
        writeln!(out, "  skipped by robots  {}", self.robots)?;
        writeln!(out, "  errors             {}", self.errors)?;
        writeln!(
            out,
            "  articles stored    {} (already stored {}, other language {}, undated skipped {}, cut {})",
            self.stored, self.already_stored, self.other_language, self.undated_skipped, self.cut
        )?;
        writeln!(
            out,
            "  events stored      {} (plus {} further mentions of known events)",
            self.events_added, self.events_again
        )?;
        writeln!(
            out,
            "  database           {} articles, {} events",
            total.articles, total.events
        )?;
        out.flush()?;
        Ok(())
    }
}
