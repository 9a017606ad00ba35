//! End to end: the dictionary commands on the built-in dictionaries.

mod common;
use common::tidings;

#[test]
fn built_in_dictionaries_check_clean() {
    let out = tidings(&["dict", "check"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("clean"));
}

#[test]
fn lookup_explains_a_dated_role() {
    let out = tidings(&["dict", "lookup", "Kim Jong Un", "--date", "2020-10-10"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("PRKGOV") && text.contains("because:"),
        "{text}"
    );
    let out = tidings(&["dict", "lookup", "no such person anywhere"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn stats_count_thousands_of_dated_roles() {
    let out = tidings(&["dict", "stats"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let dated: usize = text
        .lines()
        .find(|l| l.contains("dated roles of people"))
        .and_then(|l| l.rsplit(':').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!(dated >= 3000, "{text}");
    assert!(text.contains("verb patterns by root"), "{text}");
    assert!(
        text.contains("verb patterns with actor conditions"),
        "{text}"
    );
}
