//! Sentence splitting for cleaned news text: one pass over the bytes, decisions only at `.`, `?`,
//! `!`, `…` and line breaks.

use std::ops::Range;

/// Byte ranges of the sentences of `text`, each trimmed of surrounding whitespace, in order.
///
/// A line break always ends a sentence (so a headline on the first line is sentence 0). Inside a
/// line, a `.`, `?`, `!` or ellipsis ends a sentence unless what surrounds it says otherwise:
/// abbreviations (`Mr.`, `Gen.`, `Oct.`, `e.g.`), initialisms (`U.S.`, which ends a sentence only
/// when a capitalised function word such as `The` or `He` follows), single initials (`John F.
/// Kennedy`), decimals (`3.5`), a lowercase word after the mark (`"Why?" he asked`). Closing quotes
/// and brackets after the mark stay with the sentence (`... he said.”`). Sentences glued together
/// by scraping (`two countries.Xi Jinping said`) are split.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::with_capacity(bytes.len() / 100 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let is_candidate = matches!(b, b'\n' | b'.' | b'?' | b'!')
            || (b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6));
        if !is_candidate {
            i += 1;
            continue;
        }
        if b == b'\n' {
            push_trimmed(text, start..i, &mut sentences);
            start = i + 1;
            i += 1;
            continue;
        }
        match sentence_end(text, start, i) {
            Boundary::After(end) => {
                push_trimmed(text, start..end, &mut sentences);
                start = end;
                i = end;
            }
            Boundary::None(next) => i = next,
        }
    }
    push_trimmed(text, start..bytes.len(), &mut sentences);
    sentences
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed_start = slice.trim_start();
    if trimmed_start.is_empty() {
        return;
    }
    let start = range.start + (slice.len() - trimmed_start.len());
    let end = start + trimmed_start.trim_end().len();
    out.push(start..end);
}

