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
