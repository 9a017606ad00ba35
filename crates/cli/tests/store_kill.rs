//! `tidings ingest` killed with SIGKILL mid-run, then run again, ends with the same database as one
//! clean run: no article, event or mention lost or doubled. Input: the first articles of the
//! allsides-world corpus (read from ../shared at test time) plus one malformed record.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tidings_store::{QueryFilter, Store};

const ARTICLES: usize = 1200;

fn tidings() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tidings"))
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/allsides-world/articles.jsonl")
}

/// Writes the test input; line 11 is malformed.
fn write_input(path: &Path) {
    let text = std::fs::read_to_string(corpus()).expect("allsides-world corpus");
    let mut lines: Vec<&str> = text.lines().take(ARTICLES).collect();
    lines.insert(10, "{\"id\": \"broken\", \"text\": ");
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn ingest(db: &Path, input: &Path) -> Command {
    let mut cmd = tidings();
    cmd.args(["ingest", "--batch", "10", "--db"])
        .arg(db)
        .arg(input);
    cmd
}

/// Totals and every event row except DATEADDED, which depends on when a batch ran.
fn contents(db: &Path) -> (Vec<i64>, Vec<String>) {
    let store = Store::open_read_only(db).unwrap();
    let s = store.summary().unwrap();
    let mut rows = Vec::new();
    store
        .for_each_event(&QueryFilter::default(), |e| {
            rows.push(format!(
                "{} {:?} {} {} {} {} {} {} {}",
                e.id,
                e.date.map(|d| d.to_string()).unwrap_or_default(),
                e.actor1_code,
                e.actor2_code,
                e.event_code,
                e.num_mentions,
                e.num_sources,
                e.num_articles,
                e.evidence
            ));
            Ok(())
        })
        .unwrap();
    (
        vec![
            s.articles,
            s.near_duplicates,
            s.events,
            s.mentions,
            s.event_mentions,
        ],
        rows,
    )
}

#[test]
fn kill_9_mid_ingest_then_rerun_equals_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input.jsonl");
    write_input(&input);

    let clean_db = dir.path().join("clean.db");
    let out = ingest(&clean_db, &input).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the malformed record makes the exit status 1: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("input.jsonl:11:"),
        "malformed record reported with file and line: {stderr}"
    );
    let (clean_totals, clean_rows) = contents(&clean_db);
    let stored = clean_totals[0] as usize;
    assert!(
        stored > ARTICLES * 9 / 10 && stored <= ARTICLES,
        "articles stored: {clean_totals:?}"
    );

    let killed_db = dir.path().join("killed.db");
    let mut child = ingest(&killed_db, &input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(10));
        let batches = Store::open_read_only(&killed_db)
            .ok()
            .and_then(|s| s.summary().ok())
            .map_or(0, |s| s.batches);
        if batches >= 3 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest finished before it could be killed"
        );
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "ingest made no progress"
        );
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let (killed_totals, _) = contents(&killed_db);
    assert!(
        killed_totals[0] < clean_totals[0],
        "killed mid-run: {killed_totals:?} vs {clean_totals:?}"
    );
    assert_eq!(
        killed_totals[3], killed_totals[4],
        "mentions and NumMentions agree after the kill"
    );

    let out = ingest(&killed_db, &input).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the malformed record again");
    let (resumed_totals, resumed_rows) = contents(&killed_db);
    assert_eq!(resumed_totals, clean_totals);
    assert!(
        resumed_rows == clean_rows,
        "event rows differ after resuming"
    );
}
