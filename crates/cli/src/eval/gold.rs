//! Reading a gold standard: JSON Lines of sentences with the events expert coders found in them.
//!
//! Two formats are read: the dev gold (`shared/gold/allsides-dev-300.jsonl`, events as
//! `{source_country, target_country, root}`) and the training data (`shared/train/allsides-train.jsonl`,
//! events with a `cameo` code whose first two digits are the root), so that held-out training
//! sentences can be scored too. A line that is not such a record is returned as an error
//! (`file:line: reason`) and skipped.

use super::score::Triple;
use serde::Deserialize;
use std::io::{BufRead, BufReader};
use std::path::Path;
use tidings_article::InputError;

/// One gold sentence and its events.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    /// The record's `sid`, or `line N` when it has none.
    pub sid: String,
    pub article_id: String,
    pub text: String,
    pub events: Vec<Triple>,
}

#[derive(Deserialize)]
struct RawSentence {
    #[serde(default)]
    sid: Option<String>,
    article_id: String,
    text: String,
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
}

/// The gold sentences of `path` in order, and the lines that could not be read.
pub fn read_gold(path: &Path) -> anyhow::Result<(Vec<GoldSentence>, Vec<InputError>)> {
    let file = std::fs::File::open(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot open: {e}", path.display()))?;
    let (mut gold, mut errors) = (Vec::new(), Vec::new());
    for (i, line) in BufReader::new(file).split(b'\n').enumerate() {
        let bad = |reason: String| InputError::new(path, Some(i + 1), reason);
        let line = line.map_err(|e| anyhow::anyhow!("{}: read error: {e}", path.display()))?;
        match std::str::from_utf8(&line) {
            Err(_) => errors.push(bad("not UTF-8".into())),
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => match parse_line(text, i + 1) {
                Ok(sentence) => gold.push(sentence),
                Err(reason) => errors.push(bad(reason)),
            },
        }
    }
    Ok((gold, errors))
}

/// One line of either format.
fn parse_line(text: &str, line: usize) -> Result<GoldSentence, String> {
    let raw: RawSentence =
        serde_json::from_str(text).map_err(|e| format!("not a gold sentence: {e}"))?;
    let events = raw
        .events
        .into_iter()
        .enumerate()
        .map(|(n, e)| {
            gold_triple(e).ok_or(format!("event {} has neither `root` nor `cameo`", n + 1))
        })
        .collect::<Result<_, _>>()?;
    Ok(GoldSentence {
        sid: raw.sid.unwrap_or_else(|| format!("line {line}")),
        article_id: raw.article_id,
        text: raw.text,
        events,
    })
}

fn gold_triple(e: RawEvent) -> Option<Triple> {
    let root = e
        .root
        .or_else(|| e.cameo.map(|c| c.chars().take(2).collect()))?;
    Some(Triple {
        source_country: e.source_country,
        target_country: e.target_country,
        root,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read(content: &[u8]) -> (Vec<GoldSentence>, Vec<String>) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(content).unwrap();
        let (gold, errors) = read_gold(file.path()).unwrap();
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
            gold[0].events,
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
            gold[0].events,
            vec![Triple {
                source_country: None,
                target_country: Some("TUR".into()),
                root: "18".into()
            }]
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_number_and_skipped() {
        let (gold, errors) = read(b"{\"sid\": \"x\"}\n\n\xff\xfe\n{\"article_id\": \"a\", \"text\": \"t\", \"events\": [{\"source_country\": \"USA\"}]}\n{\"article_id\": \"a\", \"text\": \"t\", \"events\": []}\n");
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].sid, "line 5");
        assert_eq!(errors.len(), 3);
        assert!(errors[0].starts_with("1:not a gold sentence"), "{errors:?}");
        assert_eq!(errors[1], "3:not UTF-8");
        assert_eq!(errors[2], "4:event 1 has neither `root` nor `cameo`");
    }
}
