//! Parquet export of the events table: GDELT column names and types, one file per date partition
//! in Hive layout (`SQLDATE=20201010/part-0.parquet`), Snappy-compressed, for DuckDB, Spark, Polars.

use crate::export::{gdelt_event_fields, GDELT_EVENT_COLUMNS};
use crate::{QueryFilter, Store, StoreError};
use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How the Parquet files are split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partition {
    /// `SQLDATE=YYYYMMDD/`
    Day,
    /// `MonthYear=YYYYMM/`
    Month,
    /// `Year=YYYY/`
    Year,
}

impl Partition {
    /// The partition folder; events with no date go to Hive's folder for a null key.
    fn dir(self, fields: &[String]) -> String {
        let (name, value) = match self {
            Partition::Day => ("SQLDATE", &fields[1]),
            Partition::Month => ("MonthYear", &fields[2]),
            Partition::Year => ("Year", &fields[3]),
        };
        if value.is_empty() {
            format!("{name}=__HIVE_DEFAULT_PARTITION__")
        } else {
            format!("{name}={value}")
        }
    }
}

const INTEGER_COLUMNS: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
    "DATEADDED",
];
const FLOAT_COLUMNS: &[&str] = &[
    "FractionDate",
    "GoldsteinScale",
    "AvgTone",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "ActionGeo_Lat",
    "ActionGeo_Long",
];

fn column_type(name: &str) -> DataType {
    if INTEGER_COLUMNS.contains(&name) {
        DataType::Int64
    } else if FLOAT_COLUMNS.contains(&name) {
        DataType::Float64
    } else {
        DataType::Utf8
    }
}

/// The Arrow schema of the export: GDELT's 61 columns, integers, floats and strings as GDELT types them.
pub fn schema() -> Arc<Schema> {
    Arc::new(Schema::new(
        GDELT_EVENT_COLUMNS
            .iter()
            .map(|c| Field::new(*c, column_type(c), true))
            .collect::<Vec<_>>(),
    ))
}

fn record_batch(schema: &Arc<Schema>, rows: &[Vec<String>]) -> Result<RecordBatch, StoreError> {
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(GDELT_EVENT_COLUMNS.len());
    for (i, f) in schema.fields().iter().enumerate() {
        let values = rows
            .iter()
            .map(|r| r[i].as_str())
            .map(|v| (!v.is_empty()).then_some(v));
        let array: ArrayRef = match f.data_type() {
            DataType::Int64 => {
                let mut b = Int64Builder::with_capacity(rows.len());
                for v in values {
                    b.append_option(v.and_then(|v| v.parse().ok()));
                }
                Arc::new(b.finish())
            }
            DataType::Float64 => {
                let mut b = Float64Builder::with_capacity(rows.len());
                for v in values {
                    b.append_option(v.and_then(|v| v.parse().ok()));
                }
                Arc::new(b.finish())
            }
            _ => {
                let mut b = StringBuilder::new();
                for v in values {
                    b.append_option(v);
                }
                Arc::new(b.finish())
            }
        };
        columns.push(array);
    }
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| StoreError::Parquet(e.to_string()))
}

fn write_file(
    dir: &Path,
    part: &str,
    schema: &Arc<Schema>,
    rows: &[Vec<String>],
) -> Result<PathBuf, StoreError> {
    let part_dir = dir.join(part);
    create_dir(&part_dir)?;
    let path = part_dir.join("part-0.parquet");
    let file = std::fs::File::create(&path).map_err(|e| cannot("create", &path, &e))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let failed = |e: parquet::errors::ParquetError| {
        StoreError::Parquet(format!("{}: cannot write: {e}", path.display()))
    };
    let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(failed)?;
    for chunk in rows.chunks(8192) {
        writer
            .write(&record_batch(schema, chunk)?)
            .map_err(failed)?;
    }
    writer.close().map_err(failed)?;
    Ok(path)
}

/// An I/O error on `path`, saying what was tried and what went wrong, once (std's message repeats
/// `Permission denied (os error 13)` when wrapped).
fn cannot(what: &str, path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Invalid(format!(
        "{}: cannot {what}: {}",
        path.display(),
        crate::describe_io(e)
    ))
}

fn create_dir(dir: &Path) -> Result<(), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| cannot("create the folder", dir, &e))
}

impl Store {
    /// Writes all events as Parquet files under `dir`, one per partition. Returns the files written
    /// and the number of rows.
    pub fn export_parquet(
        &self,
        dir: &Path,
        partition: Partition,
    ) -> Result<(Vec<PathBuf>, usize), StoreError> {
        // Fails before any work when the folder cannot be made, even with no events to write.
        create_dir(dir)?;
        let schema = schema();
        let mut files = Vec::new();
        let mut current: Option<String> = None;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut total = 0;
        // Events come by day, so each partition's rows arrive together.
        self.for_each_event(&QueryFilter::default(), |e| {
            let fields = gdelt_event_fields(&e);
            let part = partition.dir(&fields);
            if current.as_deref() != Some(part.as_str()) {
                if let Some(done) = current.take() {
                    files.push(write_file(dir, &done, &schema, &rows)?);
                    rows.clear();
                }
                current = Some(part);
            }
            rows.push(fields);
            total += 1;
            Ok(())
        })?;
        if let Some(done) = current {
            files.push(write_file(dir, &done, &schema, &rows)?);
        }
        Ok((files, total))
    }
}
