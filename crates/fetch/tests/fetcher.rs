//! The fetcher against small HTTP servers on 127.0.0.1 that each test starts: redirects (bounded,
//! each hop checked against robots.txt, only http), what a missing or failing robots.txt means,
//! Crawl-delay, the size cap with and without Content-Length.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tidings_fetch::{Config, FetchError, Fetcher};

/// Status, headers and body of an answer.
type Answer = (u16, Vec<(&'static str, String)>, Vec<u8>);
type Route = fn(&str) -> Answer;
type Log = Arc<Mutex<Vec<(Instant, String)>>>;

/// Starts a server answering with `route`; returns its base URL and the log of (time, path).
fn start(route: Route) -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let server_log = Arc::clone(&log);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let log = Arc::clone(&server_log);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut first = String::new();
                reader.read_line(&mut first).ok();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                        break;
                    }
                }
                let path = first.split_whitespace().nth(1).unwrap_or("").to_string();
                log.lock().unwrap().push((Instant::now(), path.clone()));
                let (status, headers, body) = route(&path);
                let mut head = format!("HTTP/1.1 {status} X\r\nConnection: close\r\n");
                for (k, v) in headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let mut stream = stream;
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    (base, log)
}

fn fetcher(delay_ms: u64, max_bytes: u64) -> Fetcher {
    Fetcher::new(
        Config {
            per_host_delay: Duration::from_millis(delay_ms),
            timeout: Duration::from_secs(5),
            max_bytes,
            max_redirects: 3,
            ..Config::default()
        },
        Arc::new(AtomicBool::new(false)),
    )
}

fn html(body: &str) -> Answer {
    let b = body.as_bytes().to_vec();
    (
        200,
        vec![
            ("Content-Type", "text/html".into()),
            ("Content-Length", b.len().to_string()),
        ],
        b,
    )
}

fn redirect(to: &str) -> Answer {
    (
        301,
        vec![("Location", to.to_string()), ("Content-Length", "0".into())],
        Vec::new(),
    )
}

fn paths(log: &Mutex<Vec<(Instant, String)>>) -> Vec<String> {
    log.lock().unwrap().iter().map(|(_, p)| p.clone()).collect()
}

#[test]
fn redirects_are_followed_checked_against_robots_and_bounded() {
    let (base, log) = start(|path| match path {
        "/robots.txt" => html("User-agent: tidings\nDisallow: /closed/\n"),
        "/moved" => redirect("/news/a.html"),
        "/news/a.html" => html("<html><p>A</p></html>"),
        "/into-closed" => redirect("/closed/b.html"),
        "/to-ftp" => redirect("ftp://127.0.0.1/x"),
        "/loop" => redirect("/loop"),
        _ => (404, vec![("Content-Length", "0".into())], Vec::new()),
    });
    let mut f = fetcher(0, 1_000_000);
    let page = f.fetch(&format!("{base}/moved")).unwrap();
    assert_eq!(page.url, format!("{base}/news/a.html"));
    assert_eq!(page.content_type.as_deref(), Some("text/html"));
    assert!(page.is_html());
    assert!(matches!(
        f.fetch(&format!("{base}/into-closed")),
        Err(FetchError::Robots(_))
    ));
    assert!(matches!(
        f.fetch(&format!("{base}/to-ftp")),
        Err(FetchError::BadUrl(_))
    ));
    assert_eq!(
        f.fetch(&format!("{base}/loop")),
        Err(FetchError::TooManyRedirects(3))
    );
    assert_eq!(
        f.fetch(&format!("{base}/gone")),
        Err(FetchError::Status(404))
    );
    let p = paths(&log);
    assert!(!p.iter().any(|p| p.starts_with("/closed/")), "{p:?}");
    assert_eq!(
        p.iter().filter(|p| *p == "/robots.txt").count(),
        1,
        "robots.txt is cached"
    );
    assert_eq!(
        p.iter().filter(|p| *p == "/loop").count(),
        4,
        "the first request and 3 redirects"
    );
}

#[test]
fn a_missing_robots_txt_allows_all_and_a_failing_one_forbids_all() {
    let (open, _) = start(|path| match path {
        "/robots.txt" => (404, vec![("Content-Length", "0".into())], Vec::new()),
        _ => html("<html>ok</html>"),
    });
    let (failing, log) = start(|path| match path {
        "/robots.txt" => (503, vec![("Content-Length", "0".into())], Vec::new()),
        _ => html("<html>ok</html>"),
    });
    let mut f = fetcher(0, 1_000_000);
    assert!(f.fetch(&format!("{open}/any/page")).is_ok());
    match f.fetch(&format!("{failing}/any/page")) {
        Err(FetchError::Robots(why)) => assert!(why.contains("HTTP 503"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(paths(&log), vec!["/robots.txt"]);
}

#[test]
fn the_per_host_delay_and_a_longer_crawl_delay_are_kept() {
    let (base, log) = start(|path| match path {
        "/robots.txt" => html("User-agent: *\nCrawl-delay: 0.4\n"),
        _ => html("<html>ok</html>"),
    });
    let mut f = fetcher(100, 1_000_000);
    for n in 0..3 {
        f.fetch(&format!("{base}/p{n}")).unwrap();
    }
    let times: Vec<Instant> = log.lock().unwrap().iter().map(|(t, _)| *t).collect();
    assert_eq!(times.len(), 4);
    // robots.txt came before its Crawl-delay was known: the per-host delay alone
    assert!(times[1] - times[0] >= Duration::from_millis(100));
    for pair in times[1..].windows(2) {
        assert!(
            pair[1] - pair[0] >= Duration::from_millis(400),
            "{:?}",
            pair[1] - pair[0]
        );
    }
}

#[test]
fn bodies_over_the_cap_are_refused_with_or_without_content_length() {
    let (base, _) = start(|path| match path {
        "/robots.txt" => (404, vec![("Content-Length", "0".into())], Vec::new()),
        "/declared" => html(&"x".repeat(5000)),
        // no Content-Length: read until the connection closes, cut at the cap
        _ => (
            200,
            vec![("Content-Type", "text/html".into())],
            vec![b'y'; 5000],
        ),
    });
    let mut f = fetcher(0, 1000);
    for path in ["/declared", "/streamed"] {
        assert_eq!(
            f.fetch(&format!("{base}{path}")).unwrap_err(),
            FetchError::TooLarge { limit: 1000 },
            "{path}"
        );
    }
    let mut roomy = fetcher(0, 5000);
    assert_eq!(
        roomy.fetch(&format!("{base}/streamed")).unwrap().body.len(),
        5000
    );
}

#[test]
fn gzip_bodies_are_decoded_and_capped_as_decoded() {
    fn gzipped(n: usize) -> Answer {
        use std::io::Write as _;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&vec![b'z'; n]).unwrap();
        let body = enc.finish().unwrap();
        (
            200,
            vec![
                ("Content-Type", "text/html".into()),
                ("Content-Encoding", "gzip".into()),
                ("Content-Length", body.len().to_string()),
            ],
            body,
        )
    }
    let (base, _) = start(|path| match path {
        "/robots.txt" => (404, vec![("Content-Length", "0".into())], Vec::new()),
        "/small" => gzipped(900),
        _ => gzipped(100_000),
    });
    let mut f = fetcher(0, 1000);
    assert_eq!(
        f.fetch(&format!("{base}/small")).unwrap().body,
        vec![b'z'; 900]
    );
    assert_eq!(
        f.fetch(&format!("{base}/bomb")).unwrap_err(),
        FetchError::TooLarge { limit: 1000 }
    );
}
