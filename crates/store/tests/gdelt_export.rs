//! Reads the GDELT export back and checks every field's form against real GDELT 2.0 rows
//! (`../shared/reference/gdelt/events2-sample.csv`): date forms, codes with leading zeros,
//! QuadClass, Goldstein, counts, DATEADDED.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use tidings_store::export::{fraction_date, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS};
use tidings_store::Store;

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(path)
}

/// Splits one CSV line (double-quoted fields may hold commas).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// The form of a field: digits become 9, capitals A, small letters a, runs collapsed.
fn shape(field: &str) -> String {
    let mut out = String::new();
    for c in field.chars() {
        let class = if c.is_ascii_digit() {
            '9'
        } else if c.is_ascii_uppercase() {
            'A'
        } else if c.is_ascii_lowercase() {
            'a'
        } else {
            c
        };
        if !out.ends_with(class) || !matches!(class, '9' | 'A' | 'a') {
            out.push(class);
        }
    }
    out
}

/// Column name -> the set of shapes seen in the real rows, and the real rows themselves.
type Row = HashMap<String, String>;

fn sample() -> (HashMap<String, HashSet<String>>, Vec<Row>) {
    let text = std::fs::read_to_string(shared("reference/gdelt/events2-sample.csv"))
        .expect("GDELT sample");
    let mut lines = text.lines();
    let header = csv_fields(lines.next().unwrap());
    let mut shapes: HashMap<String, HashSet<String>> = HashMap::new();
    let mut rows = Vec::new();
    for line in lines {
        let fields = csv_fields(line);
        assert_eq!(fields.len(), header.len(), "sample line: {line}");
        let row: Row = header.iter().cloned().zip(fields).collect();
        for (k, v) in &row {
            shapes.entry(k.clone()).or_default().insert(shape(v));
        }
        rows.push(row);
    }
    (shapes, rows)
}

#[test]
fn the_column_list_is_gdelts() {
    let text = std::fs::read_to_string(shared(
        "reference/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv",
    ))
    .unwrap();
    let names: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| csv_fields(l)[0].clone())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(names, GDELT_EVENT_COLUMNS.to_vec());
    let text = std::fs::read_to_string(shared(
        "reference/gdelt/GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv",
    ))
    .unwrap();
    let names: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .filter(|n| *n != "Add New Fields")
        .collect();
    assert_eq!(names, GDELT_MENTION_COLUMNS[..16].to_vec());
}

#[test]
fn fraction_date_matches_every_real_row() {
    let (_, rows) = sample();
    for row in &rows {
        let d = chrono::NaiveDate::parse_from_str(&row["SQLDATE"], "%Y%m%d").unwrap();
        assert_eq!(
            fraction_date(d),
            row["FractionDate"],
            "SQLDATE {}",
            row["SQLDATE"]
        );
    }
}

