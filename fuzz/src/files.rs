//! Targets for the readers of whole files: web pages (`html`), WARC archives (`warc`), RSS and
//! Atom feeds (`feed`) and PETRARCH validation records (`validate`). Inputs are pieces of real
//! files (see `seeds.rs`), rebuilt where the format has a structure a random cut would always
//! break (a WARC record's `Content-Length`, a feed's items), then mutated byte by byte.

use crate::gen::{self, Rng};
use crate::seeds::SeedFile;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use tidings_article::{Article, Format, InputError, Records};

/// Tokens that mean something to an HTML or XML reader.
pub const MARKUP: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<?xml version=\"1.0\"?>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<br>",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "<head>",
    "<body>",
    "<meta charset=\"shift_jis\">",
    "<meta charset=\"utf-16\">",
    "<meta charset=\"x-nonsense\">",
    "<meta property=\"article:published_time\" content=\"2020-13-45\">",
    "<meta property=\"article:published_time\" content=\"2020-10-11T08:00:00Z\">",
    "<link rel=\"canonical\" href=\"https://example.org/x\">",
    "<html lang=\"fr\">",
    "<script type=\"application/ld+json\">{\"datePublished\": \"Oct. 10, 2020\"}</script>",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&#99999999999;",
    "&",
    "\"",
    "'",
    "=",
    "\u{feff}",
    "\u{0}",
    "\r\n",
    "\n",
    " ",
];

/// Tokens that mean something to a WARC reader.
const WARC: &[&str] = &[
    "WARC/1.0\r\n",
    "WARC/1.1\r\n",
    "\r\n",
    "\r\n\r\n",
    "\n",
    ":",
    "Content-Length: ",
    "Content-Length: 0\r\n",
    "Content-Length: 99999999999999999999\r\n",
    "Content-Length: -5\r\n",
    "WARC-Type: response\r\n",
    "WARC-Type: resource\r\n",
    "WARC-Type: request\r\n",
    "WARC-Target-URI: http://example.org/\r\n",
    "WARC-Date: 2020-13-45T00:00:00Z\r\n",
    "Content-Type: application/http; msgtype=response\r\n",
    "Content-Type: text/html\r\n",
    "HTTP/1.1 200 OK\r\n",
    "HTTP/1.1 404 Not Found\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Content-Encoding: gzip\r\n",
    "0\r\n\r\n",
    "ffffffff\r\n",
    "\x1f\u{8b}",
    "<html>",
    "<p>",
];

/// Tokens of PETRARCH validation records.
const RECORDS: &[&str] = &[
    "<Sentence ",
    "</Sentence>",
    "<Sentence>",
    "<Text>",
    "</Text>",
    "<EventCoding ",
    "/>",
    "<Parse>",
    "</Parse>",
    "<Environment>",
    "</Environment>",
    "<Include>",
    "</Include>",
    "<Exclude>",
    "<Verbfile>",
    "</Verbfile>",
    "noevents=\"True\"",
    "error=\"discard\"",
    "date=\"20201301\"",
    "date=\"2020\"",
    "date=\"20201011\"",
    "id=\"",
    "category=\"",
    "evaluate=\"false\"",
    "sourcecode=\"",
    "targetcode=\"",
    "eventcode=\"",
    "\"",
    "=",
    "<",
    ">",
    "<!--",
    "-->",
    "&amp;",
    "&lt;",
    "&#1234567;",
    "&#x;",
    "\n",
    "\r\n",
];

fn records(name: &Path, input: &[u8], format: Format) -> Result<Records, InputError> {
    tidings_article::read_reader(name, Box::new(Cursor::new(input.to_vec())), Some(format))
}

/// An error must name the file and give a reason.
fn named(e: &InputError, name: &Path) -> Result<(), String> {
    if e.file != name || e.reason.trim().is_empty() {
        return Err(format!("error without file or reason: {e:?}"));
    }
    Ok(())
}

