//! The command-line arguments of `ingest`, `query`, `timeline` and `export`, and the value enums
//! they take. Nothing is read, stored or printed here.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use tidings_article::Format;

/// Input formats accepted on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// Scraped plain text: headline, dateline, paragraphs.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// A web page.
    Html,
    /// A WARC archive.
    Warc,
    /// An RSS or Atom feed.
    Feed,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::PlainText,
            InputFormat::Jsonl => Format::JsonLines,
            InputFormat::Html => Format::Html,
            InputFormat::Warc => Format::Warc,
            InputFormat::Feed => Format::Feed,
        }
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Article files or folders (read recursively): plain text, JSON Lines, HTML, WARC, RSS/Atom,
    /// gzip or not; none or `-` reads standard input.
    pub files: Vec<PathBuf>,
    /// The database file (created when missing).
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    /// Input format; detected from name and content when not given.
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// Dictionary directory instead of the built-in dictionaries.
    #[arg(long, alias = "dictionaries")]
    pub dict: Option<PathBuf>,
    #[command(flatten)]
    pub dating: crate::pipeline::DatingArgs,
    /// Articles per transaction.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Seconds to wait while another ingest writes to the same database (default: until it
    /// ends; 0: fail at once). One ingest at a time holds the lock file `<db>.lock`.
    #[arg(long, value_name = "SECONDS")]
    pub wait_timeout: Option<f64>,
    #[command(flatten)]
    pub input: crate::pipeline::InputArgs,
    #[command(flatten)]
    pub limit: crate::pipeline::SizeLimitArgs,
    #[command(flatten)]
    pub jobs: crate::parallel::JobsArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    /// Events with this actor on either side (code prefix: CHN matches CHNGOV).
    #[arg(long)]
    pub actor: Option<String>,
    /// Events from one actor to another, `CHN:PRK`.
    #[arg(long)]
    pub dyad: Option<String>,
    /// CAMEO code prefix (`05`, `051`).
    #[arg(long, conflicts_with = "quad")]
    pub code: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Only events whose date comes from one of these (comma-separated): sentence,
    /// sentence-month, sentence-year, history, story, article, given, undated.
    #[arg(long, value_delimiter = ',', value_name = "BASIS")]
    pub date_basis: Vec<String>,
    /// Only events that took place in this country (ActionGeo): an ISO alpha-3 code (`SYR`),
    /// a FIPS 10-4 code as GDELT's geography gives it (`SY`), or a name (`Syria`).
    #[arg(long)]
    pub country: Option<String>,
    /// Only events that took place within `--km` of this point, `LAT,LON` (`36.2,37.1`).
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
    pub near: Option<String>,
    /// The distance for `--near`, in kilometres.
    #[arg(long, default_value_t = 50.0, requires = "near")]
    pub km: f64,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    /// First actor (code prefix).
    pub a: String,
    /// Second actor (code prefix).
    pub b: String,
    #[arg(long, value_enum, default_value = "month")]
    pub by: PeriodArg,
    /// Include history: years named in a sentence long before publication ("founding in 1928",
    /// `date_basis` history), left out by default. Events with no date are always left out.
    #[arg(long)]
    pub with_history: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 Events table, 61 tab-separated columns (a header line with --header).
    Gdelt,
    /// GDELT 2.0 Mentions table, plus sentence text and offsets.
    Mentions,
    /// A Hive-partitioned Parquet dataset in the schema of docs/schema.md (needs --out DIR).
    Parquet,
    /// One JSON object per event in the schema of docs/schema.md.
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PartitionArg {
    Day,
    Month,
    Year,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, default_value = "tidings.db")]
    pub db: PathBuf,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file (directory for parquet); standard output when not given.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Parquet partition folders: `year` (Year=), `month` (Year=/MonthYear=) or `day`
    /// (Year=/MonthYear=/SQLDATE=).
    #[arg(long, value_enum, default_value = "month")]
    pub partition: PartitionArg,
    /// Start the GDELT table with a line of GDELT's column names.
    #[arg(long)]
    pub header: bool,
}
