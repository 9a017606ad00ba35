//! Runs PETRARCH validation suites (records files such as UD-PETRARCH's `PETR_Validate_records_2_02.xml`
//! or PETRARCH2's `PETR.UnitTest.records.xml`) against the tidings coder, so that its coding can be
//! compared with the peers' on their own tests.
//!
//! [`records::parse`] reads a file record by record into a [`records::ValidationFile`]: the
//! `<Environment>` (dictionary files, `<Include>`/`<Exclude>` categories) and each [`records::Record`]
//! (id, category, date, raw `<Text>`, expected events; the parses are ignored). [`runner::run_file`]
//! finds the dictionaries the environment names, loads them with `tidings_dict::petrarch`, codes each
//! evaluated record with [`tidings_coder::Coder::code_text`] and compares sets of
//! (source, target, code): a record passes when the sets are equal, and a `noevents` record when
//! nothing is coded. The [`runner::Report`] prints the per-category table and the failures.
//!
//! This crate does not code or fix anything; it measures.
//!
//! ```
//! use tidings_validate::records::{parse, Expected};
//! let f = parse("<Sentence id=\"T-1\" category=\"DEMO\" date=\"19950101\">\n<EventCoding noevents=\"True\"/>\n<Text>Quiet day.</Text></Sentence>");
//! assert_eq!(f.records[0].expected, Expected::NoEvents);
//! ```

pub mod records;
pub mod report;
pub mod runner;

pub use records::{Expected, Record, ValidationFile};
pub use report::Tally;
pub use runner::{run_file, Outcome, Report};
