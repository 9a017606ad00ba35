//! The three exports agree with the schema table of `docs/schema.md`: `export --format jsonl` has
//! its columns in its order with its JSON types, the Parquet dataset has them with its Arrow types
//! (partition columns as folders), and every GDELT column of the table holds the same value in
//! `export --format gdelt --header`. Run on the seed and 300 articles of allsides-world.

mod common;

use common::shared;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One row of the schema table.
#[derive(Debug)]
struct DocColumn {
    name: String,
    kind: String,
    partition: bool,
    nullable: bool,
    gdelt: bool,
}

fn doc_columns() -> Vec<DocColumn> {
    let doc = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema.md"),
    )
    .unwrap();
    let cells = |line: &str| -> Vec<String> {
        line.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let columns: Vec<DocColumn> = doc
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains('`'))
        .map(cells)
        .filter(|c| c.len() == 6 && c[0].parse::<usize>().is_ok())
        .map(|c| DocColumn {
            name: c[1].trim_matches('`').to_string(),
            kind: c[2].split_whitespace().next().unwrap().to_string(),
            partition: c[2].contains("partition"),
            nullable: c[3] == "yes",
            gdelt: c[4] == "yes",
        })
        .collect();
    assert!(columns.len() > 40, "no schema table in docs/schema.md");
    columns
}

fn run(args: &[&str], db: &Path) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("slice.jsonl");
    let corpus =
        std::fs::read_to_string(shared().join("corpus/allsides-world/articles.jsonl")).unwrap();
    std::fs::write(
        &input,
        corpus.lines().take(300).collect::<Vec<_>>().join("\n"),
    )
    .unwrap();
    let seed = shared().join("seed/xi-kim-letter-2020-10-11.txt");
    run(
        &["ingest", seed.to_str().unwrap(), input.to_str().unwrap()],
        &db,
    );
    (dir, db)
}

fn json_type_ok(kind: &str, nullable: bool, v: &serde_json::Value) -> bool {
    match (kind, v) {
        (_, serde_json::Value::Null) => nullable,
        ("int64", v) => v.is_i64(),
        ("double", v) => v.is_number(),
        ("string", v) => v.is_string(),
        ("bool", v) => v.is_boolean(),
        _ => false,
    }
}

fn arrow_name(t: &arrow_schema::DataType) -> &'static str {
    use arrow_schema::DataType::*;
    match t {
        Int64 => "int64",
        Float64 => "double",
        Utf8 => "string",
        Boolean => "bool",
        _ => "other",
    }
}

fn parquet_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            parquet_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "parquet") {
            out.push(path);
        }
    }
}

#[test]
fn jsonl_parquet_and_gdelt_exports_follow_docs_schema() {
    let columns = doc_columns();
    let (dir, db) = store();

    // JSON Lines: the table's columns, in order, with its types
    let jsonl = String::from_utf8(run(&["export", "--format", "jsonl"], &db)).unwrap();
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() > 100, "only {} events", rows.len());
    for (line, row) in jsonl.lines().zip(&rows) {
        // the table's columns and no others, in its order (serde_json's map sorts keys, so the
        // order is read from the line)
        assert_eq!(row.len(), columns.len());
        let at: Vec<usize> = columns
            .iter()
            .map(|c| line.find(&format!("\"{}\":", c.name)).expect(&c.name))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
        for c in &columns {
            assert!(
                json_type_ok(&c.kind, c.nullable, &row[&c.name]),
                "{} = {} is not {}",
                c.name,
                row[&c.name],
                c.kind
            );
        }
    }
    // query --format jsonl gives the same objects
    let query = String::from_utf8(run(&["query", "--format", "jsonl"], &db)).unwrap();
    assert_eq!(query.lines().count(), rows.len());
    assert_eq!(query.lines().next(), jsonl.lines().next());

    // Parquet: the table's columns less the partition folders, with its types; zstd
    let out = dir.path().join("pq");
    run(
        &[
            "export",
            "--format",
            "parquet",
            "--out",
            out.to_str().unwrap(),
        ],
        &db,
    );
    let mut files = Vec::new();
    parquet_files(&out, &mut files);
    assert!(!files.is_empty());
    let months: std::collections::HashSet<_> = rows
        .iter()
        .map(|r| (r["Year"].as_i64(), r["MonthYear"].as_i64()))
        .collect();
    assert_eq!(files.len(), months.len(), "one file per month");
    let mut parquet_rows = 0;
    for file in &files {
        let rel = file
            .strip_prefix(&out)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let parts: Vec<&str> = rel.split('/').collect();
        assert!(
            parts[0].starts_with("Year=") && parts[1].starts_with("MonthYear="),
            "{rel}"
        );
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
            std::fs::File::open(file).unwrap(),
        )
        .unwrap();
        let schema = reader.schema();
        let inside: Vec<&DocColumn> = columns.iter().filter(|c| !c.partition).collect();
        assert_eq!(schema.fields().len(), inside.len(), "{rel}");
        for (field, c) in schema.fields().iter().zip(&inside) {
            assert_eq!(field.name(), &c.name, "{rel}");
            assert_eq!(arrow_name(field.data_type()), c.kind, "{rel}: {}", c.name);
            assert_eq!(field.is_nullable(), c.nullable, "{rel}: {}", c.name);
        }
        let meta = reader.metadata();
        parquet_rows += meta.file_metadata().num_rows() as usize;
        let compression = meta.row_group(0).column(0).compression();
        assert!(
            matches!(compression, parquet::basic::Compression::ZSTD(_)),
            "{compression:?}"
        );
    }
    assert_eq!(parquet_rows, rows.len());

    // GDELT TSV: a header of GDELT's names, and each GDELT column of the table holds the value
    // the JSON Lines holds
    let tsv = String::from_utf8(run(&["export", "--format", "gdelt", "--header"], &db)).unwrap();
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header.len(), 61);
    let at: HashMap<&str, usize> = header.iter().enumerate().map(|(i, h)| (*h, i)).collect();
    let tsv_rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(tsv_rows.len(), rows.len());
    for (fields, row) in tsv_rows.iter().zip(&rows) {
        for c in columns.iter().filter(|c| c.gdelt) {
            let i = *at
                .get(c.name.as_str())
                .unwrap_or_else(|| panic!("{} not in GDELT", c.name));
            let (tsv, json) = (fields[i], &row[&c.name]);
            let same = match json {
                serde_json::Value::Null => tsv.is_empty(),
                serde_json::Value::String(s) => tsv == s,
                serde_json::Value::Number(n) if c.kind == "double" => {
                    (tsv.parse::<f64>().unwrap() - n.as_f64().unwrap()).abs() < 1e-4
                }
                // an undated event's Year and MonthYear are 0 in the schema, empty in GDELT's TSV
                serde_json::Value::Number(n) if n.as_i64() == Some(0) && c.partition => {
                    tsv.is_empty() || tsv == "0"
                }
                serde_json::Value::Number(n) => tsv.parse::<i64>().ok() == n.as_i64(),
                _ => false,
            };
            assert!(same, "{}: TSV {tsv:?}, JSON {json}", c.name);
        }
    }
}
