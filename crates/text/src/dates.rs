//! Date expressions in a sentence, resolved against the article's publication date.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::ops::Range;

/// How a date was expressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A calendar date: `October 9`, `Oct. 9, 2020`, `9 October`, `2020-10-09`.
    Explicit,
    /// Relative to the article date: `Saturday`, `last Saturday`, `yesterday`, `last week`.
    Relative,
    /// Any expression that resolves after the article date: `tomorrow`, `next Monday`, or a
    /// calendar date still to come.
    Future,
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the expression in the sentence (`last Saturday`, `Oct. 9, 2020`).
    pub span: Range<usize>,
    pub date: NaiveDate,
    pub kind: DateKind,
}

/// Finds the date expressions of `sentence` and resolves them against `article_date`.
///
/// - Weekdays (`Saturday`, `on Saturday`, `Saturday's election`): the most recent such day on or
///   before the article date (a Sunday article's `Sunday` is that day, its `Saturday` the day
///   before). `last Saturday`: strictly before. `next Monday`: strictly after (Future).
/// - `yesterday`, `last night` (-1), `today`, `tonight`, `this morning/afternoon/evening` (0),
///   `last week` (-7), `the day before` (-1), `the day before yesterday` (-2), `tomorrow` (+1,
///   Future), `next week` (+7, Future).
/// - Calendar dates with or without a year; without one, the year that puts the date nearest to
///   the article date (so `October 20` in an article of 11 October 2020 is 2020-10-20, Future, and
///   `December 30` in one of 2 January 2021 is 2020-12-30).
/// - Bare years and months (`since 2012`, `in October`) are not event dates and give nothing.
///
/// A sentence without a digit or a date word is rejected after one pass over its bytes, with no
/// allocation.
pub fn find_dates(sentence: &str, article_date: NaiveDate) -> Vec<DateMention> {
    if !has_date_cue(sentence.as_bytes()) {
        return Vec::new();
    }
    let tokens = tokenize(sentence);
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match match_at(sentence, &tokens, i, article_date) {
            Some((mention, used)) => {
                mentions.push(mention);
                i += used;
            }
            None => i += 1,
        }
    }
    mentions
}

/// Whether the sentence contains a digit or a word that can start a date expression.
fn has_date_cue(bytes: &[u8]) -> bool {
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
struct Token {
    start: usize,
    end: usize,
    kind: TokenKind,
}

fn tokenize(text: &str) -> Vec<Token> {
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

fn weekday_of(word: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    DAYS.iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, day)| *day)
}

/// Month of a capitalised month name or abbreviation (`October`, `Oct`, `Sept`); "may" and
/// "march" in lowercase are ordinary words.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() < 3 {
        return None;
    }
    if word == "Sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(word)))
        .map(|i| i as u32 + 1)
}

/// Helper over the token list of one sentence.
struct Cursor<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl<'a> Cursor<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| &self.text[t.start..t.end])
    }
    fn is_word(&self, i: usize, want: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(want))
    }
    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.end - t.start > 4 {
            return None;
        }
        Some((self.text[t.start..t.end].parse().ok()?, t.end - t.start))
    }
    fn is_punct(&self, i: usize, want: char) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && self.text[t.start..t.end].starts_with(want)
        })
    }
    /// Whether token `i` touches token `i - 1` (no space between).
    fn adjacent(&self, i: usize) -> bool {
        i > 0
            && self
                .tokens
                .get(i)
                .is_some_and(|t| t.start == self.tokens[i - 1].end)
    }
    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start..self.tokens[last].end
    }
}

fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

fn kind_for(date: NaiveDate, article_date: NaiveDate, otherwise: DateKind) -> DateKind {
    if date > article_date {
        DateKind::Future
    } else {
        otherwise
    }
}

