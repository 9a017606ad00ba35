//! `tidings._tidings`: the native half of the Python package. It codes articles and reads and
//! writes a store, and hands results over as an in-memory Parquet file (typed exactly as
//! `tidings export --format parquet`, schema of `tidings_store::columns`) that the Python half
//! (`tidings/__init__.py`) turns into a pandas DataFrame. Articles come in as JSON Lines bytes,
//! read by `tidings-article` as `tidings code` reads a file, so a bad record is named
//! (`<records>:3: ...`) and the others are still coded. The GIL is released while coding,
//! storing and querying.

use chrono::NaiveDate;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use tidings_article::{Article, Format};
use tidings_coder::{CodeOptions, Coder};
use tidings_event::dating::{ArticleDate, Undated};
use tidings_store::columns::{coded_row, CodedArticle, Row, COLUMNS};
use tidings_store::{Period, QueryFilter, StoreError, WriteLock};

/// The coder with the built-in dictionaries, made once per process.
fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(tidings_dict::Dictionaries::builtin()))
}

fn store_error(e: StoreError) -> PyErr {
    PyRuntimeError::new_err(e.to_string())
}

/// The articles of JSON Lines `data`, each with the date it is coded with (its own, else none:
/// `tidings code --undated keep`), and a message for each record skipped or repaired.
fn read_articles(data: &[u8]) -> (Vec<(Article, ArticleDate)>, Vec<String>) {
    let mut problems = Vec::new();
    if data.iter().all(u8::is_ascii_whitespace) {
        return (Vec::new(), problems);
    }
    let name = Path::new("<records>");
    let records = match tidings_article::read_reader(
        name,
        Box::new(Cursor::new(data.to_vec())),
        Some(Format::JsonLines),
    ) {
        Ok(records) => records,
        Err(e) => return (Vec::new(), vec![e.to_string()]),
    };
    let mut articles = Vec::new();
    for record in records {
        match record {
            Ok(article) => {
                problems.extend(article.warnings.iter().map(|w| w.to_string()));
                if let Some(dating) = ArticleDate::choose(article.date, &Undated::Keep) {
                    articles.push((article, dating));
                }
            }
            Err(e) => problems.push(format!("{e} (skipped)")),
        }
    }
    (articles, problems)
}

/// The articles of a file as tidings reads it (plain text with a dateline, or JSON Lines), as a
/// JSON array of records with the fields `tidings.code` takes, and the problems met.
#[pyfunction]
fn read_file(py: Python<'_>, path: PathBuf) -> (String, Vec<String>) {
    py.allow_threads(|| {
        let mut problems = Vec::new();
        let mut out = Vec::new();
        match tidings_article::read_path(&path, None) {
            Err(e) => problems.push(e.to_string()),
            Ok(records) => {
                for record in records {
                    match record {
                        Ok(a) => {
                            problems.extend(a.warnings.iter().map(|w| w.to_string()));
                            out.push(serde_json::json!({
                                "id": a.id,
                                "title": a.title,
                                "date": a.date.map(|d| d.format("%Y-%m-%d").to_string()),
                                "source": a.source,
                                "url": a.url,
                                "text": a.text,
                            }));
                        }
                        Err(e) => problems.push(format!("{e} (skipped)")),
                    }
                }
            }
        }
        (serde_json::Value::Array(out).to_string(), problems)
    })
}

/// The schema's columns: (name, Arrow type, nullable, Parquet partition folder).
#[pyfunction]
fn columns() -> Vec<(&'static str, &'static str, bool, bool)> {
    COLUMNS
        .iter()
        .map(|c| (c.name, c.kind.arrow_name(), c.nullable, c.partition))
        .collect()
}

/// Codes the articles of JSON Lines `data` on `threads` threads; returns the events as Parquet
/// bytes (GLOBALEVENTID numbering them from `first_id`) and the problems met.
#[pyfunction]
#[pyo3(signature = (data, threads=1, keep_negated=false, first_id=0))]
fn code_jsonl<'py>(
    py: Python<'py>,
    data: &[u8],
    threads: usize,
    keep_negated: bool,
    first_id: i64,
) -> PyResult<(Bound<'py, PyBytes>, Vec<String>)> {
    let (bytes, problems) = py.allow_threads(|| {
        let (articles, mut problems) = read_articles(data);
        let options = CodeOptions {
            explain: false,
            keep_negated,
        };
        let coded = tidings_batch::code_batch(coder(), &articles, &options, threads);
        let date_added = tidings_store::date_added_now();
        let mut rows: Vec<Row> = Vec::new();
        for c in &coded {
            if c.failed {
                problems.push(format!(
                    "{}: the coder failed on this article",
                    c.meta.origin
                ));
            }
            let source_url = c.meta.source_url();
            let article = CodedArticle {
                source_url: &source_url,
                published: c.meta.date,
                date_added,
            };
            for e in &c.events {
                rows.push(coded_row(first_id + rows.len() as i64, e, &article));
            }
        }
        (
            tidings_store::parquet_export::parquet_bytes(&rows),
            problems,
        )
    });
    let bytes = bytes.map_err(store_error)?;
    Ok((PyBytes::new(py, &bytes), problems))
}

