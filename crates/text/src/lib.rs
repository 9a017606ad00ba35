//! Text stage of the pipeline: sentences and dates.
//!
//! This crate works on cleaned article text (see `tidings-article`): it splits it into sentences
//! and finds date expressions in a sentence. It does not read files, clean text or code events.
//!
//! - [`split_sentences`]: byte ranges of the sentences of a cleaned text. Every line break ends a
//!   sentence, so the headline (first line) is sentence 0. Handles abbreviations, initialisms,
//!   initials, decimals, ellipses, quotations and sentences glued together by scraping. One pass
//!   over the bytes, no regex.
//! - [`find_dates`]: the date expressions of one sentence ("on Saturday", "yesterday", "Oct. 9",
//!   "9 October 2020", "next Monday") as [`DateMention`]s resolved against the article date, each
//!   with a [`DateKind`].
//! - [`find_periods`]: past months and years ("in December", "last year", "in 2009") as
//!   [`PeriodMention`]s, for acts a sentence dates less precisely than to the day.
//!
//! ```
//! use chrono::NaiveDate;
//! use tidings_text::{find_dates, split_sentences, DateKind};
//!
//! let text = "Xi writes to Kim\n\nXi wrote to Kim Jong Un.North Korean media reported it on Saturday.";
//! let sentences: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
//! assert_eq!(sentences, ["Xi writes to Kim", "Xi wrote to Kim Jong Un.", "North Korean media reported it on Saturday."]);
//!
//! let article_date = NaiveDate::from_ymd_opt(2020, 10, 11).unwrap(); // a Sunday
//! let dates = find_dates(sentences[2], article_date);
//! assert_eq!(dates[0].date, NaiveDate::from_ymd_opt(2020, 10, 10).unwrap());
//! assert_eq!(&sentences[2][dates[0].span.clone()], "Saturday");
//! assert_eq!(dates[0].kind, DateKind::Relative);
//! ```

mod dates;
mod periods;
mod sentences;

pub use dates::{find_dates, is_day_or_month_name, DateKind, DateMention};
pub use periods::{find_periods, PeriodMention, Precision};
pub use sentences::{split_sentences, MAX_SENTENCE_WORDS};
