//! `tidings`: the thin binary that wires the pipeline crates together.
//!
//! Each subcommand lives in its own module and only parses arguments, calls the library crates and
//! prints: `code` (article -> events as JSON Lines), `ingest`/`query`/`timeline`/`export` (the event
//! store), `watch` (feeds polled, pages fetched and stored), `serve` (the API and dashboard), `validate` (peer validation suites), `eval` (scoring
//! against gold sentences), `dict` (dictionary tools).

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Prints a line on stdout; a closed pipe (`tidings dict stats | head`) ends the program quietly
/// instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

mod code;
mod dict_cmd;
mod eval;
mod extract;
mod parallel;
mod pipeline;
mod progress;
mod serve_cmd;
mod store_cmd;
mod validate_cmd;
mod watch;

#[derive(Parser)]
#[command(
    name = "tidings",
    version,
    about = "Reads news and says who did what to whom, when and where."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events, one JSON object per line on stdout.
    Code(code::CodeArgs),
    /// Read articles (web pages, WARC, feeds, folders, ...) and write them as JSON Lines, uncoded.
    Extract(extract::ExtractArgs),
    /// Code articles and store them, deduplicated, in a SQLite database.
    Ingest(store_cmd::IngestArgs),
    /// List stored events.
    Query(store_cmd::QueryArgs),
    /// How the ties between two actors move over time.
    Timeline(store_cmd::TimelineArgs),
    /// Export stored events (GDELT 2.0 events or mentions, Parquet, JSON Lines).
    Export(store_cmd::ExportArgs),
    /// Poll RSS/Atom feeds, fetch new articles politely, code and store them.
    Watch(watch::WatchArgs),
    /// Serve a database read-only: a JSON API and a dashboard page (default http://127.0.0.1:8080/).
    Serve(serve_cmd::ServeArgs),
    /// Run a PETRARCH validation file and report the pass rate.
    Validate(validate_cmd::ValidateArgs),
    /// Score the coder against gold sentences (precision, recall, F1 per CAMEO root).
    Eval(eval::EvalArgs),
    /// Check, inspect and count dictionaries.
    #[command(subcommand)]
    Dict(dict_cmd::DictCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Ingest(args) => store_cmd::ingest(args),
        Command::Query(args) => store_cmd::query(args),
        Command::Timeline(args) => store_cmd::timeline(args),
        Command::Export(args) => store_cmd::export(args),
        Command::Watch(args) => watch::run(args),
        Command::Serve(args) => serve_cmd::run(args),
        Command::Validate(args) => validate_cmd::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Dict(cmd) => dict_cmd::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("tidings: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
