//! `tidings watch --once` against a small HTTP server on 127.0.0.1 that this test starts: a
//! robots.txt that disallows one folder, an RSS and an Atom feed, good article pages, and pages
//! that fail (404, too slow, too large, not HTML), one URL listed in both feeds. Run twice: the
//! second run sees one more item. The server logs every request with its time and User-Agent.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Logged {
    run: usize,
    at: Instant,
    path: String,
    user_agent: String,
}

struct Server {
    port: u16,
    log: Arc<Mutex<Vec<Logged>>>,
    run: Arc<AtomicUsize>,
}

const DELAY: Duration = Duration::from_millis(300);

fn page(title: &str, date: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title>\
         <meta property=\"article:published_time\" content=\"{date}T09:00:00Z\">\
         <meta property=\"og:site_name\" content=\"Test Wire\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>{title}</h1>\n{body}</article>\
         <footer>Copyright Test Wire. All rights reserved.</footer></body></html>"
    )
}

fn abe_moon() -> String {
    page(
        "Abe and Moon meet in Tokyo",
        "2019-06-28",
        &[
            "Japanese Prime Minister Shinzo Abe met South Korean President Moon Jae-in in Tokyo on Friday.",
            "The two leaders spent an hour on trade and on the future of talks with North Korea, officials of both governments said after the meeting.",
            "Abe told reporters that the talks had been useful and that both sides wanted to keep meeting in the months ahead.",
        ],
    )
}

fn merkel_macron() -> String {
    page(
        "Merkel praises Macron in Berlin",
        "2018-05-15",
        &[
            "German Chancellor Angela Merkel praised French President Emmanuel Macron in Berlin on Tuesday.",
            "Merkel said the French plans for the euro zone deserved a serious answer from Germany, and the two agreed to present joint proposals in June.",
            "Macron thanked the chancellor and said that Europe needed both countries to move together on defence and migration.",
        ],
    )
}

fn xi_kenyatta() -> String {
    page(
        "Xi hosts Kenyatta in Beijing",
        "2019-04-22",
        &[
            "Chinese President Xi Jinping hosted Kenyan President Uhuru Kenyatta in Beijing on Monday.",
            "The two presidents signed agreements on a railway and on trade, according to a statement released after the talks by the Kenyan side.",
            "Kenyatta said Kenya valued its ties with China and wanted more of its goods sold in Chinese markets.",
        ],
    )
}

fn rss(run: usize) -> String {
    let mut items = vec![
        "/news/abe-moon.html",
        "/private/secret.html",
        "/news/missing.html",
        "/news/huge.html",
        "/news/report.pdf",
    ];
    if run == 2 {
        items.push("/news/xi-kenyatta.html");
    }
    let items: String = items
        .iter()
        .map(|p| format!("<item><title>Item {p}</title><link>{p}</link><description>Summary of {p}.</description></item>\n"))
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Wire World</title><link>/</link>\n{items}</channel></rss>")
}

fn signal_rss() -> String {
    let items: String = [
        "/news/slow-ok.html",
        "/news/abe-moon.html",
        "/news/merkel-macron.html",
    ]
    .iter()
    .map(|p| format!("<item><title>Item {p}</title><link>{p}</link></item>\n"))
    .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Signals</title>\n{items}</channel></rss>")
}

fn atom(port: u16) -> String {
    let entry = |path: &str| {
        format!("<entry><title>Entry {path}</title><id>urn:{path}</id><link href=\"http://127.0.0.1:{port}{path}\"/><updated>2019-06-28T00:00:00Z</updated><summary>About {path}.</summary></entry>\n")
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Test Wire Europe</title><id>urn:europe</id><updated>2019-06-28T00:00:00Z</updated>\n{}{}{}</feed>",
        entry("/news/merkel-macron.html"),
        entry("/news/abe-moon.html"),
        entry("/news/too-slow.html"),
    )
}

