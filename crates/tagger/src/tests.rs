//! Tests of the built-in model: loading, clear news cases, and accuracy on a slice of EWT dev.

use crate::treebank::{load_aligned, upos_accuracy};
use crate::{Tag, Tagger, Upos, VerbForm};
use std::path::Path;
use tidings_dict::words::Words;

fn tags_of(text: &str) -> Vec<(String, Upos)> {
    let words = Words::new(text);
    let mut tags = Vec::new();
    Tagger::builtin().tag(&words, &mut tags);
    (0..words.len())
        .map(|i| (words.norm(i).to_string(), tags[i]))
        .collect()
}

fn tag_of(text: &str, word: &str) -> Upos {
    tags_of(text)
        .into_iter()
        .find(|(w, _)| w == word)
        .unwrap_or_else(|| panic!("{word} not in {text}"))
        .1
}

#[test]
fn builtin_model_loads() {
    let t = Tagger::builtin();
    assert!(t.feature_count() > 10_000);
    assert!(Tagger::from_bytes(b"not a model").is_err());
}

#[test]
fn tells_verbs_from_nouns() {
    assert_eq!(tag_of("China attacks Japan.", "attacks"), Upos::Verb);
    assert_eq!(tag_of("The attacks continued.", "attacks"), Upos::Noun);
    assert_eq!(tag_of("The talks ended on Monday.", "talks"), Upos::Noun);
    assert_eq!(
        tag_of("The minister talks to reporters every day.", "talks"),
        Upos::Verb
    );
    assert_eq!(
        tag_of(
            "Police arrested dozens of protesters in the capital.",
            "arrested"
        ),
        Upos::Verb
    );
    let improved = tag_of("Both sides welcomed the improved relations.", "improved");
    assert!(
        matches!(improved, Upos::Adj | Upos::Verb),
        "improved: {improved}"
    );
    assert_eq!(
        tag_of("Both sides welcomed the improved relations.", "relations"),
        Upos::Noun
    );
}

#[test]
fn tags_a_news_sentence() {
    // (EWT tags "United" in "United Nations" as ADJ, so this sentence avoids it)
    let got = tags_of("The Kremlin condemned the missile test on Tuesday.");
    let expect = [
        ("the", Upos::Det),
        ("kremlin", Upos::Propn),
        ("condemned", Upos::Verb),
        ("the", Upos::Det),
        ("missile", Upos::Noun),
        ("test", Upos::Noun),
        ("on", Upos::Adp),
        ("tuesday", Upos::Propn),
        (".", Upos::Punct),
    ];
    let got: Vec<(&str, Upos)> = got.iter().map(|(w, t)| (w.as_str(), *t)).collect();
    assert_eq!(got, expect);
}

#[test]
fn gives_verb_forms() {
    let words = Words::new("Russia has attacked Ukraine and will continue.");
    let mut tags: Vec<Tag> = Vec::new();
    Tagger::builtin().tag_detailed(&words, &mut tags);
    let form = |i: usize| tags[i].verb_form();
    assert_eq!(tags[1].upos(), Upos::Aux);
    assert_eq!(form(1), Some(VerbForm::Present3sg));
    assert_eq!(form(2), Some(VerbForm::PastParticiple));
    assert_eq!(form(5), Some(VerbForm::Modal));
    assert_eq!(form(6), Some(VerbForm::Base));
    assert_eq!(form(0), None);
}

#[test]
fn empty_input_gives_no_tags() {
    let mut tags = vec![Upos::X];
    Tagger::builtin().tag(&Words::new(""), &mut tags);
    assert!(tags.is_empty());
}

/// The first 300 sentences of EWT dev (about 4,000 words); skipped when /work/shared is absent.
#[test]
fn accuracy_on_a_dev_slice() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/ud-english-ewt/en_ewt-ud-dev.conllu");
    if !path.exists() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let dev = load_aligned(&path).expect("dev set reads");
    let slice = &dev[..300.min(dev.len())];
    let (correct, total) = upos_accuracy(Tagger::builtin(), slice);
    let acc = correct as f64 / total as f64;
    assert!(total > 2000, "{total} words");
    assert!(acc > 0.92, "UPOS accuracy {acc:.4} on {total} words");
}

#[test]
fn a_range_is_tagged_like_its_own_text() {
    let text = "In a letter, China attacks Japan and the attacks continued.";
    let words = Words::new(text);
    let (from, to) = (4, words.len());
    let own = Words::new(&text[words.get(from).start as usize..]);
    let (mut range_tags, mut own_tags) = (Vec::new(), Vec::new());
    Tagger::builtin().tag_range(&words, from..to, &mut range_tags);
    Tagger::builtin().tag(&own, &mut own_tags);
    assert_eq!(range_tags, own_tags);
}
