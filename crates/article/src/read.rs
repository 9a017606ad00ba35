//! Opening input: a path or a reader, format detection, and the record iterator.

use crate::format::detect_format;
use crate::jsonl::JsonLinesRecords;
use crate::plain::parse_plain_text;
#[cfg(test)]
use crate::Origin;
use crate::{Article, Format, InputError, ReadOptions};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Articles read from one input, record by record; a bad record is an `Err` and the next follows.
pub type Records = Box<dyn Iterator<Item = Result<Article, InputError>>>;

/// Opens `path` and reads its articles. `format: None` detects it from the name and first bytes.
///
/// Errors that concern the whole file (cannot open, empty, binary, a plain-text file that is not
/// UTF-8) come back as `Err` here; errors in single records come from the iterator.
pub fn read_path(path: &Path, format: Option<Format>) -> Result<Records, InputError> {
    read_path_with(
        path,
        &ReadOptions {
            format,
            ..ReadOptions::default()
        },
    )
}

/// [`read_path`] with all the [`ReadOptions`].
pub fn read_path_with(path: &Path, options: &ReadOptions) -> Result<Records, InputError> {
    let file = File::open(path).map_err(|e| {
        InputError::new(
            path,
            None,
            format!("cannot open: {e}; check the path and its permissions"),
        )
    })?;
    read_reader_with(
        path,
        Box::new(BufReader::with_capacity(1 << 16, file)),
        options,
    )
}

/// Reads articles from `reader` (standard input, say), naming it `name` in errors (`-`, `<stdin>`).
pub fn read_reader(
    name: &Path,
    reader: Box<dyn BufRead>,
    format: Option<Format>,
) -> Result<Records, InputError> {
    read_reader_with(
        name,
        reader,
        &ReadOptions {
            format,
            ..ReadOptions::default()
        },
    )
}

/// [`read_reader`] with all the [`ReadOptions`]. A gzip stream (recognised by its first bytes,
/// whatever its name) is decompressed, all of its members, and its content read as any other.
pub fn read_reader_with(
    name: &Path,
    mut reader: Box<dyn BufRead>,
    options: &ReadOptions,
) -> Result<Records, InputError> {
    let first_bytes = reader
        .fill_buf()
        .map_err(|e| InputError::new(name, None, format!("read error: {e}")))?;
    if first_bytes.is_empty() {
        return Err(InputError::new(name, None, "empty file, nothing to code"));
    }
    let (mut reader, inner_name) = if first_bytes.starts_with(b"\x1f\x8b") {
        let inner = name.with_extension("");
        let inner = match name.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("gz") => inner,
            _ => name.to_path_buf(),
        };
        let decoder: Box<dyn BufRead> = Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        ));
        (decoder, inner)
    } else {
        (reader, name.to_path_buf())
    };
    let first_bytes = reader.fill_buf().map_err(|e| {
        InputError::new(
            name,
            None,
            format!("a gzip file that cannot be decompressed ({e}); is it truncated or corrupt?"),
        )
    })?;
    if first_bytes.is_empty() {
        return Err(InputError::new(name, None, "empty file, nothing to code"));
    }
    let format = options
        .format
        .unwrap_or_else(|| detect_format(&inner_name, first_bytes));
    if format != Format::Warc {
        if let Some(reason) = crate::magic::not_text(name, first_bytes) {
            return Err(InputError::new(name, None, reason));
        }
    }
    let name = name.to_path_buf();
    let records: Records = match format {
        Format::JsonLines => Box::new(JsonLinesRecords::new(name, reader, options.fields.clone())),
        Format::Warc => Box::new(crate::warc::WarcArticles::new(
            name,
            reader,
            options.stats.clone(),
        )),
        Format::Feed => Box::new(
            crate::feed::read_feed(&name, read_all(&name, reader)?)?
                .into_iter()
                .map(Ok),
        ),
        Format::Html => {
            let bytes = read_all(&name, reader)?;
            Box::new(std::iter::once(crate::html::page_article(
                &name, &bytes, None,
            )))
        }
        Format::PlainText => {
            let bytes = read_all(&name, reader)?;
            let article = parse_plain_text(&name, &bytes)?;
            Box::new(std::iter::once(Ok(article)))
        }
    };
    Ok(crate::language::filter(records, options))
}

