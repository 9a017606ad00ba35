//! `tidings export`: the GDELT Events or Mentions table, JSON Lines, or Parquet files, to a file or
//! standard output. Reads the store only.

use super::args::{ExportArgs, ExportFormat, PartitionArg};
use super::closed_pipe_is_success;
use anyhow::Context;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use tidings_store::{describe_io, Partition, Store, StoreError};

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
        ExportFormat::Gdelt => {
            if a.header {
                Store::write_gdelt_header(&mut writer)
                    .map_err(|e| write_error(a.out.as_deref(), e))?;
            }
            store.export_gdelt_events(&mut writer)
        }
        ExportFormat::Mentions => store.export_gdelt_mentions(&mut writer),
        ExportFormat::Jsonl => store.export_jsonl(&mut writer),
        ExportFormat::Parquet => unreachable!("handled above"),
    };
    let rows = match rows {
        Ok(rows) => rows,
        Err(StoreError::Io(e)) => return Err(write_error(a.out.as_deref(), e)),
        Err(e) => return Err(e.into()),
    };
    writer
        .flush()
        .map_err(|e| write_error(a.out.as_deref(), e))?;
    if let Some(path) = &a.out {
        eprintln!("{rows} rows written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn create(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::File::create(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot create: {}", path.display(), describe_io(&e)))
}

/// A failed write to `--out` (or standard output), naming it. A closed pipe stays an I/O error,
/// which `closed_pipe_is_success` turns into success.
fn write_error(out: Option<&Path>, e: std::io::Error) -> anyhow::Error {
    match out {
        Some(path) => anyhow::anyhow!("{}: cannot write: {}", path.display(), describe_io(&e)),
        None => e.into(),
    }
}
