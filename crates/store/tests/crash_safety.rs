//! Kill -9 in the middle of an ingest, run it again, and compare with one clean run: no article,
//! event or mention lost or doubled. The ingesting child is this same test binary, started with
//! `CRASH_CHILD_DB` set, so the test needs no other program.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tidings_store::{QueryFilter, Store};

const ARTICLES: usize = 3000;
const BATCH: usize = 50;

/// What a run of the CLI does: skip stored articles, store the rest batch by batch.
fn ingest_all(db: &Path) {
    let mut store = Store::open(db).unwrap();
    let mut batch = Vec::new();
    for i in 0..ARTICLES {
        let item = common::article(i);
        if store.contains(&item.0).unwrap() {
            continue;
        }
        batch.push(item);
        if batch.len() == BATCH {
            store.ingest_batch(&batch).unwrap();
            batch.clear();
        }
    }
    store.ingest_batch(&batch).unwrap();
}

/// The child: does nothing unless started by `killed_ingest_resumes_to_the_same_database`.
#[test]
fn crash_child() {
    if let Ok(db) = std::env::var("CRASH_CHILD_DB") {
        ingest_all(Path::new(&db));
    }
}

/// Everything but DATEADDED and the batch structure, which depend on when batches ran.
fn contents(db: &Path) -> (tidings_store::Summary, Vec<String>) {
    let store = Store::open_read_only(db).unwrap();
    let mut summary = store.summary().unwrap();
    summary.batches = 0;
    let mut rows = Vec::new();
    store
        .for_each_event(&QueryFilter::default(), |e| {
            rows.push(format!(
                "{} {:?} {} {} {} {} {} {} {} {}",
                e.id,
                e.date,
                e.actor1_code,
                e.actor2_code,
                e.event_code,
                e.num_mentions,
                e.num_sources,
                e.num_articles,
                e.source_url,
                e.evidence
            ));
            Ok(())
        })
        .unwrap();
    (summary, rows)
}

#[test]
fn killed_ingest_resumes_to_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let killed_db = dir.path().join("killed.db");
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(&exe)
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env("CRASH_CHILD_DB", &killed_db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill -9 (SIGKILL) while it is writing more.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let committed = Store::open_read_only(&killed_db)
            .ok()
            .and_then(|s| s.summary().ok())
            .map_or(0, |s| s.batches);
        if committed >= 5 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "child made no progress"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "child ended before it could be killed"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let after_kill = Store::open_read_only(&killed_db)
        .unwrap()
        .summary()
        .unwrap();
    assert!(after_kill.articles > 0, "some batches were committed");
    assert!(
        (after_kill.articles as usize) < ARTICLES - ARTICLES / 7,
        "the child was killed mid-run: {after_kill:?}"
    );
    // Whole batches only: every batch's article count matches its rows, and counts add up.
    {
        let store = Store::open_read_only(&killed_db).unwrap();
        let bad: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM batches b WHERE b.articles != (SELECT count(*) FROM articles a WHERE a.batch_id = b.id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(bad, 0);
        assert_eq!(after_kill.mentions, after_kill.event_mentions);
        // The dyad-day aggregate holds exactly the committed events.
        assert_eq!(store.aggregate_mismatches().unwrap(), 0);
    }

    // Run the same ingest again to completion, and once cleanly elsewhere.
    let status = Command::new(&exe)
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env("CRASH_CHILD_DB", &killed_db)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let clean_db = dir.path().join("clean.db");
    ingest_all(&clean_db);

    for db in [&killed_db, &clean_db] {
        let store = Store::open_read_only(db).unwrap();
        assert_eq!(store.aggregate_mismatches().unwrap(), 0, "{}", db.display());
    }
    let (resumed, resumed_rows) = contents(&killed_db);
    let (clean, clean_rows) = contents(&clean_db);
    assert_eq!(resumed, clean);
    assert_eq!(resumed_rows.len(), clean_rows.len());
    assert!(resumed_rows == clean_rows, "events differ after resuming");
    assert_eq!(clean.articles as usize, ARTICLES);
    assert_eq!(
        clean.near_duplicates as usize,
        (0..ARTICLES).filter(|i| i % 7 == 6).count()
    );
}
