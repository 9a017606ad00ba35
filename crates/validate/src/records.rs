//! Reading a validation records file, record by record, with a small tolerant tag scanner: the files
//! are XML-like but not well formed (comments hold `--`, `<PLEvent {...}>` lines are not tags, and
//! `<Parse>` blocks are free text), so no XML parser is used.

use chrono::NaiveDate;
use std::collections::BTreeSet;

/// One expected event: (source code, target code, event code).
pub type EventKey = (String, String, String);

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// These events, exactly.
    Events(BTreeSet<EventKey>),
    /// `noevents="True"`, or no `<EventCoding>` at all: nothing may be coded.
    NoEvents,
    /// `error="..."` (a discard, a parse error): nothing may be coded; the kind is kept for the report.
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<NaiveDate>,
    /// False for `evaluate="false"` (and the unit-test files' `sentence="false"`).
    pub evaluate: bool,
    pub text: String,
    pub expected: Expected,
    /// Line of the `<Sentence` tag.
    pub line: usize,
}

/// The `<Environment>` block: the dictionary files and the categories to evaluate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbfiles: Vec<String>,
    pub actorfiles: Vec<String>,
    pub agentfiles: Vec<String>,
    pub discardfiles: Vec<String>,
    /// The internal coding ontology (`<PICOfile>`), which says how negation changes a code.
    pub ontologyfiles: Vec<String>,
    /// Categories to evaluate; empty means all.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Environment {
    /// Is a record of this category evaluated?
    pub fn includes(&self, category: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|c| c == category))
            && !self.exclude.iter().any(|c| c == category)
    }
}

/// A problem in a records file; the record is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub line: usize,
    pub reason: String,
}

/// A whole records file.
#[derive(Debug, Clone, Default)]
pub struct ValidationFile {
    pub environment: Environment,
    pub records: Vec<Record>,
    pub errors: Vec<RecordError>,
}

/// Reads a records file.
pub fn parse(text: &str) -> ValidationFile {
    let mut out = ValidationFile::default();
    let mut pos = 0;
    // lines counted up to a position, onwards from the last one asked (positions only grow), so
    // a file of many records is read in linear time
    let (mut counted_to, mut line) = (0, 1);
    let mut line_of = |p: usize| {
        line += text[counted_to..p].bytes().filter(|b| *b == b'\n').count();
        counted_to = p;
        line
    };
    while let Some(rel) = text[pos..].find('<') {
        let at = pos + rel;
        let rest = &text[at..];
        if rest.starts_with("<!--") {
            pos = match rest.find("-->") {
                Some(e) => at + e + 3,
                None => text.len(),
            };
        } else if rest.starts_with("<Environment") {
            let end = rest
                .find("</Environment>")
                .map(|e| at + e)
                .unwrap_or(text.len());
            out.environment = parse_environment(&text[at..end]);
            pos = end;
        } else if rest.starts_with("<Sentence ") || rest.starts_with("<Sentence>") {
            let line = line_of(at);
            let Some(end) = rest.find("</Sentence>") else {
                out.errors.push(RecordError {
                    line,
                    reason: "<Sentence> without </Sentence>; the rest of the file is skipped"
                        .into(),
                });
                break;
            };
            match parse_record(&rest[..end], line) {
                Ok(r) => out.records.push(r),
                Err(reason) => out.errors.push(RecordError { line, reason }),
            }
            pos = at + end + "</Sentence>".len();
        } else {
            pos = at + 1;
        }
    }
    out
}

