//! `tidings serve`: parses the arguments and hands them to `tidings-serve`.

use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args)]
pub struct ServeArgs {
    /// The database to serve (read-only)
    #[arg(long, default_value = "tidings.db")]
    db: PathBuf,
    /// Address to listen on; the default serves this machine only. Use 0.0.0.0:8080 to serve the
    /// network (behind a proxy that authenticates).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Longest a request's queries may run, in milliseconds
    #[arg(long, default_value_t = 2000)]
    query_ms: u64,
    /// Largest page of events
    #[arg(long, default_value_t = 500)]
    max_page: usize,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut config = tidings_serve::Config::new(args.db);
    config.addr = args.addr;
    config.query_time = Duration::from_millis(args.query_ms.max(1));
    config.max_page = args.max_page.max(1);
    tidings_serve::run(config)?;
    Ok(ExitCode::SUCCESS)
}
