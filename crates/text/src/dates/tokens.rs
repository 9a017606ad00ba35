//! The sentence as date matching sees it: a cheap pre-check for date cues, word/number/punctuation
//! tokens, and a cursor over them. No date is recognised here.

use std::ops::Range;

/// Whether the sentence contains a digit or a word that can start a date expression.
pub(super) fn has_date_cue(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            return true;
        }
        if b.is_ascii_alphabetic() && (i == 0 || !bytes[i - 1].is_ascii_alphabetic()) {
            let word_end = bytes[i..]
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .map_or(bytes.len(), |p| i + p);
            if word_end - i >= 3 {
                let key = [
                    bytes[i].to_ascii_lowercase(),
                    bytes[i + 1].to_ascii_lowercase(),
                    bytes[i + 2].to_ascii_lowercase(),
                ];
                if matches!(
                    &key,
                    b"mon"
                        | b"tue"
                        | b"wed"
                        | b"thu"
                        | b"fri"
                        | b"sat"
                        | b"sun"
                        | b"yes"
                        | b"tod"
                        | b"ton"
                        | b"tom"
                        | b"las"
                        | b"nex"
                        | b"thi"
                        | b"day"
                        | b"jan"
                        | b"feb"
                        | b"mar"
                        | b"apr"
                        | b"may"
                        | b"jun"
                        | b"jul"
                        | b"aug"
                        | b"sep"
                        | b"oct"
                        | b"nov"
                        | b"dec"
                ) {
                    return true;
                }
            }
            i = word_end;
            continue;
        }
        i += 1;
    }
    false
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    kind: TokenKind,
}

pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 4);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (kind, len) = if b.is_ascii_alphabetic() {
            (
                TokenKind::Word,
                bytes[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count(),
            )
        } else if b.is_ascii_digit() {
            (
                TokenKind::Number,
                bytes[i..].iter().take_while(|c| c.is_ascii_digit()).count(),
            )
        } else if b.is_ascii_whitespace() {
            i += 1;
            continue;
        } else {
            // One character of punctuation (or a non-ASCII letter, which never matters here).
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            (TokenKind::Punct, len)
        };
        tokens.push(Token {
            start: i,
            end: i + len,
            kind,
        });
        i += len;
    }
    tokens
}

/// Helper over the token list of one sentence.
pub(super) struct Cursor<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
}

impl<'a> Cursor<'a> {
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| &self.text[t.start..t.end])
    }
    pub(super) fn is_word(&self, i: usize, want: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(want))
    }
    pub(super) fn number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.end - t.start > 4 {
            return None;
        }
        Some((self.text[t.start..t.end].parse().ok()?, t.end - t.start))
    }
    pub(super) fn is_punct(&self, i: usize, want: char) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && self.text[t.start..t.end].starts_with(want)
        })
    }
    /// Whether token `i` touches token `i - 1` (no space between).
    pub(super) fn adjacent(&self, i: usize) -> bool {
        i > 0
            && self
                .tokens
                .get(i)
                .is_some_and(|t| t.start == self.tokens[i - 1].end)
    }
    pub(super) fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start..self.tokens[last].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precheck_rejects_dateless_sentences() {
        assert!(!has_date_cue(b"Xi wrote a congratulatory letter to Kim."));
        assert!(has_date_cue(b"It happened on Saturday."));
        assert!(has_date_cue(b"In 2012 it began."));
    }
}