/// Tries every expression form at token `i`; returns the mention and how many tokens it used.
fn match_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    article_date: NaiveDate,
) -> Option<(DateMention, usize)> {
    let c = Cursor { text, tokens };
    let relative = |first: usize, last: usize, days: i64| {
        let date = shift(article_date, days)?;
        Some((
            DateMention {
                span: c.span(first, last),
                date,
                kind: kind_for(date, article_date, DateKind::Relative),
            },
            last - first + 1,
        ))
    };
    let word = c.word(i);
    if let Some(word) = word {
        let lower = word.to_ascii_lowercase();
        match lower.as_str() {
            "yesterday" => return relative(i, i, -1),
            "today" | "tonight" => return relative(i, i, 0),
            "tomorrow" => return relative(i, i, 1),
            "this" => {
                if ["morning", "afternoon", "evening"]
                    .iter()
                    .any(|w| c.is_word(i + 1, w))
                {
                    return relative(i, i + 1, 0);
                }
                return None;
            }
            "last" | "next" => {
                let forward = lower == "next";
                if c.is_word(i + 1, "week") {
                    return relative(i, i + 1, if forward { 7 } else { -7 });
                }
                if !forward && c.is_word(i + 1, "night") {
                    return relative(i, i + 1, -1);
                }
                let day = c.word(i + 1).and_then(weekday_of)?;
                let from = article_date.weekday().num_days_from_monday() as i64;
                let to = day.num_days_from_monday() as i64;
                let days = if forward {
                    let ahead = (to - from).rem_euclid(7);
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                } else {
                    let back = (from - to).rem_euclid(7);
                    -(if back == 0 { 7 } else { back })
                };
                return relative(i, i + 1, days);
            }
            "the" => {
                if c.is_word(i + 1, "day") && c.is_word(i + 2, "before") {
                    if c.is_word(i + 3, "yesterday") {
                        return relative(i, i + 3, -2);
                    }
                    return relative(i, i + 2, -1);
                }
                return None;
            }
            _ => {}
        }
        if let Some(day) = weekday_of(word) {
            // `Saturday, Oct. 10`: the calendar date that follows says it better.
            let next = if c.is_punct(i + 1, ',') { i + 2 } else { i + 1 };
            if let Some(explicit) = match_at(text, tokens, next, article_date)
                .filter(|(m, _)| m.kind != DateKind::Relative)
            {
                let (mention, used) = explicit;
                let span = tokens[i].start..mention.span.end;
                return Some((DateMention { span, ..mention }, next - i + used));
            }
            let from = article_date.weekday().num_days_from_monday() as i64;
            let back = (from - day.num_days_from_monday() as i64).rem_euclid(7);
            return relative(i, i, -back);
        }
        if let Some(month) = month_of(word) {
            return month_day(&c, i, month, article_date);
        }
        return None;
    }
    // `9 October 2020`, `9th of October`.
    if let Some((value, digits)) = c.number(i) {
        if digits <= 2 && (1..=31).contains(&value) {
            let day = value;
            let mut j = i + 1;
            if c.adjacent(j) && ["st", "nd", "rd", "th"].iter().any(|s| c.is_word(j, s)) {
                j += 1;
            }
            if c.is_word(j, "of") {
                j += 1;
            }
            let month = c.word(j).and_then(month_of)?;
            let mut last = j;
            let abbreviated = c.word(j).is_some_and(|w| w.len() <= 4);
            if abbreviated && c.is_punct(j + 1, '.') && c.adjacent(j + 1) {
                last = j + 1;
            }
            let (year, last) = year_after(&c, last);
            let date = resolve_month_day(year, month, day, article_date)?;
            let mention = DateMention {
                span: c.span(i, last),
                date,
                kind: kind_for(date, article_date, DateKind::Explicit),
            };
            return Some((mention, last - i + 1));
        }
        // `2020-10-09`
        let iso_shape =
            (1..=4).all(|n| c.adjacent(i + n)) && c.is_punct(i + 1, '-') && c.is_punct(i + 3, '-');
        if digits == 4 && iso_shape {
            let (month, _) = c.number(i + 2)?;
            let (day, _) = c.number(i + 4)?;
            let date = NaiveDate::from_ymd_opt(value as i32, month, day)?;
            let mention = DateMention {
                span: c.span(i, i + 4),
                date,
                kind: kind_for(date, article_date, DateKind::Explicit),
            };
            return Some((mention, 5));
        }
    }
    None
}

