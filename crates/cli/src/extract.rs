//! `tidings extract`: articles in (any input kind), the same articles out as JSON Lines, not
//! coded: `id`, `title`, `date`, `url`, `site`, `language`, `text`, which `code` and `ingest`
//! read back as they are. A crawl can be extracted once and coded many times.

use crate::pipeline;
use clap::Args;
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tidings_article::{detect_language, Article, Format};

#[derive(Args)]
pub struct ExtractArgs {
    /// Files or folders (read recursively): HTML pages, WARC archives, RSS/Atom feeds, JSON Lines,
    /// plain text, gzip or not. None or `-`: stdin.
    pub files: Vec<PathBuf>,
    /// Input format: `text`, `jsonl`, `html`, `warc` or `feed` (default: detected per file).
    #[arg(long, value_parser = pipeline::parse_format)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub input: pipeline::InputArgs,
}

/// One line of the output.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    url: Option<&'a str>,
    site: Option<&'a str>,
    language: Option<&'a str>,
    text: &'a str,
}

impl<'a> Record<'a> {
    fn of(article: &'a Article) -> Self {
        Record {
            id: &article.id,
            title: article.title.as_deref(),
            date: article.date.map(|d| d.to_string()),
            url: article.url.as_deref(),
            site: article.source.as_deref(),
            language: detect_language(article),
            text: &article.text,
        }
    }
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let (mut articles, mut bad) = (0usize, 0usize);
    for record in pipeline::read_inputs_with(&args.files, args.input.options(args.format, "any")) {
        match record {
            Ok(article) => {
                for warning in &article.warnings {
                    eprintln!("tidings: warning: {warning}");
                }
                serde_json::to_writer(&mut out, &Record::of(&article))?;
                out.write_all(b"\n")?;
                articles += 1;
            }
            Err(e) => {
                bad += 1;
                eprintln!("tidings: skipped: {e}");
            }
        }
    }
    out.flush()?;
    eprintln!("tidings: {articles} articles extracted, {bad} skipped records");
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
