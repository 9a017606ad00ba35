//! Inputs as users bring them: folders, gzip, HTML pages, WARC archives (whole, truncated,
//! corrupt), RSS/Atom feeds, news-please JSON Lines, other languages; and `tidings extract`,
//! whose JSON Lines `code` reads back to the same events.

mod common;
use common::{events, shared, tidings};
use std::io::Write;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn article_ids(out: &std::process::Output) -> Vec<String> {
    let mut ids: Vec<String> = events(out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

const STORY: &str = "China praised North Korea on Saturday. The Chinese foreign minister met the North Korean ambassador in Beijing.";

fn jsonl(id: &str) -> String {
    format!("{{\"id\": \"{id}\", \"title\": \"Talks\", \"date\": \"2020-10-11\", \"text\": \"{STORY}\"}}\n")
}

/// A page as news sites write them: navigation, the article, related links, a footer.
fn page(title: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>{title} | The Daily</title>
<meta property="article:published_time" content="2020-10-11T08:00:00Z">
<meta property="og:site_name" content="The Daily"></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p>{body}</p>
<p>Officials in Beijing said the meeting lasted two hours and that the two sides agreed to keep talking about trade, the border and the return of workers.</p></article>
<aside class="related"><a href="/a">Other story one</a><a href="/b">Other story two</a></aside>
<footer>Copyright The Daily. All rights reserved.</footer></body></html>"#
    )
}

#[test]
fn a_folder_is_read_recursively_with_gzip_by_magic_and_bad_files_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.jsonl", jsonl("first").as_bytes());
    // gzip recognised by its bytes, not by its name
    write(dir.path(), "sub/b.data", &gzip(jsonl("second").as_bytes()));
    write(
        dir.path(),
        "sub/deeper/c.jsonl.gz",
        &gzip(jsonl("third").as_bytes()),
    );
    write(
        dir.path(),
        "sub/bad.jsonl",
        b"{\"id\": \"broken\", \"text\": \n",
    );
    let out = tidings(&["code", dir.path().to_str().unwrap()]);
    assert_eq!(
        article_ids(&out),
        ["first", "second", "third"],
        "{}",
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("sub/bad.jsonl:1: bad JSON"), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn ingest_stores_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input, "a.jsonl", jsonl("first").as_bytes());
    write(&input, "b/c.html", page("Envoys meet", STORY).as_bytes());
    let db = dir.path().join("t.db");
    let out = tidings(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let query = tidings(&["query", "--db", db.to_str().unwrap(), "--format", "jsonl"]);
    let stored = String::from_utf8_lossy(&query.stdout);
    assert!(stored.lines().count() >= 2, "{stored}");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["code", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&gzip(jsonl("piped").as_bytes()))
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(article_ids(&out), ["piped"], "{}", stderr(&out));
}

#[test]
fn a_web_page_is_coded_from_its_main_text_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "story.html",
        page("Envoys meet", STORY).as_bytes(),
    );
    let out = tidings(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["date"], "2020-10-11");
    assert_eq!(record["site"], "The Daily");
    assert_eq!(record["language"], "eng");
    let text = record["text"].as_str().unwrap();
    assert!(text.starts_with("China praised North Korea"), "{text}");
    for junk in ["Home", "Other story", "Copyright", "<"] {
        assert!(!text.contains(junk), "{junk} in {text}");
    }
    let coded = tidings(&["code", path.to_str().unwrap()]);
    let ev = events(&coded);
    assert!(!ev.is_empty(), "{}", stderr(&coded));
    assert!(ev
        .iter()
        .all(|e| e["date"].as_str().unwrap().starts_with("2020-10")));
}