/// `Oct. 9`, `October 9, 2020`, `Oct 9th`: the month word is token `i`.
fn month_day(
    c: &Cursor,
    i: usize,
    month: u32,
    article_date: NaiveDate,
) -> Option<(DateMention, usize)> {
    let mut j = i + 1;
    if c.is_punct(j, '.') && c.adjacent(j) {
        j += 1;
    }
    let (day, digits) = c.number(j)?;
    if digits > 2 || !(1..=31).contains(&day) {
        return None;
    }
    // Not a clock time or a longer number: `May 5:30`, `Oct 9.5`.
    if (c.is_punct(j + 1, ':') || c.is_punct(j + 1, '.') && c.number(j + 2).is_some())
        && c.adjacent(j + 1)
    {
        return None;
    }
    let mut last = j;
    if c.adjacent(j + 1) && ["st", "nd", "rd", "th"].iter().any(|s| c.is_word(j + 1, s)) {
        last = j + 1;
    }
    let (year, last) = year_after(c, last);
    let date = resolve_month_day(year, month, day, article_date)?;
    let mention = DateMention {
        span: c.span(i, last),
        date,
        kind: kind_for(date, article_date, DateKind::Explicit),
    };
    Some((mention, last - i + 1))
}

/// An optional `, 2020` / ` 2020` after token `last`: the year and the new last token.
fn year_after(c: &Cursor, last: usize) -> (Option<i32>, usize) {
    let at = if c.is_punct(last + 1, ',') {
        last + 2
    } else {
        last + 1
    };
    match c.number(at) {
        Some((year, 4)) if (1000..=2999).contains(&year) => (Some(year as i32), at),
        _ => (None, last),
    }
}

