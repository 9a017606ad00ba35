//! `tidings ingest`, `query`, `timeline` and `export` end to end on the seed article and a slice
//! of the allsides-world corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tidings(args: &[&str], db: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn shared(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(path)
        .display()
        .to_string()
}

#[test]
fn ingest_twice_then_query_timeline_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("slice.jsonl");
    let corpus = std::fs::read_to_string(shared("corpus/allsides-world/articles.jsonl")).unwrap();
    std::fs::write(
        &input,
        corpus.lines().take(300).collect::<Vec<_>>().join("\n"),
    )
    .unwrap();
    let seed = shared("seed/xi-kim-letter-2020-10-11.txt");
    let files = [seed.as_str(), input.to_str().unwrap()];

    let first = tidings(&[&["ingest"][..], &files].concat(), &db);
    assert!(first.status.success());
    let text = String::from_utf8_lossy(&first.stdout).to_string();
    assert!(text.contains("articles read        301"), "{text}");
    let again = tidings(&[&["ingest"][..], &files].concat(), &db);
    let text = String::from_utf8_lossy(&again.stdout).to_string();
    assert!(text.contains("stored now         0"), "{text}");
    assert!(text.contains("mentions added       0"), "{text}");

    let export = tidings(&["export", "--format", "gdelt"], &db);
    let rows = String::from_utf8(export.stdout).unwrap();
    assert!(rows.lines().all(|l| l.split('\t').count() == 61));
    let jsonl = tidings(&["query", "--format", "jsonl", "--dyad", "CHN:PRK"], &db);
    let events = String::from_utf8(jsonl.stdout).unwrap();
    for line in events.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["Actor1Code"].as_str().unwrap().starts_with("CHN"));
        assert!(!v["Evidence"].as_str().unwrap().is_empty());
    }
    let timeline = tidings(&["timeline", "CHN", "PRK", "--by", "month"], &db);
    if !events.is_empty() {
        let table = String::from_utf8(timeline.stdout).unwrap();
        assert!(table.contains("CHN->PRK"), "{table}");
    }
}