fn read_all(name: &Path, mut reader: Box<dyn BufRead>) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(name, None, format!("read error: {e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use std::path::PathBuf;

    fn reader(bytes: &[u8]) -> Box<dyn BufRead> {
        Box::new(Cursor::new(bytes.to_vec()))
    }

    fn seed_path() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/seed/xi-kim-letter-2020-10-11.txt")
    }

    #[test]
    fn reads_the_seed_file() {
        let mut records = read_path(&seed_path(), None).unwrap();
        let article = records.next().unwrap().unwrap();
        assert!(records.next().is_none());
        assert_eq!(
            article.title.as_deref(),
            Some("Intend to develop, consolidate China-Korea ties: Xi Jinping to Kim Jong Un")
        );
        assert_eq!(article.date, NaiveDateExt::ymd(2020, 10, 11));
        assert_eq!(article.source.as_deref(), Some("newsx bureau"));
        assert_eq!(article.id.len(), 16);
        assert!(article.text.starts_with("kim jon un and xi jinping"));
        assert!(article.text.ends_with("‘immoral content’"));
    }

    struct NaiveDateExt;
    impl NaiveDateExt {
        fn ymd(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
        }
    }

    #[test]
    fn jsonl_fields_and_content_hash_id() {
        let input = br#"{"id": "a1", "title": " Talks ", "date": "2020-10-09T08:00:00Z", "source": "Reuters", "url": "http://x", "topic": "t", "text": "Xi met Kim."}

{"title": "No id", "date": null, "text": "Body."}
{"id": 42, "text": "Numeric id."}
"#;
        let records: Vec<_> = read_reader(Path::new("in.jsonl"), reader(input), None)
            .unwrap()
            .collect();
        assert_eq!(records.len(), 3);
        let first = records[0].as_ref().unwrap();
        assert_eq!(first.id, "a1");
        assert_eq!(first.title.as_deref(), Some("Talks"));
        assert_eq!(first.date, NaiveDateExt::ymd(2020, 10, 9));
        assert_eq!(first.source.as_deref(), Some("Reuters"));
        assert_eq!(
            first.origin,
            Origin {
                file: "in.jsonl".into(),
                line: 1
            }
        );
        let second = records[1].as_ref().unwrap();
        assert_eq!(second.id, crate::content_id("Body."));
        assert_eq!(second.date, None);
        assert_eq!(second.origin.line, 3, "blank line 2 skipped but counted");
        assert_eq!(records[2].as_ref().unwrap().id, "42");
    }

    #[test]
    fn a_date_that_is_not_one_is_a_warning_and_the_record_is_undated() {
        let input = b"{\"id\":\"a\",\"date\":\"2020-13-45\",\"text\":\"One.\"}\n{\"id\":\"b\",\"date\":\"\",\"text\":\"Two.\"}\n";
        let records: Vec<_> = read_reader(Path::new("feed.jsonl"), reader(input), None)
            .unwrap()
            .collect();
        let bad = records[0].as_ref().unwrap();
        assert_eq!(bad.date, None);
        assert_eq!(bad.warnings.len(), 1);
        let warning = bad.warnings[0].to_string();
        assert!(
            warning.starts_with("feed.jsonl:1: `date` \"2020-13-45\" is not a date"),
            "{warning}"
        );
        assert!(warning.contains("coded as undated"), "{warning}");
        let empty = records[1].as_ref().unwrap();
        assert_eq!((empty.date, empty.warnings.len()), (None, 0));
    }

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\": \"b\", \"text\": \n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"  \"}\n{\"id\":\"e\",\"text\":\"caf\xe9\"}\n{\"id\":\"f\",\"text\":\"Six.\"}\n";
        let records: Vec<_> = read_reader(Path::new("feed.jsonl"), reader(input), None)
            .unwrap()
            .collect();
        assert_eq!(records.len(), 6);
        assert_eq!(records[0].as_ref().unwrap().id, "a");
        let bad_json = records[1].as_ref().unwrap_err().to_string();
        assert!(
            bad_json.starts_with("feed.jsonl:2: bad JSON: EOF while parsing"),
            "{bad_json}"
        );
        let no_text = records[2].as_ref().unwrap_err().to_string();
        assert!(
            no_text.starts_with("feed.jsonl:3: record has no `text` field"),
            "{no_text}"
        );
        let empty_text = records[3].as_ref().unwrap_err().to_string();
        assert!(
            empty_text.starts_with("feed.jsonl:4: record has an empty `text`"),
            "{empty_text}"
        );
        let not_utf8 = records[4].as_ref().unwrap_err();
        assert_eq!(not_utf8.line, Some(5));
        assert!(
            not_utf8.reason.starts_with("not UTF-8: invalid byte 0xe9"),
            "{not_utf8}"
        );
        assert_eq!(records[5].as_ref().unwrap().id, "f");
    }

    #[test]
    fn plain_text_not_utf8_names_file_offset_and_line() {
        let input = b"Headline\n\nSecond line caf\xe9 au lait\n";
        let err = read_reader(Path::new("story.txt"), reader(input), None)
            .err()
            .unwrap();
        assert_eq!(err.file, PathBuf::from("story.txt"));
        assert_eq!(err.line, Some(3));
        assert!(err.reason.contains("byte offset 25"), "{err}");
        assert!(
            err.to_string().starts_with("story.txt:3: not UTF-8 text"),
            "{err}"
        );
    }

    #[test]
    fn empty_files_are_errors() {
        for (name, input) in [("a.txt", &b""[..]), ("a.txt", b"  \n\n "), ("a.jsonl", b"")] {
            let err = read_reader(Path::new(name), reader(input), None)
                .err()
                .unwrap();
            assert_eq!(
                err.to_string(),
                format!("{name}: empty file, nothing to code")
            );
        }
    }

    #[test]
    fn missing_file_names_it() {
        let err = read_path(Path::new("/nonexistent/x.txt"), None)
            .err()
            .unwrap();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/x.txt: cannot open"),
            "{err}"
        );
    }

    #[test]
    fn explicit_format_overrides_detection() {
        let input = b"{not json, a headline in braces}\n\nBody.";
        let mut records =
            read_reader(Path::new("-"), reader(input), Some(Format::PlainText)).unwrap();
        let article = records.next().unwrap().unwrap();
        assert_eq!(
            article.title.as_deref(),
            Some("{not json, a headline in braces}")
        );
        assert_eq!(article.text, "Body.");
    }

    #[test]
    fn plain_text_without_dateline_keeps_second_line_as_body() {
        let input = b"Headline here\nOctober 2020 was busy.\nMore text.";
        let article = read_reader(Path::new("-"), reader(input), None)
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(article.date, None);
        assert_eq!(article.text, "October 2020 was busy.\n\nMore text.");
    }
}