#[test]
fn exported_fields_have_the_forms_of_real_gdelt_rows() {
    let mut store = Store::open_in_memory().unwrap();
    let batch: Vec<_> = (0..60).map(common::article).collect();
    store.ingest_batch(&batch).unwrap();
    let mut out = Vec::new();
    let n = store.export_gdelt_events(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(n, store.summary().unwrap().events as usize);
    assert!(n > 20, "{n} events");
    let (shapes, _) = sample();
    let mut codes = HashSet::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        for (name, value) in GDELT_EVENT_COLUMNS.iter().zip(&fields) {
            if *name == "SOURCEURL" {
                assert!(value.starts_with("https://"), "{value}");
                continue;
            }
            if name.ends_with("FullName") {
                // Free text, as GDELT writes it ("Idlib, Syria")
                continue;
            }
            if name.ends_with("Name") {
                // Free text; GDELT writes names in capitals.
                assert_eq!(value.to_uppercase(), *value);
                continue;
            }
            let seen = &shapes[*name];
            assert!(
                seen.contains(&shape(value)),
                "{name} = {value:?} (shape {}) not among {seen:?}",
                shape(value)
            );
        }
        let f = |name: &str| fields[GDELT_EVENT_COLUMNS.iter().position(|c| *c == name).unwrap()];
        // Codes keep their leading zeros; base and root codes are prefixes.
        let code = f("EventCode");
        codes.insert(code.to_string());
        assert!(
            code.starts_with(f("EventBaseCode"))
                && f("EventBaseCode").starts_with(f("EventRootCode"))
        );
        assert_eq!(f("EventRootCode").len(), 2);
        assert_eq!(
            tidings_event::quad_class(f("EventRootCode"))
                .unwrap()
                .to_string(),
            f("QuadClass")
        );
        assert!(f("SQLDATE").starts_with(f("MonthYear")) && f("MonthYear").starts_with(f("Year")));
        let (m, s, a): (u32, u32, u32) = (
            f("NumMentions").parse().unwrap(),
            f("NumSources").parse().unwrap(),
            f("NumArticles").parse().unwrap(),
        );
        assert!(m >= a && a >= s && s >= 1, "{m} {s} {a}");
        assert_eq!(f("DATEADDED").len(), 14);
    }
    for code in ["051", "0251", "042", "036", "19", "190"] {
        assert!(codes.contains(code), "{code} missing from {codes:?}");
    }
}

#[test]
fn mentions_export_has_gdelts_columns_and_the_sentence() {
    let mut store = Store::open_in_memory().unwrap();
    let batch: Vec<_> = (0..14).map(common::article).collect();
    store.ingest_batch(&batch).unwrap();
    let mut out = Vec::new();
    let n = store.export_gdelt_mentions(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(n, store.summary().unwrap().mentions as usize);
    let events: HashSet<i64> = store
        .query(&Default::default())
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), GDELT_MENTION_COLUMNS.len());
        assert!(events.contains(&f[0].parse().unwrap()));
        assert_eq!(f[1].len(), 14);
        assert_eq!(f[3], "1");
        assert!(f[5].starts_with("https://site"));
        assert!(f[6].parse::<u32>().unwrap() >= 1, "SentenceID is 1-based");
        assert!(f[16].contains(" did "), "sentence text: {}", f[16]);
        assert!(f[17].parse::<u32>().unwrap() < f[18].parse::<u32>().unwrap());
    }
}

#[test]
fn parquet_export_writes_one_file_per_partition() {
    let mut store = Store::open_in_memory().unwrap();
    let batch: Vec<_> = (0..30).map(common::article).collect();
    store.ingest_batch(&batch).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (files, rows) = store
        .export_parquet(dir.path(), tidings_store::Partition::Month)
        .unwrap();
    assert_eq!(rows, store.summary().unwrap().events as usize);
    let months: HashSet<String> = store
        .query(&Default::default())
        .unwrap()
        .iter()
        .map(|e| e.date.unwrap().format("%Y%m").to_string())
        .collect();
    assert_eq!(files.len(), months.len());
    for f in &files {
        let part = f
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        assert!(part.starts_with("MonthYear=2020"), "{part}");
        let bytes = std::fs::read(f).unwrap();
        assert_eq!(&bytes[..4], b"PAR1");
    }
}