/// An article read from `name`: its origin and warnings name the file, it has text, and it is
/// not more than a few times its input (decoding a one-byte charset to UTF-8 triples at most).
fn sane(a: &Article, name: &Path, input_len: usize) -> Result<(), String> {
    if a.origin.file != name {
        return Err(format!("origin {:?}", a.origin));
    }
    for w in &a.warnings {
        named(w, name)?;
    }
    if a.text.trim().is_empty() && a.title.as_deref().unwrap_or("").trim().is_empty() {
        return Err("an article with neither text nor title".into());
    }
    if a.size() > 3 * input_len + 64 {
        return Err(format!(
            "{} bytes of article from {input_len} bytes",
            a.size()
        ));
    }
    Ok(())
}

pub fn html_input(rng: &mut Rng, files: &[SeedFile], max_len: usize) -> Vec<u8> {
    let mut out = match files.is_empty() {
        true => gen::text(rng, &[], max_len).into_bytes(),
        false => {
            let f = rng.pick(files);
            gen::file_window(rng, &f.bytes, max_len)
        }
    };
    gen::mutate_bytes(rng, &mut out, MARKUP, 6, max_len);
    out
}

pub fn check_html(input: &[u8]) -> Result<(), String> {
    check_articles(input, Path::new("fuzz.html"), Format::Html)
}

/// Reads `input` as a file `name` of `format`: every article sane, every error named.
fn check_articles(input: &[u8], name: &Path, format: Format) -> Result<(), String> {
    let records = match records(name, input, format) {
        Ok(r) => r,
        Err(e) => return named(&e, name),
    };
    for record in records {
        match record {
            Ok(a) => sane(&a, name, input.len())?,
            Err(e) => named(&e, name)?,
        }
    }
    Ok(())
}

/// The records of the seed WARC files: (header, block), split where a line starts `WARC/1.`.
pub fn warc_records(files: &[SeedFile]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for f in files {
        let b = &f.bytes;
        let mut starts: Vec<usize> = (0..b.len())
            .filter(|&i| (i == 0 || b[i - 1] == b'\n') && b[i..].starts_with(b"WARC/1."))
            .collect();
        starts.push(b.len());
        for w in starts.windows(2) {
            let rec = &b[w[0]..w[1]];
            let Some(h) = rec.windows(4).position(|x| x == b"\r\n\r\n") else {
                continue;
            };
            let header = String::from_utf8_lossy(&rec[..h]).into_owned();
            let block = rec[h + 4..].to_vec();
            out.push((header, block));
        }
    }
    out
}

/// 1-4 records from the seeds, each block cut to fit and its `Content-Length` set to match (seven
/// times in eight), then mutated; one time in six each record is a gzip member of its own.
pub fn warc_input(rng: &mut Rng, records: &[(String, Vec<u8>)], max_len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let gzip = rng.chance(6);
    for _ in 0..1 + rng.below(4) {
        let (header, block) = match records.is_empty() {
            true => (
                "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 0"
                    .to_string(),
                gen::text(rng, &[], max_len / 4).into_bytes(),
            ),
            false => rng.pick(records).clone(),
        };
        let mut block = block;
        block.truncate(1 + rng.below(max_len / 2 + 1));
        let header = if rng.chance(8) {
            header
        } else {
            header
                .split("\r\n")
                .map(
                    |l| match l.to_ascii_lowercase().starts_with("content-length:") {
                        true => format!("Content-Length: {}", block.len()),
                        false => l.to_string(),
                    },
                )
                .collect::<Vec<_>>()
                .join("\r\n")
        };
        let mut record = header.into_bytes();
        record.extend_from_slice(b"\r\n\r\n");
        record.extend_from_slice(&block);
        record.extend_from_slice(b"\r\n\r\n");
        gen::mutate_bytes(rng, &mut record, WARC, 3, max_len);
        if gzip {
            let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            z.write_all(&record).unwrap();
            record = z.finish().unwrap();
        }
        out.extend_from_slice(&record);
    }
    out
}

