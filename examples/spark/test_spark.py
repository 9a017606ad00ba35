"""The Spark example in local mode: allsides-world split in 8 shards, coded with local[1] and
local[2]; the events written equal `tidings code`'s on the same articles, and the dataset reads
back with the schema of docs/schema.md. Prints the seconds of each run (measured, not asserted).

Needs pyspark and Java 17 (skipped, saying which is missing, otherwise) and the `tidings` binary.
TIDINGS_SPARK_ARTICLES=N codes the first N articles instead of all; TIDINGS_SPARK_MASTERS
(default "local[1],local[2]") chooses the masters."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

import pytest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "python" / "tests"))
sys.path.insert(0, str(HERE))

from conftest import shared, tidings_bin  # noqa: E402

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")
if shutil.which("java") is None:
    pytest.skip("no Java (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

import code_corpus  # noqa: E402
import tidings  # noqa: E402

SHARDS = 8
# the Python workers run this interpreter (the one with tidings installed), not `python3` on PATH
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """allsides-world (or its first TIDINGS_SPARK_ARTICLES articles) in 8 JSON Lines shards."""
    limit = int(os.environ.get("TIDINGS_SPARK_ARTICLES", "0")) or None
    lines = (shared() / "corpus/allsides-world/articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line.strip()][:limit]
    folder = tmp_path_factory.mktemp("shards")
    for i in range(SHARDS):
        (folder / f"part-{i}.jsonl").write_text("\n".join(lines[i::SHARDS]) + "\n", encoding="utf-8")
    whole = folder.parent / "all.jsonl"
    whole.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, whole


def test_spark_local_modes_match_tidings_code(shards, tmp_path):
    folder, whole = shards
    started = time.perf_counter()
    out = subprocess.run([tidings_bin(), "code", str(whole)], capture_output=True, text=True)
    cli_seconds = time.perf_counter() - started
    expected = sum(1 for line in out.stdout.splitlines() if line.strip())
    assert expected > 0
    print(f"\ntidings code: {expected} events in {cli_seconds:.1f} s")
    masters = os.environ.get("TIDINGS_SPARK_MASTERS", "local[1],local[2]").split(",")
    for master in masters:
        spark = (
            code_corpus.SparkSession.builder.master(master)
            .appName("tidings-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate()
        )
        try:
            started = time.perf_counter()
            dataset = tmp_path / master.replace("[", "").replace("]", "")
            n = code_corpus.code_corpus(spark, str(folder), str(dataset))
            seconds = time.perf_counter() - started
            print(f"spark {master}: {n} events in {seconds:.1f} s ({SHARDS} shards)")
            assert n == expected
            back = spark.read.parquet(str(dataset))
            names = [c[0] for c in tidings.columns()]
            assert sorted(back.columns) == sorted(names)
            assert back.select("GLOBALEVENTID").distinct().count() == n
            types = dict(back.dtypes)
            assert types["EventCode"] == "string" and types["GLOBALEVENTID"] == "bigint"
            # one folder per month, one file in each
            files = list(dataset.rglob("*.parquet"))
            months = {f.parent for f in files}
            assert len(files) == len(months)
        finally:
            spark.stop()
