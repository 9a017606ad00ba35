//! Parquet export of the events table in the one schema ([`crate::columns`]), as a Hive-partitioned
//! dataset that pandas, pyarrow, Polars, DuckDB and Spark open with their default calls:
//!
//! - partition folders `Year=2020/MonthYear=202010/` (or `Year=` only, or down to `SQLDATE=`);
//!   the partition columns are not repeated inside the files, so no reader sees two types for one
//!   column; an undated event goes to `Year=0/MonthYear=0/` (its SQLDATE is null; a null partition,
//!   Hive's `__HIVE_DEFAULT_PARTITION__`, breaks pyarrow's conversion to pandas);
//! - one file per partition (a new one past [`MAX_ROWS_PER_FILE`] rows), so a small corpus by month
//!   is a few dozen files, not one per day;
//! - zstd compression, row groups of [`ROW_GROUP_ROWS`] rows: large enough for scans.

use crate::columns::{stored_row, Column, Kind, Row, Value, COLUMNS};
use crate::{QueryFilter, Store, StoreError};
use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per row group.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;
/// Rows per file before a partition gets a second file.
pub const MAX_ROWS_PER_FILE: usize = 1_000_000;

/// How the Parquet files are split into folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partition {
    /// `Year=YYYY/MonthYear=YYYYMM/SQLDATE=YYYYMMDD/`: for corpora of millions of events a day.
    Day,
    /// `Year=YYYY/MonthYear=YYYYMM/` (the default).
    Month,
    /// `Year=YYYY/`
    Year,
}

impl Partition {
    /// The partition columns, outermost first.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Partition::Day => &["Year", "MonthYear", "SQLDATE"],
            Partition::Month => &["Year", "MonthYear"],
            Partition::Year => &["Year"],
        }
    }
}

/// The columns inside the files: all of the schema but the partition columns.
fn file_columns(partition: Partition) -> Vec<(usize, &'static Column)> {
    COLUMNS
        .iter()
        .enumerate()
        .filter(|(_, c)| !partition.columns().contains(&c.name))
        .collect()
}

/// The Arrow type of a schema column.
pub fn arrow_type(kind: Kind) -> DataType {
    match kind {
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Text => DataType::Utf8,
        Kind::Bool => DataType::Boolean,
    }
}

/// The Arrow schema of the whole event schema (as the Python package builds its DataFrames).
pub fn schema() -> Arc<Schema> {
    file_schema(&COLUMNS.iter().enumerate().collect::<Vec<_>>())
}

fn file_schema(columns: &[(usize, &Column)]) -> Arc<Schema> {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|(_, c)| Field::new(c.name, arrow_type(c.kind), c.nullable))
            .collect::<Vec<_>>(),
    ))
}

/// The rows as one Arrow record batch with the given columns.
pub fn record_batch(
    schema: &Arc<Schema>,
    columns: &[(usize, &Column)],
    rows: &[Row],
) -> Result<RecordBatch, StoreError> {
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(columns.len());
    for (i, c) in columns {
        let values = rows.iter().map(|r| &r[*i]);
        let array: ArrayRef = match c.kind {
            Kind::Int => {
                let mut b = Int64Builder::with_capacity(rows.len());
                for v in values {
                    b.append_option(if let Value::Int(v) = v { *v } else { None });
                }
                Arc::new(b.finish())
            }
            Kind::Float => {
                let mut b = Float64Builder::with_capacity(rows.len());
                for v in values {
                    b.append_option(if let Value::Float(v) = v { *v } else { None });
                }
                Arc::new(b.finish())
            }
            Kind::Bool => {
                let mut b = BooleanBuilder::with_capacity(rows.len());
                for v in values {
                    b.append_value(matches!(v, Value::Bool(true)));
                }
                Arc::new(b.finish())
            }
            Kind::Text => {
                let mut b = StringBuilder::new();
                for v in values {
                    b.append_value(if let Value::Text(s) = v {
                        s.as_str()
                    } else {
                        ""
                    });
                }
                Arc::new(b.finish())
            }
        };
        arrays.push(array);
    }
    RecordBatch::try_new(schema.clone(), arrays).map_err(|e| StoreError::Parquet(e.to_string()))
}

