//! Articles without a publication date: `--undated skip|keep|DATE` do what they say, and no event
//! is ever dated the day it is coded unless that day is asked for.

mod common;
use common::{events, shared, tidings};
use serde_json::Value;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

const DATED: &str =
    r#"{"id": "dated", "date": "2020-10-11", "text": "China praised North Korea on Saturday."}"#;
const UNDATED: &str = r#"{"id": "undated", "text": "China condemned Japan."}"#;
const UNDATED_YEAR: &str =
    r#"{"id": "undated-year", "text": "In August 2016, Russia criticised Turkey."}"#;

fn input(dir: &Path) -> PathBuf {
    let path = dir.join("mixed.jsonl");
    std::fs::write(&path, format!("{DATED}\n{UNDATED}\n{UNDATED_YEAR}\n")).unwrap();
    path
}

fn today() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

fn of<'a>(ev: &'a [Value], id: &str) -> Vec<&'a Value> {
    ev.iter().filter(|e| e["article_id"] == id).collect()
}

#[test]
fn keep_is_the_default_and_gives_no_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = input(dir.path());
    for args in [vec!["code"], vec!["code", "--undated", "keep"]] {
        let mut args = args.clone();
        args.push(path.to_str().unwrap());
        let out = tidings(&args);
        assert!(out.status.success(), "{out:?}");
        let ev = events(&out);
        let undated = of(&ev, "undated");
        assert!(!undated.is_empty(), "the undated article is coded: {ev:?}");
        for e in &undated {
            assert_eq!(e["date"], "", "{e}");
            assert_eq!(e["date_basis"], "undated", "{e}");
            assert!(e.get("published").is_none(), "{e}");
        }
        // a date the sentence gives with its year still dates the event
        let year = of(&ev, "undated-year");
        assert!(!year.is_empty(), "{ev:?}");
        assert!(year.iter().all(|e| e["date"] == "2016-08-01"), "{year:?}");
        // a dated article carries its publication date beside the event date
        let dated = of(&ev, "dated");
        assert_eq!(dated[0]["date"], "2020-10-10");
        assert_eq!(dated[0]["published"], "2020-10-11");
        assert!(ev.iter().all(|e| e["date"] != today().as_str()), "{ev:?}");
    }
}

#[test]
fn skip_counts_and_skips_undated_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = input(dir.path());
    let out = tidings(&["code", "--undated", "skip", path.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let ev = events(&out);
    assert!(!of(&ev, "dated").is_empty());
    assert!(
        of(&ev, "undated").is_empty() && of(&ev, "undated-year").is_empty(),
        "{ev:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2 articles without a publication date skipped"),
        "{err}"
    );
}

#[test]
fn a_given_date_dates_undated_articles_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = input(dir.path());
    let out = tidings(&["code", "--undated", "2019-06-01", path.to_str().unwrap()]);
    let ev = events(&out);
    let undated = of(&ev, "undated");
    assert!(!undated.is_empty());
    for e in undated {
        assert_eq!(
            (&e["date"], &e["date_basis"]),
            (&"2019-06-01".into(), &"given".into())
        );
        assert!(
            e.get("published").is_none(),
            "a given date is no publication date: {e}"
        );
    }
    // an article's own date is not overridden
    assert_eq!(of(&ev, "dated")[0]["date"], "2020-10-10");
    // the coding day only when asked for
    let out = tidings(&["code", "--undated", &today(), path.to_str().unwrap()]);
    assert!(of(&events(&out), "undated")
        .iter()
        .all(|e| e["date"] == today().as_str()));
}

#[test]
fn a_bad_choice_is_refused() {
    let out = tidings(&["code", "--undated", "today", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("skip"));
}

#[test]
fn ingest_keeps_and_skips_undated_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = input(dir.path());
    let db = dir.path().join("t.db");
    let out = tidings(&[
        "ingest",
        "--undated",
        "skip",
        "--db",
        db.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("undated, skipped     2"), "{text}");
    assert!(text.contains("stored now         1"), "{text}");
    let db2 = dir.path().join("t2.db");
    let out = tidings(&[
        "ingest",
        "--db",
        db2.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("stored now         3"), "{text}");
}

/// The 672 undated records of allsides-world (every 20th record here): none of their events is
/// dated the day of coding.
#[test]
fn no_allsides_event_is_dated_today() {
    let file = std::fs::File::open(shared().join("corpus/allsides-world/articles.jsonl")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&sample).unwrap());
    for line in std::io::BufReader::new(file).lines().step_by(20) {
        writeln!(w, "{}", line.unwrap()).unwrap();
    }
    drop(w);
    let out = tidings(&["code", sample.to_str().unwrap()]);
    let ev = events(&out);
    let undated = ev.iter().filter(|e| e["date_basis"] == "undated").count();
    assert!(undated > 0, "the sample has undated records");
    let today = today();
    let dated_today: Vec<_> = ev.iter().filter(|e| e["date"] == today.as_str()).collect();
    assert!(dated_today.is_empty(), "{dated_today:?}");
}
