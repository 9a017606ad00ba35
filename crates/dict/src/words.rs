//! Cutting text into comparable words: the one tokenizer that both dictionary phrases and sentence
//! text go through, so that "North Korea’s" in a sentence and `North Korea's` in a file meet.
//!
//! A [`Words`] holds one normalized buffer (lowercase, `’` -> `'`, common Latin accents folded) and a
//! [`Word`] per token with its byte span in the original text. Hyphens split words ("Kim Jong-un" is
//! `kim jong un`), a possessive `'s` is its own word, "n't" is its own word, initialisms keep their
//! dots (`u.s.`), and punctuation marks are words flagged [`Word::PUNCT`].

/// One token: its span in the original text and in the normalized buffer, and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: u32,
    pub end: u32,
    norm_start: u32,
    norm_end: u32,
    pub flags: u8,
    /// FNV-1a hash of the normalized form, for quick set tests ([`word_hash`]).
    pub hash: u32,
}

/// FNV-1a hash of a normalized word, as stored in [`Word::hash`].
#[inline]
pub fn word_hash(norm: &str) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for b in norm.as_bytes() {
        h ^= *b as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h
}

impl Word {
    /// First letter is uppercase in the original.
    pub const CAPITALIZED: u8 = 1;
    /// Two or more letters, all uppercase ("US", "KCNA").
    pub const ALL_CAPS: u8 = 2;
    /// A punctuation mark.
    pub const PUNCT: u8 = 4;
    /// Contains a digit.
    pub const NUMBER: u8 = 8;
    /// A short word with an uppercase letter after a lowercase one ("LeT", "AfD", "PiS"): a
    /// mixed-case acronym, which a dictionary phrase written that way must match exactly.
    pub const MIXED_CAPS: u8 = 16;

    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// The tokens of one piece of text, with their normalized forms.
#[derive(Debug, Clone, Default)]
pub struct Words {
    norm: String,
    words: Vec<Word>,
}

impl Words {
    pub fn new(text: &str) -> Words {
        let mut w = Words::default();
        w.fill(text);
        w
    }

    /// Normalized form of word `i` (lowercase, folded).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let w = &self.words[i];
        &self.norm[w.norm_start as usize..w.norm_end as usize]
    }

