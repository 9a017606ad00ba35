//! Dates in the store: `date_basis` and the publication date are stored, `query --date-basis`
//! filters on them, history and undated events stay out of timelines unless asked.

mod common;
use common::tidings;
use std::path::Path;

const ARTICLES: &str = r#"{"id": "now", "date": "2020-10-11", "text": "China praised North Korea on Saturday."}
{"id": "history", "date": "2020-10-11", "text": "In 1950, China praised North Korea."}
{"id": "undated", "text": "China condemned North Korea."}
"#;

fn run(args: &[&str], db: &Path) -> String {
    let mut all = args.to_vec();
    all.extend(["--db", db.to_str().unwrap()]);
    let out = tidings(&all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn rows(jsonl: &str) -> Vec<serde_json::Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn date_basis_is_stored_filtered_and_kept_out_of_timelines() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, ARTICLES).unwrap();
    let db = dir.path().join("t.db");
    run(&["ingest", input.to_str().unwrap()], &db);

    let all = rows(&run(&["query", "--format", "jsonl"], &db));
    // the JSON Lines are in the schema of docs/schema.md: DateBasis, SQLDATE, PublishedDate
    let basis = |b: &str| all.iter().filter(|e| e["DateBasis"] == b).count();
    assert_eq!(
        (basis("sentence"), basis("history"), basis("undated")),
        (1, 1, 1),
        "{all:?}"
    );
    let history = all.iter().find(|e| e["DateBasis"] == "history").unwrap();
    assert_eq!(history["SQLDATE"], 19500101);
    assert_eq!(history["PublishedDate"], 20201011);
    let undated = all.iter().find(|e| e["DateBasis"] == "undated").unwrap();
    assert!(
        undated["SQLDATE"].is_null() && undated["PublishedDate"].is_null(),
        "{undated}"
    );

    let only = rows(&run(
        &[
            "query",
            "--format",
            "jsonl",
            "--date-basis",
            "history,undated",
        ],
        &db,
    ));
    assert_eq!(only.len(), 2, "{only:?}");

    let timeline = run(&["timeline", "CHN", "PRK"], &db);
    assert!(timeline.contains("2020-10"), "{timeline}");
    assert!(
        !timeline.contains("1950"),
        "history is left out: {timeline}"
    );
    let timeline = run(&["timeline", "CHN", "PRK", "--with-history"], &db);
    assert!(timeline.contains("1950-01"), "{timeline}");

    // the GDELT export still has 61 columns, the undated event's date fields empty
    let export = run(&["export", "--format", "gdelt"], &db);
    assert!(
        export.lines().all(|l| l.split('\t').count() == 61),
        "{export}"
    );
    assert!(
        export.lines().any(|l| l.split('\t').nth(1) == Some("")),
        "{export}"
    );
    // the JSON Lines export (DateBasis, PublishedDate) and the CSV listing carry the basis and
    // the publication date
    let exported = rows(&run(&["export", "--format", "jsonl"], &db));
    let history = exported
        .iter()
        .find(|e| e["DateBasis"] == "history")
        .unwrap_or_else(|| panic!("{exported:?}"));
    assert_eq!(history["PublishedDate"], 20201011, "{history}");
    let csv = run(&["query", "--format", "csv"], &db);
    assert!(
        csv.lines().next().unwrap().contains("date_basis,published"),
        "{csv}"
    );
    assert!(csv.contains("1950-01-01,history,2020-10-11"), "{csv}");
}
