//! End to end: `tidings code` on the seed article.

mod common;
use common::{events, shared, tidings};
use serde_json::Value;

fn seed_events() -> Vec<Value> {
    let seed = shared().join("seed/xi-kim-letter-2020-10-11.txt");
    let out = tidings(&["code", seed.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 articles") && stderr.contains("sentences/s"),
        "summary: {stderr}"
    );
    events(&out)
}

fn code(v: &Value) -> &str {
    v["code"].as_str().unwrap_or("")
}

#[test]
fn xi_congratulates_kim_on_2020_10_10() {
    let ev = seed_events();
    let praise = ev.iter().find(|e| {
        code(&e["source"]) == "CHNGOV" && code(&e["target"]) == "PRKGOV" && e["cameo"] == "051"
    });
    let praise = praise.unwrap_or_else(|| panic!("no CHNGOV -> PRKGOV 051 in {ev:#?}"));
    assert_eq!(praise["date"], "2020-10-10");
    assert!(praise["sentence"]
        .as_str()
        .unwrap()
        .contains("congratulated Kim Jong Un"));
}

#[test]
fn china_intends_to_develop_ties_with_north_korea() {
    let ev = seed_events();
    let intent = ev.iter().find(|e| {
        code(&e["source"]).starts_with("CHN")
            && (code(&e["target"]) == "PRKGOV" || code(&e["target"]) == "PRKPTY")
            && e["root"] == "03"
    });
    let intent = intent.unwrap_or_else(|| panic!("no CHN -> PRK root 03 in {ev:#?}"));
    assert_eq!(intent["date"], "2020-10-10");
    assert!(intent["sentence"]
        .as_str()
        .unwrap()
        .contains("intends to defend, consolidate and develop ties with Pyongyang"));
}

#[test]
fn party_is_praised_too() {
    let ev = seed_events();
    let party = ev.iter().find(|e| {
        code(&e["source"]) == "CHNGOV" && code(&e["target"]) == "PRKPTY" && e["root"] == "05"
    });
    let party = party.unwrap_or_else(|| panic!("no CHNGOV -> PRKPTY 05 in {ev:#?}"));
    // "The Chinese president extended ..." refers back to the lead, reported on Saturday
    assert_eq!(party["date"], "2020-10-10");
}

#[test]
fn nothing_from_also_read_links_or_caption_junk() {
    let ev = seed_events();
    for e in &ev {
        for side in ["source", "target"] {
            let c = code(&e[side]);
            assert!(
                !c.starts_with("PAK") && !c.starts_with("KGZ"),
                "ALSO READ leaked: {e}"
            );
        }
        let s = e["sentence"].as_str().unwrap();
        assert!(
            !s.contains("W91gb8Hj") && !s.contains("ALSO READ"),
            "noise leaked: {e}"
        );
    }
}

#[test]
fn spans_point_at_the_sentence_in_the_cleaned_text() {
    for e in seed_events() {
        let (start, end) = (
            e["span"]["start"].as_u64().unwrap(),
            e["span"]["end"].as_u64().unwrap(),
        );
        assert_eq!(
            (end - start) as usize,
            e["sentence"].as_str().unwrap().len()
        );
    }
}

#[test]
fn explain_names_pattern_and_entries() {
    let seed = shared().join("seed/xi-kim-letter-2020-10-11.txt");
    let out = tidings(&["code", "--explain", seed.to_str().unwrap()]);
    let ev = events(&out);
    // every event says what decided it; those a verb pattern coded name the pattern and its line
    assert!(ev.iter().all(|e| e["explain"]["decided_by"].is_string()));
    let by_pattern: Vec<_> = ev
        .iter()
        .filter(|e| e["explain"]["pattern"].is_string())
        .collect();
    assert!(!by_pattern.is_empty(), "{ev:#?}");
    assert!(by_pattern.iter().all(|e| e["explain"]["pattern_origin"]
        .as_str()
        .unwrap()
        .starts_with("verbs.txt:")));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ALSO READ: Pakistan bans TikTok"),
        "dropped lines are explained: {stderr}"
    );
}
