//! The `dates` target: the record-date parser (`parse_date_lenient`), the plain-text dateline,
//! the dictionaries' `YYYY-MM-DD` dates, and the date and period expressions found in a sentence
//! (`find_dates`, `find_periods`). An input is three lines: the date a well-formed date string
//! must parse to (or `-` once mutated), the date string, and a sentence.

use crate::gen::{self, Rng};
use chrono::NaiveDate;

/// Forms `parse_date_lenient` documents as accepted.
const FORMS: &[&str] = &[
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%d %H:%M",
    "%d %B, %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b. %d, %Y",
    "%A, %d %B %Y",
    "Updated: %B %d, %Y",
];

const DATE_TOKENS: &[&str] = &[
    "-",
    "--",
    "/",
    ".",
    ",",
    ":",
    "T",
    "Z",
    "+05:30",
    " ",
    "0",
    "00",
    "31",
    "32",
    "13",
    "29",
    "9999",
    "0000",
    "1000",
    "2999",
    "3000",
    "-1",
    "99999999999999999999",
    "Oct",
    "Oct.",
    "October",
    "Sept.",
    "Monday",
    "Updated:",
    "IST",
    "10:32",
    "9:05am",
    "1st",
    "22nd",
    "am",
    "pm",
    "last",
    "next",
    "week",
    "yesterday",
    "tomorrow",
    "on Saturday",
    "since",
    "in",
    "of",
    "the day before",
    "year",
    "month",
    "ago",
    "2020-13-45",
    "2020-02-30",
    "\u{a0}",
    "é",
    "١٢",
];

fn random_date(rng: &mut Rng) -> NaiveDate {
    let year = 1000 + rng.below(2000) as i32;
    let ordinal = 1 + rng.below(365) as u32;
    NaiveDate::from_yo_opt(year, ordinal).unwrap()
}

/// The date at a clock time, for the forms that write one.
fn at_time(date: NaiveDate) -> chrono::NaiveDateTime {
    date.and_hms_opt(9, 30, 0).unwrap()
}

pub fn input(rng: &mut Rng, seeds: &[String], max_len: usize) -> Vec<u8> {
    let date = random_date(rng);
    let form = *rng.pick(FORMS);
    let mut written = at_time(date).format(form).to_string();
    let mut expect = date.format("%Y-%m-%d").to_string();
    if rng.chance(2) {
        written = gen::mutated_with(rng, written, DATE_TOKENS, 4, 200);
        expect = "-".into();
    }
    let mut sentence = gen::text(rng, seeds, max_len);
    for _ in 0..rng.below(4) {
        let at = sentence.len();
        let piece = match rng.chance(2) {
            true => {
                let form = *rng.pick(FORMS);
                at_time(random_date(rng)).format(form).to_string()
            }
            false => rng.pick(DATE_TOKENS).to_string(),
        };
        sentence.insert_str(at, &format!(" {piece} "));
    }
    let sentence = gen::mutated_with(rng, sentence, DATE_TOKENS, 4, max_len);
    format!("{expect}\n{written}\n{sentence}").into_bytes()
}

pub fn check(input: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    let mut parts = text.splitn(3, '\n');
    let (expect, written, sentence) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let parsed = tidings_article::parse_date_lenient(written);
    if let Ok(expected) = NaiveDate::parse_from_str(expect, "%Y-%m-%d") {
        if parsed != Some(expected) {
            return Err(format!("{written:?} parsed as {parsed:?}, not {expected}"));
        }
    }
    tidings_article::parse_dateline(written);
    tidings_article::parse_dateline(sentence.lines().next().unwrap_or(""));
    let _ = tidings_dict::format::parse_date(written, false);
    let _ = tidings_dict::format::parse_date(written, true);
    let article_date = parsed.unwrap_or(NaiveDate::from_ymd_opt(2020, 10, 11).unwrap());
    let (first, last) = (
        NaiveDate::from_ymd_opt(1000, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2999, 12, 31).unwrap(),
    );
    for article_date in [article_date, first, last] {
        let mut last = 0;
        for m in tidings_text::find_dates(sentence, article_date) {
            in_sentence(sentence, &m.span, last)?;
            last = m.span.end;
        }
        for m in tidings_text::find_periods(sentence, article_date) {
            in_sentence(sentence, &m.span, 0)?;
        }
    }
    Ok(())
}

/// A mention's span: inside the sentence, on character boundaries, after the one before.
fn in_sentence(s: &str, span: &std::ops::Range<usize>, after: usize) -> Result<(), String> {
    if span.start < after || span.start > span.end || span.end > s.len() {
        return Err(format!("span {span:?} after {after} in {} bytes", s.len()));
    }
    if !s.is_char_boundary(span.start) || !s.is_char_boundary(span.end) {
        return Err(format!("span {span:?} not on character boundaries"));
    }
    Ok(())
}
