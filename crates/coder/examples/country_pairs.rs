//! How many sentences that name two or more different countries yield at least one event, with the
//! full built-in dictionaries and with a reduced set (countries, agents, verbs: no people or
//! organisations), over a JSON Lines corpus.
//!
//! `cargo run --release -p tidings-coder --example country_pairs [-- FILE]`

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use tidings_coder::actors::find_actors;
use tidings_coder::memory::ArticleMemory;
use tidings_coder::{CodeOptions, Coder};
use tidings_dict::words::Words;
use tidings_dict::{DictionaryBuilder, BUILTIN_FILES};

fn measure(label: &str, coder: &Coder, articles: &[tidings_article::Article]) {
    let (mut pair_sentences, mut pair_with_event) = (0usize, 0usize);
    for a in articles {
        let coded = coder.code(a, &CodeOptions::default());
        let with_events: HashSet<usize> = coded.events.iter().map(|e| e.sentence_index).collect();
        let text = &coded.clean.text;
        let mut memory = ArticleMemory::default();
        let mut words = Words::default();
        for (i, r) in tidings_text::split_sentences(text).into_iter().enumerate() {
            words.fill(&text[r]);
            if words.is_empty() {
                continue;
            }
            let groups = find_actors(&words, coder.dictionaries(), a.date, &mut memory);
            let countries: BTreeSet<String> = groups
                .iter()
                .flat_map(|g| g.members.iter())
                .filter_map(|m| tidings_event::split_actor_code(&m.code).0)
                .collect();
            if countries.len() >= 2 {
                pair_sentences += 1;
                pair_with_event += usize::from(with_events.contains(&i));
            }
        }
    }
    println!(
        "{label}: {pair_sentences} sentences name two or more countries; {pair_with_event} of them yield an event ({:.1}%)",
        100.0 * pair_with_event as f64 / pair_sentences.max(1) as f64
    );
}

fn main() {
    let file = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/corpus/allsides-world/articles.jsonl")
        });
    let articles: Vec<_> = tidings_article::read_path(&file, None)
        .expect("corpus")
        .filter_map(Result::ok)
        .collect();
    let mut reduced = DictionaryBuilder::new();
    for (path, text) in BUILTIN_FILES {
        if !path.starts_with("people/") && !path.starts_with("organisations/") {
            reduced.add_file(path, text);
        }
    }
    measure(
        "countries, agents and verbs only",
        &Coder::new(reduced.build().0),
        &articles,
    );
    let mut full = DictionaryBuilder::new();
    full.add_builtin();
    measure(
        "full built-in dictionaries",
        &Coder::new(full.build().0),
        &articles,
    );
}