#[test]
fn action_geo_fills_gdelts_columns_in_gdelts_forms() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch: Vec<_> = (0..6).map(common::article).collect();
    let idlib = tidings_event::Geo {
        geo_type: 4,
        full_name: "Idlib, Syria".into(),
        country_code: "SY".into(),
        adm1_code: "SY12".into(),
        lat: Some(35.9306),
        long: Some(36.6339),
        feature_id: "169389".into(),
        span: tidings_event::Span { start: 3, end: 8 },
        text: "Idlib".into(),
        geo_basis: "sentence".into(),
    };
    let country = tidings_event::Geo {
        geo_type: 1,
        full_name: "Georgia".into(),
        country_code: "GG".into(),
        adm1_code: "GG".into(),
        lat: Some(41.8403),
        long: Some(43.9223),
        feature_id: "614540".into(),
        span: tidings_event::Span { start: 0, end: 7 },
        text: "Georgia".into(),
        geo_basis: "lead".into(),
    };
    for (_, events) in batch.iter_mut().take(3) {
        events[0].action_geo = Some(idlib.clone());
        events[1].action_geo = Some(country.clone());
    }
    store.ingest_batch(&batch).unwrap();
    let mut out = Vec::new();
    store.export_gdelt_events(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let (shapes, _) = sample();
    let col = |name: &str| GDELT_EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let mut filled = HashSet::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        let geo: Vec<&str> = fields[col("ActionGeo_Type")..col("DATEADDED")].to_vec();
        if geo[0] == "0" {
            assert!(geo[1..].iter().all(|f| f.is_empty()), "{geo:?}");
            continue;
        }
        filled.insert(geo.join("|"));
        for name in [
            "ActionGeo_Type",
            "ActionGeo_CountryCode",
            "ActionGeo_ADM1Code",
            "ActionGeo_Lat",
            "ActionGeo_Long",
            "ActionGeo_FeatureID",
        ] {
            let value = fields[col(name)];
            assert!(
                shapes[name].contains(&shape(value)),
                "{name} = {value:?} not in GDELT's forms"
            );
        }
    }
    let filled: Vec<_> = filled.into_iter().collect();
    assert_eq!(filled.len(), 2, "{filled:?}");
    assert!(filled.contains(&"4|Idlib, Syria|SY|SY12||35.9306|36.6339|169389".to_string()));
    assert!(filled.contains(&"1|Georgia|GG|GG||41.8403|43.9223|614540".to_string()));
}

#[test]
fn actor_geo_fills_gdelts_actor_columns_in_every_export() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch: Vec<_> = (0..2).map(common::article).collect();
    let aleppo = tidings_event::Geo {
        geo_type: 4,
        full_name: "Aleppo, Syria".into(),
        country_code: "SY".into(),
        adm1_code: "SY09".into(),
        lat: Some(36.2012),
        long: Some(37.1612),
        feature_id: "170063".into(),
        span: tidings_event::Span { start: 3, end: 9 },
        text: "Aleppo".into(),
        geo_basis: "actor".into(),
    };
    let russia = tidings_event::Geo {
        geo_type: 1,
        full_name: "Russia".into(),
        country_code: "RS".into(),
        adm1_code: "RS".into(),
        lat: Some(55.0),
        long: Some(45.0),
        feature_id: "2017370".into(),
        span: tidings_event::Span { start: 0, end: 6 },
        text: "Russian".into(),
        geo_basis: "country".into(),
    };
    for (_, events) in batch.iter_mut() {
        events[0].source.geo = Some(aleppo.clone());
        if let Some(t) = events[0].target.as_mut() {
            t.geo = Some(russia.clone());
        }
    }
    store.ingest_batch(&batch).unwrap();
    let mut out = Vec::new();
    store.export_gdelt_events(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let col = |name: &str| GDELT_EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let with = |name: &str, value: &str| rows.iter().filter(|f| f[col(name)] == value).count();
    assert!(with("Actor1Geo_FullName", "Aleppo, Syria") >= 1, "{text}");
    assert!(with("Actor1Geo_FeatureID", "170063") >= 1);
    assert!(with("Actor2Geo_CountryCode", "RS") >= 1);
    assert!(with("Actor2Geo_Type", "1") >= 1);
    // the JSON Lines export (the schema Parquet shares) carries them too
    let mut out = Vec::new();
    store.export_jsonl(&mut out).unwrap();
    let jsonl = String::from_utf8(out).unwrap();
    let filled = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["Actor1Geo_FullName"] == "Aleppo, Syria" && v["Actor2Geo_Type"] == 1)
        .count();
    assert!(filled >= 1, "{jsonl}");
}