#[test]
fn extract_output_is_read_back_by_code_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    write(&pages, "a.html", page("Envoys meet", STORY).as_bytes());
    write(&pages, "b.html", page("Second", "Russia condemned Ukraine on Friday. Russian officials accused the Ukrainian government of shelling.").as_bytes());
    let extracted = tidings(&["extract", pages.to_str().unwrap()]);
    let jsonl = write(dir.path(), "articles.jsonl", &extracted.stdout);
    let from_pages = tidings(&["code", pages.to_str().unwrap()]);
    let from_jsonl = tidings(&["code", jsonl.to_str().unwrap()]);
    assert!(!from_pages.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&from_pages.stdout),
        String::from_utf8_lossy(&from_jsonl.stdout)
    );
    let again = tidings(&["extract", jsonl.to_str().unwrap()]);
    assert_eq!(
        again.stdout, extracted.stdout,
        "extract of extract is the same"
    );
}

#[test]
fn json_lines_field_names_can_be_given() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("{{\"filename\": \"np1\", \"title\": \"Talks\", \"date_publish\": \"2020-10-11 08:00:00\", \"maintext\": \"{STORY}\"}}\n");
    let path = write(dir.path(), "np.jsonl", line.as_bytes());
    let refused = tidings(&["code", path.to_str().unwrap()]);
    assert!(
        stderr(&refused).contains("--text-field"),
        "{}",
        stderr(&refused)
    );
    let out = tidings(&[
        "code",
        "--text-field",
        "maintext",
        "--date-field",
        "date_publish",
        "--id-field",
        "filename",
        path.to_str().unwrap(),
    ]);
    assert_eq!(article_ids(&out), ["np1"], "{}", stderr(&out));
    assert!(events(&out)
        .iter()
        .all(|e| e["date"].as_str().unwrap().starts_with("2020-10")));
}

#[test]
fn other_languages_are_counted_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let french = "{\"id\": \"fr\", \"text\": \"La Chine a salué la Corée du Nord samedi. Le ministre chinois des affaires étrangères a rencontré l'ambassadeur nord-coréen à Pékin.\"}\n";
    let path = write(
        dir.path(),
        "mixed.jsonl",
        format!("{}{french}", jsonl("en")).as_bytes(),
    );
    let out = tidings(&["code", path.to_str().unwrap()]);
    assert_eq!(article_ids(&out), ["en"]);
    let err = stderr(&out);
    assert!(
        err.contains("1 articles skipped as not English (fra 1)"),
        "{err}"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "skipping by language is not an error"
    );
    let all = tidings(&["code", "--language", "any", path.to_str().unwrap()]);
    assert!(stderr(&all).contains("2 articles"), "{}", stderr(&all));
}

#[test]
fn feeds_are_lists_of_articles() {
    let dir = tempfile::tempdir().unwrap();
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Envoys meet</title><link>https://w.example/1</link><pubDate>Sun, 11 Oct 2020 08:00:00 GMT</pubDate><description>{STORY}</description></item>
<item><title>Second</title><link>https://w.example/2</link><pubDate>Mon, 12 Oct 2020 08:00:00 GMT</pubDate><description>&lt;p&gt;Russia condemned Ukraine on Monday.&lt;/p&gt;</description></item>
</channel></rss>"#
    );
    let path = write(dir.path(), "wire.xml", rss.as_bytes());
    let out = tidings(&["extract", path.to_str().unwrap()]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{}", stderr(&out));
    assert_eq!(lines[0]["url"], "https://w.example/1");
    assert_eq!(lines[1]["date"], "2020-10-12");
    assert_eq!(lines[1]["text"], "Russia condemned Ukraine on Monday.");
    let coded = tidings(&["code", path.to_str().unwrap()]);
    assert!(events(&coded)
        .iter()
        .all(|e| !e["sentence"].to_string().contains("<")));
}

/// A WARC record with `block` as its content.
fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-10-12T10:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(html: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}").into_bytes()
}

fn response(n: usize) -> Vec<u8> {
    let body = page(&format!("Story {n}"), STORY);
    warc_record(
        "response",
        &format!("https://news.example/{n}"),
        "application/http; msgtype=response",
        &http_response(&body),
    )
}