/// The response to `path`: status, content type, body, whether to send Content-Length, and how
/// long to wait first.
fn respond(path: &str, run: usize, port: u16) -> (u16, &'static str, Vec<u8>, bool, Duration) {
    let html = "text/html; charset=utf-8";
    let now = Duration::ZERO;
    match path {
        "/robots.txt" => (
            200,
            "text/plain",
            b"User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n".to_vec(),
            true,
            now,
        ),
        "/world.rss" => (200, "application/rss+xml", rss(run).into_bytes(), true, now),
        "/europe.atom" => (
            200,
            "application/atom+xml",
            atom(port).into_bytes(),
            true,
            now,
        ),
        "/news/abe-moon.html" => (200, html, abe_moon().into_bytes(), true, now),
        "/news/merkel-macron.html" => (200, html, merkel_macron().into_bytes(), true, now),
        "/news/xi-kenyatta.html" => (200, html, xi_kenyatta().into_bytes(), true, now),
        "/private/secret.html" => (200, html, abe_moon().into_bytes(), true, now),
        // no Content-Length: the cap is met while reading
        "/news/huge.html" => (
            200,
            html,
            "<p>word </p>".repeat(5000).into_bytes(),
            false,
            now,
        ),
        "/news/report.pdf" => (
            200,
            "application/pdf",
            b"%PDF-1.4 not a page".to_vec(),
            true,
            now,
        ),
        "/signal.rss" => (
            200,
            "application/rss+xml",
            signal_rss().into_bytes(),
            true,
            now,
        ),
        "/news/slow-ok.html" => (
            200,
            html,
            xi_kenyatta().into_bytes(),
            true,
            Duration::from_secs(1),
        ),
        "/news/too-slow.html" => (
            200,
            html,
            merkel_macron().into_bytes(),
            true,
            Duration::from_secs(3),
        ),
        _ => (404, "text/plain", b"not found".to_vec(), true, now),
    }
}

fn serve(stream: TcpStream, server: (Arc<Mutex<Vec<Logged>>>, Arc<AtomicUsize>, u16)) {
    let (log, run, port) = server;
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("user-agent") {
                user_agent = v.trim().to_string();
            }
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .to_string();
    let run = run.load(Ordering::SeqCst);
    log.lock().unwrap().push(Logged {
        run,
        at: Instant::now(),
        path: path.clone(),
        user_agent,
    });
    let (status, content_type, body, length, wait) = respond(&path, run, port);
    std::thread::sleep(wait);
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nConnection: close\r\n"
    );
    if length {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut stream = stream;
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let log = Arc::new(Mutex::new(Vec::new()));
    let run = Arc::new(AtomicUsize::new(1));
    let shared = (Arc::clone(&log), Arc::clone(&run), port);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let shared = shared.clone();
            std::thread::spawn(move || serve(stream, shared));
        }
    });
    Server { port, log, run }
}

fn watch(feeds: &Path, db: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args([
            "watch",
            feeds.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--once",
        ])
        .args([
            "--per-host-delay",
            "0.3",
            "--timeout",
            "1",
            "--max-bytes",
            "20000",
        ])
        .output()
        .expect("run tidings watch")
}

fn stored_urls(db: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args([
            "query",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "jsonl",
            "--limit",
            "1000",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut urls: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v["SOURCEURL"].as_str()?.to_string())
        })
        .collect();
    urls.sort();
    urls.dedup();
    urls
}

