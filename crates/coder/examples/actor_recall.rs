//! How many of the actors that expert coders found in real news the actor finder recognises with
//! their country, over the training sentences (`../shared/train/allsides-train.jsonl`).
//!
//! For each event actor with words in the sentence (`source_text`/`target_text`) and a country, it
//! is recalled when some actor phrase that `find_actors` finds overlaps those words and has that
//! country. A miss is one of: nothing found there (`not found`), only a bare role without country
//! (`role without country`, "the administration" = GOV), or another country (`wrong country`).
//! Separately it counts the found phrases without a country that overlap an actor the coders gave a
//! country: the role-without-country errors.
//!
//! ```sh
//! cargo run --release -p tidings-coder --example actor_recall [-- OPTIONS]
//!   --misses N     print N misses of each kind (default 25; 0 for none)
//!   --context      first read the article's text before the sentence (from the corpus) into the
//!                  article memory, as the coder would have done; default a fresh memory
//!   --file PATH    another training file
//!   --list         print every miss, one per line (for diffing two runs)
//!   --show TEXT    only print the actors found in TEXT (sentences separated by " || " share one
//!                  article memory), dated --date YYYY-MM-DD (default 2017-06-01)
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use tidings_coder::actors::find_actors;
use tidings_coder::memory::ArticleMemory;
use tidings_dict::words::Words;
use tidings_dict::Dictionaries;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Miss {
    NotFound,
    RoleWithoutCountry,
    WrongCountry,
}

impl Miss {
    fn label(self) -> &'static str {
        match self {
            Miss::NotFound => "not found",
            Miss::RoleWithoutCountry => "role without country",
            Miss::WrongCountry => "wrong country",
        }
    }
}

struct Options {
    file: PathBuf,
    misses: usize,
    context: bool,
    list: bool,
    show: Option<String>,
    date: Option<chrono::NaiveDate>,
}

fn options() -> Options {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut o = Options {
        file: root.join("train/allsides-train.jsonl"),
        misses: 25,
        context: false,
        list: false,
        show: None,
        date: chrono::NaiveDate::from_ymd_opt(2017, 6, 1),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--misses" => o.misses = args.next().and_then(|n| n.parse().ok()).unwrap_or(25),
            "--context" => o.context = true,
            "--list" => o.list = true,
            "--file" => o.file = PathBuf::from(args.next().expect("--file PATH")),
            "--show" => o.show = args.next(),
            "--date" => {
                o.date = args
                    .next()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            }
            _ => panic!("unknown argument {a}"),
        }
    }
    o
}

/// The corpus text of each article in `ids`, for `--context`.
fn article_texts(ids: &HashSet<String>) -> HashMap<String, String> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/allsides-world/articles.jsonl");
    let text = std::fs::read_to_string(&corpus).expect("corpus");
    let mut out = HashMap::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or_default();
        if ids.contains(id) {
            out.insert(
                id.to_string(),
                v["text"].as_str().unwrap_or_default().to_string(),
            );
        }
    }
    out
}

/// Byte ranges of every occurrence of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, s)| (i, i + s.len()))
        .collect()
}

fn country_of(code: &str) -> Option<String> {
    tidings_event::split_actor_code(code).0
}

/// `--show`: the actors found in each sentence of `text`.
fn show(text: &str, date: Option<chrono::NaiveDate>, dicts: &Dictionaries) {
    let mut memory = ArticleMemory::default();
    for sentence in text.split(" || ") {
        let words = Words::new(sentence);
        for g in find_actors(&words, dicts, date, &mut memory) {
            let members: Vec<String> = g
                .members
                .iter()
                .map(|p| {
                    let a = words.get(p.start).start as usize;
                    let b = words.get(p.end - 1).end as usize;
                    format!("'{}'={}", &sentence[a..b], p.code)
                })
                .collect();
            println!("{}", members.join(" + "));
        }
        println!("--");
    }
}

