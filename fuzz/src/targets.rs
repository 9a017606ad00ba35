//! The fuzz targets: each makes an input from a seeded generator and checks properties of what a
//! stage does with it. A target fails by returning `Err` (a property broken) or by panicking; the
//! driver also watches for hangs and memory blow-ups.

use crate::gen::{self, Rng};
use crate::seeds::SeedFile;
use crate::{dates, dicts, files};
use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;
use tidings_article::{Article, Format, Origin};
use tidings_coder::{CodeOptions, Coder};

pub const TARGETS: &[&str] = &[
    "plain",
    "jsonl",
    "clean",
    "sentences",
    "coder",
    "dates",
    "html",
    "warc",
    "feed",
    "dict",
    "petrarch",
    "validate",
];

/// Seed texts, seed files and the coder (built once, on first use: it takes a few seconds).
pub struct Ctx {
    pub seeds: Vec<String>,
    /// Whole seed files, for the targets that read files (`seeds::default_paths`).
    pub files: Vec<SeedFile>,
    coder: OnceLock<Coder>,
    warc: OnceLock<Vec<(String, Vec<u8>)>>,
}

impl Ctx {
    #[cfg(test)]
    pub fn new(seeds: Vec<String>) -> Ctx {
        Ctx::with_files(seeds, Vec::new())
    }
    pub fn with_files(seeds: Vec<String>, files: Vec<SeedFile>) -> Ctx {
        Ctx {
            seeds,
            files,
            coder: OnceLock::new(),
            warc: OnceLock::new(),
        }
    }
    fn warc_records(&self) -> &[(String, Vec<u8>)] {
        self.warc.get_or_init(|| files::warc_records(&self.files))
    }
    pub fn coder(&self) -> &Coder {
        self.coder
            .get_or_init(|| Coder::new(tidings_dict::Dictionaries::builtin()))
    }
}

/// The default largest input, in bytes, for `target`: readers are fast, the coder is not.
pub fn default_max_len(target: &str) -> usize {
    match target {
        "coder" | "dates" => 2_000,
        "html" => 32_000,
        "warc" => 64_000,
        "feed" => 16_000,
        _ => 8_000,
    }
}

/// The input for case `seed` of `target`.
pub fn input(target: &str, seed: u64, ctx: &Ctx, max_len: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    match target {
        "plain" => gen::bytes(&mut rng, &ctx.seeds, max_len),
        "jsonl" => jsonl(&mut rng, &ctx.seeds, max_len),
        "dates" => dates::input(&mut rng, &ctx.seeds, max_len),
        "html" => files::html_input(&mut rng, &ctx.files, max_len),
        "warc" => files::warc_input(&mut rng, ctx.warc_records(), max_len),
        "feed" => files::feed_input(&mut rng, &ctx.seeds, &ctx.files, max_len),
        "validate" => files::validate_input(&mut rng, &ctx.files, max_len),
        "dict" | "petrarch" => dicts::input(&mut rng, &ctx.files, max_len),
        _ => gen::text(&mut rng, &ctx.seeds, max_len).into_bytes(),
    }
}

/// Runs `target` on `input` and checks its properties.
pub fn check(target: &str, input: &[u8], ctx: &Ctx) -> Result<(), String> {
    match target {
        "plain" => check_plain(input),
        "jsonl" => check_jsonl(input),
        "clean" => check_clean(&String::from_utf8_lossy(input)),
        "sentences" => check_sentences(&String::from_utf8_lossy(input)),
        "coder" => check_coder(&String::from_utf8_lossy(input), ctx.coder()),
        "dates" => dates::check(input),
        "html" => files::check_html(input),
        "warc" => files::check_warc(input),
        "feed" => files::check_feed(input),
        "validate" => files::check_validate(input),
        "dict" => dicts::check_dict(input),
        "petrarch" => dicts::check_petrarch(input),
        other => Err(format!("no target {other}")),
    }
}

