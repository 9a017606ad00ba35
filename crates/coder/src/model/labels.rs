//! Training labels: sentences coded by people (read by `tidings-gold`), matched to the coder's own
//! sentences and candidates, and the model's decisions in the scorer's terms.
//!
//! A coded sentence names each event's source and target by country and, where the sentence names
//! them, by their words (`source_text`). A candidate is labelled with an event's root when its
//! source and target have the event's countries and cover those words (or, where the words are not
//! given, are any mention of that country). A candidate of the same two actors that the labels do
//! not pick (a second mention of one of them) is left out of training rather than called wrong.

use super::train::Example;
use super::{class_of, CandidateRecord, SentenceCandidates};
use tidings_event::split_actor_code;
use tidings_gold::{CodedEvent, CodedSentence, Triple};

/// Whether the coder's sentence is the coded sentence, as the scorer decides it (one contains the
/// other, normalised).
pub fn same_sentence(coder: &str, coded: &str) -> bool {
    tidings_gold::belongs(&tidings_gold::norm(coder), &tidings_gold::norm(coded))
}

fn country_of(code: &str) -> Option<String> {
    split_actor_code(code).0
}

/// Whether a mention (`span` in `sentence`, `code`) is the coded actor (`country`, `text`).
fn is_actor(
    sentence: &str,
    span: &std::ops::Range<usize>,
    code: &str,
    country: &Option<String>,
    text: &Option<String>,
) -> bool {
    if &country_of(code) != country {
        return false;
    }
    match text
        .as_deref()
        .and_then(|t| sentence.find(t).map(|at| at..at + t.len()))
    {
        Some(words) => words.start < span.end && span.start < words.end,
        None => true,
    }
}

/// The coded events with their actors' words moved onto mentions the coder found: where no mention
/// of an actor's country covers the coded words ("Tom Donohue, the head of the U.S. Chamber of
/// Commerce", where the dictionaries know only the Chamber), the nearest mention of that country
/// stands for the actor, since the scorer compares countries only.
pub fn anchored(s: &SentenceCandidates, events: &[CodedEvent]) -> Vec<CodedEvent> {
    let mentions: Vec<(&std::ops::Range<usize>, Option<String>)> = s
        .candidates
        .iter()
        .filter(|c| c.target_code.is_none())
        .map(|c| (&c.source_span, country_of(&c.source_code)))
        .collect();
    let anchor = |country: &Option<String>, text: &Option<String>| -> Option<String> {
        let t = text.as_deref()?;
        let Some(at) = s.sentence.find(t) else {
            return text.clone();
        };
        let words = at..at + t.len();
        let theirs = || {
            mentions
                .iter()
                .filter(|(_, c)| country.is_some() && c == country)
        };
        if theirs().any(|(m, _)| m.start < words.end && words.start < m.end) {
            return text.clone();
        }
        let gap = |m: &std::ops::Range<usize>| {
            m.start.saturating_sub(words.end) + words.start.saturating_sub(m.end)
        };
        match theirs().min_by_key(|(m, _)| gap(m)) {
            Some((m, _)) => Some(s.sentence[(*m).clone()].to_string()),
            None => text.clone(),
        }
    };
    events
        .iter()
        .map(|e| CodedEvent {
            triple: e.triple.clone(),
            source_text: anchor(&e.triple.source_country, &e.source_text),
            target_text: anchor(&e.triple.target_country, &e.target_text),
        })
        .collect()
}

/// The roots a coded sentence gives one candidate: `Some(classes)` (empty: no event), or None when
/// the candidate is a second mention of a labelled pair and should not be trained on.
pub fn candidate_labels(
    sentence: &str,
    c: &CandidateRecord,
    events: &[CodedEvent],
) -> Option<Vec<u8>> {
    let mut labels = Vec::new();
    let mut same_pair = false;
    for e in events {
        let Some(class) = class_of(&e.triple.root) else {
            continue;
        };
        let (source_country, target_country_coded) =
            (&e.triple.source_country, &e.triple.target_country);
        if !is_actor(
            sentence,
            &c.source_span,
            &c.source_code,
            source_country,
            &e.source_text,
        ) {
            same_pair |= &country_of(&c.source_code) == source_country
                && &target_country(c) == target_country_coded;
            continue;
        }
        let target_matches = match (&c.target_span, &c.target_code) {
            (Some(span), Some(code)) => {
                (target_country_coded.is_some() || e.target_text.is_some())
                    && is_actor(sentence, span, code, target_country_coded, &e.target_text)
            }
            _ => target_country_coded.is_none() && e.target_text.is_none(),
        };
        if target_matches {
            if !labels.contains(&class) {
                labels.push(class);
            }
        } else if &target_country(c) == target_country_coded && c.target_code.is_some() {
            same_pair = true;
        }
    }
    if labels.is_empty() && same_pair {
        None
    } else {
        Some(labels)
    }
}

fn target_country(c: &CandidateRecord) -> Option<String> {
    c.target_code.as_deref().and_then(country_of)
}

