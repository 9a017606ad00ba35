//! `--max-article-bytes`: a record larger than the limit is cut to it, with a message naming the
//! record and its size, for `code` and `ingest`; the exit status is then 1.

mod common;
use common::{events, tidings};
use std::path::{Path, PathBuf};

/// Line 1 is small; line 2 is about 4 KB, with one event at its start and one at its end.
fn input(dir: &Path) -> PathBuf {
    let small = r#"{"id": "small", "date": "2020-10-11", "text": "China praised North Korea on Saturday."}"#;
    let filler = "The talks went on for hours in the capital. ".repeat(90);
    let large = serde_json::json!({
        "id": "large",
        "date": "2020-10-11",
        "text": format!("China praised North Korea on Saturday. {filler}Russia attacked Ukraine on Sunday."),
    });
    let path = dir.join("large.jsonl");
    std::fs::write(&path, format!("{small}\n{large}\n")).unwrap();
    path
}

#[test]
fn code_cuts_a_large_record_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = input(dir.path());
    let whole = tidings(&["code", path.to_str().unwrap()]);
    assert_eq!(whole.status.code(), Some(0), "under the default limit");
    let sources = |out| -> Vec<String> {
        events(out)
            .iter()
            .filter(|e| e["article_id"] == "large")
            .map(|e| e["source"]["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(sources(&whole).iter().any(|s| s.starts_with("RUS")));

    let cut = tidings(&[
        "code",
        "--max-article-bytes",
        "1000",
        path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&cut.stderr);
    let size = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .len();
    assert!(
        stderr.contains(&format!("{}:2: record of ", path.display()))
            && stderr.contains("--max-article-bytes 1000"),
        "names file, line and limit: {stderr}"
    );
    let reported: usize = stderr
        .split("record of ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(
        reported > 3900 && reported < size,
        "the record's size: {stderr}"
    );
    let kept = sources(&cut);
    assert!(kept.iter().any(|s| s.starts_with("CHN")), "{kept:?}");
    assert!(!kept.iter().any(|s| s.starts_with("RUS")), "{kept:?}");
    assert!(events(&cut).iter().any(|e| e["article_id"] == "small"));
    assert_eq!(
        cut.status.code(),
        Some(1),
        "a cut record makes the exit status 1"
    );
}

#[test]
fn ingest_cuts_a_large_record_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = input(dir.path());
    let db = dir.path().join("t.db");
    let out = tidings(&[
        "ingest",
        "--max-article-bytes",
        "1000",
        "--db",
        db.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2: record of ", path.display())),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("records cut          1"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));
    let query = tidings(&["query", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    let stored = String::from_utf8_lossy(&query.stdout);
    assert!(
        stored.contains("\"CHN") && !stored.contains("\"RUS"),
        "{stored}"
    );
}

#[test]
fn a_limit_of_zero_is_refused() {
    let out = tidings(&["code", "--max-article-bytes", "0", "x.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("number of bytes above 0"));
}
