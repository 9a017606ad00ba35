//! `tidings serve`: a read-only JSON API and a dashboard page over one event database.
//!
//! Principal types: [`Config`] (database, address, limits), [`App`] (the shared state: a [`pool`]
//! of read-only [`tidings_store::browse::Reader`]s and the built-in dictionaries) and
//! [`ApiError`] (every failure, answered as JSON `{"error": "..."}` with a 4xx or 5xx status).
//!
//! The flow: [`run`] opens the database, builds the [`router`] and serves it on a tokio runtime.
//! Each API request checks its parameters in [`params`] (codes, dates, page size; a bad value is a
//! 400 naming the parameter and what it accepts), then runs its queries on a blocking thread with a
//! reader from the pool under a query-time limit ([`Config::query_time`]; past it SQLite is
//! interrupted and the answer is a 503). The routes are listed in [`ROUTES`] and documented in the
//! README, which a test checks. Corpus-wide answers are kept a minute in a [`cache`]. The page and its script are compiled in ([`assets`]): a fixed table
//! of names, so no path reaches the file system.
//!
//! Safe by default: the database is opened `SQLITE_OPEN_READ_ONLY` with `query_only`; the default
//! address is loopback; page size, query time and request bodies are bounded; SQL takes values as
//! bound parameters only.
//!
//! Not here: coding articles or writing the database (`tidings ingest`), TLS or authentication (put
//! a reverse proxy in front to serve beyond this machine).

pub mod api;
pub mod assets;
pub mod cache;
pub mod params;
pub mod pool;
pub mod series;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tidings_dict::Dictionaries;

pub use api::router;

/// The routes, as documented in the README (a test checks both agree and that each answers).
pub const ROUTES: &[&str] = &[
    "GET /",
    "GET /assets/{name}",
    "GET /api/events",
    "GET /api/events/{id}",
    "GET /api/dyad",
    "GET /api/dyads/top",
    "GET /api/actors",
    "GET /api/places",
    "GET /api/stats",
];

/// What to serve and the limits to keep.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Longest a request's queries may run before SQLite is interrupted.
    pub query_time: Duration,
    /// Largest page of events.
    pub max_page: usize,
    /// Largest request body accepted (the API reads none; this bounds what a client can send).
    pub max_body: usize,
    /// Read-only connections kept open.
    pub connections: usize,
    /// How long corpus-wide answers (statistics, most active dyads) are kept before they are
    /// computed again.
    pub summary_ttl: Duration,
}

impl Config {
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            query_time: Duration::from_secs(2),
            max_page: 500,
            max_body: 16 * 1024,
            connections: 8,
            summary_ttl: Duration::from_secs(60),
        }
    }
}

/// The state every request shares.
pub struct App {
    pub config: Config,
    pub pool: pool::Pool,
    pub dicts: Dictionaries,
    pub cache: cache::Cache,
}

impl App {
    /// Opens the database (one connection now, to fail early with a clear message) and loads the
    /// built-in dictionaries.
    pub fn open(config: Config) -> Result<Arc<App>, ApiError> {
        let pool = pool::Pool::open(&config.db, config.connections)
            .map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(Arc::new(App {
            cache: cache::Cache::new(config.summary_ttl),
            config,
            pool,
            dicts: Dictionaries::builtin(),
        }))
    }
}

/// A failed request: its status and a message a person can act on.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(serde_json::json!({ "error": self.message }));
        (self.status, body).into_response()
    }
}

/// Serves `config` until the process is stopped. Prints the address once it listens.
pub fn run(config: Config) -> Result<(), ApiError> {
    let addr = config.addr;
    let app = App::open(config)?;
    // Requests wait for a pooled connection on blocking threads: no more threads than
    // connections, so a burst of clients queues instead of growing threads (and memory).
    let blocking = app.config.connections.max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(blocking)
        .enable_io()
        .build()
        .map_err(|e| ApiError::internal(format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| ApiError::internal(format!("cannot listen on {addr}: {e}")))?;
        let local = listener.local_addr().unwrap_or(addr);
        println!("tidings serve: listening on http://{local}/");
        axum::serve(listener, router(app))
            .await
            .map_err(|e| ApiError::internal(format!("server stopped: {e}")))
    })
}
