//! `tidings code` writes each article's events as soon as it is coded: while it waits for (or
//! codes) the next record, the events of the records before it are already on stdout, and a
//! SIGTERM keeps them.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn an_articles_events_are_out_before_the_next_record_arrives() {
    let good =
        r#"{"id": "good", "date": "2020-10-11", "text": "China praised North Korea on Saturday."}"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .arg("code")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // one record on stdin, which stays open: tidings then waits for the next
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{good}").unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    let first = receiver.recv_timeout(Duration::from_secs(120));
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    drop(stdin);
    child.wait().unwrap();
    let first = first.expect("the event came out while stdin was still open");
    let event: serde_json::Value = serde_json::from_str(&first).expect("a JSON event");
    assert_eq!(event["article_id"], "good");
}

#[test]
fn sigterm_on_a_slow_record_keeps_the_events_of_the_records_before_it() {
    // three good records, then one that codes for minutes (a list of actors and verbs with no
    // sentence end, the slowest junk there is), then one more good record
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slow.jsonl");
    let good = |id: &str| {
        format!(
            r#"{{"id": "{id}", "date": "2020-10-11", "text": "China praised North Korea on Saturday."}}"#
        )
    };
    let junk = "China attacked Japan Russia praised India ".repeat(20_000);
    let slow = serde_json::json!({"id": "slow", "date": "2020-10-11", "text": junk});
    let lines = [
        good("a"),
        good("b"),
        good("c"),
        slow.to_string(),
        good("after"),
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["code", "-j", "2", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let mut ids: Vec<String> = Vec::new();
    while !ids.iter().any(|id| id == "c") {
        match receiver.recv_timeout(Duration::from_secs(120)) {
            Ok(line) => {
                let event: serde_json::Value = serde_json::from_str(&line).expect("a JSON event");
                ids.push(event["article_id"].as_str().unwrap().to_string());
            }
            Err(e) => panic!("only {ids:?} came out: {e}"),
        }
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the slow record is still being coded when the earlier events are out"
    );
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap();
    ids.extend(receiver.try_iter().map(|line| {
        let event: serde_json::Value = serde_json::from_str(&line).unwrap();
        event["article_id"].as_str().unwrap().to_string()
    }));
    ids.dedup();
    assert_eq!(ids[..3], ["a", "b", "c"], "in input order: {ids:?}");
    assert!(
        !ids.iter().any(|id| id == "after"),
        "nothing after the slow record: {ids:?}"
    );
}
