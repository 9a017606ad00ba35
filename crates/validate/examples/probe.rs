//! Shows what the coder sees in one sentence with a validation file's dictionaries: actor groups,
//! verb words and their patterns, and the events.
//! Run: `cargo run -p tidings-validate --example probe -- RECORDS.xml|PETRARCH_DIR "sentence" [YYYYMMDD]`.

use std::path::Path;
use tidings_coder::{actors, acts, memory::ArticleMemory, CodeOptions, Coder};
use tidings_dict::words::Words;
use tidings_dict::DictionaryBuilder;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let records = Path::new(&args[1]);
    // a records file (its own dictionaries) or a folder of PETRARCH dictionaries
    let files = if records.is_dir() {
        tidings_dict::petrarch::PetrarchFiles::in_dir(records).unwrap()
    } else {
        let text = std::fs::read_to_string(records).unwrap();
        let file = tidings_validate::records::parse(&text);
        tidings_validate::runner::dictionary_files(records, &file, None).unwrap()
    };
    let mut b = DictionaryBuilder::new();
    files.load(&mut b);
    let (dicts, _) = b.build();
    let date = args
        .get(3)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y%m%d").ok());
    let words = Words::new(&args[2]);
    let groups = actors::find_actors(&words, &dicts, date, &mut ArticleMemory::default());
    for g in &groups {
        println!(
            "group {}..{}: {:?}",
            g.start,
            g.end,
            g.members
                .iter()
                .map(|m| format!("{}..{} {}", m.start, m.end, m.code))
                .collect::<Vec<_>>()
        );
    }
    for i in 0..words.len() {
        if let Some(ls) = dicts.verbs.lookup(words.norm(i)) {
            for (l, form) in ls {
                println!(
                    "verb `{}` ({:?}) lemma {}: {} patterns",
                    words.norm(i),
                    form,
                    dicts.verbs.lemmas[*l as usize],
                    dicts.verbs.patterns_of(*l).count()
                );
            }
        }
    }
    for a in acts::find_acts(&words, &dicts, &groups) {
        let rejected =
            tidings_coder::assertion::rejection(&words, &dicts, &groups, &a).or_else(|| {
                let (f, l) = tidings_coder::assertion::checked_span(&groups, &a);
                let mut t = Vec::new();
                tidings_coder::tagging::tag_span(&words, f, l, &mut t);
                tidings_coder::assertion::rejection_by_tags(&words, &groups, &a, &t, false)
            });
        println!(
            "act: {} {} -> {:?} `{}` ({}) rejected: {rejected:?}",
            a.code, a.source, a.target, a.pattern.text, a.pattern.origin
        );
    }
    let coder = Coder::new(dicts);
    for e in coder.code_text(&args[2], date, &CodeOptions::default()) {
        println!(
            "event: {} -> {:?} {}",
            e.source.code,
            e.target.as_ref().map(|t| &t.code),
            e.cameo
        );
    }
}