/// The date for a month and day; without a year, the year that puts it nearest the article date.
fn resolve_month_day(
    year: Option<i32>,
    month: u32,
    day: u32,
    article_date: NaiveDate,
) -> Option<NaiveDate> {
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let y = article_date.year();
    (y - 1..=y + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .min_by_key(|date| {
            let distance = (*date - article_date).num_days();
            // Equal distances go to the past: news reports what happened.
            (distance.abs(), distance > 0)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The seed article's date: Sunday 11 October 2020.
    fn sunday() -> NaiveDate {
        ymd(2020, 10, 11)
    }

    fn found(sentence: &str, article: NaiveDate) -> Vec<(&str, NaiveDate, DateKind)> {
        find_dates(sentence, article)
            .into_iter()
            .map(|m| (&sentence[m.span], m.date, m.kind))
            .collect()
    }

    #[test]
    fn weekdays_relative_to_a_sunday() {
        assert_eq!(sunday().weekday(), Weekday::Sun);
        let s = "North Korea state media reported on Saturday.";
        assert_eq!(
            found(s, sunday()),
            [("Saturday", ymd(2020, 10, 10), DateKind::Relative)]
        );
        assert_eq!(
            found("It happened on Sunday.", sunday()),
            [("Sunday", ymd(2020, 10, 11), DateKind::Relative)]
        );
        assert_eq!(
            found("Talks began Monday.", sunday()),
            [("Monday", ymd(2020, 10, 5), DateKind::Relative)]
        );
        assert_eq!(
            found("Saturday's parade was large.", sunday()),
            [("Saturday", ymd(2020, 10, 10), DateKind::Relative)]
        );
        assert_eq!(
            found("They met last Saturday.", sunday()),
            [("last Saturday", ymd(2020, 10, 10), DateKind::Relative)]
        );
        assert_eq!(
            found("They met last Sunday.", sunday()),
            [("last Sunday", ymd(2020, 10, 4), DateKind::Relative)]
        );
        assert_eq!(
            found("They meet next Monday.", sunday()),
            [("next Monday", ymd(2020, 10, 12), DateKind::Future)]
        );
        assert_eq!(
            found("They meet next Sunday.", sunday()),
            [("next Sunday", ymd(2020, 10, 18), DateKind::Future)]
        );
    }

    #[test]
    fn relative_words() {
        let d = sunday();
        assert_eq!(
            found("He spoke yesterday.", d),
            [("yesterday", ymd(2020, 10, 10), DateKind::Relative)]
        );
        assert_eq!(
            found("Today he speaks.", d),
            [("Today", d, DateKind::Relative)]
        );
        assert_eq!(
            found("He speaks tonight.", d),
            [("tonight", d, DateKind::Relative)]
        );
        assert_eq!(
            found("He spoke this morning.", d),
            [("this morning", d, DateKind::Relative)]
        );
        assert_eq!(
            found("He spoke last night.", d),
            [("last night", ymd(2020, 10, 10), DateKind::Relative)]
        );
        assert_eq!(
            found("They met last week.", d),
            [("last week", ymd(2020, 10, 4), DateKind::Relative)]
        );
        assert_eq!(
            found("They had met the day before.", d),
            [("the day before", ymd(2020, 10, 10), DateKind::Relative)]
        );
        assert_eq!(
            found("It was the day before yesterday.", d),
            [(
                "the day before yesterday",
                ymd(2020, 10, 9),
                DateKind::Relative
            )]
        );
        assert_eq!(
            found("He flies tomorrow.", d),
            [("tomorrow", ymd(2020, 10, 12), DateKind::Future)]
        );
        assert_eq!(
            found("He flies next week.", d),
            [("next week", ymd(2020, 10, 18), DateKind::Future)]
        );
    }

    #[test]
    fn explicit_dates() {
        let d = sunday();
        let want = ymd(2020, 10, 9);
        for (s, span) in [
            ("The letter came on October 9.", "October 9"),
            ("The letter came on Oct. 9 after talks.", "Oct. 9"),
            ("The letter came on 9 October.", "9 October"),
            ("The letter came on October 9, 2020.", "October 9, 2020"),
            ("The letter came on 9 Oct 2020.", "9 Oct 2020"),
            ("The letter came on 2020-10-09.", "2020-10-09"),
            ("The letter came on Oct 9th.", "Oct 9th"),
            ("The letter came on the 9th of October.", "9th of October"),
            ("The letter came on Friday, Oct. 9.", "Friday, Oct. 9"),
        ] {
            assert_eq!(found(s, d), [(span, want, DateKind::Explicit)], "{s}");
        }
        assert_eq!(
            found("The vote is on October 20.", d),
            [("October 20", ymd(2020, 10, 20), DateKind::Future)]
        );
        assert_eq!(
            found("It was signed on Sept. 3, 2019.", d),
            [("Sept. 3, 2019", ymd(2019, 9, 3), DateKind::Explicit)]
        );
    }

    #[test]
    fn year_boundaries() {
        let new_year = ymd(2021, 1, 2);
        assert_eq!(
            found("It began on December 30.", new_year),
            [("December 30", ymd(2020, 12, 30), DateKind::Explicit)]
        );
        assert_eq!(
            found("It began last Thursday.", new_year),
            [("last Thursday", ymd(2020, 12, 31), DateKind::Relative)]
        );
        assert_eq!(
            found("It began yesterday.", ymd(2021, 3, 1)),
            [("yesterday", ymd(2021, 2, 28), DateKind::Relative)]
        );
        let new_years_eve = ymd(2020, 12, 30);
        assert_eq!(
            found("Talks open on Jan. 3.", new_years_eve),
            [("Jan. 3", ymd(2021, 1, 3), DateKind::Future)]
        );
        assert_eq!(
            found("Talks opened on Monday.", ymd(2020, 3, 1)),
            [("Monday", ymd(2020, 2, 24), DateKind::Relative)]
        );
    }

    #[test]
    fn not_event_dates() {
        let d = sunday();
        for s in [
            "Relations have improved since 2012.",
            "The war began in 1950.",
            "In October the party turned 75.",
            "The 75th anniversary was marked.",
            "He may 5 times have said so.",
            "The meeting ran until 10:30.",
            "Mondays are quiet.",
            "The Sun reported it.",
        ] {
            assert_eq!(found(s, d), [], "{s}");
        }
    }

    #[test]
    fn several_mentions_in_one_sentence() {
        let s = "After talks on Friday, Xi wrote on October 10 and Kim replied yesterday.";
        let got = found(s, sunday());
        assert_eq!(
            got,
            [
                ("Friday", ymd(2020, 10, 9), DateKind::Relative),
                ("October 10", ymd(2020, 10, 10), DateKind::Explicit),
                ("yesterday", ymd(2020, 10, 10), DateKind::Relative),
            ]
        );
    }

    #[test]
    fn precheck_rejects_dateless_sentences() {
        assert!(!has_date_cue(b"Xi wrote a congratulatory letter to Kim."));
        assert!(has_date_cue(b"It happened on Saturday."));
        assert!(has_date_cue(b"In 2012 it began."));
    }
}
