//! Date expressions in a sentence, resolved against the article's publication date: the
//! weekday and relative expressions, and the dispatch over every form. Calendar dates are in
//! `calendar`, the sentence's tokens in `tokens`; months and years alone are periods, not here.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::ops::Range;

mod calendar;
mod tokens;

pub(crate) use calendar::month_of;
use calendar::{month_day, resolve_month_day, year_after};
use tokens::{has_date_cue, tokenize, Cursor, Token};

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

/// Whether `word` is the full name of a weekday or a month, in any case ("Monday", "march"): a
/// word that names a date, not an actor.
///
/// ```
/// assert!(tidings_text::is_day_or_month_name("Saturday"));
/// assert!(tidings_text::is_day_or_month_name("october"));
/// assert!(!tidings_text::is_day_or_month_name("Oct"));
/// ```
pub fn is_day_or_month_name(word: &str) -> bool {
    weekday_of(word).is_some()
        || calendar::MONTHS
            .iter()
            .any(|m| word.eq_ignore_ascii_case(m))
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

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The seed article's date: Sunday 11 October 2020.
    pub(super) fn sunday() -> NaiveDate {
        ymd(2020, 10, 11)
    }

    pub(super) fn found(sentence: &str, article: NaiveDate) -> Vec<(&str, NaiveDate, DateKind)> {
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
}
