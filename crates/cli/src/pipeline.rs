//! Shared wiring for subcommands that read and code articles: loading the dictionaries into a
//! [`Coder`], and reading every record of every input file.

use std::path::{Path, PathBuf};
use tidings_article::{
    Article, FieldNames, Format, InputError, Inputs, LanguageFilter, ReadOptions,
};
use tidings_coder::Coder;
use tidings_dict::DictionaryBuilder;
use tidings_event::dating::Undated;

/// How to choose dictionaries.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DictionaryArgs {
    /// Use the dictionaries in DIR instead of the built-in ones (same layout as `dictionaries/`, or
    /// PETRARCH files: see `tidings validate --help`).
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// Add the dictionary files in DIR on top of the built-in ones (or of --dictionaries).
    #[arg(long, value_name = "DIR")]
    pub extra_dictionaries: Vec<PathBuf>,
    /// Check each act against a dependency parse of its sentence (auto: on for tidings'
    /// dictionaries, off for PETRARCH verb files). Off finds more events, fewer of them right.
    #[arg(long, value_enum, default_value_t = ParseChecks::Auto)]
    pub parse_checks: ParseChecks,
}

/// Whether the coder checks acts against a dependency parse (`--parse-checks`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseChecks {
    /// On for tidings' own dictionaries, off for PETRARCH verb files.
    #[default]
    Auto,
    On,
    Off,
}

/// Builds the dictionaries: built-in unless `dictionaries.dictionaries` replaces them, plus extras.
/// Rejected lines are reported on stderr (file:line: reason) and skipped.
pub fn load_dictionaries(args: &DictionaryArgs) -> anyhow::Result<tidings_dict::Dictionaries> {
    let mut builder = DictionaryBuilder::new();
    match &args.dictionaries {
        Some(dir) => {
            add_dir(&mut builder, dir)?;
        }
        None => {
            builder.add_builtin();
        }
    }
    for dir in &args.extra_dictionaries {
        add_dir(&mut builder, dir)?;
    }
    let (dicts, errors) = builder.build();
    for e in errors.iter().take(50) {
        eprintln!("tidings: dictionary: {e} (line skipped)");
    }
    if errors.len() > 50 {
        eprintln!("tidings: dictionary: {} more rejected lines; run `tidings dict check` to list them all", errors.len() - 50);
    }
    Ok(dicts)
}

fn add_dir(builder: &mut DictionaryBuilder, dir: &Path) -> anyhow::Result<()> {
    if tidings_dict::petrarch::is_petrarch_dir(dir) {
        tidings_dict::petrarch::load_petrarch_dir(builder, dir)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        return Ok(());
    }
    builder.add_dir(dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

/// The default `--max-article-bytes`: 2 MB, twenty times the largest news article in the corpora
/// (49 KB in allsides-world, 96 KB of text in the largest html-zyte page), low enough that one
/// record of junk codes in about 8 s and an `ingest` batch holding it stays small
/// (docs/benchmarks.md, "Unpunctuated text").
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 2_000_000;

/// How large an article may be (`--max-article-bytes`).
#[derive(Debug, Clone, clap::Args)]
pub struct SizeLimitArgs {
    /// Cut an article (title and text) larger than this many bytes to its first BYTES, with a
    /// message naming the record; the exit status is then 1.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_ARTICLE_BYTES,
          value_parser = parse_positive_size)]
    pub max_article_bytes: usize,
}

fn parse_positive_size(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "`{s}` is not a size: give a number of bytes above 0, e.g. 2000000"
        )),
    }
}

/// Cuts `article` to `max_bytes`; the message that says so, naming the record, when it was cut.
pub fn cut_large_article(article: &mut Article, max_bytes: usize) -> Option<String> {
    let size = article.cut_to(max_bytes)?;
    Some(format!(
        "{}:{}: record of {size} bytes is over --max-article-bytes {max_bytes}: only its first {} bytes are coded; raise --max-article-bytes to code it whole",
        article.origin.file.display(),
        article.origin.line,
        article.size()
    ))
}

/// A coder with the chosen dictionaries.
///
/// A PETRARCH verb file is coded the way PETRARCH codes it, by its own patterns, without the
/// dependency-parse checks that the built-in dictionaries get (see `tidings_coder::structure`),
/// unless `--parse-checks on` asks for them.
pub fn load_coder_with(args: &DictionaryArgs) -> anyhow::Result<Coder> {
    let coder = Coder::new(load_dictionaries(args)?);
    Ok(match args.parse_checks {
        ParseChecks::Auto => coder,
        ParseChecks::On => coder.with_syntax_checks(true),
        ParseChecks::Off => coder.with_syntax_checks(false),
    })
}

