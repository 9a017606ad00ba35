//! The word before a period: titles and Latin abbreviations, initialisms, initials, `No.`, and
//! the capitalised function words that show a new sentence has begun. No boundary is decided here.

/// The word that ends at `mark` (without leading quotes or brackets).
pub(super) fn word_before(text: &str, start: usize, mark: usize) -> &str {
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

pub(super) enum AbbreviationClass {
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

pub(super) fn abbreviation_class(word: &str) -> AbbreviationClass {
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
pub(super) fn starts_new_sentence(rest: &str) -> bool {
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
    use super::super::tests::split;

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
}