    #[inline]
    pub fn get(&self, i: usize) -> &Word {
        &self.words[i]
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Word> {
        self.words.iter()
    }

    /// The normalized words joined by single spaces.
    pub fn joined(&self) -> String {
        (0..self.len())
            .map(|i| self.norm(i))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Re-tokenizes `text` into this buffer, reusing its memory.
    pub fn fill(&mut self, text: &str) {
        self.norm.clear();
        self.words.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let ch = char_at(text, i).unwrap();
            let clen = ch.len_utf8();
            if is_word_char(ch) {
                i = self.push_word(text, i);
                continue;
            }
            if is_apostrophe(ch) {
                // possessive 's standing after a word: "Korea's", "Korea’s"
                let next = &text[i + clen..];
                let mut n = next.chars();
                if let (Some(s), follow) = (n.next(), n.next()) {
                    if (s == 's' || s == 'S')
                        && follow.is_none_or(|f| !is_word_char(f))
                        && !self.words.is_empty()
                    {
                        let start = i;
                        let end = i + clen + 1;
                        self.push(start, end, "'s", 0);
                        i = end;
                        continue;
                    }
                }
                i += clen; // a stray or closing apostrophe ("Workers'") is dropped
                continue;
            }
            if ch == '-' || ch == '‐' || ch == '‑' {
                i += clen; // hyphens join nothing: "Jong-un" is two words
                continue;
            }
            if ch.is_whitespace() {
                i += clen;
                continue;
            }
            let mut buf = [0u8; 4];
            let s: &str = match ch {
                '“' | '”' | '„' | '«' | '»' => "\"",
                '–' | '—' => "--",
                _ => ch.encode_utf8(&mut buf),
            };
            let s = s.to_string();
            self.push(i, i + clen, &s, Word::PUNCT);
            i += clen;
        }
    }

    fn push(&mut self, start: usize, end: usize, norm: &str, flags: u8) {
        let ns = self.norm.len() as u32;
        self.norm.push_str(norm);
        self.record(start, end, ns, flags);
    }

    /// Records the word `start..end` whose normalized form is `self.norm[ns..]`, just written.
    fn record(&mut self, start: usize, end: usize, ns: u32, flags: u8) {
        let hash = word_hash(&self.norm[ns as usize..]);
        self.words.push(Word {
            start: start as u32,
            end: end as u32,
            norm_start: ns,
            norm_end: self.norm.len() as u32,
            flags,
            hash,
        });
    }

    /// Reads a word starting at `start`; returns the byte after it.
    fn push_word(&mut self, text: &str, start: usize) -> usize {
        let bytes = text.as_bytes();
        let mut end = start;
        let mut letters = 0usize;
        let mut uppers = 0usize;
        let mut digits = false;
        let mut first_upper = false;
        // Scan letters/digits, allowing dots between single letters (U.S., U.N.) and digits (3.5),
        // and apostrophes inside words (O'Brien) but not "n't" or "'s".
        loop {
            let Some(ch) = char_at(text, end) else { break };
            if is_word_char(ch) {
                if ch.is_alphabetic() {
                    if letters == 0 && ch.is_uppercase() {
                        first_upper = true;
                    }
                    letters += 1;
                    if ch.is_uppercase() {
                        uppers += 1;
                    }
                } else {
                    digits = true;
                }
                end += ch.len_utf8();
                continue;
            }
            if ch == '.' && end > start {
                let prev = text[..end].chars().next_back().unwrap();
                let next = text[end + 1..].chars().next();
                // initialism: single letter, dot, single letter (U.S. / U.N.)
                let seg_len = text[start..end]
                    .rsplit('.')
                    .next()
                    .map_or(0, |s| s.chars().count());
                if prev.is_alphabetic() && seg_len == 1 && next.is_some_and(|n| n.is_alphabetic()) {
                    let after = text[end + 1..].chars().nth(1);
                    if after.is_none_or(|a| a == '.' || !is_word_char(a)) {
                        end += 1;
                        continue;
                    }
                }
                // closing dot of an initialism: "U.S." (segment before is one letter, and a dot came earlier)
                if prev.is_alphabetic() && seg_len == 1 && text[start..end].contains('.') {
                    end += 1;
                    break;
                }
                // decimal number
                if prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) {
                    end += 1;
                    continue;
                }
                break;
            }
            if (ch == ',') && end > start {
                // thousands separator 1,000
                let prev = bytes[end - 1];
                let n1 = text[end + 1..].chars().next();
                if prev.is_ascii_digit() && n1.is_some_and(|n| n.is_ascii_digit()) && letters == 0 {
                    end += 1;
                    continue;
                }
                break;
            }
            if is_apostrophe(ch) && end > start {
                let alen = ch.len_utf8();
                let rest = &text[end + alen..];
                let mut it = rest.chars();
                let n1 = it.next();
                let n2 = it.next();
                // n't: split "did" + "n't"
                if n1 == Some('t') || n1 == Some('T') {
                    if (text[..end].ends_with('n') || text[..end].ends_with('N'))
                        && n2.is_none_or(|c| !is_word_char(c))
                    {
                        let word_end = end - 1;
                        if word_end > start {
                            self.push_norm_word(
                                text,
                                start,
                                word_end,
                                letters - 1,
                                uppers,
                                digits,
                                first_upper,
                            );
                        }
                        let ns = self.norm.len() as u32;
                        self.norm.push_str("n't");
                        let e = end + alen + 1;
                        self.words.push(Word {
                            start: word_end as u32,
                            end: e as u32,
                            norm_start: ns,
                            norm_end: self.norm.len() as u32,
                            flags: 0,
                            hash: word_hash("n't"),
                        });
                        return e;
                    }
                }
                // O'Brien, al-Qa'ida: apostrophe followed by a letter that is not a lone s
                if n1.is_some_and(|c| c.is_alphabetic())
                    && !((n1 == Some('s') || n1 == Some('S'))
                        && n2.is_none_or(|c| !is_word_char(c)))
                {
                    end += alen;
                    continue;
                }
                break;
            }
            break;
        }
        self.push_norm_word(text, start, end, letters, uppers, digits, first_upper);
        end
    }

