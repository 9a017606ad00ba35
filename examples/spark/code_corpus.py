"""Codes a corpus on Spark with the tidings Python package and writes the event dataset of
docs/schema.md: Parquet, Hive-partitioned by Year/MonthYear, zstd, one file per month.

    python code_corpus.py 'shards/*.jsonl' events/ --master 'local[2]'

Input: JSON Lines shards of articles (`id`, `title`, `date`, `source`, `url`, `text`; other
fields are ignored), as `tidings code` reads them. Each Spark task codes its batches of articles
with `tidings.code` inside `mapInPandas`: coding is stateless per article, so the executors need
only the tidings wheel, no database and no network. GLOBALEVENTID is made unique per run from the
task's partition number. Prints the events written and the seconds taken.
"""

import argparse
import os
import sys
import time

from pyspark import TaskContext
from pyspark.sql import SparkSession
from pyspark.sql import types as T

import tidings

ARTICLES = "id string, title string, date string, source string, url string, text string"
SPARK_TYPES = {"int64": T.LongType(), "double": T.DoubleType(), "string": T.StringType(), "bool": T.BooleanType()}
# events of one task are numbered from partition * ID_STRIDE
ID_STRIDE = 1_000_000_000


def event_schema() -> T.StructType:
    """The schema of docs/schema.md as a Spark schema."""
    return T.StructType(
        [T.StructField(name, SPARK_TYPES[kind], nullable) for name, kind, nullable, _ in tidings.columns()]
    )


def code_batches(batches):
    """mapInPandas: pandas DataFrames of articles in, DataFrames of events out."""
    next_id = TaskContext.get().partitionId() * ID_STRIDE
    for articles in batches:
        events = tidings.code(articles, first_id=next_id)
        next_id += len(events)
        yield events


def code_corpus(spark: SparkSession, source: str, out: str) -> int:
    """Codes the JSON Lines at `source` and writes the dataset to `out`; returns the event count."""
    if __name__ != "__main__":
        # imported (a test, a notebook): the executors import code_batches from this file
        spark.sparkContext.addPyFile(__file__)
    articles = spark.read.schema(ARTICLES).json(source)
    events = articles.mapInPandas(code_batches, schema=event_schema())
    partitions = [name for name, _, _, partition in tidings.columns() if partition]
    partitions.sort(key=lambda p: p != "Year")  # Year=/MonthYear=, as `tidings export`
    (
        events.repartition(*partitions)  # one file per month
        .write.mode("overwrite")
        .partitionBy(*partitions)
        .option("compression", "zstd")
        .parquet(out)
    )
    return spark.read.parquet(out).count()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="JSON Lines file(s): a path, a folder or a glob")
    parser.add_argument("out", help="output folder of the Parquet dataset")
    parser.add_argument("--master", help="Spark master (local[2], spark://host:7077, yarn)")
    args = parser.parse_args(argv)
    builder = SparkSession.builder.appName("tidings-code")
    if args.master:
        builder = builder.master(args.master)
    if args.master and args.master.startswith("local"):
        # local workers run this interpreter, the one with tidings installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate()
    started = time.perf_counter()
    try:
        n = code_corpus(spark, args.source, args.out)
    finally:
        seconds = time.perf_counter() - started
        spark.stop()
    print(f"{n} events written to {args.out} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