/// A coder with the built-in dictionaries, or those in `dict_dir`.
pub fn load_coder(dict_dir: Option<&Path>) -> anyhow::Result<Coder> {
    load_coder_with(&DictionaryArgs {
        dictionaries: dict_dir.map(Path::to_path_buf),
        extra_dictionaries: Vec::new(),
        parse_checks: ParseChecks::Auto,
    })
}

/// The size of the input files (folders: the files under them) in bytes; 0 when it is not
/// known (standard input).
pub fn input_bytes(files: &[PathBuf]) -> u64 {
    if files.is_empty() || files.iter().any(|f| f.as_os_str() == "-") {
        return 0;
    }
    tidings_article::expand_paths(files)
        .into_iter()
        .filter_map(|f| std::fs::metadata(f.ok()?).ok())
        .map(|m| m.len())
        .sum()
}

/// Every record of every file, in order; no file or `-` reads standard input. A file that cannot be
/// opened is one error; the other files are still read.
pub fn read_inputs(
    files: &[PathBuf],
    format: Option<Format>,
) -> impl Iterator<Item = Result<Article, InputError>> {
    read_inputs_with(
        files,
        ReadOptions {
            format,
            ..ReadOptions::default()
        },
    )
}

/// Every record of every input (files, folders read recursively, `-` for standard input), read
/// with `options`; what was skipped on purpose (WARC records that are not pages, articles in
/// another language) is summed up on stderr when the inputs are exhausted.
pub fn read_inputs_with(
    files: &[PathBuf],
    options: ReadOptions,
) -> impl Iterator<Item = Result<Article, InputError>> {
    let mut inputs = Some(Inputs::new(files, options));
    std::iter::from_fn(move || {
        let next = inputs.as_mut()?.next();
        if next.is_none() {
            if let Some(summary) = inputs.take().and_then(|i| i.stats().summary()) {
                eprintln!("tidings: {summary}");
            }
        }
        next
    })
}

/// How to read inputs, beyond their format: JSON Lines field names and the language to keep.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InputArgs {
    /// JSON Lines field with the article body (e.g. `maintext` for news-please).
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSON Lines field with the headline.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,
    /// JSON Lines field with the publication date (e.g. `date_publish`).
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_field: String,
    /// JSON Lines field with the article's URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,
    /// JSON Lines field with the article's id (none: a hash of the text).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// Keep only articles in this language (ISO 639-3 code, detected from the text; `any` keeps
    /// all). Default: `eng` for `code` and `ingest` (the coder reads English), `any` for `extract`.
    /// Skipped articles are counted on stderr; text too short to tell is kept.
    #[arg(long, value_name = "CODE")]
    pub language: Option<String>,
}

impl InputArgs {
    /// The read options, with `default_language` when `--language` is not given.
    pub fn options(&self, format: Option<Format>, default_language: &str) -> ReadOptions {
        let language = self.language.as_deref().unwrap_or(default_language);
        ReadOptions {
            format,
            fields: FieldNames {
                id: self.id_field.clone(),
                title: self.title_field.clone(),
                date: self.date_field.clone(),
                url: self.url_field.clone(),
                text: self.text_field.clone(),
            },
            language: match language {
                "any" | "all" => LanguageFilter::Any,
                code => LanguageFilter::Only(code.to_ascii_lowercase()),
            },
            stats: None,
        }
    }
}

/// Parses `--format`.
pub fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "text" | "txt" | "plain" => Ok(Format::PlainText),
        "jsonl" | "json" | "ndjson" => Ok(Format::JsonLines),
        "html" | "htm" => Ok(Format::Html),
        "warc" => Ok(Format::Warc),
        "feed" | "rss" | "atom" => Ok(Format::Feed),
        _ => Err(format!(
            "unknown input format `{s}`: use `text`, `jsonl`, `html`, `warc` or `feed`"
        )),
    }
}

/// What articles without a publication date get (`--undated`, and the older `--date`).
#[derive(Debug, Clone, clap::Args)]
pub struct DatingArgs {
    /// An article with no publication date: `skip` it (counted on stderr), `keep` it with its
    /// events undated (`"date": ""`, `"date_basis": "undated"`, left out of timelines) unless
    /// their sentence names a date, or code it as published on DATE (`"date_basis": "given"`).
    /// Never the day it is coded.
    #[arg(long, value_name = "skip|keep|DATE", default_value = "keep",
          value_parser = parse_undated)]
    pub undated: Undated,
    /// Same as `--undated DATE`.
    #[arg(long, value_parser = parse_date_arg, conflicts_with = "undated")]
    pub date: Option<chrono::NaiveDate>,
}

impl DatingArgs {
    /// The choice for undated articles.
    pub fn undated(&self) -> Undated {
        match self.date {
            Some(d) => Undated::Given(d),
            None => self.undated,
        }
    }
}

fn parse_undated(s: &str) -> Result<Undated, String> {
    s.parse()
}

/// Parses a `--date` argument.
pub fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: use YYYY-MM-DD"))
}
