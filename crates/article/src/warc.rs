//! WARC archives (ISO 28500; `.warc`, or `.warc.gz` of one gzip member per record as crawlers and
//! Common Crawl write them, decompressed before this reader sees them): each `response` record
//! that holds an HTTP response with an HTML page (or `resource` record with an HTML page) is read
//! as a web page. Its `WARC-Target-URI` is the article's URL and its `WARC-Date` the date when the
//! page gives none. Other records are counted by kind in [`InputStats`](crate::InputStats).
//!
//! A record whose header is not WARC or whose `Content-Length` is missing or wrong is an error
//! naming the file, the record and its byte offset (in the uncompressed stream); reading goes on
//! at the next line that starts a WARC record. A record cut short ends the file with an error.

use crate::html::{page_article, PageContext};
use crate::{Article, InputError, InputStats};
use std::io::{BufRead, Read};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The articles of one WARC stream.
pub struct WarcArticles {
    file: PathBuf,
    reader: Box<dyn BufRead>,
    /// Bytes consumed so far (uncompressed).
    offset: u64,
    records: usize,
    stats: Option<Arc<Mutex<InputStats>>>,
    finished: bool,
    /// After a bad record: skip, silently, to the next line that starts a record.
    resync: bool,
}

/// One record's header fields that matter here.
#[derive(Debug, Default)]
struct Header {
    kind: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: String,
    length: Option<u64>,
}

/// What one record turned out to be.
enum Record {
    Page(Result<Article, InputError>),
    Skipped(String),
}

impl WarcArticles {
    pub fn new(
        file: PathBuf,
        reader: Box<dyn BufRead>,
        stats: Option<Arc<Mutex<InputStats>>>,
    ) -> Self {
        WarcArticles {
            file,
            reader,
            offset: 0,
            records: 0,
            stats,
            finished: false,
            resync: false,
        }
    }

    fn error(&self, start: u64, reason: impl std::fmt::Display) -> InputError {
        InputError::new(
            self.file.clone(),
            None,
            format!(
                "WARC record {} at byte offset {start}: {reason}",
                self.records
            ),
        )
    }

    /// One line (with its end), or None at the end of the stream.
    fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let n = self.reader.read_until(b'\n', &mut line)?;
        self.offset += n as u64;
        Ok((n > 0).then_some(line))
    }

    /// The first line of the next record, past blank lines (and, after a bad record, past
    /// everything up to a line that starts with `WARC/`); None at the end.
    fn next_version_line(&mut self) -> std::io::Result<Option<(u64, Vec<u8>)>> {
        loop {
            let start = self.offset;
            let Some(line) = self.line()? else {
                return Ok(None);
            };
            if line.starts_with(b"WARC/") {
                self.resync = false;
                return Ok(Some((start, line)));
            }
            if !self.resync && !line.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((start, line)));
            }
        }
    }

    fn header(&mut self) -> std::io::Result<Header> {
        let mut header = Header::default();
        while let Some(line) = self.line()? {
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => {
                    header.target_uri = Some(value.trim_matches(['<', '>']).to_string())
                }
                "warc-date" => header.date = Some(value),
                "content-type" => header.content_type = value.to_ascii_lowercase(),
                "content-length" => header.length = value.parse().ok().or(Some(u64::MAX)),
                _ => {}
            }
        }
        Ok(header)
    }

    /// Reads the next record; None at the end of the stream.
    fn read_record(&mut self) -> Option<Result<Record, InputError>> {
        let (start, version) = match self.next_version_line() {
            Ok(Some(found)) => found,
            Ok(None) => return None,
            Err(e) => return Some(Err(self.fail(self.offset, format!("read error: {e}")))),
        };
        self.records += 1;
        if !version.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&version[..version.len().min(40)])
                .trim()
                .to_string();
            self.resync = true;
            return Some(Err(self.error(
                start,
                format!("not a WARC record header (found {shown:?}); skipped to the next record"),
            )));
        }
        let header = match self.header() {
            Ok(h) => h,
            Err(e) => {
                return Some(Err(
                    self.fail(start, format!("read error in the header: {e}"))
                ))
            }
        };
        let length = match header.length {
            Some(n) if n != u64::MAX => n,
            _ => {
                self.resync = true;
                return Some(Err(self.error(
                    start,
                    "no valid Content-Length; skipped to the next record",
                )));
            }
        };
        let mut block = Vec::with_capacity(length.min(1 << 24) as usize);
        match (&mut self.reader).take(length).read_to_end(&mut block) {
            Ok(n) => self.offset += n as u64,
            Err(e) => {
                return Some(Err(self.fail(
                    start,
                    format!("read error in the record: {e} (a truncated or corrupt file?)"),
                )))
            }
        }
        if (block.len() as u64) < length {
            return Some(Err(self.fail(
                start,
                format!("truncated: Content-Length {length} but only {} bytes before the end of the file", block.len()),
            )));
        }
        Some(Ok(self.record(header, &block, start)))
    }

    /// Ends reading after an error the stream cannot recover from.
    fn fail(&mut self, start: u64, reason: String) -> InputError {
        self.finished = true;
        self.error(start, reason)
    }

    fn record(&self, header: Header, block: &[u8], start: u64) -> Record {
        let body = match header.kind.as_str() {
            "response" if header.content_type.contains("application/http") => {
                match http_body(block) {
                    Ok(body) => body,
                    Err(why) => return Record::Skipped(format!("response ({why})")),
                }
            }
            "resource" if header.content_type.contains("html") => block.to_vec(),
            kind => {
                return Record::Skipped(if kind.is_empty() {
                    "untyped".into()
                } else {
                    kind.into()
                })
            }
        };
        let context = PageContext {
            url: header.target_uri.clone(),
            fallback_date: header.date.as_deref().and_then(crate::parse_date_lenient),
            record: self.records,
        };
        Record::Page(page_article(&self.file, &body, Some(context)).map_err(|e| {
            self.error(
                start,
                format!(
                    "{} ({})",
                    e.reason,
                    header.target_uri.as_deref().unwrap_or("no URI")
                ),
            )
        }))
    }

    fn count_skipped(&self, kind: String) {
        if let Some(stats) = &self.stats {
            *stats.lock().unwrap().warc_skipped.entry(kind).or_default() += 1;
        }
    }
}

