//! Lenient publication-date parsing: record `date` fields and plain-text datelines.
//!
//! Accepted: `2020-10-11`, an RFC 3339 timestamp (`2020-10-11T09:30:00Z`, the date part is taken),
//! `11 October, 2020`, `October 11, 2020`, `11 Oct 2020`, `Oct. 11, 2020`, `Sunday, 11 October 2020`,
//! optionally with a clock time and zone (`10:32 IST`) and words like `Updated:`.

use chrono::NaiveDate;

/// Parses a date written in one of the accepted forms; `None` when the text is anything else.
///
/// Every word must be part of the date (a weekday, month, day, year, time, zone or a label such as
/// `Updated:`), so a sentence that merely mentions a date is not taken for one.
pub fn parse_date_lenient(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = parse_iso_prefix(text) {
        // `2020-10-11`, `2020-10-11T09:30:00Z`, `2020-10-11 09:30`.
        let rest = &text[10..];
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            return Some(date);
        }
        return None;
    }
    let (mut day, mut month, mut year) = (None, None, None);
    for raw in text.split(|c: char| c.is_whitespace() || c == ',') {
        let token = raw.trim_end_matches('.');
        if token.is_empty() {
            continue;
        }
        if let Some(m) = month_number(token) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some(n) = number_with_ordinal(token) {
            if token.len() == 4 && (1000..=2999).contains(&n) {
                if year.replace(n as i32).is_some() {
                    return None;
                }
            } else if (1..=31).contains(&n) && day.replace(n).is_none() {
                // first day number
            } else {
                return None;
            }
        } else if !is_date_filler(token) {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// `YYYY-MM-DD` at the start of `text`.
fn parse_iso_prefix(text: &str) -> Option<NaiveDate> {
    let head = text.get(..10)?;
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i32 = head[..4].parse().ok()?;
    let month: u32 = head[5..7].parse().ok()?;
    let day: u32 = head[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Month number of an English month name or abbreviation (`October`, `Oct`, `Sept`), any case.
pub fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if token.len() < 3 || token.len() > 9 {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|name| *name == lower || (lower.len() == 3 && name.starts_with(lower.as_str())))
        .map(|i| i as u32 + 1)
}

/// `11`, `11th`, `1st`: the number; anything else: `None`.
fn number_with_ordinal(token: &str) -> Option<u32> {
    let digits_end = token
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(token.len());
    if digits_end == 0 || digits_end > 4 {
        return None;
    }
    let suffix = &token[digits_end..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    token[..digits_end].parse().ok()
}

/// Words a dateline may carry besides the date itself.
fn is_date_filler(token: &str) -> bool {
    let lower = token.trim_end_matches(':').to_ascii_lowercase();
    const WORDS: [&str; 24] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "updated",
        "published",
        "posted",
        "on",
        "am",
        "pm",
        "of",
        "-",
        "at",
        "|",
    ];
    const ZONES: [&str; 9] = ["ist", "gmt", "utc", "et", "edt", "est", "bst", "cet", "pst"];
    if WORDS.contains(&lower.as_str()) || ZONES.contains(&lower.as_str()) || lower.is_empty() {
        return true;
    }
    // A clock time: 10:32, 9:05am, 10:32:11.
    let clock = lower.trim_end_matches("am").trim_end_matches("pm");
    clock.contains(':') && clock.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// A dateline such as `11 October, 2020 | newsx bureau`: the date and, after `|`, the source.
pub fn parse_dateline(line: &str) -> Option<(NaiveDate, Option<String>)> {
    let line = line.trim();
    if line.len() > 120 {
        return None;
    }
    let (date_part, source) = match line.split_once('|') {
        Some((date, source)) => (date, Some(source.trim())),
        None => (line, None),
    };
    let date = parse_date_lenient(date_part)?;
    let source = source.filter(|s| !s.is_empty()).map(str::to_string);
    Some((date, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_the_accepted_forms() {
        let want = Some(ymd(2020, 10, 11));
        for text in [
            "2020-10-11",
            "2020-10-11T09:30:00Z",
            "2020-10-11T09:30:00+05:30",
            "2020-10-11 09:30",
            "11 October, 2020",
            "October 11, 2020",
            "11 Oct 2020",
            "Oct. 11, 2020",
            "Oct 11 2020",
            "Sunday, 11 October 2020",
            "11th October 2020",
            "Updated: 11 October 2020 10:32 IST",
        ] {
            assert_eq!(parse_date_lenient(text), want, "{text}");
        }
        assert_eq!(parse_date_lenient("Sept. 3, 2019"), Some(ymd(2019, 9, 3)));
    }

    #[test]
    fn rejects_non_dates_and_impossible_dates() {
        for text in [
            "",
            "2020-13-01",
            "31 February 2020",
            "October 2020",
            "Xi wrote on 11 October 2020",
            "2020-10-11abc",
            "11 October",
            "Intend to develop, consolidate China-Korea ties",
        ] {
            assert_eq!(parse_date_lenient(text), None, "{text}");
        }
    }

    #[test]
    fn dateline_gives_date_and_source() {
        assert_eq!(
            parse_dateline("11 October, 2020 | newsx bureau"),
            Some((ymd(2020, 10, 11), Some("newsx bureau".to_string())))
        );
        assert_eq!(
            parse_dateline("October 11, 2020"),
            Some((ymd(2020, 10, 11), None))
        );
        assert_eq!(
            parse_dateline("2020-10-11 |"),
            Some((ymd(2020, 10, 11), None))
        );
        assert_eq!(parse_dateline("China and Korea | a story"), None);
    }
}