/// Several lines: mutated seed lines, and objects built field by field with values of any JSON
/// type, sometimes with a token inserted that breaks them.
fn jsonl(rng: &mut Rng, seeds: &[String], max_len: usize) -> Vec<u8> {
    use serde_json::{json, Map, Value};
    let mut lines = Vec::new();
    for _ in 0..1 + rng.below(6) {
        if rng.chance(2) {
            lines.push(gen::text(rng, seeds, max_len / 4 + 1));
            continue;
        }
        let mut object = Map::new();
        for key in ["id", "title", "date", "source", "url", "text", "topic"] {
            if rng.chance(3) {
                continue;
            }
            // Mostly strings, as tidings reads them; now and then another type, which is an error
            // for every field but `id`.
            let value = match rng.below(40) {
                0 => Value::Null,
                1 => json!(rng.next() as i64),
                2 => json!(rng.chance(2)),
                3 => json!([gen::text(rng, &[], 20)]),
                4 => json!({ "x": gen::text(rng, &[], 20) }),
                5..=9 => json!(*rng.pick(&[
                    "2020-10-10",
                    "2020-13-45",
                    "Oct. 10, 2020",
                    "",
                    "10/10/2020",
                    "2020-02-30T12:00:00Z",
                    "0000-00-00"
                ])),
                _ => Value::String(gen::text(rng, seeds, max_len / 4 + 1)),
            };
            object.insert(key.to_string(), value);
        }
        let mut line = Value::Object(object).to_string();
        if rng.chance(4) {
            let at = rng.below(line.len() + 1);
            let mut at = at;
            while !line.is_char_boundary(at) {
                at -= 1;
            }
            line.insert_str(at, *rng.pick(gen::TOKENS));
        }
        lines.push(line);
    }
    let sep = if rng.chance(5) { "\r\n" } else { "\n" };
    let mut out = lines.join(sep).into_bytes();
    if !out.is_empty() && rng.chance(6) {
        let i = rng.below(out.len());
        out[i] = rng.next() as u8;
    }
    out
}

fn check_plain(input: &[u8]) -> Result<(), String> {
    let name = Path::new("fuzz.txt");
    for format in [Some(Format::PlainText), None] {
        let records =
            tidings_article::read_reader(name, Box::new(Cursor::new(input.to_vec())), format);
        let records = match records {
            Ok(r) => r,
            Err(e) => {
                if e.file != name || e.reason.is_empty() {
                    return Err(format!("error without file or reason: {e:?}"));
                }
                continue;
            }
        };
        for record in records {
            match record {
                Ok(mut article) => {
                    if article.origin.file != name {
                        return Err(format!("origin {:?}", article.origin));
                    }
                    let limit = article.size() / 2;
                    article.cut_to(limit);
                    if article.size() > limit {
                        return Err(format!("cut_to({limit}) left {} bytes", article.size()));
                    }
                }
                Err(e) if e.file != name || e.reason.is_empty() => {
                    return Err(format!("error without file or reason: {e:?}"))
                }
                Err(_) => {}
            }
        }
    }
    Ok(())
}

fn check_jsonl(input: &[u8]) -> Result<(), String> {
    let name = Path::new("fuzz.jsonl");
    let lines = input.split(|&b| b == b'\n').count();
    let records = match tidings_article::read_reader(
        name,
        Box::new(Cursor::new(input.to_vec())),
        Some(Format::JsonLines),
    ) {
        Ok(r) => r,
        Err(e) if e.file == name && !e.reason.is_empty() => return Ok(()),
        Err(e) => return Err(format!("error without file or reason: {e:?}")),
    };
    let mut last_line = 0;
    let mut count = 0;
    for record in records {
        count += 1;
        let line = match &record {
            Ok(article) => {
                if article.origin.file != name {
                    return Err(format!("origin {:?}", article.origin));
                }
                for w in &article.warnings {
                    if w.line != Some(article.origin.line) {
                        return Err(format!("warning {w:?} not on line {}", article.origin.line));
                    }
                }
                Some(article.origin.line)
            }
            Err(e) => {
                if e.file != name || e.reason.is_empty() {
                    return Err(format!("error without file or reason: {e:?}"));
                }
                e.line
            }
        };
        if let Some(line) = line {
            if line == 0 || line > lines || line <= last_line {
                return Err(format!(
                    "record on line {line} after line {last_line}, of {lines} lines"
                ));
            }
            last_line = line;
        }
        if count > lines {
            return Err(format!("{count} records from {lines} lines"));
        }
    }
    Ok(())
}

