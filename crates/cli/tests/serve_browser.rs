//! The dashboard in a real browser: the allsides-world articles that name both China and North
//! Korea are ingested, `tidings serve` serves them, and Debian's headless `chromium`, driven through
//! `chromedriver`, picks CHN and PRK, sees the chart's points, clicks one, sees an evidence sentence
//! in the period's events, opens "why?", and saves a screenshot.
//!
//! `TIDINGS_BROWSER_TEST=required` (as `.ci/run` sets it) makes a missing `chromium` or
//! `chromedriver` a failure; `skip` skips; otherwise the test skips, saying so, when either is
//! missing. `TIDINGS_SCREENSHOT=PATH` says where the screenshot goes (default: the target
//! directory's `dashboard.png`).

mod common;
mod webdriver;

use common::{shared, tidings};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use webdriver::Session;

/// A child process ended when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// The browser and its driver, or why the test cannot run.
fn tools() -> Result<(PathBuf, PathBuf), String> {
    let browser = ["chromium", "chromium-browser"]
        .iter()
        .find_map(|n| on_path(n))
        .ok_or("no `chromium` on PATH (apt-get install chromium)")?;
    let driver = on_path("chromedriver")
        .ok_or("no `chromedriver` on PATH (apt-get install chromium-driver)")?;
    Ok((browser, driver))
}

/// Writes the allsides-world articles naming both China and North Korea to `dir` (those with a
/// date: an undated one would be dated the day of the run).
fn china_korea_articles(dir: &Path) -> PathBuf {
    let corpus = shared().join("corpus/allsides-world/articles.jsonl");
    let file = std::fs::File::open(&corpus).unwrap_or_else(|e| panic!("{}: {e}", corpus.display()));
    let path = dir.join("chn-prk.jsonl");
    let mut out = std::fs::File::create(&path).unwrap();
    let mut n = 0;
    for line in BufReader::new(file).lines() {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let text = v["text"].as_str().unwrap_or("");
        let dated = v["date"].as_str().is_some_and(|d| !d.is_empty());
        if dated
            && text.contains("China")
            && (text.contains("North Korea") || text.contains("Pyongyang"))
        {
            writeln!(out, "{line}").unwrap();
            n += 1;
        }
    }
    assert!(n > 50, "only {n} articles name China and North Korea");
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `tidings serve` on a free loopback port; returns it with its base URL.
fn serve(db: &Path) -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start tidings serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split("listening on ")
        .nth(1)
        .unwrap_or_else(|| panic!("tidings serve said: {line}"))
        .trim()
        .to_string();
    (Running(child), url)
}

/// Starts chromedriver and waits until it answers.
fn driver(path: &Path) -> (Running, u16) {
    let port = free_port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Running(child), port)
}

#[test]
fn pick_china_and_north_korea_click_a_point_and_read_the_evidence() {
    let mode = std::env::var("TIDINGS_BROWSER_TEST").unwrap_or_default();
    if mode == "skip" {
        eprintln!("serve_browser: skipped (TIDINGS_BROWSER_TEST=skip)");
        return;
    }
    let (browser, driver_path) = match tools() {
        Ok(t) => t,
        Err(why) if mode == "required" => panic!("the browser test cannot run: {why}"),
        Err(why) => {
            eprintln!("serve_browser: skipped: {why}");
            return;
        }
    };

    let dir = tempfile::tempdir().unwrap();
    let articles = china_korea_articles(dir.path());
    let db = dir.path().join("chn-prk.db");
    let out = tidings(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        articles.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "ingest: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (_server, url) = serve(&db);
    let (_driver, port) = driver(&driver_path);
    let session =
        Session::chromium(port, browser.to_str().unwrap()).expect("a headless chromium session");
    let mut shot = None;
    let result = drive(&session, &url, &mut shot);
    let shot = shot.map_or_else(|| session.screenshot(), Ok);
    session.quit();
    let path = std::env::var_os("TIDINGS_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("dashboard.png"));
    let png = shot.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
    std::fs::write(&path, &png).unwrap();
    eprintln!("serve_browser: screenshot saved to {}", path.display());
    let evidence =
        result.unwrap_or_else(|e| panic!("in the browser: {e} (screenshot: {})", path.display()));
    eprintln!("serve_browser: evidence listed: {evidence}");
}

/// The person's steps; returns the first evidence sentence listed, and puts in `shot` a
/// screenshot of the chart and the period's events.
fn drive(s: &Session, url: &str, shot: &mut Option<Vec<u8>>) -> Result<String, String> {
    let wait = Duration::from_secs(30);
    s.goto(url)?;
    s.wait_for("#stats", wait, |s, e| {
        s.text(e).is_ok_and(|t| t.contains("events from"))
    })?;
    s.type_into(&s.wait_for("#actor-a", wait, |_, _| true)?, "CHN")?;
    s.type_into(&s.wait_for("#actor-b", wait, |_, _| true)?, "PRK")?;
    s.click(&s.wait_for("#show", wait, |_, _| true)?)?;
    s.wait_for("#chart-svg circle.point", wait, |_, _| true)?;
    // The busiest point first; if a point cannot be clicked, the next.
    let mut points = Vec::new();
    for p in s.find_all("#chart-svg circle.point")? {
        let events: u64 = s
            .attr(&p, "data-events")?
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        points.push((events, p));
    }
    points.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    let mut clicked = Err("the chart has no point".to_string());
    for (_, p) in &points {
        clicked = s.click(p).and_then(|_| s.attr(p, "data-period"));
        if clicked.is_ok() {
            break;
        }
    }
    let period = clicked
        .map_err(|e| format!("no point of the chart could be clicked: {e}"))?
        .ok_or("the clicked point has no data-period")?;
    s.wait_for("#events-title", wait, |s, e| {
        s.text(e).is_ok_and(|t| t.ends_with(&period))
    })?;
    let evidence = s.wait_for("#events li .evidence", wait, |s, e| {
        s.text(e).is_ok_and(|t| t.split_whitespace().count() >= 4)
    })?;
    let sentence = s.text(&evidence)?;
    let meta = s.text(&s.wait_for("#events li .meta", wait, |_, _| true)?)?;
    if !(meta.contains("(CHN") && meta.contains("(PRK")) {
        return Err(format!(
            "the first event listed is not between CHN and PRK: {meta}"
        ));
    }
    *shot = Some(s.screenshot()?);
    // "why?" explains the first event of the period.
    s.click(&s.wait_for("#events li button.why", wait, |_, _| true)?)?;
    s.wait_for("#explain p", wait, |s, e| {
        s.text(e).is_ok_and(|t| t.starts_with("CAMEO "))
    })?;
    Ok(sentence)
}