enum Boundary {
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
fn sentence_end(text: &str, start: usize, mark: usize) -> Boundary {
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

/// The word that ends at `mark` (without leading quotes or brackets).
fn word_before(text: &str, start: usize, mark: usize) -> &str {
    let bytes = text.as_bytes();
    let mut w = mark;
    while w > start
        && !matches!(
            bytes[w - 1],
            b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'[' | b'"' | b'/'
        )
    {
        w -= 1;
    }
    text[w..mark].trim_start_matches(|c: char| !c.is_alphanumeric())
}

enum AbbreviationClass {
    /// An ordinary word: the period ends the sentence.
    Word,
    /// Titles and Latin abbreviations: never end a sentence (`Mr.`, `Gen.`, `e.g.`).
    Never,
    /// Initialisms, initials, months and company suffixes: end a sentence only when a capitalised
    /// function word follows (`in the U.S. The next day`).
    BeforeFunctionWord,
    /// A single capital letter: like `BeforeFunctionWord`, but a quote after it is a nickname
    /// (`Howard P. “Buck” McKeon`), not a new sentence.
    Initial,
    /// `No.`: no boundary before a number.
    NumberLabel,
}

fn abbreviation_class(word: &str) -> AbbreviationClass {
    const NEVER: [&str; 30] = [
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Gen", "Col", "Lt", "Sen", "Sens", "Rep", "Reps", "Gov",
        "Pres", "St", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Prof", "Rev", "Hon", "Mt", "Ft", "vs",
        "v", "e.g", "i.e", "approx",
    ];
    const CAUTIOUS: [&str; 20] = [
        "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "etc", "Inc",
        "Corp", "Co", "Ltd", "Jr", "Sr", "Bros", "Ave", "Blvd",
    ];
    if word.is_empty() {
        return AbbreviationClass::Word;
    }
    if NEVER.contains(&word) {
        return AbbreviationClass::Never;
    }
    if word == "No" || word == "Nos" {
        return AbbreviationClass::NumberLabel;
    }
    if CAUTIOUS.contains(&word) {
        return AbbreviationClass::BeforeFunctionWord;
    }
    let bytes = word.as_bytes();
    // A single initial: `F` in `John F. Kennedy`, `Howard P. “Buck” McKeon`.
    if bytes.len() == 1 && bytes[0].is_ascii_uppercase() {
        return AbbreviationClass::Initial;
    }
    // Initialisms with inner periods: `U.S`, `D.C`, `a.m`, `U.N`.
    if bytes.len() >= 3
        && bytes.iter().enumerate().all(|(n, b)| {
            if n % 2 == 0 {
                b.is_ascii_alphabetic()
            } else {
                *b == b'.'
            }
        })
    {
        return AbbreviationClass::BeforeFunctionWord;
    }
    AbbreviationClass::Word
}

/// Whether `rest` starts with a capitalised function word that typically opens a sentence.
fn starts_new_sentence(rest: &str) -> bool {
    const OPENERS: [&str; 44] = [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "But",
        "And",
        "In",
        "On",
        "At",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Meanwhile",
        "However",
        "If",
        "So",
        "Yet",
        "For",
        "From",
        "With",
        "By",
        "Some",
        "Many",
        "Most",
        "Last",
        "Earlier",
    ];
    if rest.starts_with(['"', '“', '‘', '\'']) {
        return true;
    }
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    OPENERS.contains(&&rest[..word_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn plain_sentences_and_line_breaks() {
        assert_eq!(
            split("Headline without stop\n\nFirst one. Second one? Third!\nFourth"),
            [
                "Headline without stop",
                "First one.",
                "Second one?",
                "Third!",
                "Fourth"
            ]
        );
        assert_eq!(split("  \n\n "), Vec::<&str>::new());
        assert_eq!(split("One.  "), ["One."]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split(
                "Mr. Rahami met Gen. Smith and Lt. Col. Jones on Oct. 9 in St. Louis. They talked."
            ),
            [
                "Mr. Rahami met Gen. Smith and Lt. Col. Jones on Oct. 9 in St. Louis.",
                "They talked."
            ]
        );
        assert_eq!(
            split("Sen. Warren and Rep. Ocasio-Cortez spoke."),
            ["Sen. Warren and Rep. Ocasio-Cortez spoke."]
        );
        assert_eq!(
            split("He cited No. 10 Downing St. officials."),
            ["He cited No. 10 Downing St. officials."]
        );
        assert_eq!(
            split("Tariffs on steel, aluminum, etc. were raised."),
            ["Tariffs on steel, aluminum, etc. were raised."]
        );
        assert_eq!(
            split("Apple Inc. The company said no."),
            ["Apple Inc.", "The company said no."]
        );
        assert_eq!(
            split("Apple Inc. Chief Executive Tim Cook"),
            ["Apple Inc. Chief Executive Tim Cook"]
        );
    }

    #[test]
    fn initialisms_and_initials() {
        assert_eq!(
            split("U.S. officials met U.N. envoys."),
            ["U.S. officials met U.N. envoys."]
        );
        assert_eq!(
            split("Troops stayed in the U.S. The next day they left."),
            ["Troops stayed in the U.S.", "The next day they left."]
        );
        assert_eq!(
            split("He flew to Washington, D.C. He landed at 9 p.m. Officials met him."),
            [
                "He flew to Washington, D.C.",
                "He landed at 9 p.m. Officials met him."
            ]
        );
        assert_eq!(
            split("John F. Kennedy was shot in 1963."),
            ["John F. Kennedy was shot in 1963."]
        );
        assert_eq!(
            split("The E.U. and the U.K. agreed."),
            ["The E.U. and the U.K. agreed."]
        );
    }

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

    #[test]
    fn seed_paragraph() {
        let text = "China President Xi Jinping has congratulated Kim Jong Un on the founding anniversary of North Korea’s ruling party and said that he intends to defend, consolidate and develop ties with Pyongyang and support the socialist cause of the two countries.Xi Jinping said this in a congratulatory letter to the leader of North Korea on the 75th anniversary of the foundation of the ruling Workers’ Party , North Korea state media reported on Saturday.";
        let sentences = split(text);
        assert_eq!(sentences.len(), 2);
        assert!(sentences[0].ends_with("of the two countries."));
        assert!(sentences[1].starts_with("Xi Jinping said this"));
    }

    #[test]
    fn seed_article_after_cleaning() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/seed/xi-kim-letter-2020-10-11.txt");
        let article = tidings_article::read_path(&path, None)
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let cleaned = tidings_article::clean(&article);
        let sentences = split(&cleaned.text);
        assert_eq!(
            sentences[0],
            "Intend to develop, consolidate China-Korea ties: Xi Jinping to Kim Jong Un"
        );
        assert_eq!(
            split_sentences(&cleaned.text)[0].end,
            cleaned.headline_end.unwrap()
        );
        assert!(sentences[1].ends_with("socialist cause of the two countries."));
        assert!(
            sentences[2].starts_with("Xi Jinping said this")
                && sentences[2].ends_with("reported on Saturday.")
        );
        assert!(
            sentences[3].starts_with("“We have an intent") && sentences[3].ends_with("(KCNA).")
        );
        assert!(sentences[4].ends_with("anniversary of the WPK."));
        assert!(
            sentences[5].starts_with("”The WPK with glorious")
                && sentences[5].ends_with("he said.")
        );
        assert!(
            sentences[6].starts_with("According to KCNA")
                && sentences[6].ends_with("valuable with time.")
        );
        assert!(sentences[7].starts_with("Jinping further claimed"));
        assert!(sentences[8].starts_with("“In recent years"));
        assert_eq!(sentences.len(), 9, "{sentences:#?}");
    }

    #[test]
    fn ranges_are_trimmed_and_on_char_boundaries() {
        let text = "  Überraschung! Ça va. \u{a0}Ñandú “quote.”  ";
        for range in split_sentences(text) {
            let s = &text[range];
            assert_eq!(s, s.trim());
        }
        assert_eq!(split(text), ["Überraschung!", "Ça va.", "Ñandú “quote.”"]);
    }
}
