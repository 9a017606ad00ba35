//! Reading CoNLL-U treebanks and aligning their tags to the project's own tokenization.
//!
//! Each sentence's `# text` is run through [`Words::new`]; every treebank word is located in that
//! text by character offsets, and each of our words takes the tag of the first non-punctuation
//! treebank word it overlaps (or the first one, if all are punctuation). Our words that overlap no
//! treebank word get no tag and are skipped in training and scoring.

use crate::tags::{Tag, Upos};
use std::ops::Range;
use std::path::Path;
use tidings_dict::words::Words;

/// One treebank sentence: its text and its syntactic words' spans and tags.
#[derive(Debug, Clone)]
pub struct TreebankSentence {
    pub text: String,
    /// Byte span in `text` (empty when the form could not be found), UPOS, Penn tag.
    pub words: Vec<(Range<usize>, Upos, String)>,
}

/// A sentence in our tokenization with the gold class of each word (`None`: no treebank word).
#[derive(Debug, Clone)]
pub struct AlignedSentence {
    pub words: Words,
    pub gold: Vec<Option<Tag>>,
}

/// Reads a CoNLL-U file. Malformed sentences are skipped and reported as `file:line: reason`.
pub fn read_conllu(path: &Path) -> Result<(Vec<TreebankSentence>, Vec<String>), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    Ok(parse_conllu(&text, &path.display().to_string()))
}

/// Parses CoNLL-U text; `name` labels error messages.
pub fn parse_conllu(text: &str, name: &str) -> (Vec<TreebankSentence>, Vec<String>) {
    let mut sentences = Vec::new();
    let mut errors = Vec::new();
    let mut sent_text: Option<String> = None;
    let mut rows: Vec<(usize, String)> = Vec::new();
    let mut first_line = 1;
    for (n, line) in text
        .lines()
        .enumerate()
        .chain(std::iter::once((usize::MAX - 1, "")))
    {
        let line_no = n + 1;
        if line.trim().is_empty() {
            if !rows.is_empty() {
                match build_sentence(sent_text.take(), &rows) {
                    Ok(s) => sentences.push(s),
                    Err((at, reason)) => errors.push(format!(
                        "{name}:{}: {reason}",
                        if at == 0 { first_line } else { at }
                    )),
                }
            }
            rows.clear();
            sent_text = None;
            first_line = line_no.saturating_add(1);
            continue;
        }
        if let Some(rest) = line.strip_prefix("# text = ") {
            sent_text = Some(rest.to_string());
        } else if !line.starts_with('#') {
            rows.push((line_no, line.to_string()));
        }
    }
    (sentences, errors)
}