fn article(text: &str) -> Article {
    // The first line, when short, doubles as a title, so titles are fuzzed as well.
    let title = text
        .lines()
        .next()
        .filter(|l| l.len() < 200)
        .map(str::to_string);
    Article {
        id: "fuzz".into(),
        title,
        date: chrono::NaiveDate::from_ymd_opt(2020, 10, 10),
        source: None,
        url: None,
        text: text.to_string(),
        origin: Origin {
            file: "fuzz".into(),
            line: 1,
        },
        warnings: Vec::new(),
    }
}

fn check_clean(text: &str) -> Result<(), String> {
    let a = article(text);
    let clean = tidings_article::clean(&a);
    if let Some(end) = clean.headline_end {
        if end > clean.text.len() || !clean.text.is_char_boundary(end) {
            return Err(format!("headline_end {end} in {} bytes", clean.text.len()));
        }
    }
    let again = tidings_article::clean(&a);
    if again.text != clean.text {
        return Err("clean gave two different texts for one article".into());
    }
    Ok(())
}

fn check_sentences(text: &str) -> Result<(), String> {
    let ranges = tidings_text::split_sentences(text);
    let mut last_end = 0;
    for r in &ranges {
        if r.start < last_end || r.start > r.end || r.end > text.len() {
            return Err(format!(
                "range {r:?} after {last_end}, text {} bytes",
                text.len()
            ));
        }
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(format!("range {r:?} not on character boundaries"));
        }
        last_end = r.end;
        let piece = &text[r.clone()];
        let mut words = 0;
        let mut in_word = false;
        for c in piece.chars() {
            if c.is_alphanumeric() && !in_word {
                words += 1;
            }
            in_word = c.is_alphanumeric();
        }
        if words > tidings_text::MAX_SENTENCE_WORDS {
            return Err(format!("a sentence of {words} words at {r:?}"));
        }
    }
    Ok(())
}

