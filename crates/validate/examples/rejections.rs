//! Tallies why `tidings_coder::assertion` rejects acts in the evaluated records of a validation file.
//! Run: `cargo run -p tidings-validate --example rejections -- RECORDS.xml`.

use std::collections::BTreeMap;
use std::path::Path;
use tidings_coder::{actors, acts, assertion, memory::ArticleMemory};
use tidings_dict::words::Words;
use tidings_dict::DictionaryBuilder;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let records = Path::new(&args[1]);
    let text = std::fs::read_to_string(records).unwrap();
    let file = tidings_validate::records::parse(&text);
    let files = tidings_validate::runner::dictionary_files(records, &file, None).unwrap();
    let mut b = DictionaryBuilder::new();
    files.load(&mut b);
    let (dicts, _) = b.build();
    let mut tally: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for r in file
        .records
        .iter()
        .filter(|r| r.evaluate && file.environment.includes(&r.category))
    {
        for range in tidings_text::split_sentences(&r.text) {
            let sentence = &r.text[range];
            let words = Words::new(sentence);
            let groups = actors::find_actors(&words, &dicts, r.date, &mut ArticleMemory::default());
            for a in acts::find_acts(&words, &dicts, &groups) {
                if let Some(reason) =
                    assertion::rejection(&words, &dicts, &groups, &a).or_else(|| {
                        let (f, l) = tidings_coder::assertion::checked_span(&groups, &a);
                        let mut t = Vec::new();
                        tidings_coder::tagging::tag_span(&words, f, l, &mut t);
                        tidings_coder::assertion::rejection_by_tags(&words, &groups, &a, &t, false)
                    })
                {
                    tally.entry(reason).or_default().push(r.id.clone());
                }
            }
        }
    }
    for (reason, ids) in tally {
        println!("{reason}: {} acts: {}", ids.len(), ids.join(" "));
    }
}
