//! Training labels: sentences coded by human coders (`allsides-train.jsonl`'s layout), matched to the
//! coder's own sentences and candidates, and the scorer's way of counting right and wrong events.
//!
//! A coded sentence names each event's source and target by country and, where the sentence names
//! them, by their words (`source_text`). A candidate is labelled with an event's root when its
//! source and target have the event's countries and cover those words (or, where the words are not
//! given, are any mention of that country). A candidate of the same two actors that the labels do
//! not pick (a second mention of one of them) is left out of training rather than called wrong.

use super::train::Example;
use super::{class_of, CandidateRecord, SentenceCandidates};
use serde_json::Value;
use tidings_event::split_actor_code;

/// One event a human coder gave.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    pub source_country: Option<String>,
    pub source_text: Option<String>,
    pub target_country: Option<String>,
    pub target_text: Option<String>,
    pub class: u8,
}

/// One coded sentence.
#[derive(Debug, Clone)]
pub struct CodedSentence {
    pub sid: String,
    pub article_id: String,
    pub text: String,
    pub events: Vec<CodedEvent>,
}

/// Reads one line of a coded-sentence file; `Err` says what is wrong with it.
pub fn parse_coded_sentence(line: &str) -> Result<CodedSentence, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let field = |o: &Value, k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
    let text = field(&v, "text").ok_or("no `text`")?;
    let article_id = field(&v, "article_id").ok_or("no `article_id`")?;
    let mut events = Vec::new();
    for e in v.get("events").and_then(Value::as_array).ok_or("no `events`")? {
        let code = field(e, "cameo").or_else(|| field(e, "root")).unwrap_or_default();
        let Some(class) = class_of(&code) else {
            return Err(format!("event with CAMEO code {code:?}, not 01..20"));
        };
        events.push(CodedEvent {
            source_country: field(e, "source_country"),
            source_text: field(e, "source_text"),
            target_country: field(e, "target_country"),
            target_text: field(e, "target_text"),
            class,
        });
    }
    Ok(CodedSentence {
        sid: field(&v, "sid").unwrap_or_default(),
        article_id,
        text,
        events,
    })
}

/// Lower-cased words joined by single spaces, punctuation dropped: the scorer's normal form.
pub fn normalise(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the coder's sentence is the coded sentence (one contains the other, normalised).
pub fn same_sentence(coder: &str, coded: &str) -> bool {
    let (a, b) = (normalise(coder), normalise(coded));
    !a.is_empty() && (a.contains(&b) || b.contains(&a))
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
    match text.as_deref().and_then(|t| sentence.find(t).map(|at| at..at + t.len())) {
        Some(words) => words.start < span.end && span.start < words.end,
        None => true,
    }
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
        if !is_actor(sentence, &c.source_span, &c.source_code, &e.source_country, &e.source_text) {
            same_pair |= country_of(&c.source_code) == e.source_country
                && target_country(c) == e.target_country;
            continue;
        }
        let target_matches = match (&c.target_span, &c.target_code) {
            (Some(span), Some(code)) => {
                (e.target_country.is_some() || e.target_text.is_some())
                    && is_actor(sentence, span, code, &e.target_country, &e.target_text)
            }
            _ => e.target_country.is_none() && e.target_text.is_none(),
        };
        if target_matches {
            if !labels.contains(&e.class) {
                labels.push(e.class);
            }
        } else if target_country(c) == e.target_country && c.target_code.is_some() {
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

/// The training examples of one coded sentence, from the coder's sentences that match it.
pub fn examples(coded: &CodedSentence, sentences: &[SentenceCandidates]) -> Vec<Example> {
    let mut out = Vec::new();
    for s in sentences.iter().filter(|s| same_sentence(&s.sentence, &coded.text)) {
        for c in &s.candidates {
            if let Some(labels) = candidate_labels(&s.sentence, c, &coded.events) {
                out.push(Example {
                    features: c.features.clone(),
                    labels,
                });
            }
        }
    }
    out
}

/// Right and wrong events, counted as the reference scorer counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub right: usize,
    pub wrong: usize,
    pub missed: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.right + self.wrong)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.right + self.missed)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Matches a sentence's coded events one to one with the events given, as
    /// (source country, target country, class); a coded target of None matches any target.
    pub fn add(&mut self, coded: &[CodedEvent], given: &[(Option<String>, Option<String>, u8)]) {
        let mut used = vec![false; given.len()];
        for e in coded {
            let hit = given.iter().enumerate().position(|(k, g)| {
                !used[k]
                    && g.0 == e.source_country
                    && g.2 == e.class
                    && (e.target_country.is_none() || g.1 == e.target_country)
            });
            match hit {
                Some(k) => {
                    used[k] = true;
                    self.right += 1;
                }
                None => self.missed += 1,
            }
        }
        self.wrong += used.iter().filter(|u| !**u).count();
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn identity(code: &str) -> String {
    country_of(code).unwrap_or_else(|| code.to_string())
}

/// The events the model gives a sentence's candidates, as the scorer sees them:
/// (source country, target country, class).
pub fn predicted(
    s: &SentenceCandidates,
    weights: &super::Weights,
) -> Vec<(Option<String>, Option<String>, u8)> {
    let mut scores = [0.0; super::CLASSES];
    let mut items = Vec::new();
    for c in &s.candidates {
        weights.score(&c.features, &mut scores);
        let class = super::train::decide(&scores, weights.margin);
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
    .map(|(c, class, _)| {
        (
            country_of(&c.source_code),
            c.target_code.as_deref().and_then(country_of),
            class as u8,
        )
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(source: (&str, std::ops::Range<usize>), target: Option<(&str, std::ops::Range<usize>)>) -> CandidateRecord {
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
        let line = r#"{"sid":"X1","article_id":"a","text":"Obama met Putin and Russia's envoy.","events":[{"source_country":"USA","source_text":"Obama","target_country":"RUS","target_text":"Putin","cameo":"040"}]}"#;
        let coded = parse_coded_sentence(line).unwrap();
        let s = &coded.text;
        let obama_putin = record(("USAGOV", 0..5), Some(("RUSGOV", 10..15)));
        assert_eq!(candidate_labels(s, &obama_putin, &coded.events), Some(vec![4]));
        // a second mention of Russia: left out of training
        let obama_envoy = record(("USAGOV", 0..5), Some(("RUSGOV", 20..34)));
        assert_eq!(candidate_labels(s, &obama_envoy, &coded.events), None);
        // the reverse direction is no event
        let putin_obama = record(("RUSGOV", 10..15), Some(("USAGOV", 0..5)));
        assert_eq!(candidate_labels(s, &putin_obama, &coded.events), Some(vec![]));
        let obama_alone = record(("USAGOV", 0..5), None);
        assert_eq!(candidate_labels(s, &obama_alone, &coded.events), Some(vec![]));
    }

    #[test]
    fn tally_counts_like_the_reference_scorer() {
        let coded = vec![
            CodedEvent {
                source_country: Some("USA".into()),
                source_text: None,
                target_country: None,
                target_text: None,
                class: 11,
            },
            CodedEvent {
                source_country: Some("CHN".into()),
                source_text: None,
                target_country: Some("PRK".into()),
                target_text: None,
                class: 5,
            },
        ];
        let given = vec![
            (Some("USA".into()), Some("RUS".into()), 11),
            (Some("CHN".into()), Some("KOR".into()), 5),
        ];
        let mut t = Tally::default();
        t.add(&coded, &given);
        assert_eq!(t, Tally { right: 1, wrong: 1, missed: 1 });
        assert!(same_sentence("“Hello,” he said.", "hello he said"));
    }
}