fn check_coder(text: &str, coder: &Coder) -> Result<(), String> {
    let a = article(text);
    let coded = coder.code(&a, &CodeOptions::default());
    let clean = &coded.clean.text;
    for e in &coded.events {
        let (s, t) = (e.span.start, e.span.end);
        if s > t || t > clean.len() || !clean.is_char_boundary(s) || !clean.is_char_boundary(t) {
            return Err(format!("span {s}..{t} in {} bytes", clean.len()));
        }
        if clean[s..t] != e.sentence {
            return Err(format!(
                "span {s}..{t} is not the event's sentence {:?}",
                e.sentence
            ));
        }
        if !(1..=4).contains(&e.quad_class) || !(-10.0..=10.0).contains(&e.goldstein) {
            return Err(format!(
                "quad class {} goldstein {}",
                e.quad_class, e.goldstein
            ));
        }
        if e.cameo.is_empty() || !e.cameo.starts_with(&e.root) {
            return Err(format!("code {} root {}", e.cameo, e.root));
        }
    }
    coder.code_text(text, a.date, &CodeOptions::default());
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The normal test run checks that the targets run and that their inputs reach the code under
    //! test (records read, errors reported, events coded), not only its first rejection; the long
    //! runs are `tidings-fuzz TARGET --seconds S` (README.md).
    use super::*;

    fn inputs(target: &str, n: u64) -> Vec<Vec<u8>> {
        let ctx = Ctx::new(Vec::new());
        (1..=n)
            .map(|seed| input(target, seed, &ctx, default_max_len(target)))
            .collect()
    }

    #[test]
    fn every_target_passes_its_first_cases() {
        for target in TARGETS {
            // the seed files the long runs read, from ../shared and dictionaries/
            let files = crate::seeds::load(target, &crate::seeds::default_paths(target));
            let ctx = Ctx::with_files(Vec::new(), files);
            let n = match *target {
                "coder" => 30,
                "html" | "warc" => 60,
                _ => 300,
            };
            for seed in 1..=n {
                let i = input(target, seed, &ctx, default_max_len(target));
                assert_eq!(check(target, &i, &ctx), Ok(()), "{target} seed {seed}");
            }
        }
    }

    #[test]
    fn reader_inputs_give_articles_and_errors_both() {
        let (mut articles, mut errors) = (0, 0);
        for i in inputs("jsonl", 500) {
            let r = tidings_article::read_reader(
                Path::new("f.jsonl"),
                Box::new(Cursor::new(i)),
                Some(Format::JsonLines),
            );
            for rec in r.into_iter().flatten() {
                match rec {
                    Ok(_) => articles += 1,
                    Err(_) => errors += 1,
                }
            }
        }
        assert!(
            articles > 200 && errors > 200,
            "jsonl: {articles} articles, {errors} errors"
        );
        let (mut articles, mut errors) = (0, 0);
        for i in inputs("plain", 500) {
            match tidings_article::read_reader(Path::new("f.txt"), Box::new(Cursor::new(i)), None) {
                Ok(r) => articles += r.filter(Result::is_ok).count(),
                Err(_) => errors += 1,
            }
        }
        assert!(
            articles > 200 && errors > 10,
            "plain: {articles} articles, {errors} errors"
        );
    }

    /// The inputs of `target` made from its default seed files; None (and a note) without them.
    fn file_inputs(target: &str, n: u64) -> Option<Vec<Vec<u8>>> {
        let files = crate::seeds::load(target, &crate::seeds::default_paths(target));
        if files.is_empty() {
            eprintln!("{target}: no seed files (../shared missing?); not checked");
            return None;
        }
        let ctx = Ctx::with_files(Vec::new(), files);
        Some(
            (1..=n)
                .map(|seed| input(target, seed, &ctx, default_max_len(target)))
                .collect(),
        )
    }

    #[test]
    fn file_targets_reach_past_the_first_rejection() {
        let read = |name: &str, format: Format, i: &[u8]| {
            let r = tidings_article::read_reader(
                Path::new(name),
                Box::new(Cursor::new(i.to_vec())),
                Some(format),
            );
            let (mut ok, mut err) = (0, 0);
            match r {
                Ok(records) => records.for_each(|r| match r {
                    Ok(_) => ok += 1,
                    Err(_) => err += 1,
                }),
                Err(_) => err += 1,
            }
            (ok, err)
        };
        if let Some(inputs) = file_inputs("html", 40) {
            let pages = inputs
                .iter()
                .filter(|i| read("p.html", Format::Html, i).0 > 0)
                .count();
            assert!(pages >= 15, "{pages} of 40 html inputs gave an article");
        }
        if let Some(inputs) = file_inputs("warc", 60) {
            let (ok, err) = inputs.iter().fold((0, 0), |(a, b), i| {
                let (o, e) = read("a.warc", Format::Warc, i);
                (a + o, b + e)
            });
            assert!(ok >= 20 && err >= 3, "warc: {ok} articles, {err} errors");
        }
        if let Some(inputs) = file_inputs("dict", 200) {
            let with_errors = inputs
                .iter()
                .filter(|i| {
                    let text = String::from_utf8_lossy(i);
                    let (name, body) = text.split_once('\n').unwrap();
                    let mut b = tidings_dict::DictionaryBuilder::new();
                    b.add_file(name, body);
                    !b.build().1.is_empty()
                })
                .count();
            assert!(
                (20..=180).contains(&with_errors),
                "{with_errors} of 200 dict inputs had rejected lines"
            );
        }
        let ctx = Ctx::with_files(Vec::new(), Vec::new());
        let feeds = (1..=40)
            .map(|seed| input("feed", seed, &ctx, default_max_len("feed")))
            .filter(|i| read("f.rss", Format::Feed, i).0 > 0)
            .count();
        assert!(feeds >= 10, "{feeds} of 40 feed inputs gave an article");
        if let Some(inputs) = file_inputs("validate", 100) {
            let with_records = inputs
                .iter()
                .filter(|i| {
                    !tidings_validate::records::parse(&String::from_utf8_lossy(i))
                        .records
                        .is_empty()
                })
                .count();
            assert!(
                with_records >= 40,
                "{with_records} of 100 validate inputs had records"
            );
        }
    }

    #[test]
    fn coder_inputs_give_events() {
        let ctx = Ctx::new(Vec::new());
        let with_events = inputs("coder", 60)
            .iter()
            .filter(|i| {
                let a = article(&String::from_utf8_lossy(i));
                !ctx.coder()
                    .code(&a, &CodeOptions::default())
                    .events
                    .is_empty()
            })
            .count();
        assert!(with_events >= 10, "{with_events} of 60 inputs coded events");
    }
}
