//! Places end to end: `ingest` places events, `query --country/--near` finds them by place,
//! `dict lookup --place` explains a name.

use std::process::Command;

fn tidings(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn query_by_country_and_distance_and_lookup_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("a.jsonl");
    std::fs::write(
        &articles,
        concat!(
            r#"{"id":"s1","date":"2020-03-01","text":"Turkish troops shelled Syrian army positions near Aleppo on Sunday."}"#,
            "\n",
            r#"{"id":"k1","date":"2020-03-02","text":"Japanese officials met South Korean diplomats in Tokyo on Monday."}"#,
            "\n"
        ),
    )
    .unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let (ok, out) = tidings(&["ingest", "--db", db, articles.to_str().unwrap()]);
    assert!(ok, "{out}");
    let rows = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["query", "--db", db, "--format", "jsonl"];
        all.extend(args);
        let (ok, out) = tidings(&all);
        assert!(ok, "{out}");
        out.lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let syria = rows(&["--country", "SYR"]);
    assert!(!syria.is_empty());
    assert!(syria.iter().all(|e| e["ActionGeo_CountryCode"] == "SY"));
    assert!(syria
        .iter()
        .any(|e| e["ActionGeo_FullName"] == "Aleppo, Syria"));
    assert!(syria.iter().any(|e| e["Actor1Geo_CountryCode"] == "TU"));
    // Aleppo is about 40 km from 36.2,36.8 and 800 km from Tokyo's events
    assert_eq!(
        rows(&["--near", "36.2,36.8", "--km", "50"]).len(),
        syria.len()
    );
    assert!(rows(&["--near", "36.2,36.8", "--km", "10"]).is_empty());
    assert!(rows(&["--country", "JA"])
        .iter()
        .all(|e| e["ActionGeo_FullName"] == "Tokyo, Japan"));
    let (ok, out) = tidings(&["query", "--db", db, "--near", "north,south"]);
    assert!(!ok && out.contains("--near \"north,south\""), "{out}");
    let (ok, out) = tidings(&[
        "dict",
        "lookup",
        "--place",
        "Georgia",
        "--in",
        "Police in Atlanta and across Georgia arrested dozens.",
    ]);
    assert!(ok, "{out}");
    assert!(out.contains("alone: Georgia (the highest prior"), "{out}");
    assert!(out.contains("in the text: Georgia, United States"), "{out}");
}
