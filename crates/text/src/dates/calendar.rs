//! Calendar dates (`Oct. 9`, `October 9, 2020`, `9th of October`) and month names, with the year
//! a date without one falls in. Weekdays and relative words are in the parent module.

use chrono::{Datelike, NaiveDate};

use super::tokens::Cursor;
use super::{kind_for, DateKind, DateMention};

/// The months' full names.
pub(super) const MONTHS: [&str; 12] = [
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

/// Month of a capitalised month name or abbreviation (`October`, `Oct`, `Sept`); "may" and
/// "march" in lowercase are ordinary words.
pub(crate) fn month_of(word: &str) -> Option<u32> {
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

/// `Oct. 9`, `October 9, 2020`, `Oct 9th`: the month word is token `i`.
pub(super) fn month_day(
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
pub(super) fn year_after(c: &Cursor, last: usize) -> (Option<i32>, usize) {
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
pub(super) fn resolve_month_day(
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
    use super::super::tests::{found, sunday, ymd};
    use super::*;

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
}