/// Every error names the file and a byte offset inside the (uncompressed) input; no more
/// articles than records.
pub fn check_warc(input: &[u8]) -> Result<(), String> {
    let name = Path::new("fuzz.warc");
    let plain = if input.starts_with(b"\x1f\x8b") {
        let mut out = Vec::new();
        let _ = flate2::read::MultiGzDecoder::new(input).read_to_end(&mut out);
        out
    } else {
        input.to_vec()
    };
    let starts = plain.windows(5).filter(|w| w == b"WARC/").count();
    let records = match records(name, input, Format::Warc) {
        Ok(r) => r,
        Err(e) => return named(&e, name),
    };
    let mut articles = 0;
    for record in records {
        match record {
            Ok(a) => {
                sane(&a, name, plain.len())?;
                articles += 1;
                if articles > starts {
                    return Err(format!("{articles} articles from {starts} records"));
                }
            }
            Err(e) => {
                named(&e, name)?;
                if let Some(at) = e.reason.split("byte offset ").nth(1) {
                    let offset: usize = at
                        .split(|c: char| !c.is_ascii_digit())
                        .next()
                        .and_then(|n| n.parse().ok())
                        .ok_or_else(|| format!("no number after `byte offset`: {e}"))?;
                    if offset > plain.len() {
                        return Err(format!("offset {offset} past {} bytes: {e}", plain.len()));
                    }
                }
            }
        }
    }
    Ok(())
}

/// An RSS 2.0 or Atom feed of 0-5 items made of seed texts and pieces of web pages, mutated.
pub fn feed_input(rng: &mut Rng, seeds: &[String], pages: &[SeedFile], max_len: usize) -> Vec<u8> {
    let atom = rng.chance(2);
    let mut items = String::new();
    for _ in 0..rng.below(6) {
        let title = gen::text(rng, seeds, 120);
        let body = match pages.is_empty() || rng.chance(2) {
            true => gen::text(rng, seeds, max_len / 4),
            false => {
                let page = &rng.pick(pages).bytes;
                String::from_utf8_lossy(&gen::file_window(rng, page, max_len / 4)).into_owned()
            }
        };
        let date = *rng.pick(&[
            "Sat, 10 Oct 2020 08:00:00 GMT",
            "2020-10-10T08:00:00Z",
            "2020-13-45",
            "yesterday",
        ]);
        let mut wrap = |s: &str| match rng.chance(2) {
            true => format!("<![CDATA[{s}]]>"),
            false => s.replace('&', "&amp;").replace('<', "&lt;"),
        };
        let (title, body) = (wrap(&title), wrap(&body));
        items.push_str(&match atom {
            true => format!("<entry><title>{title}</title><link href=\"https://example.org/{}\"/><updated>{date}</updated><content type=\"html\">{body}</content></entry>\n", rng.below(1000)),
            false => format!("<item><title>{title}</title><link>https://example.org/{}</link><pubDate>{date}</pubDate><description>{body}</description></item>\n", rng.below(1000)),
        });
    }
    let doc = match atom {
        true => format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>World</title>\n{items}</feed>\n"),
        false => format!("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>World</title>\n{items}</channel></rss>\n"),
    };
    let mut out = doc.into_bytes();
    gen::mutate_bytes(rng, &mut out, MARKUP, 4, max_len);
    out
}

pub fn check_feed(input: &[u8]) -> Result<(), String> {
    check_articles(input, Path::new("fuzz.rss"), Format::Feed)
}

pub fn validate_input(rng: &mut Rng, files: &[SeedFile], max_len: usize) -> Vec<u8> {
    let mut out = match files.is_empty() {
        true => {
            b"<Sentence id=\"a\" date=\"20201011\"><Text>China praised Japan.</Text></Sentence>"
                .to_vec()
        }
        false => {
            let f = rng.pick(files);
            gen::file_window(rng, &f.bytes, max_len)
        }
    };
    gen::mutate_bytes(rng, &mut out, RECORDS, 6, max_len);
    out
}

/// Records and errors come in file order, on lines of the file, no more of them than
/// `<Sentence` tags.
pub fn check_validate(input: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    let lines = text.split('\n').count();
    let tags = text.matches("<Sentence").count();
    let file = tidings_validate::records::parse(&text);
    if file.records.len() + file.errors.len() > tags {
        return Err(format!(
            "{} records and {} errors from {tags} <Sentence tags",
            file.records.len(),
            file.errors.len()
        ));
    }
    let mut last = 0;
    for line in file.records.iter().map(|r| r.line) {
        if line == 0 || line > lines || line < last {
            return Err(format!(
                "record on line {line} after {last}, of {lines} lines"
            ));
        }
        last = line;
    }
    for e in &file.errors {
        if e.line == 0 || e.line > lines || e.reason.trim().is_empty() {
            return Err(format!("error {e:?} in a file of {lines} lines"));
        }
    }
    Ok(())
}
