//! Reading coded sentences: JSON Lines of sentences with the events expert coders found in them.
//!
//! Three layouts are read:
//! - the dev gold (`shared/gold/allsides-dev-300.jsonl`): events as `{source_country,
//!   target_country, root}`;
//! - the training data (`shared/train/allsides-train.jsonl`): events with a `cameo` code, whose
//!   first two digits are the root, and the words naming the actors (`source_text`, `target_text`);
//! - tidings' own annotations (`crates/coder/model/annotations/`): like the training data, but
//!   with no text. They keep the sentence's character offsets in its article (`start`, `end`) and
//!   the actors' offsets in the sentence (`source_span`, `target_span`). The text is read back from
//!   the articles ([`ArticleTexts`]).
//!
//! A line that is not such a record is returned as an error (`file:line: reason`) and skipped.

use crate::score::Triple;
use serde::Deserialize;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use tidings_article::InputError;

/// Article texts by article id, for annotations that keep offsets instead of text.
pub type ArticleTexts = HashMap<String, String>;

/// One coded sentence and its events.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedSentence {
    /// The record's `sid`, or `line N` when it has none.
    pub sid: String,
    pub article_id: String,
    pub text: String,
    pub events: Vec<CodedEvent>,
}

impl CodedSentence {
    /// The events as the scorer compares them.
    pub fn triples(&self) -> Vec<Triple> {
        self.events.iter().map(|e| e.triple.clone()).collect()
    }
}

/// One event a coder gave, with the sentence's words naming its actors where the coder gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    pub triple: Triple,
    pub source_text: Option<String>,
    pub target_text: Option<String>,
}

#[derive(Deserialize)]
struct RawSentence {
    #[serde(default)]
    sid: Option<String>,
    article_id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    events: Vec<RawEvent>,
}

#[derive(Deserialize)]
struct RawEvent {
    source_country: Option<String>,
    #[serde(default)]
    target_country: Option<String>,
    #[serde(default)]
    root: Option<String>,
    #[serde(default)]
    cameo: Option<String>,
    #[serde(default)]
    source_text: Option<String>,
    #[serde(default)]
    target_text: Option<String>,
    #[serde(default)]
    source_span: Option<[usize; 2]>,
    #[serde(default)]
    target_span: Option<[usize; 2]>,
}