fn build_sentence(
    text: Option<String>,
    rows: &[(usize, String)],
) -> Result<TreebankSentence, (usize, String)> {
    let text = text.ok_or((0, "sentence has no `# text =` line".to_string()))?;
    let mut words = Vec::new();
    let mut cursor = 0usize;
    // span of the current multiword token and where its parts may be searched
    let mut multi: Option<(usize, Range<usize>)> = None;
    for (line_no, row) in rows {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() != 10 {
            return Err((
                *line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let (id, form, upos, xpos) = (cols[0], cols[1], cols[3], cols[4]);
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((_, last)) = id.split_once('-') {
            let last: usize = last
                .parse()
                .map_err(|_| (*line_no, format!("bad token range `{id}`")))?;
            let span = find(&text, form, cursor).unwrap_or(cursor..cursor);
            cursor = span.end;
            multi = Some((last, span));
            continue;
        }
        let index: usize = id
            .parse()
            .map_err(|_| (*line_no, format!("bad word id `{id}`")))?;
        let upos = Upos::from_name(upos).ok_or((*line_no, format!("unknown UPOS `{upos}`")))?;
        let span = match &mut multi {
            Some((last, range)) => {
                let found = find(&text[..range.end], form, range.start).unwrap_or(range.clone());
                if found.end > range.start && found.end <= range.end && found.start >= range.start {
                    range.start = found.end.min(range.end);
                }
                let span = found;
                if index >= *last {
                    multi = None;
                }
                span
            }
            None => {
                let span = find(&text, form, cursor).unwrap_or(cursor..cursor);
                cursor = span.end;
                span
            }
        };
        words.push((span, upos, xpos.to_string()));
    }
    Ok(TreebankSentence { text, words })
}

/// The first occurrence of `form` in `text` at or after `from`, skipping only whitespace-free gaps
/// of reasonable size (forms appear in order).
fn find(text: &str, form: &str, from: usize) -> Option<Range<usize>> {
    let from = from.min(text.len());
    let at = text[from..].find(form)? + from;
    if text[from..at]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        > 8
    {
        return None; // too far: the form is not where the next word should be
    }
    Some(at..at + form.len())
}

impl TreebankSentence {
    /// Tokenizes the text our way and gives each word its gold class.
    pub fn align(&self) -> AlignedSentence {
        let words = Words::new(&self.text);
        let gold = words
            .iter()
            .map(|w| {
                let (s, e) = (w.start as usize, w.end as usize);
                let mut first = None;
                for (span, upos, xpos) in &self.words {
                    if span.start < e && s < span.end {
                        let tag = Tag::from_ud(*upos, xpos);
                        if *upos != Upos::Punct {
                            return Some(tag);
                        }
                        first.get_or_insert(tag);
                    }
                }
                first
            })
            .collect();
        AlignedSentence { words, gold }
    }
}

/// Reads and aligns a CoNLL-U file; errors in single sentences are printed to stderr.
pub fn load_aligned(path: &Path) -> Result<Vec<AlignedSentence>, String> {
    let (sentences, errors) = read_conllu(path)?;
    for e in &errors {
        eprintln!("{e}");
    }
    Ok(sentences.iter().map(TreebankSentence::align).collect())
}

/// Share of aligned words whose UPOS the tagger gets right: `(correct, total)`.
pub fn upos_accuracy(tagger: &crate::Tagger, sentences: &[AlignedSentence]) -> (usize, usize) {
    let (mut correct, mut total) = (0, 0);
    let mut out = Vec::new();
    for s in sentences {
        tagger.tag(&s.words, &mut out);
        for (pred, gold) in out.iter().zip(&s.gold) {
            if let Some(g) = gold {
                total += 1;
                correct += (g.upos() == *pred) as usize;
            }
        }
    }
    (correct, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = They went.\n1\tThey\tthey\n";

    #[test]
    fn aligns_contractions_hyphens_and_possessives() {
        let conllu = "# text = They didn't go to Al-Zaman's.
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
6\tAl\tAl\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No
7\t-\t-\tPUNCT\tHYPH\t_\t8\tpunct\t_\tSpaceAfter=No
8\tZaman\tZaman\tPROPN\tNNP\t_\t6\tflat\t_\tSpaceAfter=No
9\t's\t's\tPART\tPOS\t_\t6\tcase\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";
        let (sents, errors) = parse_conllu(conllu, "sample");
        assert!(errors.is_empty(), "{errors:?}");
        let a = sents[0].align();
        let got: Vec<String> = (0..a.words.len())
            .map(|i| format!("{}:{}", a.words.norm(i), a.gold[i].unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                "they:PRON",
                "did:AUX/VBD",
                "n't:PART",
                "go:VERB/VB",
                "to:ADP",
                "al:PROPN",
                "zaman:PROPN",
                "'s:PART",
                ".:PUNCT"
            ]
        );
    }

    #[test]
    fn reports_bad_rows_with_file_and_line() {
        let (sents, errors) = parse_conllu(SAMPLE, "bad.conllu");
        assert!(sents.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("bad.conllu:2:"), "{}", errors[0]);
    }
}