#[test]
fn watch_fetches_politely_stores_the_good_pages_and_never_fetches_a_url_twice() {
    let server = start();
    let dir = tempfile::tempdir().unwrap();
    let feeds = dir.path().join("feeds.txt");
    let base = format!("http://127.0.0.1:{}", server.port);
    std::fs::write(
        &feeds,
        format!("# test feeds\n{base}/world.rss\n\n{base}/europe.atom\nftp://example.org/feed\n"),
    )
    .unwrap();
    let db = dir.path().join("w.db");

    let first = watch(&feeds, &db);
    let (out1, err1) = (
        String::from_utf8_lossy(&first.stdout).to_string(),
        String::from_utf8_lossy(&first.stderr).to_string(),
    );
    eprintln!("run 1 stdout:\n{out1}\nrun 1 stderr:\n{err1}");
    assert_eq!(first.status.code(), Some(1), "failures give exit status 1");
    // each failure is reported with its URL and reason, and the rest goes on
    for expected in [
        format!("{base}/news/missing.html: the server answered HTTP 404"),
        format!("{base}/news/huge.html: larger than the size cap of 20000 bytes"),
        format!("{base}/news/report.pdf: not a web page (content type application/pdf)"),
        format!("{base}/news/too-slow.html: no complete answer within"),
        format!("{base}/private/secret.html: skipped: disallowed by {base}/robots.txt"),
        format!("{}:5: not a URL tidings fetches", feeds.display()),
    ] {
        assert!(err1.contains(&expected), "stderr lacks {expected:?}");
    }
    assert!(out1.contains("feeds read         2 of 3"), "{out1}");
    assert!(out1.contains("skipped by robots  1"), "{out1}");
    assert!(out1.contains("errors             5"), "{out1}");
    assert!(out1.contains("articles stored    2 "), "{out1}");
    assert_eq!(
        stored_urls(&db),
        vec![
            format!("{base}/news/abe-moon.html"),
            format!("{base}/news/merkel-macron.html")
        ],
        "the events' source URLs are the good pages"
    );

    server.run.store(2, Ordering::SeqCst);
    let second = watch(&feeds, &db);
    let (out2, err2) = (
        String::from_utf8_lossy(&second.stdout).to_string(),
        String::from_utf8_lossy(&second.stderr).to_string(),
    );
    eprintln!("run 2 stdout:\n{out2}\nrun 2 stderr:\n{err2}");
    // the one item added, and the disallowed one (never fetched, so new again; robots.txt skips it)
    assert!(out2.contains("new items          2"), "{out2}");
    assert!(out2.contains("pages fetched      1"), "{out2}");
    assert!(out2.contains("skipped by robots  1"), "{out2}");
    assert!(out2.contains("articles stored    1 "), "{out2}");
    assert_eq!(stored_urls(&db).len(), 3);

    let log = server.log.lock().unwrap().clone();
    // the disallowed page is never requested
    assert!(
        log.iter().all(|r| !r.path.starts_with("/private/")),
        "{log:?}"
    );
    // no page is requested twice across the two runs; feeds and robots.txt once per run
    for path in [
        "/news/abe-moon.html",
        "/news/merkel-macron.html",
        "/news/missing.html",
        "/news/huge.html",
        "/news/report.pdf",
        "/news/too-slow.html",
        "/news/xi-kenyatta.html",
    ] {
        let n = log.iter().filter(|r| r.path == path).count();
        assert_eq!(n, 1, "{path} requested {n} times");
    }
    for path in ["/robots.txt", "/world.rss", "/europe.atom"] {
        for run in [1, 2] {
            let n = log
                .iter()
                .filter(|r| r.path == path && r.run == run)
                .count();
            assert_eq!(n, 1, "{path} requested {n} times in run {run}");
        }
    }
    // the per-host delay holds between any two requests of a run
    for run in [1, 2] {
        let mut times: Vec<Instant> = log.iter().filter(|r| r.run == run).map(|r| r.at).collect();
        times.sort();
        for pair in times.windows(2) {
            let gap = pair[1] - pair[0];
            assert!(
                gap >= DELAY,
                "run {run}: two requests {gap:?} apart, less than {DELAY:?}"
            );
        }
    }
    // every request names tidings and its version
    let agent = format!("tidings/{} (+", env!("CARGO_PKG_VERSION"));
    assert!(
        log.iter().all(|r| r.user_agent.starts_with(&agent)),
        "{log:?}"
    );
}

#[test]
fn a_signal_ends_watch_after_the_article_in_flight() {
    let server = start();
    let dir = tempfile::tempdir().unwrap();
    let feeds = dir.path().join("feeds.txt");
    std::fs::write(
        &feeds,
        format!("http://127.0.0.1:{}/signal.rss\n", server.port),
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args([
            "watch",
            feeds.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .args(["--per-host-delay", "0.2", "--timeout", "5"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // wait until the slow page (answered after 1 s) is being fetched, then signal
    let started = Instant::now();
    while !server
        .log
        .lock()
        .unwrap()
        .iter()
        .any(|r| r.path == "/news/slow-ok.html")
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the slow page was never requested"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stderr.contains("stopped by a signal"), "{stderr}");
    assert!(stdout.contains("articles stored    1 "), "{stdout}");
    // the article in flight is stored, the ones after it are not fetched
    assert_eq!(
        stored_urls(&db),
        vec![format!(
            "http://127.0.0.1:{}/news/slow-ok.html",
            server.port
        )]
    );
    let log = server.log.lock().unwrap();
    assert!(
        !log.iter().any(|r| r.path == "/news/abe-moon.html"),
        "{log:?}"
    );
}
