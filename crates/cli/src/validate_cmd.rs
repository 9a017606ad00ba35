//! `tidings validate`: runs a PETRARCH validation file. (Being written.)
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ValidateArgs {
    /// The validation records file (XML).
    pub records: PathBuf,
    /// Dictionary folder to use instead of the one the records file names.
    #[arg(long)]
    pub dictionaries: Option<PathBuf>,
}

pub fn run(_args: ValidateArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("tidings validate is not available yet")
}
