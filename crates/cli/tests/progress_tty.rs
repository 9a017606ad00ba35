//! The progress line: drawn on stderr when it is a terminal (articles, MB, events, rate), absent
//! when stderr is piped or when the events go to the same terminal. The terminal is a
//! pseudo-terminal made by util-linux `script`, which Debian always has.

mod common;
use common::{shared, tidings};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

fn input(dir: &Path) -> PathBuf {
    let file = std::fs::File::open(shared().join("corpus/allsides-world/articles.jsonl")).unwrap();
    let path = dir.join("a.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for line in std::io::BufReader::new(file).lines().take(12) {
        writeln!(w, "{}", line.unwrap()).unwrap();
    }
    path
}

/// Runs `shell` (a command line) with a pseudo-terminal as its stdin, stdout and stderr; returns
/// what the terminal showed, or None when `script` is missing.
fn on_terminal(shell: &str) -> Option<String> {
    let out = Command::new("script")
        .args(["-qefc", shell, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    assert!(out.status.success(), "{out:?}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_bar_shows_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path());
    let bin = env!("CARGO_BIN_EXE_tidings");
    let piped = tidings(&["code", input.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&piped.stderr).contains("articles/s"));

    let out = dir.path().join("events.jsonl");
    let shell = format!(
        "'{bin}' code -j 2 '{}' > '{}'",
        input.display(),
        out.display()
    );
    let Some(terminal) = on_terminal(&shell) else {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    };
    for part in [
        " articles, ",
        " MB, ",
        " events, ",
        " articles/s, ",
        " MB/s",
    ] {
        assert!(terminal.contains(part), "{part:?} not in {terminal:?}");
    }
    // the events are those of a piped run
    assert!(std::fs::read(&out).unwrap() == piped.stdout);

    // events on the terminal: no bar to tear them
    let shell = format!("'{bin}' code -j 2 '{}'", input.display());
    let terminal = on_terminal(&shell).unwrap();
    assert!(terminal.contains("\"cameo\""), "{terminal:?}");
    assert!(!terminal.contains("articles/s"), "{terminal:?}");
}
