//! `-j N`: coding on several threads gives byte-for-byte what one thread gives, in input order,
//! messages included; `ingest` stores the same events. Speed is measured in `benches/jobs.sh`, not
//! here.

mod common;
use common::{shared, tidings};
use std::io::{BufRead, Write};
use std::path::Path;

/// 120 allsides articles with a bad line, an undated record and a record with a bad date among them.
fn slice(dir: &Path) -> std::path::PathBuf {
    let file = std::fs::File::open(shared().join("corpus/allsides-world/articles.jsonl")).unwrap();
    let path = dir.join("slice.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for (i, line) in std::io::BufReader::new(file).lines().take(120).enumerate() {
        writeln!(w, "{}", line.unwrap()).unwrap();
        match i {
            20 => writeln!(w, "{{not json").unwrap(),
            60 => writeln!(w, r#"{{"id": "u", "text": "China condemned Japan."}}"#).unwrap(),
            100 => writeln!(
                w,
                r#"{{"id": "d", "date": "2020-13-45", "text": "Russia praised Iran."}}"#
            )
            .unwrap(),
            _ => {}
        }
    }
    drop(w);
    path
}

/// stderr without the summary line, which holds the run time.
fn messages(out: &std::process::Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let mut lines: Vec<&str> = err.lines().collect();
    lines.pop();
    lines.join("\n")
}

#[test]
fn code_output_is_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = slice(dir.path());
    let one = tidings(&["code", "-j", "1", input.to_str().unwrap()]);
    assert_eq!(one.status.code(), Some(1), "a bad line gives status 1");
    assert!(one.stdout.len() > 10_000);
    assert!(
        messages(&one).contains(":22: bad JSON"),
        "{}",
        messages(&one)
    );
    for jobs in ["2", "8"] {
        let many = tidings(&["code", "-j", jobs, input.to_str().unwrap()]);
        assert_eq!(many.status.code(), one.status.code());
        assert!(
            many.stdout == one.stdout,
            "-j {jobs}: stdout differs from -j 1"
        );
        assert_eq!(messages(&many), messages(&one), "-j {jobs}");
    }
    // the default (every core) too
    let default = tidings(&["code", input.to_str().unwrap()]);
    assert!(default.stdout == one.stdout);
    let zero = tidings(&["code", "-j", "0", input.to_str().unwrap()]);
    assert_eq!(zero.status.code(), Some(2), "-j 0 is refused");
}

#[test]
fn ingest_stores_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = slice(dir.path());
    let mut listings = Vec::new();
    for jobs in ["1", "2"] {
        let db = dir.path().join(format!("j{jobs}.db"));
        let db = db.to_str().unwrap();
        let out = tidings(&[
            "ingest",
            "-j",
            jobs,
            "--batch",
            "37",
            "--db",
            db,
            input.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let csv = tidings(&["query", "--format", "csv", "--db", db]);
        assert!(csv.status.success());
        listings.push(csv.stdout);
    }
    assert!(listings[0].len() > 10_000);
    assert!(listings[0] == listings[1], "the databases differ");
}

/// `tidings code BIG | head -1`: when the output is closed the run ends quietly, whatever the
/// threads.
#[test]
fn a_closed_output_ends_the_run() {
    let corpus = shared().join("corpus/allsides-world/articles.jsonl");
    for jobs in ["1", "2", "4"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
            .args(["code", "-j", jobs, corpus.to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.starts_with('{'), "{first}");
        // the reader is dropped here: the next write fails
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed().as_secs() > 120 {
                child.kill().unwrap();
                panic!("-j {jobs}: still running two minutes after its output was closed");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        // quietly, as `head` expects
        assert!(status.success(), "-j {jobs}: {status}");
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(!err.contains("error"), "-j {jobs}: {err}");
    }
}
