//! Whether a terminator ends a sentence: the run of marks, closing quotes and brackets, what
//! follows, and sentences glued together by scraping. Abbreviations are classified elsewhere.

use super::abbreviations::{
    abbreviation_class, starts_new_sentence, word_before, AbbreviationClass,
};

pub(super) enum Boundary {
    /// The sentence ends just before this byte offset.
    After(usize),
    /// No boundary here; resume scanning at this offset.
    None(usize),
}

/// Closing quotes and brackets that stay with the sentence before them.
fn closer_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'"' | b'\'' | b')' | b']') => 1,
        // ’ (E2 80 99) and ” (E2 80 9D)
        Some(0xE2)
            if bytes.get(at + 1) == Some(&0x80)
                && matches!(bytes.get(at + 2), Some(0x99 | 0x9D)) =>
        {
            3
        }
        _ => 0,
    }
}

fn is_ellipsis_char(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&0xE2)
        && bytes.get(at + 1) == Some(&0x80)
        && bytes.get(at + 2) == Some(&0xA6)
}

/// Decides whether the terminator at `mark` (in a sentence starting at `start`) ends the sentence.
pub(super) fn sentence_end(text: &str, start: usize, mark: usize) -> Boundary {
    let bytes = text.as_bytes();
    // The run of terminators: `.`, `...`, `?!`, `…`.
    let mut j = mark;
    let mut marks = 0;
    while j < bytes.len() {
        match bytes[j] {
            b'.' | b'?' | b'!' => j += 1,
            _ if is_ellipsis_char(bytes, j) => j += 3,
            _ => break,
        }
        marks += 1;
    }
    let single_period = marks == 1 && bytes[mark] == b'.';
    // Closing quotes and brackets.
    let after_marks = j;
    let mut last_closer_double = false;
    loop {
        let n = closer_len(bytes, j);
        if n == 0 {
            break;
        }
        last_closer_double = bytes[j] == b'"' || (n == 3 && bytes[j + 2] == 0x9D);
        j += n;
    }
    let has_closers = j > after_marks;

    let Some(next) = text[j..].chars().next() else {
        return Boundary::After(j);
    };
    if !next.is_whitespace() {
        return glued(
            text,
            start,
            mark,
            after_marks,
            j,
            next,
            single_period,
            has_closers,
            last_closer_double,
        );
    }
    // Skip spaces (not line breaks) to the next word.
    let mut k = j;
    let mut following = None;
    for (offset, c) in text[j..].char_indices() {
        if c == '\n' {
            break;
        }
        if !c.is_whitespace() {
            following = Some(c);
            k = j + offset;
            break;
        }
    }
    let Some(following) = following else {
        return Boundary::After(j);
    };
    if following.is_lowercase() {
        return Boundary::None(j);
    }
    if single_period && !has_closers {
        let word = word_before(text, start, mark);
        match abbreviation_class(word) {
            AbbreviationClass::Never => return Boundary::None(j),
            AbbreviationClass::BeforeFunctionWord => {
                if !starts_new_sentence(&text[k..]) {
                    return Boundary::None(j);
                }
            }
            AbbreviationClass::Initial => {
                if !(following.is_alphanumeric() && starts_new_sentence(&text[k..])) {
                    return Boundary::None(j);
                }
            }
            AbbreviationClass::NumberLabel => {
                if following.is_ascii_digit() {
                    return Boundary::None(j);
                }
            }
            AbbreviationClass::Word => {}
        }
    }
    Boundary::After(j)
}

/// A terminator directly followed by a non-space character.
#[allow(clippy::too_many_arguments)]
fn glued(
    text: &str,
    start: usize,
    mark: usize,
    after_marks: usize,
    j: usize,
    next: char,
    single_period: bool,
    has_closers: bool,
    last_closer_double: bool,
) -> Boundary {
    let bytes = text.as_bytes();
    if !next.is_uppercase() {
        return Boundary::None(j.max(mark + 1));
    }
    if has_closers {
        // `WPK.”The WPK ...`: a double quote after the mark closes a quotation when the sentence has
        // an odd number of double quotes; with an even number it opens the next sentence.
        if last_closer_double && after_marks == mark + 1 {
            let quotes = count_double_quotes(&bytes[start..mark]);
            if quotes.is_multiple_of(2) {
                return Boundary::After(after_marks);
            }
        }
        return Boundary::After(j);
    }
    let before = if mark > 0 { bytes[mark - 1] } else { b' ' };
    if !(before.is_ascii_lowercase() || before.is_ascii_digit() || bytes[mark] != b'.') {
        return Boundary::None(mark + 1);
    }
    if single_period {
        let word = word_before(text, start, mark);
        if !matches!(abbreviation_class(word), AbbreviationClass::Word) {
            return Boundary::None(mark + 1);
        }
        // A real word must follow (`Xi`, `The`), not another initial or a domain part.
        let second = text[j + next.len_utf8()..].chars().next();
        if !second.is_some_and(|c| c.is_lowercase()) {
            return Boundary::None(mark + 1);
        }
    }
    Boundary::After(after_marks)
}

fn count_double_quotes(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            count += 1;
        } else if bytes[i] == 0xE2
            && bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0x9C | 0x9D))
        {
            count += 1;
            i += 2;
        }
        i += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::super::tests::split;

    #[test]
    fn decimals_and_numbers() {
        assert_eq!(
            split("Growth was 3.5 percent in 2019. It fell."),
            ["Growth was 3.5 percent in 2019.", "It fell."]
        );
        assert_eq!(
            split("A $1.2bn deal, up 0.5%."),
            ["A $1.2bn deal, up 0.5%."]
        );
    }

    #[test]
    fn ellipsis() {
        assert_eq!(
            split("We will see... and then decide."),
            ["We will see... and then decide."]
        );
        assert_eq!(
            split("We will see... Then we decide."),
            ["We will see...", "Then we decide."]
        );
        assert_eq!(split("North Korean …\nNext"), ["North Korean …", "Next"]);
    }

    #[test]
    fn quotations() {
        assert_eq!(
            split("“We have an intent,” wrote Xi. “It is good.” He said so."),
            [
                "“We have an intent,” wrote Xi.",
                "“It is good.”",
                "He said so."
            ]
        );
        assert_eq!(
            split("He said: \"No.\" Then he left."),
            ["He said: \"No.\"", "Then he left."]
        );
        assert_eq!(
            split("\"Why?\" he asked. 'Because.' She left."),
            ["\"Why?\" he asked.", "'Because.'", "She left."]
        );
        assert_eq!(
            split("She asked 'why?' Nobody answered."),
            ["She asked 'why?'", "Nobody answered."]
        );
    }

    #[test]
    fn glued_sentences() {
        assert_eq!(
            split("the socialist cause of the two countries.Xi Jinping said this in a letter."),
            [
                "the socialist cause of the two countries.",
                "Xi Jinping said this in a letter."
            ]
        );
        // A quote glued as an opener: no quote before it in the sentence.
        assert_eq!(
            split(
                "the 75th founding anniversary of the WPK.”The WPK rallied the people,” he said."
            ),
            [
                "the 75th founding anniversary of the WPK.",
                "”The WPK rallied the people,” he said."
            ]
        );
        // A quote glued as a closer.
        assert_eq!(split("“It works.”The end."), ["“It works.”", "The end."]);
        // Not glued sentences.
        assert_eq!(
            split("Visit usat.ly or St.Louis or U.S.-led talks."),
            ["Visit usat.ly or St.Louis or U.S.-led talks."]
        );
    }
}
