//! Every event line validates against `shared/schema/event.schema.json`: the seed and a sample of
//! allsides-world.

mod common;
use common::{events, shared, tidings, validate};
use std::io::{BufRead, Write};

fn schema() -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(shared().join("schema/event.schema.json")).unwrap(),
    )
    .unwrap()
}

#[test]
fn seed_events_follow_the_schema() {
    let out = tidings(&[
        "code",
        "--explain",
        shared()
            .join("seed/xi-kim-letter-2020-10-11.txt")
            .to_str()
            .unwrap(),
    ]);
    let ev = events(&out);
    assert!(!ev.is_empty());
    let schema = schema();
    for e in &ev {
        let problems = validate(&schema, e);
        assert!(problems.is_empty(), "{e}: {problems:?}");
    }
}

#[test]
fn allsides_sample_follows_the_schema() {
    // every 10th article of the corpus
    let file = std::fs::File::open(shared().join("corpus/allsides-world/articles.jsonl")).unwrap();
    let dir = std::env::temp_dir().join(format!("tidings-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sample = dir.join("sample.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&sample).unwrap());
    for line in std::io::BufReader::new(file).lines().step_by(10) {
        writeln!(w, "{}", line.unwrap()).unwrap();
    }
    drop(w);
    let out = tidings(&["code", sample.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ev = events(&out);
    assert!(ev.len() > 300, "only {} events from the sample", ev.len());
    let schema = schema();
    for e in &ev {
        let mut problems = validate(&schema, e);
        // An event of an article without a date has no date (`--undated keep`, the default):
        // `date` is empty, which the shared schema's YYYY-MM-DD pattern does not allow yet. That
        // is the one departure allowed, and only for such events.
        if e["date_basis"] == "undated" && e["date"] == "" {
            problems.retain(|p| !p.starts_with("/date:"));
        }
        assert!(problems.is_empty(), "{e}: {problems:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
