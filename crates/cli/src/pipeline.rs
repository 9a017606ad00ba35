//! Shared wiring for subcommands that read and code articles: loading the dictionaries into a
//! [`Coder`], and reading every record of every input file.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use tidings_article::{Article, Format, InputError};
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

/// The default `--max-article-bytes`: 10 MB, far above any news article (the largest of the
/// AllSides corpus has about 100 KB), low enough that one bad record codes in seconds.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 10_000_000;

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
            "`{s}` is not a size: give a number of bytes above 0, e.g. 10000000"
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

/// The size of the input files in bytes; 0 when it is not known (standard input).
pub fn input_bytes(files: &[PathBuf]) -> u64 {
    if files.is_empty() || files.iter().any(|f| f.as_os_str() == "-") {
        return 0;
    }
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// Every record of every file, in order; no file or `-` reads standard input. A file that cannot be
/// opened is one error; the other files are still read.
pub fn read_inputs(
    files: &[PathBuf],
    format: Option<Format>,
) -> impl Iterator<Item = Result<Article, InputError>> {
    let files: Vec<PathBuf> = if files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        files.to_vec()
    };
    files.into_iter().flat_map(
        move |path| -> Box<dyn Iterator<Item = Result<Article, InputError>>> {
            if path.as_os_str() == "-" {
                let stdin = Box::new(BufReader::new(std::io::stdin()));
                match tidings_article::read_reader(Path::new("<stdin>"), stdin, format) {
                    Ok(records) => Box::new(records),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            } else {
                match tidings_article::read_path(&path, format) {
                    Ok(records) => Box::new(records),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            }
        },
    )
}

/// Parses `--format`.
pub fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "text" | "txt" | "plain" => Ok(Format::PlainText),
        "jsonl" | "json" | "ndjson" => Ok(Format::JsonLines),
        _ => Err(format!("unknown input format `{s}`: use `text` or `jsonl`")),
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
