//! Fetching web pages politely, for `tidings watch`.
//!
//! [`Fetcher::fetch`] GETs one `http` or `https` URL and gives back a [`Page`] (final URL,
//! content type, body) or a [`FetchError`] that says why not in words. On the way it:
//!
//! - asks the host's `robots.txt` ([`Robots`], RFC 9309), fetched once per origin and kept for a
//!   day (an unreachable one, which forbids everything, for ten minutes): the group naming the
//!   crawler's product token, else `*`; a 4xx answer allows everything, a 5xx or no answer
//!   nothing;
//! - waits until the host's last request ended at least [`Config::per_host_delay`] ago (or the
//!   `Crawl-delay` of its `robots.txt`, when longer, up to a minute);
//! - sends [`Config::user_agent`], bounds the whole request by [`Config::timeout`], the connection
//!   by at most ten seconds of it, follows at most [`Config::max_redirects`] redirects (each one
//!   checked against its host's `robots.txt` and rate limit) and reads at most
//!   [`Config::max_bytes`] of a body (as decoded: gzip is asked for and decoded here).
//!
//! Waits are cut short when the stop flag ([`Fetcher::new`]) is raised, giving
//! [`FetchError::Stopped`]. The transport is `ureq` (blocking, rustls with compiled-in roots).
//!
//! Not here: what a page means (feeds and web pages are read by `tidings-article`), which URLs
//! were fetched before (the store remembers that), retries.

mod robots;

pub use robots::Robots;

use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use url::Url;

/// The product token `robots.txt` groups are matched against.
pub const ROBOTS_TOKEN: &str = "tidings";

/// The User-Agent tidings sends unless told otherwise: name, version and where to read about it.
pub fn default_user_agent(version: &str, repository: &str) -> String {
    format!("tidings/{version} (+{repository})")
}

/// How politely and how far to fetch.
#[derive(Debug, Clone)]
pub struct Config {
    pub user_agent: String,
    /// The least time between the end of one request to a host and the start of the next.
    pub per_host_delay: Duration,
    /// The most a request may take, connection, headers and body together.
    pub timeout: Duration,
    /// The largest body read; a larger one is [`FetchError::TooLarge`].
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            user_agent: default_user_agent("0", "https://example.invalid/tidings"),
            per_host_delay: Duration::from_secs(2),
            timeout: Duration::from_secs(30),
            max_bytes: 10_000_000,
            max_redirects: 5,
        }
    }
}

/// A page fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The URL the body came from, after redirects.
    pub url: String,
    /// The media type, lower case, without parameters (`text/html`), when the server gave one.
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Page {
    /// Whether the page is HTML by its content type (no content type: by its first bytes).
    pub fn is_html(&self) -> bool {
        match self.content_type.as_deref() {
            Some(t) => t == "text/html" || t == "application/xhtml+xml",
            None => {
                let start = String::from_utf8_lossy(&self.body[..self.body.len().min(512)])
                    .trim_start()
                    .to_ascii_lowercase();
                start.starts_with("<!doctype html") || start.starts_with("<html")
            }
        }
    }
}

/// Why a URL was not fetched.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("not a URL tidings fetches: {0}")]
    BadUrl(String),
    #[error("disallowed by {0}")]
    Robots(String),
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error("larger than the size cap of {limit} bytes (--max-bytes); not read further")]
    TooLarge { limit: u64 },
    #[error("no complete answer within {0:?} (--timeout)")]
    Timeout(Duration),
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("{0}")]
    Network(String),
    #[error("stopped before the request")]
    Stopped,
}

/// What is known of one origin (`scheme://host:port`).
struct Origin {
    robots: Robots,
    robots_note: String,
    until: Instant,
}

/// A polite fetcher: one per process, so its robots and rate-limit state outlive a poll.
pub struct Fetcher {
    agent: ureq::Agent,
    config: Config,
    origins: HashMap<String, Origin>,
    /// When the last request to each host ended.
    last: HashMap<String, Instant>,
    stop: Arc<AtomicBool>,
}

