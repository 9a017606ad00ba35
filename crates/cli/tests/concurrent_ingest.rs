//! Two `tidings ingest` processes on one database: the second waits for the first (the writer's
//! lock `<db>.lock`, held for the whole ingest) and says so on stderr, so the database ends exactly
//! as after the two ingests run one after the other. Without the lock they interleaved their
//! batches and each missed the other's articles in its near-duplicate index (issue 15: 33-46
//! near-duplicate links instead of 49, and events split between neighbouring rows).
//!
//! The input is two overlapping slices of the allsides-world corpus (read from ../shared at test
//! time), the second with reprints of the first's articles, so the second file has articles
//! already stored by the first and near-duplicates of them.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tidings_store::Store;

fn tidings() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tidings"))
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/allsides-world/articles.jsonl")
}

/// Lines `from..to` of the corpus, then a reprint of each of lines `reprints`: another id, URL and
/// outlet, and one sentence more, so a near-duplicate of the original (the corpus itself has only
/// four near-duplicate pairs, none close together).
fn write_slice(path: &Path, from: usize, to: usize, reprints: std::ops::Range<usize>) {
    let text = std::fs::read_to_string(corpus()).expect("allsides-world corpus");
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines[from..to].iter().map(|l| l.to_string()).collect();
    for line in &lines[reprints] {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = format!("{}-reprint", v["id"].as_str().unwrap());
        let url = format!("https://reprints.example.org/{id}");
        let text = format!(
            "{} The story was also carried by a wire service.",
            v["text"].as_str().unwrap()
        );
        v["id"] = id.into();
        v["url"] = url.into();
        v["source"] = "Reprints".into();
        v["text"] = text.into();
        out.push(v.to_string());
    }
    std::fs::write(path, out.join("\n") + "\n").unwrap();
}

fn ingest(db: &Path, input: &Path) -> Command {
    let mut cmd = tidings();
    cmd.args(["ingest", "--batch", "25", "--db"])
        .arg(db)
        .arg(input);
    cmd
}