impl Iterator for WarcArticles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            match self.read_record()? {
                Ok(Record::Page(article)) => return Some(article),
                Ok(Record::Skipped(kind)) => self.count_skipped(kind),
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

/// The HTML body of an HTTP response block: a 2xx status and an HTML content type (or, with no
/// content type, a body that starts like HTML). Chunked and gzip bodies are decoded (a body
/// labelled gzip that does not start with gzip's magic bytes is taken as it is).
fn http_body(block: &[u8]) -> Result<Vec<u8>, String> {
    // the header ends at the first blank line, whatever the line ends (old crawls wrote `\n`)
    let crlf = find(block, b"\r\n\r\n").map(|at| at + 4);
    let lf = find(block, b"\n\n").map(|at| at + 2);
    let end = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).ok_or("no HTTP header")?,
    };
    let head = String::from_utf8_lossy(&block[..end]).to_ascii_lowercase();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("");
    if !status.starts_with('2') {
        return Err(format!("HTTP {status}"));
    }
    let field = |name: &str| {
        head.lines().find_map(|l| {
            l.split_once(':')
                .filter(|(n, _)| n.trim() == name)
                .map(|(_, v)| v.trim().to_string())
        })
    };
    let mut body = block[end..].to_vec();
    if field("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        body = dechunk(&body);
    }
    // some crawlers stored the body decoded but kept `Content-Encoding: gzip`: trust the bytes
    if field("content-encoding").is_some_and(|v| v.contains("gzip"))
        && body.starts_with(b"\x1f\x8b")
    {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&body[..])
            .read_to_end(&mut out)
            .map_err(|_| "bad gzip body")?;
        body = out;
    }
    match field("content-type") {
        Some(t) if t.contains("html") => Ok(body),
        Some(t) => Err(format!(
            "not HTML: {}",
            t.split(';').next().unwrap_or(&t).trim()
        )),
        None if crate::detect_format(std::path::Path::new(""), &body) == crate::Format::Html => {
            Ok(body)
        }
        None => Err("not HTML: no content type".into()),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// An HTTP chunked body decoded; what follows a malformed chunk size is kept as it is.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(line_end) = find(body, b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
        else {
            out.extend_from_slice(body);
            return out;
        };
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        let end = (start + size).min(body.len());
        out.extend_from_slice(&body[start..end]);
        body = body.get(end + 2..).unwrap_or(&[]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_bodies_as_old_crawls_stored_them() {
        // `\n` line ends, a `\r\n\r\n` later in the body, and a gzip label on a plain body
        let block = b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n<html><body><p>a</p>\r\n\r\n<p>b</p></body></html>";
        let body = http_body(block).unwrap();
        assert!(body.starts_with(b"<html><body><p>a</p>"));
        assert!(body.ends_with(b"</html>"));
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded_and_non_html_is_refused() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<html>hi</html>").unwrap();
        let gz = gz.finish().unwrap();
        let mut block = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
            gz.len()
        )
        .into_bytes();
        block.extend(&gz);
        block.extend(b"\r\n0\r\n\r\n");
        assert_eq!(http_body(&block).unwrap(), b"<html>hi</html>");
        let pdf = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF";
        assert_eq!(http_body(pdf).unwrap_err(), "not HTML: application/pdf");
        let missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>";
        assert_eq!(http_body(missing).unwrap_err(), "HTTP 404");
    }
}