impl Fetcher {
    /// A fetcher; raising `stop` cuts its waits short.
    pub fn new(config: Config, stop: Arc<AtomicBool>) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .user_agent(config.user_agent.as_str())
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_global(Some(config.timeout))
            .timeout_connect(Some(config.timeout.min(Duration::from_secs(10))))
            .build()
            .new_agent();
        Fetcher {
            agent,
            config,
            origins: HashMap::new(),
            last: HashMap::new(),
            stop,
        }
    }

    /// Fetches `url`: robots.txt, rate limit, redirects, caps (see the crate's overview).
    pub fn fetch(&mut self, url: &str) -> Result<Page, FetchError> {
        let mut current = parse_url(url)?;
        for _ in 0..=self.config.max_redirects {
            self.check_robots(&current)?;
            match self.request(&current)? {
                Answer::Redirect(to) => {
                    current = current
                        .join(&to)
                        .map_err(|e| FetchError::BadUrl(format!("redirect to {to:?}: {e}")))?;
                    check_scheme(&current)?;
                }
                Answer::Page(page) => return Ok(page),
            }
        }
        Err(FetchError::TooManyRedirects(self.config.max_redirects))
    }

    /// `Err(Robots)` when the origin's robots.txt forbids `url`.
    fn check_robots(&mut self, url: &Url) -> Result<(), FetchError> {
        let key = url.origin().ascii_serialization();
        let fresh = self
            .origins
            .get(&key)
            .is_some_and(|o| o.until > Instant::now());
        if !fresh {
            let origin = self.load_robots(url)?;
            self.origins.insert(key.clone(), origin);
        }
        let origin = &self.origins[&key];
        let mut path = url.path().to_string();
        if let Some(q) = url.query() {
            path.push('?');
            path.push_str(q);
        }
        if origin.robots.allows(&path) {
            Ok(())
        } else {
            Err(FetchError::Robots(origin.robots_note.clone()))
        }
    }

    fn load_robots(&mut self, url: &Url) -> Result<Origin, FetchError> {
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let mut current = robots_url.clone();
        let mut answer = Err(FetchError::TooManyRedirects(self.config.max_redirects));
        for _ in 0..=self.config.max_redirects {
            match self.request(&current) {
                Ok(Answer::Redirect(to)) => match current.join(&to) {
                    Ok(next) if check_scheme(&next).is_ok() => current = next,
                    _ => {
                        answer = Err(FetchError::BadUrl(to));
                        break;
                    }
                },
                other => {
                    answer = other;
                    break;
                }
            }
        }
        let day = Duration::from_secs(24 * 3600);
        let (robots, note, keep) = match answer {
            Ok(Answer::Page(page)) => (
                Robots::parse(&String::from_utf8_lossy(&page.body), ROBOTS_TOKEN),
                format!("{robots_url}"),
                day,
            ),
            Err(FetchError::Stopped) => return Err(FetchError::Stopped),
            Err(FetchError::Status(s)) if (400..500).contains(&s) => {
                (Robots::allow_all(), String::new(), day)
            }
            Err(e) => (
                Robots::disallow_all(),
                format!("{robots_url}, which could not be read ({e}): nothing on the host is fetched until it can"),
                Duration::from_secs(600),
            ),
            Ok(Answer::Redirect(_)) => unreachable!("redirects are followed above"),
        };
        Ok(Origin {
            robots,
            robots_note: note,
            until: Instant::now() + keep,
        })
    }

    /// One GET, after the host's wait; a redirect is handed back, not followed.
    fn request(&mut self, url: &Url) -> Result<Answer, FetchError> {
        let host = url.host_str().unwrap_or("").to_string();
        self.wait_for(&host, url)?;
        let result = self.get(url);
        self.last.insert(host, Instant::now());
        result
    }

    /// Sleeps until `host` may be asked again, in short naps so that `stop` is seen.
    fn wait_for(&self, host: &str, url: &Url) -> Result<(), FetchError> {
        let crawl_delay = self
            .origins
            .get(&url.origin().ascii_serialization())
            .and_then(|o| o.robots.crawl_delay)
            .map_or(Duration::ZERO, |d| d.min(Duration::from_secs(60)));
        let delay = self.config.per_host_delay.max(crawl_delay);
        if let Some(last) = self.last.get(host) {
            let ready = *last + delay;
            loop {
                if self.stop.load(Ordering::SeqCst) {
                    return Err(FetchError::Stopped);
                }
                let now = Instant::now();
                if now >= ready {
                    break;
                }
                std::thread::sleep((ready - now).min(Duration::from_millis(100)));
            }
        }
        if self.stop.load(Ordering::SeqCst) {
            return Err(FetchError::Stopped);
        }
        Ok(())
    }

    fn get(&self, url: &Url) -> Result<Answer, FetchError> {
        let response = self
            .agent
            .get(url.as_str())
            .header("Accept-Encoding", "gzip")
            .call()
            .map_err(|e| self.network_error(e))?;
        let status = response.status().as_u16();
        if (300..400).contains(&status) {
            if let Some(to) = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
            {
                return Ok(Answer::Redirect(to.to_string()));
            }
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let limit = self.config.max_bytes;
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .filter(|v| !v.is_empty());
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(FetchError::TooLarge { limit });
        }
        let gzip = response
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("gzip"));
        let raw = response
            .into_body()
            .into_with_config()
            .limit(u64::MAX)
            .reader();
        // the cap counts the bytes as decoded
        let reader: Box<dyn Read> = if gzip {
            Box::new(flate2::read::MultiGzDecoder::new(raw))
        } else {
            Box::new(raw)
        };
        let mut body = Vec::new();
        reader
            .take(limit + 1)
            .read_to_end(&mut body)
            .map_err(|e| self.io_error(e))?;
        if body.len() as u64 > limit {
            return Err(FetchError::TooLarge { limit });
        }
        Ok(Answer::Page(Page {
            url: url.to_string(),
            content_type,
            body,
        }))
    }

    fn network_error(&self, err: ureq::Error) -> FetchError {
        match err {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.config.timeout),
            ureq::Error::Io(e) => self.io_error(e),
            ureq::Error::HostNotFound => FetchError::Network("host not found".into()),
            ureq::Error::ConnectionFailed => FetchError::Network("connection failed".into()),
            other => FetchError::Network(other.to_string()),
        }
    }

    fn io_error(&self, err: std::io::Error) -> FetchError {
        let timed_out = matches!(
            err.kind(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
        ) || err
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>())
            .is_some_and(|e| matches!(e, ureq::Error::Timeout(_)));
        if timed_out {
            FetchError::Timeout(self.config.timeout)
        } else {
            FetchError::Network(format!("read error: {err}"))
        }
    }
}