/// Every row of every table, in id order, without the two columns that hold the time of the run
/// (batches.committed_at, events.date_added); SQLite's quote() writes each value.
fn dump(db: &Path) -> Vec<String> {
    let store = Store::open_read_only(db).unwrap();
    let conn = store.connection();
    let mut out = Vec::new();
    for (table, columns) in [
        ("batches", "id, articles, first_origin, last_origin"),
        (
            "articles",
            "id, content_hash, url, input_id, title, date, source, source_name, doc_len, origin, \
             minhash, duplicate_of, similarity, batch_id",
        ),
        (
            "events",
            "id, day, actor1_code, actor1_name, actor2_code, actor2_name, event_code, root_code, \
             quad_class, goldstein, action_geo, is_root, num_mentions, num_sources, num_articles, \
             first_article",
        ),
        (
            "mentions",
            "id, event_id, article_id, sentence_index, sentence, span_start, span_end, \
             actor1_offset, actor2_offset",
        ),
    ] {
        let row = columns
            .split(", ")
            .map(|c| format!("quote({})", c.trim()))
            .collect::<Vec<_>>()
            .join(" || ' | ' || ");
        let mut stmt = conn
            .prepare(&format!(
                "SELECT '{table}: ' || {row} FROM {table} ORDER BY id"
            ))
            .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// Articles linked to a first copy as near-duplicates.
fn links(db: &Path) -> i64 {
    Store::open_read_only(db)
        .unwrap()
        .summary()
        .unwrap()
        .near_duplicates
}

fn stderr_of(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn spawn_logged(cmd: &mut Command, log: &Path) -> Child {
    cmd.stdout(Stdio::null())
        .stderr(File::create(log).unwrap())
        .spawn()
        .unwrap()
}

#[test]
fn two_ingests_at_once_equal_the_two_one_after_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    write_slice(&a, 0, 150, 0..0);
    write_slice(&b, 100, 200, 0..50);
    let db = dir.path().join("both.db");

    // The test holds the writer's lock itself while it starts both ingests, so that both are
    // certainly running, and waiting, at the same time, however fast the machine is.
    let held = File::create(dir.path().join("both.db.lock")).unwrap();
    held.lock().unwrap();
    let (log_a, log_b) = (dir.path().join("a.err"), dir.path().join("b.err"));
    let mut child_a = spawn_logged(&mut ingest(&db, &a), &log_a);
    let mut child_b = spawn_logged(&mut ingest(&db, &b), &log_b);
    let start = Instant::now();
    while !(stderr_of(&log_a).contains("waiting") && stderr_of(&log_b).contains("waiting")) {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "both ingests should say they wait: {:?} {:?}",
            stderr_of(&log_a),
            stderr_of(&log_b)
        );
        assert!(
            child_a.try_wait().unwrap().is_none(),
            "a ended while locked out"
        );
        assert!(
            child_b.try_wait().unwrap().is_none(),
            "b ended while locked out"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let said = stderr_of(&log_a);
    assert!(
        said.contains("both.db: another ingest is writing to this database")
            && said.contains("a.jsonl")
            && said.contains("both.db.lock"),
        "the message names the database, the input and the lock file: {said}"
    );
    assert!(!db.exists(), "nothing is opened before the lock is taken");
    drop(held);
    assert_eq!(
        child_a.wait().unwrap().code(),
        Some(0),
        "{}",
        stderr_of(&log_a)
    );
    assert_eq!(
        child_b.wait().unwrap().code(),
        Some(0),
        "{}",
        stderr_of(&log_b)
    );

    // Which one got the lock first is up to the kernel; the batches table says, and shows that the
    // two did not interleave: every batch of the first file comes before every batch of the second.
    let origins: Vec<String> = {
        let store = Store::open_read_only(&db).unwrap();
        let mut stmt = store
            .connection()
            .prepare("SELECT first_origin FROM batches ORDER BY id")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let first_is_a = origins[0].starts_with(&a.display().to_string());
    let files: Vec<bool> = origins
        .iter()
        .map(|o| o.starts_with(&a.display().to_string()))
        .collect();
    let switches = files.windows(2).filter(|w| w[0] != w[1]).count();
    assert_eq!(switches, 1, "batches in one run each: {origins:?}");
    let (first, second) = if first_is_a { (&a, &b) } else { (&b, &a) };

    let serial = dir.path().join("serial.db");
    for input in [first, second] {
        let out = ingest(&serial, input).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("waiting"),
            "nobody else holds the serial database"
        );
    }

    let (both, one_by_one) = (dump(&db), dump(&serial));
    let count = |rows: &[String], table: &str| rows.iter().filter(|r| r.starts_with(table)).count();
    for table in ["batches:", "articles:", "events:", "mentions:"] {
        assert_eq!(count(&both, table), count(&one_by_one, table), "{table}");
    }
    assert!(
        links(&serial) > 0,
        "the test needs near-duplicates across the two files"
    );
    assert_eq!(links(&db), links(&serial), "near-duplicate links");
    let differ = both.iter().zip(&one_by_one).find(|(x, y)| x != y);
    assert!(differ.is_none(), "first differing row: {differ:?}");
}

#[test]
fn a_wait_timeout_gives_up_naming_the_database_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    write_slice(&input, 0, 5, 0..0);
    let db = dir.path().join("x.db");
    let held = File::create(dir.path().join("x.db.lock")).unwrap();
    held.lock().unwrap();
    let start = Instant::now();
    let out = ingest(&db, &input)
        .args(["--wait-timeout", "0.5"])
        .output()
        .unwrap();
    let waited = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(waited >= Duration::from_millis(500), "{waited:?}");
    assert!(
        stderr.contains("waiting for it to finish (at most 0.5 s)"),
        "{stderr}"
    );
    assert!(stderr.contains("x.db: still being written by"), "{stderr}");
    assert!(!db.exists(), "the database was not touched");
    drop(held);
    let out = ingest(&db, &input)
        .args(["--wait-timeout", "0"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