#[test]
fn warc_responses_are_pages_and_other_records_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let mut warc = warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    );
    warc.extend(response(1));
    warc.extend(warc_record(
        "request",
        "https://news.example/2",
        "application/http; msgtype=request",
        b"GET /2 HTTP/1.1\r\n\r\n",
    ));
    warc.extend(response(2));
    // one gzip member per record, as Common Crawl writes them
    let members: Vec<u8> = [gzip(&warc[..warc.len() / 2]), gzip(&warc[warc.len() / 2..])].concat();
    let path = write(dir.path(), "crawl.warc.gz", &members);
    let out = tidings(&["extract", path.to_str().unwrap()]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{}", stderr(&out));
    assert_eq!(lines[0]["url"], "https://news.example/1");
    assert_eq!(lines[1]["url"], "https://news.example/2");
    assert_eq!(
        lines[0]["date"], "2020-10-11",
        "the page's own date before the crawl date"
    );
    let err = stderr(&out);
    assert!(
        err.contains("2 WARC records skipped (not HTML responses: request 1, warcinfo 1)"),
        "{err}"
    );
}

#[test]
fn a_corrupt_record_and_a_truncated_archive_are_named_with_their_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let first = response(1);
    let mut corrupt = response(2);
    // a Content-Length that is not a number
    let at = corrupt
        .windows(15)
        .position(|w| w == b"Content-Length:")
        .unwrap();
    corrupt[at + 16] = b'x';
    let third = response(3);
    let mut warc = first.clone();
    warc.extend(&corrupt);
    warc.extend(&third);
    let path = write(dir.path(), "corrupt.warc", &warc);
    let out = tidings(&["extract", path.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: WARC record 2 at byte offset {}: no valid Content-Length",
            path.display(),
            first.len()
        )),
        "{err}"
    );
    let urls: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["url"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        urls,
        ["https://news.example/1", "https://news.example/3"],
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
    // and `code` codes the two good records, naming the bad one
    let out = tidings(&["code", path.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("WARC record 2 at byte offset"), "{err}");
    assert_eq!(article_ids(&out).len(), 2, "records 1 and 3 coded: {err}");
    assert!(err.contains("tidings: 2 articles"), "{err}");
    assert_eq!(out.status.code(), Some(1));

    // cut a gzip archive of three records in the middle of its last record
    let mut whole = first.clone();
    whole.extend(response(2));
    whole.extend(&third);
    let gz = [gzip(&first), gzip(&response(2)), gzip(&third)].concat();
    let cut = &gz[..gz.len() - 200];
    let path = write(dir.path(), "cut.warc.gz", cut);
    let out = tidings(&["extract", path.to_str().unwrap()]);
    let err = stderr(&out);
    let third_start = whole.len() - third.len();
    assert!(
        err.contains(&format!(
            "{}: WARC record 3 at byte offset {third_start}",
            path.display()
        )),
        "{err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        2,
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn every_warc_file_of_the_corpus_is_read() {
    let dir = shared().join("corpus/warc");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".warc"))
        .collect();
    files.sort();
    for file in files {
        let out = tidings(&["extract", file.to_str().unwrap()]);
        let err = stderr(&out);
        assert!(
            !err.contains("not a WARC record header"),
            "{}: {err}",
            file.display()
        );
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("zyte") {
            let n = String::from_utf8_lossy(&out.stdout).lines().count();
            assert_eq!(n, 181, "{err}");
        }
    }
}

#[test]
fn all_181_benchmark_pages_are_coded_without_markup_in_evidence() {
    let dir = shared().join("corpus/html-zyte/html");
    let out = tidings(&["code", "--language", "any", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("tidings: 181 articles"), "{err}");
    assert!(err.contains(" 0 skipped records"), "{err}");
    let tag = regex::Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*[\s>/]|&[a-z]+;").unwrap();
    for event in events(&out) {
        let sentence = event["sentence"].as_str().unwrap_or("");
        assert!(!tag.is_match(sentence), "markup in evidence: {sentence}");
    }
}
