//! `tidings export`: the GDELT Events or Mentions table, JSON Lines, or Parquet files, to a file or
//! standard output. Reads the store only.

use super::args::{ExportArgs, ExportFormat, PartitionArg};
use super::closed_pipe_is_success;
use anyhow::Context;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use tidings_store::{Partition, Store};

/// Writes the GDELT Events or Mentions table, JSON Lines, or Parquet files.
pub fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    closed_pipe_is_success(export_inner(a))
}

fn export_inner(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    if let ExportFormat::Parquet = a.format {
        let dir = a
            .out
            .as_deref()
            .context("--format parquet needs --out DIR")?;
        let partition = match a.partition {
            PartitionArg::Day => Partition::Day,
            PartitionArg::Month => Partition::Month,
            PartitionArg::Year => Partition::Year,
        };
        let (files, rows) = store.export_parquet(dir, partition)?;
        eprintln!(
            "{rows} events in {} Parquet files under {}",
            files.len(),
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut writer: Box<dyn Write> = match &a.out {
        Some(path) => Box::new(std::io::BufWriter::new(create(path)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let rows = match a.format {
        ExportFormat::Gdelt => store.export_gdelt_events(&mut writer)?,
        ExportFormat::Mentions => store.export_gdelt_mentions(&mut writer)?,
        ExportFormat::Jsonl => store.export_jsonl(&mut writer)?,
        ExportFormat::Parquet => unreachable!("handled above"),
    };
    writer.flush()?;
    if let Some(path) = &a.out {
        eprintln!("{rows} rows written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn create(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))
}
