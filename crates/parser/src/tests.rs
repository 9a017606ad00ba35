//! Tests of the built-in model: loading, clear news cases, and accuracy on EWT dev.

use crate::treebank::load_gold;
use crate::{attachment_scores, Parse, Parser, Rel};
use std::path::Path;
use tidings_dict::words::Words;

/// Parses `text` and returns its words with the parse.
fn parse(text: &str) -> (Words, Parse) {
    let words = Words::new(text);
    let parse = Parser::builtin().parse_words(&words);
    (words, parse)
}

/// The index of the first word whose normalized form is `form`.
fn at(words: &Words, form: &str) -> usize {
    (0..words.len())
        .find(|&i| words.norm(i) == form)
        .unwrap_or_else(|| panic!("{form} not in {}", words.joined()))
}

/// Asserts that `dep` hangs off `head` with `rel`, showing the whole parse otherwise.
fn assert_arc(text: &str, dep: &str, head: &str, rel: Rel) {
    let (words, p) = parse(text);
    let (d, h) = (at(&words, dep), at(&words, head));
    let shown: Vec<String> = (0..words.len())
        .map(|i| {
            let h = p.head(i).map_or("ROOT", |h| words.norm(h));
            format!("{}<-{}:{}", words.norm(i), h, p.label(i))
        })
        .collect();
    assert_eq!(
        (p.head(d), p.label(d)),
        (Some(h), rel),
        "{dep} -> {head} in {shown:?}"
    );
}

#[test]
fn builtin_model_loads() {
    assert!(Parser::builtin().feature_count() > 10_000);
    assert!(Parser::from_bytes(b"not a model").is_err());
    assert!(Parser::from_bytes(b"TIDPAR01\x03\x00").is_err());
}

#[test]
fn subject_object_and_oblique() {
    let text = "China criticized Japan on Monday.";
    assert_arc(text, "china", "criticized", Rel::Nsubj);
    assert_arc(text, "japan", "criticized", Rel::Obj);
    assert_arc(text, "monday", "criticized", Rel::Obl);
    assert_arc(text, "on", "monday", Rel::Case);
    let (words, p) = parse(text);
    assert_eq!(p.root(), Some(at(&words, "criticized")));
    assert_eq!(p.head(at(&words, "criticized")), None);
    assert_eq!(p.label(at(&words, "criticized")), Rel::Root);
}

#[test]
fn possessor_is_not_the_subject() {
    let text = "India's actions angered Pakistan.";
    assert_arc(text, "india", "actions", Rel::NmodPoss);
    assert_arc(text, "actions", "angered", Rel::Nsubj);
    assert_arc(text, "pakistan", "angered", Rel::Obj);
}

#[test]
fn subordinate_clause_keeps_its_own_subject() {
    let text = "While Obama pledged to look into it, officials vowed closer contact with Congress.";
    assert_arc(text, "obama", "pledged", Rel::Nsubj);
    assert_arc(text, "pledged", "vowed", Rel::Advcl);
    assert_arc(text, "officials", "vowed", Rel::Nsubj);
    assert_arc(text, "contact", "vowed", Rel::Obj);
}

#[test]
fn prepositional_phrase_on_the_object_noun() {
    let text = "Russia withdrew from an arrangement with the U.S.";
    assert_arc(text, "arrangement", "withdrew", Rel::Obl);
    assert_arc(text, "u.s.", "arrangement", Rel::Nmod);
    assert_arc(text, "with", "u.s.", Rel::Case);
    let text = "Officials vowed closer contact with Congress.";
    assert_arc(text, "congress", "contact", Rel::Nmod);
    let text = "The minister criticized the policy of the government.";
    assert_arc(text, "government", "policy", Rel::Nmod);
}

#[test]
fn passive_subject_and_agent() {
    let text = "The embassy was attacked by militants.";
    assert_arc(text, "embassy", "attacked", Rel::NsubjPass);
    assert_arc(text, "was", "attacked", Rel::AuxPass);
    assert_arc(text, "militants", "attacked", Rel::OblAgent);
}

#[test]
fn span_parse_uses_word_indices_and_one_root() {
    let words = Words::new("Talks ended. Russia attacked Ukraine.");
    let mut tags = Vec::new();
    tidings_tagger::Tagger::builtin().tag_detailed(&words, &mut tags);
    let mut p = Parse::default();
    Parser::builtin().parse_span(&words, &tags, 3..7, &mut p);
    assert_eq!(p.range(), 3..7);
    assert_eq!(p.root(), Some(4));
    assert_eq!(p.head(3), Some(4));
    assert_eq!(p.label(3), Rel::Nsubj);
    assert_eq!(p.children_with(4, Rel::Obj).collect::<Vec<_>>(), [5]);
    assert_eq!(p.head(0), None, "outside the span");
    assert!(p.dominates(4, 5) && !p.dominates(5, 4));
    assert_eq!(p.subtree(4), 3..7);
    Parser::builtin().parse_span(&words, &tags, 0..0, &mut p);
    assert!(p.is_empty() && p.root().is_none());
}

/// The whole of EWT dev (about 24,000 scored words); skipped when /work/shared is absent.
#[test]
fn accuracy_on_dev() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/ud-english-ewt/en_ewt-ud-dev.conllu");
    if !path.exists() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let (dev, errors) = load_gold(&path).expect("dev set reads");
    assert!(errors.is_empty(), "{errors:?}");
    let s = attachment_scores(Parser::builtin(), &dev, true);
    assert!(s.words > 20_000, "{} words", s.words);
    assert!(s.uas() > 0.82, "UAS {:.4} over {} words", s.uas(), s.words);
    assert!(s.las() > 0.77, "LAS {:.4} over {} words", s.las(), s.words);
}