enum Answer {
    Page(Page),
    Redirect(String),
}

/// `url` parsed, when it is an absolute `http` or `https` URL (its fragment dropped).
pub fn parse_url(url: &str) -> Result<Url, FetchError> {
    let mut parsed =
        Url::parse(url.trim()).map_err(|e| FetchError::BadUrl(format!("{url:?} ({e})")))?;
    parsed.set_fragment(None);
    check_scheme(&parsed)?;
    Ok(parsed)
}

fn check_scheme(url: &Url) -> Result<(), FetchError> {
    match url.scheme() {
        "http" | "https" if url.host_str().is_some() => Ok(()),
        "http" | "https" => Err(FetchError::BadUrl(format!("{url} has no host"))),
        other => Err(FetchError::BadUrl(format!(
            "{url} (scheme {other}: only http and https are fetched)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_are_fetched() {
        assert!(parse_url("https://example.org/a#top").is_ok());
        assert_eq!(
            parse_url("http://example.org/a#top").unwrap().as_str(),
            "http://example.org/a"
        );
        for bad in [
            "file:///etc/passwd",
            "ftp://x.org/a",
            "not a url",
            "/relative",
        ] {
            assert!(
                matches!(parse_url(bad), Err(FetchError::BadUrl(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn html_is_told_by_content_type_else_by_its_first_bytes() {
        let page = |t: Option<&str>, body: &str| Page {
            url: "http://x/".into(),
            content_type: t.map(str::to_string),
            body: body.as_bytes().to_vec(),
        };
        assert!(page(Some("text/html"), "").is_html());
        assert!(!page(Some("application/pdf"), "<html>").is_html());
        assert!(page(None, "  <!DOCTYPE html><html>").is_html());
        assert!(!page(None, "%PDF-1.4").is_html());
    }

    #[test]
    fn the_default_user_agent_names_tidings_its_version_and_repository() {
        assert_eq!(
            default_user_agent("0.1.0", "https://example.org/tidings"),
            "tidings/0.1.0 (+https://example.org/tidings)"
        );
    }
}