    #[allow(clippy::too_many_arguments)]
    fn push_norm_word(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        letters: usize,
        uppers: usize,
        digits: bool,
        first_upper: bool,
    ) {
        let ns = self.norm.len() as u32;
        let slice = &text[start..end];
        if slice.is_ascii() {
            let at = self.norm.len();
            self.norm.push_str(slice);
            self.norm[at..].make_ascii_lowercase();
        } else {
            for ch in slice.chars() {
                push_folded(&mut self.norm, ch);
            }
        }
        let mut flags = 0;
        if first_upper {
            flags |= Word::CAPITALIZED;
        }
        if letters >= 2 && uppers == letters {
            flags |= Word::ALL_CAPS;
        }
        if digits {
            flags |= Word::NUMBER;
        }
        if letters <= 4 && uppers >= 2 && uppers < letters && first_upper {
            let mut lower_seen = false;
            let mixed = slice.chars().any(|c| {
                let upper_after_lower = lower_seen && c.is_uppercase();
                lower_seen |= c.is_lowercase();
                upper_after_lower
            });
            if mixed {
                flags |= Word::MIXED_CAPS;
            }
        }
        self.record(start, end, ns, flags);
    }
}

/// The character at byte `i`, with a fast path for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

#[inline]
fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_alphanumeric();
    }
    ch.is_alphanumeric()
}

#[inline]
fn is_apostrophe(ch: char) -> bool {
    ch == '\'' || ch == '’' || ch == '‘' || ch == 'ʼ'
}

/// Lowercases and folds common Latin accents to ASCII (é -> e, ı -> i, ß -> ss).
fn push_folded(out: &mut String, ch: char) {
    if ch.is_ascii() {
        out.push(ch.to_ascii_lowercase());
        return;
    }
    let folded = match ch {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => "e",
        'Ğ' | 'ğ' => "g",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' => "i",
        'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => "o",
        'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ț' | 'ț' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => {
            for l in ch.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let w = Words::new(text);
        (0..w.len()).map(|i| w.norm(i).to_string()).collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_contractions() {
        assert_eq!(
            norms("North Korea’s ruling party"),
            ["north", "korea", "'s", "ruling", "party"]
        );
        assert_eq!(
            norms("Kim Jong-un didn't go"),
            ["kim", "jong", "un", "did", "n't", "go"]
        );
        assert_eq!(norms("the Workers’ Party"), ["the", "workers", "party"]);
        assert_eq!(norms("O'Brien"), ["o'brien"]);
    }

    #[test]
    fn keeps_initialisms_and_numbers() {
        assert_eq!(
            norms("the U.S. and U.N. said 3.5 or 1,000."),
            ["the", "u.s.", "and", "u.n.", "said", "3.5", "or", "1,000", "."]
        );
        assert_eq!(norms("Mr. Rahami"), ["mr", ".", "rahami"]);
    }

    #[test]
    fn folds_accents_and_flags_case() {
        let w = Words::new("Élysée KCNA said");
        assert_eq!(w.norm(0), "elysee");
        assert!(w.get(0).is(Word::CAPITALIZED));
        assert!(w.get(1).is(Word::ALL_CAPS));
        assert!(!w.get(2).is(Word::CAPITALIZED));
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "“We”, wrote Xi.";
        let w = Words::new(text);
        let spans: Vec<&str> = w
            .iter()
            .map(|x| &text[x.start as usize..x.end as usize])
            .collect();
        assert_eq!(spans, ["“", "We", "”", ",", "wrote", "Xi", "."]);
        assert_eq!(w.norm(0), "\"");
    }
}