/// The training examples of one coded sentence, from the coder's sentences that are it
/// ([`same_sentence`]), each candidate with the sentence model's `priors`.
pub fn examples(
    coded: &CodedSentence,
    sentences: &[&SentenceCandidates],
    priors: &[u64],
) -> Vec<Example> {
    let mut out = Vec::new();
    for s in sentences {
        let events = anchored(s, &coded.events);
        for c in &s.candidates {
            if let Some(labels) = candidate_labels(&s.sentence, c, &events) {
                let mut features = c.features.clone();
                features.extend_from_slice(priors);
                out.push(Example { features, labels });
            }
        }
    }
    out
}

/// The sentence model's training example of one coded sentence: the words of the coder's
/// sentence that is it, and every root the coders gave it. None when the coder has no such
/// sentence.
pub fn roots_example(coded: &CodedSentence, sentences: &[&SentenceCandidates]) -> Option<Example> {
    let s = sentences.first()?;
    let mut labels: Vec<u8> = coded
        .events
        .iter()
        .filter_map(|e| class_of(&e.triple.root))
        .collect();
    labels.sort_unstable();
    labels.dedup();
    Some(Example {
        features: s.sentence_features.clone(),
        labels,
    })
}

fn identity(code: &str) -> String {
    country_of(code).unwrap_or_else(|| code.to_string())
}

/// The events the model itself gives a sentence's candidates (not the acts of verb patterns it
/// keeps as they are: the candidates do not carry them), as the scorer compares them.
pub fn predicted(s: &SentenceCandidates, model: &super::EventModel) -> Vec<Triple> {
    let rows = candidate_rows(s, model);
    predicted_from_rows(s, &rows, model.events.margin, &[0.0; super::CLASSES])
}

/// The score row of each of a sentence's candidates (its features and the sentence model's
/// priors); none when the sentence model finds the sentence hopeless and no verb pattern matches.
pub fn candidate_rows(
    s: &SentenceCandidates,
    model: &super::EventModel,
) -> Vec<[f32; super::CLASSES]> {
    let read = super::roots::SentenceRoots::read(&model.roots, &s.sentence_features);
    if read.hopeless() && !s.has_acts {
        return Vec::new();
    }
    let priors = read.features();
    let mut features = Vec::new();
    s.candidates
        .iter()
        .map(|c| {
            features.clear();
            features.extend_from_slice(&c.features);
            features.extend_from_slice(&priors);
            let mut scores = [0.0; super::CLASSES];
            model.events.score(&features, &mut scores);
            scores
        })
        .collect()
}

/// The events that score rows ([`candidate_rows`]) give at `margin`, each root's score first
/// lowered by its `offsets` entry (per-root margins, as tuned by `train_events --check`).
pub fn predicted_from_rows(
    s: &SentenceCandidates,
    rows: &[[f32; super::CLASSES]],
    margin: f32,
    offsets: &[f32; super::CLASSES],
) -> Vec<Triple> {
    let mut items = Vec::new();
    for (c, row) in s.candidates.iter().zip(rows) {
        let mut scores = *row;
        for (score, offset) in scores.iter_mut().zip(offsets) {
            *score -= offset;
        }
        let class = super::train::decide(&scores, margin);
        if class > 0 {
            items.push((c, class, scores[class] - scores[0]));
        }
    }
    super::decide::keep_events(
        items,
        |(c, class, _)| {
            (
                identity(&c.source_code),
                c.target_code.as_deref().map(identity),
                *class,
            )
        },
        |item| item.2,
    )
    .into_iter()
    .map(|(c, class, _)| Triple {
        source_country: country_of(&c.source_code),
        target_country: c.target_code.as_deref().and_then(country_of),
        root: super::root_of(class),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        source: (&str, std::ops::Range<usize>),
        target: Option<(&str, std::ops::Range<usize>)>,
    ) -> CandidateRecord {
        CandidateRecord {
            source_span: source.1,
            source_code: source.0.to_string(),
            target_span: target.as_ref().map(|t| t.1.clone()),
            target_code: target.map(|t| t.0.to_string()),
            features: vec![1],
        }
    }

    #[test]
    fn labels_follow_the_coded_words() {
        let s = "Obama met Putin and Russia's envoy.";
        let events = vec![CodedEvent {
            triple: Triple {
                source_country: Some("USA".into()),
                target_country: Some("RUS".into()),
                root: "04".into(),
            },
            source_text: Some("Obama".into()),
            target_text: Some("Putin".into()),
        }];
        let obama_putin = record(("USAGOV", 0..5), Some(("RUSGOV", 10..15)));
        assert_eq!(candidate_labels(s, &obama_putin, &events), Some(vec![4]));
        // a second mention of Russia: left out of training
        let obama_envoy = record(("USAGOV", 0..5), Some(("RUSGOV", 20..34)));
        assert_eq!(candidate_labels(s, &obama_envoy, &events), None);
        // the reverse direction is no event
        let putin_obama = record(("RUSGOV", 10..15), Some(("USAGOV", 0..5)));
        assert_eq!(candidate_labels(s, &putin_obama, &events), Some(vec![]));
        let obama_alone = record(("USAGOV", 0..5), None);
        assert_eq!(candidate_labels(s, &obama_alone, &events), Some(vec![]));
    }

    #[test]
    fn sentences_match_as_the_scorer_matches_them() {
        // the counting itself is tidings-gold's, tested there
        assert!(same_sentence("“Hello,” he said.", "hello he said"));
    }
}