/// A tidings store (an SQLite file), as `tidings ingest`, `query` and `timeline` use it.
#[pyclass(name = "Store")]
struct PyStore {
    path: PathBuf,
    /// Locked inside each call, with the GIL released (a Python object must be shareable).
    store: Mutex<tidings_store::Store>,
}

impl PyStore {
    fn lock(&self) -> PyResult<std::sync::MutexGuard<'_, tidings_store::Store>> {
        self.store
            .lock()
            .map_err(|_| PyRuntimeError::new_err("the store failed in another thread"))
    }
}

#[pymethods]
impl PyStore {
    /// Opens the store at `path`, creating it when missing.
    #[new]
    fn new(path: PathBuf) -> PyResult<Self> {
        let store = tidings_store::Store::open(&path).map_err(store_error)?;
        Ok(PyStore {
            path,
            store: Mutex::new(store),
        })
    }

    /// Codes and stores the articles of JSON Lines `data` (articles already stored are skipped),
    /// holding the database's write lock as `tidings ingest` does. Returns the ingest's counts as
    /// JSON, and the problems met.
    #[pyo3(signature = (data, threads=2))]
    fn ingest_jsonl(
        &self,
        py: Python<'_>,
        data: &[u8],
        threads: usize,
    ) -> PyResult<(String, Vec<String>)> {
        let path = self.path.clone();
        py.allow_threads(move || {
            let mut store = self.lock()?;
            let _lock = WriteLock::acquire(&path, None, "python tidings.Store.ingest", |_, _| {})
                .map_err(store_error)?;
            let (articles, mut problems) = read_articles(data);
            let mut fresh = Vec::new();
            for (article, dating) in articles {
                let meta = tidings_store::ArticleMeta::from_article(&article);
                if !store.contains(&meta).map_err(store_error)? {
                    fresh.push((article, dating));
                }
            }
            let coded =
                tidings_batch::code_batch(coder(), &fresh, &CodeOptions::default(), threads);
            let batch: Vec<_> = coded
                .into_iter()
                .map(|c| {
                    if c.failed {
                        problems.push(format!(
                            "{}: the coder failed on this article; stored without events",
                            c.meta.origin
                        ));
                    }
                    (c.meta, c.events)
                })
                .collect();
            let stats = store.ingest_batch(&batch).map_err(store_error)?;
            problems.extend(
                stats
                    .problems
                    .iter()
                    .map(|p| format!("{}: {}", p.origin, p.message)),
            );
            let json = serde_json::to_string(&stats)
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            Ok((json, problems))
        })
    }

    /// The stored events that match, as Parquet bytes in the schema of `docs/schema.md`.
    #[pyo3(signature = (actor=None, dyad=None, code=None, quad_class=None, start=None, end=None, limit=None, date_basis=None))]
    #[allow(clippy::too_many_arguments)]
    fn query_parquet<'py>(
        &self,
        py: Python<'py>,
        actor: Option<String>,
        dyad: Option<(String, String)>,
        code: Option<String>,
        quad_class: Option<u8>,
        start: Option<String>,
        end: Option<String>,
        limit: Option<usize>,
        date_basis: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let day = |s: Option<String>, what: &str| -> PyResult<Option<NaiveDate>> {
            s.map(|s| {
                NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                    PyValueError::new_err(format!("{what} {s:?}: give a date as YYYY-MM-DD"))
                })
            })
            .transpose()
        };
        let filter = QueryFilter {
            actor,
            dyad,
            code,
            quad_class,
            from: day(start, "start")?,
            to: day(end, "end")?,
            date_basis: date_basis.unwrap_or_default(),
            leave_out_basis: Vec::new(),
            limit,
            ..Default::default()
        };
        let bytes = py.allow_threads(|| {
            let store = self.lock()?;
            let rows: Vec<Row> = store
                .query(&filter)
                .map_err(store_error)?
                .iter()
                .map(tidings_store::columns::stored_row)
                .collect();
            tidings_store::parquet_export::parquet_bytes(&rows).map_err(store_error)
        })?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Per period and direction, the events between `a` and `b`, as JSON (`tidings timeline`;
    /// undated events are left out, and history unless `with_history`).
    #[pyo3(signature = (a, b, by="month", with_history=false))]
    fn timeline_json(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        by: &str,
        with_history: bool,
    ) -> PyResult<String> {
        let period = match by {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            other => {
                return Err(PyValueError::new_err(format!(
                    "by={other:?}: give \"day\", \"week\" or \"month\""
                )))
            }
        };
        let rows = py.allow_threads(|| {
            self.lock()?
                .timeline(a, b, period, with_history)
                .map_err(store_error)
        })?;
        serde_json::to_string(&rows).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }
}

#[pymodule]
fn _tidings(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add_function(wrap_pyfunction!(code_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_class::<PyStore>()?;
    m.add("__version__", tidings_store::columns::CODER_VERSION)?;
    Ok(())
}
