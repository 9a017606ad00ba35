//! Bad input gets a clear message naming the file and line, and every other record is still coded.

mod common;
use common::{events, tidings};
use std::path::PathBuf;

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tidings-bad-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const GOOD: &str = r#"{"id": "good", "title": "China praises North Korea", "date": "2020-10-11", "text": "China praised North Korea on Saturday."}"#;

#[test]
fn a_json_line_that_does_not_parse() {
    let input = format!(
        "{GOOD}\n{{\"id\": \"broken\", \"text\": \n{}\n",
        GOOD.replace("\"good\"", "\"good2\"")
    );
    let path = temp("broken.jsonl", input.as_bytes());
    let out = tidings(&["code", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2", path.display())),
        "names file and line: {stderr}"
    );
    let ev = events(&out);
    assert!(
        ev.iter().any(|e| e["article_id"] == "good")
            && ev.iter().any(|e| e["article_id"] == "good2"),
        "{ev:?}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a skipped record makes the exit status 1"
    );
}

#[test]
fn a_json_record_without_text() {
    let input =
        format!("{{\"id\": \"empty\", \"title\": \"x\", \"date\": \"2020-10-11\"}}\n{GOOD}\n");
    let path = temp("notext.jsonl", input.as_bytes());
    let out = tidings(&["code", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:1", path.display())) && stderr.contains("text"),
        "{stderr}"
    );
    assert!(events(&out).iter().any(|e| e["article_id"] == "good"));
}

#[test]
fn a_file_that_is_not_utf8_and_an_empty_file_do_not_stop_the_others() {
    let latin1 = temp(
        "latin1.txt",
        b"Caf\xe9 headline\n\n11 October, 2020 | x\n\nChina praised North Korea.\n",
    );
    let empty = temp("empty.txt", b"");
    let good = temp("good.jsonl", format!("{GOOD}\n").as_bytes());
    let out = tidings(&[
        "code",
        latin1.to_str().unwrap(),
        empty.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&latin1.display().to_string()) && stderr.contains("UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&empty.display().to_string()) && stderr.contains("empty"),
        "{stderr}"
    );
    assert!(
        events(&out).iter().any(|e| e["article_id"] == "good"),
        "{stderr}"
    );
}

#[test]
fn a_non_utf8_json_line_names_its_line() {
    let mut input = format!("{GOOD}\n").into_bytes();
    input.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(format!("{}\n", GOOD.replace("\"good\"", "\"after\"")).as_bytes());
    let path = temp("latin1.jsonl", &input);
    let out = tidings(&["code", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2", path.display())),
        "{stderr}"
    );
    assert!(events(&out).iter().any(|e| e["article_id"] == "after"));
}

#[test]
fn stdin_is_read_when_no_file_is_given() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .arg("code")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{GOOD}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(events(&out)
        .iter()
        .any(|e| e["article_id"] == "good" && e["date"] == "2020-10-10"));
}

#[test]
fn undated_articles_take_the_date_given_on_the_command_line() {
    let path = temp(
        "undated.jsonl",
        b"{\"id\": \"u\", \"text\": \"China condemned Japan on Saturday.\"}\n",
    );
    let out = tidings(&["code", "--date", "2020-10-11", path.to_str().unwrap()]);
    let ev = events(&out);
    assert_eq!(ev[0]["date"], "2020-10-10");
    let out = tidings(&["code", path.to_str().unwrap()]);
    // without --date it has no date: never the day it is coded
    let ev = events(&out);
    assert_eq!(
        (&ev[0]["date"], &ev[0]["date_basis"]),
        (&"".into(), &"undated".into())
    );
}
