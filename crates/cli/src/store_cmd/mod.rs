//! `tidings ingest`, `query`, `timeline` and `export`: the event store from the command line.
//! The arguments are in `args`, each subcommand in its own module; this one only wires them up.

use std::process::ExitCode;

mod args;
mod export;
mod ingest;
mod query;
mod timeline;

pub use args::{ExportArgs, IngestArgs, QueryArgs, TimelineArgs};
pub use export::export;
pub use ingest::ingest;
pub use query::query;
pub use timeline::timeline;

/// A reader that stops early (`tidings query | head`) is not an error.
fn closed_pipe_is_success(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(err)
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<tidings_store::StoreError>().is_some_and(|e| {
                        matches!(e, tidings_store::StoreError::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
                    })
            }) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}