fn main() {
    let o = options();
    let dicts = Dictionaries::builtin();
    if let Some(text) = &o.show {
        show(text, o.date, &dicts);
        return;
    }
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&o.file)
        .expect("training file")
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let texts = if o.context {
        let ids = lines
            .iter()
            .filter_map(|v| v["article_id"].as_str().map(str::to_string))
            .collect();
        article_texts(&ids)
    } else {
        HashMap::new()
    };

    let (mut total, mut recalled) = (0usize, 0usize);
    let mut misses: BTreeMap<Miss, Vec<String>> = BTreeMap::new();
    // recall by the role of the expected code (GOV, MIL, none, ...)
    let mut by_role: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut role_errors = 0usize;
    let mut role_error_samples: Vec<String> = Vec::new();
    let mut words = Words::default();
    for v in &lines {
        let sid = v["sid"].as_str().unwrap_or_default();
        let text = v["text"].as_str().unwrap_or_default();
        let date = v["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut memory = ArticleMemory::default();
        if let Some(article) = v["article_id"].as_str().and_then(|id| texts.get(id)) {
            // `start` counts characters
            let start = v["start"].as_u64().unwrap_or(0) as usize;
            let before: String = article.chars().take(start).collect();
            for r in tidings_text::split_sentences(&before) {
                words.fill(&before[r]);
                if !words.is_empty() {
                    find_actors(&words, &dicts, date, &mut memory);
                }
            }
        }
        words.fill(text);
        let found: Vec<(usize, usize, String)> = find_actors(&words, &dicts, date, &mut memory)
            .into_iter()
            .flat_map(|g| g.members)
            .map(|p| {
                let a = words.get(p.start).start as usize;
                let b = words.get(p.end - 1).end as usize;
                (a, b, p.code)
            })
            .collect();
        let found_desc = found
            .iter()
            .map(|(a, b, c)| format!("{}={c}", &text[*a..*b]))
            .collect::<Vec<_>>()
            .join(", ");

        // each actor mention once, though meetings are coded in both directions
        let mut seen: HashSet<(String, String)> = HashSet::new();
        let mut role_error_phrases: HashSet<(usize, usize)> = HashSet::new();
        for e in v["events"].as_array().into_iter().flatten() {
            for side in ["source", "target"] {
                let (Some(actor_text), Some(country), code) = (
                    e[format!("{side}_text")].as_str(),
                    e[format!("{side}_country")].as_str(),
                    e[side].as_str().unwrap_or_default(),
                ) else {
                    continue;
                };
                if !seen.insert((actor_text.to_string(), country.to_string())) {
                    continue;
                }
                let spans = occurrences(text, actor_text);
                let overlapping: Vec<&(usize, usize, String)> = found
                    .iter()
                    .filter(|(a, b, _)| spans.iter().any(|(s, t)| a < t && s < b))
                    .collect();
                for (a, b, c) in &overlapping {
                    if country_of(c).is_none() && role_error_phrases.insert((*a, *b)) {
                        role_errors += 1;
                        if role_error_samples.len() < o.misses {
                            role_error_samples.push(format!(
                                "{sid} '{}'={c} in '{actor_text}' (expected {code})",
                                &text[*a..*b]
                            ));
                        }
                    }
                }
                let role = tidings_event::split_actor_code(code)
                    .1
                    .unwrap_or_else(|| "-".into());
                let r = by_role.entry(role).or_default();
                r.0 += 1;
                total += 1;
                let hit = overlapping
                    .iter()
                    .any(|(_, _, c)| country_of(c).as_deref() == Some(country));
                if hit {
                    recalled += 1;
                    r.1 += 1;
                    continue;
                }
                let kind = if overlapping.is_empty() {
                    Miss::NotFound
                } else if overlapping.iter().all(|(_, _, c)| country_of(c).is_none()) {
                    Miss::RoleWithoutCountry
                } else {
                    Miss::WrongCountry
                };
                let line = format!(
                    "{sid} '{actor_text}' expected {code}; found [{found_desc}]\n      {text}"
                );
                if o.list {
                    println!("MISS {} | {sid} | {actor_text} | {code}", kind.label());
                }
                misses.entry(kind).or_default().push(line);
            }
        }
    }

    println!(
        "actor recall: {recalled} of {total} ({:.1}%){}",
        100.0 * recalled as f64 / total.max(1) as f64,
        if o.context {
            " with article context"
        } else {
            ""
        }
    );
    for (kind, list) in &misses {
        println!("  {}: {}", kind.label(), list.len());
    }
    println!("found phrases without a country on an actor with one (role without country): {role_errors}");
    println!("recall by the expected role:");
    for (role, (n, hit)) in &by_role {
        if *n >= 10 {
            println!(
                "  {role}: {hit} of {n} ({:.1}%)",
                100.0 * *hit as f64 / *n as f64
            );
        }
    }
    if o.misses == 0 {
        return;
    }
    for (kind, list) in &misses {
        println!("\n== {} ({}), a sample:", kind.label(), list.len());
        // every k-th, so the sample spreads over the file
        let step = (list.len() / o.misses).max(1);
        for line in list.iter().step_by(step).take(o.misses) {
            println!("  {line}");
        }
    }
    println!("\n== role-without-country phrases, a sample:");
    for s in &role_error_samples {
        println!("  {s}");
    }
}