/// The coded sentences of `path` in order, and the lines that could not be read. `texts` gives the
/// articles' text for annotations that keep only offsets.
pub fn read_coded(
    path: &Path,
    texts: Option<&ArticleTexts>,
) -> anyhow::Result<(Vec<CodedSentence>, Vec<InputError>)> {
    let file = std::fs::File::open(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot open: {e}", path.display()))?;
    let (mut coded, mut errors) = (Vec::new(), Vec::new());
    for (i, line) in BufReader::new(file).split(b'\n').enumerate() {
        let bad = |reason: String| InputError::new(path, Some(i + 1), reason);
        let line = line.map_err(|e| anyhow::anyhow!("{}: read error: {e}", path.display()))?;
        match std::str::from_utf8(&line) {
            Err(_) => errors.push(bad("not UTF-8".into())),
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => match parse_line(text, i + 1, texts) {
                Ok(sentence) => coded.push(sentence),
                Err(reason) => errors.push(bad(reason)),
            },
        }
    }
    Ok((coded, errors))
}

/// One line of any layout.
fn parse_line(
    text: &str,
    line: usize,
    texts: Option<&ArticleTexts>,
) -> Result<CodedSentence, String> {
    let raw: RawSentence =
        serde_json::from_str(text).map_err(|e| format!("not a coded sentence: {e}"))?;
    let sentence = match raw.text {
        Some(t) => t,
        None => sentence_from_offsets(&raw, texts)?,
    };
    let events = raw
        .events
        .into_iter()
        .enumerate()
        .map(|(n, e)| {
            coded_event(e, &sentence)
                .ok_or(format!("event {} has neither `root` nor `cameo`", n + 1))
        })
        .collect::<Result<_, _>>()?;
    Ok(CodedSentence {
        sid: raw.sid.unwrap_or_else(|| format!("line {line}")),
        article_id: raw.article_id,
        text: sentence,
        events,
    })
}

/// The sentence of an annotation that keeps offsets: characters `start..end` of its article.
fn sentence_from_offsets(
    raw: &RawSentence,
    texts: Option<&ArticleTexts>,
) -> Result<String, String> {
    let (Some(start), Some(end)) = (raw.start, raw.end) else {
        return Err("no `text`, and no `start` and `end` to take it from".into());
    };
    let texts = texts.ok_or("no `text`: give the articles to read it from")?;
    let article = texts
        .get(&raw.article_id)
        .ok_or_else(|| format!("article {} is not in the corpus", raw.article_id))?;
    chars(article, start, end)
        .ok_or_else(|| format!("`start`..`end` ({start}..{end}) is outside the article"))
}

/// The characters `a..b` of `s`, counted in Unicode code points (as Python counts them).
fn chars(s: &str, a: usize, b: usize) -> Option<String> {
    if a > b {
        return None;
    }
    let text: String = s.chars().skip(a).take(b - a).collect();
    (text.chars().count() == b - a).then_some(text)
}

fn coded_event(e: RawEvent, sentence: &str) -> Option<CodedEvent> {
    let root = e
        .root
        .or_else(|| e.cameo.map(|c| c.chars().take(2).collect()))?;
    let words = |text: Option<String>, span: Option<[usize; 2]>| {
        text.or_else(|| span.and_then(|[a, b]| chars(sentence, a, b)))
    };
    Some(CodedEvent {
        source_text: words(e.source_text, e.source_span),
        target_text: words(e.target_text, e.target_span),
        triple: Triple {
            source_country: e.source_country,
            target_country: e.target_country,
            root,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read(content: &[u8]) -> (Vec<CodedSentence>, Vec<String>) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(content).unwrap();
        let (gold, errors) = read_coded(file.path(), None).unwrap();
        (
            gold,
            errors
                .iter()
                .map(|e| format!("{}:{}", e.line.unwrap(), e.reason))
                .collect(),
        )
    }

    #[test]
    fn reads_the_dev_gold_format() {
        let (gold, errors) = read(br#"{"sid": "DV1", "article_id": "a1", "text": "S.", "events": [{"source_country": "USA", "target_country": null, "root": "04"}]}"#);
        assert!(errors.is_empty());
        assert_eq!(gold[0].sid, "DV1");
        assert_eq!(gold[0].article_id, "a1");
        assert_eq!(
            gold[0].triples(),
            vec![Triple {
                source_country: Some("USA".into()),
                target_country: None,
                root: "04".into()
            }]
        );
    }

    #[test]
    fn reads_the_training_format_with_cameo_codes() {
        let (gold, _) = read(br#"{"sid": "TR1", "kind": "one-name", "article_id": "a2", "text": "S.", "events": [{"source": "KUR", "source_country": null, "source_text": "x", "target": "TUR", "target_country": "TUR", "target_text": "y", "cameo": "1823"}]}"#);
        assert_eq!(
            gold[0].triples(),
            vec![Triple {
                source_country: None,
                target_country: Some("TUR".into()),
                root: "18".into()
            }]
        );
        assert_eq!(gold[0].events[0].source_text.as_deref(), Some("x"));
    }

    #[test]
    fn annotations_with_offsets_take_their_text_from_the_article() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(br#"{"sid": "AN1", "article_id": "a", "start": 6, "end": 28, "events": [{"source": "RUS", "source_country": "RUS", "source_span": [0, 6], "target": "TUR", "target_country": "TUR", "target_span": [14, 20], "cameo": "111"}]}"#).unwrap();
        let texts: ArticleTexts = [(
            "a".to_string(),
            "Hier. Russia blamed Türkey again.".to_string(),
        )]
        .into();
        let (coded, errors) = read_coded(file.path(), Some(&texts)).unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(coded[0].text, "Russia blamed Türkey a");
        assert_eq!(coded[0].events[0].source_text.as_deref(), Some("Russia"));
        assert_eq!(coded[0].events[0].target_text.as_deref(), Some("Türkey"));
        let (_, errors) = read_coded(file.path(), None).unwrap();
        assert!(errors[0].reason.contains("give the articles"), "{errors:?}");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number_and_skipped() {
        let (gold, errors) = read(b"{\"sid\": \"x\"}\n\n\xff\xfe\n{\"article_id\": \"a\", \"text\": \"t\", \"events\": [{\"source_country\": \"USA\"}]}\n{\"article_id\": \"a\", \"text\": \"t\", \"events\": []}\n");
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].sid, "line 5");
        assert_eq!(errors.len(), 3);
        assert!(
            errors[0].starts_with("1:not a coded sentence"),
            "{errors:?}"
        );
        assert_eq!(errors[1], "3:not UTF-8");
        assert_eq!(errors[2], "4:event 1 has neither `root` nor `cameo`");
    }
}