/// Rows in every column of the schema (partition columns included) as one uncompressed Parquet
/// file in memory: how the Python package hands a DataFrame over, typed as the export is.
pub fn parquet_bytes(rows: &[Row]) -> Result<Vec<u8>, StoreError> {
    let columns: Vec<(usize, &Column)> = COLUMNS.iter().enumerate().collect();
    let schema = file_schema(&columns);
    let failed = |e: parquet::errors::ParquetError| StoreError::Parquet(e.to_string());
    let mut out = Vec::new();
    let props = WriterProperties::builder()
        .set_compression(Compression::UNCOMPRESSED)
        .build();
    let mut writer = ArrowWriter::try_new(&mut out, schema.clone(), Some(props)).map_err(failed)?;
    for chunk in rows.chunks(8192) {
        writer
            .write(&record_batch(&schema, &columns, chunk)?)
            .map_err(failed)?;
    }
    writer.close().map_err(failed)?;
    Ok(out)
}

/// The partition folder of a row: `Year=2020/MonthYear=202010`.
fn partition_dir(partition: Partition, row: &Row) -> PathBuf {
    let mut dir = PathBuf::new();
    for name in partition.columns() {
        let i = COLUMNS.iter().position(|c| c.name == *name).unwrap_or(0);
        // SQLDATE (in `Day`) is null when undated: its folder is 0 like Year's
        let value = match &row[i] {
            Value::Int(Some(v)) => *v,
            _ => 0,
        };
        dir.push(format!("{name}={value}"));
    }
    dir
}

/// Writes one file of a partition.
struct FileSink<'a> {
    dir: &'a Path,
    schema: Arc<Schema>,
    columns: Vec<(usize, &'static Column)>,
}

impl FileSink<'_> {
    fn write(&self, part: &Path, index: usize, rows: &[Row]) -> Result<PathBuf, StoreError> {
        let part_dir = self.dir.join(part);
        create_dir(&part_dir)?;
        let path = part_dir.join(format!("part-{index}.zstd.parquet"));
        let file = std::fs::File::create(&path).map_err(|e| cannot("create", &path, &e))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).unwrap_or_default()))
            .set_max_row_group_size(ROW_GROUP_ROWS)
            .build();
        let failed = |e: parquet::errors::ParquetError| {
            StoreError::Parquet(format!("{}: cannot write: {e}", path.display()))
        };
        let mut writer =
            ArrowWriter::try_new(file, self.schema.clone(), Some(props)).map_err(failed)?;
        for chunk in rows.chunks(8192) {
            writer
                .write(&record_batch(&self.schema, &self.columns, chunk)?)
                .map_err(failed)?;
        }
        writer.close().map_err(failed)?;
        Ok(path)
    }
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
    /// Writes all events as a Hive-partitioned Parquet dataset under `dir`. Returns the files
    /// written and the number of rows.
    pub fn export_parquet(
        &self,
        dir: &Path,
        partition: Partition,
    ) -> Result<(Vec<PathBuf>, usize), StoreError> {
        // Fails before any work when the folder cannot be made, even with no events to write.
        create_dir(dir)?;
        let columns = file_columns(partition);
        let sink = FileSink {
            dir,
            schema: file_schema(&columns),
            columns,
        };
        let mut files = Vec::new();
        let mut current: Option<(PathBuf, usize)> = None;
        let mut rows: Vec<Row> = Vec::new();
        let mut total = 0;
        // Events come by day (undated first), so each partition's rows arrive together.
        self.for_each_event(&QueryFilter::default(), |e| {
            let row = stored_row(&e);
            let part = partition_dir(partition, &row);
            let same = current.as_ref().is_some_and(|(p, _)| *p == part);
            if !same || rows.len() >= MAX_ROWS_PER_FILE {
                if let Some((done, index)) = current.take() {
                    files.push(sink.write(&done, index, &rows)?);
                    rows.clear();
                    if same {
                        current = Some((done, index + 1));
                    }
                }
                if current.is_none() {
                    current = Some((part, 0));
                }
            }
            rows.push(row);
            total += 1;
            Ok(())
        })?;
        if let Some((done, index)) = current {
            files.push(sink.write(&done, index, &rows)?);
        }
        Ok((files, total))
    }
}