fn parse_environment(block: &str) -> Environment {
    let mut env = Environment::default();
    let mut pos = 0;
    while let Some(rel) = block[pos..].find('<') {
        let at = pos + rel;
        let rest = &block[at..];
        if rest.starts_with("<!--") {
            pos = rest.find("-->").map(|e| at + e + 3).unwrap_or(block.len());
            continue;
        }
        let name: String = rest[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let Some(gt) = rest.find('>') else { break };
        let close = format!("</{name}>");
        // the closing tag after the opening one (`</>` is no tag: its "close" would be itself)
        let found = rest[gt + 1..].find(&close).map(|e| gt + 1 + e);
        let Some(ce) = found.filter(|_| !name.is_empty()) else {
            pos = at + gt + 1;
            continue;
        };
        let value = rest[gt + 1..ce].trim();
        let list = || {
            value
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        match name.as_str() {
            "Verbfile" => env.verbfiles.push(value.to_string()),
            "Actorfile" => env.actorfiles.extend(
                value
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty()),
            ),
            "Agentfile" => env.agentfiles.push(value.to_string()),
            "Discardfile" => env.discardfiles.push(value.to_string()),
            "PICOfile" => env.ontologyfiles.push(value.to_string()),
            "Include" => env
                .include
                .extend(list().into_iter().filter(|c| c != "valid")),
            "Exclude" => env.exclude.extend(list()),
            _ => {}
        }
        pos = at + ce + close.len();
    }
    env
}

fn parse_record(chunk: &str, line: usize) -> Result<Record, String> {
    let gt = chunk.find('>').ok_or("unclosed <Sentence tag")?;
    let attrs = attributes(&chunk[..gt]);
    let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
    let id = get("id").ok_or("a <Sentence> has no id")?.to_string();
    let date = match get("date") {
        Some(d) => Some(
            NaiveDate::parse_from_str(d, "%Y%m%d")
                .map_err(|_| format!("{id}: date `{d}` is not YYYYMMDD"))?,
        ),
        None => None,
    };
    let evaluate = get("evaluate") != Some("false") && get("sentence") != Some("false");
    let category = get("category").unwrap_or("").to_string();
    let mut text = None;
    let mut events = BTreeSet::new();
    let mut no_events = false;
    let mut error = None;
    let body = &chunk[gt + 1..];
    let mut pos = 0;
    while let Some(rel) = body[pos..].find('<') {
        let at = pos + rel;
        let rest = &body[at..];
        if rest.starts_with("<!--") {
            pos = rest.find("-->").map(|e| at + e + 3).unwrap_or(body.len());
        } else if rest.starts_with("<Text>") {
            let e = rest
                .find("</Text>")
                .ok_or_else(|| format!("{id}: <Text> without </Text>"))?;
            text = Some(unescape(
                rest[6..e]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str(),
            ));
            pos = at + e + 7;
        } else if rest.starts_with("<Parse>") {
            pos = rest
                .find("</Parse>")
                .map(|e| at + e + 8)
                .unwrap_or(body.len());
        } else if rest.starts_with("<EventCoding") {
            let e = rest
                .find('>')
                .ok_or_else(|| format!("{id}: unclosed <EventCoding"))?;
            let a = attributes(rest[..e].trim_end_matches('/'));
            let g = |k: &str| a.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone());
            if g("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                no_events = true;
            } else if let Some(kind) = g("error") {
                error = Some(kind);
            } else {
                match (g("sourcecode"), g("targetcode"), g("eventcode")) {
                    (Some(s), Some(t), Some(c)) => {
                        events.insert((s, t, c));
                    }
                    _ => return Err(format!("{id}: an <EventCoding> needs sourcecode, targetcode and eventcode (or noevents / error)")),
                }
            }
            pos = at + e + 1;
        } else {
            pos = at + 1;
        }
    }
    let text = text.ok_or_else(|| format!("{id}: no <Text>"))?;
    let expected = match (error, events.is_empty(), no_events) {
        (Some(kind), _, _) => Expected::Error(kind),
        (None, false, _) => Expected::Events(events),
        (None, true, _) => Expected::NoEvents,
    };
    Ok(Record {
        id,
        category,
        date,
        evaluate,
        text,
        expected,
        line,
    })
}

/// `name="value"` pairs of a tag (single or double quotes), values unescaped.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(end) = after[1..].find(q) else { break };
        out.push((name, unescape(&after[1..1 + end])));
        rest = &after[end + 2..];
    }
    out
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!--
#  Use <Sentence ... evaluate="false"> to bypass -- not well-formed
-->
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>actors.txt</Actorfile>
    <Include>DEMO COMPOUND </Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="DEMO-01" evaluate="true">
<!-- a comment with <tags> -->
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="050" sourcecode="ARN" targetcode="OSG" />
<PLEvent {"event": "012", "source": [{"code": "ARN"}]}>
<Text>
Arnor is about to restore
ties with Gondor &amp; Osgiliath.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	3	nsubj	<odd>
</Parse></Sentence>
<Sentence category="DEMO" date="19950101" id="DEMO-02" evaluate="false">
<EventCoding noevents="True" />
<Text>Nothing.</Text>
</Sentence>
<Sentence category="ERROR" date="1995" id="BAD-DATE">
<Text>x</Text>
</Sentence>
<Sentence category="ERROR" date="19950101" id="DISCARD-01">
<EventCoding error="storydiscard" />
<Text>A typhoon.</Text>
</Sentence>
</Sentences>
"#;

    #[test]
    fn an_empty_closing_tag_in_the_environment_is_skipped() {
        // found by `tidings-fuzz validate` (seed 8295): `</>` was taken for its own closing tag
        let f = parse("<Environment>\n<Verbfile></>/Verbfile>\n<Verbfile>v.txt</Verbfile>\n</Environment>\n<Sentence id=\"a\"><Text>x</Text></Sentence>");
        assert_eq!(f.environment.verbfiles.len(), 1, "{:?}", f.environment);
        assert_eq!(f.records.len(), 1);
        assert_eq!(f.records[0].line, 5);
    }

    #[test]
    fn reads_environment_records_and_expectations() {
        let f = parse(FILE);
        assert_eq!(f.environment.verbfiles, ["verbs.txt"]);
        assert_eq!(f.environment.include, ["DEMO", "COMPOUND"]);
        assert!(f.environment.includes("DEMO") && !f.environment.includes("ERROR"));
        assert_eq!(f.records.len(), 3);
        let r = &f.records[0];
        assert_eq!((r.id.as_str(), r.evaluate, r.line), ("DEMO-01", true, 12));
        assert_eq!(
            r.text,
            "Arnor is about to restore ties with Gondor & Osgiliath."
        );
        let Expected::Events(e) = &r.expected else {
            panic!()
        };
        assert!(e.contains(&("ARN".into(), "OSG".into(), "050".into())));
        assert_eq!(f.records[1].expected, Expected::NoEvents);
        assert!(!f.records[1].evaluate);
        assert_eq!(
            f.records[2].expected,
            Expected::Error("storydiscard".into())
        );
        assert_eq!(f.errors.len(), 1);
        assert!(f.errors[0].reason.contains("BAD-DATE"));
    }
}
