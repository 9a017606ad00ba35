//! Messages that say what is wrong and where: a record date that is not a date, compressed and
//! binary files, `ingest`'s exit status after a skipped record, and contradictory query arguments.

mod common;
use common::{events, tidings};
use std::path::{Path, PathBuf};

const GOOD: &str =
    r#"{"id": "good", "date": "2020-10-11", "text": "China praised North Korea on Saturday."}"#;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_date_that_is_not_a_date_is_named_and_the_record_is_undated() {
    let dir = tempfile::tempdir().unwrap();
    let bad = r#"{"id": "bad", "date": "2020-13-45", "text": "China praised North Korea."}"#;
    let path = write(
        dir.path(),
        "dates.jsonl",
        format!("{GOOD}\n{bad}\n").as_bytes(),
    );
    let out = tidings(&["code", "--date", "2019-06-01", path.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}:2: `date` \"2020-13-45\" is not a date",
            path.display()
        )),
        "names file, line and value: {err}"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the record is coded, not skipped"
    );
    let ev = events(&out);
    let bad_event = ev.iter().find(|e| e["article_id"] == "bad").expect("coded");
    assert_eq!(
        bad_event["date_basis"], "given",
        "dated by --date: {bad_event}"
    );
    assert!(
        bad_event["date"].as_str().unwrap().starts_with("2019-0"),
        "{bad_event}"
    );
    let good_event = ev.iter().find(|e| e["article_id"] == "good").unwrap();
    assert_eq!(good_event["date"], "2020-10-10");

    let undated = tidings(&["code", path.to_str().unwrap()]);
    let bad_event = events(&undated)
        .into_iter()
        .find(|e| e["article_id"] == "bad")
        .unwrap();
    assert_eq!(bad_event["date_basis"], "undated", "{bad_event}");
    assert_eq!(bad_event["date"], "", "{bad_event}");
}

#[test]
fn compressed_and_binary_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write(
        dir.path(),
        "feed.jsonl.gz",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    );
    let zip = write(dir.path(), "feed.zip", b"PK\x03\x04\x14\x00\x00\x00");
    let bin = write(dir.path(), "feed.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    let good = write(dir.path(), "good.jsonl", format!("{GOOD}\n").as_bytes());
    let out = tidings(&[
        "code",
        gz.to_str().unwrap(),
        zip.to_str().unwrap(),
        bin.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: a gzip file that cannot be decompressed",
            gz.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}: a zip archive, not text", zip.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}: a binary file", bin.display())),
        "{err}"
    );
    assert!(
        !err.contains("iconv"),
        "no re-encoding advice for binary files: {err}"
    );
    assert!(events(&out).iter().any(|e| e["article_id"] == "good"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn ingest_exits_1_when_records_were_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let good = write(dir.path(), "good.jsonl", format!("{GOOD}\n").as_bytes());
    let ok = tidings(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));

    let input = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \n",
        GOOD.replace("good", "other")
    );
    let broken = write(dir.path(), "broken.jsonl", input.as_bytes());
    let gz = write(dir.path(), "x.gz", b"\x1f\x8b\x08\x00");
    let out = tidings(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        broken.to_str().unwrap(),
        gz.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}:2: bad JSON", broken.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}: a gzip file", gz.display())),
        "{err}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("malformed records    2"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(1), "records were skipped");
}

#[test]
fn contradictory_query_arguments_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let good = write(dir.path(), "good.jsonl", format!("{GOOD}\n").as_bytes());
    tidings(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let db = db.to_str().unwrap();

    let range = tidings(&[
        "query",
        "--db",
        db,
        "--from",
        "2020-12-01",
        "--to",
        "2020-01-01",
    ]);
    assert_eq!(range.status.code(), Some(2));
    let err = stderr(&range);
    assert!(
        err.contains("--from 2020-12-01 is after --to 2020-01-01") && err.contains("swap"),
        "{err}"
    );

    let dyad = tidings(&["query", "--db", db, "--dyad", "CHN:PRK:USA"]);
    assert_eq!(dyad.status.code(), Some(2));
    let err = stderr(&dyad);
    assert!(
        err.contains("\"CHN:PRK:USA\"") && err.contains("SOURCE:TARGET"),
        "{err}"
    );

    let basis = tidings(&["query", "--db", db, "--date-basis", "sentence,exact"]);
    assert_eq!(basis.status.code(), Some(2));
    let err = stderr(&basis);
    assert!(
        err.contains("--date-basis \"exact\" is not a date basis") && err.contains("undated"),
        "{err}"
    );

    let fine = tidings(&[
        "query",
        "--db",
        db,
        "--dyad",
        "CHN:PRK",
        "--from",
        "2020-10-01",
        "--to",
        "2020-10-31",
        "--date-basis",
        "sentence,article",
    ]);
    assert_eq!(fine.status.code(), Some(0), "{}", stderr(&fine));
    assert!(String::from_utf8_lossy(&fine.stdout).contains("CHN"));
}
