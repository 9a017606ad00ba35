//! End to end: `tidings code --dictionaries <PETRARCH2 Phoenix dictionaries>` on the seed article.
//! Skipped when ../shared is absent.

mod common;
use common::{events, shared, tidings};
use serde_json::Value;

fn code(v: &Value) -> &str {
    v["code"].as_str().unwrap_or("")
}

#[test]
fn phoenix_dictionaries_code_xi_congratulating_north_korea() {
    let dir = shared().join("peers/petrarch2/dictionaries");
    let seed = shared().join("seed/xi-kim-letter-2020-10-11.txt");
    if !dir.is_dir() || !seed.is_file() {
        eprintln!("skipped: ../shared not found");
        return;
    }
    let out = tidings(&[
        "code",
        "--dictionaries",
        dir.to_str().unwrap(),
        seed.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ev = events(&out);
    // "Un" of "Kim Jong Un" is not the acronym UN (IGOUNO) of the Phoenix files
    assert!(
        !ev.iter().any(|e| code(&e["target"]) == "IGOUNO"),
        "{ev:#?}"
    );
    let praise = ev.iter().find(|e| {
        code(&e["source"]).starts_with("CHN")
            && code(&e["target"]).starts_with("PRK")
            && e["cameo"] == "051"
    });
    let praise = praise.unwrap_or_else(|| panic!("no CHN -> PRK 051 in {ev:#?}"));
    assert!(praise["sentence"]
        .as_str()
        .unwrap()
        .contains("congratulated Kim Jong Un"));
    // "he intends to defend, consolidate and develop ties with Pyongyang": INTEND's code (030) with
    // the target taken from the infinitive complement, "he" being Xi
    let intent = ev.iter().find(|e| {
        code(&e["source"]).starts_with("CHN")
            && code(&e["target"]).starts_with("PRK")
            && e["cameo"].as_str().is_some_and(|c| c.starts_with("03"))
    });
    let intent = intent.unwrap_or_else(|| panic!("no CHN -> PRK root-03 event in {ev:#?}"));
    assert!(intent["sentence"]
        .as_str()
        .unwrap()
        .contains("intends to defend, consolidate and develop ties with Pyongyang"));
}
